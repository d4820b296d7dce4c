"""A real Prometheus server for tests: scrapes given targets every second and
answers PromQL through its HTTP API.

    with PrometheusServer(["127.0.0.1:9464"]) as prom:
        prom.wait_for('binhyen_messages_consumed_total', lambda r: r and float(r[0]["value"][1]) > 0)
        result = prom.query('sum(rate(binhyen_messages_consumed_total[30s]))')

The binary is Debian's ``prometheus`` (deploy/scripts/ensure-tools.sh installs
it). Each server gets a free loopback port, its own temporary config and
storage, and is stopped (SIGTERM, then SIGKILL) on exit. Pass ``rule_files``
(e.g. deploy/prometheus/alerts.yml) to evaluate alert rules every second too;
``alerts()`` then lists the pending and firing ones.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence


class PrometheusError(RuntimeError):
    pass


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class PrometheusServer:
    """Context manager around one ``prometheus`` process."""

    def __init__(
        self,
        targets: Sequence[str] | str,
        *,
        job: str = "binhyen",
        scrape_interval: str = "1s",
        rule_files: Iterable[str | os.PathLike] = (),
        binary: str | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self.targets = [targets] if isinstance(targets, str) else list(targets)
        self.job = job
        self.scrape_interval = scrape_interval
        self.rule_files = [str(Path(p).resolve()) for p in rule_files]
        self.binary = binary or shutil.which("prometheus")
        if self.binary is None:
            raise PrometheusError("prometheus not found on PATH: run `bash deploy/scripts/ensure-tools.sh`")
        self.startup_timeout = startup_timeout
        self.port: int | None = None
        self.process: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._log: Any = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _write_config(self, directory: Path) -> Path:
        config = {
            "global": {"scrape_interval": self.scrape_interval, "scrape_timeout": self.scrape_interval,
                       "evaluation_interval": self.scrape_interval},
            "rule_files": self.rule_files,
            "scrape_configs": [{"job_name": self.job, "static_configs": [{"targets": self.targets}]}],
        }
        path = directory / "prometheus.yml"
        path.write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
        return path

    def start(self) -> "PrometheusServer":
        self._tmp = tempfile.TemporaryDirectory(prefix="binhyen-prometheus-")
        root = Path(self._tmp.name)
        config = self._write_config(root)
        last_error = ""
        for _attempt in range(3):  # the free port may be taken between probe and bind
            self.port = free_port()
            self._log = open(root / "prometheus.log", "w+b")
            self.process = subprocess.Popen(
                [self.binary, f"--config.file={config}", f"--storage.tsdb.path={root / 'data'}",
                 f"--web.listen-address=127.0.0.1:{self.port}", "--web.enable-lifecycle",
                 "--log.level=warn"],
                stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self._wait_ready()
                return self
            except PrometheusError as exc:
                last_error = str(exc)
                self._terminate()
                if "address already in use" not in last_error:
                    break
        self._cleanup()
        raise PrometheusError(last_error)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise PrometheusError(f"prometheus exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/-/ready", timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.1)
        raise PrometheusError(f"prometheus not ready after {self.startup_timeout}s:\n{self.log()}")

    def log(self) -> str:
        if self._log is None or self._log.closed:
            return ""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-4000:]

    def _terminate(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if self._log is not None:
            self._log.close()

    def _cleanup(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def stop(self) -> None:
        self._terminate()
        self._cleanup()

    def __enter__(self) -> "PrometheusServer":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # ------------------------------------------------------------------------ API
    def _get(self, path: str, params: dict[str, str] | None = None) -> Any:
        url = f"{self.url}{path}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = json.loads(response.read())
        except urllib.error.HTTPError as exc:  # 400/422 carry the error as JSON
            body = json.loads(exc.read() or b"{}")
        if body.get("status") != "success":
            raise PrometheusError(f"{path} {params}: {body.get('errorType')}: {body.get('error')}")
        return body["data"]

    def query(self, promql: str) -> list[dict]:
        """Instant query; the ``result`` list (vector: [{"metric": {...}, "value": [ts, "v"]}])."""
        return self._get("/api/v1/query", {"query": promql})["result"]

    def value(self, promql: str) -> float | None:
        """The single value of an instant query, None when it returns nothing."""
        result = self.query(promql)
        if not result:
            return None
        if len(result) > 1:
            raise PrometheusError(f"{promql!r} returned {len(result)} series")
        return float(result[0]["value"][1])

    def targets_health(self) -> list[dict]:
        return self._get("/api/v1/targets")["activeTargets"]

    def alerts(self) -> list[dict]:
        return self._get("/api/v1/alerts")["alerts"]

    def wait_for(self, promql: str, predicate: Callable[[list[dict]], bool] = bool,
                 timeout: float = 30.0, interval: float = 0.25) -> list[dict]:
        """Poll ``query(promql)`` until ``predicate(result)`` holds; the result."""
        deadline = time.monotonic() + timeout
        result: list[dict] = []
        while True:
            result = self.query(promql)
            if predicate(result):
                return result
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{promql!r}: condition not met within {timeout}s; last result {result}")
            time.sleep(interval)
