"""Ids of output records already on the broker, read back after a partition assignment.

Kafka without transactions cannot publish outputs and state atomically. The
agent publishes a batch's outputs, waits for the broker, then stores the
group state. A crash between the two leaves outputs whose state was not
stored; the next owner of the partition judges those messages again and
would publish the same records (same deterministic ids) a second time. So,
whenever its assignment changes, the worker first re-reads the newest records
of the output partitions and skips any output whose id is already there.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Iterable

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from pipeline.streams import topics

log = logging.getLogger(__name__)


def emission_id(topic: str, value: dict) -> str | None:
    """The deterministic id of an output record (None when it has none)."""
    try:
        if topic == topics.DECISIONS:
            return f"{value['group_id']}:{value['message_id']}"
        if topic == topics.WARNINGS:
            return value["warning_id"]
        if topic == topics.ESCALATIONS:
            return value["escalation_id"]
        if topic == topics.LOST_FOUND:
            return value["report_id"]
        if topic == topics.DEAD_LETTER:
            return f"{value['topic']}:{value['partition']}:{value['offset']}"
    except (KeyError, TypeError):
        return None
    return None


async def read_published_ids(bootstrap: list[str], partitions: Iterable[int], *, per_partition: int,
                             client_kwargs: dict | None = None, timeout: float = 30.0) -> set[tuple[str, str]]:
    """(topic, id) of the newest ``per_partition`` records of each output partition that holds
    groups of the given input partitions (all partitions when the counts differ)."""
    wanted = set(partitions)
    found: set[tuple[str, str]] = set()
    if not wanted:
        return found
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                                max_partition_fetch_bytes=4 * 1024 * 1024, **(client_kwargs or {}))
    await consumer.start()
    started = time.monotonic()
    try:
        await consumer.topics()  # fills the metadata cache for every topic
        input_count = len(consumer.partitions_for_topic(topics.INPUT) or ()) or None
        tps: list[TopicPartition] = []
        for topic in topics.OUTPUTS:
            parts = consumer.partitions_for_topic(topic) or set()
            same_layout = input_count is not None and len(parts) == input_count
            tps += [TopicPartition(topic, p) for p in parts if not same_layout or p in wanted]
        if not tps:
            return found
        consumer.assign(tps)
        ends = await consumer.end_offsets(tps)
        begins = await consumer.beginning_offsets(tps)
        remaining = {}
        for tp in tps:
            start = max(begins[tp], ends[tp] - per_partition)
            if ends[tp] > start:
                consumer.seek(tp, start)
                remaining[tp] = ends[tp]
        while remaining:
            if time.monotonic() - started > timeout:
                raise asyncio.TimeoutError(f"read-back incomplete after {timeout}s")
            batch = await consumer.getmany(*remaining, timeout_ms=500)
            for tp, records in batch.items():
                for record in records:
                    try:
                        ident = emission_id(tp.topic, orjson.loads(record.value))
                    except orjson.JSONDecodeError:
                        ident = None
                    if ident is not None:
                        found.add((tp.topic, ident))
                    if record.offset >= remaining.get(tp, 0) - 1:
                        remaining.pop(tp, None)
    finally:
        await consumer.stop()
    return found

