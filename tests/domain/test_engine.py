"""RuleEngine.judge: the records it makes, duplicates, shadow mode, confidentiality."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from pipeline.domain.engine import GroupState, RuleEngine, SenderState
from pipeline.domain.groups import Mode
from pipeline.domain.message import Role
from tests.domain.factories import GROUP, LEADER, OFFICER, Conversation, cls, image, msg, shipped

RULES = ["antt_only", "office_hours", "spam", "flood"]


def shadow_groups():
    base = shipped()
    return replace(base, groups={k: replace(g, mode=Mode.SHADOW) for k, g in base.groups.items()})


def test_off_topic_at_22_breaks_two_rules() -> None:
    j = Conversation().send(msg("22:00"), cls("off_topic"))
    assert j.fired_rules == ("antt_only", "office_hours")
    (w,) = j.warnings  # one message, one warning, one strike
    assert (w["kind"], w["rule"], w["rules"], w["action"], w["strike_count"]) == (
        "warning", "antt_only", ["antt_only", "office_hours"], "remind", 1)
    assert w["warning_id"] == f"{GROUP}:m1:antt_only"
    assert w["confidence"] == 0.9
    assert j.decision["actions"] == ["warn:antt_only+office_hours:remind"]
    assert j.decision["strike_count"] == 1
    (strike,) = j.sender_state.strikes
    assert strike.rules == ("antt_only", "office_hours")


def test_decision_lists_every_rule() -> None:
    j = Conversation().send(msg("09:00"), cls("tip"))
    assert [r["rule"] for r in j.decision["rules"]] == RULES
    assert all(set(r) == {"rule", "fired", "detail"} for r in j.decision["rules"])
    assert j.decision["actions"] == ["escalate:normal"]
    assert j.decision["mode"] == "enforce"


def test_nothing_to_do_says_none() -> None:
    j = Conversation().send(msg("09:00", sender_id=LEADER), cls("off_topic"))
    assert j.decision["actions"] == ["none"]
    assert j.warnings == () and j.escalation is None and j.lost_found is None


@pytest.mark.parametrize("category", ["tip", "off_topic", "spam", "lost_item"])
def test_decision_never_carries_text(category: str) -> None:
    text = "Nội dung riêng tư số 0912345678 ở hẻm 42"
    j = Conversation().send(msg("22:00", text=text), cls(category))
    dumped = json.dumps(j.decision, ensure_ascii=False)
    assert "text" not in j.decision
    assert "hẻm 42" not in dumped and "0912345678" not in dumped


@pytest.mark.parametrize("category,has_sender", [("tip", False), ("off_topic", True), ("spam", True),
                                                  ("lost_item", True)])
def test_tip_decision_hides_sender(category: str, has_sender: bool) -> None:
    j = Conversation().send(msg("22:00", sender_id="nguoi-bao-tin-77"), cls(category))
    assert ("sender_id" in j.decision) is has_sender
    assert ("nguoi-bao-tin-77" in json.dumps(j.decision)) is has_sender


def test_urgent_tip_at_3am_on_tet() -> None:
    m = msg("2026-02-17T03:00:00+07:00", text="Cứu với, có cướp đang phá cửa nhà số 5", attachments=(image(),))
    j = Conversation().send(m, cls("tip", urgent=True, p=0.93))
    assert j.warnings == () and j.fired_rules == ()
    e = j.escalation
    assert e["priority"] == "urgent"
    assert e["escalation_id"] == f"{GROUP}:m1"
    assert e["text"] == m.text and e["sender_id"] == m.sender_id and e["sender_role"] == "member"
    assert e["attachments"] == [{"kind": "image", "url": "https://example.invalid/a.jpg"}]
    assert e["reasons"][:2] == ["classified tip (p=0.93)", "urgent: emergency"]
    assert any("Tết" in r for r in e["reasons"])
    assert e["route_to"] == ["officer-bn-le-minh-tuan", "officer-bn-nguyen-van-hung"]
    assert e["route_district"] == "Quận 1"
    assert e["group_name"] == "ANTT Phường Bến Nghé" and e["commune"] == "Phường Bến Nghé"
    assert e["model_version"] == "test-1" and e["scores"]["tip"] == 0.93
    assert j.decision["actions"] == ["escalate:urgent"]


@pytest.mark.parametrize(
    ("sent_at", "urgent", "priority", "warned", "outside"),
    [
        ("09:00", False, "normal", False, False),
        ("22:00", False, "normal", True, True),  # a non-urgent tip at night is escalated AND reminded
        ("22:00", True, "urgent", False, True),
    ],
)
def test_every_tip_escalated(sent_at, urgent, priority, warned, outside) -> None:
    j = Conversation().send(msg(sent_at, reply_to="m0"), cls("tip", urgent=urgent))
    assert j.escalation["priority"] == priority
    assert j.escalation["reply_to"] == "m0"
    assert bool(j.warnings) is warned
    assert ("outside office hours" in j.escalation["reasons"]) is outside


def test_escalation_routing_override() -> None:
    j = Conversation().send(msg("09:00", group_id="xa-yen-lac"), cls("tip"))
    assert j.escalation["route_to"] == ["officer-yl-pham-quoc-khanh"]
    assert j.escalation["route_district"] == "Công an huyện Phú Lương"
    assert j.escalation["district"] == "Huyện Phú Lương"


def test_an_officers_own_post_is_not_escalated_back_to_officers() -> None:
    j = Conversation().send(msg("09:00", sender_id=OFFICER), cls("tip", urgent=True))
    assert j.escalation is None
    assert j.decision["actions"] == ["none"] and not j.warnings


def test_a_leaders_ordinary_post_is_not_a_report_to_the_police() -> None:
    j = Conversation().send(msg("09:00", sender_id=LEADER), cls("tip"))
    assert j.escalation is None and not j.warnings
    assert j.decision["actions"] == ["none"]


def test_a_leaders_urgent_post_is_escalated_and_notes_role() -> None:
    j = Conversation().send(msg("22:00", sender_id=LEADER), cls("tip", urgent=True))
    assert j.escalation["priority"] == "urgent"
    assert "reported by leader" in j.escalation["reasons"]
    assert j.escalation["confidence"] == 0.9 and not j.warnings


def test_unknown_group_escalates_with_defaults() -> None:
    j = Conversation().send(msg("09:00", group_id="to-dan-pho-9"), cls("tip"))
    assert j.escalation["group_name"] == "to-dan-pho-9"
    assert j.escalation["route_to"] == [] and j.escalation["route_district"] == ""


def test_duplicate_changes_nothing() -> None:
    conv = Conversation()
    first = conv.send(msg("22:00"), cls("off_topic"))
    sender, group = first.sender_state, first.group_state
    again = conv.engine.judge(msg("22:00"), cls("off_topic"), sender, group)
    assert again.duplicate is True
    assert again.decision is None and again.warnings == () and again.escalation is None
    assert again.lost_found is None and again.fired_rules == ()
    assert again.sender_state is sender and again.group_state is group


def test_same_id_in_other_group_is_not_duplicate() -> None:
    conv = Conversation()
    conv.send(msg("09:00"), cls("tip"))
    assert conv.send(msg("09:00", group_id="xa-yen-lac"), cls("tip")).duplicate is False


def test_seen_ids_bounded_oldest_dropped() -> None:
    conv = Conversation(seen_ids_per_group=3)
    for i in range(5):
        conv.send(msg(f"2026-11-23T09:0{i}:00+07:00", message_id=f"m{i}"), cls("tip"))
    state = conv.groups[GROUP]
    assert state.seen == ("m2", "m3", "m4")
    assert not state.has_seen("m0") and state.has_seen("m4")


def test_shadow_mode() -> None:
    conv = Conversation(shadow_groups())
    j = conv.send(msg("22:00"), cls("off_topic"))
    assert j.shadow is True
    assert j.warnings == ()
    assert j.fired_rules == ("antt_only", "office_hours")
    assert j.decision["mode"] == "shadow"
    assert [r["fired"] for r in j.decision["rules"]] == [True, True, False, False]
    assert j.decision["actions"] == ["would_warn:antt_only+office_hours:remind"]
    assert j.sender_state.strikes == ()  # no strike counted
    again = conv.send(msg("22:01", message_id="m2"), cls("off_topic"))
    assert again.decision["actions"][0] == "would_warn:antt_only+office_hours:remind"  # still the first strike


def test_shadow_still_escalates_and_reports() -> None:
    conv = Conversation(shadow_groups())
    assert conv.send(msg("03:00"), cls("tip", urgent=True)).escalation["priority"] == "urgent"
    lf = conv.send(msg("22:00", message_id="m2", text="Em đánh rơi ví"), cls("lost_item")).lost_found
    assert lf["kind"] == "lost"


@pytest.mark.parametrize("category", ["tip", "off_topic", "spam", "lost_item"])
def test_records_are_json(category: str) -> None:
    j = Conversation().send(msg("22:00", attachments=(image(),), text="nhặt được ví"), cls(category))
    for record in (j.decision, j.escalation, j.lost_found, *j.warnings):
        if record is not None:
            assert json.loads(json.dumps(record)) == record
    json.dumps(j.sender_state.to_json())
    json.dumps(j.group_state.to_json())


def test_judge_does_not_mutate_inputs() -> None:
    engine = RuleEngine(shipped())
    sender, group = SenderState.empty(), GroupState.empty()
    engine.judge(msg("22:00"), cls("off_topic"), sender, group)
    assert sender == SenderState.empty() and group == GroupState.empty()


def test_role_override_in_decision() -> None:
    j = Conversation().send(msg("22:00", sender_id=LEADER, role=Role.MEMBER), cls("spam"))
    assert j.decision["sender_role"] == "member"
    assert j.fired_rules == ("office_hours", "spam")
