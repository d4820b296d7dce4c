"""The strike ladder: repeated violations within a window escalate the action.

A strike is counted per message: one message breaking two rules is one
strike that names both (``rules``; ``rule`` is the first of them in the
engine's rule order). Only strikes whose ``sent_at`` lies within the window before the
current message count; older ones are dropped from the sender's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Iterable

REMIND = "remind"
FINAL_WARNING = "final_warning"
REMOVE = "remove"
ACTIONS: tuple[str, ...] = (REMIND, FINAL_WARNING, REMOVE)

MAX_STRIKES_KEPT = 200
"""Bound on stored strikes per sender; far past the ladder's top, so counts stay right in practice."""


@dataclass(frozen=True, slots=True)
class Strike:
    at: float  # sent_at of the offending message, POSIX seconds
    rule: str  # the first rule the message broke
    message_id: str
    rules: tuple[str, ...] = ()  # every rule the message broke (``(rule,)`` when not given)

    def __post_init__(self) -> None:
        if not self.rules:
            object.__setattr__(self, "rules", (self.rule,))

    @property
    def all_rules(self) -> tuple[str, ...]:
        return self.rules or (self.rule,)

    def without(self, rule: str) -> "Strike | None":
        """This strike with ``rule`` taken out (a pardon for one rule); None when no rule is left."""
        left = tuple(r for r in self.all_rules if r != rule)
        if not left:
            return None
        return Strike(at=self.at, rule=left[0], message_id=self.message_id, rules=left)


@dataclass(frozen=True, slots=True)
class StrikePolicy:
    window: timedelta = timedelta(days=30)
    ladder: tuple[str, ...] = field(default=ACTIONS)

    def action_for(self, count: int) -> str:
        """The action for the ``count``-th strike (1-based), clamped at the ladder's last step."""
        if count < 1:
            raise ValueError("strike count starts at 1")
        return self.ladder[min(count, len(self.ladder)) - 1]

    def active(self, strikes: Iterable[Strike], now: float) -> tuple[Strike, ...]:
        """Strikes that still count at ``now``: those not older than the window.

        A strike from a message later than ``now`` (out-of-order delivery) is kept.
        """
        if not strikes:
            return ()
        horizon = now - self.window.total_seconds()
        return tuple(s for s in strikes if s.at > horizon)
