"""People answer back: the ``moderation.actions`` input and its effect on a group's state.

Leaders, officers and operators send actions keyed by ``group_id`` (the
``binhyen act`` command, the inbox). ``parse_action`` turns raw Kafka value
bytes into a typed, immutable ``Action`` or raises ``InvalidAction`` with a
short ``reason`` (a bounded metric label, the dead-letter reason) and a human
``detail``. ``apply_action`` is pure: the same action and states give the same
outcome. It is idempotent by ``action_id`` (the group state remembers applied
ids, as it remembers seen message ids).

Effects:

- ``pardon``: the member's strikes are cleared, for one ``rule`` or all; an open
  removal case is closed. A ``pardoned`` record goes on ``moderation.warnings``.
- ``confirm_removal``: the member is recorded as removed; their later messages
  are marked ``removed_member`` in the decisions and draw no warning.
- ``exempt`` / ``unexempt``: an exempt member is never warned (as leaders and officers).
- ``acknowledge``, ``assign``, ``resolve``, ``returned``: the inbox's case workflow on
  the same topic; valid, and left alone by the worker.
- ``correct``: a person's category for a recent message, published on
  ``moderation.feedback`` for retraining; when the message struck and breaks no
  rule under the person's category (office hours and flood do not depend on it),
  its strike is withdrawn and a ``withdrawn`` record goes on ``moderation.warnings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, Callable, Mapping

import orjson

from pipeline.domain.classification import Category
from pipeline.domain.groups import GroupConfig
from pipeline.domain.message import REASONS as MESSAGE_REASONS
from pipeline.domain.message import InvalidMessage, parse_timestamp
from pipeline.domain.rules import RULE_NAMES
from pipeline.domain.state import GroupState, SenderState
from pipeline.domain.strikes import REMOVE, Strike

MAX_ACTION_BYTES = 64 * 1024
MAX_ID_CHARS = 256
MAX_NOTE_CHARS = 2000


class ActionKind(StrEnum):
    PARDON = "pardon"
    CONFIRM_REMOVAL = "confirm_removal"
    EXEMPT = "exempt"
    UNEXEMPT = "unexempt"
    CORRECT = "correct"
    # the inbox's case workflow, on the same topic: recorded by the inbox, no effect on a group's state
    ACKNOWLEDGE = "acknowledge"
    ASSIGN = "assign"
    RESOLVE = "resolve"
    RETURNED = "returned"


ACTION_KINDS: tuple[str, ...] = tuple(k.value for k in ActionKind)
CASE_ACTIONS = frozenset({ActionKind.ACKNOWLEDGE, ActionKind.ASSIGN, ActionKind.RESOLVE, ActionKind.RETURNED})
ACTOR_ROLES: tuple[str, ...] = ("leader", "officer", "operator")
MEMBER_ACTIONS = frozenset({ActionKind.PARDON, ActionKind.CONFIRM_REMOVAL, ActionKind.EXEMPT, ActionKind.UNEXEMPT})

#: The input record's dead-letter reasons (decoding is shared), then the actions' own.
REASONS = (
    *MESSAGE_REASONS,
    "unknown_action",
    "unknown_rule",
    "unknown_category",
    "unknown_message",
)


class InvalidAction(ValueError):
    """A record that is not a valid action, or one that cannot be applied (``unknown_message``).

    ``reason`` is one of ``REASONS``; ``detail`` never quotes the action's note."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Action:
    action_id: str
    group_id: str
    action: ActionKind
    actor_id: str
    actor_role: str
    requested_at: datetime | None = None
    member_id: str | None = None  # pardon, confirm_removal, exempt, unexempt
    rule: str | None = None  # pardon only; None: every rule
    message_id: str | None = None  # correct only
    category: Category | None = None  # correct only
    note: str | None = None  # free text, never logged nor published

    def to_record(self) -> dict[str, Any]:
        """The action as a ``moderation.actions`` JSON object (the inverse of parsing)."""
        out: dict[str, Any] = {"action_id": self.action_id, "group_id": self.group_id,
                               "action": self.action.value, "actor_id": self.actor_id,
                               "actor_role": self.actor_role}
        if self.requested_at is not None:
            out["requested_at"] = self.requested_at.isoformat()
        for name in ("member_id", "rule", "message_id", "note"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.category is not None:
            out["category"] = self.category.value
        return out


def _id(obj: dict, name: str, *, required: bool = True) -> str | None:
    value = obj.get(name)
    if value is None:
        if required:
            raise InvalidAction("missing_field", f"{name} is required")
        return None
    if not isinstance(value, str):
        raise InvalidAction("wrong_type", f"{name} must be a string")
    if not value.strip() or len(value) > MAX_ID_CHARS:
        raise InvalidAction("bad_value", f"{name} must be 1 to {MAX_ID_CHARS} characters")
    return value


def action_from_object(obj: Any) -> Action:
    """An ``Action`` from an already decoded JSON value (raises ``InvalidAction``)."""
    if not isinstance(obj, dict):
        raise InvalidAction("not_object", "an action is a JSON object")
    action_id, group_id = _id(obj, "action_id"), _id(obj, "group_id")
    kind_raw = obj.get("action")
    if kind_raw is None:
        raise InvalidAction("missing_field", "action is required")
    if not isinstance(kind_raw, str):
        raise InvalidAction("wrong_type", "action must be a string")
    if kind_raw not in ACTION_KINDS:
        raise InvalidAction("unknown_action", f"action must be one of {', '.join(ACTION_KINDS)}")
    kind = ActionKind(kind_raw)
    actor_id, actor_role = _id(obj, "actor_id"), _id(obj, "actor_role")
    if actor_role not in ACTOR_ROLES:
        raise InvalidAction("bad_value", f"actor_role must be one of {', '.join(ACTOR_ROLES)}")
    requested_at = None
    if obj.get("requested_at") is not None:
        try:
            requested_at = parse_timestamp(obj["requested_at"])
        except InvalidMessage as exc:
            raise InvalidAction("bad_timestamp", exc.detail.replace("sent_at", "requested_at")) from None
    note = obj.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE_CHARS):
        raise InvalidAction("bad_value", f"note must be a string of at most {MAX_NOTE_CHARS} characters")
    member_id = rule = message_id = None
    category = None
    if kind in MEMBER_ACTIONS:
        member_id = _id(obj, "member_id")
    if kind is ActionKind.PARDON:
        rule = _id(obj, "rule", required=False)
        if rule is not None and rule not in RULE_NAMES:
            raise InvalidAction("unknown_rule", f"rule must be one of {', '.join(RULE_NAMES)}")
    if kind is ActionKind.CORRECT:
        message_id = _id(obj, "message_id")
        category_raw = _id(obj, "category")
        if category_raw not in {c.value for c in Category}:
            raise InvalidAction("unknown_category",
                                f"category must be one of {', '.join(c.value for c in Category)}")
        category = Category(category_raw)
    assert action_id and group_id and actor_id and actor_role
    return Action(action_id=action_id, group_id=group_id, action=kind, actor_id=actor_id, actor_role=actor_role,
                  requested_at=requested_at, member_id=member_id, rule=rule, message_id=message_id,
                  category=category, note=note)


def parse_action(value: bytes | None) -> Action:
    """A ``moderation.actions`` record's value as an ``Action`` (raises ``InvalidAction``)."""
    if value is None:
        raise InvalidAction("not_object", "the record has no value")
    if len(value) > MAX_ACTION_BYTES:
        raise InvalidAction("too_large", f"{len(value)} bytes, at most {MAX_ACTION_BYTES}")
    try:
        value.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidAction("bad_utf8", "the value is not UTF-8") from None
    try:
        obj = orjson.loads(value)
    except orjson.JSONDecodeError:
        raise InvalidAction("bad_json", "the value is not JSON") from None
    return action_from_object(obj)


@dataclass(frozen=True)
class ActionOutcome:
    duplicate: bool  # the action_id was applied before: nothing else set, states unchanged
    ignored: bool = False  # an inbox case action (acknowledge, assign, ...): nothing for the worker
    error: InvalidAction | None = None  # could not be applied (dead letter); states unchanged
    warnings: tuple[dict[str, Any], ...] = ()  # moderation.warnings: pardoned / withdrawn records
    feedback: dict[str, Any] | None = None  # moderation.feedback (correct)
    group_state: GroupState = field(default_factory=GroupState.empty)
    senders: Mapping[str, SenderState] = field(default_factory=dict)  # members whose state changed


CATEGORY_RULES = ("antt_only", "spam")
"""The rules that depend on the category alone; office hours and flood hold whatever it is."""


def rules_under(category: Category, broke: tuple[str, ...], group: GroupConfig) -> tuple[str, ...]:
    """The rules a struck message breaks once a person says it is ``category`` (in rule order)."""
    holds = set(r for r in broke if r not in CATEGORY_RULES)
    if category is Category.SPAM:
        holds.add("spam")
    elif category not in group.allowed_categories:
        holds.add("antt_only")
    return tuple(r for r in RULE_NAMES if r in holds)


def _remaining(cfg: GroupConfig, strikes: tuple[Strike, ...], at: float | None) -> int:
    if not strikes:
        return 0
    ref = at if at is not None else max(s.at for s in strikes)
    return len(cfg.strikes.active(strikes, ref))


def _close_case_below_remove(cfg: GroupConfig, state: SenderState, remaining: int) -> SenderState:
    if state.case is not None and (remaining == 0 or cfg.strikes.action_for(remaining) != REMOVE):
        return state.with_case(None)
    return state


def _actor(action: Action) -> dict[str, Any]:
    return {"actor_id": action.actor_id, "actor_role": action.actor_role,
            "requested_at": action.requested_at.isoformat() if action.requested_at else None}


def apply_action(action: Action, cfg: GroupConfig, group: GroupState,
                 sender: Callable[[str], SenderState]) -> ActionOutcome:
    """The effect of one action on the group's state (``sender(id)`` gives a member's state)."""
    if action.action in CASE_ACTIONS:
        return ActionOutcome(duplicate=False, ignored=True, group_state=group)
    if group.has_applied(action.action_id):
        return ActionOutcome(duplicate=True, group_state=group)
    at = action.requested_at.timestamp() if action.requested_at else None
    gid = action.group_id
    warnings: list[dict[str, Any]] = []
    feedback = None
    senders: dict[str, SenderState] = {}
    new_group = group

    if action.action is ActionKind.PARDON:
        assert action.member_id is not None
        member = action.member_id
        state = sender(member)
        if action.rule is None:
            strikes: tuple[Strike, ...] = ()
        else:
            strikes = tuple(s2 for s2 in (s.without(action.rule) for s in state.strikes) if s2 is not None)
        senders[member] = state.with_strikes(strikes).with_case(None)
        touched = sum(1 for s in state.strikes if action.rule is None or action.rule in s.all_rules)
        warnings.append({
            "kind": "pardoned", "warning_id": f"{gid}:{action.action_id}:pardon", "group_id": gid,
            "sender_id": member, "rule": action.rule, "action_id": action.action_id,
            "strike_count": _remaining(cfg, strikes, at), "cleared": touched, **_actor(action)})
    elif action.action is ActionKind.CONFIRM_REMOVAL:
        assert action.member_id is not None
        new_group = new_group.with_removed(action.member_id)
        senders[action.member_id] = sender(action.member_id).with_case(None)
    elif action.action in (ActionKind.EXEMPT, ActionKind.UNEXEMPT):
        assert action.member_id is not None
        new_group = new_group.with_exempt(action.member_id, action.action is ActionKind.EXEMPT)
    elif action.action is ActionKind.CORRECT:
        assert action.message_id is not None and action.category is not None
        note = group.note(action.message_id)
        if note is None:
            return ActionOutcome(duplicate=False, group_state=group, error=InvalidAction(
                "unknown_message", "no recent message with this message_id in the group"))
        feedback = {
            "feedback_id": action.action_id, "action_id": action.action_id, "group_id": gid,
            "message_id": action.message_id, "model_category": note.category,
            "person_category": action.category.value, "actor_id": action.actor_id,
            "actor_role": action.actor_role, "model_version": note.model_version,
            "corrected_at": action.requested_at.isoformat() if action.requested_at else None,
        }
        state = sender(note.sender_id)
        strike = next((s for s in state.strikes if s.message_id == action.message_id), None)
        if strike is not None:
            left = rules_under(action.category, strike.all_rules, cfg)
            others = tuple(s for s in state.strikes if s.message_id != action.message_id)
            if not left:
                remaining = _remaining(cfg, others, at)
                senders[note.sender_id] = _close_case_below_remove(cfg, state.with_strikes(others), remaining)
                new_group = new_group.with_note_replaced(replace(note, struck=False))
                warnings.append({
                    "kind": "withdrawn", "warning_id": f"{gid}:{action.message_id}:withdrawn", "group_id": gid,
                    "message_id": action.message_id, "sender_id": note.sender_id, "action_id": action.action_id,
                    "strike_count": remaining, "rules": list(strike.all_rules), **_actor(action)})
            elif left != strike.all_rules:
                kept = Strike(at=strike.at, rule=left[0], message_id=strike.message_id, rules=left)
                senders[note.sender_id] = state.with_strikes((*others, kept))
    return ActionOutcome(duplicate=False, warnings=tuple(warnings), feedback=feedback,
                         group_state=new_group.with_applied(action.action_id), senders=senders)


def action_record(kind: str, group_id: str, *, action_id: str, requested_at: datetime, actor_id: str,
                  actor_role: str, member_id: str | None = None, rule: str | None = None,
                  message_id: str | None = None, category: str | None = None,
                  note: str | None = None) -> dict[str, Any]:
    """A valid ``moderation.actions`` record (raises ``InvalidAction`` naming what is wrong)."""
    obj: dict[str, Any] = {"action_id": action_id, "group_id": group_id, "action": kind, "actor_id": actor_id,
                           "actor_role": actor_role, "requested_at": requested_at.isoformat()}
    for name, value in (("member_id", member_id), ("rule", rule), ("message_id", message_id),
                        ("category", category), ("note", note)):
        if value is not None:
            obj[name] = value
    return action_from_object(obj).to_record()
