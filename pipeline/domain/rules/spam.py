"""Unsolicited commercial or deceptive content."""

from __future__ import annotations

from pipeline.domain.classification import Category
from pipeline.domain.rules.context import RuleContext, RuleOutcome, exempt_outcome

NAME = "spam"


def evaluate(ctx: RuleContext) -> RuleOutcome:
    if ctx.exempt:
        return exempt_outcome(NAME, ctx)
    if ctx.category is Category.SPAM:
        p = ctx.classification.scores.get(Category.SPAM.value)
        return RuleOutcome(NAME, True, "classified spam" + (f" (p={float(p):.2f})" if p is not None else ""))
    return RuleOutcome(NAME, False, f"category {ctx.category.value}")
