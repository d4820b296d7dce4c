"""The Faust app and the one moderation agent.

Faust runs the consumer group (membership, assignment, offset commits) and
hands the agent batches of input records. The agent is thin: it waits until
the state owner (:mod:`pipeline.streams.partition_state`) has read back the
state of the partitions just assigned, hands the raw records to
:class:`~pipeline.streams.processing.BatchProcessor`, publishes the outputs
through the factory producer and waits until the broker has them, then has
the owner write each touched group's changed state (one record batch per group)
and waits again; only then is the batch acknowledged. A crash therefore never
loses an output: the batch is consumed again. See README "State and recovery"
and "Delivery guarantees".
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

import faust
import orjson
from aiokafka.partitioner import DefaultPartitioner
from mode import Service

from pipeline import metrics
from pipeline.domain.classification import Classifier
from pipeline.domain.engine import RuleEngine
from pipeline.kafka import clients
from pipeline.settings import Settings
from pipeline.streams import topics
from pipeline.streams import transport as consumer_transport
from pipeline.streams.continuity import fetch_range
from pipeline.streams.partition_state import PartitionState
from pipeline.streams.processing import BatchOutcome, BatchProcessor, ordered
from pipeline.streams.records import OutRecord, RawRecord

log = logging.getLogger(__name__)

#: A take of the agent holds up to this many ``BINHYEN_BATCH_SIZE`` batches: their texts go to the
#: classifier together, then each batch is judged, published and stored in turn (one offset commit
#: for the take), so a classifier process labels the next batch while one is published.
TAKE_BATCHES = 4

GROUP_TABLE = "group-state"  # the metric label of the group states (binhyen_table_entries)


#: Tests only (tests/integration/test_actions.py): the worker SIGKILLs itself after publishing the
#: outputs of a batch holding a record of this topic, before storing that batch's state.
FAULT_SIGKILL_BEFORE_STATE = os.environ.get("BINHYEN_FAULT_SIGKILL_BEFORE_STATE", "")


def faust_settings(settings: Settings) -> dict[str, Any]:
    """Faust configuration derived from our settings (one place, documented in README)."""
    return dict(
        broker=[f"kafka://{server}" for server in settings.bootstrap_servers],
        # the consumer: Faust's aiokafka transport with BINHYEN_FETCH_MAX_WAIT instead of its fixed 1.5 s
        broker_consumer=consumer_transport.consumer_urls(settings.bootstrap_servers, settings.fetch_max_wait),
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


class Publisher(Service):
    """The factory producer, started and stopped with the app; publishes a list of records as
    one batch per topic partition and waits until the broker has them all.

    Outputs and state go straight to this producer, not through ``Topic.send``:
    inside an agent Faust *attaches* a topic send to the current event and
    publishes it only at the next offset commit, which would undo the ordering
    (outputs, then state, then ack). Records without a partition go where the
    producer's default partitioner (murmur2 of the key, as Kafka's Java clients)
    puts them, so an output lands in the partition number of its group's input."""

    MAX_BATCH_BYTES = 1024 * 1024

    def __init__(self, settings: Settings, **kwargs: Any) -> None:
        self.settings = settings
        self.producer: Any = None
        self._partitioner = DefaultPartitioner()
        self._partition_of: dict[tuple[str, bytes], int] = {}  # (topic, key) -> partition (murmur2 is slow)
        self._partition_counts: dict[str, int] = {}
        super().__init__(**kwargs)

    async def on_start(self) -> None:
        # linger 0: every publish is already one explicit batch per partition, sent at once
        self.producer = clients.producer(self.settings, max_batch_size=self.MAX_BATCH_BYTES, linger_ms=0)
        await self.producer.start()

    async def on_stop(self) -> None:
        if self.producer is not None:
            await self.producer.stop()

    async def publish(self, records: list[OutRecord], units: list[int] | None = None) -> None:
        """Publish ``(topic, key, value, partition or None)`` records; raise (no ack, so the batch
        is redone) if any could not be published. ``units``, when given, cuts ``records`` into runs
        of those lengths, each of one topic partition (a group's state records): a run is never
        split over two record batches, so the broker appends it whole or not at all."""
        if not records:
            return
        by_tp: dict[tuple[str, int], list[list[OutRecord]]] = {}
        partitions: dict[str, list[int]] = {}
        runs = _runs(records, units)
        for run in runs:
            topic, key, _, partition = run[0]
            if partition is None:
                if topic not in partitions:
                    partitions[topic] = sorted(await self.producer.partitions_for(topic))
                    if len(partitions[topic]) != self._partition_counts.get(topic):  # topic grew: forget
                        self._partition_counts[topic] = len(partitions[topic])
                        self._partition_of = {k: p for k, p in self._partition_of.items() if k[0] != topic}
                partition = self._partition_of.get((topic, key))
                if partition is None:
                    if len(self._partition_of) > 100_000:
                        self._partition_of.clear()
                    partition = self._partition_of[(topic, key)] = self._partitioner(
                        key, partitions[topic], partitions[topic])
            by_tp.setdefault((topic, partition), []).append(run)
        pending: list[tuple[str, Any]] = []
        for (topic, partition), tp_runs in by_tp.items():
            batch = self.producer.create_batch()
            for run in tp_runs:
                if len(run) > 1:  # a unit: in one record batch, so start a new one if it does not fit
                    size = sum(len(key or b"") + len(value or b"") + 64 for _, key, value, _ in run)
                    if batch.record_count() and batch.size() + size > self.MAX_BATCH_BYTES:
                        pending.append((topic, await self.producer.send_batch(batch, topic, partition=partition)))
                        batch = self.producer.create_batch()
                for _, key, value, _ in run:
                    if batch.append(key=key, value=value, timestamp=None) is None:  # full: send, start another
                        if len(run) > 1:
                            log.warning("%d records of one unit (%d bytes) exceed a record batch; sent in two",
                                        len(run), size)
                        pending.append((topic, await self.producer.send_batch(batch, topic, partition=partition)))
                        batch = self.producer.create_batch()
                        batch.append(key=key, value=value, timestamp=None)
            pending.append((topic, await self.producer.send_batch(batch, topic, partition=partition)))
        await _await_delivery(pending)


def _runs(records: list[OutRecord], units: list[int] | None) -> list[list[OutRecord]]:
    if units is None:
        return [[r] for r in records]
    if sum(units) != len(records):
        raise ValueError(f"units cover {sum(units)} records, not {len(records)}")
    runs, start = [], 0
    for n in units:
        if n:
            runs.append(records[start:start + n])
        start += n
    return runs


@dataclass
class Runtime:
    """The app and what the agent works with, so tests can reach each piece."""

    app: faust.App
    settings: Settings
    processor: BatchProcessor
    state: PartitionState
    publisher: Publisher
    input_topic: Any

    async def publish(self, records: list[OutRecord], units: list[int] | None = None) -> None:
        await self.publisher.publish(records, units)


def record_metrics(outcome: BatchOutcome, records: list[RawRecord]) -> None:
    """The batch's metrics: counted per label set first, so each labelled child is looked up once
    per batch rather than once per message."""
    consumed = Counter(r.topic for r in records)
    for topic, n in consumed.items():
        metrics.MESSAGES_CONSUMED.labels(topic=topic).inc(n)
    for kind, n in Counter(outcome.actions).items():
        metrics.ACTIONS_APPLIED.labels(action=kind).inc(n)
    if outcome.classified:
        metrics.CLASSIFIER_LATENCY.observe(outcome.classify_seconds)
        metrics.CLASSIFIER_BATCH_SIZE.observe(outcome.classified)
    for reason, n in Counter(outcome.dead_letter_reasons).items():
        metrics.DEAD_LETTERS.labels(reason=reason).inc(n)
    if outcome.duplicates:
        metrics.DUPLICATES.inc(outcome.duplicates)
    now = time.time()
    decisions: Counter[tuple[str, str]] = Counter()
    warnings: Counter[tuple[str, str]] = Counter()
    shadow: Counter[str] = Counter()
    escalations: Counter[str] = Counter()
    lost_found: Counter[str] = Counter()
    reviews = 0
    sent_at_latency = metrics.END_TO_END_LATENCY.labels(source="sent_at")
    for judgement, msg in zip(outcome.judgements, outcome.messages):
        decision = judgement.decision or {}
        decisions[(str(decision.get("category")), str(bool(decision.get("urgent"))).lower())] += 1
        for warning in judgement.warnings:
            warnings[(warning["rule"], warning["action"])] += 1
        if judgement.shadow:
            shadow.update(judgement.fired_rules)
        if judgement.escalation is not None:
            escalations[judgement.escalation["priority"]] += 1
        if judgement.review is not None:
            reviews += 1
        if judgement.lost_found is not None:
            lost_found[str(judgement.lost_found.get("match") is not None).lower()] += 1
        sent_at_latency.observe(max(0.0, now - msg.sent_at.timestamp()))
    for (category, urgent), n in decisions.items():
        metrics.DECISIONS.labels(category=category, urgent=urgent).inc(n)
    for (rule, action), n in warnings.items():
        metrics.WARNINGS.labels(rule=rule, action=action).inc(n)
    for rule, n in shadow.items():
        metrics.RULE_FIRINGS_SHADOW.labels(rule=rule).inc(n)
    for priority, n in escalations.items():
        metrics.ESCALATIONS.labels(priority=priority).inc(n)
    if reviews:
        metrics.REVIEWS.inc(reviews)
    for matched, n in lost_found.items():
        metrics.LOST_FOUND.labels(matched=matched).inc(n)
    kafka_latency = metrics.END_TO_END_LATENCY.labels(source="kafka_timestamp")
    for record in records:
        if record.timestamp:
            kafka_latency.observe(max(0.0, now - record.timestamp))


def build_app(settings: Settings, classifier: Classifier, engine: RuleEngine) -> Runtime:
    app = faust.App(settings.app_id, **faust_settings(settings))
    # chat.messages and moderation.actions: co-partitioned (key group_id, same partition count), so
    # partition p of both holds the same groups, judged and acted on in order by one worker.
    input_topic = app.topic(*topics.INPUTS, key_type=bytes, value_type=bytes,
                            key_serializer="raw", value_serializer="raw",
                            partitions=settings.partitions)
    state = PartitionState(settings, engine, input_topics=topics.INPUTS)
    publisher = Publisher(settings)
    app.add_dependency(publisher)
    runtime = Runtime(app, settings, BatchProcessor(classifier, engine), state, publisher, input_topic)

    @app.on_partitions_revoked.connect
    async def on_revoked(sender: Any, revoked: Any, **kwargs: Any) -> None:
        await state.on_revoked(revoked)

    @app.on_partitions_assigned.connect
    async def on_assigned(sender: Any, assigned: Any, **kwargs: Any) -> None:
        state.on_assigned(assigned)

    @app.agent(input_topic, name="moderate", concurrency=1)
    async def moderate(stream: faust.StreamT) -> None:  # noqa: ANN001
        async for events in stream.take_events(TAKE_BATCHES * settings.batch_size, within=settings.batch_timeout):
            records = [
                RawRecord(value=e.message.value, key=e.message.key, topic=e.message.topic,
                          partition=e.message.partition, offset=e.message.offset,
                          timestamp=e.message.timestamp)
                for e in events
            ]
            await handle_batch(runtime, records)

    @app.timer(5.0)
    async def report_state() -> None:
        metrics.TABLE_ENTRIES.labels(table=GROUP_TABLE).set(len(state))
        await _report_lag(app)
        await fill_stalled(runtime)

    return runtime


class Pace:
    """Batches, records and busy time since the last report: logged every ``every`` seconds."""

    def __init__(self, every: float = 30.0) -> None:
        self.every = every
        self.reset(time.monotonic())

    def reset(self, now: float) -> None:
        self.since, self.batches, self.records, self.busy = now, 0, 0, 0.0

    def add(self, records: int, busy: float) -> None:
        self.batches += 1
        self.records += records
        self.busy += busy
        now = time.monotonic()
        if now - self.since >= self.every:
            span = now - self.since
            log.info("%d records in %d batches in %.0fs (%.0f/s, %.0f per batch), busy %.0f%% of the time",
                     self.records, self.batches, span, self.records / span, self.records / self.batches,
                     100 * self.busy / span)
            self.reset(now)


_PACE = Pace()


async def handle_batch(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome | None:
    """One batch from the agent: wait for the assignment's read-back, fill any gap before it,
    then process."""
    state = runtime.state
    await state.wait_ready()
    started = time.monotonic()
    try:
        return await _handle_batch(runtime, records)
    finally:
        _PACE.add(len(records), time.monotonic() - started)


async def _handle_batch(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome | None:
    state = runtime.state
    async with state.lock:
        records = [r for r in records if state.owns(r.partition)]  # a late batch of a revoked partition
        by_topic: dict[str, list[RawRecord]] = {}
        for record in records:
            by_topic.setdefault(record.topic, []).append(record)
        fresh: list[RawRecord] = []
        for topic, topic_records in by_topic.items():
            ledger = state.ledgers.get(topic)
            if ledger is None:
                fresh += topic_records
                continue
            new, gaps = ledger.split(topic_records)
            if gaps:
                missing = await fetch_range(runtime.settings, gaps, topic=topic)
                merged = ledger.merge(new, missing)
                log.warning("input offsets skipped by the consumer, fetched and processed: %s %s", topic, gaps)
                metrics.GAP_RECORDS_FILLED.inc(len(merged) - len(new))
                new = merged
            fresh += new
        if not fresh:
            return None
        fresh += await _other_inputs_pending(runtime, fresh)
        return await process_in_batches(runtime, ordered(fresh))  # the inputs merged before any split


async def process_in_batches(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome | None:
    """Judge, publish and store at most ``BINHYEN_BATCH_SIZE`` records at a time (a take of the
    agent holds up to ``TAKE_BATCHES`` of them; gap fills can be long). Every text is handed to the
    classifier first, so a classifier process labels the next part while this one is published."""
    outcome = None
    for part, outcome in runtime.processor.process_parts(records, runtime.state.bundle, runtime.settings.batch_size):
        await emit_and_store(runtime, part, outcome)
    return outcome


#: Most records of the other input topic fetched ahead per partition and batch.
AHEAD_LIMIT = 10_000
#: Seconds between end-offset look-ups of an input partition Faust has not fetched yet.
ASK_EVERY = 5.0
_ASKED: dict[tuple[str, int], float] = {}


async def _other_inputs_pending(runtime: Runtime, fresh: list[RawRecord]) -> list[RawRecord]:
    """Records of the OTHER input topic that are on the broker but not yet delivered, for each
    partition in the batch: Faust fetches ``chat.messages`` and ``moderation.actions``
    independently, and neither may overtake the other (a pardon sent before a message is applied
    before it; a correction does not arrive before the message it corrects). The processor merges
    them in by timestamp. Only the records up to the batch's newest timestamp in that partition are
    taken (an offset prefix, so the ledgers stay contiguous; later ones come in their turn), at
    most ``AHEAD_LIMIT`` per partition; the ledgers drop their later delivery by Faust."""
    state = runtime.state
    present: dict[str, set[int]] = {}
    nxt: dict[tuple[str, int], int] = {}
    newest: dict[tuple[str, int], float] = {}  # (topic, partition) -> newest timestamp in the batch
    for r in fresh:
        present.setdefault(r.topic, set()).add(r.partition)
        nxt[(r.topic, r.partition)] = max(nxt.get((r.topic, r.partition), -1), r.offset + 1)
        newest[(r.topic, r.partition)] = max(newest.get((r.topic, r.partition), 0.0), r.timestamp or 0.0)
    wanted: dict[tuple[str, int], int] = {}  # (topic, partition) -> first offset not yet processed
    for topic, ledger in state.ledgers.items():
        others = set().union(*(ps for t, ps in present.items() if t != topic))
        for partition in others:
            start = max(ledger.expected.get(partition, -1), nxt.get((topic, partition), -1))
            if start >= 0:
                wanted[(topic, partition)] = start
    if not wanted:
        return []
    ends: dict[tuple[str, int], int | None] = {}
    try:
        for tp in runtime.app.consumer.assignment():
            if (tp.topic, tp.partition) in wanted:
                ends[(tp.topic, tp.partition)] = runtime.app.consumer.highwater(tp)
    except Exception:  # consumer not started (tests) or rebalancing
        return []
    # not fetched by Faust yet: asked of the broker, at most once per partition every few seconds
    now = time.monotonic()
    unknown = [key for key, end in ends.items() if end is None and now - _ASKED.get(key, -1e9) > ASK_EVERY]
    if unknown:
        _ASKED.update((key, now) for key in unknown)
        try:
            ends.update(await _end_offsets(runtime.settings, unknown))
        except Exception as exc:
            log.warning("could not read end offsets of %s (%s: %s)", unknown, type(exc).__name__, exc)
    out: list[RawRecord] = []
    for topic in state.ledgers:
        spans = {p: (wanted[(t, p)], min(end, wanted[(t, p)] + AHEAD_LIMIT)) for (t, p), end in ends.items()
                 if t == topic and end is not None and end > wanted[(t, p)]}
        if not spans:
            continue
        try:
            fetched = sorted(await fetch_range(runtime.settings, spans, topic=topic),
                             key=lambda r: (r.partition, r.offset))
        except Exception as exc:  # ordering is then as Faust delivers; never block the partition over it
            log.warning("could not fetch %s records ahead (%s: %s); taking them as delivered",
                        topic, type(exc).__name__, exc)
            continue
        taken = 0
        for partition in spans:
            limit = max((ts for (t, p), ts in newest.items() if p == partition and t != topic), default=0.0)
            for r in (r for r in fetched if r.partition == partition):
                if (r.timestamp or 0.0) > limit:
                    break
                out.append(r)
                taken += 1
        if taken:
            log.info("%d %s records fetched ahead to keep the inputs in order (spans %s)", taken, topic, spans)
    return out


async def _end_offsets(settings: Settings, tps: list[tuple[str, int]]) -> dict[tuple[str, int], int]:
    from aiokafka import TopicPartition

    from pipeline.streams.readback import side_consumer

    consumer = side_consumer(settings)
    await consumer.start()
    try:
        ends = await consumer.end_offsets([TopicPartition(t, p) for t, p in tps])
        return {(tp.topic, tp.partition): end for tp, end in ends.items()}
    finally:
        await consumer.stop()


async def fill_stalled(runtime: Runtime, idle_seconds: float = 10.0) -> None:
    """Process records that Faust holds back past the expected offset of an idle partition."""
    state = runtime.state
    if state.assigned is None or state.lock.locked() or not state.is_ready():
        return
    try:
        assignment = runtime.app.consumer.assignment()
        highwaters = {(tp.topic, tp.partition): runtime.app.consumer.highwater(tp) for tp in assignment}
    except Exception:
        return
    for topic, ledger in state.ledgers.items():
        stalled = ledger.stalled({p: hw for (t, p), hw in highwaters.items() if t == topic and hw is not None},
                                 idle_seconds)
        if not stalled:
            continue
        # a bounded span per partition and tick: a partition that is only slow to come through
        # (a large backlog) must not turn into one giant batch
        most = 4 * runtime.settings.batch_size
        stalled = {p: (start, min(end, start + most)) for p, (start, end) in stalled.items()}
        async with state.lock:
            missing = await fetch_range(runtime.settings, stalled, topic=topic)
            fresh, _ = ledger.split(missing)
            if fresh:
                log.warning("input offsets not delivered by the consumer, fetched and processed: %s %s",
                            topic, stalled)
                metrics.GAP_RECORDS_FILLED.inc(len(fresh))
                await process_in_batches(runtime, fresh)


def _dumps(value: dict) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS)


async def process(runtime: Runtime, records: list[RawRecord]) -> BatchOutcome:
    """Process records as one batch: publish their outputs, wait for the broker, then store the
    group state."""
    outcome = runtime.processor.process(records, runtime.state.bundle)
    await emit_and_store(runtime, records, outcome)
    return outcome


async def emit_and_store(runtime: Runtime, records: list[RawRecord], outcome: BatchOutcome) -> None:
    """A judged batch: publish its outputs, wait for the broker, then store the group state, then
    move the ledgers past its records."""
    state = runtime.state
    try:
        fresh = [e for e in outcome.emissions if not state.already_published(e.topic, e.value)]
        if len(fresh) < len(outcome.emissions):
            metrics.REPUBLISH_SKIPPED.inc(len(outcome.emissions) - len(fresh))
        await runtime.publish([(e.topic, e.key.encode("utf-8"), _dumps(e.value), None) for e in fresh])
    except BaseException:
        state.discard(outcome.touched)
        raise
    if FAULT_SIGKILL_BEFORE_STATE and any(r.topic == FAULT_SIGKILL_BEFORE_STATE for r in records):
        log.warning("fault injection: SIGKILL after the outputs, before the state write")
        os.kill(os.getpid(), signal.SIGKILL)
    # Only now, with every output on the broker, does the state move past these messages.
    await state.store(outcome.touched, runtime.publish)
    for record in records:
        ledger = state.ledgers.get(record.topic)
        if ledger is not None:
            ledger.advance((record,))
    record_metrics(outcome, records)


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


__all__ = ["Publisher", "Runtime", "build_app", "faust_settings", "handle_batch"]
