"""``binhyen deliver``: the consumer, the per-channel lanes, offsets, parking, dry-run.

Flow per output record (its own consumer group over escalations, warnings,
lost-found and review): route it (``routing``), drop the deliveries the delivery log
already has, queue each remaining one on its channel's lane, and once every delivery
of the record is delivered or parked *and logged*, the record is finished. Offsets
are committed per partition only up to the first unfinished record.

Lanes: one for Zalo (``BINHYEN_DELIVER_ZALO_CONCURRENCY`` calls in flight: Zalo has
no idempotency key, so after a SIGKILL at most that many messages repeat) and one
per webhook endpoint (``BINHYEN_DELIVER_WEBHOOK_CONCURRENCY``). A slow or failing
endpoint only fills its own lane; fetching pauses when ``BINHYEN_DELIVER_MAX_PENDING``
records are unfinished. Within a lane urgent escalations go first.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

import aiohttp
import orjson
from aiokafka import ConsumerRebalanceListener, TopicPartition
from aiokafka.structs import OffsetAndMetadata

from pipeline import metrics
from pipeline.deliver.backoff import Backoff
from pipeline.deliver.errors import DeliveryFailed
from pipeline.deliver.ledger import Ledger
from pipeline.deliver.records import CONSUMED, DELIVERED, DRY_RUN, PARKED, WEBHOOK, ZALO_CS, Delivery, priority
from pipeline.deliver.routing import route
from pipeline.deliver.tokens import FileTokenStore, TokenManager, TokenStore
from pipeline.deliver.webhooks import WebhookSender
from pipeline.deliver.zalo import ZaloClient, oauth_refresher
from pipeline.domain.groups import GroupsConfig
from pipeline.kafka import clients, topics
from pipeline.kafka.admin import ensure_topics
from pipeline.settings import Settings

log = logging.getLogger(__name__)


class Lane:
    """A priority queue served by ``concurrency`` workers."""

    def __init__(self, name: str, concurrency: int) -> None:
        self.name = name
        self.queue: asyncio.PriorityQueue[tuple[int, int, Callable[[], Awaitable[None]]]] = asyncio.PriorityQueue()
        self._seq = itertools.count()
        self.workers = [asyncio.create_task(self._work(), name=f"lane-{name}-{i}") for i in range(concurrency)]

    def submit(self, rank: int, job: Callable[[], Awaitable[None]]) -> None:
        self.queue.put_nowait((rank, next(self._seq), job))

    async def _work(self) -> None:
        while True:
            _, _, job = await self.queue.get()
            try:
                await job()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - a bug in one delivery must not stop the lane
                log.exception("delivery job failed in lane %s", self.name)

    async def close(self) -> None:
        for w in self.workers:
            w.cancel()
        await asyncio.gather(*self.workers, return_exceptions=True)


@dataclass(eq=False)
class Job:
    """One consumed record and its deliveries still to finish."""

    tp: TopicPartition
    offset: int
    timestamp: float  # POSIX seconds (the record's Kafka timestamp)
    priority: str
    remaining: int = 0
    finished: asyncio.Event = field(default_factory=asyncio.Event)

    def done_one(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.finished.set()


class _Listener(ConsumerRebalanceListener):
    def __init__(self, deliverer: "Deliverer") -> None:
        self.deliverer = deliverer

    async def on_partitions_revoked(self, revoked):  # type: ignore[override]
        await self.deliverer.on_revoked(list(revoked))

    async def on_partitions_assigned(self, assigned):  # type: ignore[override]
        await self.deliverer.on_assigned(list(assigned))


class Deliverer:
    def __init__(self, settings: Settings, groups: GroupsConfig, *, token_store: TokenStore | None = None) -> None:
        self.settings = settings
        self.groups = groups
        self.dry_run = settings.deliver_dry_run
        self.token_store = token_store
        self.webhook_urls = [settings.webhook_url] if settings.webhook_url else []
        self.backoff = Backoff(base=settings.deliver_retry_base, cap=settings.deliver_retry_cap,
                               max_attempts=settings.deliver_max_attempts)
        self.ledger = Ledger(None)
        self.tracks: dict[TopicPartition, deque[Job]] = {}
        self.committed: dict[TopicPartition, int] = {}
        self.pending: set[Job] = set()
        self.inflight: dict[str, asyncio.Future[None]] = {}
        self.waiting_cs: dict[str, tuple[str, float]] = {}  # 1:1 deliveries under way: id -> (priority, record time)
        self.lanes: dict[str, Lane] = {}
        self.consumer = None
        self.zalo: ZaloClient | None = None
        self.webhooks: WebhookSender | None = None
        self.tokens: TokenManager | None = None
        self._assignments = 0

    # ------------------------------------------------------------------ life cycle

    async def run(self, stop: asyncio.Event) -> None:
        s = self.settings
        await self._topics(stop)
        producer = clients.producer(s)
        await producer.start()
        self.ledger.producer = producer
        session = aiohttp.ClientSession()
        gauges = None
        try:
            await self.ledger.load(s)
            self._make_clients(session)
            group_id = s.deliver_group_id or f"{s.app_id}-deliver"
            # A short fetch wait: a broker that does not answer a waiting fetch as soon as records
            # arrive would add up to 500 ms (the default wait) to a tip: deliver-bench showed it.
            self.consumer = consumer = clients.consumer(s, group_id=group_id, fetch_max_wait_ms=50)
            await consumer.start()
            consumer.subscribe(topics=list(CONSUMED), listener=_Listener(self))
            gauges = asyncio.create_task(self._gauges())
            log.info("deliver: consumer group %s over %s%s", group_id, ", ".join(CONSUMED),
                     " (DRY RUN: nothing is sent)" if self.dry_run else "")
            try:
                await self._loop(stop)
            finally:
                await self._drain(grace=10.0)
                await self._commit()
                await consumer.stop()
        finally:
            if gauges is not None:
                gauges.cancel()
            for lane in self.lanes.values():
                await lane.close()
            await session.close()
            await producer.stop()

    async def _topics(self, stop: asyncio.Event, timeout: float = 120.0) -> None:
        """Create the topics it reads and writes if missing, waiting for the broker to come up."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                await ensure_topics(self.settings, names=[*CONSUMED, topics.DELIVERIES], timeout=10.0)
                return
            except Exception as exc:  # noqa: BLE001 - the broker is not up yet
                if time.monotonic() > deadline or stop.is_set():
                    raise RuntimeError(f"Kafka at {self.settings.kafka} not reachable: {exc}") from exc
                log.warning("Kafka not reachable yet (%s); retrying", type(exc).__name__)
                await asyncio.sleep(2.0)

    def _make_clients(self, session: aiohttp.ClientSession) -> None:
        s = self.settings
        if self.dry_run:
            return
        store = self.token_store or FileTokenStore.in_data_dir(s.data_dir)
        refresher = oauth_refresher(session, s.zalo_oauth_base, s.zalo_app_id,
                                    s.zalo_app_secret.get_secret_value(), timeout=s.deliver_http_timeout)
        self.tokens = TokenManager(store, refresher, s.zalo_refresh_token.get_secret_value(),
                                   margin=s.zalo_token_refresh_margin)
        self.zalo = ZaloClient(session, s.zalo_api_base, self.tokens, timeout=s.deliver_http_timeout,
                               backoff=self.backoff, retryable_codes=s.zalo_retryable_codes,
                               token_codes=s.zalo_token_error_codes)
        secret = s.webhook_secret.get_secret_value()
        if self.webhook_urls or any(c.webhook_urls for c in self.groups.groups.values()):
            if not secret:
                log.warning("webhooks configured but BINHYEN_WEBHOOK_SECRET is empty: sent unsigned")
        self.webhooks = WebhookSender(session, secret, timeout=s.deliver_http_timeout, backoff=self.backoff)

    async def _loop(self, stop: asyncio.Event) -> None:
        assert self.consumer is not None
        last_commit = time.monotonic()
        while not stop.is_set():
            # Polled even when every partition is paused: a consumer that stops polling for
            # max.poll.interval.ms is put out of its group.
            self._throttle()
            batch = await self.consumer.getmany(timeout_ms=200, max_records=500)
            for tp, records in batch.items():
                for record in records:
                    self._accept(tp, record)
            if time.monotonic() - last_commit >= 0.5:
                await self._commit()
                last_commit = time.monotonic()

    def _throttle(self) -> bool:
        """Pause fetching when too much is unfinished: first every topic but the escalations
        (an urgent tip or reminder is fetched, and jumps its lane's queue, however far behind the warnings
        are), then, at twice the limit, everything. True when nothing may be fetched now."""
        assert self.consumer is not None
        assigned = self.consumer.assignment()
        pending, limit = len(self.pending), self.settings.deliver_max_pending
        if pending >= 2 * limit:
            want = set(assigned)
        elif pending >= limit:
            want = {tp for tp in assigned if tp.topic not in (topics.ESCALATIONS, topics.REMINDERS)}
        else:
            want = set()
        paused = self.consumer.paused() & assigned
        if want - paused:
            self.consumer.pause(*(want - paused))
        if paused - want:
            self.consumer.resume(*(paused - want))
        return bool(assigned) and want == set(assigned)

    async def _drain(self, grace: float) -> None:
        if not self.pending:
            return
        waits = [asyncio.create_task(j.finished.wait()) for j in list(self.pending)]
        done, not_done = await asyncio.wait(waits, timeout=grace)
        for t in not_done:
            t.cancel()
        if not_done:
            log.warning("stopping with %d records unfinished: they are delivered after the restart",
                        len(not_done))

    # ------------------------------------------------------------------ rebalances

    async def on_revoked(self, revoked: list[TopicPartition]) -> None:
        await self._commit()
        for tp in revoked:
            for job in self.tracks.pop(tp, ()):  # still running jobs finish and are logged anyway
                self.pending.discard(job)
            self.committed.pop(tp, None)

    async def on_assigned(self, assigned: list[TopicPartition]) -> None:
        if self.consumer is None:
            return
        self._assignments += 1
        if self._assignments == 1:  # the log was read just before joining
            return
        try:  # what another member logged before this assignment
            await self.ledger.load(self.settings)
        except Exception as exc:  # noqa: BLE001
            log.warning("delivery log read-back after assignment failed (%s)", type(exc).__name__)

    # ------------------------------------------------------------------ records

    def _accept(self, tp: TopicPartition, record: Any) -> None:
        job = Job(tp, record.offset, (record.timestamp or 0) / 1000.0 or time.time(), "normal")
        self.tracks.setdefault(tp, deque()).append(job)
        try:
            value = orjson.loads(record.value)
        except (orjson.JSONDecodeError, TypeError):
            value = None
        if not isinstance(value, dict):
            log.warning("skipping a record that is not a JSON object: %s[%d]@%d", tp.topic, tp.partition,
                        record.offset)
            job.finished.set()
            return
        job.priority = priority(tp.topic, value)
        try:
            deliveries = route(tp.topic, value, self.groups, webhook_urls=self.webhook_urls,
                               text_limit=self.settings.zalo_text_limit)
        except Exception:  # noqa: BLE001 - bad input never crashes the deliverer
            log.exception("routing failed for %s[%d]@%d; skipped", tp.topic, tp.partition, record.offset)
            deliveries = []
        todo = [d for d in deliveries if not self.ledger.is_done(d.delivery_id)]
        if not todo:
            job.finished.set()
            return
        job.remaining = len(todo)
        self.pending.add(job)
        for d in todo:
            running = self.inflight.get(d.delivery_id)
            if running is not None:  # the same delivery is already under way (a re-fetch after a rebalance)
                running.add_done_callback(lambda _f, j=job: self._finish_one(j))
                continue
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self.inflight[d.delivery_id] = future
            if d.kind == ZALO_CS:
                self.waiting_cs[d.delivery_id] = (job.priority, job.timestamp)
            future.add_done_callback(lambda _f, j=job: self._finish_one(j))
            self._lane_for(d).submit(d.rank, lambda d=d, f=future, j=job: self._deliver(d, f, j))

    def _finish_one(self, job: Job) -> None:
        job.done_one()
        if job.finished.is_set():
            self.pending.discard(job)

    def _lane_for(self, d: Delivery) -> Lane:
        name = d.channel if d.kind == WEBHOOK else "zalo"
        lane = self.lanes.get(name)
        if lane is None:
            size = self.settings.deliver_webhook_concurrency if d.kind == WEBHOOK \
                else self.settings.deliver_zalo_concurrency
            lane = self.lanes[name] = Lane(name, size)
        return lane

    async def _deliver(self, d: Delivery, future: asyncio.Future[None], job: Job) -> None:
        try:
            status, attempts, error = await self._send(d)
            await self.ledger.record(d, status, attempts, error)
            metrics.DELIVERIES.labels(channel=d.kind, status=status).inc()
            if status == DELIVERED:
                metrics.DELIVERY_LATENCY.labels(channel=d.kind, priority=job.priority).observe(
                    max(0.0, time.time() - job.timestamp))
            if status == PARKED:
                log.error("delivery parked: %s on %s after %d attempts: %s", d.record_id, d.channel, attempts, error)
        finally:
            self.inflight.pop(d.delivery_id, None)
            self.waiting_cs.pop(d.delivery_id, None)
            if not future.done():
                future.set_result(None)

    async def _send(self, d: Delivery) -> tuple[str, int, str]:
        if d.problem:
            return PARKED, 0, d.problem
        if self.dry_run:
            body = orjson.dumps(d.payload)
            log.info("dry-run: would send %s to %s (%d bytes) for %s", d.kind, d.channel, len(body), d.record_id)
            return DRY_RUN, 0, ""
        note = lambda result: metrics.DELIVERY_ATTEMPTS.labels(channel=d.kind, result=result).inc()  # noqa: E731
        try:
            if d.kind == WEBHOOK:
                assert self.webhooks is not None
                _, attempts = await self.webhooks.send(d.target, d.record_id, orjson.dumps(d.payload), on_attempt=note)
            else:
                assert self.zalo is not None
                _, attempts = await self.zalo.send(d.kind, d.payload, on_attempt=note)
        except DeliveryFailed as exc:
            return PARKED, exc.attempts, exc.reason
        return DELIVERED, attempts, ""

    # ------------------------------------------------------------------ offsets and gauges

    async def _commit(self) -> None:
        if self.consumer is None:
            return
        offsets: dict[TopicPartition, OffsetAndMetadata] = {}
        for tp, track in self.tracks.items():
            position = None
            while track and track[0].finished.is_set():
                position = track.popleft().offset + 1
            if position is not None and position != self.committed.get(tp):
                offsets[tp] = OffsetAndMetadata(position, "")
        if not offsets:
            return
        try:
            await self.consumer.commit(offsets)
        except Exception as exc:  # noqa: BLE001 - a rebalance in progress: commit next time
            log.warning("offset commit failed (%s); retried on the next round", type(exc).__name__)
            for tp, om in offsets.items():  # put the finished positions back in front
                self.tracks.setdefault(tp, deque()).appendleft(_Done(tp, om.offset - 1))
            return
        for tp, om in offsets.items():
            self.committed[tp] = om.offset

    async def _gauges(self) -> None:
        while True:
            now = time.time()
            oldest = {"urgent": 0.0, "normal": 0.0}
            for prio, stamp in list(self.waiting_cs.values()):
                oldest[prio] = max(oldest[prio], now - stamp)
            for prio, age in oldest.items():
                metrics.DELIVERY_OLDEST_PENDING.labels(priority=prio).set(age)
            metrics.DELIVERY_PENDING.set(len(self.pending))
            if self.tokens is not None:
                left = self.tokens.seconds_left()
                if left is not None:
                    metrics.ZALO_TOKEN_EXPIRY.labels(token="access").set(left)
            await asyncio.sleep(1.0)


def _Done(tp: TopicPartition, offset: int) -> Job:
    job = Job(tp, offset, 0.0, "normal")
    job.finished.set()
    return job
