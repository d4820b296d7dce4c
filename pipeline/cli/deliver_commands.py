"""``binhyen deliver`` (outputs to people), ``binhyen fake-zalo`` and ``binhyen deliver-bench``."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from pipeline.cli.common import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    d = sub.add_parser("deliver", help="send warnings, escalations, lost-found and review cases to people "
                                       "(Zalo OA, signed webhooks)")
    d.add_argument("--dry-run", action="store_true", help="log what would be sent, send nothing "
                                                         "(same as BINHYEN_DELIVER_DRY_RUN=1)")
    d.set_defaults(func=run_deliver)

    f = sub.add_parser("fake-zalo", help="a local fake of the Zalo OA API (tests, demo)")
    f.add_argument("--host", default="127.0.0.1")
    f.add_argument("--port", type=int, default=8090)
    f.add_argument("--app-id", default="fake-app")
    f.add_argument("--app-secret", default="fake-secret")
    f.add_argument("--refresh-token", default="fake-refresh-0", help="the first (single-use) refresh token")
    f.add_argument("--delay-ms", type=float, default=0.0, help="answer every API call after this long")
    f.add_argument("--fail-5xx", type=int, default=0, help="the first N API calls answer 503")
    f.add_argument("--expire-every", type=int, default=0, help="every N-th API call finds its token expired (-216)")
    f.add_argument("--token-ttl", type=float, default=90000.0, help="seconds an access token lives")
    f.add_argument("--user-error", action="append", default=[], metavar="USER=CODE",
                   help="always answer CODE (inside HTTP 200) to 1:1 messages for USER")
    f.set_defaults(func=run_fake_zalo)

    b = sub.add_parser("deliver-bench", help="urgent escalation latency, input message to officer delivery, "
                                             "through broker, worker, deliverer and the fake Zalo")
    b.add_argument("--rate", type=float, default=100.0, help="input messages per second (default 100)")
    b.add_argument("--seconds", type=float, default=30.0, help="how long to produce (default 30)")
    b.add_argument("--delay-ms", type=float, default=50.0, help="the fake Zalo's answer time (default 50)")
    b.add_argument("--zalo-concurrency", type=int, default=0, help="BINHYEN_DELIVER_ZALO_CONCURRENCY for the run")
    b.add_argument("--json", action="store_true", help="print the figures as JSON")
    b.set_defaults(func=run_bench)


def run_deliver(args: argparse.Namespace) -> int:
    settings = load_settings("deliver")
    if settings is None:
        return 2
    if args.dry_run:
        settings = settings.model_copy(update={"deliver_dry_run": True})
    from pipeline import metrics
    from pipeline.cli.worker_commands import configure_logging
    from pipeline.deliver.service import Deliverer
    from pipeline.domain.groups import ConfigError, load_groups

    configure_logging(settings.log_level)
    try:
        groups = load_groups(settings.groups_file)
    except ConfigError as exc:
        print(f"binhyen deliver: {exc}", file=sys.stderr)
        return 2
    if settings.deliver_metrics_port:
        try:
            metrics.start_metrics_server(settings.deliver_metrics_port)
        except OSError as exc:
            logging.getLogger("binhyen").error("cannot serve metrics on port %d (%s); delivering without them",
                                               settings.deliver_metrics_port, exc.strerror or exc)
        else:
            logging.getLogger("binhyen").info("deliver metrics on http://0.0.0.0:%d/metrics",
                                              settings.deliver_metrics_port)

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await Deliverer(settings, groups).run(stop)

    try:
        asyncio.run(main())
    except Exception as exc:  # noqa: BLE001
        logging.getLogger("binhyen").exception("deliver stopped: %s", type(exc).__name__)
        return 1
    return 0


def run_fake_zalo(args: argparse.Namespace) -> int:
    from aiohttp import web

    from pipeline.fakezalo.server import Faults, FakeZalo

    user_errors = {}
    for item in args.user_error:
        user, _, code = item.partition("=")
        try:
            user_errors[user] = int(code)
        except ValueError:
            print(f"binhyen fake-zalo: --user-error {item!r} is not USER=CODE", file=sys.stderr)
            return 2
    faults = Faults(delay=args.delay_ms / 1000.0, fail_5xx=args.fail_5xx, expire_every=args.expire_every,
                    token_ttl=args.token_ttl, user_errors=user_errors)
    fake = FakeZalo(app_id=args.app_id, app_secret=args.app_secret, refresh_token=args.refresh_token,
                    faults=faults)
    print(f"fake Zalo on http://{args.host}:{args.port} (GET /_received shows what it got)", file=sys.stderr)
    web.run_app(fake.app(), host=args.host, port=args.port, print=None, access_log=None)
    return 0


def run_bench(args: argparse.Namespace) -> int:
    from pipeline.cli.deliver_bench import bench

    return bench(args)
