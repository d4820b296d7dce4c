"""The Faust app: topics, state tables and the one moderation agent.

The agent is thin: it takes a batch of events, hands the raw records to
:class:`~pipeline.streams.processing.BatchProcessor`, then queues the outputs
and the new state (the tables' changelog records) together and waits until the
broker has all of them before the batch is acknowledged. A crash can only
repeat a batch, never lose one; the repeated messages are then recognised by
their ids (the group-state table) unless the crash fell between the outputs
and the changelog reaching the broker, in which case the same records, with
the same deterministic ids, are published again. See README "Delivery
guarantees".
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

import faust
from faust.types import TP

from pipeline import metrics
from pipeline.domain.classification import Classifier
from pipeline.domain.engine import RuleEngine
from pipeline.settings import Settings
from pipeline.streams import codec, topics
from pipeline.streams.processing import BatchOutcome, BatchProcessor, RawRecord, StateUpdate

log = logging.getLogger(__name__)

SENDER_TABLE = "sender-state"
GROUP_TABLE = "group-state"


def faust_settings(settings: Settings) -> dict[str, Any]:
    """Faust configuration derived from our settings (one place, documented in README)."""
    return dict(
        broker=[f"kafka://{server}" for server in settings.bootstrap_servers],
        store="memory://",
        datadir=settings.data_dir,
        autodiscover=False,
        web_enabled=False,
        processing_guarantee="at_least_once",
        consumer_auto_offset_reset="earliest",
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        table_standby_replicas=0,
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.heartbeat_interval,
        broker_rebalance_timeout=settings.rebalance_timeout,
        broker_commit_interval=1.0,
        producer_max_request_size=4 * 1024 * 1024,
        consumer_max_fetch_size=4 * 1024 * 1024,
        stream_wait_empty=False,
        logging_config=None,
    )


@dataclass
class Runtime:
    """The app and what the agent works with, so tests can reach each piece."""

    app: faust.App
    processor: BatchProcessor
    sender_table: Any
    group_table: Any
    output_topics: dict[str, Any]
    input_topic: Any


async def _send_state(table: Any, update: StateUpdate) -> Any:
    """Queue a table value to its changelog on an explicit partition; return the delivery future.

    Faust's ``table[key] = value`` takes the partition from the *current*
    event, and a batch spans partitions, so each update carries the partition
    of the input record it came from (where its group's messages live).
    """
    return await table.changelog_topic.send(
        key=update.key, value=update.value, partition=update.partition,
        key_serializer=table.key_serializer, value_serializer=table.value_serializer)


def record_metrics(outcome: BatchOutcome, records: list[RawRecord]) -> None:
    metrics.MESSAGES_CONSUMED.labels(topic=topics.INPUT).inc(len(records))
    if outcome.classified:
        metrics.CLASSIFIER_LATENCY.observe(outcome.classify_seconds)
        metrics.CLASSIFIER_BATCH_SIZE.observe(outcome.classified)
    for reason in outcome.dead_letter_reasons:
        metrics.DEAD_LETTERS.labels(reason=reason).inc()
    if outcome.duplicates:
        metrics.DUPLICATES.inc(outcome.duplicates)
    now = time.time()
    kafka_ts = {(r.partition, r.offset): r.timestamp for r in records}
    for judgement, msg in zip(outcome.judgements, outcome.messages):
        decision = judgement.decision or {}
        metrics.DECISIONS.labels(category=str(decision.get("category")),
                                 urgent=str(bool(decision.get("urgent"))).lower()).inc()
        for warning in judgement.warnings:
            metrics.WARNINGS.labels(rule=warning["rule"], action=warning["action"]).inc()
        if judgement.shadow:
            for rule in judgement.fired_rules:
                metrics.RULE_FIRINGS_SHADOW.labels(rule=rule).inc()
        if judgement.escalation is not None:
            metrics.ESCALATIONS.labels(priority=judgement.escalation["priority"]).inc()
        if judgement.lost_found is not None:
            metrics.LOST_FOUND.labels(matched=str(judgement.lost_found.get("match") is not None).lower()).inc()
        metrics.END_TO_END_LATENCY.labels(source="sent_at").observe(max(0.0, now - msg.sent_at.timestamp()))
    for ts in kafka_ts.values():
        if ts:
            metrics.END_TO_END_LATENCY.labels(source="kafka_timestamp").observe(max(0.0, now - ts))


def build_app(settings: Settings, classifier: Classifier, engine: RuleEngine) -> Runtime:
    codec.register()
    app = faust.App(settings.app_id, **faust_settings(settings))
    input_topic = app.topic(topics.INPUT, key_type=bytes, value_type=bytes,
                            key_serializer="raw", value_serializer="raw",
                            partitions=settings.partitions)
    output_topics = {
        name: app.topic(name, key_serializer="raw", value_serializer="raw", partitions=settings.partitions)
        for name in topics.OUTPUTS
    }
    sender_table = app.Table(SENDER_TABLE, default=None, partitions=settings.partitions)
    group_table = app.Table(GROUP_TABLE, default=None, partitions=settings.partitions)
    processor = BatchProcessor(classifier, engine)
    runtime = Runtime(app, processor, sender_table, group_table, output_topics, input_topic)

    @app.agent(input_topic, name="moderate", concurrency=1)
    async def moderate(stream: faust.StreamT) -> None:  # noqa: ANN001
        async for events in stream.take_events(settings.batch_size, within=settings.batch_timeout):
            records = [
                RawRecord(value=e.message.value, key=e.message.key, topic=e.message.topic,
                          partition=e.message.partition, offset=e.message.offset,
                          timestamp=e.message.timestamp)
                for e in events
            ]
            await handle_batch(runtime, records)

    @app.timer(5.0)
    async def report_state() -> None:
        metrics.TABLE_ENTRIES.labels(table=SENDER_TABLE).set(len(sender_table.data))
        metrics.TABLE_ENTRIES.labels(table=GROUP_TABLE).set(len(group_table.data))
        await _report_lag(app)

    return runtime


async def handle_batch(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome:
    """Process one batch; publish outputs and state together; return what was done."""
    outcome = runtime.processor.process(
        records,
        load_sender=runtime.sender_table.data.get,
        load_group=runtime.group_table.data.get,
    )
    # Outputs and state changelog are queued together, without yielding in
    # between, so the producer ships them in the same requests; the local
    # table copy is updated only once the broker has them all.
    pending = []
    for emission in outcome.emissions:
        topic = runtime.output_topics[emission.topic]
        pending.append(await topic.send(key=emission.key.encode("utf-8"), value=codec.dumps(emission.value)))
    updates = [(runtime.sender_table, u) for u in outcome.sender_updates.values()]
    updates += [(runtime.group_table, u) for u in outcome.group_updates.values()]
    for table, update in updates:
        pending.append(await _send_state(table, update))
    results = await asyncio.gather(*pending, return_exceptions=True)
    failures = [r for r in results if isinstance(r, BaseException)]
    if failures:
        for emission, result in zip(outcome.emissions, results):
            if isinstance(result, BaseException):
                metrics.EMIT_ERRORS.labels(topic=emission.topic).inc()
        # Neither ack nor update local state: the agent crashes and the batch
        # is consumed again (outputs have deterministic ids for dedup).
        raise RuntimeError(f"{len(failures)} records could not be published: {failures[0]!r}")
    for table, update in updates:
        table.data[update.key] = update.value
    record_metrics(outcome, records)
    return outcome


async def _report_lag(app: faust.App) -> None:
    consumer = app.consumer
    try:
        assigned = [tp for tp in consumer.assignment() if tp.topic == topics.INPUT]
    except Exception:  # not yet started or rebalancing
        return
    metrics.CONSUMER_LAG.clear()
    for tp in assigned:
        try:
            highwater = consumer.highwater(tp)
            position = await consumer.position(tp)
        except Exception:
            continue
        if highwater is None or position is None:
            continue
        metrics.CONSUMER_LAG.labels(topic=tp.topic, partition=str(tp.partition)).set(max(0, highwater - position))



__all__ = ["Runtime", "build_app", "faust_settings", "handle_batch", "TP"]
