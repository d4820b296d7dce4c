"""Topic names of the contract (``shared/contract.md``). Every topic is keyed by ``group_id``."""

from __future__ import annotations

INPUT = "chat.messages"
DECISIONS = "moderation.decisions"
WARNINGS = "moderation.warnings"
ESCALATIONS = "moderation.escalations"
LOST_FOUND = "moderation.lost-found"
DEAD_LETTER = "moderation.dead-letter"
ACTIONS = "moderation.actions"  # input: people's actions (CLI, inbox) on a group's state
FEEDBACK = "moderation.feedback"  # output: people's corrections of decisions, for retraining
DELIVERIES = "moderation.deliveries"  # output of ``binhyen deliver``: one record per delivery outcome
REVIEW = "moderation.review"  # output: decisions the classifier was not sure of, for a person to look at
REMINDERS = "moderation.reminders"  # output of ``binhyen inbox``: urgent cases not acknowledged in time

#: Largest record binhyen produces or fetches (bytes): a dead letter carries up to 2 MiB of
#: original value as base64. Every producer and consumer of the project uses this one limit.
MAX_RECORD_BYTES = 4 * 1024 * 1024

OUTPUTS = (DECISIONS, WARNINGS, ESCALATIONS, LOST_FOUND, DEAD_LETTER, FEEDBACK, REVIEW)  # the worker's
INPUTS = (INPUT, ACTIONS)
ALL = (INPUT, *OUTPUTS, ACTIONS, DELIVERIES, REMINDERS)

#: The short names ``binhyen tail`` accepts, mapped to full topic names.
SHORT_NAMES = {
    "messages": INPUT,
    "decisions": DECISIONS,
    "warnings": WARNINGS,
    "escalations": ESCALATIONS,
    "lost-found": LOST_FOUND,
    "dead-letter": DEAD_LETTER,
    "actions": ACTIONS,
    "feedback": FEEDBACK,
    "deliveries": DELIVERIES,
    "review": REVIEW,
    "reminders": REMINDERS,
}


def resolve(name: str) -> str:
    """Full topic name from a short name (``warnings``) or a full one."""
    if name in SHORT_NAMES:
        return SHORT_NAMES[name]
    if name in ALL:
        return name
    raise ValueError(f"unknown topic '{name}'; one of: {', '.join(SHORT_NAMES)}")
