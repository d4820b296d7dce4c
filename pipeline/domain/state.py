"""What the engine remembers between messages, as immutable values with a JSON form.

``SenderState`` lives per (group_id, sender_id), ``GroupState`` per group_id; the
streaming layer stores both in Faust tables as JSON. ``from_json`` never
raises: a missing or damaged record becomes the empty state, because a lost
strike is better than a stuck partition.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any, Iterable

import msgspec

from pipeline.domain.seen import SeenIds
from pipeline.domain.strikes import MAX_STRIKES_KEPT, Strike

STATE_VERSION = 1
MAX_RECENT_KEPT = 64
"""Hard bound on stored flood timestamps, whatever a group's flood limit says."""
MAX_OPEN_REPORTS = 200
REPORT_WINDOW_SECONDS = 30 * 24 * 3600.0
MAX_ACTION_IDS = 1000
"""Applied action ids remembered per group (idempotency of ``moderation.actions``)."""
MAX_MEMBER_MARKS = 1000
"""Bound on removed and on exempt members remembered per group."""
MAX_NOTES = 200
"""Recent messages per group remembered for corrections (category, model version, sender, strike)."""

_ENCODER = msgspec.json.Encoder()

_AT = attrgetter("at")  # a strike's sort key


def _kept_strikes(strikes: Iterable[Strike]) -> tuple[Strike, ...]:
    """Strikes oldest first, the newest ``MAX_STRIKES_KEPT`` of them."""
    return tuple(sorted(strikes, key=_AT))[-MAX_STRIKES_KEPT:]


def _recent_with(recent: tuple[float, ...], now: float, keep: int) -> tuple[float, ...]:
    """``recent`` (sorted) with ``now`` added, the newest ``keep`` (bounded by ``MAX_RECENT_KEPT``);
    a message in order, the usual case, is appended without sorting."""
    keep = max(1, min(keep, MAX_RECENT_KEPT))
    times = (*recent, now) if not recent or now >= recent[-1] else tuple(sorted((*recent, now)))
    return times[-keep:]


def _finite(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        raise ValueError("not a finite number")
    return float(x)


def _text(x: Any) -> str:
    if not isinstance(x, str):
        raise ValueError("not a string")
    return x


def _strike_json(s: Strike) -> dict[str, Any]:
    out: dict[str, Any] = {"at": s.at, "rule": s.rule, "message_id": s.message_id}
    if s.rules and s.rules != (s.rule,):
        out["rules"] = list(s.rules)
    return out


def _strike_from(d: Any) -> Strike:
    rules = d.get("rules", [])
    if not isinstance(rules, list):
        raise ValueError("rules is not a list")
    rule = _text(d["rule"])
    return Strike(at=_finite(d["at"]), rule=rule, message_id=_text(d["message_id"]),
                  rules=tuple(_text(r) for r in rules) or (rule,))


@dataclass(frozen=True, slots=True)
class RemovalCase:
    """A member's open case at the ladder's ``remove`` step, until a person acts on it.

    Further violations are recorded (``messages_since``) but draw at most one updated
    notice per local day (``notified_day``, ISO date in the group's zone).
    """

    opened_at: float  # sent_at of the message that reached ``remove``, POSIX seconds
    message_id: str
    notified_day: str
    messages_since: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"opened_at": self.opened_at, "message_id": self.message_id, "notified_day": self.notified_day,
                "messages_since": self.messages_since}

    @classmethod
    def from_json(cls, d: Any) -> "RemovalCase | None":
        if not isinstance(d, dict):
            return None
        since = d.get("messages_since", 0)
        if isinstance(since, bool) or not isinstance(since, int) or since < 0:
            raise ValueError("messages_since is not a count")
        return cls(opened_at=_finite(d["opened_at"]), message_id=_text(d["message_id"]),
                   notified_day=_text(d["notified_day"]), messages_since=since)


@dataclass(frozen=True, slots=True)
class SenderState:
    """Strikes still within the window, recent ``sent_at`` instants for the flood rule, the
    latest message of a flood burst already warned (``burst_last``), and the open removal case.

    ``recent`` is sorted oldest first and bounded; times are POSIX seconds of ``sent_at``.
    """

    strikes: tuple[Strike, ...] = ()
    recent: tuple[float, ...] = ()
    burst_last: float | None = None
    case: RemovalCase | None = None

    @classmethod
    def empty(cls) -> "SenderState":
        return cls()

    def burst_with(self, now: float, window_seconds: float) -> int:
        """The most messages, a new one at ``now`` included, in any window ``(end - window, end]``
        that contains ``now``.

        In order, that is simply the window ending at ``now``; a message delivered
        late still counts into the burst it belongs to.
        """
        recent = self.recent
        if not recent or now >= recent[-1]:  # in order (the usual case): the window ending at ``now``
            return len(recent) + 1 - bisect_right(recent, now - window_seconds)
        times = sorted((*recent, now))
        best = 0
        # candidate window ends: ``now <= end < now + window``, a contiguous run of the sorted times;
        # the count in ``(end - window, end]`` by bisection (same comparisons as a scan)
        for i in range(bisect_left(times, now), len(times)):
            end = times[i]
            start = end - window_seconds
            if start >= now:
                break
            best = max(best, bisect_right(times, end) - bisect_right(times, start))
        return best

    def with_message(self, now: float, keep: int) -> "SenderState":
        """Record one more message at ``now`` for the flood rule, keeping the newest ``keep``."""
        return replace(self, recent=_recent_with(self.recent, now, keep))

    def with_strikes(self, strikes: Iterable[Strike]) -> "SenderState":
        return replace(self, strikes=_kept_strikes(strikes))

    def after_message(self, strikes: Iterable[Strike], now: float, keep: int, burst_last: float | None,
                      case: "RemovalCase | None") -> "SenderState":
        """The state after one judged message (one construction: it is on every message's path)."""
        return SenderState(strikes=_kept_strikes(strikes), recent=_recent_with(self.recent, now, keep),
                           burst_last=burst_last, case=case)

    def with_burst(self, last: float | None) -> "SenderState":
        return replace(self, burst_last=last)

    def with_case(self, case: RemovalCase | None) -> "SenderState":
        return replace(self, case=case)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "v": STATE_VERSION,
            "strikes": [_strike_json(s) for s in self.strikes],
            "recent": list(self.recent),
        }
        if self.burst_last is not None:
            out["burst_last"] = self.burst_last
        if self.case is not None:
            out["case"] = self.case.to_json()
        return out

    def encode_json(self) -> bytes:
        """``to_json()`` as JSON bytes, in one encoder call (the strikes and the case, dataclasses,
        encoded field by field). One difference: every strike carries ``rules``, also when it is
        just ``[rule]``, which ``from_json`` reads the same."""
        out: dict[str, Any] = {"v": STATE_VERSION, "strikes": self.strikes, "recent": self.recent}
        if self.burst_last is not None:
            out["burst_last"] = self.burst_last
        if self.case is not None:
            out["case"] = self.case
        return _ENCODER.encode(out)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "SenderState":
        if not isinstance(data, dict):
            return cls.empty()
        try:
            strikes_raw, recent_raw = data.get("strikes", []), data.get("recent", [])
            if not isinstance(strikes_raw, list) or not isinstance(recent_raw, list):
                return cls.empty()
            strikes = tuple(_strike_from(s) for s in strikes_raw)
            recent = tuple(sorted(_finite(t) for t in recent_raw))[-MAX_RECENT_KEPT:]
            burst_last = _finite(data["burst_last"]) if data.get("burst_last") is not None else None
            case = RemovalCase.from_json(data.get("case"))
        except (TypeError, KeyError, ValueError, AttributeError):
            return cls.empty()
        return cls(strikes=_kept_strikes(strikes), recent=recent,
                   burst_last=burst_last, case=case)


@dataclass(frozen=True, slots=True)
class LostFoundReport:
    """An open lost or found report kept for matching against later ones."""

    report_id: str
    message_id: str
    sender_id: str
    kind: str  # lost | found
    item: str
    at: float  # sent_at, POSIX seconds
    sent_at: str  # sent_at as ISO text, as published
    keywords: tuple[str, ...] = ()  # a few descriptive words (colour, brand) for scoring a match

    def to_json(self) -> dict[str, Any]:
        return {
            "report_id": self.report_id, "message_id": self.message_id, "sender_id": self.sender_id,
            "kind": self.kind, "item": self.item, "at": self.at, "sent_at": self.sent_at,
            "keywords": list(self.keywords),
        }

    @classmethod
    def from_json(cls, d: Any) -> "LostFoundReport":
        if not isinstance(d, dict):
            raise ValueError("report is not an object")
        return cls(
            report_id=_text(d["report_id"]), message_id=_text(d["message_id"]),
            sender_id=_text(d["sender_id"]), kind=_text(d["kind"]), item=_text(d["item"]),
            at=_finite(d["at"]), sent_at=_text(d["sent_at"]),
            keywords=tuple(_text(k) for k in d.get("keywords", [])),
        )


@dataclass(frozen=True, slots=True)
class MessageNote:
    """What a ``correct`` action needs of a recent message: the model's word and whether it struck."""

    message_id: str
    sender_id: str
    category: str
    model_version: str
    struck: bool

    def to_json(self) -> list[Any]:
        return [self.message_id, self.sender_id, self.category, self.model_version, self.struck]

    @classmethod
    def from_json(cls, d: Any) -> "MessageNote":
        if not isinstance(d, list) or len(d) != 5 or not isinstance(d[4], bool):
            raise ValueError("note is not [message_id, sender_id, category, model_version, struck]")
        return cls(_text(d[0]), _text(d[1]), _text(d[2]), _text(d[3]), d[4])


def _bounded_add(items: tuple[str, ...], item: str, bound: int) -> tuple[str, ...]:
    if item in items:
        return items
    return (*items, item)[-bound:]


@dataclass(frozen=True, slots=True)
class GroupState:
    """Recently seen message ids (idempotency, oldest first), open lost/found reports, and what
    people decided: applied action ids (idempotency of actions), members recorded removed,
    exempt members, and notes on recent messages for corrections.

    ``seen`` is a :class:`~pipeline.domain.seen.SeenIds` (a tuple of ids is accepted and
    converted): checking and extending it is O(1), so a chain of judgements does not copy
    the id window per message.
    """

    seen: SeenIds = field(default_factory=SeenIds)
    reports: tuple[LostFoundReport, ...] = ()
    actions: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    exempt: tuple[str, ...] = ()
    notes: tuple[MessageNote, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.seen, SeenIds):
            object.__setattr__(self, "seen", SeenIds(self.seen))

    @classmethod
    def empty(cls) -> "GroupState":
        return cls()

    def has_seen(self, message_id: str) -> bool:
        return message_id in self.seen

    def with_seen(self, message_id: str, bound: int) -> "GroupState":
        """Remember ``message_id``, dropping the oldest ids beyond ``bound``."""
        return replace(self, seen=self.seen.add(message_id, bound))

    def judged(self, note: "MessageNote", bound: int) -> "GroupState":
        """The state after judging a new message: its id seen (oldest dropped beyond ``bound``)
        and its note kept (one construction: it is on every message's path)."""
        return GroupState(self.seen.add(note.message_id, bound), self.reports, self.actions, self.removed,
                          self.exempt, (*self.notes[-(MAX_NOTES - 1):], note))

    def with_reports(self, reports: Iterable[LostFoundReport]) -> "GroupState":
        return replace(self, reports=tuple(reports)[-MAX_OPEN_REPORTS:])

    # -- what people decided (moderation.actions) --------------------------------------------
    def has_applied(self, action_id: str) -> bool:
        return action_id in self.actions

    def with_applied(self, action_id: str) -> "GroupState":
        return replace(self, actions=_bounded_add(self.actions, action_id, MAX_ACTION_IDS))

    def is_removed(self, member_id: str) -> bool:
        return member_id in self.removed

    def with_removed(self, member_id: str) -> "GroupState":
        return replace(self, removed=_bounded_add(self.removed, member_id, MAX_MEMBER_MARKS))

    def is_exempt(self, member_id: str) -> bool:
        return member_id in self.exempt

    def with_exempt(self, member_id: str, exempt: bool) -> "GroupState":
        if exempt:
            return replace(self, exempt=_bounded_add(self.exempt, member_id, MAX_MEMBER_MARKS))
        return replace(self, exempt=tuple(m for m in self.exempt if m != member_id))

    def note(self, message_id: str) -> MessageNote | None:
        for n in reversed(self.notes):
            if n.message_id == message_id:
                return n
        return None

    def with_note(self, note: MessageNote) -> "GroupState":
        """Remember a newly judged message (its id is new: judge never records a duplicate)."""
        return replace(self, notes=(*self.notes[-(MAX_NOTES - 1):], note))

    def with_note_replaced(self, note: MessageNote) -> "GroupState":
        return replace(self, notes=tuple(note if n.message_id == note.message_id else n for n in self.notes))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"v": STATE_VERSION, "seen": list(self.seen),
                               "reports": [r.to_json() for r in self.reports]}
        if self.actions:
            out["actions"] = list(self.actions)
        if self.removed:
            out["removed"] = list(self.removed)
        if self.exempt:
            out["exempt"] = list(self.exempt)
        if self.notes:
            out["notes"] = [n.to_json() for n in self.notes]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "GroupState":
        if not isinstance(data, dict):
            return cls.empty()
        try:
            seen_raw, reports_raw = data.get("seen", []), data.get("reports", [])
            lists = [data.get(k, []) for k in ("actions", "removed", "exempt", "notes")]
            if not all(isinstance(x, list) for x in (seen_raw, reports_raw, *lists)):
                return cls.empty()
            seen = tuple(_text(s) for s in seen_raw)
            reports = tuple(LostFoundReport.from_json(r) for r in reports_raw)
            actions, removed, exempt = (tuple(_text(x) for x in raw) for raw in lists[:3])
            notes = tuple(MessageNote.from_json(n) for n in lists[3])
        except (TypeError, KeyError, ValueError, AttributeError):
            return cls.empty()
        return cls(seen=seen, reports=reports[-MAX_OPEN_REPORTS:], actions=actions[-MAX_ACTION_IDS:],
                   removed=removed[-MAX_MEMBER_MARKS:], exempt=exempt[-MAX_MEMBER_MARKS:], notes=notes[-MAX_NOTES:])
