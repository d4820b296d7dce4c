"""flood: more than 5 messages by one sender in one group within 60 s; the one that exceeds fires."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pipeline.domain.message import Role
from tests.domain.factories import LEADER, Conversation, cls, msg

START = datetime.fromisoformat("2026-11-23T09:00:00+07:00")


def flood_flags(offsets: list[float], *, sender_id: str = "cu-dan-1", role: Role | None = None,
                group_ids: list[str] | None = None) -> list[bool]:
    conv = Conversation()
    flags = []
    for i, off in enumerate(offsets):
        group_id = group_ids[i] if group_ids else "phuong-ben-nghe"
        at = (START + timedelta(seconds=off)).isoformat()
        j = conv.send(msg(at, message_id=f"m{i}", sender_id=sender_id, role=role, group_id=group_id), cls("tip"))
        flags.append("flood" in j.fired_rules)
    return flags


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ([0, 10, 20, 30, 40], [False] * 5),  # exactly 5 in 60 s: allowed
        ([0, 10, 20, 30, 40, 50], [False] * 5 + [True]),  # the 6th fires
        ([0, 1, 2, 3, 4, 5, 6], [False] * 5 + [True, False]),  # one burst, one flood
        ([0, 1, 2, 3, 4, 5, 30, 60, 90, 120], [False] * 5 + [True] + [False] * 4),  # the burst goes on
        ([0, 1, 2, 3, 4, 5, 200, 201, 202, 203, 204, 205], ([False] * 5 + [True]) * 2),  # a new burst
        ([0, 12, 24, 36, 48, 60], [False] * 6),  # window (t-60 s, t]: the first has just left it
        ([0, 12, 24, 36, 48, 59.9], [False] * 5 + [True]),
        ([0, 10, 20, 30, 40, 100, 110], [False] * 7),  # a pause resets the burst
        ([50, 40, 30, 20, 10, 0], [False] * 5 + [True]),  # out of order, still 6 within 60 s
    ],
)
def test_flood_window(offsets: list[float], expected: list[bool]) -> None:
    assert flood_flags(offsets) == expected


def test_leader_never_floods() -> None:
    assert flood_flags(list(range(10)), sender_id=LEADER) == [False] * 10


def test_declared_officer_never_floods() -> None:
    assert flood_flags(list(range(10)), role=Role.OFFICER) == [False] * 10


def test_flood_is_per_group() -> None:
    groups = ["phuong-ben-nghe", "xa-yen-lac"] * 4
    assert flood_flags(list(range(8)), group_ids=groups) == [False] * 8


def test_flood_strikes_escalate_once_per_burst() -> None:
    conv = Conversation()
    actions = []
    for burst in range(3):
        for i in range(8):
            at = (START + timedelta(minutes=10 * burst, seconds=i)).isoformat()
            j = conv.send(msg(at, message_id=f"m{burst}-{i}"), cls("tip"))
            actions += [(w["rule"], w["action"], w["strike_count"]) for w in j.warnings]
    assert actions == [("flood", "remind", 1), ("flood", "final_warning", 2), ("flood", "remove", 3)]
