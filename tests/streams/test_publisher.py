"""The publisher: one producer batch per topic partition, keyed records where the default
partitioner (murmur2, as Kafka's Java clients) puts them, one wait for all."""

from __future__ import annotations

import asyncio

import pytest
from aiokafka.partitioner import DefaultPartitioner

from pipeline.settings import Settings
from pipeline.streams.app import Publisher


class FakeBatch:
    def __init__(self, limit):
        self.records, self.limit = [], limit

    def append(self, *, key, value, timestamp):
        if len(self.records) >= self.limit:
            return None
        self.records.append((key, value))
        return object()


class FakeProducer:
    def __init__(self, limit=1000, fail=False):
        self.batches, self.limit, self.fail = [], limit, fail

    async def partitions_for(self, topic):
        return {0, 1, 2, 3}

    def create_batch(self):
        return FakeBatch(self.limit)

    async def send_batch(self, batch, topic, *, partition):
        self.batches.append((topic, partition, batch.records))
        future = asyncio.get_running_loop().create_future()
        future.set_exception(RuntimeError("broker gone")) if self.fail else future.set_result(None)
        return future


def publisher(producer):
    p = Publisher(Settings(kafka="127.0.0.1:1"))
    p.producer = producer
    return p


async def test_records_go_in_one_batch_per_topic_partition_where_the_key_belongs():
    producer = FakeProducer()
    keys = [f"g{i}".encode() for i in range(20)]
    await publisher(producer).publish([("out", k, b"v", None) for k in keys] + [("log", b"g0", b"s", 3)])
    expected = {k: DefaultPartitioner()(k, [0, 1, 2, 3], [0, 1, 2, 3]) for k in keys}
    seen = {}
    for topic, partition, records in producer.batches:
        if topic == "out":
            for key, _ in records:
                seen[key] = partition
    assert seen == expected
    assert len([b for b in producer.batches if b[0] == "out"]) == len(set(expected.values()))
    assert ("log", 3, [(b"g0", b"s")]) in producer.batches


async def test_a_full_batch_is_sent_and_another_started():
    producer = FakeProducer(limit=2)
    await publisher(producer).publish([("out", b"k", str(i).encode(), 1) for i in range(5)])
    assert [len(r) for _, _, r in producer.batches] == [2, 2, 1]


async def test_a_failed_delivery_raises():
    with pytest.raises(RuntimeError, match="could not be published"):
        await publisher(FakeProducer(fail=True)).publish([("out", b"k", b"v", None)])
