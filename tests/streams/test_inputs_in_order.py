"""The look-ahead that keeps chat.messages and moderation.actions in order (no broker: the consumer's
highwaters and the direct fetch are stand-ins)."""

import asyncio
from types import SimpleNamespace

import pytest

from pipeline.streams import app as app_module
from pipeline.streams import topics
from pipeline.streams.continuity import OffsetLedger
from pipeline.streams.records import RawRecord


def rec(topic, partition, offset, ts):
    return RawRecord(value=b"{}", key=b"g", topic=topic, partition=partition, offset=offset, timestamp=ts)


class Consumer:
    def __init__(self, highwaters):
        self.highwaters = highwaters

    def assignment(self):
        return [SimpleNamespace(topic=t, partition=p) for t, p in self.highwaters]

    def highwater(self, tp):
        return self.highwaters[(tp.topic, tp.partition)]


def runtime(expected, highwaters):
    ledgers = {}
    for topic in topics.INPUTS:
        ledgers[topic] = OffsetLedger()
        ledgers[topic].reset(expected.get(topic, {}))
    return SimpleNamespace(state=SimpleNamespace(ledgers=ledgers), settings=None,
                           app=SimpleNamespace(consumer=Consumer(highwaters)))


@pytest.fixture
def broker(monkeypatch):
    """Records on the 'broker' per topic; fetch_range returns [start, end) of them."""
    logs = {}

    async def fetch_range(settings, spans, *, topic, timeout=30.0):
        return [r for p, (start, end) in spans.items() for r in logs.get((topic, p), []) if start <= r.offset < end]

    monkeypatch.setattr(app_module, "fetch_range", fetch_range)
    return logs


def test_messages_sent_before_an_action_are_fetched_ahead_up_to_its_timestamp(broker):
    broker[(topics.INPUT, 0)] = [rec(topics.INPUT, 0, o, ts) for o, ts in [(4, 1.0), (5, 2.0), (6, 9.0)]]
    rt = runtime({topics.INPUT: {0: 4}, topics.ACTIONS: {0: 0}}, {(topics.INPUT, 0): 7, (topics.ACTIONS, 0): 1})
    got = asyncio.run(app_module._other_inputs_pending(rt, [rec(topics.ACTIONS, 0, 0, 5.0)]))
    assert [(r.topic, r.offset) for r in got] == [(topics.INPUT, 4), (topics.INPUT, 5)]  # not the later one


def test_actions_sent_before_a_message_are_fetched_ahead(broker):
    broker[(topics.ACTIONS, 1)] = [rec(topics.ACTIONS, 1, 0, 1.0), rec(topics.ACTIONS, 1, 1, 3.0)]
    rt = runtime({topics.INPUT: {1: 10}, topics.ACTIONS: {1: 0}}, {(topics.INPUT, 1): 12, (topics.ACTIONS, 1): 2})
    got = asyncio.run(app_module._other_inputs_pending(rt, [rec(topics.INPUT, 1, 10, 2.0),
                                                           rec(topics.INPUT, 1, 11, 2.5)]))
    assert [(r.topic, r.offset) for r in got] == [(topics.ACTIONS, 0)]  # offset 1 (ts 3.0) comes later


def test_nothing_pending_nothing_fetched(broker):
    rt = runtime({topics.INPUT: {0: 3}, topics.ACTIONS: {0: 2}}, {(topics.INPUT, 0): 4, (topics.ACTIONS, 0): 2})
    assert asyncio.run(app_module._other_inputs_pending(rt, [rec(topics.INPUT, 0, 3, 1.0)])) == []


def test_a_failed_fetch_takes_the_batch_as_delivered(monkeypatch):
    async def broken(*args, **kwargs):
        raise TimeoutError("broker gone")

    monkeypatch.setattr(app_module, "fetch_range", broken)
    rt = runtime({topics.INPUT: {0: 0}, topics.ACTIONS: {0: 0}}, {(topics.INPUT, 0): 5, (topics.ACTIONS, 0): 1})
    assert asyncio.run(app_module._other_inputs_pending(rt, [rec(topics.ACTIONS, 0, 0, 1.0)])) == []
