"""Running a real broker and real worker processes from tests, and reading their outputs."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Iterable

import orjson

from pipeline.cli.embedded_broker import free_port
from pipeline.cli.processes import spawn, terminate
from pipeline.kafka import clients
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[2]

#: Short consumer-group timings so a restarted worker takes over quickly (see README).
FAST_GROUP_ENV = {
    "BINHYEN_SESSION_TIMEOUT": "6",
    "BINHYEN_HEARTBEAT_INTERVAL": "1",
    "BINHYEN_REBALANCE_TIMEOUT": "6",
    "BINHYEN_BATCH_TIMEOUT": "0.02",
}


class ServiceProcess:
    """``python -m pipeline COMMAND`` as a child process with its own log file."""

    command = "worker"
    stop_grace = 20.0

    def __init__(self, env: dict[str, str], log_path: Path, command: str | None = None) -> None:
        self.env = env
        self.log_path = log_path
        self.command = command or self.command
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> "ServiceProcess":
        self.process = spawn([sys.executable, "-m", "pipeline", self.command], log_path=self.log_path,
                             env=self.env, cwd=REPO)
        return self

    def kill(self) -> None:
        """SIGKILL: no clean shutdown, no final commit."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        terminate(self.process, grace=self.stop_grace)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


class WorkerProcess(ServiceProcess):
    """``python -m pipeline worker`` as a child process with its own log file."""

    def __init__(self, bootstrap: str, workdir: Path, *, app_id: str | None = None,
                 extra_env: dict[str, str] | None = None, name: str = "worker") -> None:
        self.app_id = app_id or f"binhyen-test-{uuid.uuid4().hex[:8]}"
        self.metrics_port = free_port()
        env = {**os.environ, **FAST_GROUP_ENV, "BINHYEN_KAFKA": bootstrap, "BINHYEN_APP_ID": self.app_id,
               "BINHYEN_METRICS_PORT": str(self.metrics_port),
               "BINHYEN_DATA_DIR": str(workdir / f"{name}-data"), **(extra_env or {})}
        super().__init__(env, workdir / f"{name}.log")


def key_of(value: bytes) -> bytes | None:
    try:
        obj = orjson.loads(value)
        return obj["group_id"].encode()
    except Exception:
        return None


def settings_for(bootstrap: str, **env: str) -> Settings:
    """The tests' client settings for a broker (``env``: more BINHYEN_* variables, e.g. TLS)."""
    return Settings.from_env({"BINHYEN_KAFKA": bootstrap, **env})


async def produce(bootstrap: str, values: Iterable[bytes], topic: str = "chat.messages",
                  settings: Settings | None = None) -> None:
    producer = clients.producer(settings or settings_for(bootstrap))
    await producer.start()
    try:
        futures = [await producer.send(topic, value=v, key=key_of(v)) for v in values]
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def collect(bootstrap: str, topics: Iterable[str], *, until: callable, timeout: float,
                  settle: float = 2.0, settings: Settings | None = None) -> dict[str, list[dict]]:
    """Read the topics from the beginning until ``until(records)`` holds, then ``settle`` seconds more
    (so that extra, unexpected records are caught too), or until ``timeout``."""
    topics = list(topics)
    consumer = clients.consumer(settings or settings_for(bootstrap), *topics)
    await consumer.start()
    out: dict[str, list[dict]] = {t: [] for t in topics}
    deadline = time.monotonic() + timeout
    done_at: float | None = None
    try:
        while time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=300)
            for tp, records in batch.items():
                out[tp.topic].extend(orjson.loads(r.value) for r in records)
            if done_at is None and until(out):
                done_at = time.monotonic()
            if done_at is not None and time.monotonic() - done_at >= settle:
                break
    finally:
        await consumer.stop()
    return out


def wait_until(condition, timeout: float, what: str, *processes) -> None:
    """Poll ``condition`` until it holds; on timeout fail with the log tails of ``processes`` (anything with ``log_tail()``)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}"
                                 + "".join("\n----\n" + p.log_tail() for p in processes))
        time.sleep(0.2)


def one_group_toml(group: str, name: str, *, district: str = "", commune: str = "", extra: str = "") -> str:
    """A groups file with one group (leader ``leader-1``, officer ``officer-1``), no holidays and
    the defaults; ``extra`` is appended as it is (more tables)."""
    places = (f'district = "{district}"\n' if district else "") + (f'commune = "{commune}"\n' if commune else "")
    return (f'holidays_files = []\n\n[defaults]\n\n[groups.{group}]\nname = "{name}"\n{places}'
            f'leaders = ["leader-1"]\nofficers = ["officer-1"]\n{extra}')


def message(mid: str, group: str, sender: str, text: str, sent_at: str, **extra) -> bytes:
    return orjson.dumps({"message_id": mid, "group_id": group, "sender_id": sender, "text": text,
                         "sent_at": sent_at, **extra})
