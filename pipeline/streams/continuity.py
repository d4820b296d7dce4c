"""Every offset of every assigned input partition is processed, in order, once per assignment.

Faust can skip input offsets around a rebalance: records prefetched before
the seek to the committed offsets move its read offset forward, and its
gap handling then acknowledges the offsets in between as if processed
(faust-streaming issues #216, #221, #606). We saw it here when a worker took
over from one that had been killed. So the agent keeps its own account: the
next offset it expects per partition, starting from the group's committed
offset. A batch that starts past that offset gets the missing records
fetched directly and processed first; records before it were processed
already and are dropped. A partition that has records beyond the expected
offset and delivers nothing for a while is filled the same way.
"""

from __future__ import annotations

import logging
import time
from typing import Iterable, Sequence

from aiokafka import TopicPartition

from pipeline.settings import Settings
from pipeline.streams import topics
from pipeline.streams.records import RawRecord
from pipeline.streams.readback import side_consumer

log = logging.getLogger(__name__)


class OffsetLedger:
    """The next input offset expected per partition (pure bookkeeping, no I/O)."""

    def __init__(self) -> None:
        self.expected: dict[int, int] = {}
        self.last_progress: dict[int, float] = {}

    def reset(self, expected: dict[int, int]) -> None:
        self.expected = dict(expected)
        now = time.monotonic()
        self.last_progress = {p: now for p in expected}

    def split(self, records: Sequence[RawRecord]) -> tuple[list[RawRecord], dict[int, tuple[int, int]]]:
        """(records not yet processed; per partition the span [start, end) that holds every
        offset missing before or between them, to fetch and merge in)."""
        fresh: list[RawRecord] = []
        gaps: dict[int, tuple[int, int]] = {}
        seen_next = dict(self.expected)
        for record in records:
            expected = seen_next.get(record.partition)
            if expected is not None and record.offset < expected:
                continue  # processed before (a redelivery)
            if expected is not None and record.offset > expected:
                start = gaps.get(record.partition, (expected, expected))[0]
                gaps[record.partition] = (start, record.offset)
            seen_next[record.partition] = record.offset + 1
            fresh.append(record)
        return fresh, gaps

    @staticmethod
    def merge(fresh: Sequence[RawRecord], fetched: Sequence[RawRecord]) -> list[RawRecord]:
        """The fetched records that were missing, merged in: each partition in offset order."""
        have = {(r.partition, r.offset) for r in fresh}
        merged = list(fresh) + [r for r in fetched if (r.partition, r.offset) not in have]
        return sorted(merged, key=lambda r: (r.partition, r.offset))

    def advance(self, records: Iterable[RawRecord]) -> None:
        now = time.monotonic()
        for record in records:
            if record.offset + 1 > self.expected.get(record.partition, -1):
                self.expected[record.partition] = record.offset + 1
                self.last_progress[record.partition] = now

    def stalled(self, highwaters: dict[int, int], idle_seconds: float) -> dict[int, tuple[int, int]]:
        """Partitions with records beyond the expected offset and no progress for ``idle_seconds``."""
        now = time.monotonic()
        return {p: (self.expected[p], hw) for p, hw in highwaters.items()
                if p in self.expected and hw > self.expected[p]
                and now - self.last_progress.get(p, now) >= idle_seconds}


async def committed_offsets(settings: Settings, group_id: str, partitions: Iterable[int], *,
                            topic: str = topics.INPUT) -> dict[int, int]:
    """The group's committed offset per input partition (the beginning where none is committed).

    Reads with the group id but never joins the group."""
    consumer = side_consumer(settings, group_id)
    await consumer.start()
    try:
        tps = [TopicPartition(topic, p) for p in partitions]
        begins = await consumer.beginning_offsets(tps) if tps else {}
        out = {}
        for tp in tps:
            committed = await consumer.committed(tp)
            out[tp.partition] = committed if committed is not None and committed >= 0 else begins[tp]
        return out
    finally:
        await consumer.stop()


async def fetch_range(settings: Settings, gaps: dict[int, tuple[int, int]], *,
                      topic: str = topics.INPUT, timeout: float = 30.0) -> list[RawRecord]:
    """The input records at [start, end) of each partition, in offset order per partition."""
    consumer = side_consumer(settings)
    await consumer.start()
    out: list[RawRecord] = []
    try:
        tps = {TopicPartition(topic, p): span for p, span in gaps.items()}
        consumer.assign(list(tps))
        for tp, (start, _) in tps.items():
            consumer.seek(tp, start)
        remaining = {tp: end for tp, (start, end) in tps.items() if end > start}
        deadline = time.monotonic() + timeout
        while remaining and time.monotonic() < deadline:
            batch = await consumer.getmany(*remaining, timeout_ms=500)
            for tp, records in batch.items():
                for r in records:
                    if tp in remaining and r.offset < remaining[tp]:
                        out.append(RawRecord(value=r.value, key=r.key, topic=tp.topic, partition=tp.partition,
                                             offset=r.offset, timestamp=r.timestamp / 1000 if r.timestamp else None))
                    if r.offset >= remaining.get(tp, 0) - 1:
                        remaining.pop(tp, None)
        if remaining:
            raise TimeoutError(f"could not fetch input offsets {remaining} within {timeout}s")
    finally:
        await consumer.stop()
    return out
