"""Standard Webhooks signing, checked by an independent verifier written from the spec, and the sender."""

import base64
import hashlib
import hmac

import aiohttp
import pytest
from aiohttp import web

from pipeline.deliver.backoff import Backoff
from pipeline.deliver.errors import DeliveryFailed
from pipeline.deliver.webhooks import WebhookSender, signature, signed_headers, secret_key

SECRET = "whsec_" + base64.b64encode(b"0123456789abcdef0123456789abcdef").decode()


def verify(secret: str, headers: dict, body: bytes) -> bool:
    """Standard Webhooks verification, from the spec (not from pipeline.deliver)."""
    key = base64.b64decode(secret.split("_", 1)[1])
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.{body.decode()}".encode()
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for part in headers["webhook-signature"].split(" "):
        version, _, value = part.partition(",")
        if version == "v1" and hmac.compare_digest(value, expected):
            return True
    return False


def test_spec_example_vector():
    # The example of the Standard Webhooks specification.
    key = secret_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
    sig = signature(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, b'{"test": 2432232314}')
    assert sig == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_headers_verify_and_tampering_fails():
    body = '{"type":"escalation","id":"g:m1","data":{"text":"Cháy nhà"}}'.encode()
    headers = signed_headers([secret_key(SECRET)], "g:m1", 1764600000, body)
    assert headers["webhook-id"] == "g:m1" and headers["webhook-timestamp"] == "1764600000"
    assert verify(SECRET, headers, body)
    assert not verify(SECRET, headers, body.replace(b"m1", b"m2"))
    assert not verify(SECRET, {**headers, "webhook-timestamp": "1764600001"}, body)


def test_key_rotation_gives_several_signatures():
    other = "whsec_" + base64.b64encode(b"another key of 32 bytes........").decode()
    body = b"{}"
    headers = signed_headers([secret_key(other), secret_key(SECRET)], "id-1", 1, body)
    assert len(headers["webhook-signature"].split(" ")) == 2
    assert verify(SECRET, headers, body) and verify(other, headers, body)


class Receiver:
    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.seen = []

    async def handle(self, request):
        body = await request.read()
        self.seen.append((dict(request.headers), body))
        status, headers = self.statuses.pop(0) if self.statuses else (200, {})
        return web.Response(status=status, headers=headers)


async def serve(receiver):
    app = web.Application()
    app.router.add_post("/hook", receiver.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/hook"


async def test_sender_retries_429_with_retry_after_then_delivers_same_id():
    receiver = Receiver([(429, {"Retry-After": "0"}), (502, {}), (200, {})])
    runner, url = await serve(receiver)
    slept = []

    async def fake_sleep(s):
        slept.append(s)

    try:
        async with aiohttp.ClientSession() as session:
            sender = WebhookSender(session, SECRET, backoff=Backoff(base=0.01, cap=0.02, max_attempts=5))
            import pipeline.deliver.backoff as bo
            _, attempts = await bo.retrying(lambda: sender.attempt(url, "rec-1", b'{"a":1}'), sender.backoff,
                                            sleep=fake_sleep)
    finally:
        await runner.cleanup()
    assert attempts == 3 and len(slept) == 2
    assert {h["webhook-id"] for h, _ in receiver.seen} == {"rec-1"}
    assert all(verify(SECRET, h, b) for h, b in receiver.seen)


async def test_410_stops_the_endpoint_and_4xx_parks():
    receiver = Receiver([(410, {}), (400, {})])
    runner, url = await serve(receiver)
    try:
        async with aiohttp.ClientSession() as session:
            sender = WebhookSender(session, SECRET, backoff=Backoff(base=0.01, max_attempts=3))
            with pytest.raises(DeliveryFailed) as gone:
                await sender.send(url, "r1", b"{}")
            assert gone.value.stop_endpoint and url in sender.gone
            with pytest.raises(DeliveryFailed):  # not even tried
                await sender.send(url, "r2", b"{}")
            assert len(receiver.seen) == 1
            sender.gone.clear()
            with pytest.raises(DeliveryFailed) as bad:
                await sender.send(url, "r3", b"{}")
            assert bad.value.reason == "http 400" and bad.value.attempts == 1
    finally:
        await runner.cleanup()
