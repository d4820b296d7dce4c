"""The state owner: recovery once per assignment, one place for the group states, rollback on a
failed write. The broker readers are replaced by fakes; the real ones are exercised by the
integration tests (crash recovery, TLS)."""

from __future__ import annotations

import asyncio

import msgspec
import orjson
import pytest
from aiokafka import TopicPartition

from pipeline.settings import Settings
from pipeline.streams import partition_state, topics
from pipeline.streams.partition_state import GroupBundle, PartitionState, split_records


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

    async def publish(records, units=None):
        raise RuntimeError("broker gone")

    with pytest.raises(RuntimeError):
        await owner.store({"g1": 0}, publish)
    assert not owner.bundle("g1").group.has_seen("m2") and owner.bundle("g1").group.has_seen("m1")


async def test_a_stored_write_is_what_the_next_batch_and_the_next_owner_see(owner, reads, engine):
    owner.on_assigned(tps(0))
    await owner.wait_ready()
    owner.bundle("g1").group = owner.bundle("g1").group.with_seen("m2", 100)
    sent, cuts = [], []

    async def publish(records, units=None):
        sent.extend(records)
        cuts.append(units)

    await owner.store({"g1": 0}, publish)
    # the head, then the member read from the earlier one-record form, as a part; one unit
    assert [(topic, key, partition) for topic, key, _, partition in sent] == [
        ("t-group-state-changelog", b'"g1"', 0), ("t-group-state-changelog", b'["g1","m.u1"]', 0)]
    assert cuts == [[2]]
    assert owner.stored("g1") == sent[0][2] and owner.stored_parts("g1") == {"m.u1": sent[1][2]}
    again = GroupBundle.decode(owner.stored("g1"), owner.stored_parts("g1"))
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


def _read_back(log):
    """The changelog as a new owner reads it (newest value per key, tombstones removed)."""
    keys = {}
    for key, value in log.items():
        k = orjson.loads(key)
        keys[tuple(k) if isinstance(k, list) else k] = value
    heads, parts = split_records(keys)
    return heads, parts


def test_incremental_writes_read_back_as_the_whole_state(engine):
    """A write stores the head and only what changed (the new member state, the filled segments
    of the seen ids, notes and reports) plus tombstones; read back at any
    point (past the seen-id bound, after a note replaced by a correction, with members pruned,
    after one write adding more ids than the window keeps, and by a new owner that goes on
    writing), the parts named by the head give exactly the state
    in memory, and no part outlives its use."""
    from datetime import datetime, timedelta, timezone

    from pipeline.domain.classification import Category, Classification
    from pipeline.domain.message import parse_message
    from pipeline.domain.state import MessageNote

    eng = type(engine)(engine.groups, seen_ids_per_group=150)
    bundle = GroupBundle()
    log: dict[bytes, bytes] = {}
    t0 = datetime(2026, 11, 23, 9, 0, tzinfo=timezone(timedelta(hours=7)))
    texts = ["Mất ví da màu đen ở chợ", "vay tiền nhanh bấm link", "có trộm xe ở hẻm 5", "chào cả nhà"]
    cats = [Category.LOST_ITEM, Category.SPAM, Category.TIP, Category.OFF_TOPIC]
    sizes = []
    for i in range(600):
        raw = orjson.dumps({"message_id": f"m{i}", "group_id": "xa-test", "sender_id": f"u{i % 41}",
                            "text": texts[i % 4], "sent_at": (t0 + timedelta(minutes=7 * i)).isoformat()})
        msg = parse_message(raw)
        judgement = eng.judge(msg, Classification(cats[i % 4], False, {cats[i % 4].value: 0.9}, "v1"),
                              bundle.sender(msg.sender_id), bundle.group)
        bundle.update(msg.sender_id, judgement, msg.sent_at.timestamp())
        if i % 97 == 5:  # a correction replaces a note in the middle
            note = bundle.group.notes[len(bundle.group.notes) // 2]
            bundle.group = bundle.group.with_note_replaced(MessageNote(note.message_id, note.sender_id,
                                                                       "off_topic", note.model_version, False))
        # a write every 3 messages, and once 160 messages in one write (more than the 150 seen ids kept)
        if (i % 3 == 0 and not 400 < i < 560) or i == 560 or i > 580:
            records = bundle.encode("xa-test", eng)
            assert records[0][0] == b'"xa-test"'
            sizes.append(sum(len(k) + len(v or b"") for k, v in records))
            for key, value in records:
                if value is None:
                    assert key in log  # a tombstone only for a part that was stored
                    del log[key]
                else:
                    log[key] = value
            heads, parts = _read_back(log)
            head = orjson.loads(heads["xa-test"])
            fresh = GroupBundle.decode(heads["xa-test"], parts.get("xa-test"))
            assert fresh.to_json() == bundle.to_json()
            named = {f"m.{m}" for m in head["members"]}
            for window in ("seen", "notes", "reports"):
                first, last, _, _ = head[window]
                named |= {f"{window}.{n}" for n in range(first, last)}
            assert set(parts.get("xa-test", {})) == named
            if i % 150 == 0:  # a new owner takes over and goes on writing
                bundle = fresh
    assert len(bundle.group.seen) == 150 and bundle.group.reports and len(bundle.member_ids()) <= 41
    whole = len(orjson.dumps(bundle.to_json()))
    assert max(sizes[-10:]) < whole / 4, (sizes[-10:], whole)  # a write costs what changed


def test_a_record_of_the_one_record_form_is_read_and_then_written_as_parts(engine):
    old = orjson.dumps({"group": {"v": 1, "seen": ["m1", "m2"], "reports": [],
                                  "notes": [["m2", "u1", "spam", "v1", True]]},
                        "senders": {"u1": {"v": 1, "strikes": [{"at": 1.0, "rule": "spam", "message_id": "m2"}],
                                           "recent": [1.0]}}, "latest": 1.0})
    bundle = GroupBundle.decode(old)
    records = bundle.encode("g1", engine)
    log = dict(records)
    heads, parts = _read_back(log)
    again = GroupBundle.decode(heads["g1"], parts["g1"])
    assert again.to_json() == GroupBundle.decode(old).to_json()
    assert again.group.has_seen("m2") and again.group.note("m2").struck
    assert [s.message_id for s in again.sender("u1").strikes] == ["m2"]


def test_a_window_segment_store_follows_a_write_that_adds_more_than_it_keeps():
    """One write may add more items than the window keeps (a burst of one group in one batch):
    the items dropped at the front then include some of the new ones."""
    from pipeline.domain.seen import SeenIds
    from pipeline.streams.partition_state import _Segments

    window = _Segments("seen", lambda x: orjson.dumps(x))
    changed, gone = [], []
    old = SeenIds(f"m{i}" for i in range(10))
    window.sync(old, "g", changed, gone)
    kept = old
    for i in range(100, 140):  # 40 ids added to a window that keeps 25
        kept = kept.add(f"m{i}", 25)
    assert kept.since(old) == (25, [f"m{i}" for i in range(100, 140)])  # more added than kept
    head = window.sync(kept, "g", changed, gone)
    parts = {orjson.loads(k)[1]: v for k, v in changed}
    for name in gone:
        parts.pop(name, None)
    assert _Segments("seen", orjson.dumps).load(msgspec.json.decode(msgspec.json.encode(head)), parts) == list(kept)
