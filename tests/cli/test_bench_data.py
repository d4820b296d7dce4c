"""The bench's generated messages: deterministic, valid, varied."""

from __future__ import annotations

from collections import Counter
from datetime import time

from pipeline.cli.bench_data import ICT, encode, generate, generate_labeled, strip_diacritics, to_teencode
from pipeline.domain.message import parse_message


def test_same_seed_same_messages_other_seed_others():
    assert generate(500, seed=3) == generate(500, seed=3)
    assert encode(generate(200, seed=3)) == encode(generate(200, seed=3))
    assert generate(200, seed=3) != generate(200, seed=4)


def test_every_generated_message_parses():
    records = generate(3000, seed=11)
    for (key, value), record in zip(encode(records), records):
        msg = parse_message(value)
        assert key == msg.group_id.encode("utf-8")
        assert msg.message_id == record["message_id"]
        assert msg.sent_at.utcoffset() == ICT.utcoffset(None)
    assert len({r["message_id"] for r in records}) == len(records)


def test_categories_groups_senders_and_hours_are_spread():
    labeled = generate_labeled(5000, seed=5)
    cats = Counter(c for _, (c, _) in labeled)
    assert set(cats) == {"tip", "spam", "lost_item", "off_topic"}
    assert sum(u for _, (_, u) in labeled) > 100  # some urgent tips
    records = [r for r, _ in labeled]
    assert len({r["group_id"] for r in records}) > 450
    assert len({r["sender_id"] for r in records}) > 1000
    stamps = [r["sent_at"] for r in records]
    assert stamps == sorted(stamps)

    def office(r):
        from datetime import datetime
        local = datetime.fromisoformat(r["sent_at"]).astimezone(ICT)
        t = local.time()
        return local.weekday() < 5 and (time(7, 30) <= t < time(11, 30) or time(13, 30) <= t < time(17, 0))

    inside = sum(office(r) for r in records)
    assert 0.2 * len(records) < inside < 0.8 * len(records)
    words = [len(r["text"].split()) for r in records]
    assert 10 <= sum(words) / len(words) <= 30
    plain = sum(r["text"].isascii() for r in records)
    assert 0.2 * len(records) < plain < 0.6 * len(records)  # with and without diacritics
    assert any(" k " in f" {r['text']} " or " ko " in f" {r['text']} " or " mn " in f" {r['text']} " for r in records)
    assert any(r.get("attachments") for r in records) and any(r.get("sender_role") == "officer" for r in records)


def test_diacritics_and_teencode():
    assert strip_diacritics("Đêm qua nhà em bị mất xe") == "Dem qua nha em bi mat xe"
    assert to_teencode("Mọi người ơi em không biết") == "mn oi e k bt"
