"""Bad input goes to moderation.dead-letter with its reason and original bytes; good messages keep flowing."""

import asyncio
import base64
import hashlib

import orjson

from tests.integration.harness import WorkerProcess, collect, message, produce

SENT = "2026-11-18T09:00:00+07:00"


def good(i: int) -> bytes:
    return message(f"ok-{i}", "xa-yen-lac", f"u{i}", "Chúc cả nhà buổi sáng tốt lành", SENT)


BAD = {
    "bad_json": b'{"message_id": "x1", "group_id": "xa-yen-lac", ',
    "bad_utf8": b'{"message_id": "x2", "group_id": "xa-yen-lac", "text": "\xff\xfe"}',
    "missing_field": orjson.dumps({"message_id": "x3", "group_id": "xa-yen-lac", "text": "a", "sent_at": SENT}),
    "wrong_type": orjson.dumps({"message_id": "x4", "group_id": "xa-yen-lac", "sender_id": "u",
                                "text": ["a"], "sent_at": SENT}),
    "bad_timestamp": orjson.dumps({"message_id": "x5", "group_id": "xa-yen-lac", "sender_id": "u",
                                   "text": "a", "sent_at": "18/11/2026 9h sáng"}),
    "too_large": orjson.dumps({"message_id": "x6", "group_id": "xa-yen-lac", "sender_id": "u",
                               "text": "a" * (2 * 1024 * 1024), "sent_at": SENT}),
}


def test_bad_input_is_dead_lettered_and_good_messages_still_flow(broker, tmp_path):
    values = [good(0), *BAD.values(), *(good(i) for i in range(1, 6))]
    worker = WorkerProcess(broker.bootstrap, tmp_path).start()
    try:
        asyncio.run(produce(broker.bootstrap, values))
        out = asyncio.run(collect(
            broker.bootstrap, ["moderation.dead-letter", "moderation.decisions"],
            until=lambda o: len(o["moderation.dead-letter"]) >= len(BAD) and len(o["moderation.decisions"]) >= 6,
            timeout=120))
        assert worker.process.poll() is None, worker.log_tail()
    finally:
        worker.stop()

    dead = out["moderation.dead-letter"]
    assert sorted(d["reason"] for d in dead) == sorted(BAD), worker.log_tail()
    by_reason = {d["reason"]: d for d in dead}
    for reason, raw in BAD.items():
        record = by_reason[reason]
        assert record["topic"] == "chat.messages"
        assert isinstance(record["partition"], int) and isinstance(record["offset"], int)
        assert record["error"]
        assert record["original_size"] == len(raw)
        if not record["original_truncated"]:
            assert base64.b64decode(record["original_base64"]) == raw
        assert record["original_sha256"] == hashlib.sha256(raw).hexdigest()
    assert by_reason["too_large"]["original_truncated"] is True
    decisions = sorted(d["message_id"] for d in out["moderation.decisions"])
    assert decisions == [f"ok-{i}" for i in range(6)]


def malformed(i: int) -> bytes:
    """One of several kinds of bad record, each a little different."""
    kind = i % 6
    if kind == 0:
        return b'{"message_id": "bad-%d", "group_id": ' % i
    if kind == 1:
        return b'{"message_id": "bad-%d", "text": "\xff\xfe"}' % i
    if kind == 2:
        return orjson.dumps({"message_id": f"bad-{i}", "group_id": "xa-yen-lac", "text": "a", "sent_at": SENT})
    if kind == 3:
        return orjson.dumps([i, "not an object"])
    if kind == 4:
        return orjson.dumps({"message_id": f"bad-{i}", "group_id": "xa-yen-lac", "sender_id": "u", "text": "a",
                             "sent_at": "hôm qua"})
    return orjson.dumps({"message_id": f"bad-{i}", "group_id": "xa-yen-lac", "sender_id": 7, "text": "a",
                         "sent_at": SENT})


def test_ten_thousand_malformed_among_a_thousand_good(broker, tmp_path):
    bad_count, good_count = 10_000, 1_000
    values = []
    for i in range(bad_count + good_count):
        values.append(good(i // 11) if i % 11 == 10 else malformed(i))
    assert sum(1 for v in values if b"ok-" in v) == good_count
    worker = WorkerProcess(broker.bootstrap, tmp_path).start()
    try:
        asyncio.run(produce(broker.bootstrap, values))
        out = asyncio.run(collect(
            broker.bootstrap, ["moderation.dead-letter", "moderation.decisions"],
            until=lambda o: len(o["moderation.dead-letter"]) >= bad_count
            and len(o["moderation.decisions"]) >= good_count, timeout=150))
        assert worker.process.poll() is None, worker.log_tail()
    finally:
        worker.stop()
    assert sorted(d["message_id"] for d in out["moderation.decisions"]) == sorted(
        f"ok-{i}" for i in range(good_count)), worker.log_tail()
    dead = out["moderation.dead-letter"]
    assert len(dead) == bad_count and len({(d["partition"], d["offset"]) for d in dead}) == bad_count
    assert {d["reason"] for d in dead} == {"bad_json", "bad_utf8", "missing_field", "not_object",
                                           "bad_timestamp", "wrong_type"}
