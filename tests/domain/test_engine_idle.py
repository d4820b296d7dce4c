"""Dropping members' state that no longer matters keeps the group record small without changing any result."""

from datetime import datetime, timedelta, timezone

from pipeline.domain.classification import Category, Classification
from pipeline.domain.engine import GroupState, RuleEngine, SenderState
from pipeline.domain.groups import load_groups
from pipeline.domain.message import ChatMessage

TZ = timezone(timedelta(hours=7))
OFF = Classification(Category.OFF_TOPIC, False, {"off_topic": 1.0}, "t")
TIP = Classification(Category.TIP, False, {"tip": 1.0}, "t")


def engine(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text("holidays_files = []\n[defaults]\n", encoding="utf-8")
    return RuleEngine(load_groups(path))


def judge(eng, state, when, cls, mid="m"):
    msg = ChatMessage(mid, "g", "u", "x", when)
    return eng.judge(msg, cls, state, GroupState.empty()).sender_state


def test_a_member_with_a_strike_in_the_window_is_not_idle(tmp_path):
    eng = engine(tmp_path)
    when = datetime(2026, 11, 18, 9, 0, tzinfo=TZ)
    state = judge(eng, SenderState.empty(), when, OFF)
    assert not eng.sender_is_idle("g", state, (when + timedelta(days=29)).timestamp())
    assert eng.sender_is_idle("g", state, (when + timedelta(days=30, seconds=1)).timestamp())


def test_a_member_who_just_posted_is_not_idle_until_the_flood_window_passes(tmp_path):
    eng = engine(tmp_path)
    when = datetime(2026, 11, 18, 9, 0, tzinfo=TZ)
    state = judge(eng, SenderState.empty(), when, TIP)
    assert not state.strikes
    assert not eng.sender_is_idle("g", state, (when + timedelta(seconds=59)).timestamp())
    assert eng.sender_is_idle("g", state, (when + timedelta(seconds=60)).timestamp())
