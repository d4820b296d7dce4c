"""What can go wrong with one delivery attempt, classified for the retry loop."""

from __future__ import annotations


class DeliveryError(Exception):
    """A failed attempt. ``retryable`` ones are tried again with backoff; the others park.

    ``reason`` is short and safe to log and to store (no text, no token)."""

    def __init__(self, reason: str, *, retryable: bool, retry_after: float | None = None,
                 stop_endpoint: bool = False, token_invalid: bool = False, hold: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after
        self.stop_endpoint = stop_endpoint  # webhook answered 410 Gone: stop sending to it
        self.token_invalid = token_invalid  # Zalo access token invalid/expired: refresh, then retry
        self.hold = hold  # no access token at all: wait (not counted towards parking), nothing can succeed


class TokenRefreshError(Exception):
    """The Zalo access token could not be refreshed (reason safe to log)."""


class DeliveryFailed(Exception):
    """A delivery given up on: not retryable, or retries exhausted. It is parked with ``reason``."""

    def __init__(self, reason: str, attempts: int, *, stop_endpoint: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.attempts = attempts
        self.stop_endpoint = stop_endpoint
