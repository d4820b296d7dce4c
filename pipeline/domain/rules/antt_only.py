"""Only public security and order (ANTT) posts, and lost-and-found, belong in the group.

Fires for a member's message whose category the group does not allow. Spam is
left to its own rule so one ad is not struck twice for the same reason.
"""

from __future__ import annotations

from pipeline.domain.classification import Category
from pipeline.domain.rules.context import RuleContext, RuleOutcome, exempt_outcome

NAME = "antt_only"


def evaluate(ctx: RuleContext) -> RuleOutcome:
    if ctx.exempt:
        return exempt_outcome(NAME, ctx)
    category = ctx.category
    if category is Category.SPAM:
        return RuleOutcome(NAME, False, "spam is judged by the spam rule")
    allowed = ctx.group.allowed_categories
    if category in allowed:
        return RuleOutcome(NAME, False, f"category {category.value} allowed")
    return RuleOutcome(NAME, True, f"category {category.value} not in allowed {sorted(c.value for c in allowed)}")
