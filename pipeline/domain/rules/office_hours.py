"""Ordinary posts go in during office hours; urgent cases any time.

Judged on the message's local time in the group's zone. Holidays (Tết and the
national days off, plus provincial ones) are closed all day. An urgent message
is never warned, whatever the hour.
"""

from __future__ import annotations

from pipeline.domain.office_calendar import WEEKDAY_VI, clock, day_month_year
from pipeline.domain.rules.context import RuleContext, RuleOutcome, exempt_outcome

NAME = "office_hours"


def evaluate(ctx: RuleContext) -> RuleOutcome:
    if ctx.exempt:
        return exempt_outcome(NAME, ctx)
    local = ctx.local_time
    when = f"{clock(local)} {WEEKDAY_VI[local.weekday()]} {day_month_year(local)}"
    hours = ctx.group.office_hours
    if hours.is_open(local):
        return RuleOutcome(NAME, False, f"{when} inside office hours")
    if ctx.classification.urgent:
        return RuleOutcome(NAME, False, f"{when} outside office hours, but urgent")
    holiday = hours.holiday_name(local)
    if holiday:
        return RuleOutcome(NAME, True, f"{when} is a holiday ({holiday})")
    return RuleOutcome(NAME, True, f"{when} outside office hours")
