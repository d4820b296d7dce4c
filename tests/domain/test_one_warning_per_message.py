"""One message, at most one warning and one strike; one removal case per member; one flood per burst;
leaders' and officers' posts; messages the classifier is not sure of."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from pipeline.domain.classification import Category, Classification
from pipeline.domain.notices import RULE_TITLES_VI
from tests.domain.factories import GROUP, LEADER, OFFICER, Conversation, cls, msg

MON = datetime.fromisoformat("2026-11-23T09:00:00+07:00")  # a Monday, office hours
SAT_1030 = "2026-11-21T10:30:00+07:00"


def unsure(category: str, urgent: bool = False, p: float = 0.45) -> Classification:
    return replace(cls(category, urgent=urgent, p=p), confidence=p, needs_review=True)


def burst(conv: Conversation, start: datetime, n: int, category: str = "spam", *, prefix: str = "b",
          step: float = 8.0, sender_id: str = "cu-dan-123"):
    out = []
    for i in range(n):
        at = (start + timedelta(seconds=step * i)).isoformat()
        out.append(conv.send(msg(at, message_id=f"{prefix}{i}", sender_id=sender_id), cls(category)))
    return out


# ---------------------------------------------------------------- every rule combination

# (category, sent_at, messages before it within the flood window) -> the rules fired, in order
COMBINATIONS = [
    ("off_topic", "09:00", 0, ["antt_only"]),
    ("off_topic", "22:00", 0, ["antt_only", "office_hours"]),
    ("spam", "09:00", 0, ["spam"]),
    ("spam", "22:00", 0, ["office_hours", "spam"]),
    ("tip", "22:00", 0, ["office_hours"]),
    ("tip", "09:00", 5, ["flood"]),
    ("off_topic", "09:00", 5, ["antt_only", "flood"]),
    ("spam", "22:00", 5, ["office_hours", "spam", "flood"]),
    ("off_topic", "22:00", 5, ["antt_only", "office_hours", "flood"]),
    ("lost_item", "22:00", 0, ["office_hours"]),
    ("lost_item", "09:00", 0, []),
    ("tip", "09:00", 0, []),
]


@pytest.mark.parametrize(("category", "at", "before", "rules"), COMBINATIONS)
def test_each_combination_is_one_warning_and_one_strike(category, at, before, rules) -> None:
    conv = Conversation()
    start = datetime.fromisoformat(f"2026-11-23T{at}:00+07:00")
    for i in range(before):  # earlier messages of the burst: urgent tips, they break no other rule
        conv.send(msg((start - timedelta(seconds=before - i)).isoformat(), message_id=f"p{i}"),
                  cls("tip", urgent=True))
    prior = len(conv.senders.get((GROUP, "cu-dan-123"), None).strikes) if before else 0
    j = conv.send(msg(start.isoformat(), message_id="m"), cls(category))
    assert list(j.fired_rules) == rules
    if not rules:
        assert j.warnings == () and "strike_count" not in j.decision
        return
    (w,) = j.warnings
    assert w["rule"] == rules[0] and w["rules"] == rules and w["kind"] == "warning"
    assert w["strike_count"] == prior + 1 and j.decision["strike_count"] == prior + 1
    assert len(j.sender_state.strikes) == prior + 1
    for rule in rules:  # the notice names each broken rule once, in one paragraph
        assert w["notice_vi"].count(RULE_TITLES_VI[rule]) == 1
    assert "\n" not in w["notice_vi"]


def test_saturday_off_topic_is_one_warning_naming_both_rules_at_strike_one() -> None:
    j = Conversation().send(msg(SAT_1030, sender_id="resident-bn-07"), cls("off_topic"))
    (w,) = j.warnings
    assert w["rules"] == ["antt_only", "office_hours"]
    assert (w["action"], w["strike_count"]) == ("remind", 1)
    assert w["notice_vi"].startswith("[Nhắc nhở]")


def test_the_ladder_counts_messages_not_rules() -> None:
    conv = Conversation()
    got = []
    for day in range(3):  # each message breaks two rules
        at = (MON + timedelta(days=day, hours=13)).isoformat()  # 22:00
        got += [(w["action"], w["strike_count"]) for w in conv.send(msg(at, message_id=f"m{day}"),
                                                                     cls("off_topic")).warnings]
    assert got == [("remind", 1), ("final_warning", 2), ("remove", 3)]


# ---------------------------------------------------------------- one case per member at remove

def test_spam_burst_gives_remind_final_warning_and_one_case() -> None:
    conv = Conversation()
    thu_2015 = datetime.fromisoformat("2026-11-19T20:15:03+07:00")
    js = burst(conv, thu_2015, 7, sender_id="spam-99")
    warnings = [w for j in js for w in j.warnings]
    assert [(w["action"], w["strike_count"]) for w in warnings] == [("remind", 1), ("final_warning", 2),
                                                                    ("remove", 3)]
    assert warnings[2]["messages_since"] == 0 and "case_update" not in warnings[2]
    # the rest of the burst is recorded in the decisions, with the strike counted
    assert [j.decision["actions"][0].split(":")[0] for j in js[3:]] == ["recorded"] * 4
    assert [j.decision["strike_count"] for j in js] == [1, 2, 3, 4, 5, 6, 7]
    assert conv.senders[(GROUP, "spam-99")].case.messages_since == 4


def test_one_case_update_per_member_and_local_day() -> None:
    conv = Conversation()
    burst(conv, MON, 3, "off_topic", step=600)  # remind, final_warning, remove on Monday
    same_day = conv.send(msg((MON + timedelta(hours=5)).isoformat(), message_id="later"), cls("off_topic"))
    assert same_day.warnings == () and same_day.decision["actions"] == ["recorded:antt_only:remove"]
    tue = MON + timedelta(days=1)
    first = conv.send(msg(tue.isoformat(), message_id="tue1"), cls("off_topic"))
    second = conv.send(msg((tue + timedelta(hours=1)).isoformat(), message_id="tue2"), cls("spam"))
    (update,) = first.warnings
    assert (update["action"], update["case_update"], update["messages_since"], update["strike_count"]) == (
        "remove", True, 2, 5)
    assert update["notice_vi"].startswith("[Mời ra khỏi nhóm - cập nhật]")
    assert "thêm 2 tin" in update["notice_vi"]
    assert second.warnings == () and second.decision["strike_count"] == 6
    assert first.decision["actions"] == ["case_update:antt_only:remove"]


def test_the_case_day_is_the_groups_local_day() -> None:
    conv = Conversation()
    burst(conv, datetime.fromisoformat("2026-11-23T23:00:00+07:00"), 3, "off_topic", step=60)
    # 00:10 local on Tuesday is still Monday in UTC: a new local day, so one update
    j = conv.send(msg("2026-11-24T00:10:00+07:00", message_id="after-midnight"), cls("off_topic"))
    assert [w["case_update"] for w in j.warnings] == [True]


def test_a_case_closes_when_strikes_leave_the_window() -> None:
    conv = Conversation()
    burst(conv, MON, 3, "off_topic", step=600)
    j = conv.send(msg((MON + timedelta(days=31)).isoformat(), message_id="next-month"), cls("off_topic"))
    (w,) = j.warnings
    assert (w["action"], w["strike_count"]) == ("remind", 1) and "messages_since" not in w
    assert j.sender_state.case is None


def test_flood_is_one_warning_per_burst_even_at_remove() -> None:
    conv = Conversation()
    js = burst(conv, MON, 12, "tip", step=2, sender_id="talkative")
    assert [w["rule"] for j in js for w in j.warnings] == ["flood"]


# ---------------------------------------------------------------- leaders and officers

@pytest.mark.parametrize("who", [LEADER, OFFICER])
@pytest.mark.parametrize("category", ["off_topic", "spam", "tip", "lost_item"])
def test_leaders_and_officers_are_never_warned(who, category) -> None:
    conv = Conversation()
    js = burst(conv, datetime.fromisoformat("2026-11-22T22:00:00+07:00"), 8, category, sender_id=who, step=1)
    assert all(j.warnings == () and j.fired_rules == () for j in js)


def test_leaders_reminder_is_not_escalated_but_an_urgent_post_is() -> None:
    conv = Conversation()
    assert conv.send(msg("09:00", sender_id=LEADER), cls("tip")).escalation is None
    urgent = conv.send(msg("09:05", message_id="m2", sender_id=LEADER), cls("tip", urgent=True))
    assert urgent.escalation["priority"] == "urgent"


def test_officers_posts_are_not_escalated() -> None:
    conv = Conversation()
    assert conv.send(msg("09:00", sender_id=OFFICER), cls("tip")).escalation is None


# ---------------------------------------------------------------- needs_review

def test_an_unsure_message_is_held_for_review_not_warned() -> None:
    conv = Conversation()
    m = msg("22:00", text="tối nay ai đi đá banh hông")
    j = conv.send(m, unsure("off_topic"))
    assert j.warnings == () and j.escalation is None
    assert j.sender_state.strikes == ()
    assert j.decision["needs_review"] is True and j.decision["confidence"] == 0.45
    assert j.decision["actions"] == ["held_for_review:antt_only+office_hours", "review"]
    r = j.review
    assert r["review_id"] == f"{GROUP}:m1" and r["text"] == m.text and r["sender_id"] == m.sender_id
    assert (r["category"], r["urgent"], r["confidence"], r["model_version"]) == ("off_topic", False, 0.45, "test-1")
    assert set(r) >= {"review_id", "group_id", "message_id", "sender_id", "sent_at", "category", "urgent",
                      "scores", "confidence", "model_version", "text"}


def test_an_unsure_ordinary_tip_is_reviewed_not_escalated() -> None:
    j = Conversation().send(msg("09:00"), unsure("tip"))
    assert j.escalation is None and j.review is not None
    assert j.decision["actions"] == ["review"]


def test_an_unsure_urgent_tip_is_still_escalated() -> None:
    j = Conversation().send(msg("03:00"), unsure("tip", urgent=True))
    assert j.escalation["priority"] == "urgent" and j.escalation["confidence"] == 0.45
    assert j.review is not None and j.warnings == ()


def test_a_sure_message_has_no_review() -> None:
    j = Conversation().send(msg("09:00"), cls("tip"))
    assert j.review is None and "needs_review" not in j.decision or j.decision["needs_review"] is False


def test_classification_defaults() -> None:
    c = Classification(category=Category.TIP, urgent=False)
    assert c.confidence == 1.0 and c.needs_review is False
