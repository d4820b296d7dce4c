"""People's corrections become training rows only through the guards."""

from __future__ import annotations

from pipeline.nlp.feedback import MAX_SHARE, feedback_rows


def fb(i, msg, actor, cat, role="leader", text="chị bán hàng online thôi mà, không phải lừa đảo", at=None):
    rec = {"feedback_id": f"f{i}", "action_id": f"f{i}", "group_id": "g1", "message_id": msg,
           "model_category": "spam", "person_category": cat, "actor_id": actor, "actor_role": role,
           "model_version": "v", "corrected_at": at or f"2026-12-01T10:{i:02d}:00+07:00"}
    if text is not None:
        rec["text"] = text
    return rec


BASE = [{"text": f"t{i}", "category": c, "urgent": False} for c in ("tip", "spam", "lost_item", "off_topic")
        for i in range(90)]


def test_one_leader_alone_does_not_count():
    rows, rep = feedback_rows([fb(1, "m1", "leader-a", "off_topic")], BASE)
    assert rows == [] and rep["skipped"] == {"only one actor, not an officer": 1}


def test_same_actor_twice_counts_once():
    rows, _ = feedback_rows([fb(1, "m1", "leader-a", "off_topic"), fb(2, "m1", "leader-a", "off_topic")], BASE)
    assert rows == []


def test_two_agreeing_actors_count_with_provenance():
    rows, rep = feedback_rows([fb(1, "m1", "leader-a", "off_topic"), fb(2, "m1", "leader-b", "off_topic")], BASE)
    assert len(rows) == 1
    r = rows[0]
    assert (r["category"], r["source"], r["urgent"]) == ("off_topic", "feedback", None)
    assert r["actors"] == ["leader-a", "leader-b"] and r["feedback_ids"] == ["f1", "f2"]
    assert rep["used"] == 1 and rep["used_by_category"] == {"off_topic": 1}


def test_officer_alone_counts_and_overrides_leaders():
    rows, _ = feedback_rows([fb(1, "m1", "officer-1", "tip", role="officer")], BASE)
    assert [r["category"] for r in rows] == ["tip"]
    rows, _ = feedback_rows([fb(1, "m1", "leader-a", "off_topic"), fb(2, "m1", "leader-b", "off_topic"),
                             fb(3, "m1", "officer-1", "spam", role="officer")], BASE)
    assert [(r["category"], r["why"]) for r in rows] == [("spam", "officer")]


def test_disagreeing_leaders_do_not_count():
    recs = [fb(1, "m1", "a", "off_topic"), fb(2, "m1", "b", "off_topic"), fb(3, "m1", "c", "tip"),
            fb(4, "m1", "d", "tip")]
    rows, rep = feedback_rows(recs, BASE)
    assert rows == [] and rep["skipped"] == {"actors disagree": 1}


def test_text_is_joined_from_the_messages_dump_or_the_correction_is_skipped():
    recs = [fb(1, "m1", "officer-1", "off_topic", role="officer", text=None),
            fb(2, "m2", "officer-1", "off_topic", role="officer", text=None)]
    rows, rep = feedback_rows(recs, BASE, messages={("g1", "m1"): "hôm nay trời đẹp"})
    assert [r["text"] for r in rows] == ["hôm nay trời đẹp"]
    assert rep["skipped"] == {"no text (not in the record, not in --messages)": 1}


def test_feedback_is_capped_per_category():
    recs = [fb(i, f"m{i}", "officer-1", "off_topic", role="officer", text=f"tin nhắn {i}") for i in range(40)]
    rows, rep = feedback_rows(recs, BASE)
    assert len(rows) == 10  # 10 <= 0.1 * (90 + 10)
    assert len(rows) <= MAX_SHARE * (90 + len(rows))
    assert rep["over_the_cap"] == {"off_topic": 30}
