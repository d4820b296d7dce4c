"""Making log lines safe: no phone numbers, no long digit runs, no message text.

Logs travel further than the topics (to terminals, log shippers, bug reports),
and a tip's author must stay confidential, so log lines carry ids and sizes,
never what was written. ``redact`` is for the rare free text that must be
logged (an error detail, a config value).
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.domain.message import ChatMessage

PHONE_PLACEHOLDER = "<phone>"
NUMBER_PLACEHOLDER = "<number>"

# Vietnamese phone numbers: 0 or +84 / 84 / 0084, then 8-10 more digits, optionally
# grouped by single spaces, dots or dashes (0912345678, 091 234 5678, 0912.345.678,
# +84 912 345 678, (028) 3829 1234).
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\s?84|0084|84|\(0\d{1,3}\)|0)"
    r"(?:[ .\-]?\d){8,10}"
    r"(?!\w)"
)
_LONG_DIGITS = re.compile(r"\d(?:[ .\-]?\d){5,}")


def redact(text: str) -> str:
    """``text`` with phone numbers and runs of 6 or more digits replaced by placeholders."""
    if not text:
        return text
    out = _PHONE.sub(PHONE_PLACEHOLDER, text)
    return _LONG_DIGITS.sub(NUMBER_PLACEHOLDER, out)


def safe_log_fields(msg: ChatMessage) -> dict[str, Any]:
    """Fields of ``msg`` that may go into a log line: ids, sizes, the time. Never text.

    ``sender_id`` is left out on purpose: a log line tying a sender to the time
    of a tip would undo informant confidentiality.
    """
    return {
        "message_id": msg.message_id,
        "group_id": msg.group_id,
        "sent_at": msg.sent_at.isoformat(),
        "text_chars": len(msg.text),
        "attachments": len(msg.attachments),
        "has_reply_to": msg.reply_to is not None,
        "has_sender_role": msg.sender_role is not None,
    }
