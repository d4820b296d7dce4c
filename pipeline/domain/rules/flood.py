"""Too many messages by one sender in one group in a short time.

Fires when this sender's messages in this group whose ``sent_at`` lie within
one window (``(end - 60 s, end]`` by default) number more than the limit, this
message included: with the default 5 per 60 s, the 6th message within 60 s
fires; further messages of the same burst (each within one window of the
previous over-limit message) do not fire again: one burst, one warning. Messages exactly
60 s apart are not within 60 s of each other. A message delivered late is
counted into the burst it belongs to (see ``SenderState.burst_with``).
"""

from __future__ import annotations

from pipeline.domain.rules.context import RuleContext, RuleOutcome, exempt_outcome

NAME = "flood"


def evaluate(ctx: RuleContext) -> RuleOutcome:
    if ctx.exempt:
        return exempt_outcome(NAME, ctx)
    limit = ctx.group.flood
    detail = f"{ctx.recent_count} message(s) in {limit.window_seconds:g} s (limit {limit.max_messages})"
    over = ctx.recent_count > limit.max_messages
    if over and ctx.burst_continues:
        return RuleOutcome(NAME, False, detail + "; same burst as an earlier flood")
    return RuleOutcome(NAME, over, detail)
