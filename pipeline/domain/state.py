"""What the engine remembers between messages, as immutable values with a JSON form.

``SenderState`` lives per (group_id, sender_id), ``GroupState`` per group_id; the
streaming layer stores both in Faust tables as JSON. ``from_json`` never
raises: a missing or damaged record becomes the empty state, because a lost
strike is better than a stuck partition.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

from pipeline.domain.seen import SeenIds
from pipeline.domain.strikes import MAX_STRIKES_KEPT, Strike

STATE_VERSION = 1
MAX_RECENT_KEPT = 64
"""Hard bound on stored flood timestamps, whatever a group's flood limit says."""
MAX_OPEN_REPORTS = 200
REPORT_WINDOW_SECONDS = 30 * 24 * 3600.0


def _finite(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
        raise ValueError("not a finite number")
    return float(x)


def _text(x: Any) -> str:
    if not isinstance(x, str):
        raise ValueError("not a string")
    return x


@dataclass(frozen=True, slots=True)
class SenderState:
    """Strikes still within the window, and recent ``sent_at`` instants for the flood rule.

    ``recent`` is sorted oldest first and bounded; times are POSIX seconds of ``sent_at``.
    """

    strikes: tuple[Strike, ...] = ()
    recent: tuple[float, ...] = ()

    @classmethod
    def empty(cls) -> "SenderState":
        return cls()

    def burst_with(self, now: float, window_seconds: float) -> int:
        """The most messages, a new one at ``now`` included, in any window ``(end - window, end]``
        that contains ``now``.

        In order, that is simply the window ending at ``now``; a message delivered
        late still counts into the burst it belongs to.
        """
        times = sorted((*self.recent, now))
        best = 0
        for end in times:
            if end < now or end - window_seconds >= now:
                continue
            best = max(best, sum(1 for t in times if end - window_seconds < t <= end))
        return best

    def with_message(self, now: float, keep: int) -> "SenderState":
        """Record one more message at ``now`` for the flood rule, keeping the newest ``keep``."""
        keep = max(1, min(keep, MAX_RECENT_KEPT))
        recent = tuple(sorted((*self.recent, now))[-keep:])
        return SenderState(strikes=self.strikes, recent=recent)

    def with_strikes(self, strikes: Iterable[Strike]) -> "SenderState":
        ordered = tuple(sorted(strikes, key=lambda s: s.at))[-MAX_STRIKES_KEPT:]
        return SenderState(strikes=ordered, recent=self.recent)

    def to_json(self) -> dict[str, Any]:
        return {
            "v": STATE_VERSION,
            "strikes": [{"at": s.at, "rule": s.rule, "message_id": s.message_id} for s in self.strikes],
            "recent": list(self.recent),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "SenderState":
        if not isinstance(data, dict):
            return cls.empty()
        try:
            strikes_raw, recent_raw = data.get("strikes", []), data.get("recent", [])
            if not isinstance(strikes_raw, list) or not isinstance(recent_raw, list):
                return cls.empty()
            strikes = tuple(
                Strike(at=_finite(s["at"]), rule=_text(s["rule"]), message_id=_text(s["message_id"]))
                for s in strikes_raw
            )
            recent = tuple(sorted(_finite(t) for t in recent_raw))[-MAX_RECENT_KEPT:]
        except (TypeError, KeyError, ValueError, AttributeError):
            return cls.empty()
        return cls(strikes=tuple(sorted(strikes, key=lambda s: s.at))[-MAX_STRIKES_KEPT:], recent=recent)


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
class GroupState:
    """Recently seen message ids (idempotency, oldest first) and open lost/found reports.

    ``seen`` is a :class:`~pipeline.domain.seen.SeenIds` (a tuple of ids is accepted and
    converted): checking and extending it is O(1), so a chain of judgements does not copy
    the id window per message.
    """

    seen: SeenIds = field(default_factory=SeenIds)
    reports: tuple[LostFoundReport, ...] = ()

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
        return GroupState(seen=self.seen.add(message_id, bound), reports=self.reports)

    def with_reports(self, reports: Iterable[LostFoundReport]) -> "GroupState":
        return GroupState(seen=self.seen, reports=tuple(reports)[-MAX_OPEN_REPORTS:])

    def to_json(self) -> dict[str, Any]:
        return {"v": STATE_VERSION, "seen": list(self.seen), "reports": [r.to_json() for r in self.reports]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> "GroupState":
        if not isinstance(data, dict):
            return cls.empty()
        try:
            seen_raw, reports_raw = data.get("seen", []), data.get("reports", [])
            if not isinstance(seen_raw, list) or not isinstance(reports_raw, list):
                return cls.empty()
            seen = tuple(_text(s) for s in seen_raw)
            reports = tuple(LostFoundReport.from_json(r) for r in reports_raw)
        except (TypeError, KeyError, ValueError, AttributeError):
            return cls.empty()
        return cls(seen=seen, reports=reports[-MAX_OPEN_REPORTS:])
