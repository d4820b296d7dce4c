"""notice_vi: polite, names rule and local time, escalates with the action, never quotes the message."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pipeline.domain.notices import notice_vi
from tests.domain.factories import Conversation, cls, msg, shipped

TEXTS = [
    "Bán nhà mặt tiền giá rẻ liên hệ 0912345678",
    "Chúc mừng sinh nhật chị Hoa nhé",
    "vay tien online lai 0% bam link bit.ly/abc123",
    "Thằng Tuấn ở hẻm 7 bán ma túy",
    "ok",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("category", ["off_topic", "spam", "tip"])
def test_notice_never_quotes_message(text: str, category: str) -> None:
    j = Conversation().send(msg("21:15", text=text), cls(category))
    assert j.warnings
    for w in j.warnings:
        assert text not in w["notice_vi"]
        for chunk in ("0912345678", "bit.ly", "Hoa", "Tuấn", "ma túy", "mặt tiền"):
            if chunk in text:
                assert chunk not in w["notice_vi"]


@pytest.mark.parametrize(
    ("sent_at", "shown"),
    [
        ("2026-11-23T21:15:00+07:00", "21:15 ngày 23/11/2026"),
        ("2026-11-23T14:15:00+00:00", "21:15 ngày 23/11/2026"),  # shown in the group's time
        ("2026-11-23T16:30:00-01:00", "00:30 ngày 24/11/2026"),  # date rolls over in Hanoi
    ],
)
def test_notice_names_local_time(sent_at: str, shown: str) -> None:
    j = Conversation().send(msg(sent_at), cls("spam"))
    assert all(shown in w["notice_vi"] for w in j.warnings)


@pytest.mark.parametrize(
    ("action", "must", "must_not"),
    [
        ("remind", "Nhắc nhở", ["Cảnh cáo lần cuối", "ra khỏi nhóm"]),
        ("final_warning", "Cảnh cáo lần cuối", ["Nhắc nhở]"]),
        ("remove", "mời anh/chị ra khỏi nhóm", ["Cảnh cáo lần cuối]"]),
    ],
)
def test_wording_escalates(action: str, must: str, must_not: list[str]) -> None:
    g = shipped().for_group("phuong-ben-nghe")
    text = notice_vi(rule="spam", action=action, strike_count=2, local_time=datetime(2026, 11, 23, 21, 15), group=g)
    assert must in text
    assert all(m not in text for m in must_not)
    assert "cảm ơn" in text.lower()


@pytest.mark.parametrize(
    ("rule", "phrase"),
    [
        ("antt_only", "an ninh trật tự"),
        ("office_hours", "giờ hành chính"),
        ("spam", "quảng cáo"),
        ("flood", "liên tục"),
    ],
)
def test_notice_names_rule(rule: str, phrase: str) -> None:
    g = shipped().for_group("phuong-ben-nghe")
    text = notice_vi(rule=rule, action="remind", strike_count=1, local_time=datetime(2026, 11, 23, 21, 15), group=g)
    assert phrase in text


def test_office_hours_notice_states_the_groups_hours() -> None:
    j = Conversation().send(msg("2026-11-23T18:00:00+07:00", group_id="thon-an-phu"), cls("tip"))
    assert "07:00-11:00, 14:00-17:30 từ Thứ Hai đến Thứ Bảy" in j.warnings[0]["notice_vi"]


def test_holiday_notice_names_holiday() -> None:
    j = Conversation().send(msg("2026-09-02T09:00:00+07:00"), cls("tip"))
    assert "Quốc khánh" in j.warnings[0]["notice_vi"]


def test_ladder_notices_in_sequence() -> None:
    conv = Conversation()
    start = datetime.fromisoformat("2026-11-23T09:00:00+07:00")
    heads = []
    for i in range(3):
        j = conv.send(msg((start + timedelta(days=i)).isoformat(), message_id=f"m{i}"), cls("spam"))
        heads.append(j.warnings[0]["notice_vi"].split("]")[0] + "]")
    assert heads == ["[Nhắc nhở]", "[Cảnh cáo lần cuối]", "[Mời ra khỏi nhóm]"]


def test_unknown_action_rejected() -> None:
    with pytest.raises(ValueError):
        notice_vi(rule="spam", action="ban", strike_count=1, local_time=datetime(2026, 1, 5, 9),
                  group=shipped().for_group("x"))
