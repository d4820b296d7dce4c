"""Jittered exponential backoff ("full jitter") and ``Retry-After``."""

from __future__ import annotations

import asyncio
import random
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Awaitable, Callable

from pipeline.deliver.errors import DeliveryError, DeliveryFailed


@dataclass(frozen=True)
class Backoff:
    """Delay before retry number ``attempt`` (1 = the first retry): uniform in
    ``[0, min(cap, base * 2**(attempt-1))]``; never below a server's ``Retry-After``
    (itself capped at ``max_retry_after``)."""

    base: float = 0.5
    cap: float = 60.0
    max_attempts: int = 10
    max_retry_after: float = 300.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def ceiling(self, attempt: int) -> float:
        return min(self.cap, self.base * (2 ** max(0, attempt - 1)))

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        jittered = self.rng.uniform(0, self.ceiling(attempt))
        if retry_after is not None and retry_after > 0:
            return max(jittered, min(retry_after, self.max_retry_after))
        return jittered


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


async def retrying(attempt: Callable[[], Awaitable[Any]], backoff: Backoff, *,
                   on_attempt: Callable[[str], None] | None = None,
                   sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> tuple[Any, int]:
    """Run ``attempt`` until it succeeds: (its result, the number of attempts).

    A retryable :class:`DeliveryError` is retried after ``backoff.delay`` (an invalid
    token once without delay: the token was just refreshed); a non-retryable one, or
    the ``backoff.max_attempts``-th failure, raises :class:`DeliveryFailed`. A ``hold``
    error (no access token at all) is retried with capped backoff for as long as it
    lasts and never parks: nothing could be delivered, the records wait in Kafka.
    ``on_attempt`` hears ``ok``, ``retry`` or ``error`` per attempt (metrics)."""
    note = on_attempt or (lambda result: None)
    n = 0  # attempts made
    counted = 0  # failed attempts that count towards parking
    held = 0
    token_retried = False
    while True:
        n += 1
        try:
            result = await attempt()
        except DeliveryError as exc:
            if not exc.retryable:
                note("error")
                raise DeliveryFailed(exc.reason, n, stop_endpoint=exc.stop_endpoint) from None
            if exc.hold:  # e.g. no access token: every delivery would fail alike, so wait, never park
                held += 1
                note("retry")
                await sleep(backoff.delay(min(held, 16), exc.retry_after))
                continue
            counted += 1
            if counted >= backoff.max_attempts:
                note("error")
                raise DeliveryFailed(f"gave up after {n} attempts: {exc.reason}", n) from None
            note("retry")
            if exc.token_invalid and not token_retried:
                token_retried = True
                continue
            await sleep(backoff.delay(counted, exc.retry_after))
            continue
        note("ok")
        return result, n
