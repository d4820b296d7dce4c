"""The production path over TLS: the worker, `binhyen produce` and `binhyen tail` talk to the broker
only through a TLS-terminating proxy (stunnel), with BINHYEN_KAFKA_SECURITY_PROTOCOL=SSL and a CA
made for the test; the broker advertises the proxy's address, so a client that ignored the security
settings could not reach it at all."""

from __future__ import annotations

import os
import subprocess
import sys

import orjson
import pytest

from pipeline.cli.embedded_broker import EmbeddedBroker, free_port
from tests.integration.harness import REPO, WorkerProcess, message
from tests.integration.tls import TlsProxy, stunnel_binary

pytestmark = pytest.mark.skipif(stunnel_binary() is None, reason="stunnel not installed (make test installs it)")

COUNT = 12


def test_worker_produce_and_tail_work_over_tls(tmp_path):
    proxy_port = free_port()
    broker = EmbeddedBroker(partitions=4, log_path=tmp_path / "broker.log", advertised_port=proxy_port)
    proxy = TlsProxy(tmp_path, broker.port, port=proxy_port)
    broker.start()
    worker = None
    try:
        proxy.start()
        tls_env = {"BINHYEN_KAFKA": f"127.0.0.1:{proxy_port}", "BINHYEN_KAFKA_SECURITY_PROTOCOL": "SSL",
                   "BINHYEN_KAFKA_SSL_CAFILE": str(proxy.ca)}
        env = {**os.environ, **tls_env}
        lines = tmp_path / "messages.jsonl"
        lines.write_bytes(b"\n".join(
            message(f"tls{i}", "xa-yen-lac", f"member-{i % 3}",
                    "Có kẻ gian đang cạy cửa nhà số 5, cứu với" if i % 2 else "Chúc cả nhà ngủ ngon",
                    f"2026-11-18T10:{i:02d}:00+07:00") for i in range(COUNT)) + b"\nnot json\n")
        produced = subprocess.run([sys.executable, "-m", "pipeline", "produce", str(lines)], cwd=REPO, env=env,
                                  capture_output=True, text=True, timeout=120)
        assert produced.returncode == 0, produced.stderr
        assert f"produced {COUNT + 1} messages" in produced.stderr

        worker = WorkerProcess(tls_env["BINHYEN_KAFKA"], tmp_path, extra_env=tls_env).start()
        tailed = subprocess.run([sys.executable, "-m", "pipeline", "tail", "decisions", "--from-beginning",
                                 "--max", str(COUNT), "--timeout", "120"], cwd=REPO, env=env,
                                capture_output=True, text=True, timeout=240)
        assert tailed.returncode == 0, tailed.stderr
        decisions = [orjson.loads(line) for line in tailed.stdout.splitlines() if line.strip()]
        assert sorted(d["message_id"] for d in decisions) == sorted(f"tls{i}" for i in range(COUNT)), \
            worker.log_tail()
        dead = subprocess.run([sys.executable, "-m", "pipeline", "tail", "dead-letter", "--from-beginning",
                               "--max", "1", "--timeout", "60"], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=120)
        assert orjson.loads(dead.stdout.splitlines()[0])["reason"] == "bad_json"
    finally:
        if worker is not None:
            worker.stop()
        proxy.stop()
        broker.stop()
