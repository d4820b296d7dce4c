"""The bench's child processes: spawning and stopping them, and the entry points of stages a and b
(``python -m pipeline.cli.bench _raw_forward ...`` / ``_faust_passthrough ...``)."""

from __future__ import annotations

import argparse
import asyncio
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from pipeline.cli.processes import spawn, terminate


def bench_settings(bootstrap: list[str]) -> Any:
    """The environment's settings (security included) pointed at the bench's broker."""
    from pipeline.settings import Settings

    return Settings.from_env().model_copy(update={"kafka": ",".join(bootstrap)})


class Children:
    """Every process the bench starts, so that all of them are stopped on any exit."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []

    def spawn(self, cmd: list[str], *, env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
        proc = spawn(cmd, log_path=log_path, env=env)
        self.procs.append(proc)
        return proc

    @staticmethod
    def stop(proc: subprocess.Popen[bytes], grace: float = 15.0) -> None:
        terminate(proc, grace, group=True)  # its own session: the child and anything it started

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            self.stop(proc)
        self.procs.clear()


async def raw_forward(bootstrap: str, group: str, source: str, sink: str) -> None:
    """Consume ``source`` in a consumer group and produce every record's key and value to ``sink``."""
    from pipeline.kafka import clients

    settings = bench_settings([bootstrap])
    consumer = clients.consumer(settings, source, group_id=group, enable_auto_commit=True)
    producer = clients.producer(settings, acks=1, linger_ms=5, max_batch_size=512 * 1024)
    await producer.start()
    await consumer.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=5000)
            for records in batch.values():
                for record in records:
                    await producer.send(sink, value=record.value, key=record.key)
    finally:
        await consumer.stop()
        await producer.stop()


def faust_passthrough(bootstrap: str, app_id: str, source: str, sink: str, partitions: int, datadir: str) -> int:
    """A minimal Faust worker whose one agent forwards every event unchanged; the real app's Faust settings."""
    import faust

    from pipeline.streams.app import faust_settings

    settings = bench_settings([bootstrap]).model_copy(update=dict(app_id=app_id, partitions=partitions,
                                                                  data_dir=datadir))
    app = faust.App(app_id, **faust_settings(settings))
    src = app.topic(source, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                    partitions=partitions)
    dst = app.topic(sink, key_serializer="raw", value_serializer="raw", partitions=partitions)

    @app.agent(src, name="forward")
    async def forward(stream: Any) -> None:
        async for event in stream.events():
            await dst.send(key=event.key, value=event.value)

    asyncio.set_event_loop(asyncio.new_event_loop())
    worker = faust.Worker(app, loglevel="WARNING", quiet=True, redirect_stdouts=False, override_logging=False)
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def child_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.cli.bench")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("_raw_forward")
    r.add_argument("--bootstrap", required=True)
    r.add_argument("--group", required=True)
    r.add_argument("--source", required=True)
    r.add_argument("--sink", required=True)
    f = sub.add_parser("_faust_passthrough")
    f.add_argument("--bootstrap", required=True)
    f.add_argument("--app-id", required=True)
    f.add_argument("--source", required=True)
    f.add_argument("--sink", required=True)
    f.add_argument("--partitions", type=int, default=4)
    f.add_argument("--datadir", required=True)
    args = p.parse_args(argv)
    if args.cmd == "_raw_forward":
        asyncio.run(raw_forward(args.bootstrap, args.group, args.source, args.sink))
        return 0
    return faust_passthrough(args.bootstrap, args.app_id, args.source, args.sink, args.partitions, args.datadir)


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1:]))
