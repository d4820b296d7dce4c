"""``binhyen worker`` (the Faust worker) and ``binhyen demo`` (what ``make run`` runs)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import time

from pipeline.settings import Settings, SettingsError


def register(sub: argparse._SubParsersAction) -> None:
    w = sub.add_parser("worker", help="run the Faust moderation worker against BINHYEN_KAFKA")
    w.set_defaults(func=run_worker)
    d = sub.add_parser("demo", help="broker + worker + metrics, stream the sample conversation, print warnings "
                                    "and escalations (what `make run` runs)")
    d.add_argument("--file", default=None, help="conversation to stream (default: the bundled sample)")
    d.add_argument("--rate", type=float, default=20.0, help="messages per second (default 20)")
    d.add_argument("--exit-after", type=float, default=0.0, help=argparse.SUPPRESS)
    d.set_defaults(func=run_demo)


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


async def _wait_for_topics(settings: Settings, timeout: float = 60.0) -> None:
    from pipeline.kafka.admin import ensure_topics
    from pipeline.streams.partition_state import CHANGELOG_CONFIG, changelog_topic
    deadline = time.monotonic() + timeout
    changelog = changelog_topic(settings)
    while True:
        try:
            await ensure_topics(settings, timeout=10.0)
            await ensure_topics(settings, names=[changelog], configs={changelog: CHANGELOG_CONFIG}, timeout=10.0)
            return
        except Exception as exc:
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kafka at {settings.kafka} not reachable: {exc}") from exc
            await asyncio.sleep(1.0)


def run_worker(args: argparse.Namespace) -> int:
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"binhyen worker: {exc}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    import faust

    from pipeline import metrics
    from pipeline.domain.groups import ConfigError
    from pipeline.streams.wiring import create_runtime

    try:
        asyncio.run(_wait_for_topics(settings))
    except RuntimeError as exc:
        print(f"binhyen worker: {exc}", file=sys.stderr)
        return 1
    try:
        runtime = create_runtime(settings)
    except ConfigError as exc:
        print(f"binhyen worker: {exc}", file=sys.stderr)
        return 2
    if settings.metrics_port:
        metrics.start_metrics_server(settings.metrics_port)
        logging.getLogger("binhyen").info("metrics on http://0.0.0.0:%d/metrics", settings.metrics_port)
    asyncio.set_event_loop(asyncio.new_event_loop())
    logging.getLogger().handlers.clear()  # Faust's worker installs its own handler
    worker = faust.Worker(runtime.app, loglevel=settings.log_level.upper(), quiet=True,
                          redirect_stdouts=False)
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from pipeline.cli.demo import Demo
    return Demo(file=args.file, rate=args.rate, exit_after=args.exit_after).run()
