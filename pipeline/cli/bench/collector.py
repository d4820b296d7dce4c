"""Putting the bench's messages in and counting what comes out."""

from __future__ import annotations

import asyncio
import base64
import sys
import time
from typing import Any

import orjson

from pipeline.cli.bench.children import bench_settings
from pipeline.streams import topics


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def message_id_of(topic: str, value: bytes | None) -> str | None:
    """The input ``message_id`` an output record stands for (forwarded copy, decision or dead letter)."""
    if value is None:
        return None
    try:
        obj = orjson.loads(value)
        if topic == topics.DEAD_LETTER and isinstance(obj, dict):
            original = obj.get("original_base64")
            obj = orjson.loads(base64.b64decode(original)) if original else None
        mid = obj.get("message_id") if isinstance(obj, dict) else None
        return mid if isinstance(mid, str) else None
    except (orjson.JSONDecodeError, ValueError, TypeError):
        return None


class Collector:
    """Reads output topics from their current end, keeping the first timestamp of each wanted id."""

    def __init__(self, bootstrap: list[str], sinks: list[str]) -> None:
        self.bootstrap = bootstrap
        self.sinks = sinks
        self.seen: dict[str, int] = {}  # message_id -> output record timestamp (ms)
        self.received_at: dict[str, float] = {}  # message_id -> time.time() of receipt
        self.duplicates = 0
        self.prefix = ""
        self._consumer: Any = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        from aiokafka import TopicPartition

        from pipeline.kafka import clients

        self._consumer = clients.consumer(bench_settings(self.bootstrap), fetch_max_wait_ms=100)
        await self._consumer.start()
        tps = []
        for topic in self.sinks:
            parts = None
            for _ in range(50):
                await self._consumer.topics()  # refreshes the metadata
                parts = self._consumer.partitions_for_topic(topic)
                if parts:
                    break
                await asyncio.sleep(0.1)
            if not parts:
                raise RuntimeError(f"topic {topic} has no partitions")
            tps += [TopicPartition(topic, p) for p in sorted(parts)]
        self._consumer.assign(tps)
        await self._consumer.seek_to_end(*tps)
        for tp in tps:  # resolve the end positions now, before anything is produced
            await self._consumer.position(tp)
        self._task = asyncio.create_task(self._run())

    def want(self, prefix: str) -> None:
        self.prefix = prefix

    def count(self, prefix: str) -> int:
        return sum(1 for k in self.seen if k.startswith(prefix))

    async def _run(self) -> None:
        consumer = self._consumer
        while True:
            batch = await consumer.getmany(timeout_ms=200, max_records=10_000)
            now = time.time()
            for tp, records in batch.items():
                for record in records:
                    mid = message_id_of(tp.topic, record.value)
                    if mid is None or not mid.startswith(self.prefix):
                        continue
                    if mid in self.seen:
                        self.duplicates += 1
                        continue
                    self.seen[mid] = record.timestamp if record.timestamp and record.timestamp > 0 \
                        else int(now * 1000)
                    self.received_at[mid] = now

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
        if self._consumer is not None:
            await self._consumer.stop()


async def produce_all(bootstrap: list[str], topic: str, pairs: list[tuple[bytes, bytes]], *,
                      label: str, rate: float = 0.0) -> dict[bytes, int]:
    """Publish (key, value) pairs, as fast as possible or, with ``rate`` > 0, paced.

    Every record carries an explicit timestamp (now, in ms); for paced runs the
    timestamps are returned by value, for latency matching (empty otherwise).
    """
    from pipeline.kafka import clients

    producer = clients.producer(bench_settings(bootstrap), acks=1, linger_ms=10 if rate <= 0 else 0,
                                max_batch_size=512 * 1024)
    await producer.start()
    stamps: dict[bytes, int] = {}
    started = time.monotonic()
    last_report = started
    try:
        pending = []
        for i, (key, value) in enumerate(pairs, 1):
            ts = int(time.time() * 1000)
            pending.append(await producer.send(topic, value=value, key=key, timestamp_ms=ts))
            if rate > 0:
                stamps[value] = ts
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            if time.monotonic() - last_report > 2.0:
                last_report = time.monotonic()
                log(f"{label}: produced {i:,}/{len(pairs):,}")
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    log(f"{label}: produced {len(pairs):,} messages to {topic} in {time.monotonic() - started:.1f} s")
    return stamps


def with_ids(records: list[dict[str, Any]], prefix: str) -> list[tuple[bytes, bytes]]:
    out = []
    for i, record in enumerate(records):
        r = dict(record)
        r["message_id"] = f"{prefix}{i}"
        out.append((r["group_id"].encode("utf-8"), orjson.dumps(r)))
    return out


async def start_group_at_end(bootstrap: list[str], group_id: str, topic: str) -> None:
    """Commit the topic's end offsets for ``group_id``, so a worker of that group starts there
    (stage d after stage c: the same input topic, only the new messages)."""
    from aiokafka import TopicPartition

    from pipeline.kafka import clients

    consumer = clients.consumer(bench_settings(bootstrap), group_id=group_id)
    await consumer.start()
    try:
        await consumer.topics()
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        await consumer.commit({tp: ends[tp] for tp in tps})
    finally:
        await consumer.stop()
