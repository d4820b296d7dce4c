"""``binhyen demo``: the whole pipeline on one machine, for a person to watch.

Starts the embedded broker (unless ``BINHYEN_KAFKA`` names another cluster or a
broker already listens on the default port), a worker process serving
``/metrics``, streams the bundled conversation, and prints every warning,
escalation, lost-and-found report and dead letter as it comes out. Ctrl-C (or
SIGTERM) stops everything it started.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import orjson

from pipeline.cli.demo_deliver import DemoDelivery
from pipeline.cli.embedded_broker import EmbeddedBroker, port_open
from pipeline.cli.io_commands import produce
from pipeline.cli.processes import terminate
from pipeline.cli.render import render
from pipeline.settings import DEFAULT_BROKER_PORT, Settings
from pipeline.kafka import clients, topics

WATCHED = (topics.ESCALATIONS, topics.WARNINGS, topics.LOST_FOUND, topics.DEAD_LETTER)

#: Consumer-group timings for a single local worker: a quick first join.
DEMO_WORKER_ENV = {
    "BINHYEN_SESSION_TIMEOUT": "10",
    "BINHYEN_HEARTBEAT_INTERVAL": "1",
    "BINHYEN_REBALANCE_TIMEOUT": "10",
}


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the demo the way Ctrl-C does."""
    raise KeyboardInterrupt


def sample_conversation() -> Path:
    return Path(str(resources.files("pipeline").joinpath("data", "sample_conversation.jsonl")))


class Demo:
    def __init__(self, file: str | None = None, rate: float = 20.0, exit_after: float = 0.0,
                 workdir: str = ".binhyen-demo") -> None:
        self.file = Path(file) if file else sample_conversation()
        self.rate = rate
        self.exit_after = exit_after
        self.workdir = Path(workdir)
        self.broker: EmbeddedBroker | None = None
        self.worker: subprocess.Popen[bytes] | None = None
        self.delivery = DemoDelivery(self.workdir)  # fake Zalo + `binhyen deliver`

    def say(self, text: str) -> None:
        print(f"[demo] {text}", file=sys.stderr, flush=True)

    def run(self) -> int:
        if not self.file.is_file():
            self.say(f"no such conversation file: {self.file}")
            return 2
        self.workdir.mkdir(exist_ok=True)
        settings = Settings.from_env()
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            self._start(settings)
            asyncio.run(self._watch(settings))
        except KeyboardInterrupt:
            self.say("stopping…")
        finally:
            self._stop()
        return 0

    def _start(self, settings: Settings) -> None:
        app_id = settings.app_id
        if settings.is_embedded_default:
            if port_open("127.0.0.1", DEFAULT_BROKER_PORT):
                self.say(f"a broker already listens on {settings.kafka}; using it")
                app_id = f"{settings.app_id}-demo-{int(time.time())}"
            else:
                self.broker = EmbeddedBroker(DEFAULT_BROKER_PORT, partitions=settings.partitions,
                                             log_path=self.workdir / "broker.log").start()
                self.say(f"embedded broker (Tansu) on {self.broker.bootstrap}")
        else:
            self.say(f"using Kafka at {settings.kafka}")
            app_id = f"{settings.app_id}-demo-{int(time.time())}"
        env = {**os.environ, **DEMO_WORKER_ENV, "BINHYEN_KAFKA": settings.kafka, "BINHYEN_APP_ID": app_id,
               "BINHYEN_DATA_DIR": str(self.workdir / "worker-data")}
        log = open(self.workdir / "worker.log", "ab")
        self.worker = subprocess.Popen([sys.executable, "-m", "pipeline", "worker"], env=env,
                                       stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.say(f"worker pid {self.worker.pid}, log {self.workdir / 'worker.log'}; "
                 f"metrics on http://127.0.0.1:{settings.metrics_port}/metrics")
        self.delivery.start(settings, env)

    async def _watch(self, settings: Settings) -> None:
        consumer = clients.consumer(settings, *WATCHED, auto_offset_reset="latest")
        await consumer.start()
        started = time.monotonic()
        try:
            with self.file.open("rb") as handle:
                self.say(f"streaming {self.file.name} at {self.rate:g} msgs/s; "
                         "the worker joins its consumer group first (about 10-30 s)… Ctrl-C stops.")
                producing = asyncio.create_task(produce(settings, handle, topic=topics.INPUT, rate=self.rate))
                while True:
                    if self.worker is not None and self.worker.poll() is not None:
                        self.say(f"the worker exited with code {self.worker.returncode}; "
                                 f"see {self.workdir / 'worker.log'}")
                        return
                    if self.exit_after and time.monotonic() - started > self.exit_after:
                        return
                    batch = await consumer.getmany(timeout_ms=500)
                    for tp, records in sorted(batch.items(), key=lambda kv: kv[0].partition):
                        for record in records:
                            try:
                                rec = orjson.loads(record.value)
                            except orjson.JSONDecodeError:
                                continue
                            print(render(tp.topic, rec), flush=True)
                    for line in self.delivery.lines():
                        print(line, flush=True)
                    if producing.done() and producing.exception():
                        raise producing.exception()  # type: ignore[misc]
        finally:
            await consumer.stop()

    def _stop(self) -> None:
        self.delivery.stop()
        terminate(self.worker, grace=15)
        if self.broker is not None:
            self.broker.stop()
        self.say("stopped everything it started")
