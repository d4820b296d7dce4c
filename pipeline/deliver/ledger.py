"""The delivery log: one record per delivery outcome on ``moderation.deliveries``.

Every delivery that is delivered, parked or (dry-run) logged is recorded there, keyed
by ``group_id``, and the broker's acknowledgement is awaited before the input offset
may be committed past it. At start (and on every partition assignment) the deliverer
reads the log back and skips deliveries already done, so after a restart or a SIGKILL
only the deliveries that were in flight (sent, not yet logged) are sent again.

Read-back goes on to the real end: the embedded broker (Tansu) reports the end of a
multi-record batch one short, so the reported end offsets only say "at least until
here"; reading continues until a fetch brings nothing more.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer, TopicPartition

from pipeline import metrics
from pipeline.deliver.records import DONE_STATUSES, PARKED, Delivery, delivery_record
from pipeline.kafka import clients, topics
from pipeline.kafka.reading import read_to_end
from pipeline.settings import Settings

log = logging.getLogger(__name__)


async def read_back(settings: Settings, *, per_partition: int | None = None, timeout: float = 120.0,
                    topic: str = topics.DELIVERIES) -> list[dict[str, Any]]:
    """The records of ``topic`` (the newest ``per_partition`` of each partition, None: all),
    read until a fetch after the reported end brings nothing more."""
    consumer = clients.consumer(settings, group_id=None)
    await consumer.start()
    out: list[dict[str, Any]] = []
    try:
        await consumer.topics()
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        try:
            async for _, record in read_to_end(consumer, tps, per_partition, timeout):
                try:
                    value = orjson.loads(record.value)
                except (orjson.JSONDecodeError, TypeError):
                    value = None
                if isinstance(value, dict):
                    out.append(value)
        except asyncio.TimeoutError:
            raise asyncio.TimeoutError(f"read-back of {topic} incomplete after {timeout}s") from None
        return out
    finally:
        await consumer.stop()


class Ledger:
    """What is done (in memory), and writing new outcomes to the topic.

    Only the newest ``keep`` outcomes stay in memory (the oldest tenth is dropped beyond
    that): older ones belong to records whose offsets were committed long ago."""

    def __init__(self, producer: AIOKafkaProducer | None, keep: int = 1_000_000) -> None:
        self.producer = producer
        self.keep = keep
        self.done: dict[str, str] = {}  # delivery_id -> status, oldest first

    def absorb(self, records: list[dict[str, Any]]) -> int:
        added = 0
        for rec in records:
            ident, status = rec.get("delivery_id"), rec.get("status")
            if isinstance(ident, str) and status in DONE_STATUSES:
                if ident not in self.done:
                    added += 1
                self.done.pop(ident, None)
                self.done[ident] = status
        self._prune()
        self._publish()
        return added

    def _prune(self) -> None:
        if len(self.done) > self.keep:
            for ident in list(itertools.islice(self.done, len(self.done) - self.keep + self.keep // 10)):
                del self.done[ident]

    def _publish(self) -> None:
        metrics.DELIVERIES_PARKED.set(sum(1 for s in self.done.values() if s == PARKED))

    async def load(self, settings: Settings) -> int:
        records = await read_back(settings, per_partition=settings.deliver_readback_per_partition or None)
        added = self.absorb(records)
        log.info("delivery log read back: %d outcomes (%d new)", len(records), added)
        return added

    def is_done(self, delivery_id: str) -> bool:
        return delivery_id in self.done

    async def record(self, d: Delivery, status: str, attempts: int, error: str = "") -> dict[str, Any]:
        """Write the outcome and wait for the broker; retried until it is stored."""
        value = delivery_record(d, status, attempts, error)
        if self.producer is not None:
            delay = 0.2
            while True:
                try:
                    await self.producer.send_and_wait(topics.DELIVERIES, orjson.dumps(value),
                                                      key=d.group_id.encode())
                    break
                except Exception as exc:  # noqa: BLE001 - the broker is away: keep the record, retry
                    log.warning("cannot write the delivery log (%s); retrying in %.1f s",
                                type(exc).__name__, delay)
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 10.0)
        self.done[d.delivery_id] = status
        self._prune()
        if status == PARKED:
            self._publish()
        return value
