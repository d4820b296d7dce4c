"""The Faust app: topics, state tables and the one moderation agent.

The agent is thin: it takes a batch of events, hands the raw records to
:class:`~pipeline.streams.processing.BatchProcessor`, publishes the outputs,
waits until the broker has them, then writes each touched group's state (one
changelog record per group) and waits again; only then is the batch
acknowledged. A crash therefore never loses an output: the batch is consumed
again. Messages whose state was stored are recognised by their ids; outputs
published just before a crash, whose state was not, are recognised by
reading the output partitions back (``published``). See README "Delivery
guarantees".
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import faust
from faust.types import TP

from pipeline import metrics
from pipeline.domain.classification import Classifier
from pipeline.domain.engine import RuleEngine
from pipeline.settings import Settings
from pipeline.streams import codec, topics
from pipeline.streams.processing import BatchOutcome, BatchProcessor, RawRecord
from pipeline.streams.published import emission_id, read_published_ids

log = logging.getLogger(__name__)

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
        broker_credentials=_credentials(settings),
        stream_wait_empty=False,
        logging_config=None,
    )


def _credentials(settings: Settings) -> Any:
    kwargs = settings.kafka_client_kwargs()
    protocol = kwargs.get("security_protocol")
    if not protocol:
        return None
    if str(protocol).startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username, password=settings.kafka_sasl_password,
            mechanism=str(kwargs["sasl_mechanism"]), ssl_context=kwargs.get("ssl_context"))
    return faust.SSLCredentials(kwargs["ssl_context"])


@dataclass
class Runtime:
    """The app and what the agent works with, so tests can reach each piece."""

    app: faust.App
    settings: Settings
    processor: BatchProcessor
    group_table: Any
    output_topics: dict[str, Any]
    input_topic: Any
    published: set[tuple[str, str]] = field(default_factory=set)  # read back after an assignment
    primed_for: frozenset[int] | None = None  # the input partitions the read-back covers

    def assigned_input_partitions(self) -> frozenset[int]:
        try:
            return frozenset(tp.partition for tp in self.app.consumer.assignment() if tp.topic == topics.INPUT)
        except Exception:  # consumer not started (tests)
            return frozenset()


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
    group_table = app.Table(GROUP_TABLE, default=None, partitions=settings.partitions)
    processor = BatchProcessor(classifier, engine)
    runtime = Runtime(app, settings, processor, group_table, output_topics, input_topic)

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
        metrics.TABLE_ENTRIES.labels(table=GROUP_TABLE).set(len(group_table.data))
        await _report_lag(app)

    return runtime


async def prime(runtime: Runtime) -> None:
    """After an assignment change, learn which outputs are already published (see ``published``)."""
    assigned = runtime.assigned_input_partitions()
    if assigned == runtime.primed_for:
        return
    started = time.monotonic()
    try:
        runtime.published = await read_published_ids(
            runtime.settings.bootstrap_servers, assigned,
            per_partition=runtime.settings.readback_per_partition,
            client_kwargs=runtime.settings.kafka_client_kwargs())
    except Exception as exc:  # never stop moderating over it; at worst an output repeats
        log.error("could not read back published outputs (%s: %s); repeats after a crash are possible",
                  type(exc).__name__, exc)
        runtime.published = set()
    runtime.primed_for = assigned
    log.info("read back %d published output ids for partitions %s in %.2fs",
             len(runtime.published), sorted(assigned), time.monotonic() - started)


async def handle_batch(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome:
    """Process one batch: publish its outputs, wait for the broker, then store the group state."""
    await prime(runtime)
    outcome = runtime.processor.process(records, load_group=runtime.group_table.data.get)
    fresh = [e for e in outcome.emissions
             if not runtime.published or (e.topic, emission_id(e.topic, e.value)) not in runtime.published]
    if len(fresh) < len(outcome.emissions):
        metrics.REPUBLISH_SKIPPED.inc(len(outcome.emissions) - len(fresh))
    await _await_delivery([
        (e.topic, await runtime.output_topics[e.topic].send(key=e.key.encode("utf-8"), value=codec.dumps(e.value)))
        for e in fresh])
    # Only now, with every output on the broker, does the state move past these messages.
    table = runtime.group_table
    await _await_delivery([
        (table.changelog_topic.get_topic_name(),
         await table.changelog_topic.send(key=u.key, value=u.value, partition=u.partition,
                                          key_serializer=table.key_serializer,
                                          value_serializer=table.value_serializer))
        for u in outcome.state_updates.values()])
    for update in outcome.state_updates.values():
        table.data[update.key] = update.value
    record_metrics(outcome, records)
    return outcome


async def _await_delivery(pending: list[tuple[str, Any]]) -> None:
    """Wait until the broker has every record; raise (no ack, so the batch is redone) on failure."""
    results = await asyncio.gather(*(future for _, future in pending), return_exceptions=True)
    failed = [(name, r) for (name, _), r in zip(pending, results) if isinstance(r, BaseException)]
    for name, _ in failed:
        metrics.EMIT_ERRORS.labels(topic=name).inc()
    if failed:
        raise RuntimeError(f"{len(failed)} records could not be published: {failed[0][1]!r}")


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
