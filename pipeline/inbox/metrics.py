"""The inbox's Prometheus instruments. Labels are topics, reasons, roles and outcomes only:
never a text, a sender, a group or an account name."""

from __future__ import annotations

from prometheus_client import Counter, Gauge

RECORDS_PROJECTED = Counter(
    "binhyen_inbox_records_projected_total", "Topic records written to the inbox database.", ["topic"])
RECORDS_SKIPPED = Counter(
    "binhyen_inbox_records_skipped_total", "Topic records the inbox could not use.", ["topic", "reason"])
ACTIONS = Counter(
    "binhyen_inbox_actions_total", "People's actions produced to moderation.actions.", ["action", "role"])
ACTION_ERRORS = Counter(
    "binhyen_inbox_action_errors_total", "Actions that could not be produced (broker unavailable).")
LOGINS = Counter(
    "binhyen_inbox_logins_total", "Login attempts by outcome.", ["outcome"])
CSRF_REJECTED = Counter(
    "binhyen_inbox_csrf_rejected_total", "Form posts refused for a missing or wrong CSRF token.")
URGENT_UNACKNOWLEDGED = Gauge(
    "binhyen_inbox_urgent_unacknowledged_overdue",
    "Urgent escalations not acknowledged within BINHYEN_INBOX_ACK_MINUTES (re-notify these).")
