"""The inbox's tables. Every row is derived from a topic record and keyed by that record's id,
so projecting the same record twice changes nothing and a rebuild from the topics gives the same rows.

Times are stored as naive UTC ``DateTime`` (SQLite keeps no offset); ``*_raw`` keeps the record's text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Escalation(Base):
    """A tip for officers (moderation.escalations). Carries the informant and the text: officers only."""

    __tablename__ = "escalations"
    escalation_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    group_name: Mapped[str] = mapped_column(String(300), default="")
    district: Mapped[str] = mapped_column(String(200), default="", index=True)
    message_id: Mapped[str] = mapped_column(String(200))
    priority: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    sender_id: Mapped[str] = mapped_column(String(200), default="")
    sender_role: Mapped[str] = mapped_column(String(20), default="member")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    sent_at_raw: Mapped[str] = mapped_column(String(64), default="")
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    reasons: Mapped[list] = mapped_column(JSON, default=list)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    model_version: Mapped[str] = mapped_column(String(200), default="")
    route_to: Mapped[list] = mapped_column(JSON, default=list)
    route_district: Mapped[str] = mapped_column(String(200), default="")
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # Kafka record timestamp


class Case(Base):
    """What people did with an escalation or a lost-and-found report (from moderation.actions)."""

    __tablename__ = "cases"
    case_id: Mapped[str] = mapped_column(String(300), primary_key=True)  # escalation_id or report_id
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open|acknowledged|resolved|not_tip|returned
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    acknowledged_by: Mapped[str] = mapped_column(String(200), default="")
    assigned_to: Mapped[str] = mapped_column(String(200), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    resolved_by: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    last_action_id: Mapped[str] = mapped_column(String(200), default="")


class Warning(Base):
    """moderation.warnings: ``kind`` warning, pardoned or withdrawn."""

    __tablename__ = "warnings"
    warning_id: Mapped[str] = mapped_column(String(400), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), default="warning")
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    message_id: Mapped[str] = mapped_column(String(200), default="", index=True)
    sender_id: Mapped[str] = mapped_column(String(200), default="", index=True)
    rule: Mapped[str | None] = mapped_column(String(50), nullable=True)
    rules: Mapped[list] = mapped_column(JSON, default=list)
    action: Mapped[str] = mapped_column(String(50), default="")
    strike_count: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    notice_vi: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    action_id: Mapped[str] = mapped_column(String(200), default="", index=True)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class LostFound(Base):
    __tablename__ = "lost_found"
    report_id: Mapped[str] = mapped_column(String(300), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    message_id: Mapped[str] = mapped_column(String(200), default="")
    sender_id: Mapped[str] = mapped_column(String(200), default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    kind: Mapped[str] = mapped_column(String(20), default="")
    item: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    match: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class Decision(Base):
    """moderation.decisions: no text; for charts (messages per day by category) and review state."""

    __tablename__ = "decisions"
    decision_id: Mapped[str] = mapped_column(String(400), primary_key=True)  # group_id:message_id
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    message_id: Mapped[str] = mapped_column(String(200))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    day: Mapped[str] = mapped_column(String(10), default="", index=True)  # local date of sent_at
    category: Mapped[str] = mapped_column(String(30), default="")
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    model_version: Mapped[str] = mapped_column(String(200), default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    rules_fired: Mapped[list] = mapped_column(JSON, default=list)
    actions: Mapped[list] = mapped_column(JSON, default=list)
    sender_role: Mapped[str] = mapped_column(String(20), default="")


class Review(Base):
    """moderation.review: a message the classifier was unsure of. Carries the text."""

    __tablename__ = "reviews"
    review_id: Mapped[str] = mapped_column(String(400), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    message_id: Mapped[str] = mapped_column(String(200))
    sender_id: Mapped[str] = mapped_column(String(200), default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    category: Mapped[str] = mapped_column(String(30), default="")
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    scores: Mapped[dict] = mapped_column(JSON, default=dict)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    model_version: Mapped[str] = mapped_column(String(200), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class Feedback(Base):
    __tablename__ = "feedback"
    feedback_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    action_id: Mapped[str] = mapped_column(String(200), default="", index=True)
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    message_id: Mapped[str] = mapped_column(String(200), default="")
    model_category: Mapped[str] = mapped_column(String(30), default="")
    person_category: Mapped[str] = mapped_column(String(30), default="")
    actor_id: Mapped[str] = mapped_column(String(200), default="")
    actor_role: Mapped[str] = mapped_column(String(20), default="")
    model_version: Mapped[str] = mapped_column(String(200), default="")
    corrected_at: Mapped[str] = mapped_column(String(64), default="")


class Delivery(Base):
    __tablename__ = "deliveries"
    delivery_id: Mapped[str] = mapped_column(String(400), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(400), default="")
    topic: Mapped[str] = mapped_column(String(100), default="")
    channel: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(20), default="")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[str] = mapped_column(String(64), default="")


class AuditEntry(Base):
    """Who did what: one row per moderation.actions record. Append-only (triggers refuse UPDATE/DELETE)."""

    __tablename__ = "audit_log"
    action_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    group_id: Mapped[str] = mapped_column(String(200), index=True)
    action: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[str] = mapped_column(String(200), default="")
    actor_role: Mapped[str] = mapped_column(String(20), default="")
    requested_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    requested_at_raw: Mapped[str] = mapped_column(String(64), default="")
    member_id: Mapped[str] = mapped_column(String(200), default="")
    rule: Mapped[str] = mapped_column(String(50), default="")
    message_id: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(30), default="")
    case_id: Mapped[str] = mapped_column(String(300), default="")
    assignee: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


#: Projected tables in a stable order (rebuild comparisons, dumps).
PROJECTED = (Escalation, Case, Warning, LostFound, Decision, Review, Feedback, Delivery, AuditEntry)


class Reminder(Base):
    """A re-notification round the inbox produced to moderation.reminders (not projected: the inbox's own
    record of what it sent, so a restart does not send the same round again)."""

    __tablename__ = "reminders"
    reminder_id: Mapped[str] = mapped_column(String(400), primary_key=True)  # <escalation_id>:reminder:<n>
    escalation_id: Mapped[str] = mapped_column(String(300), index=True)
    group_id: Mapped[str] = mapped_column(String(200))
    round: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(DateTime)
