"""SenderState / GroupState: JSON round trips, garbage tolerance, bounds."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from pipeline.domain.state import GroupState, LostFoundReport, SenderState
from pipeline.domain.strikes import Strike
from tests.domain.factories import Conversation, cls, msg

SENDER = SenderState(
    strikes=(Strike(at=1795446000.0, rule="spam", message_id="m1"),
             Strike(at=1795446060.5, rule="flood", message_id="m2")),
    recent=(1795446000.0, 1795446060.5),
)
GROUP_STATE = GroupState(
    seen=("m1", "m2", "m3"),
    reports=(LostFoundReport(report_id="g:m1", message_id="m1", sender_id="u1", kind="lost", item="ví/bóp",
                             at=1795446000.0, sent_at="2026-11-23T09:00:00+07:00", keywords=("vi", "den")),),
)


@pytest.mark.parametrize("state", [SENDER, SenderState.empty()])
def test_sender_round_trip(state: SenderState) -> None:
    assert SenderState.from_json(json.loads(json.dumps(state.to_json()))) == state


@pytest.mark.parametrize("state", [GROUP_STATE, GroupState.empty()])
def test_group_round_trip(state: GroupState) -> None:
    back = GroupState.from_json(json.loads(json.dumps(state.to_json())))
    assert back == state
    assert all(back.has_seen(m) for m in state.seen)


def test_round_trip_after_real_traffic() -> None:
    conv = Conversation()
    t0 = datetime.fromisoformat("2026-11-23T21:00:00+07:00")
    for i in range(8):
        conv.send(msg((t0 + timedelta(seconds=i)).isoformat(), message_id=f"m{i}", text="mất ví"),
                  cls("lost_item" if i % 2 else "off_topic"))
    for s in conv.senders.values():
        assert SenderState.from_json(json.loads(json.dumps(s.to_json()))) == s
    for g in conv.groups.values():
        assert GroupState.from_json(json.loads(json.dumps(g.to_json()))) == g


NOT_OBJECTS = [None, [], "x", 3]
SENDER_GARBAGE = [
    *NOT_OBJECTS, {"strikes": "no"}, {"strikes": [None]}, {"strikes": [{"rule": "spam"}]},
    {"strikes": [{"at": "yesterday", "rule": "spam", "message_id": "m"}]},
    {"recent": [float("nan")]}, {"recent": ["1"]}, {"recent": [True]}, {"recent": 5},
]
GROUP_GARBAGE = [
    *NOT_OBJECTS, {"seen": "abc"}, {"seen": [1, 2]}, {"reports": "x"}, {"reports": [None]},
    {"reports": [{"kind": "lost"}]}, {"reports": [{**GROUP_STATE.reports[0].to_json(), "at": "soon"}]},
]


@pytest.mark.parametrize("data", SENDER_GARBAGE)
def test_sender_garbage_becomes_empty(data) -> None:
    assert SenderState.from_json(data) == SenderState.empty()


@pytest.mark.parametrize("data", GROUP_GARBAGE)
def test_group_garbage_becomes_empty(data) -> None:
    assert GroupState.from_json(data) == GroupState.empty()


def test_empty_dict_is_empty() -> None:
    assert SenderState.from_json({}) == SenderState.empty()
    assert GroupState.from_json({}) == GroupState.empty()


def test_recent_bounded_by_flood_limit() -> None:
    conv = Conversation()
    t0 = datetime.fromisoformat("2026-11-23T09:00:00+07:00")
    for i in range(30):
        conv.send(msg((t0 + timedelta(seconds=i)).isoformat(), message_id=f"m{i}"), cls("tip"))
    (state,) = conv.senders.values()
    assert len(state.recent) == 5  # enough to decide "more than 5 within 60 s"
    assert state.recent[-1] == (t0 + timedelta(seconds=29)).timestamp()


def test_strikes_are_bounded() -> None:
    many = SenderState().with_strikes(Strike(at=float(i), rule="flood", message_id=f"m{i}") for i in range(500))
    assert len(many.strikes) == 200 and many.strikes[-1].message_id == "m499"


def test_reports_and_notes_encode_by_msgspec_as_their_to_json() -> None:
    """The state store encodes reports (dataclasses, field by field) and notes with msgspec and
    reads them back with ``from_json``: the bytes are those of ``to_json``."""
    import msgspec
    import orjson

    from pipeline.domain.state import LostFoundReport, MessageNote

    encoder = msgspec.json.Encoder()
    assert GROUP_STATE.reports
    for report in GROUP_STATE.reports:
        assert encoder.encode(report) == orjson.dumps(report.to_json())
        assert LostFoundReport.from_json(orjson.loads(encoder.encode(report))) == report
    note = MessageNote("m1", "u1", "spam", "v1", True)
    assert encoder.encode(note.to_json()) == orjson.dumps(note.to_json())
    assert MessageNote.from_json(orjson.loads(encoder.encode(note.to_json()))) == note


def test_sender_encode_json_reads_back_as_to_json() -> None:
    import orjson

    from pipeline.domain.state import RemovalCase

    cased = SenderState(strikes=(Strike(at=1.0, rule="spam", message_id="m1", rules=("spam", "flood")),),
                        recent=(1.0, 2.5), burst_last=2.5,
                        case=RemovalCase(opened_at=2.5, message_id="m2", notified_day="2026-11-23"))
    for state in (SENDER, SenderState.empty(), cased):
        doc = orjson.loads(state.encode_json())
        assert SenderState.from_json(doc) == state
        plain = state.to_json()
        assert {k: v for k, v in doc.items() if k != "strikes"} == {k: v for k, v in plain.items() if k != "strikes"}
        assert [{**s, "rules": s.get("rules", [s["rule"]])} for s in plain["strikes"]] == doc["strikes"]
