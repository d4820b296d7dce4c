"""``binhyen inbox`` as a real child process (beside the real broker and worker of tests/integration)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from pipeline.cli.embedded_broker import free_port
from pipeline.cli.processes import terminate
from tests.integration.harness import FAST_GROUP_ENV, REPO


class InboxProcess:
    def __init__(self, bootstrap: str, workdir: Path, *, app_id: str, extra_env: dict[str, str] | None = None,
                 name: str = "inbox") -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / f"{name}.log"
        self.env = {**os.environ, **FAST_GROUP_ENV, "BINHYEN_KAFKA": bootstrap, "BINHYEN_APP_ID": app_id,
                    "BINHYEN_DATA_DIR": str(workdir / f"{name}-data"), "BINHYEN_INBOX_SECRET_KEY": "test-secret",
                    "BINHYEN_LOG_LEVEL": "debug", **(extra_env or {})}
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60) -> "InboxProcess":
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([sys.executable, "-m", "pipeline", "inbox", "--port", str(self.port)],
                                        cwd=REPO, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"inbox exited: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"inbox did not come up: {self.log_tail()}")

    def stop(self) -> None:
        terminate(self.process, grace=10)

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])
