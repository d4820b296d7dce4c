"""Re-notification end to end on the real broker: an urgent case nobody acknowledges within the ack
deadline (2 s here) makes the real inbox produce a reminder per round on moderation.reminders, the real
``binhyen deliver`` sends each round once to the officer over the fake Zalo, and an inbox restarted
afterwards does not send a round again (its database remembers)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import orjson

from pipeline.cli.embedded_broker import free_port
from pipeline.fakezalo.server import FakeZalo, FakeZaloThread
from pipeline.kafka import topics
from tests.inbox.stack import InboxProcess
from tests.integration.harness import FAST_GROUP_ENV, collect, one_group_toml, produce, wait_until
from tests.integration.test_deliver import DelivererProcess

GROUP = "xa-khan"
GROUPS_TOML = one_group_toml(GROUP, "ANTT Xã Khẩn", extra="""
[zalo_users]
"officer-1" = "zu-o1"
"leader-1" = "zu-l1"
""")
TIP = "Có người cầm dao dọa chém ở chợ, cần công an đến ngay"
ROUNDS = 2


def escalation() -> bytes:
    return orjson.dumps({
        "escalation_id": f"{GROUP}:m1", "group_id": GROUP, "group_name": "ANTT Xã Khẩn", "district": "",
        "commune": "", "message_id": "m1", "priority": "urgent", "text": TIP, "sender_id": "u-informant",
        "sender_role": "member", "sent_at": "2026-12-01T23:00:00+07:00", "attachments": [],
        "reasons": ["urgent: emergency"], "route_to": ["officer-1"], "route_district": "",
        "scores": {"tip": 0.95}, "model_version": "test-1"})


def test_an_unacknowledged_urgent_case_is_renotified_once_per_round(broker, tmp_path: Path):
    groups_file = tmp_path / "groups.toml"
    groups_file.write_text(GROUPS_TOML, encoding="utf-8")
    fake = FakeZaloThread(FakeZalo(refresh_token="rt-first")).start()
    common = {"BINHYEN_GROUPS_FILE": str(groups_file)}
    deliver_env = {**os.environ, **FAST_GROUP_ENV, **common, "BINHYEN_KAFKA": broker.bootstrap,
                   "BINHYEN_ZALO_API_BASE": fake.url, "BINHYEN_ZALO_OAUTH_BASE": fake.url,
                   "BINHYEN_ZALO_APP_ID": "fake-app", "BINHYEN_ZALO_APP_SECRET": "fake-secret",
                   "BINHYEN_ZALO_REFRESH_TOKEN": "rt-first", "BINHYEN_WEBHOOK_URL": "",
                   "BINHYEN_DATA_DIR": str(tmp_path / "deliver-data"),
                   "BINHYEN_DELIVER_METRICS_PORT": str(free_port()), "BINHYEN_APP_ID": "reminders-it"}
    inbox_env = {**common, "BINHYEN_INBOX_ACK_MINUTES": str(2 / 60), "BINHYEN_INBOX_OVERDUE_CHECK_SECONDS": "0.3",
                 "BINHYEN_INBOX_REMINDER_ROUNDS": str(ROUNDS)}
    deliverer = DelivererProcess(deliver_env, tmp_path, "deliver").start()
    inbox = InboxProcess(broker.bootstrap, tmp_path, app_id="reminders-it", extra_env=inbox_env).start()
    try:
        asyncio.run(produce(broker.bootstrap, [escalation()], topic=topics.ESCALATIONS))

        def reminders_to_officer() -> list[dict]:
            return [m for m in fake.snapshot()["messages"]
                    if m.get("user_id") == "zu-o1" and "chưa được tiếp nhận" in m.get("text", "")]
        wait_until(lambda: len(reminders_to_officer()) >= ROUNDS, 45, "both reminder rounds at the fake Zalo",
                   inbox, deliverer)

        # a restarted inbox reads what it sent from its database: no round again
        inbox.stop()
        checks = inbox.log_text().count("reminder check:")  # the restarted inbox appends to the same log
        assert checks >= ROUNDS
        inbox = InboxProcess(broker.bootstrap, tmp_path, app_id="reminders-it", extra_env=inbox_env).start()
        wait_until(lambda: inbox.log_text().count("reminder check:") >= checks + 3, 30,
                   "three checks after the restart", inbox)

        out = asyncio.run(collect(broker.bootstrap, [topics.REMINDERS, topics.DELIVERIES],
                                  until=lambda o: len(o[topics.REMINDERS]) >= ROUNDS, timeout=20, settle=1.0))
        reminders = out[topics.REMINDERS]
        assert [r["reminder_id"] for r in reminders] == [f"{GROUP}:m1:reminder:{n}" for n in range(1, ROUNDS + 1)]
        for n, rec in enumerate(reminders, 1):
            assert rec["round"] == n and rec["priority"] == "urgent" and rec["route_to"] == ["officer-1"]
            assert rec["escalation_id"] == f"{GROUP}:m1" and rec["overdue_seconds"] >= 0
        assert TIP not in str(reminders) and "u-informant" not in str(reminders)

        sent = reminders_to_officer()
        assert len(sent) == ROUNDS  # each round once
        assert [f"lần {n}" in m["text"] for n, m in enumerate(sent, 1)] == [True] * ROUNDS
        assert all(f"Mã: {GROUP}:m1" in m["text"] and TIP not in m["text"] for m in sent)
        assert not [m for m in fake.snapshot()["messages"] if m.get("user_id") == "zu-l1"]  # never leaders
        delivered = {d["delivery_id"]: d["status"] for d in out[topics.DELIVERIES] if d["topic"] == topics.REMINDERS}
        assert delivered == {f"{GROUP}:m1:reminder:{n}:zalo:cs:zu-o1": "delivered" for n in range(1, ROUNDS + 1)}
    finally:
        inbox.stop()
        deliverer.stop()
        fake.stop()
