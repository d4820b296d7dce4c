"""The demo prints, for each action it sends, the ``binhyen act`` command that sends the same action."""

from __future__ import annotations

import shlex
from datetime import datetime, timezone

from pipeline.cli.demo import DEMO_ACTIONS, act_command
from pipeline.cli.main import build_parser
from pipeline.domain.actions import action_record


def test_each_printed_command_parses_to_the_demo_action() -> None:
    for _, fields in DEMO_ACTIONS:
        fields = dict(fields)
        record = action_record(fields.pop("kind"), fields.pop("group_id"), action_id="a1",
                               requested_at=datetime.now(timezone.utc), **fields)
        words = shlex.split(act_command(record))
        assert words[:2] == ["binhyen", "act"]
        args = build_parser().parse_args(words[1:])
        assert args.group == record["group_id"]
        assert (args.actor, args.role) == (record["actor_id"], record["actor_role"])
        for name in ("member_id", "message_id", "category"):
            if name in record:
                assert getattr(args, name.removesuffix("_id") if name == "member_id" else name) == record[name]
