"""The batch processor with moderation.actions records among the messages (plain values, no Kafka)."""

from dataclasses import replace

import orjson
import pytest

from pipeline.domain.classification import Category, Classification
from pipeline.streams import topics
from pipeline.streams.processing import BatchProcessor, RawRecord, ordered
from tests.streams.test_processing import Store, by_topic, msg

OFF_TOPIC = "Chúc mọi người ngủ ngon"  # the keyword fallback: off_topic; 09:00 in office hours


def m(mid, offset, ts, sender="u1", partition=0, text=OFF_TOPIC):
    return RawRecord(value=orjson.dumps(msg(mid, text, sender=sender)), key=b"xa-test", topic=topics.INPUT,
                     partition=partition, offset=offset, timestamp=ts)


def a(action_id, kind, offset, ts, partition=0, **fields):
    value = {"action_id": action_id, "group_id": "xa-test", "action": kind, "actor_id": "officer-1",
             "actor_role": "officer", **fields}
    return RawRecord(value=orjson.dumps(value), key=b"xa-test", topic=topics.ACTIONS, partition=partition,
                     offset=offset, timestamp=ts)


@pytest.fixture
def run(classifier, engine):
    store = Store()
    processor = BatchProcessor(classifier, engine)
    return lambda records: by_topic(store.run(processor, records))


def test_records_are_merged_by_timestamp_per_partition_keeping_each_topics_order():
    records = [m("m2", 1, 5.0), a("x", "exempt", 0, 3.0, member_id="u1"), m("m1", 0, 1.0),
               m("n1", 0, 0.5, partition=1)]
    assert [(r.topic, r.partition, r.offset) for r in ordered(records)] == [
        (topics.INPUT, 0, 0), (topics.ACTIONS, 0, 0), (topics.INPUT, 0, 1), (topics.INPUT, 1, 0)]


def test_a_pardon_between_two_messages_of_one_batch(run):
    out = run([m("m1", 0, 1.0), m("m2", 1, 2.0), a("p1", "pardon", 0, 3.0, member_id="u1"), m("m3", 2, 4.0)])
    warnings = out[topics.WARNINGS]
    assert [(w.get("kind"), w.get("message_id"), w["strike_count"]) for w in warnings] == [
        ("warning", "m1", 1), ("warning", "m2", 2), ("pardoned", None, 0), ("warning", "m3", 1)]


def test_an_action_is_applied_once(run):
    first = run([m("m1", 0, 1.0), a("p1", "pardon", 0, 2.0, member_id="u1")])
    again = run([a("p1", "pardon", 1, 3.0, member_id="u1")])
    assert [w["kind"] for w in first[topics.WARNINGS]] == ["warning", "pardoned"]
    assert again == {}


def test_a_correction_gives_feedback_and_withdraws_the_strike(run):
    run([m("m1", 0, 1.0), m("m2", 1, 2.0)])
    out = run([a("c1", "correct", 0, 3.0, message_id="m2", category="lost_item")])
    (feedback,) = out[topics.FEEDBACK]
    assert (feedback["feedback_id"], feedback["model_category"], feedback["person_category"]) == (
        "c1", "off_topic", "lost_item")
    (withdrawn,) = out[topics.WARNINGS]
    assert (withdrawn["kind"], withdrawn["warning_id"], withdrawn["strike_count"]) == (
        "withdrawn", "xa-test:m2:withdrawn", 1)


@pytest.mark.parametrize(("record", "reason"), [
    (RawRecord(value=b"{", key=b"xa-test", topic=topics.ACTIONS, partition=0, offset=0), "bad_json"),
    (a("x", "ban", 0, 1.0, member_id="u1"), "unknown_action"),
    (a("x", "correct", 0, 1.0, message_id="never", category="tip"), "unknown_message"),
])
def test_bad_actions_go_to_the_dead_letter(run, record, reason):
    (dead,) = run([record])[topics.DEAD_LETTER]
    assert (dead["reason"], dead["topic"], dead["offset"]) == (reason, topics.ACTIONS, 0)


def test_exempt_then_confirm_removal(run):
    out = run([a("e1", "exempt", 0, 1.0, member_id="u1"), m("m1", 0, 2.0),
               a("e2", "unexempt", 1, 3.0, member_id="u1"), a("r1", "confirm_removal", 2, 4.0, member_id="u1"),
               m("m2", 1, 5.0)])
    assert topics.WARNINGS not in out
    decisions = {d["message_id"]: d for d in out[topics.DECISIONS]}
    assert decisions["m2"]["removed_member"] is True and "removed_member" not in decisions["m1"]


class UnsureClassifier:
    version = "unsure-1"

    def classify_batch(self, texts):
        c = Classification(Category.OFF_TOPIC, False, {"off_topic": 0.4, "tip": 0.35, "spam": 0.05,
                                                         "lost_item": 0.2}, self.version)
        return [replace(c, confidence=0.4, needs_review=True) for _ in texts]


def test_an_unsure_message_goes_to_review(engine):
    store = Store()
    out = by_topic(store.run(BatchProcessor(UnsureClassifier(), engine), [m("m1", 0, 1.0)]))
    (review,) = out[topics.REVIEW]
    assert review["review_id"] == "xa-test:m1" and review["text"] == OFF_TOPIC
    assert topics.WARNINGS not in out and out[topics.DECISIONS][0]["needs_review"] is True


def test_the_outcome_lists_each_judgement_with_its_message_and_each_applied_action(classifier, engine):
    store = Store()
    out = store.run(BatchProcessor(classifier, engine), [m("m1", 0, 1.0), a("p1", "pardon", 0, 2.0, member_id="u1"),
                                                         m("m2", 1, 3.0)])
    assert [msg.message_id for msg in out.messages] == ["m1", "m2"]
    assert [j.decision["message_id"] for j in out.judgements] == ["m1", "m2"]
    assert out.actions == ["pardon"] and out.touched == {"xa-test": 0}


def test_the_inboxs_case_actions_make_no_output_and_no_dead_letter(run):
    assert run([a("k1", "acknowledge", 0, 1.0, case_id="xa-test:m1", message_id="m1")]) == {}
