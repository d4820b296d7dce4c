"""Office hours and public holidays, judged in the group's own time zone.

Rules are judged on the message's ``sent_at`` converted to the group's time zone,
never on processing time: a message replayed at noon that was posted at 22:00 is
still a 22:00 message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Mapping
from zoneinfo import ZoneInfo

WEEKDAY_NAMES: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_VI: tuple[str, ...] = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


@dataclass(frozen=True, slots=True)
class Period:
    """One office period of a day: ``start`` inclusive, ``end`` exclusive."""

    start: time
    end: time

    def contains(self, t: time) -> bool:
        return self.start <= t < self.end

    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True, slots=True)
class OfficeHours:
    """When a group takes ordinary (non-urgent) posts.

    ``days`` are ``datetime.weekday()`` numbers (Monday = 0). ``holidays`` maps a
    local date to its name; those dates are closed all day. ``workdays`` are
    make-up working days (a Saturday swapped for a bridge holiday) that are open
    even though their weekday is not in ``days``.
    """

    days: frozenset[int] = frozenset(range(5))
    periods: tuple[Period, ...] = (Period(time(7, 30), time(11, 30)), Period(time(13, 30), time(17, 0)))
    holidays: Mapping[date, str] = field(default_factory=dict)
    workdays: frozenset[date] = frozenset()
    _description: list[str] = field(default_factory=list, repr=False, compare=False)  # describe_vi, once
    # the last instant asked about and its answer: the rule and the escalation of one message ask
    # about the same ``local`` object, so the answer is worked out once per message
    _last: list = field(default_factory=lambda: [None, False], repr=False, compare=False)

    def holiday_name(self, local: datetime) -> str | None:
        return self.holidays.get(local.date())

    def is_open(self, local: datetime) -> bool:
        """True when ``local`` (already in the group's zone) falls in office hours."""
        last = self._last
        if last[0] is local:
            return last[1]
        answer = self._is_open(local)
        last[0], last[1] = local, answer
        return answer

    def _is_open(self, local: datetime) -> bool:
        d = local.date()
        if d in self.holidays:
            return False
        if local.weekday() not in self.days and d not in self.workdays:
            return False
        t = local.time()  # naive wall-clock time
        for p in self.periods:
            if p.start <= t < p.end:
                return True
        return False

    def describe_vi(self) -> str:
        """E.g. ``07:30-11:30, 13:30-17:00 từ Thứ Hai đến Thứ Sáu`` (worked out once per value)."""
        if not self._description:
            self._description.append(self._describe_vi())
        return self._description[0]

    def _describe_vi(self) -> str:
        hours = ", ".join(p.label() for p in self.periods)
        days = sorted(self.days)
        if days and days == list(range(days[0], days[-1] + 1)) and len(days) > 1:
            span = f"từ {WEEKDAY_VI[days[0]]} đến {WEEKDAY_VI[days[-1]]}"
        else:
            span = "các ngày " + ", ".join(WEEKDAY_VI[d] for d in days)
        return f"{hours} {span}"


def to_local(sent_at: datetime, tz: ZoneInfo) -> datetime:
    """``sent_at`` (timezone-aware, any offset) as wall-clock time in ``tz``."""
    if sent_at.tzinfo is None:
        raise ValueError("sent_at must be timezone-aware")
    return sent_at.astimezone(tz)


def clock(local: datetime) -> str:
    """``21:15`` (``%H:%M``, formatted from the fields: strftime costs several times more, and a
    message's time is formatted a few times over)."""
    return f"{local.hour:02d}:{local.minute:02d}"


def day_month_year(local: datetime) -> str:
    """``23/11/2026`` (``%d/%m/%Y``)."""
    return f"{local.day:02d}/{local.month:02d}/{local.year}"


def format_local_vi(local: datetime) -> str:
    """``21:15 ngày 23/11/2026`` — how a notice names the time of a message."""
    return f"{clock(local)} ngày {day_month_year(local)}"
