"""``binhyen deliver`` end to end on the real broker: a real worker judges the scripted
conversation, the deliverer sends its warnings, escalations and lost-found reports to the
fake Zalo and to a webhook receiver that verifies every signature, while the fake fails
the first attempts (5xx, -216), the receiver fails its first requests, and the deliverer
is SIGKILLed twice. Nothing is missing, at most the in-flight few are repeated, nothing
is parked but the one delivery Zalo refuses for good, and that one shows in the metrics."""

from __future__ import annotations

import asyncio
import base64
import collections
import os
import threading
import urllib.request
from pathlib import Path

import orjson
from aiohttp import web

from pipeline.cli.embedded_broker import free_port
from pipeline.fakezalo.server import FakeZalo, FakeZaloThread, Faults
from tests.deliver.test_webhooks import verify
from tests.integration import scripted
from tests.integration.harness import FAST_GROUP_ENV, ServiceProcess, WorkerProcess, collect, produce, wait_until

SECRET = "whsec_" + base64.b64encode(b"integration-test-webhook-key-32b").decode()
ZALO_WINDOW = 2     # BINHYEN_DELIVER_ZALO_CONCURRENCY: Zalo calls in flight
WEBHOOK_WINDOW = 2  # BINHYEN_DELIVER_WEBHOOK_CONCURRENCY
LOAD = 40           # extra escalations produced straight onto the topic, so the kills land mid-stream
BAD_GROUP = "xa-tu-choi"

GROUPS_TOML = scripted.GROUPS_TOML + f"""
zalo_group_id = "zg-kich-ban"
auto_post = true
auto_remove = true

[groups.{scripted.GROUP}.strikes]
ladder = ["final_warning", "remove"]  # one warning per message: u3's second message reaches remove

[groups.{BAD_GROUP}]
name = "Xã Từ Chối"
leaders = ["leader-2"]
officers = ["officer-bad"]

[zalo_users]
"officer-1" = "zu-o1"
"leader-1" = "zu-l1"
"leader-2" = "zu-l2"
"officer-bad" = "zu-bad"
"u3" = "zu-u3"
"u4" = "zu-u4"
"""


class Receiver:
    """A webhook endpoint on its own thread: verifies signatures, fails its first requests with 503."""

    def __init__(self, fail_first: int = 3) -> None:
        self.fail_first = fail_first
        self.got: list[tuple[str, bool, dict]] = []  # (webhook-id, signature ok, body)
        self.lock = threading.Lock()
        self.loop = asyncio.new_event_loop()
        self.port = free_port()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.ready = threading.Event()

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        with self.lock:
            if self.fail_first > 0:
                self.fail_first -= 1
                return web.Response(status=503, headers={"Retry-After": "0"})
            ok = verify(SECRET, dict(request.headers), body)
            self.got.append((request.headers.get("webhook-id", ""), ok, orjson.loads(body)))
        return web.Response(status=204)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        app = web.Application()
        app.router.add_post("/hook", self.handle)
        runner = web.AppRunner(app, access_log=None)
        self.loop.run_until_complete(runner.setup())
        self.loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", self.port).start())
        self.ready.set()
        self.loop.run_forever()

    def start(self) -> "Receiver":
        self.thread.start()
        self.ready.wait(10)
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)


class DelivererProcess(ServiceProcess):
    """``python -m pipeline deliver`` as a child process with its own log file."""

    command = "deliver"
    stop_grace = 15.0

    def __init__(self, env: dict[str, str], workdir: Path, name: str) -> None:
        super().__init__(env, workdir / f"{name}.log")


def load_escalations() -> list[bytes]:
    out = []
    for i in range(LOAD):
        out.append(orjson.dumps({
            "escalation_id": f"{scripted.GROUP}:load-{i}", "group_id": scripted.GROUP, "group_name": "Xã Kịch Bản",
            "message_id": f"load-{i}", "priority": "urgent" if i % 4 == 0 else "normal",
            "text": f"Tin báo thử số {i}: có người lạ đi xe không biển số", "sender_id": f"u{100 + i}",
            "sender_role": "member", "sent_at": "2026-11-18T22:00:00+07:00", "attachments": [],
            "reasons": ["classified tip"], "route_to": ["officer-1"]}))
    out.append(orjson.dumps({
        "escalation_id": f"{BAD_GROUP}:m1", "group_id": BAD_GROUP, "message_id": "m1", "priority": "normal",
        "text": "Tin báo cho cán bộ chưa quan tâm OA", "sender_id": "u900", "sender_role": "member",
        "sent_at": "2026-11-18T22:00:00+07:00", "attachments": [], "reasons": [], "route_to": ["officer-bad"]}))
    return out


def code_of(text: str) -> str:
    """The record id a 1:1 message ends with (``Mã: <id>``)."""
    last = text.rsplit("\n", 1)[-1]
    return last.removeprefix("Mã: ") if last.startswith("Mã: ") else ""


def scrape(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        return response.read().decode()


def test_delivery_survives_faults_and_two_sigkills(broker, tmp_path):
    groups_file = tmp_path / "groups.toml"
    groups_file.write_text(GROUPS_TOML, encoding="utf-8")
    faults = Faults(delay=0.05, fail_5xx=4, expire_every=9, user_errors={"zu-bad": -213})
    fake = FakeZaloThread(FakeZalo(refresh_token="rt-first", faults=faults)).start()
    receiver = Receiver().start()
    metrics_port = free_port()
    env = {**os.environ, **FAST_GROUP_ENV, "BINHYEN_KAFKA": broker.bootstrap,
           "BINHYEN_GROUPS_FILE": str(groups_file), "BINHYEN_ZALO_API_BASE": fake.url,
           "BINHYEN_ZALO_OAUTH_BASE": fake.url, "BINHYEN_ZALO_APP_ID": "fake-app",
           "BINHYEN_ZALO_APP_SECRET": "fake-secret", "BINHYEN_ZALO_REFRESH_TOKEN": "rt-first",
           "BINHYEN_WEBHOOK_URL": receiver.url, "BINHYEN_WEBHOOK_SECRET": SECRET,
           "BINHYEN_DATA_DIR": str(tmp_path / "deliver-data"), "BINHYEN_DELIVER_METRICS_PORT": str(metrics_port),
           "BINHYEN_DELIVER_ZALO_CONCURRENCY": str(ZALO_WINDOW),
           "BINHYEN_DELIVER_WEBHOOK_CONCURRENCY": str(WEBHOOK_WINDOW),
           "BINHYEN_DELIVER_RETRY_BASE": "0.05", "BINHYEN_DELIVER_RETRY_CAP": "0.5",
           "BINHYEN_DELIVER_MAX_ATTEMPTS": "40", "BINHYEN_APP_ID": "deliver-it"}
    worker = WorkerProcess(broker.bootstrap, tmp_path, extra_env={"BINHYEN_GROUPS_FILE": str(groups_file)})
    deliverers = [DelivererProcess(env, tmp_path, f"deliver-{i}") for i in range(3)]
    try:
        worker.start()
        deliverers[0].start()
        asyncio.run(produce(broker.bootstrap, load_escalations(), topic="moderation.escalations"))
        asyncio.run(produce(broker.bootstrap, scripted.values()))

        def zalo_count() -> int:
            return len(fake.snapshot()["messages"])

        wait_until(lambda: zalo_count() >= 12, 90, "the first deliveries")
        deliverers[0].kill()
        deliverers[1].start()
        before = zalo_count()
        wait_until(lambda: zalo_count() >= before + 12, 60, "deliveries after the first kill")
        deliverers[1].kill()
        deliverers[2].start()

        outputs = asyncio.run(collect(
            broker.bootstrap, ["moderation.warnings", "moderation.escalations", "moderation.lost-found"],
            until=lambda o: (len(o["moderation.warnings"]) >= len(scripted.EXPECTED_WARNINGS)
                             and len(o["moderation.escalations"]) >= LOAD + 1 + 2
                             and len(o["moderation.lost-found"]) >= 2), timeout=90, settle=1))
        warnings = outputs["moderation.warnings"]
        escalations = outputs["moderation.escalations"]
        reports = outputs["moderation.lost-found"]
        good_escalations = [e for e in escalations if e["group_id"] == scripted.GROUP]
        record_ids = ({w["warning_id"] for w in warnings} | {e["escalation_id"] for e in escalations}
                      | {r["report_id"] for r in reports})

        def codes(user: str) -> set[str]:
            return {code_of(m["text"]) for m in fake.snapshot()["messages"]
                    if m["kind"] == "cs" and m["user_id"] == user}

        def all_there() -> bool:
            officer, leader = codes("zu-o1"), codes("zu-l1")
            hooks = {wid for wid, _, _ in receiver.got}
            return ({e["escalation_id"] for e in good_escalations} <= officer
                    and {w["warning_id"] for w in warnings} | {r["report_id"] for r in reports} <= leader
                    and record_ids <= hooks)

        wait_until(all_there, 90, "every delivery at the fake Zalo and the webhook receiver")
        deliveries = asyncio.run(collect(broker.bootstrap, ["moderation.deliveries"], until=lambda o: True,
                                         timeout=20, settle=2))["moderation.deliveries"]
        wait_until(lambda: "binhyen_deliveries_parked" in scrape(metrics_port), 30, "the metrics endpoint")
        metrics_text = scrape(metrics_port)
    finally:
        for d in deliverers:
            d.kill() if d is not deliverers[2] else d.stop()
        worker.stop()
        snapshot = fake.snapshot()
        fake.stop()
        receiver.stop()
    (tmp_path / "fake-zalo.json").write_bytes(orjson.dumps(snapshot))  # for diagnosis
    logs = "\n".join(d.log_tail() for d in deliverers)
    messages = snapshot["messages"]

    # Officers got every escalation, urgent ones marked, with the informant and the text.
    officer = [m for m in messages if m["kind"] == "cs" and m["user_id"] == "zu-o1"]
    for e in good_escalations:
        mine = [m["text"] for m in officer if code_of(m["text"]) == e["escalation_id"]]
        assert mine, e["escalation_id"]
        assert e["text"] in mine[0] and e["sender_id"] in mine[0]
        assert ("KHẨN CẤP" in mine[0]) == (e["priority"] == "urgent")
    # Leaders got every warning and lost-found report, never a tip's text.
    leader = [m["text"] for m in messages if m["kind"] == "cs" and m["user_id"] == "zu-l1"]
    tip_texts = {e["text"] for e in escalations}
    assert not [t for t in leader if any(tip in t for tip in tip_texts)]
    # The OA group got each warning's notice mentioning the member; one removal, for u3's m4 (remove).
    posts = [m for m in messages if m["kind"] == "group"]
    for w in warnings:
        uid = {"u3": "zu-u3", "u4": "zu-u4"}[w["sender_id"]]
        assert f"[@{uid}] {w['notice_vi']}" in [p["text"] for p in posts], w["warning_id"]
    removals = [m for m in messages if m["kind"] == "remove"]
    assert removals and {tuple(m["member_user_ids"]) for m in removals} == {("zu-u3",)}

    # At most the in-flight few repeated, per kill.
    zalo_keys = collections.Counter((m["kind"], m.get("user_id") or m.get("group_id"), m.get("text"))
                                    for m in messages)
    zalo_repeats = sum(n - 1 for n in zalo_keys.values())
    assert zalo_repeats <= 2 * ZALO_WINDOW, (zalo_repeats, logs)
    assert len(removals) <= 1 + 2  # removemembers once in normal operation, at worst repeated once per kill

    # Every webhook verified, each record there, repeats (same webhook-id) only of in-flight ones.
    assert receiver.got and all(ok for _, ok, _ in receiver.got)
    hook_ids = collections.Counter(wid for wid, _, _ in receiver.got)
    assert set(hook_ids) == record_ids
    assert sum(n - 1 for n in hook_ids.values()) <= 2 * WEBHOOK_WINDOW, hook_ids
    for wid, _, body in receiver.got:
        assert body["id"] == wid and body["data"]

    # Faults were hit and survived: 5xx, -216 with single-use refresh tokens across SIGKILLs.
    assert snapshot["answers"].get("503", 0) >= 4 and snapshot["answers"].get("-216", 0) >= 1
    assert snapshot["refreshes"] >= 2 and snapshot["refused_refreshes"] == 0, logs

    # Parked: exactly the delivery Zalo refuses for good, with its reason; in the metrics.
    parked = [d for d in deliveries if d["status"] == "parked"]
    assert {(d["record_id"], d["channel"]) for d in parked} == {(f"{BAD_GROUP}:m1", "zalo:cs:zu-bad")}, parked
    assert all("zalo error -213" in d["error"] for d in parked)
    assert {d["status"] for d in deliveries} <= {"delivered", "parked"}
    gauge = [line for line in metrics_text.splitlines() if line.startswith("binhyen_deliveries_parked ")]
    assert gauge and float(gauge[0].split()[1]) >= 1, metrics_text
    assert 'binhyen_deliveries_total{channel="zalo_cs",status="delivered"}' in metrics_text


def test_dry_run_sends_nothing_and_logs_dry_run_outcomes(broker, tmp_path):
    groups_file = tmp_path / "groups.toml"
    groups_file.write_text(GROUPS_TOML, encoding="utf-8")
    fake = FakeZaloThread(FakeZalo(refresh_token="rt-first")).start()
    receiver = Receiver(fail_first=0).start()
    env = {**os.environ, **FAST_GROUP_ENV, "BINHYEN_KAFKA": broker.bootstrap,
           "BINHYEN_GROUPS_FILE": str(groups_file), "BINHYEN_ZALO_API_BASE": fake.url,
           "BINHYEN_ZALO_OAUTH_BASE": fake.url, "BINHYEN_WEBHOOK_URL": receiver.url,
           "BINHYEN_DELIVER_DRY_RUN": "1", "BINHYEN_DATA_DIR": str(tmp_path / "data"),
           "BINHYEN_DELIVER_METRICS_PORT": "0", "BINHYEN_APP_ID": "deliver-dry"}
    deliverer = DelivererProcess(env, tmp_path, "deliver-dry").start()
    try:
        asyncio.run(produce(broker.bootstrap, load_escalations()[:3], topic="moderation.escalations"))
        out = asyncio.run(collect(broker.bootstrap, ["moderation.deliveries"],
                                  until=lambda o: len(o["moderation.deliveries"]) >= 6, timeout=60, settle=1))
    finally:
        deliverer.stop()
        snapshot = fake.snapshot()
        fake.stop()
        receiver.stop()
    deliveries = out["moderation.deliveries"]
    assert len(deliveries) == 6, deliverer.log_tail()  # 3 records x (officer + webhook)
    assert {d["status"] for d in deliveries} == {"dry_run"}
    assert {d["kind"] for d in deliveries} == {"zalo_cs", "webhook"}
    assert snapshot["calls"] == 0 and snapshot["refreshes"] == 0 and not receiver.got
    log = deliverer.log_path.read_text(errors="replace")
    assert "dry-run: would send zalo_cs to zalo:cs:zu-o1" in log
    assert "có người lạ" not in log  # the tip's text is never logged
