"""What is already on the broker, read back after a partition assignment.

Two things are read back before a worker processes its first batch for a new
assignment: the latest state of each group (from the table's changelog), and
the ids of the newest outputs.

State: the worker restores the group states of its partitions itself rather
than trusting Faust's table recovery, which reads a changelog only up to the
end offset the broker reports; the embedded broker reports the end of a
multi-record batch one short, so the newest state was missed after a
takeover. The last record per key in the changelog is the truth, and the
worker's own writes after that are kept in memory
(``partition_state.PartitionState``, which calls these readers).

Outputs:

Kafka without transactions cannot publish outputs and state atomically. The
agent publishes a batch's outputs, waits for the broker, then stores the
group state. A crash between the two leaves outputs whose state was not
stored; the next owner of the partition judges those messages again and
would publish the same records (same deterministic ids) a second time. So,
whenever its assignment changes, the worker first re-reads the newest records
of the output partitions and skips any output whose id is already there.
"""

from __future__ import annotations

import logging
from typing import Iterable

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from pipeline.kafka import clients
from pipeline.kafka.reading import read_to_end
from pipeline.settings import Settings
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
        if topic == topics.FEEDBACK:
            return value["feedback_id"]
        if topic == topics.REVIEW:
            return value["review_id"]
    except (KeyError, TypeError):
        return None
    return None


def side_consumer(settings: Settings, group_id: str | None = None) -> AIOKafkaConsumer:
    """A short-lived consumer beside Faust's (from the client factory): it never joins a group
    nor commits; ``group_id`` only lets it read that group's committed offsets."""
    return clients.consumer(settings, group_id=group_id)


async def read_published_ids(settings: Settings, partitions: Iterable[int], *, per_partition: int,
                             timeout: float = 60.0) -> set[tuple[str, str]]:
    """(topic, id) of the newest ``per_partition`` records of each output partition that holds
    groups of the given input partitions (all partitions when the counts differ)."""
    wanted = set(partitions)
    found: set[tuple[str, str]] = set()
    if not wanted:
        return found
    consumer = side_consumer(settings)
    await consumer.start()
    try:
        await consumer.topics()  # fills the metadata cache for every topic
        input_count = len(consumer.partitions_for_topic(topics.INPUT) or ()) or None
        tps: list[TopicPartition] = []
        for topic in topics.OUTPUTS:
            parts = consumer.partitions_for_topic(topic) or set()
            same_layout = input_count is not None and len(parts) == input_count
            tps += [TopicPartition(topic, p) for p in parts if not same_layout or p in wanted]
        async for tp, record in read_to_end(consumer, tps, per_partition, timeout):
            try:
                ident = emission_id(tp.topic, orjson.loads(record.value))
            except orjson.JSONDecodeError:
                ident = None
            if ident is not None:
                found.add((tp.topic, ident))
    finally:
        await consumer.stop()
    return found


async def read_latest_values(settings: Settings, topic: str, partitions: Iterable[int], *,
                             timeout: float = 120.0) -> dict[str | tuple[str, str], bytes]:
    """The last value per key in the given partitions of a changelog topic, as the stored bytes;
    a key whose last record is a tombstone is absent. Keys are JSON, as the group-state changelog
    has them: a string (a group's head record) or a pair of strings (one of its parts), returned
    as ``str`` and ``tuple``; other keys are skipped."""
    latest: dict[str | tuple[str, str], bytes] = {}
    consumer = side_consumer(settings)
    await consumer.start()
    try:
        await consumer.topics()
        parts = consumer.partitions_for_topic(topic) or set()
        tps = [TopicPartition(topic, p) for p in sorted(set(partitions) & parts)]
        async for _, record in read_to_end(consumer, tps, None, timeout):
            try:
                key = orjson.loads(record.key)
            except (orjson.JSONDecodeError, TypeError):
                continue
            if isinstance(key, list) and len(key) == 2 and all(isinstance(k, str) for k in key):
                key = (key[0], key[1])
            elif not isinstance(key, str):
                continue
            if record.value is None:
                latest.pop(key, None)
            else:
                latest[key] = record.value
    finally:
        await consumer.stop()
    return latest
