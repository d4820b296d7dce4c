"""The group rules, one module each. Every rule is a pure function of a ``RuleContext``.

``RULES`` fixes the order rules are evaluated and strikes are counted in.
"""

from __future__ import annotations

from typing import Callable

from pipeline.domain.rules import antt_only, flood, office_hours, spam
from pipeline.domain.rules.context import RuleContext, RuleOutcome

Rule = Callable[[RuleContext], RuleOutcome]

RULES: tuple[tuple[str, Rule], ...] = (
    (antt_only.NAME, antt_only.evaluate),
    (office_hours.NAME, office_hours.evaluate),
    (spam.NAME, spam.evaluate),
    (flood.NAME, flood.evaluate),
)
RULE_NAMES: tuple[str, ...] = tuple(name for name, _ in RULES)


def evaluate_all(ctx: RuleContext) -> tuple[RuleOutcome, ...]:
    return tuple([rule(ctx) for _, rule in RULES])


__all__ = ["RULES", "RULE_NAMES", "Rule", "RuleContext", "RuleOutcome", "evaluate_all"]
