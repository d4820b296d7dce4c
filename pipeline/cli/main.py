"""The ``binhyen`` command line: one module per family of subcommands.

Each module exposes ``register(subparsers)``, adding its subcommands with
``set_defaults(func=...)``; ``func(args) -> int`` is the exit code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Modules that contribute subcommands, in the order they appear in --help.
COMMAND_MODULES = (
    "pipeline.cli.broker_commands",   # broker
    "pipeline.cli.worker_commands",   # worker, demo
    "pipeline.cli.io_commands",       # produce, tail
    "pipeline.cli.model_commands",    # classify, train, eval
    "pipeline.cli.bench",             # bench
    "pipeline.cli.inbox_commands",    # inbox
    "pipeline.cli.deliver_commands",  # deliver, fake-zalo, deliver-bench
    "pipeline.cli.gateway_commands",  # gateway, zalo-sign, gateway-bench
    "pipeline.cli.act_commands",      # act (pardon, confirm_removal, exempt, unexempt, correct)
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="binhyen",
        description="Moderation of Vietnamese community-safety chat groups over Kafka.",
        epilog="Settings come from BINHYEN_* environment variables; see README.md.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a family not built yet
                continue
            raise
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
