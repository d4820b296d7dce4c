"""The strike ladder and its window."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pipeline.domain.strikes import StrikePolicy
from tests.domain.factories import Conversation, cls, msg

MON_9 = datetime.fromisoformat("2026-11-02T09:00:00+07:00")  # a Monday


@pytest.mark.parametrize(
    ("count", "action"),
    [(1, "remind"), (2, "final_warning"), (3, "remove"), (4, "remove"), (50, "remove")],
)
def test_default_ladder(count: int, action: str) -> None:
    assert StrikePolicy().action_for(count) == action


def test_custom_ladder_clamps() -> None:
    policy = StrikePolicy(ladder=("remind", "remind", "final_warning"))
    assert [policy.action_for(n) for n in range(1, 6)] == ["remind", "remind", "final_warning", "final_warning",
                                                             "final_warning"]


def test_count_zero_rejected() -> None:
    with pytest.raises(ValueError):
        StrikePolicy().action_for(0)


def test_ladder_through_remove() -> None:
    conv = Conversation()
    got = []
    for day in range(4):  # one off-topic message a day, in office hours
        at = (MON_9 + timedelta(days=day)).isoformat()
        j = conv.send(msg(at, message_id=f"m{day}"), cls("off_topic"))
        got += [(w["action"], w["strike_count"]) for w in j.warnings]
    assert got == [("remind", 1), ("final_warning", 2), ("remove", 3), ("remove", 4)]


@pytest.mark.parametrize(
    ("gap", "expected_count", "kept"),
    [
        (timedelta(days=29, hours=23), 2, 2),
        (timedelta(days=30) - timedelta(seconds=1), 2, 2),
        (timedelta(days=30), 1, 1),  # exactly 30 days old: out of the window
        (timedelta(days=31), 1, 1),
        (timedelta(days=400), 1, 1),
    ],
)
def test_window_expiry(gap: timedelta, expected_count: int, kept: int) -> None:
    conv = Conversation()
    conv.send(msg(MON_9.isoformat(), message_id="old"), cls("off_topic"))
    later = MON_9 + gap
    j = conv.send(msg(later.isoformat(), message_id="new"), cls("spam"))
    assert [w["strike_count"] for w in j.warnings] == [expected_count]
    assert len(j.sender_state.strikes) == kept  # expired strikes are dropped from state
    assert j.sender_state.strikes[-1].message_id == "new"


def test_expiry_judged_on_sent_at_not_order() -> None:
    conv = Conversation()
    conv.send(msg("2026-11-23T09:00:00+07:00", message_id="late"), cls("off_topic"))
    # an older message delivered afterwards still sees the newer strike (it is not "expired")
    j = conv.send(msg("2026-11-20T09:00:00+07:00", message_id="early"), cls("off_topic"))
    assert [w["strike_count"] for w in j.warnings] == [2]
