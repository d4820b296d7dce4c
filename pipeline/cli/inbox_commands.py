"""``binhyen inbox [--port P]``: the officers' and leaders' web inbox; ``binhyen inbox hash-password``;
``binhyen inbox rebuild``: drop the inbox database and fill it again from the topics."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys

from pipeline.cli.common import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("inbox", help="the officers' and leaders' web inbox",
                       description="Serves the inbox (BINHYEN_INBOX_PORT, BINHYEN_DATABASE_URL, BINHYEN_ACCOUNTS_FILE).")
    p.add_argument("--port", type=int, default=None, help="HTTP port (default BINHYEN_INBOX_PORT)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.set_defaults(func=_serve)
    inner = p.add_subparsers(dest="inbox_command", metavar="SUBCOMMAND")
    h = inner.add_parser("hash-password", help="print an argon2 hash for accounts.toml")
    h.add_argument("--password", help="the password (default: asked without echo, or read from stdin)")
    h.set_defaults(func=_hash)
    r = inner.add_parser("rebuild", help="drop the inbox database tables and project every topic again")
    r.set_defaults(func=_rebuild)


def _serve(args: argparse.Namespace) -> int:
    settings = load_settings("inbox")
    if settings is None:
        return 2
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from pipeline.inbox.accounts import AccountsError
    from pipeline.inbox.service import serve

    port = args.port if args.port is not None else settings.inbox_port
    try:
        serve(settings, port, host=args.host)
    except AccountsError as exc:
        print(f"binhyen inbox: {exc}", file=sys.stderr)
        return 2
    return 0


def _hash(args: argparse.Namespace) -> int:
    from pipeline.inbox.accounts import hash_password

    password = args.password
    if password is None:
        password = getpass.getpass("Mật khẩu / password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not password:
        print("binhyen inbox hash-password: empty password", file=sys.stderr)
        return 2
    print(hash_password(password))
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    settings = load_settings("inbox")
    if settings is None:
        return 2
    from pipeline.inbox.db import database_url, drop_all, make_engine, migrate, sessions
    from pipeline.inbox.projector import rebuild

    engine = make_engine(database_url(settings))
    drop_all(engine)
    migrate(engine)
    n = asyncio.run(rebuild(settings, sessions(engine)))
    print(f"binhyen inbox rebuild: {n} records projected")
    return 0
