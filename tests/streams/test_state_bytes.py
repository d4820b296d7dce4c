"""The group record written to the changelog is byte for byte what ``orjson.dumps(to_json())`` gives,
while notes and reports already serialised are reused."""

import orjson

from pipeline.domain.state import GroupState, LostFoundReport, MessageNote


def _note(i, struck=False):
    return MessageNote(f"m{i}", f"u{i % 3}", "spam", "v1", struck)


def _report(i):
    return LostFoundReport(report_id=f"g:m{i}", message_id=f"m{i}", sender_id="u1", kind="lost", item="ví",
                           at=1.7e9 + i, sent_at="2026-11-18T22:15:00+07:00", keywords=("vi", "da"))


def test_bytes_equal_the_plain_serialisation_as_the_state_changes():
    cache = {}
    state = GroupState.empty()
    assert state.to_json_bytes(cache) == orjson.dumps(state.to_json())
    for i in range(300):
        state = state.judged(_note(i, struck=i % 5 == 0), 250)
        if i % 7 == 0:
            state = state.with_reports((*state.reports, _report(i)))
        if i % 50 == 0:
            state = state.with_applied(f"a{i}").with_removed(f"u{i}").with_exempt(f"x{i}", True)
        if i % 11 == 0 and state.notes:
            old = state.notes[0]
            state = state.with_note_replaced(MessageNote(old.message_id, old.sender_id, "tip", "v1", False))
        assert state.to_json_bytes(cache) == orjson.dumps(state.to_json())
        assert len(cache) == len(state.notes) + len(state.reports)
    assert GroupState.from_json(orjson.loads(state.to_json_bytes(cache))) == GroupState.from_json(state.to_json())
