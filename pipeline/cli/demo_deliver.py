"""The deliver part of ``binhyen demo``: a fake Zalo and ``binhyen deliver`` beside the worker,
and one line per message the fake received (what officers and leaders got, posts in groups)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pipeline.cli.processes import terminate
from pipeline.domain.groups import ConfigError, load_groups
from pipeline.fakezalo.server import FakeZalo, FakeZaloThread, Faults
from pipeline.settings import Settings

FAKE_REFRESH_TOKEN = "demo-refresh-0"
SHOWN = ("Người báo", "Nội dung", "Thành viên")  # lines of a 1:1 message shown after its first


class DemoDelivery:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.fake: FakeZaloThread | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.seen = 0
        self.people: dict[str, str] = {}  # Zalo user id -> person id

    def start(self, settings: Settings, env: dict[str, str]) -> "DemoDelivery":
        try:
            self.people = {uid: person for person, uid in load_groups(settings.groups_file).zalo_users.items()}
        except ConfigError:
            self.people = {}
        self.fake = FakeZaloThread(FakeZalo(refresh_token=FAKE_REFRESH_TOKEN, faults=Faults(delay=0.05))).start()
        data = self.workdir / "deliver-data"
        (data / "zalo-token.json").unlink(missing_ok=True)  # a new fake: its first refresh token again
        env = {**env, "BINHYEN_ZALO_API_BASE": self.fake.url, "BINHYEN_ZALO_OAUTH_BASE": self.fake.url,
               "BINHYEN_ZALO_APP_ID": "fake-app", "BINHYEN_ZALO_APP_SECRET": "fake-secret",
               "BINHYEN_ZALO_REFRESH_TOKEN": FAKE_REFRESH_TOKEN, "BINHYEN_DATA_DIR": str(data)}
        log = open(self.workdir / "deliver.log", "ab")
        self.process = subprocess.Popen([sys.executable, "-m", "pipeline", "deliver"], env=env, stdout=log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        print(f"[demo] fake Zalo on {self.fake.url} (GET /_received); deliver pid {self.process.pid}, "
              f"log {self.workdir / 'deliver.log'}, metrics on "
              f"http://127.0.0.1:{settings.deliver_metrics_port}/metrics", file=sys.stderr, flush=True)
        return self

    def lines(self) -> list[str]:
        """What the fake Zalo received since the last call, one line each."""
        if self.fake is None:
            return []
        if self.process is not None and self.process.poll() is not None and not getattr(self, "_told", False):
            self._told = True
            print(f"[demo] binhyen deliver exited with code {self.process.returncode}; "
                  f"see {self.workdir / 'deliver.log'}", file=sys.stderr, flush=True)
        messages = self.fake.snapshot()["messages"]
        new, self.seen = messages[self.seen:], len(messages)
        out = []
        for m in new:
            if m["kind"] == "remove":
                out.append(f" » ZALO removemembers {m['group_id']}: {', '.join(m['member_user_ids'])}")
                continue
            lines = m["text"].splitlines()
            text = " | ".join(lines[:1] + [line for line in lines[1:] if line.startswith(SHOWN)])
            text = text if len(text) <= 200 else text[:199] + "…"
            if m["kind"] == "cs":
                who = self.people.get(m["user_id"], "?")
                out.append(f" » ZALO 1:1 → {who} ({m['user_id']}): {text}")
            else:
                out.append(f" » ZALO post in group {m['group_id']}: {text}")
        return out

    def stop(self) -> None:
        terminate(self.process, grace=15)
        if self.fake is not None:
            self.fake.stop()
