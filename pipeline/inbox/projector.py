"""Topic records -> database rows.

:func:`project` applies one record (pure database work, no Kafka): every table is keyed by
the record's own id and written as an upsert, so the same record twice changes nothing and
projecting the topics again, into this database or a fresh one, gives the same rows.
:class:`Projector` is the inbox's consumer (its own consumer group): it commits the database
first and the Kafka offsets after, so a crash in between only replays records (harmless).
:func:`rebuild` reads every topic from the beginning to its real end into a database.

People's actions (``moderation.actions``) are projected too: into the append-only audit log
and into ``cases`` (acknowledge, assign, resolve, not a tip, returned), so the officers'
workflow survives a rebuild. An action already in the audit log is not applied again.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

import orjson
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from pipeline.inbox import metrics
from pipeline.inbox.models import (AuditEntry, Case, Decision, Delivery, Escalation, Feedback, LostFound,
                                   Review, Warning)
from pipeline.kafka import clients, topics
from pipeline.settings import Settings

log = logging.getLogger("binhyen.inbox.projector")

#: Every topic the inbox reads, in the order a rebuild applies them.
TOPICS = (topics.ESCALATIONS, topics.WARNINGS, topics.LOST_FOUND, topics.DECISIONS, topics.REVIEW,
          topics.FEEDBACK, topics.DELIVERIES, topics.ACTIONS)

#: Actions the inbox itself carries out on ``cases`` (the worker's are pardon, confirm_removal, correct…).
CASE_ACTIONS = ("acknowledge", "assign", "resolve", "returned")


class BadRecord(ValueError):
    """A record the inbox cannot use (skipped and counted, never crashes the projector)."""


def utc(value: Any) -> datetime | None:
    """An RFC 3339 text -> naive UTC datetime (None when absent or unreadable)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed
    return parsed.astimezone(timezone.utc).replace(tzinfo=None)


def from_millis(ms: int | None) -> datetime | None:
    if not ms:
        return None
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).replace(tzinfo=None)


def _s(rec: dict, key: str, default: str = "") -> str:
    value = rec.get(key)
    return value if isinstance(value, str) else default


def _need(rec: dict, key: str) -> str:
    value = rec.get(key)
    if not isinstance(value, str) or not value:
        raise BadRecord(f"missing {key}")
    return value


def _confidence(rec: dict, category: str | None = None) -> float | None:
    value = rec.get("confidence")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    scores = rec.get("scores")
    if isinstance(scores, dict) and scores:
        numbers = [float(v) for v in scores.values() if isinstance(v, (int, float))]
        if category and isinstance(scores.get(category), (int, float)):
            return float(scores[category])
        return max(numbers) if numbers else None
    return None


def _upsert(session: Session, row: Any) -> None:
    session.merge(row)


def _escalation(session: Session, rec: dict, ts: int | None) -> None:
    esc_id = _need(rec, "escalation_id")
    _upsert(session, Escalation(
        escalation_id=esc_id, group_id=_need(rec, "group_id"), group_name=_s(rec, "group_name"),
        district=_s(rec, "district"), message_id=_s(rec, "message_id"),
        priority="urgent" if rec.get("priority") == "urgent" else "normal",
        text=_s(rec, "text"), sender_id=_s(rec, "sender_id"), sender_role=_s(rec, "sender_role", "member"),
        sent_at=utc(rec.get("sent_at")), sent_at_raw=_s(rec, "sent_at"),
        attachments=[a for a in rec.get("attachments") or [] if isinstance(a, dict)],
        reasons=[str(r) for r in rec.get("reasons") or []],
        scores=rec.get("scores") if isinstance(rec.get("scores"), dict) else {},
        confidence=_confidence(rec, "tip"), model_version=_s(rec, "model_version"),
        route_to=[str(r) for r in rec.get("route_to") or []], route_district=_s(rec, "route_district"),
        published_at=from_millis(ts)))
    if session.get(Case, esc_id) is None:
        session.add(Case(case_id=esc_id, group_id=rec["group_id"], status="open"))


def _warning(session: Session, rec: dict, ts: int | None) -> None:
    strike = rec.get("strike_count")
    _upsert(session, Warning(
        warning_id=_need(rec, "warning_id"), kind=_s(rec, "kind", "warning") or "warning",
        group_id=_need(rec, "group_id"), message_id=_s(rec, "message_id"), sender_id=_s(rec, "sender_id"),
        rule=rec.get("rule") if isinstance(rec.get("rule"), str) else None,
        rules=[str(r) for r in rec.get("rules") or ([rec["rule"]] if isinstance(rec.get("rule"), str) else [])],
        action=_s(rec, "action"), strike_count=strike if isinstance(strike, int) else 0,
        sent_at=utc(rec.get("sent_at")), notice_vi=_s(rec, "notice_vi"), confidence=_confidence(rec),
        action_id=_s(rec, "action_id"), published_at=from_millis(ts)))


def _lost_found(session: Session, rec: dict, ts: int | None) -> None:
    report_id = _need(rec, "report_id")
    _upsert(session, LostFound(
        report_id=report_id, group_id=_need(rec, "group_id"), message_id=_s(rec, "message_id"),
        sender_id=_s(rec, "sender_id"), sent_at=utc(rec.get("sent_at")), kind=_s(rec, "kind"),
        item=_s(rec, "item"), text=_s(rec, "text"),
        match=rec.get("match") if isinstance(rec.get("match"), dict) else None))
    if session.get(Case, report_id) is None:
        session.add(Case(case_id=report_id, group_id=rec["group_id"], status="open"))


def _decision(session: Session, rec: dict, ts: int | None) -> None:
    group, mid = _need(rec, "group_id"), _need(rec, "message_id")
    raw = _s(rec, "sent_at")
    try:
        day = datetime.fromisoformat(raw.replace("Z", "+00:00")).date().isoformat() if raw else ""
    except ValueError:
        day = ""
    fired = [r.get("rule") for r in rec.get("rules") or [] if isinstance(r, dict) and r.get("fired")]
    _upsert(session, Decision(
        decision_id=f"{group}:{mid}", group_id=group, message_id=mid, sent_at=utc(raw), day=day,
        category=_s(rec, "category"), urgent=bool(rec.get("urgent")),
        confidence=_confidence(rec, _s(rec, "category")), model_version=_s(rec, "model_version"),
        needs_review=bool(rec.get("needs_review")), rules_fired=[str(r) for r in fired if r],
        actions=[str(a) for a in rec.get("actions") or []], sender_role=_s(rec, "sender_role")))


def _review(session: Session, rec: dict, ts: int | None) -> None:
    group, mid = _need(rec, "group_id"), _need(rec, "message_id")
    _upsert(session, Review(
        review_id=_s(rec, "review_id") or f"{group}:{mid}", group_id=group, message_id=mid,
        sender_id=_s(rec, "sender_id"), sent_at=utc(rec.get("sent_at")), category=_s(rec, "category"),
        urgent=bool(rec.get("urgent")), scores=rec.get("scores") if isinstance(rec.get("scores"), dict) else {},
        confidence=_confidence(rec, _s(rec, "category")), model_version=_s(rec, "model_version"),
        text=_s(rec, "text")))


def _feedback(session: Session, rec: dict, ts: int | None) -> None:
    _upsert(session, Feedback(
        feedback_id=_s(rec, "feedback_id") or _need(rec, "action_id"), action_id=_s(rec, "action_id"),
        group_id=_need(rec, "group_id"), message_id=_s(rec, "message_id"),
        model_category=_s(rec, "model_category"), person_category=_s(rec, "person_category"),
        actor_id=_s(rec, "actor_id"), actor_role=_s(rec, "actor_role"), model_version=_s(rec, "model_version"),
        corrected_at=_s(rec, "corrected_at")))


def _delivery(session: Session, rec: dict, ts: int | None) -> None:
    attempts = rec.get("attempts")
    _upsert(session, Delivery(
        delivery_id=_need(rec, "delivery_id"), record_id=_s(rec, "record_id"), topic=_s(rec, "topic"),
        channel=_s(rec, "channel"), status=_s(rec, "status"),
        attempts=attempts if isinstance(attempts, int) else 0, error=_s(rec, "error")[:2000], at=_s(rec, "at")))


def apply_action(session: Session, rec: dict) -> bool:
    """One person's action: an audit row (append-only) and its effect on ``cases``.

    Returns False (and changes nothing) when the action is already in the audit log."""
    action_id = _need(rec, "action_id")
    action = _need(rec, "action")
    group = _need(rec, "group_id")
    if session.get(AuditEntry, action_id) is not None:
        return False
    at = utc(rec.get("requested_at"))
    entry = AuditEntry(
        action_id=action_id, group_id=group, action=action[:40], actor_id=_s(rec, "actor_id"),
        actor_role=_s(rec, "actor_role"), requested_at=at, requested_at_raw=_s(rec, "requested_at"),
        member_id=_s(rec, "member_id"), rule=_s(rec, "rule"), message_id=_s(rec, "message_id"),
        category=_s(rec, "category"), case_id=_s(rec, "case_id"), assignee=_s(rec, "assignee"),
        note=_s(rec, "note")[:4000])
    session.add(entry)
    case_id = entry.case_id
    if not case_id:
        return True
    case = session.get(Case, case_id)
    if case is None:  # the action's record arrives later in a rebuild: keep the state anyway
        case = Case(case_id=case_id, group_id=group, status="open")
        session.add(case)
    if case.group_id != group:
        return True  # an action naming another group's case changes nothing
    actor = entry.actor_id
    if action == "acknowledge":
        if case.acknowledged_at is None:
            case.acknowledged_at, case.acknowledged_by = at, actor
        if case.status == "open":
            case.status = "acknowledged"
    elif action == "assign":
        case.assigned_to = entry.assignee
    elif action in ("resolve", "correct", "returned"):
        if case.acknowledged_at is None:
            case.acknowledged_at, case.acknowledged_by = at, actor
        case.status = {"resolve": "resolved", "correct": "not_tip", "returned": "returned"}[action]
        case.resolved_at, case.resolved_by = at, actor
        if entry.note:
            case.note = entry.note
    case.last_action_id = action_id
    return True


_HANDLERS: dict[str, Callable[[Session, dict, int | None], None]] = {
    topics.ESCALATIONS: _escalation,
    topics.WARNINGS: _warning,
    topics.LOST_FOUND: _lost_found,
    topics.DECISIONS: _decision,
    topics.REVIEW: _review,
    topics.FEEDBACK: _feedback,
    topics.DELIVERIES: _delivery,
    topics.ACTIONS: lambda s, r, ts: apply_action(s, r) and None,
}


def project(session: Session, topic: str, value: bytes | dict, timestamp_ms: int | None = None) -> bool:
    """Apply one record; False (counted, logged without content) when it is unusable."""
    handler = _HANDLERS.get(topic)
    if handler is None:
        return False
    try:
        rec = orjson.loads(value) if isinstance(value, (bytes, bytearray, memoryview, str)) else value
        if not isinstance(rec, dict):
            raise BadRecord("not a JSON object")
        with session.begin_nested():
            handler(session, rec, timestamp_ms)
    except IntegrityError:
        # the same id written meanwhile by the web side (an action recorded as it was made): already there
        metrics.RECORDS_PROJECTED.labels(topic=topic).inc()
        return True
    except (BadRecord, orjson.JSONDecodeError, TypeError, ValueError) as exc:
        reason = "bad_json" if isinstance(exc, orjson.JSONDecodeError) else "bad_record"
        metrics.RECORDS_SKIPPED.labels(topic=topic, reason=reason).inc()
        log.warning("skipped a record on %s: %s", topic, reason)
        return False
    metrics.RECORDS_PROJECTED.labels(topic=topic).inc()
    return True


def apply_records(maker: sessionmaker[Session], records: Iterable[tuple[str, bytes, int | None]]) -> int:
    """Apply (topic, value, timestamp_ms) records in one transaction; the number applied."""
    applied = 0
    with maker() as session:
        for topic, value, ts in records:
            applied += project(session, topic, value, ts)
        session.commit()
    return applied


class Projector:
    """The inbox's consumer: records -> rows, database commit before offset commit."""

    def __init__(self, settings: Settings, maker: sessionmaker[Session], *, group_id: str | None = None) -> None:
        self.settings = settings
        self.maker = maker
        self.group_id = group_id or f"{settings.app_id}-inbox"
        self.consumer = None
        self.ready = asyncio.Event()

    async def run(self) -> None:
        from pipeline.kafka.admin import ensure_topics

        while True:
            try:
                await ensure_topics(self.settings, names=TOPICS)
                break
            except Exception as exc:  # noqa: BLE001 - the broker may come up after us
                log.warning("topics not ready (%s); retrying", type(exc).__name__)
                await asyncio.sleep(2)
        consumer = clients.consumer(self.settings, *TOPICS, group_id=self.group_id)
        self.consumer = consumer
        await consumer.start()
        self.ready.set()
        try:
            while True:
                batch = await consumer.getmany(timeout_ms=500, max_records=1000)
                if not batch:
                    continue
                records = [(tp.topic, r.value, r.timestamp) for tp, rs in batch.items() for r in rs]
                await asyncio.to_thread(apply_records, self.maker, records)
                await consumer.commit()
        finally:
            await consumer.stop()


async def rebuild(settings: Settings, maker: sessionmaker[Session], *, idle_polls: int = 3) -> int:
    """Read every inbox topic from the beginning to its real end (group-less) into the database.

    Reads past the reported end offsets until ``idle_polls`` polls in a row bring nothing
    (the embedded broker reports the end of a batch one short)."""
    from aiokafka import TopicPartition
    from pipeline.kafka.admin import ensure_topics

    await ensure_topics(settings, names=TOPICS)
    consumer = clients.consumer(settings, group_id=None)
    await consumer.start()
    total = 0
    try:
        parts = [TopicPartition(t, p) for t in TOPICS for p in sorted(consumer.partitions_for_topic(t) or ())]
        consumer.assign(parts)
        await consumer.seek_to_beginning(*parts)
        ends = await consumer.end_offsets(parts)
        idle = 0
        while True:
            batch = await consumer.getmany(timeout_ms=500, max_records=2000)
            if batch:
                idle = 0
                records = [(tp.topic, r.value, r.timestamp) for tp, rs in batch.items() for r in rs]
                total += await asyncio.to_thread(apply_records, maker, records)
                continue
            behind = False
            for tp in parts:
                if await consumer.position(tp) < ends[tp]:
                    behind = True
            idle = 0 if behind else idle + 1
            if idle >= idle_polls:
                return total
    finally:
        await consumer.stop()
