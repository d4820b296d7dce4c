"""The command-line side: `binhyen fake-zalo` serves the shapes, `binhyen deliver` refuses bad settings."""

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from pipeline.cli.embedded_broker import free_port, port_open
from pipeline.cli.main import build_parser


def test_commands_are_registered():
    parser = build_parser()
    for argv in (["deliver", "--dry-run"], ["fake-zalo", "--port", "1"], ["deliver-bench", "--seconds", "1"]):
        assert parser.parse_args(argv).func


def test_fake_zalo_command_speaks_the_api():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "fake-zalo", "--port", str(port),
                             "--refresh-token", "rt-cli", "--user-error", "zu-x=-213"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while not port_open("127.0.0.1", port):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        base = f"http://127.0.0.1:{port}"
        form = urllib.parse.urlencode({"grant_type": "refresh_token", "refresh_token": "rt-cli",
                                       "app_id": "fake-app"}).encode()
        req = urllib.request.Request(base + "/v4/oa/access_token", data=form, headers={"secret_key": "fake-secret"})
        token = json.load(urllib.request.urlopen(req, timeout=5))
        assert token["access_token"] and token["refresh_token"] != "rt-cli"

        def send(user):
            body = json.dumps({"recipient": {"user_id": user}, "message": {"text": "xin chào"}}).encode()
            req = urllib.request.Request(base + "/v3.0/oa/message/cs", data=body,
                                         headers={"access_token": token["access_token"],
                                                  "Content-Type": "application/json"})
            return json.load(urllib.request.urlopen(req, timeout=5))

        assert send("zu-1")["error"] == 0
        assert send("zu-x")["error"] == -213  # an error inside HTTP 200
        received = json.load(urllib.request.urlopen(base + "/_received", timeout=5))
        assert [(m["user_id"], m["text"]) for m in received["messages"]] == [("zu-1", "xin chào")]
    finally:
        proc.terminate()
        proc.wait(10)


def test_deliver_refuses_a_bad_groups_file(tmp_path):
    bad = tmp_path / "groups.toml"
    bad.write_text("[groups.x]\nauto_post = 3\n", encoding="utf-8")
    env = {**os.environ, "BINHYEN_GROUPS_FILE": str(bad), "BINHYEN_DELIVER_METRICS_PORT": "0"}
    result = subprocess.run([sys.executable, "-m", "pipeline", "deliver"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "auto_post" in result.stderr
    env["BINHYEN_DELIVER_ZALO_CONCURRENCY"] = "0"
    result = subprocess.run([sys.executable, "-m", "pipeline", "deliver"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 2 and "BINHYEN_DELIVER_ZALO_CONCURRENCY" in result.stderr
