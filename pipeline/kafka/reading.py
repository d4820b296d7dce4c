"""Reading partitions to their real end, for every read-back of the project.

The end offsets a broker reports only say where to start and "at least until
here": reading goes on until a fetch past them returns nothing, because a
broker's end offset can lag behind the records it already acknowledged (Tansu
0.6 reports the last offset of a multi-record batch as the end), and the newest
records matter most to a read-back. The worker's state and output read-back
and the deliverer's delivery log both read this way.
"""

from __future__ import annotations

import asyncio
import time
from typing import AsyncIterator

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.structs import ConsumerRecord

__all__ = ["read_to_end"]


async def read_to_end(consumer: AIOKafkaConsumer, tps: list[TopicPartition], per_partition: int | None,
                      timeout: float) -> AsyncIterator[tuple[TopicPartition, ConsumerRecord]]:
    """Every record from ``end - per_partition`` (None: the beginning) to the real end of each
    partition of ``tps``, on a started consumer that is assigned them here. Raises
    ``asyncio.TimeoutError`` when that takes longer than ``timeout`` seconds."""
    if not tps:
        return
    consumer.assign(tps)
    ends = await consumer.end_offsets(tps)
    begins = await consumer.beginning_offsets(tps)
    below_end = {}
    for tp in tps:
        start = begins[tp] if per_partition is None else max(begins[tp], ends[tp] - per_partition)
        consumer.seek(tp, start)
        if ends[tp] > start:
            below_end[tp] = ends[tp]
    deadline = time.monotonic() + timeout
    while True:
        if time.monotonic() > deadline:
            raise asyncio.TimeoutError(f"read-back incomplete after {timeout}s")
        batch = await consumer.getmany(timeout_ms=300)
        if not batch and not below_end:
            return  # past the reported end and nothing more to fetch
        for tp, records in batch.items():
            for record in records:
                yield tp, record
                if record.offset >= below_end.get(tp, 0) - 1:
                    below_end.pop(tp, None)
