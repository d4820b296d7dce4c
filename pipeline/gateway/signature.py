"""``X-ZEvent-Signature``: how Zalo signs a webhook event, and its constant-time check.

Default scheme (``BINHYEN_ZALO_SIGNATURE_SCHEME=sha256``, see ``shared/zalo-oa.md``)::

    hex = sha256(app_id + raw_body + timestamp + oa_secret_key)

where ``timestamp`` is the body's own ``timestamp`` field exactly as sent and the body
is hashed exactly as received. ``hmac-sha256`` is ``HMAC-SHA256(key=oa_secret_key,
app_id + raw_body + timestamp)``, used by some integrations. The header carries
``mac=<hex>``, some senders put the bare hex; both are accepted, case-insensitively.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Literal

HEADER = "X-ZEvent-Signature"
SCHEMES = ("sha256", "hmac-sha256")
Scheme = Literal["sha256", "hmac-sha256"]

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")

#: Why a signature was refused (bounded: a metric label).
MISSING = "missing"
MALFORMED = "malformed"
MISMATCH = "mismatch"
STALE = "stale"
NOT_CONFIGURED = "not_configured"
FAILURE_REASONS = (MISSING, MALFORMED, MISMATCH, STALE, NOT_CONFIGURED)


def digest(app_id: str, body: bytes, timestamp: str, secret: str, scheme: Scheme = "sha256") -> str:
    """The lower-case hex signature of ``body`` under ``scheme``."""
    payload = app_id.encode("utf-8") + body + timestamp.encode("utf-8")
    if scheme == "sha256":
        return hashlib.sha256(payload + secret.encode("utf-8")).hexdigest()
    if scheme == "hmac-sha256":
        return hmac.new(secret.encode("utf-8"), payload, hashlib.sha256).hexdigest()
    raise ValueError(f"unknown signature scheme {scheme!r}; one of {', '.join(SCHEMES)}")


def header_value(app_id: str, body: bytes, timestamp: str, secret: str, scheme: Scheme = "sha256") -> str:
    """The header value Zalo would send: ``mac=<hex>``."""
    return "mac=" + digest(app_id, body, timestamp, secret, scheme)


def parse_header(value: str | None) -> str | None:
    """The hex digest inside a header value (``mac=<hex>`` or bare hex), lower case; None if absent
    or not 64 hex digits."""
    if value is None:
        return None
    candidate = value.strip()
    if candidate[:4].lower() == "mac=":
        candidate = candidate[4:].strip()
    if not _HEX64.fullmatch(candidate):
        return None
    return candidate.lower()


def timestamp_text(value: object) -> str | None:
    """The body's ``timestamp`` as it enters the signature: a string as sent, an integer in decimal."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def check(header: str | None, *, app_id: str, body: bytes, timestamp: str, secret: str,
          scheme: Scheme = "sha256") -> str | None:
    """None when the signature is right, else the reason (``missing``, ``malformed``, ``mismatch``,
    ``not_configured``). The digests are compared in constant time."""
    if not secret:
        return NOT_CONFIGURED
    if header is None or not header.strip():
        return MISSING
    given = parse_header(header)
    if given is None:
        return MALFORMED
    expected = digest(app_id, body, timestamp, secret, scheme)
    if not hmac.compare_digest(given.encode("ascii"), expected.encode("ascii")):
        return MISMATCH
    return None


def event_age(timestamp: str, now: float) -> float | None:
    """Seconds between the event's millisecond ``timestamp`` and ``now`` (negative: in the future);
    None when it is not a whole number of milliseconds."""
    text = timestamp.strip()
    if not text.isdigit() or len(text) > 16:
        return None
    return now - int(text) / 1000.0
