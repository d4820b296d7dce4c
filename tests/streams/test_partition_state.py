"""The state owner: recovery once per assignment, one place for the group states, rollback on a
failed write. The broker readers are replaced by fakes; the real ones are exercised by the
integration tests (crash recovery, TLS)."""

from __future__ import annotations

import asyncio

import orjson
import pytest
from aiokafka import TopicPartition

from pipeline.settings import Settings
from pipeline.streams import partition_state, topics
from pipeline.streams.partition_state import GroupBundle, PartitionState


@pytest.fixture
def reads(monkeypatch):
    calls = {"states": [], "published": [], "offsets": []}
    stored = {"g1": orjson.dumps({"group": {"v": 1, "seen": ["m1"], "reports": []},
                                  "senders": {"u1": {"v": 1, "strikes": [
                                      {"at": 1.0, "rule": "spam", "message_id": "m1"}], "recent": [1.0]}},
                                  "latest": 1.0})}

    async def read_latest_values(settings, topic, partitions):
        calls["states"].append((topic, sorted(partitions)))
        return dict(stored)

    async def read_published_ids(settings, partitions, *, per_partition):
        calls["published"].append(sorted(partitions))
        return {(topics.WARNINGS, "g1:m1:spam")}

    async def committed_offsets(settings, group_id, partitions, *, topic):
        calls["offsets"].append((topic, sorted(partitions)))
        return {p: 10 for p in partitions}

    monkeypatch.setattr(partition_state, "read_latest_values", read_latest_values)
    monkeypatch.setattr(partition_state, "read_published_ids", read_published_ids)
    monkeypatch.setattr(partition_state, "committed_offsets", committed_offsets)
    return calls


@pytest.fixture
def owner(engine):
    return PartitionState(Settings(kafka="127.0.0.1:1", app_id="t"), engine)


def tps(*partitions, topic=topics.INPUT):
    return {TopicPartition(topic, p) for p in partitions}


async def test_an_assignment_reads_each_thing_back_once_before_the_next_batch(owner, reads):
    owner.on_assigned(tps(0, 2) | tps(0, topic="some.other.topic"))
    assert not owner.is_ready()
    await asyncio.wait_for(owner.wait_ready(), 5)
    assert reads["states"] == [("t-group-state-changelog", [0, 2])]
    assert reads["published"] == [[0, 2]] and reads["offsets"] == [(topics.INPUT, [0, 2])]
    assert owner.ledgers[topics.INPUT].expected == {0: 10, 2: 10}
    assert owner.owns(2) and not owner.owns(1)
    # the stored state is what the group starts from
    assert owner.bundle("g1").group.has_seen("m1")
    assert [s.rule for s in owner.bundle("g1").sender("u1").strikes] == ["spam"]
    assert owner.already_published(topics.WARNINGS, {"warning_id": "g1:m1:spam"})
    assert not owner.already_published(topics.WARNINGS, {"warning_id": "g1:m2:spam"})
    assert len(reads["states"]) == 1  # not again per batch


async def test_revocation_forgets_the_state_of_the_partitions(owner, reads):
    owner.on_assigned(tps(0))
    await owner.wait_ready()
    owner.bundle("g1")
    await owner.on_revoked(tps(0))
    assert len(owner) == 0 and owner.published == set() and owner.ledgers[topics.INPUT].expected == {}


async def test_a_new_assignment_replaces_one_still_being_read(owner, reads):
    owner.on_assigned(tps(0))
    owner.on_assigned(tps(1, 3))
    await asyncio.wait_for(owner.wait_ready(), 5)
    assert owner.assigned == frozenset({1, 3})


async def test_a_failed_state_write_falls_back_to_the_stored_record(owner, reads):
    owner.on_assigned(tps(0))
    await owner.wait_ready()
    bundle = owner.bundle("g1")
    bundle.group = bundle.group.with_seen("m2", 100)

    async def publish(records):
        raise RuntimeError("broker gone")

    with pytest.raises(RuntimeError):
        await owner.store({"g1": 0}, publish)
    assert not owner.bundle("g1").group.has_seen("m2") and owner.bundle("g1").group.has_seen("m1")


async def test_a_stored_write_is_what_the_next_batch_and_the_next_owner_see(owner, reads, engine):
    owner.on_assigned(tps(0))
    await owner.wait_ready()
    owner.bundle("g1").group = owner.bundle("g1").group.with_seen("m2", 100)
    sent = []

    async def publish(records):
        sent.extend(records)

    await owner.store({"g1": 0}, publish)
    ((topic, key, value, partition),) = sent
    assert (topic, key, partition) == ("t-group-state-changelog", b'"g1"', 0)
    assert owner.stored("g1") == value
    again = GroupBundle.decode(value)
    assert again.group.has_seen("m1") and again.group.has_seen("m2")
    assert [s.message_id for s in again.sender("u1").strikes] == ["m1"]


def test_an_unreadable_record_starts_the_group_afresh():
    assert GroupBundle.decode(b"{nope").group.seen == ()


async def test_a_co_partitioned_second_input_shares_the_group_state_and_has_its_own_ledger(engine, reads):
    owner = PartitionState(Settings(kafka="127.0.0.1:1", app_id="t"), engine, input_topics=topics.INPUTS)
    owner.on_assigned(tps(1) | tps(1, topic=topics.ACTIONS))
    await owner.wait_ready()
    assert sorted(reads["offsets"]) == sorted([(topics.INPUT, [1]), (topics.ACTIONS, [1])])
    assert set(owner.ledgers) == set(topics.INPUTS)
    assert reads["states"] == [("t-group-state-changelog", [1])]  # one state for both topics


def test_kept_json_of_history_equals_encoding_afresh(engine):
    """The bundle keeps the JSON of the seen ids, notes and reports between writes and encodes only
    what is new: after every step (judging past the seen-id bound and its log compaction, a note
    replaced by a correction, a report added) its record is the one a fresh bundle would write."""
    from datetime import datetime, timedelta, timezone

    from pipeline.domain.classification import Category, Classification
    from pipeline.domain.message import parse_message
    from pipeline.domain.state import MessageNote

    eng = type(engine)(engine.groups, seen_ids_per_group=50)
    bundle = GroupBundle()
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=7)))
    texts = ["Mất ví da màu đen ở chợ", "vay tiền nhanh bấm link", "có trộm xe ở hẻm 5", "chào cả nhà"]
    cats = [Category.LOST_ITEM, Category.SPAM, Category.TIP, Category.OFF_TOPIC]
    for i in range(400):
        raw = orjson.dumps({"message_id": f"m{i}", "group_id": "xa-test", "sender_id": f"u{i % 7}",
                            "text": texts[i % 4], "sent_at": (t0 + timedelta(minutes=i)).isoformat()})
        msg = parse_message(raw)
        judgement = eng.judge(msg, Classification(cats[i % 4], False, {cats[i % 4].value: 0.9}, "v1"),
                              bundle.sender(msg.sender_id), bundle.group)
        bundle.update(msg.sender_id, judgement, msg.sent_at.timestamp())
        if i % 97 == 5:  # a correction replaces a note in the middle
            note = bundle.group.notes[len(bundle.group.notes) // 2]
            bundle.group = bundle.group.with_note_replaced(MessageNote(note.message_id, note.sender_id,
                                                                       "off_topic", note.model_version, False))
        if i % 13 == 0 or i > 380:
            record = bundle.encode("xa-test", eng)
            fresh = GroupBundle.decode(record)
            assert record == fresh.encode("xa-test", eng)
            assert orjson.loads(record)["group"] == bundle.group.to_json()
    assert len(bundle.group.seen) == 50 and bundle.group.reports
