"""The gateway's HTTP service (aiohttp): Zalo webhook and generic ingest -> ``chat.messages``.

Endpoints:

* ``POST /zalo/webhook``: one Zalo OA event, signed (``X-ZEvent-Signature``, see ``signature``).
* ``POST /ingest``: one contract input record, or JSON lines, with ``Authorization: Bearer <token>``.
* ``GET /healthz``: 200 when the broker answers a metadata request in time, else 503.
* ``GET /metrics``: Prometheus metrics.

A 200 is sent only after the broker acknowledged every record of the request (acks from all
in-sync replicas); when it does not within ``BINHYEN_GATEWAY_PRODUCE_TIMEOUT`` (or is not
reachable) the answer is 503 and the sender retries. Retried events are harmless: the worker
deduplicates by ``message_id``. Malformed bodies get 400 with a reason and go to
``moderation.dead-letter``. Nothing here logs or counts message text or phone numbers.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import hmac
import logging
import time
from contextlib import suppress
from datetime import datetime, timezone
from typing import Any, Awaitable, Callable

import orjson
from aiohttp import web
from aiokafka import AIOKafkaProducer
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

from pipeline import metrics
from pipeline.domain.groups import GroupsConfig
from pipeline.domain.message import InvalidMessage, parse_message
from pipeline.gateway import signature
from pipeline.gateway.zalo import ACKNOWLEDGED, BadEvent, EventMapper, event_label
from pipeline.kafka import clients, topics
from pipeline.settings import Settings

log = logging.getLogger("binhyen.gateway")

WEBHOOK_PATH = "/zalo/webhook"
INGEST_PATH = "/ingest"
ENDPOINTS = {WEBHOOK_PATH: "zalo_webhook", INGEST_PATH: "ingest", "/healthz": "healthz", "/metrics": "metrics"}

#: Outcomes (the ``outcome`` label of binhyen_gateway_requests_total).
ACCEPTED = "accepted"  # every record on the broker
IGNORED = "acknowledged"  # a Zalo event counted, nothing produced
BAD_SIGNATURE = "bad_signature"
STALE = "stale"
UNAUTHORIZED = "unauthorized"
MALFORMED = "malformed"  # 400, dead-lettered
UNAVAILABLE = "unavailable"  # 503: broker not reachable or too slow
DISABLED = "disabled"
ERROR = "error"

#: Dead letters keep at most this much of a rejected body (like the worker's).
MAX_DEAD_LETTER_ORIGINAL = 2 * 1024 * 1024
HEALTH_TIMEOUT = 2.0
#: Records waiting for an ack beyond this many: answer 503 at once (a flood must not eat the memory).
MAX_PENDING_RECORDS = 20_000
#: Where a handler leaves its outcome for the metrics middleware.
OUTCOME: Any = web.RequestKey("outcome", str) if hasattr(web, "RequestKey") else "binhyen_outcome"


_BROKER_UP = metrics.GATEWAY_BROKER_UP.labels(check="metadata")


@functools.lru_cache(maxsize=None)
def _produce_errors(topic: str) -> Any:
    return metrics.GATEWAY_PRODUCE_ERRORS.labels(topic=topic)


@functools.lru_cache(maxsize=None)
def _produce_latency(topic: str) -> Any:
    return metrics.GATEWAY_PRODUCE_LATENCY.labels(topic=topic)


@functools.lru_cache(maxsize=256)  # endpoint, outcome and code are small fixed sets
def _requests(endpoint: str, outcome: str, code: int) -> Any:
    return metrics.GATEWAY_REQUESTS.labels(endpoint=endpoint, outcome=outcome, code=str(code))


@functools.lru_cache(maxsize=None)
def _latency(endpoint: str) -> Any:
    return metrics.GATEWAY_REQUEST_LATENCY.labels(endpoint=endpoint)


class BrokerUnavailable(RuntimeError):
    """The broker did not acknowledge in time, or is not reachable."""


def _json(status: int, body: dict[str, Any]) -> web.Response:
    return web.Response(status=status, body=orjson.dumps(body), content_type="application/json")


class Gateway:
    """The producer side: one aiokafka producer (from the client factory), connected in the background."""

    def __init__(self, settings: Settings, groups: GroupsConfig, *, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self.mapper = EventMapper(groups, settings.private_tips_group)
        self.clock = clock
        self.producer: AIOKafkaProducer | None = None
        self._connector: asyncio.Task[None] | None = None
        self._secret = settings.zalo_oa_secret.get_secret_value()
        self._ingest_token = settings.ingest_token.get_secret_value().encode("utf-8")
        self.timeout = settings.gateway_produce_timeout
        self._pending = 0

    # ------------------------------------------------------------------ broker

    async def start(self) -> None:
        if not self._secret:
            log.warning("BINHYEN_ZALO_OA_SECRET is empty: every Zalo webhook request is refused (401)")
        self._connector = asyncio.create_task(self._connect(), name="gateway-connect")

    async def _connect(self) -> None:
        delay = 0.5
        while True:
            producer = clients.producer(self.settings, client_id="binhyen-gateway", retry_backoff_ms=100)
            try:
                await asyncio.wait_for(producer.start(), timeout=10.0)
            except Exception as exc:  # the broker is not there yet: keep answering 503, keep trying
                _BROKER_UP.set(0)
                log.warning("broker %s not reachable (%s); retrying in %.1f s", self.settings.kafka,
                            type(exc).__name__, delay)
                with suppress(Exception):
                    await producer.stop()
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
                continue
            self.producer = producer
            _BROKER_UP.set(1)
            log.info("connected to %s", self.settings.kafka)
            return

    async def wait_connected(self, timeout: float) -> bool:
        """True once the producer is started (tests, bench)."""
        if self._connector is not None:
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._connector), timeout)
        return self.producer is not None

    async def stop(self) -> None:
        if self._connector is not None and not self._connector.done():
            self._connector.cancel()
            with suppress(asyncio.CancelledError, Exception):
                await self._connector
        if self.producer is not None:
            with suppress(Exception):
                await asyncio.wait_for(self.producer.stop(), timeout=10.0)
            self.producer = None

    async def produce(self, records: list[tuple[str, bytes | None, bytes]]) -> None:
        """Send ``(topic, key, value)`` records and wait for every ack, or raise BrokerUnavailable.

        The whole call is bounded by ``BINHYEN_GATEWAY_PRODUCE_TIMEOUT``. A record that was handed to
        the producer may still reach the broker after a timeout: the sender then retries and the
        worker drops the duplicate by its message_id."""
        producer = self.producer
        if producer is None:
            for topic, _, _ in records:
                _produce_errors(topic).inc()
            raise BrokerUnavailable("not connected to the broker")
        if self._pending + len(records) > MAX_PENDING_RECORDS:
            for topic, _, _ in records:
                _produce_errors(topic).inc()
            raise BrokerUnavailable("overloaded")
        started = time.perf_counter()
        futures: list[asyncio.Future[Any]] = []
        self._pending += len(records)
        try:
            async with asyncio.timeout(self.timeout):  # one deadline for handing over and for the acks
                for topic, key, value in records:
                    futures.append(await producer.send(topic, value=value, key=key))
                for fut in futures:
                    await asyncio.shield(fut)  # a timeout cancels the wait, never the delivery future
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # TimeoutError, KafkaError, ...
            for topic, _, _ in records:
                _produce_errors(topic).inc()
            # a failed future nobody awaits must not be reported as "exception never retrieved"
            for fut in futures:
                if fut.done():
                    if not fut.cancelled():
                        fut.exception()
                else:
                    fut.add_done_callback(_consume_exception)
            raise BrokerUnavailable(type(exc).__name__) from None
        finally:
            self._pending -= len(records)
        elapsed = time.perf_counter() - started
        for topic in {t for t, _, _ in records}:
            _produce_latency(topic).observe(elapsed)

    async def healthy(self) -> tuple[bool, str]:
        producer = self.producer
        if producer is None:
            _BROKER_UP.set(0)
            return False, "not connected"
        try:
            cluster = await asyncio.wait_for(producer.client.fetch_all_metadata(), HEALTH_TIMEOUT)
        except Exception as exc:
            _BROKER_UP.set(0)
            return False, type(exc).__name__
        if topics.INPUT not in cluster.topics():
            _BROKER_UP.set(0)
            return False, f"topic {topics.INPUT} missing"
        _BROKER_UP.set(1)
        return True, "ok"

    # ------------------------------------------------------------------ requests

    def dead_letter(self, endpoint: str, raw: bytes, reason: str, error: str, *, size: int | None = None,
                    truncated: bool = False, key: bytes | None = None) -> tuple[str, bytes | None, bytes]:
        """A ``moderation.dead-letter`` record for a body the gateway refused (same fields as the
        worker's, with ``source`` = ``gateway`` and no input topic/partition/offset)."""
        cut = len(raw) > MAX_DEAD_LETTER_ORIGINAL
        original = raw[:MAX_DEAD_LETTER_ORIGINAL]
        value = {
            "reason": reason,
            "error": error,
            "source": "gateway",
            "endpoint": endpoint,
            "topic": None,
            "partition": None,
            "offset": None,
            "timestamp": int(self.clock() * 1000),
            "key_base64": None,
            "original_base64": base64.b64encode(original).decode("ascii"),
            "original_size": size if size is not None else len(raw),
            "original_sha256": hashlib.sha256(raw).hexdigest(),
            "original_truncated": truncated or cut,
            "rejected_at": datetime.now(timezone.utc).isoformat(),
        }
        metrics.GATEWAY_DEAD_LETTERS.labels(reason=reason).inc()
        return topics.DEAD_LETTER, key, orjson.dumps(value)

    async def reject(self, request: web.Request, endpoint: str, raw: bytes, reason: str, error: str,
                     **kwargs: Any) -> web.Response:
        """400 with the reason, the body dead-lettered (503 if even that cannot reach the broker)."""
        try:
            await self.produce([self.dead_letter(endpoint, raw, reason, error, **kwargs)])
        except BrokerUnavailable:
            request[OUTCOME] = UNAVAILABLE
            return _json(503, {"error": "broker_unavailable"})
        request[OUTCOME] = MALFORMED
        return _json(400, {"error": reason, "detail": error})

    async def webhook(self, request: web.Request) -> web.Response:
        raw, size, too_large = await _read_limited(request, self.settings.gateway_max_body_bytes)
        if too_large:
            return await self.reject(request, WEBHOOK_PATH, raw, "too_large",
                                     f"body larger than {self.settings.gateway_max_body_bytes} bytes",
                                     size=size, truncated=True)
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            return await self.reject(request, WEBHOOK_PATH, raw, "bad_utf8", f"invalid UTF-8 at byte {exc.start}")
        try:
            body = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            return await self.reject(request, WEBHOOK_PATH, raw, "bad_json",
                                     f"not JSON: {str(exc).splitlines()[0][:120]}")
        if not isinstance(body, dict):
            return await self.reject(request, WEBHOOK_PATH, raw, "not_object",
                                     f"body is a JSON {type(body).__name__}, not an object")

        stamp = signature.timestamp_text(body.get("timestamp")) or ""
        failure = signature.check(request.headers.get(signature.HEADER), app_id=self.settings.zalo_app_id,
                                  body=raw, timestamp=stamp, secret=self._secret,
                                  scheme=self.settings.zalo_signature_scheme)
        if failure is not None:
            metrics.GATEWAY_SIGNATURE_FAILURES.labels(reason=failure).inc()
            log.debug("webhook refused: signature %s", failure)
            request[OUTCOME] = BAD_SIGNATURE
            return _json(401, {"error": "bad_signature", "reason": failure})
        age = signature.event_age(stamp, self.clock())
        if age is None:
            return await self.reject(request, WEBHOOK_PATH, raw, "bad_timestamp",
                                     "timestamp is not milliseconds since the epoch")
        if abs(age) > self.settings.webhook_max_age:
            metrics.GATEWAY_SIGNATURE_FAILURES.labels(reason=signature.STALE).inc()
            request[OUTCOME] = STALE
            return _json(401, {"error": "stale", "reason": f"event is {age:.0f} s old, limit "
                                                           f"{self.settings.webhook_max_age:.0f} s"})
        try:
            mapped = self.mapper.map(body)
        except BadEvent as exc:
            return await self.reject(request, WEBHOOK_PATH, raw, exc.reason, exc.detail)
        label = event_label(mapped.event)
        if mapped.outcome == ACKNOWLEDGED:
            metrics.GATEWAY_EVENTS.labels(event=label, outcome=mapped.outcome).inc()
            request[OUTCOME] = IGNORED
            return _json(200, {"status": "acknowledged", "event": label})
        assert mapped.record is not None
        try:
            await self.produce([(topics.INPUT, mapped.key, orjson.dumps(mapped.record))])
        except BrokerUnavailable:
            request[OUTCOME] = UNAVAILABLE
            return _json(503, {"error": "broker_unavailable"})
        metrics.GATEWAY_EVENTS.labels(event=label, outcome=mapped.outcome).inc()
        request[OUTCOME] = ACCEPTED
        return _json(200, {"status": "accepted", "message_id": mapped.record["message_id"],
                           "group_id": mapped.record["group_id"]})

    async def ingest(self, request: web.Request) -> web.Response:
        if not self._ingest_token:
            request[OUTCOME] = DISABLED
            return _json(404, {"error": "ingest_disabled", "detail": "BINHYEN_INGEST_TOKEN is not set"})
        auth = request.headers.get("Authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode("utf-8"), self._ingest_token):
            request[OUTCOME] = UNAUTHORIZED
            return _json(401, {"error": "unauthorized"})
        raw, size, too_large = await _read_limited(request, self.settings.gateway_max_body_bytes)
        if too_large:
            return await self.reject(request, INGEST_PATH, raw, "too_large",
                                     f"body larger than {self.settings.gateway_max_body_bytes} bytes",
                                     size=size, truncated=True)
        lines = _records_of(raw)
        if not lines:
            return await self.reject(request, INGEST_PATH, raw, "bad_json", "empty body")
        out: list[tuple[str, bytes | None, bytes]] = []
        rejected: list[dict[str, Any]] = []
        accepted = 0
        for number, line in lines:
            try:
                message = parse_message(line)
            except InvalidMessage as exc:
                rejected.append({"line": number, "reason": exc.reason, "detail": exc.detail})
                out.append(self.dead_letter(INGEST_PATH, line, exc.reason, exc.detail))
                continue
            out.append((topics.INPUT, message.group_id.encode("utf-8"), line))
            accepted += 1
        try:
            await self.produce(out)
        except BrokerUnavailable:
            request[OUTCOME] = UNAVAILABLE
            return _json(503, {"error": "broker_unavailable"})
        if rejected:
            request[OUTCOME] = MALFORMED
            return _json(400, {"accepted": accepted, "rejected": rejected})
        request[OUTCOME] = ACCEPTED
        return _json(200, {"accepted": accepted})

    async def healthz(self, request: web.Request) -> web.Response:
        ok, detail = await self.healthy()
        request[OUTCOME] = "ok" if ok else UNAVAILABLE
        return _json(200 if ok else 503, {"broker": "ok" if ok else "unreachable", "detail": detail})

    async def metrics(self, request: web.Request) -> web.Response:
        request[OUTCOME] = "ok"
        return web.Response(body=generate_latest(REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST})


def _consume_exception(fut: asyncio.Future[Any]) -> None:
    if not fut.cancelled():
        fut.exception()


async def _read_limited(request: web.Request, limit: int) -> tuple[bytes, int, bool]:
    """(body, bytes read, too large): reads at most ``limit + 1`` bytes of the body."""
    declared = request.content_length
    buf = bytearray()
    while True:
        chunk = await request.content.read(min(65536, limit + 1 - len(buf)))
        if not chunk:
            break
        buf += chunk
        if len(buf) > limit:
            return bytes(buf[:limit]), max(len(buf), declared or 0), True
    return bytes(buf), len(buf), False


def _records_of(raw: bytes) -> list[tuple[int, bytes]]:
    """One JSON object (possibly spread over lines) or JSON lines: [(line number, bytes)]."""
    stripped = raw.strip()
    if not stripped:
        return []
    if b"\n" in stripped:
        try:
            if isinstance(orjson.loads(stripped), dict):
                return [(1, stripped)]
        except orjson.JSONDecodeError:
            pass
        return [(i, line.strip()) for i, line in enumerate(raw.split(b"\n"), start=1) if line.strip()]
    return [(1, stripped)]


@web.middleware
async def _observe(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
                   ) -> web.StreamResponse:
    endpoint = ENDPOINTS.get(request.path, "other")
    started = time.perf_counter()
    try:
        response = await handler(request)
    except web.HTTPException as exc:  # 404, 405 from the router
        response = _json(exc.status, {"error": exc.reason})
        request[OUTCOME] = "not_found" if exc.status == 404 else "bad_method"
    except asyncio.CancelledError:
        raise
    except Exception as exc:  # a bug must not take the service down; never log the body
        log.error("internal error on %s: %s", endpoint, type(exc).__name__, exc_info=log.isEnabledFor(logging.DEBUG))
        response = _json(500, {"error": "internal"})
        request[OUTCOME] = ERROR
    outcome = request.get(OUTCOME) or ("ok" if response.status < 400 else ERROR)
    _requests(endpoint, outcome, response.status).inc()
    _latency(endpoint).observe(time.perf_counter() - started)
    return response


def build_app(gateway: Gateway) -> web.Application:
    app = web.Application(middlewares=[_observe], client_max_size=gateway.settings.gateway_max_body_bytes + 1)
    app.router.add_post(WEBHOOK_PATH, gateway.webhook)
    app.router.add_post(INGEST_PATH, gateway.ingest)
    app.router.add_get("/healthz", gateway.healthz)
    app.router.add_get("/metrics", gateway.metrics)

    async def on_startup(_: web.Application) -> None:
        await gateway.start()

    async def on_cleanup(_: web.Application) -> None:
        await gateway.stop()

    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


class GatewayServer:
    """The gateway on host:port in the running event loop (``port=0``: a free one); for the CLI,
    the tests and the bench."""

    def __init__(self, settings: Settings, groups: GroupsConfig, *, host: str = "0.0.0.0", port: int | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.gateway = Gateway(settings, groups, clock=clock)
        self.host = host
        self.port = settings.gateway_port if port is None else port
        self._runner: web.AppRunner | None = None

    async def start(self) -> "GatewayServer":
        self._runner = web.AppRunner(build_app(self.gateway), access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, backlog=2048)
        await site.start()
        if self._runner.addresses:  # the bound port when asked for port 0
            self.port = self._runner.addresses[0][1]
        return self

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "") else self.host
        return f"http://{host}:{self.port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> "GatewayServer":
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
