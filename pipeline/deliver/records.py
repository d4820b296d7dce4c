"""Output records as the deliverer sees them: their ids, priorities and the delivery log record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from pipeline.kafka import topics

#: The topics ``binhyen deliver`` consumes.
CONSUMED = (topics.ESCALATIONS, topics.WARNINGS, topics.LOST_FOUND, topics.REVIEW, topics.REMINDERS)

#: Channel kinds: the only values of the ``channel`` metric label.
ZALO_CS = "zalo_cs"          # 1:1 message to a person following the OA (/v3.0/oa/message/cs)
ZALO_GROUP = "zalo_group"    # post in an OA-created group (/v3.0/oa/group/message)
ZALO_REMOVE = "zalo_remove"  # remove a member from an OA-created group (/v3.0/oa/group/removemembers)
WEBHOOK = "webhook"          # signed webhook (Standard Webhooks)
KINDS = (ZALO_CS, ZALO_GROUP, ZALO_REMOVE, WEBHOOK)

DELIVERED = "delivered"
PARKED = "parked"
DRY_RUN = "dry_run"
DONE_STATUSES = (DELIVERED, PARKED, DRY_RUN)

_ID_FIELDS = {
    topics.ESCALATIONS: "escalation_id",
    topics.WARNINGS: "warning_id",
    topics.LOST_FOUND: "report_id",
    topics.REVIEW: "review_id",
    topics.REMINDERS: "reminder_id",
}


def record_id(topic: str, value: dict[str, Any]) -> str | None:
    """The output record's own deterministic id (None when it has none)."""
    name = _ID_FIELDS.get(topic)
    ident = value.get(name) if name else None
    return ident if isinstance(ident, str) and ident else None


def priority(topic: str, value: dict[str, Any]) -> str:
    """``urgent`` for urgent escalations, urgent review cases and reminders of urgent cases, else ``normal`` (a metric label)."""
    if topic == topics.ESCALATIONS and value.get("priority") == "urgent":
        return "urgent"
    if topic == topics.REVIEW and value.get("urgent") is True:
        return "urgent"
    if topic == topics.REMINDERS and value.get("priority") == "urgent":
        return "urgent"
    return "normal"


@dataclass(frozen=True, slots=True)
class Delivery:
    """One thing to send for one record: on ``channel`` (unique per record), of ``kind``.

    ``payload`` is the JSON body (Zalo) or the record (webhook); ``problem`` set means the
    delivery cannot be made at all (no Zalo user id for a person...) and is parked at once."""

    record_id: str
    topic: str
    group_id: str
    kind: str
    channel: str
    target: str
    payload: dict[str, Any] = field(default_factory=dict)
    rank: int = 5  # lower goes first in its lane: urgent escalations 0
    problem: str = ""

    @property
    def delivery_id(self) -> str:
        return f"{self.record_id}:{self.channel}"


def delivery_record(d: Delivery, status: str, attempts: int, error: str = "",
                    at: datetime | None = None) -> dict[str, Any]:
    """The moderation.deliveries record (the agreed shape, plus ``group_id`` and ``kind``)."""
    return {
        "delivery_id": d.delivery_id,
        "record_id": d.record_id,
        "topic": d.topic,
        "channel": d.channel,
        "status": status,
        "attempts": attempts,
        "error": error or None,
        "at": (at or datetime.now(timezone.utc)).isoformat(),
        "group_id": d.group_id,
        "kind": d.kind,
    }
