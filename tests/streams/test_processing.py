"""The batch processor with plain values: no Kafka, no Faust."""

import base64

import orjson
import pytest

from pipeline.streams import topics
from pipeline.streams.partition_state import GroupBundle
from pipeline.streams.processing import BatchProcessor, RawRecord


def rec(obj_or_bytes, offset=0, partition=0) -> RawRecord:
    value = obj_or_bytes if isinstance(obj_or_bytes, bytes) else orjson.dumps(obj_or_bytes)
    return RawRecord(value=value, key=b"xa-test", topic=topics.INPUT, partition=partition, offset=offset,
                     timestamp=1.0)


def msg(mid, text, sent_at="2026-11-18T09:00:00+07:00", sender="u1", **extra):
    return {"message_id": mid, "group_id": "xa-test", "sender_id": sender, "text": text, "sent_at": sent_at,
            **extra}


class Store:
    """What the partition state owner does around a batch: live bundles, each touched group's
    records written to a changelog kept here, the whole state of each group as a document.

    ``reload`` makes every group start again from its stored records, as a new owner would."""

    def __init__(self, reload=False):
        self.bundles = {}
        self.log = {}  # changelog key -> newest value
        self.group = {}
        self.reload = reload

    def bundle(self, group_id):
        if group_id not in self.bundles:
            heads, parts = {}, {}
            for key, value in self.log.items():
                k = orjson.loads(key)
                if isinstance(k, list) and k[0] == group_id:
                    parts[k[1]] = value
                elif k == group_id:
                    heads[k] = value
            self.bundles[group_id] = GroupBundle.decode(heads.get(group_id), parts)
        return self.bundles[group_id]

    def run(self, processor, records):
        out = processor.process(records, self.bundle)
        for group_id in out.touched:
            for key, value in self.bundles[group_id].encode(group_id, processor.engine):
                if value is None:
                    self.log.pop(key, None)
                else:
                    self.log[key] = value
            self.group[group_id] = self.bundles[group_id].to_json()
        if self.reload:
            self.bundles.clear()
        return out


def by_topic(outcome):
    result = {}
    for e in outcome.emissions:
        result.setdefault(e.topic, []).append(e.value)
    return result


def test_one_decision_per_valid_message_and_dead_letter_for_bad(classifier, engine):
    store = Store()
    records = [rec(msg("m1", "Có cướp giật ở chợ, cứu với")), rec(b"{oops", offset=1),
               rec(msg("m2", "Chúc mọi người ngủ ngon"), offset=2)]
    out = by_topic(store.run(BatchProcessor(classifier, engine), records))
    assert [d["message_id"] for d in out[topics.DECISIONS]] == ["m1", "m2"]
    (dead,) = out[topics.DEAD_LETTER]
    assert dead["reason"] == "bad_json" and dead["offset"] == 1
    assert base64.b64decode(dead["original_base64"]) == b"{oops"
    assert [e["message_id"] for e in out[topics.ESCALATIONS]] == ["m1"]


@pytest.mark.parametrize("reload", [False, True], ids=["in-memory", "from-stored-record"])
def test_state_carries_across_batches_and_duplicates_are_skipped(classifier, engine, reload):
    store = Store(reload=reload)
    processor = BatchProcessor(classifier, engine)
    first = store.run(processor, [rec(msg("m1", "Chúc mọi người ngủ ngon"))])
    assert len(by_topic(first)[topics.WARNINGS]) == 1
    again = store.run(processor, [rec(msg("m1", "Chúc mọi người ngủ ngon"))])
    assert again.duplicates == 1 and again.emissions == []
    second = by_topic(store.run(processor, [rec(msg("m2", "Hôm nay trời đẹp quá"), offset=1)]))
    assert second[topics.WARNINGS][0]["strike_count"] == 2
    assert "u1" in store.group["xa-test"]["senders"]


def test_messages_of_one_batch_see_each_others_state(classifier, engine):
    store = Store()
    records = [rec(msg(f"m{i}", "Trời hôm nay đẹp ghê"), offset=i) for i in range(3)]
    warnings = by_topic(store.run(BatchProcessor(classifier, engine), records))[topics.WARNINGS]
    assert [w["strike_count"] for w in warnings] == [1, 2, 3]
    assert [w["action"] for w in warnings] == ["remind", "final_warning", "remove"]


def test_state_update_keeps_the_partition_of_its_record(classifier, engine):
    out = Store().run(BatchProcessor(classifier, engine), [rec(msg("m1", "xin chào"), partition=3)])
    assert out.touched == {"xa-test": 3}


def test_an_internal_error_dead_letters_the_message_and_the_batch_goes_on(classifier, engine):
    class Exploding:
        def __init__(self, inner):
            self.inner = inner

        def __getattr__(self, name):
            return getattr(self.inner, name)

        def judge(self, m, c, s, g):
            if m.message_id == "boom":
                raise KeyError("bug")
            return self.inner.judge(m, c, s, g)

    out = by_topic(Store().run(BatchProcessor(classifier, Exploding(engine)),
                               [rec(msg("boom", "xin chào")), rec(msg("m2", "xin chào"), offset=1)]))
    assert [d["reason"] for d in out[topics.DEAD_LETTER]] == ["internal_error"]
    assert [d["message_id"] for d in out[topics.DECISIONS]] == ["m2"]


def test_classifier_sees_each_valid_text_once_in_one_batch(engine):
    calls = []

    class Counting:
        version = "counting"

        def classify_batch(self, texts):
            from pipeline.nlp.keywords import KeywordClassifier
            calls.append(list(texts))
            return KeywordClassifier().classify_batch(texts)

    Store().run(BatchProcessor(Counting(), engine),
                [rec(msg("a", "một")), rec(b"bad", offset=1), rec(msg("b", "hai"), offset=2)])
    assert calls == [["một", "hai"]]


def test_members_without_strikes_are_pruned_once_a_group_holds_many(classifier, engine):
    from pipeline.streams.partition_state import PRUNE_ABOVE

    store = Store()
    processor = BatchProcessor(classifier, engine)
    tipsters = [f"tipster{i}" for i in range(PRUNE_ABOVE)]
    store.run(processor, [rec(msg(f"t{i}", "Có trộm đột nhập nhà dân xóm 2 đêm qua", sender=s), offset=i)
                          for i, s in enumerate(tipsters)]
              + [rec(msg("m2", "Hôm nay trời đẹp quá", sender="chatty"), offset=99)])
    assert set(store.group["xa-test"]["senders"]) == {*tipsters, "chatty"}
    # an hour later: the tipsters have no strike and no recent message any more; chatty keeps a strike
    store.run(processor, [rec(msg("m3", "Có trộm đột nhập nhà dân xóm 5", sent_at="2026-11-18T10:00:00+07:00",
                                  sender="other"), offset=100)])
    assert set(store.group["xa-test"]["senders"]) == {"chatty", "other"}
