"""Re-notifying officers of urgent cases nobody acknowledged in time (README, "Inbox").

Every ``BINHYEN_INBOX_OVERDUE_CHECK_SECONDS`` the inbox looks for urgent escalations still open
``BINHYEN_INBOX_ACK_MINUTES`` after they were published. Round ``n`` of a case is due once it has
been open ``n`` ack deadlines; at most ``BINHYEN_INBOX_REMINDER_ROUNDS`` rounds. Each due round is ONE
record on ``moderation.reminders`` (id ``<escalation_id>:reminder:<n>``), which ``binhyen deliver``
sends to the officers; the inbox notes the round in its ``reminders`` table after the broker took it,
so a restart does not send it again (and deliver's delivery log drops a repeat of the same id anyway).
After a long outage only the newest due round is sent, never a burst of the missed ones.

The record carries no text and no informant: officers open the inbox for those.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable

import orjson
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from pipeline.domain.groups import GroupsConfig
from pipeline.inbox import metrics
from pipeline.inbox.models import Case, Escalation, Reminder
from pipeline.kafka import clients, topics
from pipeline.settings import Settings

log = logging.getLogger("binhyen.inbox.reminders")
SEND_TIMEOUT = 15.0  # seconds for one reminder to be acknowledged by the broker


def reminder_id(escalation_id: str, round_: int) -> str:
    return f"{escalation_id}:reminder:{round_}"


def due_round(since: datetime | None, now: datetime, ack_minutes: float, rounds: int, last_sent: int) -> int | None:
    """The round to send now for a case open since ``since`` (None: nothing to send).

    Round n is due when the case has been open more than n ack deadlines (n >= 1, n <= rounds);
    only a round newer than ``last_sent`` is sent."""
    if since is None or rounds <= 0 or ack_minutes <= 0:
        return None
    ack = timedelta(minutes=ack_minutes)
    elapsed = now - since
    if elapsed <= ack:
        return None
    n = min(rounds, int(elapsed / ack))
    return n if n > last_sent else None


def reminder_record(esc: Escalation, case: Case | None, round_: int, now: datetime, ack_minutes: float,
                    groups: GroupsConfig) -> dict[str, Any]:
    """The moderation.reminders record (``now`` naive UTC like the database's times; ``at`` in the
    group's time zone, like the worker's records)."""
    since = esc.published_at or esc.sent_at
    overdue = (now - since - timedelta(minutes=ack_minutes)).total_seconds() if since else 0.0
    officers = [p for p in esc.route_to or () if isinstance(p, str) and p] or list(groups.for_group(esc.group_id).route_to)
    if case is not None and case.assigned_to:  # the officer it was assigned to first
        officers = [case.assigned_to, *officers]
    return {
        "reminder_id": reminder_id(esc.escalation_id, round_),
        "escalation_id": esc.escalation_id,
        "group_id": esc.group_id,
        "message_id": esc.message_id,
        "priority": "urgent",
        "round": round_,
        "overdue_seconds": max(0, int(overdue)),
        "route_to": list(dict.fromkeys(officers)),
        "at": now.replace(tzinfo=timezone.utc).astimezone(groups.for_group(esc.group_id).tz).isoformat(),
    }


def due_reminders(maker: sessionmaker[Session], ack_minutes: float, rounds: int, groups: GroupsConfig,
                  now: datetime | None = None) -> list[dict[str, Any]]:
    """One record per urgent, still-open case whose next round is due (reads the database only)."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    if rounds <= 0:
        return []
    with maker() as session:
        sent = dict(session.execute(select(Reminder.escalation_id, func.max(Reminder.round))
                                    .group_by(Reminder.escalation_id)).all())
        rows = session.execute(
            select(Escalation, Case).outerjoin(Case, Case.case_id == Escalation.escalation_id)
            .where(Escalation.priority == "urgent").order_by(Escalation.escalation_id)).all()
    out = []
    for esc, case in rows:
        if case is not None and case.status != "open":  # acknowledged, resolved, not a tip
            continue
        n = due_round(esc.published_at or esc.sent_at, now, ack_minutes, rounds, int(sent.get(esc.escalation_id) or 0))
        if n is not None:
            out.append(reminder_record(esc, case, n, now, ack_minutes, groups))
    return out


def mark_sent(maker: sessionmaker[Session], records: Iterable[dict[str, Any]], now: datetime | None = None) -> None:
    """Note the rounds the broker took (idempotent: a round already noted is left as it is)."""
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    with maker.begin() as session:
        for rec in records:
            if session.get(Reminder, rec["reminder_id"]) is None:
                session.add(Reminder(reminder_id=rec["reminder_id"], escalation_id=rec["escalation_id"],
                                     group_id=rec["group_id"], round=rec["round"], sent_at=now))


class ReminderSender:
    """Produces reminders to moderation.reminders (key = group_id), through the client factory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.producer = None

    async def _ensure(self):
        if self.producer is None:
            from pipeline.kafka.admin import ensure_topics

            await ensure_topics(self.settings, names=[topics.REMINDERS], timeout=10.0)
            producer = clients.producer(self.settings)
            await asyncio.wait_for(producer.start(), SEND_TIMEOUT)
            self.producer = producer
        return self.producer

    async def __call__(self, record: dict[str, Any]) -> None:
        producer = await self._ensure()
        await asyncio.wait_for(producer.send_and_wait(topics.REMINDERS, orjson.dumps(record),
                                                      key=record["group_id"].encode()), SEND_TIMEOUT)

    async def stop(self) -> None:
        if self.producer is not None:
            with contextlib.suppress(Exception):
                await self.producer.stop()


async def remind_once(maker: sessionmaker[Session], settings: Settings, groups: GroupsConfig, send) -> int:
    """One check: send every due round, note each one the broker took. Returns how many were sent."""
    due = await asyncio.to_thread(due_reminders, maker, settings.inbox_ack_minutes,
                                  settings.inbox_reminder_rounds, groups)
    log.debug("reminder check: %d due", len(due))
    sent = 0
    for rec in due:
        try:
            await send(rec)
        except Exception as exc:  # noqa: BLE001 - the broker is away: the next check tries again
            log.warning("reminder %s not sent (%s); it and the %d after it are retried at the next check",
                        rec["reminder_id"], type(exc).__name__, len(due) - sent - 1)
            metrics.REMINDERS.labels(outcome="failed").inc()
            break  # the broker is away: do not wait out a timeout per case
        await asyncio.to_thread(mark_sent, maker, [rec])
        metrics.REMINDERS.labels(outcome="sent").inc()
        log.info("reminder sent: %s (round %d)", rec["reminder_id"], rec["round"])
        sent += 1
    return sent
