"""``binhyen demo``: the whole pipeline on one machine, for a person to watch.

Starts the embedded broker (unless ``BINHYEN_KAFKA`` names another cluster or a
broker already listens on the default port), a worker process serving
``/metrics``, streams the bundled conversation, and prints every warning,
escalation, lost-and-found report and dead letter as it comes out. Once the
conversation is through, a leader pardons a member and an officer corrects a
category (``DEMO_ACTIONS``); their effects (``pardoned``, ``withdrawn``,
feedback) are printed too. Ctrl-C (or
SIGTERM) stops everything it started.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import orjson

from pipeline.cli.act_commands import send_action
from pipeline.cli.demo_deliver import DemoDelivery
from pipeline.cli.embedded_broker import EmbeddedBroker, port_open
from pipeline.domain.actions import action_record
from pipeline.cli.io_commands import produce
from pipeline.cli.processes import terminate
from pipeline.cli.render import render
from pipeline.settings import DEFAULT_BROKER_PORT, Settings
from pipeline.kafka import clients, topics

WATCHED = (topics.ESCALATIONS, topics.WARNINGS, topics.LOST_FOUND, topics.DEAD_LETTER, topics.FEEDBACK,
           topics.REVIEW)

#: After the sample conversation, people answer back (``binhyen act``): what each does, and the action.
DEMO_ACTIONS = (
    ("the leader of phuong-ben-nghe pardons resident-bn-07 (football chat on Monday and Saturday)",
     dict(kind="pardon", group_id="phuong-ben-nghe", member_id="resident-bn-07",
          actor_id="leader-bn-tran-thi-lan", actor_role="leader")),
    ("the officer of thon-an-phu corrects ap-018 (a photo of a strange car, no caption) to a tip",
     dict(kind="correct", group_id="thon-an-phu", message_id="ap-018", category="tip",
          actor_id="officer-ap-dang-van-son", actor_role="officer")),
)
#: Seconds without a new output, once the conversation is sent, before the actions are sent.
QUIET_BEFORE_ACTIONS = 6.0

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
        self.inbox: subprocess.Popen[bytes] | None = None
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
        self.inbox = start_inbox(settings, app_id, self.workdir, fresh=self.broker is not None, say=self.say)
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
                acted = self.file != sample_conversation()  # the actions name the sample's members
                last_output, seen_output = time.monotonic(), False
                while True:
                    if self.worker is not None and self.worker.poll() is not None:
                        self.say(f"the worker exited with code {self.worker.returncode}; "
                                 f"see {self.workdir / 'worker.log'}")
                        return
                    if self.exit_after and time.monotonic() - started > self.exit_after:
                        return
                    batch = await consumer.getmany(timeout_ms=500)
                    if batch:
                        last_output = time.monotonic()
                        seen_output = True
                    elif (not acted and seen_output and producing.done() and not producing.exception()
                          and time.monotonic() - last_output > QUIET_BEFORE_ACTIONS):
                        acted = True
                        await self._act(settings)
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

    async def _act(self, settings: Settings) -> None:
        """People answer back: a pardon and a correction, as ``binhyen act`` sends them."""
        for what, fields in DEMO_ACTIONS:
            fields = dict(fields)
            record = action_record(fields.pop("kind"), fields.pop("group_id"), action_id=uuid.uuid4().hex,
                                   requested_at=datetime.now(timezone.utc), **fields)
            await send_action(settings, record)
            self.say(f"{what}: {act_command(record)} -> action {record['action_id']}")
        self.say("that is the whole demo once their effects are printed below; the inbox stays up to look "
                 "around (e.g. as leader-bn-tran-thi-lan: the pardon). Ctrl-C stops everything.")

    def _stop(self) -> None:
        terminate(self.inbox, grace=10)
        self.delivery.stop()
        terminate(self.worker, grace=15)
        if self.broker is not None:
            self.broker.stop()
        self.say("stopped everything it started")


def act_command(record: dict) -> str:
    """The ``binhyen act`` command line that sends the same action (what a person would type)."""
    args = {"pardon": ("member_id",), "correct": ("message_id", "category")}.get(record["action"], ("member_id",))
    words = ["binhyen", "act", record["action"], record["group_id"], *(str(record[a]) for a in args)]
    return " ".join([*words, "--actor", record["actor_id"], "--role", record["actor_role"]])


# --------------------------------------------------------------------------- the inbox (issue #13)

DEMO_ACCOUNTS = (("officer-bn-nguyen-van-hung", "canbo-demo", "cán bộ, Phường Bến Nghé"),
                 ("leader-bn-tran-thi-lan", "truongnhom-demo", "trưởng nhóm, Phường Bến Nghé"),
                 ("leader-yl-hoang-van-duc", "truongnhom-demo", "trưởng nhóm, Xã Yên Lạc"),
                 ("leader-ap-vo-thi-hoa", "truongnhom-demo", "trưởng nhóm, Thôn An Phú"),
                 ("operator-demo", "vanhanh-demo", "vận hành"))


def start_inbox(settings: Settings, app_id: str, workdir: Path, *, fresh: bool, say) -> subprocess.Popen[bytes]:
    """``binhyen inbox`` beside the demo worker; its SQLite database is started afresh when the demo
    runs its own (memory) broker. Prints the URL and the demo accounts (configs/accounts.toml)."""
    from pipeline.cli.embedded_broker import free_port

    data = workdir / "inbox-data"
    if fresh and not settings.database_url.get_secret_value():
        for leftover in data.glob("inbox.sqlite3*"):
            leftover.unlink()
    port = settings.inbox_port if not port_open("127.0.0.1", settings.inbox_port) else free_port()
    env = {**os.environ, **DEMO_WORKER_ENV, "BINHYEN_KAFKA": settings.kafka, "BINHYEN_APP_ID": app_id,
           "BINHYEN_DATA_DIR": str(data)}
    log = open(workdir / "inbox.log", "ab")
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "inbox", "--port", str(port)], env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    say(f"inbox on http://127.0.0.1:{port}/ (log {workdir / 'inbox.log'}); demo accounts:")
    for account, password, who in DEMO_ACCOUNTS:
        say(f"    {account} / {password}   ({who})")
    return process
