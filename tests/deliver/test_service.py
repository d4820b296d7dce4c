"""The deliverer's bookkeeping without a broker: lanes, priorities, offsets, skipping, throttling."""

import asyncio
from dataclasses import dataclass

import orjson
import pytest
from aiokafka import TopicPartition

from pipeline.deliver.errors import DeliveryFailed
from pipeline.deliver.service import Deliverer
from pipeline.kafka import topics
from pipeline.settings import Settings

ESC = TopicPartition(topics.ESCALATIONS, 0)
WARN = TopicPartition(topics.WARNINGS, 0)


@dataclass
class Record:
    offset: int
    value: bytes
    timestamp: int = 0


class FakeConsumer:
    def __init__(self, assigned):
        self.assigned = set(assigned)
        self.commits = []
        self._paused = set()

    def assignment(self):
        return set(self.assigned)

    def paused(self):
        return set(self._paused)

    def pause(self, *tps):
        self._paused |= set(tps)

    def resume(self, *tps):
        self._paused -= set(tps)

    async def commit(self, offsets):
        self.commits.append({tp: om.offset for tp, om in offsets.items()})


class FakeZalo:
    def __init__(self, gate=None):
        self.sent = []
        self.gate = gate
        self.fail_for = set()

    async def send(self, kind, payload, on_attempt=None):
        if self.gate is not None:
            await self.gate.wait()
        user = payload.get("recipient", {}).get("user_id")
        if user in self.fail_for:
            raise DeliveryFailed("zalo error -213: User has not followed the OA", 1)
        self.sent.append((kind, payload["message"]["text"].rsplit("Mã: ", 1)[-1]))
        return {}, 1


class FakeWebhooks:
    def __init__(self, gate):
        self.gate = gate
        self.sent = []

    async def send(self, url, msg_id, body, on_attempt=None):
        await self.gate.wait()
        self.sent.append(msg_id)
        return 204, 1


def escalation(i, priority="normal", group="plain", route_to=("officer-a",)):
    # group "plain" has no webhook_urls of its own; "oa" has one
    return orjson.dumps({"escalation_id": f"{group}:m{i}", "group_id": group, "message_id": f"m{i}",
                         "priority": priority, "text": "tin báo", "sender_id": "u", "route_to": list(route_to)})


def make(groups, **settings):
    values = {"BINHYEN_WEBHOOK_URL": "https://central.example/hook", "BINHYEN_DELIVER_ZALO_CONCURRENCY": "1",
              **settings}
    d = Deliverer(Settings.from_env(values), groups)
    d.consumer = FakeConsumer([ESC, WARN])
    return d


async def settle():
    for _ in range(20):
        await asyncio.sleep(0)


async def test_a_stuck_webhook_does_not_hold_zalo_back_but_holds_the_offset(groups):
    d = make(groups)
    gate = asyncio.Event()
    d.zalo, d.webhooks = FakeZalo(), FakeWebhooks(gate)
    for i in range(3):
        d._accept(ESC, Record(i, escalation(i)))
    await settle()
    assert [code for _, code in d.zalo.sent] == ["plain:m0", "plain:m1", "plain:m2"]  # Zalo went on
    await d._commit()
    assert d.consumer.commits == []  # but no record is finished: its webhook is not delivered
    gate.set()
    await settle()
    await d._commit()
    assert d.consumer.commits == [{ESC: 3}]
    assert d.ledger.done["plain:m0:zalo:cs:zu-oa"] == "delivered"
    for lane in d.lanes.values():
        await lane.close()


async def test_urgent_escalations_go_first_in_the_zalo_lane(groups):
    d = make(groups, BINHYEN_WEBHOOK_URL="")
    gate = asyncio.Event()
    d.zalo, d.webhooks = FakeZalo(gate), FakeWebhooks(asyncio.Event())
    for i in range(4):
        d._accept(ESC, Record(i, escalation(i)))
    await settle()  # the lane's one worker has taken m0 and waits for Zalo
    d._accept(ESC, Record(4, escalation(4, "urgent")))
    await settle()
    gate.set()
    await settle()
    codes = [code for _, code in d.zalo.sent]
    assert codes[0] == "plain:m0"  # already under way when the urgent one came
    assert codes[1] == "plain:m4" and sorted(codes) == [f"plain:m{i}" for i in range(5)]
    for lane in d.lanes.values():
        await lane.close()


async def test_done_deliveries_are_skipped_and_offsets_stop_at_the_first_unfinished(groups):
    d = make(groups, BINHYEN_WEBHOOK_URL="")
    d.zalo, d.webhooks = FakeZalo(asyncio.Event()), FakeWebhooks(asyncio.Event())  # nothing can finish
    d.ledger.absorb([{"delivery_id": "plain:m0:zalo:cs:zu-oa", "status": "delivered"},
                     {"delivery_id": "plain:m1:zalo:cs:zu-oa", "status": "parked"}])
    d._accept(ESC, Record(10, escalation(0)))
    d._accept(ESC, Record(11, escalation(1)))
    d._accept(ESC, Record(12, escalation(2)))  # not done: under way
    d._accept(ESC, Record(13, b"not json"))
    await d._commit()
    assert d.consumer.commits == [{ESC: 12}]
    for lane in d.lanes.values():
        await lane.close()


async def test_a_refused_delivery_is_parked_and_the_record_finishes(groups):
    d = make(groups, BINHYEN_WEBHOOK_URL="")
    d.zalo, d.webhooks = FakeZalo(), FakeWebhooks(asyncio.Event())
    d.zalo.fail_for = {"zu-oa"}
    d._accept(ESC, Record(0, escalation(0)))
    d._accept(ESC, Record(1, escalation(1, group="unmapped", route_to=())))  # officer-x: no Zalo user id
    await settle()
    await d._commit()
    assert d.consumer.commits == [{ESC: 2}]
    assert d.ledger.done == {"plain:m0:zalo:cs:zu-oa": "parked", "unmapped:m1:zalo:cs:person:officer-x": "parked"}
    for lane in d.lanes.values():
        await lane.close()


async def test_throttle_keeps_escalations_flowing_then_stops_all(groups):
    d = make(groups, BINHYEN_DELIVER_MAX_PENDING="2", BINHYEN_WEBHOOK_URL="")
    d.zalo, d.webhooks = FakeZalo(asyncio.Event()), FakeWebhooks(asyncio.Event())
    assert d._throttle() is False and d.consumer.paused() == set()
    for i in range(2):
        d._accept(ESC, Record(i, escalation(i)))
    assert d._throttle() is False and d.consumer.paused() == {WARN}
    for i in range(2, 4):
        d._accept(ESC, Record(i, escalation(i)))
    assert d._throttle() is True and d.consumer.paused() == {WARN, ESC}
    for lane in d.lanes.values():
        await lane.close()


async def test_dry_run_records_without_sending(groups):
    d = make(groups, BINHYEN_DELIVER_DRY_RUN="1")
    d._accept(ESC, Record(0, escalation(0, "urgent")))
    await settle()
    assert d.ledger.done == {"plain:m0:zalo:cs:zu-oa": "dry_run",
                             "plain:m0:webhook:central.example#9d81b52ef4": "dry_run"}
    for lane in d.lanes.values():
        await lane.close()


def test_ledger_keeps_the_newest_outcomes():
    from pipeline.deliver.ledger import Ledger

    ledger = Ledger(None, keep=100)
    ledger.absorb([{"delivery_id": f"r{i}:c", "status": "delivered"} for i in range(150)])
    assert len(ledger.done) <= 100 and ledger.is_done("r149:c") and not ledger.is_done("r0:c")


async def test_oldest_pending_counts_officers_messages_not_slow_webhooks(groups):
    d = make(groups)
    gate = asyncio.Event()
    d.zalo, d.webhooks = FakeZalo(gate), FakeWebhooks(asyncio.Event())
    d._accept(ESC, Record(0, escalation(0, "urgent"), timestamp=1000))
    assert list(d.waiting_cs.values()) == [("urgent", 1.0)]
    gate.set()
    await settle()
    assert d.waiting_cs == {} and d.pending  # officer served; the record waits for its webhook only
    for lane in d.lanes.values():
        await lane.close()


async def test_a_reminder_already_in_the_delivery_log_is_not_sent_again(groups):
    rem = TopicPartition(topics.REMINDERS, 0)
    d = make(groups, BINHYEN_WEBHOOK_URL="")
    d.consumer = FakeConsumer([rem])
    d.zalo = FakeZalo()
    value = orjson.dumps({"reminder_id": "plain:m1:reminder:1", "escalation_id": "plain:m1", "group_id": "plain",
                          "message_id": "m1", "priority": "urgent", "round": 1, "overdue_seconds": 5,
                          "route_to": ["officer-a"], "at": "2026-11-18T15:51:00+00:00"})
    d._accept(rem, Record(0, value))
    await asyncio.gather(*[j.finished.wait() for j in list(d.pending)])
    d._accept(rem, Record(1, value))  # the same reminder again (the inbox re-sent it after losing its table)
    assert not d.pending
    assert d.zalo.sent == [("zalo_cs", "plain:m1")]
    assert d.ledger.done == {"plain:m1:reminder:1:zalo:cs:zu-oa": "delivered"}
    for lane in d.lanes.values():
        await lane.close()
