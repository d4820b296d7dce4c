"""Re-notification of urgent cases nobody acknowledged: which cases, which round, the record, no repeats."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from prometheus_client import generate_latest

from pipeline.domain.groups import load_groups
from pipeline.inbox.reminders import due_reminders, due_round, mark_sent, remind_once
from pipeline.kafka import topics
from pipeline.settings import REPO_ROOT, Settings
from tests.inbox import records
from tests.inbox.conftest import FakeSender, feed

START_MS = 1_764_555_000_000  # feed(): the first record's broker timestamp, then +1 s each
PUBLISHED = datetime.fromtimestamp(START_MS / 1000, timezone.utc).replace(tzinfo=None)
GROUPS = load_groups(REPO_ROOT / "configs" / "groups.toml")
ACK = 10.0  # minutes


def at(minutes: float) -> datetime:
    return PUBLISHED + timedelta(minutes=minutes)


def test_due_round_counts_whole_ack_deadlines_up_to_the_limit():
    since = at(0)
    assert due_round(since, at(9.9), ACK, 3, 0) is None  # not overdue yet
    assert due_round(since, at(10.1), ACK, 3, 0) == 1
    assert due_round(since, at(15), ACK, 3, 1) is None  # round 1 sent, round 2 not due
    assert due_round(since, at(20.5), ACK, 3, 1) == 2
    assert due_round(since, at(95), ACK, 3, 0) == 3  # after an outage: the newest round only, never past the limit
    assert due_round(since, at(95), ACK, 3, 3) is None
    assert due_round(since, at(95), ACK, 0, 0) is None  # rounds = 0: re-notification off
    assert due_round(None, at(95), ACK, 3, 0) is None


def stream():
    return [(topics.ESCALATIONS, records.escalation("m1", urgent=True)),   # published at(0)
            (topics.ESCALATIONS, records.escalation("m2")),                 # normal: never reminded
            (topics.ESCALATIONS, records.escalation("m3", urgent=True)),   # acknowledged below
            (topics.ESCALATIONS, records.escalation("m4", urgent=True, text="khác")),  # assigned
            (topics.ACTIONS, _action("a1", "acknowledge", "phuong-ben-nghe:m3")),
            (topics.ACTIONS, _action("a2", "assign", "phuong-ben-nghe:m4", assignee="officer-bn-le-minh-tuan"))]


def _action(action_id, action, case_id, **extra):
    return {"action_id": action_id, "group_id": "phuong-ben-nghe", "action": action,
            "actor_id": "officer-bn-nguyen-van-hung", "actor_role": "officer",
            "requested_at": "2026-12-01T09:20:00+07:00", "case_id": case_id, **extra}


def test_only_open_urgent_cases_get_a_record_without_text(maker):
    feed(maker, stream(), START_MS)
    assert due_reminders(maker, ACK, 3, GROUPS, now=at(5)) == []
    due = due_reminders(maker, ACK, 3, GROUPS, now=at(12))
    assert [r["escalation_id"] for r in due] == ["phuong-ben-nghe:m1", "phuong-ben-nghe:m4"]
    first = due[0]
    assert set(first) == {"reminder_id", "escalation_id", "group_id", "message_id", "priority", "round",
                          "overdue_seconds", "route_to", "at"}
    assert first["reminder_id"] == "phuong-ben-nghe:m1:reminder:1" and first["round"] == 1
    assert first["group_id"] == "phuong-ben-nghe" and first["message_id"] == "m1" and first["priority"] == "urgent"
    assert first["overdue_seconds"] == 120  # 12 minutes open, 10 allowed
    assert first["route_to"] == list(GROUPS.for_group("phuong-ben-nghe").route_to)  # the group's routing
    assert datetime.fromisoformat(first["at"]) == at(12).replace(tzinfo=timezone.utc)
    assert first["at"].endswith("+07:00")  # the group's time zone, like the worker's records
    assert records.TIP_TEXT not in str(due) and "u-informant" not in str(due)
    # the assigned officer is reminded first
    assert due[1]["route_to"][0] == "officer-bn-le-minh-tuan"
    assert len(due[1]["route_to"]) == len(set(due[1]["route_to"]))


def test_a_sent_round_is_not_sent_again_and_the_next_one_comes_one_deadline_later(maker):
    feed(maker, [(topics.ESCALATIONS, records.escalation("m1", urgent=True))], START_MS)
    mark_sent(maker, due_reminders(maker, ACK, 3, GROUPS, now=at(11)), now=at(11))
    assert due_reminders(maker, ACK, 3, GROUPS, now=at(19)) == []  # round 1 noted: nothing until round 2
    mark_sent(maker, due_reminders(maker, ACK, 3, GROUPS, now=at(11)), now=at(11))  # idempotent
    [two] = due_reminders(maker, ACK, 3, GROUPS, now=at(21))
    assert two["reminder_id"] == "phuong-ben-nghe:m1:reminder:2"
    mark_sent(maker, [two], now=at(21))
    [three] = due_reminders(maker, ACK, 3, GROUPS, now=at(31))
    mark_sent(maker, [three], now=at(31))
    assert due_reminders(maker, ACK, 3, GROUPS, now=at(500)) == []  # at most 3 rounds


def test_remind_once_sends_each_due_round_once_and_retries_what_the_broker_refused(maker):
    feed(maker, [(topics.ESCALATIONS, records.escalation("m1", urgent=True, sent_at="2020-01-01T00:00:00+07:00"))],
         START_MS)  # published long ago: overdue now
    settings = Settings.from_env({"BINHYEN_INBOX_ACK_MINUTES": "10", "BINHYEN_INBOX_REMINDER_ROUNDS": "2"})
    sender = FakeSender()
    sender.fail = True
    assert asyncio.run(remind_once(maker, settings, GROUPS, sender)) == 0  # broker down: not noted
    sender.fail = False
    assert asyncio.run(remind_once(maker, settings, GROUPS, sender)) == 1
    assert asyncio.run(remind_once(maker, settings, GROUPS, sender)) == 0  # already sent: a restart reads the table
    assert [r["reminder_id"] for r in sender.sent] == ["phuong-ben-nghe:m1:reminder:2"]  # newest due round only
    scraped = generate_latest().decode()
    assert 'binhyen_inbox_reminders_total{outcome="sent"}' in scraped
    assert 'binhyen_inbox_reminders_total{outcome="failed"}' in scraped
    assert "phuong-ben-nghe" not in scraped  # labels are outcomes only
