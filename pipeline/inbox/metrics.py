"""The inbox's Prometheus instruments (declared with every other one in ``pipeline/metrics.py``).
Labels are topics, reasons, roles and outcomes only: never a text, a sender, a group or an account."""

from __future__ import annotations

from pipeline.metrics import INBOX_ACTION_ERRORS as ACTION_ERRORS
from pipeline.metrics import INBOX_ACTIONS as ACTIONS
from pipeline.metrics import INBOX_CSRF_REJECTED as CSRF_REJECTED
from pipeline.metrics import INBOX_LOGINS as LOGINS
from pipeline.metrics import INBOX_RECORDS_PROJECTED as RECORDS_PROJECTED
from pipeline.metrics import INBOX_RECORDS_SKIPPED as RECORDS_SKIPPED
from pipeline.metrics import INBOX_REMINDERS as REMINDERS
from pipeline.metrics import INBOX_URGENT_UNACKNOWLEDGED as URGENT_UNACKNOWLEDGED

__all__ = ["ACTIONS", "ACTION_ERRORS", "CSRF_REJECTED", "LOGINS", "RECORDS_PROJECTED", "RECORDS_SKIPPED",
           "REMINDERS", "URGENT_UNACKNOWLEDGED"]
