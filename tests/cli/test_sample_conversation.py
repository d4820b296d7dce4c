"""The bundled sample conversation: shape, order and coverage (no broker, no model)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, time, timedelta, timezone
from pathlib import Path

import pytest

import pipeline
from pipeline.domain.message import AttachmentKind, ChatMessage, InvalidMessage, Role, parse_message

DATA = Path(pipeline.__file__).parent / "data"
SAMPLE = DATA / "sample_conversation.jsonl"
GROUPS = {"phuong-ben-nghe": "bn", "xa-yen-lac": "yl", "thon-an-phu": "ap"}
EXPECTED_BAD = {11: "bad_json", 36: "missing_field", 49: "wrong_type", 66: "bad_timestamp"}
ICT = timezone(timedelta(hours=7))


def _load() -> tuple[list[ChatMessage], dict[int, str]]:
    good: list[ChatMessage] = []
    bad: dict[int, str] = {}
    for lineno, line in enumerate(SAMPLE.read_bytes().splitlines(), 1):
        try:
            good.append(parse_message(line))
        except InvalidMessage as exc:
            bad[lineno] = exc.reason
    return good, bad


@pytest.fixture(scope="module")
def messages() -> list[ChatMessage]:
    return _load()[0]


def _in_office(m: ChatMessage) -> bool:
    local = m.sent_at.astimezone(ICT)
    t = local.time()
    return local.weekday() < 5 and (time(7, 30) <= t < time(11, 30) or time(13, 30) <= t < time(17, 0))


def _night(m: ChatMessage) -> bool:
    t = m.sent_at.astimezone(ICT).time()
    return t >= time(21, 0) or t < time(5, 0)


def test_counts_per_group(messages):
    counts = Counter(m.group_id for m in messages)
    assert set(counts) == set(GROUPS)
    assert counts == {"phuong-ben-nghe": 28, "xa-yen-lac": 26, "thon-an-phu": 24}
    assert len(messages) >= 70


def test_malformed_lines_fail_with_expected_reason():
    good, bad = _load()
    assert bad == EXPECTED_BAD
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    for lineno, reason in EXPECTED_BAD.items():
        assert re.search(rf"\|\s*{lineno}\s*\|.*`{reason}`", readme), f"README does not document line {lineno}"


def test_lines_are_single_json_lines():
    raw = SAMPLE.read_bytes()
    assert raw.endswith(b"\n") and b"\r" not in raw
    assert all(line.strip() for line in raw.splitlines())


def test_ids_unique_and_prefixed_per_group(messages):
    seen = Counter((m.group_id, m.message_id) for m in messages)
    assert max(seen.values()) == 1
    for m in messages:
        assert m.message_id.startswith(GROUPS[m.group_id] + "-")


def test_chronological_per_group_within_the_week(messages):
    by_group: dict[str, list[ChatMessage]] = defaultdict(list)
    for m in messages:
        assert m.sent_at.utcoffset() == timedelta(hours=7)
        assert date(2026, 11, 16) <= m.sent_at.date() <= date(2026, 11, 22)
        by_group[m.group_id].append(m)
    for group, msgs in by_group.items():
        stamps = [m.sent_at for m in msgs]
        assert stamps == sorted(stamps), group
        # every day of the week appears somewhere in each group
        assert {m.sent_at.date() for m in msgs} >= {date(2026, 11, 16), date(2026, 11, 22)}


def test_roles_of_leaders_and_officers(messages):
    for m in messages:
        if m.sender_id.startswith("leader-"):
            assert m.sender_role is Role.LEADER
        elif m.sender_id.startswith("officer-"):
            assert m.sender_role is Role.OFFICER
        else:
            assert m.sender_role is None
    for group, short in GROUPS.items():
        senders = {m.sender_id for m in messages if m.group_id == group}
        assert {f"leader-{short}", f"officer-{short}"} <= senders


def test_officer_replies_point_to_earlier_messages_of_the_group(messages):
    by_key = {(m.group_id, m.message_id): m for m in messages}
    replies = [m for m in messages if m.reply_to]
    assert {m.group_id for m in replies if m.sender_role is Role.OFFICER} == set(GROUPS)
    for m in replies:
        target = by_key[(m.group_id, m.reply_to)]
        assert target.sent_at < m.sent_at


def test_spam_burst_seven_posts_within_a_minute(messages):
    burst = [m for m in messages if m.sender_id == "spam-bn-99"]
    assert len(burst) == 7
    assert (burst[-1].sent_at - burst[0].sent_at) < timedelta(minutes=1)
    assert all(re.search(r"vay|cược|casino|lô đề|nhà cái", m.text, re.I) for m in burst)


def test_three_strike_member_posts_three_times_in_office_hours(messages):
    posts = [m for m in messages if m.sender_id == "member-yl-21"]
    assert len(posts) == 3 and all(_in_office(m) for m in posts)
    assert len({m.sent_at.date() for m in posts}) == 3


def test_urgent_night_tips_exist(messages):
    def at(mid: str) -> ChatMessage:
        return next(m for m in messages if m.message_id == mid)

    fire, fight, child = at("yl-012"), at("bn-014"), at("ap-020")
    assert fire.sent_at.astimezone(ICT).time() == time(2, 40) and "cháy" in fire.text.lower()
    assert fight.sent_at.astimezone(ICT).time() == time(23, 10) and "dao" in fight.text
    assert _night(child) and "5 tuổi" in child.text
    for m in (fire, fight):
        assert any(a.kind is AttachmentKind.LOCATION for a in m.attachments)


def test_lost_and_found_wallet_pair(messages):
    lost = next(m for m in messages if m.message_id == "bn-008")
    found = next(m for m in messages if m.message_id == "bn-009")
    assert lost.group_id == found.group_id and lost.sent_at < found.sent_at
    assert "đánh rơi" in lost.text and "lượm được" in found.text
    for m in (lost, found):
        assert "bóp da" in m.text and "Trần Thị Mai" in m.text


def test_coverage_of_the_rest(messages):
    kinds = {a.kind for m in messages for a in m.attachments}
    assert {AttachmentKind.IMAGE, AttachmentKind.LOCATION} <= kinds
    assert any(m.text == "" and m.attachments for m in messages)  # image-only message
    phone = re.compile(r"\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b")
    assert sum(bool(phone.search(m.text)) for m in messages) >= 5
    # messages typed without any Vietnamese diacritics
    no_diacritics = [m for m in messages if m.text and m.text.isascii() and len(m.text.split()) > 8]
    assert len(no_diacritics) >= 6
    teencode = re.compile(r"\b(mn|k|ko|dc|j|e|vs|bt)\b")
    assert sum(bool(teencode.search(m.text)) for m in no_diacritics) >= 4
    assert any(_in_office(m) for m in messages) and any(not _in_office(m) for m in messages)
    assert any(m.sent_at.astimezone(ICT).weekday() >= 5 for m in messages)
    for group in GROUPS:
        assert sum(_night(m) for m in messages if m.group_id == group) >= 1
