"""``binhyen act``: a leader's, officer's or operator's action on a group, sent to ``moderation.actions``.

    binhyen act pardon GROUP MEMBER [--rule R]
    binhyen act confirm_removal GROUP MEMBER
    binhyen act exempt GROUP MEMBER  /  binhyen act unexempt GROUP MEMBER
    binhyen act correct GROUP MESSAGE_ID CATEGORY

Each prints the ``action_id`` of the record it produced (keyed by ``GROUP``, like the
group's messages, so the worker applies it in order with them, once). The worker
publishes the effect: ``pardoned`` / ``withdrawn`` records on ``moderation.warnings``,
corrections on ``moderation.feedback``; an action it cannot apply goes to the dead letter.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from datetime import datetime, timezone
from typing import IO

import orjson
from aiokafka.errors import KafkaConnectionError

from pipeline.domain.actions import ACTOR_ROLES, InvalidAction, action_record
from pipeline.domain.classification import Category
from pipeline.domain.rules import RULE_NAMES
from pipeline.kafka import clients, topics
from pipeline.settings import Settings, SettingsError

SEND_TIMEOUT = 30.0


def register(sub: argparse._SubParsersAction) -> None:
    act = sub.add_parser("act", help="send a leader's/officer's action (pardon, correct, ...) to moderation.actions")
    kinds = act.add_subparsers(dest="kind", metavar="ACTION", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--actor", default="operator", help="who acts (default: operator)")
        p.add_argument("--role", default="operator", choices=ACTOR_ROLES, help="the actor's role (default: operator)")
        p.add_argument("--note", default=None, help="free text kept with the action (never logged)")
        p.add_argument("--action-id", default=None,
                       help="reuse an id to retry safely (default: a new one); applied once per id")
        p.set_defaults(func=run_act)

    p = kinds.add_parser("pardon", help="clear a member's strikes (all, or for one --rule)")
    p.add_argument("group")
    p.add_argument("member")
    p.add_argument("--rule", default=None, choices=RULE_NAMES, help="clear only this rule's strikes")
    common(p)
    for name, text in (("confirm_removal", "record that the member was removed from the group"),
                       ("exempt", "never warn this member"), ("unexempt", "warn this member again")):
        p = kinds.add_parser(name, help=text)
        p.add_argument("group")
        p.add_argument("member")
        common(p)
    p = kinds.add_parser("correct", help="say a message's category was wrong (feedback; may withdraw its strike)")
    p.add_argument("group")
    p.add_argument("message_id")
    p.add_argument("category", choices=[c.value for c in Category])
    common(p)


def build_record(args: argparse.Namespace, now: datetime | None = None) -> dict:
    """The action record for the parsed command line (raises ``InvalidAction``)."""
    return action_record(
        args.kind, args.group, action_id=args.action_id or uuid.uuid4().hex,
        requested_at=now or datetime.now(timezone.utc), actor_id=args.actor, actor_role=args.role,
        member_id=getattr(args, "member", None), rule=getattr(args, "rule", None),
        message_id=getattr(args, "message_id", None), category=getattr(args, "category", None), note=args.note)


async def send_action(settings: Settings, record: dict, *, timeout: float = SEND_TIMEOUT) -> None:
    """Produce one action record to ``moderation.actions`` and wait until the broker has it."""
    producer = clients.producer(settings)
    try:
        await asyncio.wait_for(producer.start(), timeout)
        await asyncio.wait_for(producer.send_and_wait(topics.ACTIONS, value=orjson.dumps(record),
                                                      key=record["group_id"].encode("utf-8")), timeout)
    finally:
        await producer.stop()


def run_act(args: argparse.Namespace, out: IO[str] = sys.stdout) -> int:
    try:
        record = build_record(args)
    except InvalidAction as exc:
        print(f"binhyen act {args.kind}: {exc.detail}", file=sys.stderr)
        return 2
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"binhyen act: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(send_action(settings, record))
    except (OSError, asyncio.TimeoutError, KafkaConnectionError) as exc:
        reason = str(exc).removeprefix("KafkaConnectionError: ") or type(exc).__name__
        print(f"binhyen act: cannot reach Kafka at {settings.kafka}: {reason}", file=sys.stderr)
        return 1
    except Exception as exc:  # aiokafka errors (no such topic, not authorised, ...)
        print(f"binhyen act: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(record["action_id"], file=out)
    return 0
