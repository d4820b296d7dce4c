"""moderation.actions: parsing, and each action's effect on a group's state (pure, idempotent)."""

from __future__ import annotations

from datetime import datetime, timedelta

import orjson
import pytest

from pipeline.domain.actions import (
    REASONS, ActionKind, InvalidAction, action_from_object, action_record, apply_action, parse_action,
)
from pipeline.domain.state import GroupState, SenderState
from tests.domain.factories import GROUP, Conversation, cls, msg, shipped

MON = datetime.fromisoformat("2026-11-23T09:00:00+07:00")
ASKED = "2026-11-23T18:00:00+07:00"


def action(kind: str, action_id: str = "a1", **fields) -> dict:
    return {"action_id": action_id, "group_id": GROUP, "action": kind, "actor_id": "officer-1",
            "actor_role": "officer", "requested_at": ASKED, **fields}


class Group:
    """A conversation plus actions, carrying the states the way the streaming layer does."""

    def __init__(self) -> None:
        self.conv = Conversation()
        self.cfg = shipped().for_group(GROUP)

    @property
    def state(self) -> GroupState:
        return self.conv.groups.get(GROUP, GroupState.empty())

    def sender(self, member: str) -> SenderState:
        return self.conv.senders.get((GROUP, member), SenderState.empty())

    def send(self, hours: float, category: str, *, mid: str, sender: str = "u1"):
        return self.conv.send(msg((MON + timedelta(hours=hours)).isoformat(), message_id=mid, sender_id=sender),
                              cls(category))

    def act(self, record: dict):
        out = apply_action(parse_action(orjson.dumps(record)), self.cfg, self.state, self.sender)
        if out.error is None and not out.duplicate:
            self.conv.groups[GROUP] = out.group_state
            for member, state in out.senders.items():
                self.conv.senders[(GROUP, member)] = state
        return out


def strikes_of(g: Group, member: str = "u1") -> list[str]:
    return [s.message_id for s in g.sender(member).strikes]


# ---------------------------------------------------------------- parsing

def test_round_trip_of_every_kind() -> None:
    records = [action("pardon", member_id="u1", rule="spam", note="đã xin lỗi"), action("pardon", member_id="u1"),
               action("confirm_removal", member_id="u1"), action("exempt", member_id="u1"),
               action("unexempt", member_id="u1"), action("correct", message_id="m1", category="tip")]
    for record in records:
        parsed = parse_action(orjson.dumps(record))
        assert parsed.to_record() == record
        assert parsed.action is ActionKind(record["action"])


@pytest.mark.parametrize(("value", "reason"), [
    (b"{", "bad_json"),
    (b"\xff\xfe", "bad_utf8"),
    (b"[1]", "not_object"),
    (b"x" * 70_000, "too_large"),
    (orjson.dumps({**action("pardon", member_id="u1"), "action": "ban"}), "unknown_action"),
    (orjson.dumps({**action("pardon", member_id="u1"), "action": 3}), "wrong_type"),
    (orjson.dumps(action("pardon")), "missing_field"),
    (orjson.dumps(action("pardon", member_id="u1", rule="politics")), "unknown_rule"),
    (orjson.dumps(action("correct", message_id="m1")), "missing_field"),
    (orjson.dumps(action("correct", message_id="m1", category="weather")), "unknown_category"),
    (orjson.dumps({**action("exempt", member_id="u1"), "actor_role": "member"}), "bad_value"),
    (orjson.dumps({**action("exempt", member_id="u1"), "requested_at": "hôm qua"}), "bad_timestamp"),
    (orjson.dumps({**action("exempt", member_id="u1"), "action_id": ""}), "bad_value"),
    (orjson.dumps({k: v for k, v in action("exempt", member_id="u1").items() if k != "group_id"}),
     "missing_field"),
    (orjson.dumps(action("exempt", member_id=17)), "wrong_type"),
])
def test_invalid_actions_have_a_reason(value: bytes, reason: str) -> None:
    with pytest.raises(InvalidAction) as info:
        parse_action(value)
    assert info.value.reason == reason and reason in REASONS


def test_requested_at_is_optional() -> None:
    record = action("exempt", member_id="u1")
    del record["requested_at"]
    assert action_from_object(record).requested_at is None


def test_action_record_builds_valid_records_and_rejects_bad_ones() -> None:
    at = datetime.fromisoformat(ASKED)
    rec = action_record("pardon", GROUP, action_id="x1", requested_at=at, actor_id="op", actor_role="operator",
                        member_id="u1", rule="flood")
    assert rec == {"action_id": "x1", "group_id": GROUP, "action": "pardon", "actor_id": "op",
                   "actor_role": "operator", "requested_at": ASKED, "member_id": "u1", "rule": "flood"}
    with pytest.raises(InvalidAction):
        action_record("correct", GROUP, action_id="x2", requested_at=at, actor_id="op", actor_role="operator",
                      message_id="m1", category="nonsense")


# ---------------------------------------------------------------- pardon

def test_pardon_clears_every_strike_and_says_so() -> None:
    g = Group()
    for i in range(3):
        g.send(i, "off_topic", mid=f"m{i}")
    assert g.sender("u1").case is not None
    out = g.act(action("pardon", member_id="u1"))
    (rec,) = out.warnings
    assert rec == {"kind": "pardoned", "warning_id": f"{GROUP}:a1:pardon", "group_id": GROUP, "sender_id": "u1",
                   "rule": None, "action_id": "a1", "strike_count": 0, "cleared": 3, "actor_id": "officer-1",
                   "actor_role": "officer", "requested_at": ASKED}
    assert strikes_of(g) == [] and g.sender("u1").case is None
    # the ladder starts again
    (w,) = g.send(4, "off_topic", mid="m9").warnings
    assert (w["action"], w["strike_count"]) == ("remind", 1)


def test_pardon_for_one_rule_keeps_the_others() -> None:
    g = Group()
    g.send(0, "spam", mid="ad")            # spam
    g.send(13, "off_topic", mid="night")   # antt_only + office_hours
    g.send(24, "off_topic", mid="chat")    # antt_only
    out = g.act(action("pardon", member_id="u1", rule="antt_only"))
    assert out.warnings[0]["strike_count"] == 2 and out.warnings[0]["cleared"] == 2
    assert out.warnings[0]["rule"] == "antt_only"
    assert strikes_of(g) == ["ad", "night"]
    assert g.sender("u1").strikes[1].rules == ("office_hours",)


def test_pardon_is_applied_once_per_action_id() -> None:
    g = Group()
    g.send(0, "off_topic", mid="m0")
    first = g.act(action("pardon", member_id="u1"))
    g.send(1, "off_topic", mid="m1")
    again = g.act(action("pardon", member_id="u1"))  # the same action_id, delivered again
    assert first.warnings and again.duplicate and again.warnings == ()
    assert strikes_of(g) == ["m1"]  # the strike after the pardon stays


def test_pardon_of_a_member_without_strikes() -> None:
    out = Group().act(action("pardon", member_id="nobody"))
    assert out.warnings[0]["strike_count"] == 0 and out.warnings[0]["cleared"] == 0


# ---------------------------------------------------------------- confirm_removal, exempt

def test_confirm_removal_marks_later_messages() -> None:
    g = Group()
    for i in range(3):
        g.send(i, "spam", mid=f"m{i}")
    g.act(action("confirm_removal", member_id="u1"))
    assert g.state.is_removed("u1") and g.sender("u1").case is None
    j = g.send(30, "spam", mid="back")
    assert j.decision["removed_member"] is True and j.warnings == ()
    assert j.decision["actions"] == ["removed_member:spam"]
    assert "removed_member" not in g.send(31, "spam", mid="other", sender="u2").decision


def test_exempt_member_is_never_warned_until_unexempted() -> None:
    g = Group()
    g.act(action("exempt", member_id="u1"))
    j = g.send(13, "off_topic", mid="m0")
    assert j.warnings == () and j.fired_rules == ()
    assert all(r["detail"].startswith("exempt:") for r in j.decision["rules"])
    assert g.send(14, "tip", mid="t").escalation is not None  # an exempt member's tip still reaches officers
    g.act(action("unexempt", "a2", member_id="u1"))
    assert g.send(15, "off_topic", mid="m1").warnings


# ---------------------------------------------------------------- correct

def test_correct_to_a_non_violating_category_withdraws_the_strike() -> None:
    g = Group()
    g.send(0, "off_topic", mid="m0")
    g.send(1, "off_topic", mid="m1")
    out = g.act(action("correct", message_id="m1", category="lost_item"))
    assert out.feedback == {"feedback_id": "a1", "action_id": "a1", "group_id": GROUP, "message_id": "m1",
                            "model_category": "off_topic", "person_category": "lost_item",
                            "actor_id": "officer-1", "actor_role": "officer", "model_version": "test-1",
                            "corrected_at": ASKED}
    (rec,) = out.warnings
    assert {k: rec[k] for k in ("kind", "warning_id", "message_id", "sender_id", "action_id", "strike_count",
                                "rules")} == {
        "kind": "withdrawn", "warning_id": f"{GROUP}:m1:withdrawn", "message_id": "m1", "sender_id": "u1",
        "action_id": "a1", "strike_count": 1, "rules": ["antt_only"]}
    assert strikes_of(g) == ["m0"]
    assert g.state.note("m1").struck is False
    # a second correction of the same message is more feedback, but nothing left to withdraw
    again = g.act(action("correct", "a2", message_id="m1", category="tip"))
    assert again.feedback["feedback_id"] == "a2" and again.warnings == ()


def test_correct_keeps_rules_that_do_not_depend_on_the_category() -> None:
    g = Group()
    g.send(13, "off_topic", mid="night")  # 22:00: antt_only + office_hours
    out = g.act(action("correct", message_id="night", category="tip"))
    assert out.feedback is not None and out.warnings == ()
    assert g.sender("u1").strikes[0].rules == ("office_hours",)


def test_correct_to_a_violating_category_only_feeds_back() -> None:
    g = Group()
    g.send(0, "spam", mid="m0")
    out = g.act(action("correct", message_id="m0", category="off_topic"))
    assert out.feedback["person_category"] == "off_topic" and out.warnings == ()
    assert g.sender("u1").strikes[0].rules == ("antt_only",)


def test_correct_of_a_message_that_did_not_strike() -> None:
    g = Group()
    g.send(0, "tip", mid="t0")
    out = g.act(action("correct", message_id="t0", category="off_topic"))
    assert out.feedback["model_category"] == "tip" and out.warnings == () and strikes_of(g) == []


def test_correct_closes_the_case_when_below_remove() -> None:
    g = Group()
    for i in range(3):
        g.send(i, "off_topic", mid=f"m{i}")
    assert g.sender("u1").case is not None
    out = g.act(action("correct", message_id="m2", category="tip"))
    assert out.warnings[0]["strike_count"] == 2 and g.sender("u1").case is None


def test_correct_of_an_unknown_message_is_an_error_and_changes_nothing() -> None:
    g = Group()
    g.send(0, "tip", mid="t0")
    before = g.state
    out = g.act(action("correct", message_id="nope", category="tip"))
    assert out.error is not None and out.error.reason == "unknown_message"
    assert g.state is before and not out.group_state.has_applied("a1")


def test_apply_does_not_mutate_its_inputs() -> None:
    g = Group()
    g.send(0, "off_topic", mid="m0")
    group, sender = g.state, g.sender("u1")
    apply_action(parse_action(orjson.dumps(action("pardon", member_id="u1"))), g.cfg, group, g.sender)
    assert g.state is group and g.sender("u1") == sender and sender.strikes


def test_action_state_round_trips() -> None:
    g = Group()
    g.send(0, "off_topic", mid="m0")
    g.act(action("exempt", member_id="u9"))
    g.act(action("confirm_removal", "a2", member_id="u8"))
    back = GroupState.from_json(orjson.loads(orjson.dumps(g.state.to_json())))
    assert back == g.state and back.has_applied("a1") and back.is_exempt("u9") and back.is_removed("u8")
    assert back.note("m0").category == "off_topic"


@pytest.mark.parametrize("kind", ["acknowledge", "assign", "resolve", "returned"])
def test_the_inboxs_case_actions_are_valid_and_left_alone(kind: str) -> None:
    g = Group()
    g.send(0, "off_topic", mid="m0")
    before = g.state
    record = {**action(kind), "case_id": f"{GROUP}:m0", "message_id": "m0", "assignee": "officer-2"}
    out = g.act(record)
    assert out.ignored and out.warnings == () and out.feedback is None and out.error is None
    assert g.state is before
