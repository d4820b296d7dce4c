import random
from datetime import datetime, timedelta, timezone

import pytest

from pipeline.deliver.backoff import Backoff, parse_retry_after, retrying
from pipeline.deliver.errors import DeliveryError, DeliveryFailed


def test_full_jitter_within_a_doubling_capped_ceiling():
    b = Backoff(base=0.5, cap=4.0, rng=random.Random(7))
    assert [b.ceiling(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 4.0, 4.0]
    delays = [b.delay(3) for _ in range(500)]
    assert all(0 <= d <= 2.0 for d in delays)
    assert len({round(d, 6) for d in delays}) > 400  # jittered, not a constant


def test_retry_after_is_a_floor_and_capped():
    b = Backoff(base=0.1, cap=0.2, max_retry_after=60, rng=random.Random(1))
    assert b.delay(1, retry_after=5) == 5
    assert b.delay(1, retry_after=3600) == 60


def test_parse_retry_after():
    now = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)
    assert parse_retry_after("7") == 7
    assert parse_retry_after("Tue, 01 Dec 2026 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def attempts_of(errors):
    errors = list(errors)

    async def attempt():
        if errors:
            raise errors.pop(0)
        return "ok"
    return attempt


async def no_sleep(_):
    pass


async def test_retrying_retries_retryable_then_succeeds():
    seen = []
    result, n = await retrying(attempts_of([DeliveryError("http 503", retryable=True)] * 2),
                               Backoff(max_attempts=5), on_attempt=seen.append, sleep=no_sleep)
    assert (result, n) == ("ok", 3) and seen == ["retry", "retry", "ok"]


async def test_non_retryable_parks_at_once_and_exhaustion_parks():
    with pytest.raises(DeliveryFailed) as exc:
        await retrying(attempts_of([DeliveryError("zalo error -213", retryable=False)]), Backoff(), sleep=no_sleep)
    assert exc.value.attempts == 1 and exc.value.reason == "zalo error -213"
    with pytest.raises(DeliveryFailed) as exc:
        await retrying(attempts_of([DeliveryError("http 500", retryable=True)] * 10), Backoff(max_attempts=4),
                       sleep=no_sleep)
    assert exc.value.attempts == 4 and "gave up after 4 attempts: http 500" == exc.value.reason


async def test_invalid_token_is_retried_once_without_waiting():
    slept = []

    async def sleep(s):
        slept.append(s)

    err = DeliveryError("zalo error -216", retryable=True, token_invalid=True)
    _, n = await retrying(attempts_of([err, err]), Backoff(max_attempts=5), sleep=sleep)
    assert n == 3 and len(slept) == 1  # first -216 at once, the second backs off


async def test_no_access_token_holds_instead_of_parking():
    held = [DeliveryError("no access token (token refresh failed)", retryable=True, hold=True)] * 30
    result, n = await retrying(attempts_of(held), Backoff(max_attempts=3), sleep=no_sleep)
    assert result == "ok" and n == 31  # 30 held attempts never counted towards the 3 allowed
