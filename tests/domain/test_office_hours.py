"""office_hours: judged on sent_at in the group's zone, against the shipped calendar."""

from __future__ import annotations

import pytest

from pipeline.domain.message import Role
from tests.domain.factories import LEADER, OFFICER, Conversation, cls, msg


def office_fired(sent_at: str, category: str = "tip", urgent: bool = False, **kw) -> bool:
    j = Conversation().send(msg(sent_at, **kw), cls(category, urgent))
    rules = {r["rule"]: r for r in j.decision["rules"]}
    return rules["office_hours"]["fired"]


@pytest.mark.parametrize(
    ("sent_at", "fires"),
    [
        ("07:29", True),
        ("07:30", False),  # start inclusive
        ("09:00", False),
        ("11:29", False),
        ("11:30", True),  # end exclusive
        ("12:15", True),  # lunch
        ("13:29", True),
        ("13:30", False),
        ("16:59", False),
        ("17:00", True),
        ("22:00", True),
        ("00:00", True),
        ("2026-11-21T10:00:00+07:00", True),  # Saturday
        ("2026-11-22T10:00:00+07:00", True),  # Sunday
        ("2026-11-20T10:00:00+07:00", False),  # Friday
        ("2026-09-02T10:00:00+07:00", True),  # Quốc khánh, a Wednesday
        ("2026-04-30T10:00:00+07:00", True),  # 30/4
        ("2026-05-01T10:00:00+07:00", True),  # 1/5
        ("2026-01-01T10:00:00+07:00", True),  # Tết Dương lịch
        ("2026-01-10T09:00:00+07:00", False),  # Saturday made a working day (swap for 2/1)
        ("2026-02-17T10:00:00+07:00", True),  # Tết Bính Ngọ, mùng 1 (Tuesday)
        ("2026-02-20T10:00:00+07:00", True),  # Tết, a Friday
        ("2026-02-23T10:00:00+07:00", False),  # first working day after Tết
        ("2026-04-27T10:00:00+07:00", True),  # Hùng Kings day compensated
        ("2027-02-08T10:00:00+07:00", True),  # Tết Đinh Mùi, a Monday
        ("2027-04-16T10:00:00+07:00", True),  # Giỗ Tổ Hùng Vương 2027
        ("2027-05-03T10:00:00+07:00", True),  # 1/5/2027 on Saturday, compensated Monday
        # other offsets are converted to Hanoi time first
        ("2026-11-23T01:00:00+00:00", False),  # 08:00 in Hanoi
        ("2026-11-23T00:29:00Z".replace("Z", "+00:00"), True),  # 07:29 in Hanoi
        ("2026-11-23T10:00:00+09:00", False),  # 08:00 in Hanoi
        ("2026-11-23T09:00:00-01:00", True),  # 17:00 in Hanoi
        ("2026-11-22T20:00:00-05:00", False),  # Sunday evening in New York = Monday 08:00 in Hanoi
    ],
)
def test_office_hours_boundaries(sent_at: str, fires: bool) -> None:
    assert office_fired(sent_at) is fires


@pytest.mark.parametrize(
    ("sent_at", "urgent", "fires"),
    [
        ("22:00", True, False),  # urgent is never warned
        ("2026-02-17T03:00:00+07:00", True, False),  # 3 a.m. on Tết
        ("22:00", False, True),
        ("2026-02-17T10:00:00+07:00", False, True),
    ],
)
def test_urgent_never_warned(sent_at: str, urgent: bool, fires: bool) -> None:
    assert office_fired(sent_at, urgent=urgent) is fires


@pytest.mark.parametrize(
    ("sender_id", "role", "fires"),
    [
        (LEADER, None, False),
        (OFFICER, None, False),
        ("someone", Role.LEADER, False),  # declared role wins
        ("someone", Role.OFFICER, False),
        (LEADER, Role.MEMBER, True),  # declared member overrides configured leader
        ("someone", None, True),
    ],
)
def test_roles(sender_id: str, role: Role | None, fires: bool) -> None:
    assert office_fired("22:00", sender_id=sender_id, role=role) is fires


@pytest.mark.parametrize(
    ("sent_at", "fires"),
    [
        ("2026-11-21T08:00:00+07:00", False),  # Saturday morning is open in this hamlet
        ("2026-11-23T07:00:00+07:00", False),
        ("2026-11-23T07:29:00+07:00", False),
        ("2026-11-23T11:00:00+07:00", True),
        ("2026-11-23T13:45:00+07:00", True),
        ("2026-11-23T17:15:00+07:00", False),
        ("2026-11-23T17:30:00+07:00", True),
        ("2026-11-22T08:00:00+07:00", True),  # Sunday
    ],
)
def test_custom_hours_group(sent_at: str, fires: bool) -> None:
    assert office_fired(sent_at, group_id="thon-an-phu") is fires


def test_unknown_group_gets_default_hours() -> None:
    assert office_fired("07:29", group_id="khu-pho-moi") is True
    assert office_fired("07:30", group_id="khu-pho-moi") is False
