"""The HTTP service with a stand-in producer: what is answered, what goes to which topic, what is counted.

The broker itself (acks, outages, the worker's decisions) is covered in tests/integration/test_gateway*.py.
"""

from __future__ import annotations

import asyncio
import base64
import time

import orjson
import pytest
from aiohttp.test_utils import TestClient, TestServer
from aiokafka.errors import KafkaConnectionError
from prometheus_client import REGISTRY

from pipeline.gateway import signature
from pipeline.gateway.service import Gateway, build_app
from pipeline.kafka import topics
from pipeline.settings import Settings

APP, SECRET, TOKEN = "app-1", "oa-secret-1", "ingest-token-1"


class FakeCluster:
    def __init__(self, names):
        self._names = names

    def topics(self):
        return set(self._names)


class FakeClient:
    def __init__(self, producer):
        self.producer = producer

    async def fetch_all_metadata(self):
        if self.producer.mode != "ack":
            raise KafkaConnectionError("down")
        return FakeCluster(topics.ALL)


class FakeProducer:
    """Acks at once ("ack"), never ("hang") or fails ("fail")."""

    def __init__(self, mode: str = "ack") -> None:
        self.mode = mode
        self.sent: list[tuple[str, bytes | None, bytes]] = []
        self.handed = 0
        self.client = FakeClient(self)

    async def send(self, topic, value=None, key=None):
        self.handed += 1
        fut = asyncio.get_running_loop().create_future()
        if self.mode == "ack":
            self.sent.append((topic, key, value))
            fut.set_result(None)
        elif self.mode == "fail":
            fut.set_exception(KafkaConnectionError("cut"))
        return fut

    async def stop(self):
        pass

    def on(self, topic):
        return [(k, orjson.loads(v)) for t, k, v in self.sent if t == topic]


class StandInGateway(Gateway):
    def __init__(self, *args, producer: FakeProducer | None, **kwargs):
        super().__init__(*args, **kwargs)
        self._fake = producer

    async def _connect(self) -> None:
        self.producer = self._fake


def settings(**extra) -> Settings:
    return Settings.from_env({"BINHYEN_ZALO_APP_ID": APP, "BINHYEN_ZALO_OA_SECRET": SECRET,
                              "BINHYEN_INGEST_TOKEN": TOKEN, "BINHYEN_GATEWAY_PRODUCE_TIMEOUT": "0.3",
                              "BINHYEN_GATEWAY_MAX_BODY_BYTES": "4096", **extra})


@pytest.fixture
async def make_client(groups):
    clients = []

    async def make(producer: FakeProducer | None = None, **extra) -> tuple[TestClient, FakeProducer | None]:
        gateway = StandInGateway(settings(**extra), groups, producer=producer)
        client = TestClient(TestServer(build_app(gateway)))
        await client.start_server()
        await gateway.wait_connected(1)
        clients.append(client)
        return client, producer

    yield make
    for c in clients:
        await c.close()


def zalo_event(name="user_send_group_text", *, msg_id="m-1", text="Có trộm", ts: str | None = None, **extra) -> dict:
    body = {"app_id": APP, "oa_id": "oa", "event_name": name, "sender": {"id": "zu-9"},
            "recipient": {"id": "zg-ben-nghe-0001"}, "message": {"msg_id": msg_id, "text": text},
            "timestamp": ts or str(int(time.time() * 1000))}
    body.update(extra)
    return body


def signed(body: dict | bytes, *, secret=SECRET, header: str | None = None) -> tuple[bytes, dict]:
    raw = body if isinstance(body, bytes) else orjson.dumps(body)
    stamp = orjson.loads(raw).get("timestamp", "") if isinstance(body, dict) else ""
    value = header if header is not None else signature.header_value(APP, raw, str(stamp), secret)
    return raw, {signature.HEADER: value, "Content-Type": "application/json"}


def count(name, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_signed_group_event_is_produced_keyed_by_group(make_client):
    client, producer = await make_client(FakeProducer())
    before = count("binhyen_gateway_requests_total", endpoint="zalo_webhook", outcome="accepted", code="200")
    raw, headers = signed(zalo_event())
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 200
    assert (await resp.json())["message_id"] == "m-1"
    [(key, record)] = producer.on(topics.INPUT)
    assert key == b"phuong-ben-nghe" and record["message_id"] == "m-1" and record["text"] == "Có trộm"
    assert count("binhyen_gateway_requests_total", endpoint="zalo_webhook", outcome="accepted",
                 code="200") == before + 1
    assert count("binhyen_gateway_events_total", event="user_send_group_text", outcome="classified") >= 1


@pytest.mark.parametrize("header_form", ["mac={}", "{}"])
async def test_bare_hex_header_is_accepted(make_client, header_form):
    client, producer = await make_client(FakeProducer())
    body = zalo_event()
    raw = orjson.dumps(body)
    hexd = signature.digest(APP, raw, body["timestamp"], SECRET)
    resp = await client.post("/zalo/webhook", data=raw, headers={signature.HEADER: header_form.format(hexd)})
    assert resp.status == 200 and len(producer.sent) == 1


async def test_hmac_scheme_setting(make_client):
    client, producer = await make_client(FakeProducer(), BINHYEN_ZALO_SIGNATURE_SCHEME="hmac-sha256")
    body = zalo_event()
    raw = orjson.dumps(body)
    ok = signature.header_value(APP, raw, body["timestamp"], SECRET, "hmac-sha256")
    plain = signature.header_value(APP, raw, body["timestamp"], SECRET, "sha256")
    assert (await client.post("/zalo/webhook", data=raw, headers={signature.HEADER: plain})).status == 401
    assert (await client.post("/zalo/webhook", data=raw, headers={signature.HEADER: ok})).status == 200
    assert len(producer.sent) == 1


@pytest.mark.parametrize(("how", "reason"), [("wrong-secret", "mismatch"), ("missing", "missing"),
                                             ("garbage", "malformed"), ("tampered", "mismatch")])
async def test_bad_signatures_are_401_and_produce_nothing(make_client, how, reason):
    client, producer = await make_client(FakeProducer())
    before = count("binhyen_gateway_signature_failures_total", reason=reason)
    body = zalo_event()
    if how == "wrong-secret":
        raw, headers = signed(body, secret="other")
    elif how == "missing":
        raw, headers = orjson.dumps(body), {}
    elif how == "garbage":
        raw, headers = signed(body, header="mac=xyz")
    else:
        raw, headers = signed(body)
        raw = raw.replace(b"C\xc3\xb3 tr\xe1\xbb\x99m", b"Spam")
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 401 and (await resp.json())["reason"] == reason
    assert producer.sent == []
    assert count("binhyen_gateway_signature_failures_total", reason=reason) == before + 1


@pytest.mark.parametrize("offset_s", [-301, -3600, 301])
async def test_stale_or_future_timestamp_is_401(make_client, offset_s):
    client, producer = await make_client(FakeProducer())
    before = count("binhyen_gateway_signature_failures_total", reason="stale")
    raw, headers = signed(zalo_event(ts=str(int((time.time() + offset_s) * 1000))))
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 401 and (await resp.json())["error"] == "stale"
    assert producer.sent == []
    assert count("binhyen_gateway_signature_failures_total", reason="stale") == before + 1


async def test_max_age_is_a_setting(make_client):
    client, producer = await make_client(FakeProducer(), BINHYEN_WEBHOOK_MAX_AGE="7200")
    raw, headers = signed(zalo_event(ts=str(int((time.time() - 3600) * 1000))))
    assert (await client.post("/zalo/webhook", data=raw, headers=headers)).status == 200


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"event_name": "user_send_group_text", ', "bad_json"),
    (b'\xff\xfe{"a": 1}', "bad_utf8"),
    (b'["user_send_group_text"]', "not_object"),
])
async def test_malformed_bodies_are_400_and_dead_lettered_with_the_raw_body(make_client, raw, reason):
    client, producer = await make_client(FakeProducer())
    resp = await client.post("/zalo/webhook", data=raw, headers={signature.HEADER: "mac=" + "0" * 64})
    assert resp.status == 400 and (await resp.json())["error"] == reason
    assert producer.on(topics.INPUT) == []
    [(_, dead)] = producer.on(topics.DEAD_LETTER)
    assert dead["reason"] == reason and dead["error"] and dead["source"] == "gateway"
    assert dead["endpoint"] == "/zalo/webhook"
    assert base64.b64decode(dead["original_base64"]) == raw and dead["original_size"] == len(raw)
    assert dead["original_truncated"] is False


async def test_signed_unknown_event_is_400_and_dead_lettered(make_client):
    client, producer = await make_client(FakeProducer())
    raw, headers = signed(zalo_event("shop_has_order"))
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 400 and (await resp.json())["error"] == "unknown_event"
    [(_, dead)] = producer.on(topics.DEAD_LETTER)
    assert base64.b64decode(dead["original_base64"]) == raw and producer.on(topics.INPUT) == []


async def test_signed_event_with_missing_ids_is_dead_lettered(make_client):
    client, producer = await make_client(FakeProducer())
    body = zalo_event()
    del body["message"]["msg_id"]
    raw, headers = signed(body)
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 400 and (await resp.json())["error"] == "missing_field"
    assert len(producer.on(topics.DEAD_LETTER)) == 1


async def test_unsigned_unknown_event_is_refused_not_dead_lettered(make_client):
    client, producer = await make_client(FakeProducer())
    raw, headers = signed(zalo_event("shop_has_order"), secret="attacker")
    assert (await client.post("/zalo/webhook", data=raw, headers=headers)).status == 401
    assert producer.sent == []


async def test_oversized_body_is_400_and_dead_lettered_truncated(make_client):
    client, producer = await make_client(FakeProducer())
    raw, headers = signed(zalo_event(text="x" * 10_000))
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 400 and (await resp.json())["error"] == "too_large"
    [(_, dead)] = producer.on(topics.DEAD_LETTER)
    assert dead["original_truncated"] is True and dead["original_size"] >= len(raw)
    assert base64.b64decode(dead["original_base64"]) == raw[:4096]
    # and it keeps serving
    raw, headers = signed(zalo_event())
    assert (await client.post("/zalo/webhook", data=raw, headers=headers)).status == 200


@pytest.mark.parametrize("name", ["user_join_group", "user_out_group", "oa_send_group_text", "oa_send_group_image"])
async def test_membership_and_oa_posts_are_acknowledged_and_counted(make_client, name):
    client, producer = await make_client(FakeProducer())
    before = count("binhyen_gateway_events_total", event=name, outcome="acknowledged")
    raw, headers = signed(zalo_event(name))
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 200 and (await resp.json())["status"] == "acknowledged"
    assert producer.sent == []
    assert count("binhyen_gateway_events_total", event=name, outcome="acknowledged") == before + 1


async def test_private_tip_goes_to_the_private_group(make_client):
    client, producer = await make_client(FakeProducer())
    raw, headers = signed(zalo_event("user_send_text", recipient={"id": "oa"}, text="Tin báo riêng"))
    assert (await client.post("/zalo/webhook", data=raw, headers=headers)).status == 200
    [(key, record)] = producer.on(topics.INPUT)
    assert key == b"zalo-private-tips" and record["group_id"] == "zalo-private-tips"
    assert record["sender_role"] == "member"


@pytest.mark.parametrize("mode", ["hang", "fail"])
async def test_broker_not_acking_is_503_never_200(make_client, mode):
    client, _ = await make_client(FakeProducer(mode))
    before = count("binhyen_gateway_produce_errors_total", topic=topics.INPUT)
    raw, headers = signed(zalo_event())
    resp = await client.post("/zalo/webhook", data=raw, headers=headers)
    assert resp.status == 503
    assert count("binhyen_gateway_produce_errors_total", topic=topics.INPUT) == before + 1
    assert count("binhyen_gateway_requests_total", endpoint="zalo_webhook", outcome="unavailable", code="503") >= 1


async def test_not_connected_is_503_for_events_and_healthz(make_client):
    client, _ = await make_client(None)
    raw, headers = signed(zalo_event())
    assert (await client.post("/zalo/webhook", data=raw, headers=headers)).status == 503
    assert (await client.get("/healthz")).status == 503
    # a malformed body cannot be dead-lettered either: 503 so that it is sent again
    assert (await client.post("/zalo/webhook", data=b"{")).status == 503


async def test_healthz(make_client):
    producer = FakeProducer()
    client, _ = await make_client(producer)
    resp = await client.get("/healthz")
    assert resp.status == 200 and (await resp.json())["broker"] == "ok"
    assert count("binhyen_gateway_broker_up", check="metadata") == 1
    producer.mode = "fail"
    assert (await client.get("/healthz")).status == 503
    assert count("binhyen_gateway_broker_up", check="metadata") == 0


# ------------------------------------------------------------------------ ingest


def record(mid="i-1", **extra) -> dict:
    return {"message_id": mid, "group_id": "xa-yen-lac", "sender_id": "u1", "text": "Mất ví ở chợ",
            "sent_at": "2026-11-18T09:00:00+07:00", **extra}


AUTH = {"Authorization": f"Bearer {TOKEN}"}


async def test_ingest_one_record(make_client):
    client, producer = await make_client(FakeProducer())
    raw = orjson.dumps(record())
    resp = await client.post("/ingest", data=raw, headers=AUTH)
    assert resp.status == 200 and (await resp.json()) == {"accepted": 1}
    assert producer.sent == [(topics.INPUT, b"xa-yen-lac", raw)]


async def test_ingest_pretty_printed_record(make_client):
    client, producer = await make_client(FakeProducer())
    raw = orjson.dumps(record(), option=orjson.OPT_INDENT_2)
    assert (await client.post("/ingest", data=raw, headers=AUTH)).status == 200
    assert len(producer.on(topics.INPUT)) == 1


async def test_ingest_json_lines_with_a_bad_line(make_client):
    client, producer = await make_client(FakeProducer())
    lines = [orjson.dumps(record("i-1")), b'{"message_id": "x"', b"", orjson.dumps(record("i-2"))]
    resp = await client.post("/ingest", data=b"\n".join(lines) + b"\n", headers=AUTH)
    assert resp.status == 400
    body = await resp.json()
    assert body["accepted"] == 2 and body["rejected"] == [{"line": 2, "reason": "bad_json",
                                                          "detail": body["rejected"][0]["detail"]}]
    assert [r["message_id"] for _, r in producer.on(topics.INPUT)] == ["i-1", "i-2"]
    [(_, dead)] = producer.on(topics.DEAD_LETTER)
    assert dead["endpoint"] == "/ingest" and base64.b64decode(dead["original_base64"]) == b'{"message_id": "x"'


@pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Basic {TOKEN}", TOKEN])
async def test_ingest_needs_the_bearer_token(make_client, auth):
    client, producer = await make_client(FakeProducer())
    headers = {"Authorization": auth} if auth else {}
    assert (await client.post("/ingest", data=orjson.dumps(record()), headers=headers)).status == 401
    assert producer.sent == []


async def test_ingest_is_off_without_a_token(make_client):
    client, producer = await make_client(FakeProducer(), BINHYEN_INGEST_TOKEN="")
    assert (await client.post("/ingest", data=orjson.dumps(record()), headers=AUTH)).status == 404
    assert producer.sent == []


async def test_metrics_endpoint_carries_no_text_or_phone(make_client):
    client, _ = await make_client(FakeProducer())
    raw, headers = signed(zalo_event(text="Gọi 0912345678 ngay, có trộm"))
    assert (await client.post("/zalo/webhook", data=raw, headers=headers)).status == 200
    resp = await client.get("/metrics")
    text = await resp.text()
    assert resp.status == 200 and "binhyen_gateway_requests_total" in text
    assert "binhyen_gateway_produce_latency_seconds_bucket" in text
    assert "0912345678" not in text and "trộm" not in text and "zu-9" not in text


async def test_unknown_path_and_method(make_client):
    client, _ = await make_client(FakeProducer())
    assert (await client.get("/nope")).status == 404
    assert (await client.get("/zalo/webhook")).status == 405
    assert count("binhyen_gateway_requests_total", endpoint="other", outcome="not_found", code="404") >= 1


async def test_too_many_records_waiting_is_503_at_once(make_client, monkeypatch):
    from pipeline.gateway import service

    monkeypatch.setattr(service, "MAX_PENDING_RECORDS", 2)
    producer = FakeProducer("hang")
    client, _ = await make_client(producer, BINHYEN_GATEWAY_PRODUCE_TIMEOUT="5")
    bodies = [signed(zalo_event(msg_id=f"m-{i}")) for i in range(3)]
    first = [asyncio.create_task(client.post("/zalo/webhook", data=raw, headers=h)) for raw, h in bodies[:2]]
    while producer.handed < 2:  # the first two are waiting for their ack
        await asyncio.sleep(0.01)
    third = await client.post("/zalo/webhook", data=bodies[2][0], headers=bodies[2][1])
    assert third.status == 503
    assert producer.handed == 2  # refused before it reached the producer
    for task in first:
        task.cancel()
