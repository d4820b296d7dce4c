"""What a rule sees of one message, computed once by the engine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from pipeline.domain.classification import Category, Classification
from pipeline.domain.groups import GroupConfig
from pipeline.domain.message import Role


@dataclass(frozen=True, slots=True)
class RuleContext:
    group: GroupConfig
    role: Role
    classification: Classification
    local_time: datetime  # sent_at in the group's time zone
    recent_count: int  # largest burst of this sender's messages in one flood window, this one included
    burst_continues: bool = False  # the message continues a flood burst that was already judged
    exempt_member: bool = False  # a member exempted by a leader or officer (``exempt`` action)

    @property
    def exempt(self) -> bool:
        """Leaders, officers and exempted members are exempt from every rule."""
        return self.role is not Role.MEMBER or self.exempt_member

    @property
    def category(self) -> Category:
        return self.classification.category


class RuleOutcome(NamedTuple):
    """One rule's verdict on one message (a named tuple: four are made for every message, and a
    tuple is built several times faster than a frozen dataclass)."""

    rule: str
    fired: bool
    detail: str

    def to_record(self) -> dict[str, object]:
        return {"rule": self.rule, "fired": self.fired, "detail": self.detail}


def exempt_outcome(rule: str, ctx: RuleContext) -> RuleOutcome:
    who = ctx.role.value if ctx.role is not Role.MEMBER else "member exempted by the group's leaders"
    return RuleOutcome(rule, False, f"exempt: {who}")
