"""``binhyen zalo-sign`` and ``binhyen gateway`` as real processes (no broker: it must answer 503)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import orjson

from pipeline.cli.embedded_broker import free_port
from pipeline.gateway import signature

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "BINHYEN_ZALO_APP_ID": "cli-app", "BINHYEN_ZALO_OA_SECRET": "cli-secret"}


def _cli(*args: str, env: dict | None = None, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, env=env or ENV, input=stdin,
                          capture_output=True, timeout=60)


def test_zalo_sign_prints_the_header_for_the_exact_bytes(tmp_path):
    body = b'{"event_name":"user_send_group_text","timestamp":"1718000000000","message":{"msg_id":"m"}}\n'
    path = tmp_path / "event.json"
    path.write_bytes(body)
    result = _cli("zalo-sign", str(path))
    assert result.returncode == 0, result.stderr
    expected = signature.header_value("cli-app", body, "1718000000000", "cli-secret")
    assert result.stdout.decode().strip() == f"X-ZEvent-Signature: {expected}"
    value_only = _cli("zalo-sign", "-", "--value-only", stdin=body)
    assert value_only.stdout.decode().strip() == expected


def test_zalo_sign_fresh_rewrites_the_timestamp(tmp_path):
    path, out = tmp_path / "event.json", tmp_path / "fresh.json"
    path.write_bytes(b'{"event_name":"user_send_group_text","timestamp":"1"}')
    before = int(time.time() * 1000)
    result = _cli("zalo-sign", str(path), "--fresh", str(out), "--value-only")
    assert result.returncode == 0, result.stderr
    fresh = out.read_bytes()
    stamp = orjson.loads(fresh)["timestamp"]
    assert int(stamp) >= before
    assert result.stdout.decode().strip() == signature.header_value("cli-app", fresh, stamp, "cli-secret")


def test_zalo_sign_errors(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{nope")
    assert _cli("zalo-sign", str(bad)).returncode == 1
    assert _cli("zalo-sign", str(tmp_path / "missing.json")).returncode == 1
    no_secret = {k: v for k, v in ENV.items() if k != "BINHYEN_ZALO_OA_SECRET"}
    good = tmp_path / "good.json"
    good.write_bytes(b'{"timestamp":"1"}')
    assert _cli("zalo-sign", str(good), env=no_secret).returncode == 2


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_gateway_without_a_broker_answers_503_and_stops_on_sigterm():
    port = free_port()
    env = {**ENV, "BINHYEN_KAFKA": f"127.0.0.1:{free_port()}", "BINHYEN_LOG_LEVEL": "error"}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "gateway", "--port", str(port), "--host", "127.0.0.1"],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        status = None
        while time.monotonic() < deadline:
            try:
                status = _get(base + "/healthz")
                break
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        assert status == 503
        body = orjson.dumps({"event_name": "user_send_group_text", "sender": {"id": "u"}, "recipient": {"id": "g"},
                             "message": {"msg_id": "m", "text": "x"}, "timestamp": str(int(time.time() * 1000))})
        stamp = orjson.loads(body)["timestamp"]
        request = urllib.request.Request(base + "/zalo/webhook", data=body, method="POST", headers={
            signature.HEADER: signature.header_value("cli-app", body, stamp, "cli-secret")})
        try:
            urllib.request.urlopen(request, timeout=10)
            code = 200
        except urllib.error.HTTPError as exc:
            code = exc.code
        assert code == 503  # never 200 without the broker's ack
        assert _get(base + "/metrics") == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = proc.wait()
    assert rc == 0, proc.stderr.read().decode(errors="replace")[-2000:]
