"""``binhyen act``: the command line builds valid moderation.actions records (no broker here;
tests/integration/test_actions.py sends them to a real one)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from pipeline.cli.act_commands import build_record, run_act
from pipeline.cli.main import build_parser
from pipeline.domain.actions import parse_action

NOW = datetime(2026, 11, 23, 11, 0, tzinfo=timezone.utc)


def record(*argv: str) -> dict:
    return build_record(build_parser().parse_args(["act", *argv]), now=NOW)


def test_pardon_for_one_rule() -> None:
    r = record("pardon", "phuong-ben-nghe", "spam-bn-99", "--rule", "spam", "--actor", "leader-bn", "--role",
               "leader")
    assert {k: r[k] for k in ("group_id", "action", "member_id", "rule", "actor_id", "actor_role")} == {
        "group_id": "phuong-ben-nghe", "action": "pardon", "member_id": "spam-bn-99", "rule": "spam",
        "actor_id": "leader-bn", "actor_role": "leader"}
    assert len(r["action_id"]) == 32 and r["requested_at"] == NOW.isoformat()


@pytest.mark.parametrize("kind", ["confirm_removal", "exempt", "unexempt"])
def test_member_actions(kind: str) -> None:
    r = record(kind, "g1", "u1")
    assert (r["action"], r["member_id"], r["actor_role"]) == (kind, "u1", "operator")
    assert "rule" not in r and "message_id" not in r


def test_correct() -> None:
    r = record("correct", "g1", "bn-027", "lost_item", "--action-id", "fix-1", "--note", "tìm chó lạc")
    assert (r["action_id"], r["message_id"], r["category"], r["note"]) == ("fix-1", "bn-027", "lost_item",
                                                                            "tìm chó lạc")
    assert parse_action(__import__("orjson").dumps(r)).to_record() == r  # what the worker reads back


def test_every_record_has_a_fresh_id() -> None:
    assert record("exempt", "g1", "u1")["action_id"] != record("exempt", "g1", "u1")["action_id"]


@pytest.mark.parametrize("argv", [["correct", "g1", "m1", "weather"], ["pardon", "g1", "u1", "--rule", "x"],
                                  ["pardon", "g1"], ["ban", "g1", "u1"]])
def test_bad_command_lines_are_refused(argv, capsys) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["act", *argv])
    assert info.value.code == 2


def test_an_invalid_value_is_a_clear_error(capsys) -> None:
    args = build_parser().parse_args(["act", "exempt", "g1", " "])
    assert run_act(args) == 2
    assert "member_id" in capsys.readouterr().err
