"""The Faust app: topics, state tables and the one moderation agent.

The agent is thin: it takes a batch of events, hands the raw records to
:class:`~pipeline.streams.processing.BatchProcessor`, publishes the outputs,
waits until the broker has them, then writes each touched group's state (one
changelog record per group) and waits again; only then is the batch
acknowledged. A crash therefore never loses an output: the batch is consumed
again. Messages whose state was stored are recognised by their ids; outputs
published just before a crash, whose state was not, are recognised by
reading the output partitions back (``readback``); input offsets the
consumer skips are fetched and processed in order (``continuity``). See
README "Delivery guarantees".
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import faust

from pipeline import metrics
from pipeline.domain.classification import Classifier
from pipeline.domain.engine import RuleEngine
from pipeline.settings import Settings
from pipeline.kafka import clients
from pipeline.streams import codec, topics
from pipeline.streams.continuity import OffsetLedger, committed_offsets, fetch_range
from pipeline.streams.processing import BatchOutcome, BatchProcessor, RawRecord
from pipeline.streams.readback import emission_id, read_latest_values, read_published_ids

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
        producer_max_request_size=topics.MAX_RECORD_BYTES,
        consumer_max_fetch_size=topics.MAX_RECORD_BYTES,
        broker_credentials=clients.faust_credentials(settings),
        stream_wait_empty=False,
        logging_config=None,
    )


@dataclass
class Runtime:
    """The app and what the agent works with, so tests can reach each piece."""

    app: faust.App
    settings: Settings
    processor: BatchProcessor
    group_table: Any
    output_topics: dict[str, Any]  # declared so the worker creates them with the right settings
    input_topic: Any
    published: set[tuple[str, str]] = field(default_factory=set)  # read back after an assignment
    primed_for: frozenset[int] | None = None  # the input partitions the read-back covers
    ledger: OffsetLedger = field(default_factory=OffsetLedger)
    # The state of each group of the assigned partitions: read back from the changelog at
    # assignment, then kept current by this worker's own writes (see ``readback``).
    written: dict[str, dict] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # the agent and the gap timer take turns

    async def send(self, topic: str, key: bytes, value: bytes, partition: int | None) -> Any:
        """Hand one record to the producer now; return its delivery future.

        Straight to the producer, not ``Topic.send``: inside an agent Faust
        *attaches* a topic send to the current event and publishes it only at
        the next offset commit, which would undo the ordering above (outputs,
        then state, then ack)."""
        return await self.app.producer.send(topic, key, value, partition, None, None)

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
    for record in records:
        if record.timestamp:
            metrics.END_TO_END_LATENCY.labels(source="kafka_timestamp").observe(max(0.0, now - record.timestamp))


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
        await fill_stalled(runtime)

    return runtime


async def prime(runtime: Runtime) -> None:
    """After an assignment change: where each input partition starts (the group's committed
    offsets) and which outputs are already published (see ``published`` and ``continuity``)."""
    assigned = runtime.assigned_input_partitions()
    if assigned == runtime.primed_for:
        return
    runtime.written.clear()  # read back below for the new assignment
    if not assigned:
        runtime.primed_for = assigned
        return
    settings = runtime.settings
    recovery = getattr(runtime.app.tables, "recovery", None)
    if recovery is not None and not recovery.completed.is_set():
        # a batch can arrive while Faust still seeks to the committed offsets
        try:
            await asyncio.wait_for(recovery.completed.wait(), timeout=60)
        except asyncio.TimeoutError:
            log.warning("table recovery not complete after 60 s; going on")
    started = time.monotonic()
    try:
        runtime.ledger.reset(await committed_offsets(
            settings.bootstrap_servers, settings.app_id, assigned, client_kwargs=clients.security_kwargs(settings)))
    except Exception as exc:
        log.error("could not read committed offsets (%s: %s); gap detection off until the next assignment",
                  type(exc).__name__, exc)
        runtime.ledger.reset({})
    try:
        runtime.written = await read_latest_values(
            settings.bootstrap_servers, runtime.group_table.changelog_topic.get_topic_name(), assigned,
            client_kwargs=clients.security_kwargs(settings))
    except Exception as exc:
        log.error("could not read the group states back (%s: %s); using Faust's table",
                  type(exc).__name__, exc)
        runtime.written = dict(runtime.group_table.data)
    try:
        runtime.published = await read_published_ids(
            settings.bootstrap_servers, assigned, per_partition=settings.readback_per_partition,
            client_kwargs=clients.security_kwargs(settings))
    except Exception as exc:  # never stop moderating over it; at worst an output repeats
        log.error("could not read back published outputs (%s: %s); repeats after a crash are possible",
                  type(exc).__name__, exc)
        runtime.published = set()
    runtime.primed_for = assigned
    log.info("assignment %s: starting at offsets %s; %d group states and %d published output ids "
             "read back in %.2fs", sorted(assigned), runtime.ledger.expected, len(runtime.written),
             len(runtime.published), time.monotonic() - started)


async def handle_batch(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome:
    """One batch from the agent: fill any gap before it, then process."""
    async with runtime.lock:
        await prime(runtime)
        fresh, gaps = runtime.ledger.split(records)
        if gaps:
            missing = await fetch_range(runtime.settings.bootstrap_servers, gaps,
                                        client_kwargs=clients.security_kwargs(runtime.settings))
            merged = runtime.ledger.merge(fresh, missing)
            log.warning("input offsets skipped by the consumer, fetched and processed: %s", gaps)
            metrics.GAP_RECORDS_FILLED.inc(len(merged) - len(fresh))
            fresh = merged
        return await process(runtime, fresh)


async def fill_stalled(runtime: Runtime, idle_seconds: float = 10.0) -> None:
    """Process records that Faust holds back past the expected offset of an idle partition."""
    if runtime.primed_for is None or runtime.lock.locked():
        return
    try:
        highwaters = {tp.partition: runtime.app.consumer.highwater(tp)
                      for tp in runtime.app.consumer.assignment() if tp.topic == topics.INPUT}
    except Exception:
        return
    stalled = runtime.ledger.stalled({p: hw for p, hw in highwaters.items() if hw is not None}, idle_seconds)
    if not stalled:
        return
    async with runtime.lock:
        missing = await fetch_range(runtime.settings.bootstrap_servers, stalled,
                                    client_kwargs=clients.security_kwargs(runtime.settings))
        fresh, _ = runtime.ledger.split(missing)
        if fresh:
            log.warning("input offsets not delivered by the consumer, fetched and processed: %s", stalled)
            metrics.GAP_RECORDS_FILLED.inc(len(fresh))
            await process(runtime, fresh)


async def process(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome:
    """Process records: publish their outputs, wait for the broker, then store the group state."""
    outcome = runtime.processor.process(records, load_group=runtime.written.get)
    fresh = [e for e in outcome.emissions
             if not runtime.published or (e.topic, emission_id(e.topic, e.value)) not in runtime.published]
    if len(fresh) < len(outcome.emissions):
        metrics.REPUBLISH_SKIPPED.inc(len(outcome.emissions) - len(fresh))
    await _await_delivery([
        (e.topic, await runtime.send(e.topic, e.key.encode("utf-8"), codec.dumps(e.value), None))
        for e in fresh])
    # Only now, with every output on the broker, does the state move past these messages.
    table = runtime.group_table
    changelog = table.changelog_topic.get_topic_name()
    await _await_delivery([
        (changelog, await runtime.send(changelog, codec.dumps(u.key), codec.dumps(u.value), u.partition))
        for u in outcome.state_updates.values()])
    for update in outcome.state_updates.values():
        table.data[update.key] = update.value
        runtime.written[update.key] = update.value
    runtime.ledger.advance(records)
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



__all__ = ["Runtime", "build_app", "faust_settings", "handle_batch"]
