"""``binhyen broker``: the embedded broker in the foreground."""

from __future__ import annotations

import argparse
import signal
import sys

from pipeline.cli.embedded_broker import BrokerError, EmbeddedBroker
from pipeline.settings import DEFAULT_BROKER_PORT, Settings


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("broker", help="run the embedded Kafka-compatible broker (Tansu) in the foreground")
    p.add_argument("--port", type=int, default=DEFAULT_BROKER_PORT, help=f"port on 127.0.0.1 (default {DEFAULT_BROKER_PORT})")
    p.add_argument("--partitions", type=int, default=None, help="partitions per topic (default BINHYEN_PARTITIONS)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    broker = EmbeddedBroker(args.port, partitions=args.partitions or settings.partitions)
    try:
        broker.start()
    except BrokerError as exc:
        print(f"binhyen broker: {exc}", file=sys.stderr)
        return 1
    print(f"binhyen broker: listening on {broker.bootstrap} (memory storage; topics created with "
          f"{broker.partitions} partitions). Ctrl-C stops it.", file=sys.stderr, flush=True)

    def _stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        return broker.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        broker.stop()
