"""The Zalo client against the fake Zalo: errors inside HTTP 200, -216, 5xx, slow answers, parking."""

import aiohttp
import pytest

from pipeline.deliver.backoff import Backoff
from pipeline.deliver.errors import DeliveryFailed
from pipeline.deliver.records import ZALO_CS, ZALO_GROUP, ZALO_REMOVE
from pipeline.deliver.tokens import MemoryTokenStore, TokenManager
from pipeline.deliver.zalo import ZaloClient, oauth_refresher
from pipeline.fakezalo.server import FakeZalo, Faults, start


@pytest.fixture
async def fake():
    zalo = FakeZalo(refresh_token="rt-first")
    runner, port = await start(zalo)
    zalo.url = f"http://127.0.0.1:{port}"
    yield zalo
    await runner.cleanup()


@pytest.fixture
async def client(fake):
    async with aiohttp.ClientSession() as session:
        tokens = TokenManager(MemoryTokenStore(), oauth_refresher(session, fake.url, "fake-app", "fake-secret"),
                              "rt-first")
        yield ZaloClient(session, fake.url, tokens, timeout=2.0,
                         backoff=Backoff(base=0.01, cap=0.05, max_attempts=6))


def cs(user, text="xin chào"):
    return {"recipient": {"user_id": user}, "message": {"text": text}}


async def test_sends_all_three_kinds(client, fake):
    await client.send(ZALO_CS, cs("zu-1"))
    await client.send(ZALO_GROUP, {"recipient": {"group_id": "zg-1"}, "message": {"text": "[@zu-2] nhắc nhở"}})
    await client.send(ZALO_REMOVE, {"group_id": "zg-1", "member_user_ids": ["zu-2"]})
    kinds = [(m["kind"], m.get("user_id") or m.get("group_id")) for m in fake.messages]
    assert kinds == [("cs", "zu-1"), ("group", "zg-1"), ("remove", "zg-1")]
    assert fake.refreshes == 1


async def test_5xx_burst_then_delivered(client, fake):
    fake.faults.fail_5xx = 3
    _, attempts = await client.send(ZALO_CS, cs("zu-1"))
    assert attempts == 4 and len(fake.messages) == 1


async def test_minus_216_refreshes_with_the_rotated_token_and_retries(client, fake):
    await client.send(ZALO_CS, cs("zu-1"))
    seen = []
    fake.faults.expire_every = fake.calls + 1  # exactly the next call finds its token revoked
    _, attempts = await client.send(ZALO_CS, cs("zu-1", "lần 2"), on_attempt=seen.append)
    fake.faults.expire_every = 0
    assert attempts == 2 and seen == ["retry", "ok"]
    assert fake.refreshes == 2 and fake.refused_refreshes == 0  # the new refresh token, used once
    assert [m["text"] for m in fake.messages] == ["xin chào", "lần 2"]


async def test_errors_inside_200(client, fake):
    fake.faults.errors = [-32]  # retryable (rate limit)
    _, attempts = await client.send(ZALO_CS, cs("zu-1"))
    assert attempts == 2
    fake.faults.user_errors = {"zu-gone": -213}
    with pytest.raises(DeliveryFailed) as exc:
        await client.send(ZALO_CS, cs("zu-gone"))
    assert exc.value.attempts == 1 and exc.value.reason.startswith("zalo error -213")


async def test_slow_answers_time_out_and_are_retried(fake):
    fake.faults.delay = 0.5
    async with aiohttp.ClientSession() as session:
        tokens = TokenManager(MemoryTokenStore(), oauth_refresher(session, fake.url, "fake-app", "fake-secret"),
                              "rt-first")
        client = ZaloClient(session, fake.url, tokens, timeout=0.1, backoff=Backoff(base=0.01, max_attempts=3))
        with pytest.raises(DeliveryFailed) as exc:
            await client.send(ZALO_CS, cs("zu-1"))
    assert exc.value.attempts == 3 and "network: TimeoutError" in exc.value.reason


async def test_spent_refresh_token_is_refused(fake):
    async with aiohttp.ClientSession() as session:
        refresh = oauth_refresher(session, fake.url, "fake-app", "fake-secret")
        await refresh("rt-first")
        from pipeline.deliver.errors import TokenRefreshError
        with pytest.raises(TokenRefreshError, match="-14014"):
            await refresh("rt-first")


async def test_list_members(client, fake):
    fake.members["zg-1"] = {"zu-1", "zu-2"}
    answer = await client.list_members("zg-1")
    assert answer["data"]["total"] == 2


async def test_refused_refresh_holds_deliveries_instead_of_parking(fake):
    from pipeline.deliver.errors import DeliveryError

    async with aiohttp.ClientSession() as session:
        tokens = TokenManager(MemoryTokenStore(), oauth_refresher(session, fake.url, "fake-app", "fake-secret"),
                              "a-spent-token")
        client = ZaloClient(session, fake.url, tokens, timeout=2.0)
        with pytest.raises(DeliveryError) as exc:
            await client.attempt("POST", "/v3.0/oa/message/cs", json_body=cs("zu-1"))
    assert exc.value.hold and exc.value.retryable and "-14014" in exc.value.reason
