"""One batch of input records in, the records to publish and the state to store out.

This is the coordination between decoding, the classifier and the rule engine,
kept free of Faust and Kafka so it can be tested with plain values: the agent
hands it raw records and the state owner's ``bundle`` lookup
(``partition_state.PartitionState``), then publishes what it returns and has
the owner store the touched groups. A message
crosses it once: decoded once, classified once (in a batch), judged once.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterator, Sequence

from pipeline.domain.actions import Action, InvalidAction, apply_action, parse_action
from pipeline.domain.classification import Classification, Classifier
from pipeline.domain.engine import Judgement, RuleEngine
from pipeline.domain.message import ChatMessage, InvalidMessage, parse_message
from pipeline.streams import topics
from pipeline.streams.partition_state import GroupBundle
from pipeline.streams.records import Emission, RawRecord

log = logging.getLogger(__name__)


@dataclass
class BatchOutcome:
    emissions: list[Emission] = field(default_factory=list)
    touched: dict[str, int] = field(default_factory=dict)  # group_id -> its input partition (state to store)
    judgements: list[Judgement] = field(default_factory=list)
    messages: list[ChatMessage] = field(default_factory=list)
    dead_letter_reasons: list[str] = field(default_factory=list)
    duplicates: int = 0
    classify_seconds: float = 0.0
    classified: int = 0
    actions: list[str] = field(default_factory=list)  # kinds of the actions applied


#: Original values larger than this are cut in the dead letter (with their size and SHA-256),
#: so that the dead letter itself stays publishable under the producer's request limit.
MAX_DEAD_LETTER_ORIGINAL = 2 * 1024 * 1024


def dead_letter(record: RawRecord, reason: str, error: str) -> Emission:
    original = record.value
    truncated = original is not None and len(original) > MAX_DEAD_LETTER_ORIGINAL
    value = {
        "reason": reason,
        "error": error,
        "topic": record.topic,
        "partition": record.partition,
        "offset": record.offset,
        "timestamp": record.timestamp,
        "key_base64": base64.b64encode(record.key).decode() if record.key is not None else None,
        "original_base64": base64.b64encode(original[:MAX_DEAD_LETTER_ORIGINAL]).decode()
        if original is not None else None,
        "original_size": len(original) if original is not None else 0,
        "original_sha256": hashlib.sha256(original).hexdigest() if original is not None else None,
        "original_truncated": truncated,
        "rejected_at": datetime.now(timezone.utc).isoformat(),
    }
    key = record.key.decode("utf-8", "replace") if record.key else ""
    return Emission(topics.DEAD_LETTER, key, value)


def ordered(records: Sequence[RawRecord]) -> list[RawRecord]:
    """The records per partition, each topic in offset order, the topics merged by Kafka
    timestamp (an action sent after a message is applied after it)."""
    by_partition: dict[int, dict[str, list[RawRecord]]] = {}
    for record in records:
        by_partition.setdefault(record.partition, {}).setdefault(record.topic, []).append(record)
    out: list[RawRecord] = []
    for partition in sorted(by_partition):
        streams = [sorted(rs, key=lambda r: r.offset) for _, rs in sorted(by_partition[partition].items())]
        out.extend(heapq.merge(*streams, key=lambda r: r.timestamp or 0.0))
    return out


class BatchProcessor:
    """Decode, classify in one batch, judge in order, collect outputs and new state."""

    def __init__(self, classifier: Classifier, engine: RuleEngine,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.classifier = classifier
        self.engine = engine
        self._clock = clock

    def process(self, records: Sequence[RawRecord], bundle_of: Callable[[str], GroupBundle]) -> BatchOutcome:
        """``bundle_of(group_id)`` gives the group's current state (``PartitionState.bundle``); it is
        updated in place, record by record, and the touched groups are listed in the outcome.

        Records of ``chat.messages`` and ``moderation.actions`` (co-partitioned: partition p of
        both holds the same groups) are taken in order per partition, the two topics merged by
        Kafka timestamp; the messages are classified once, in one batch."""
        for _, outcome in self.process_parts(records, bundle_of):
            return outcome
        return BatchOutcome()

    def process_parts(self, records: Sequence[RawRecord], bundle_of: Callable[[str], GroupBundle],
                      size: int | None = None) -> Iterator[tuple[list[RawRecord], BatchOutcome]]:
        """:meth:`process` for ``size`` records at a time (all of them by default), in order: yields
        each part's records and outcome, to be published and stored before the next part is
        judged (the caller does that between two ``next``). Every record is decoded first and, with
        a classifier in a child process (``classifier_process``), every text handed to it at once:
        the child labels the next parts while the worker publishes and stores this one."""
        steps: list[tuple[RawRecord, ChatMessage | Action | Exception]] = []
        stream = self.classifier.stream() if callable(getattr(self.classifier, "stream", None)) else None
        for record in ordered(records):
            try:
                if record.topic == topics.ACTIONS:
                    steps.append((record, parse_action(record.value)))
                    continue
                message = parse_message(record.value)
            except (InvalidMessage, InvalidAction) as exc:
                steps.append((record, exc))
                continue
            steps.append((record, message))
            if stream is not None:
                stream.add(message.text)  # the child starts on the first texts at once
        if stream is not None:
            stream.close_input()
        size = max(1, size or len(steps))
        for start in range(0, len(steps), size):
            part = steps[start:start + size]
            yield [record for record, _ in part], self._judge_part(part, stream, bundle_of)

    def _judge_part(self, part: list[tuple[RawRecord, ChatMessage | Action | Exception]],
                    stream: Iterator[Classification] | None, bundle_of: Callable[[str], GroupBundle]) -> BatchOutcome:
        out = BatchOutcome()
        for record, item in part:
            if isinstance(item, (InvalidMessage, InvalidAction)):
                out.emissions.append(dead_letter(record, item.reason, item.detail))
                out.dead_letter_reasons.append(item.reason)
        messages = sum(1 for _, item in part if isinstance(item, ChatMessage))
        busy_before = getattr(stream, "busy", 0.0)
        if stream is not None:
            classifications: Iterator[Classification] = stream
        else:
            texts = [item.text for _, item in part if isinstance(item, ChatMessage)]
            classifications = iter(self._classify(texts, out)) if texts else iter(())
        for record, item in part:
            if isinstance(item, Exception):
                continue
            cls = next(classifications) if isinstance(item, ChatMessage) else None
            try:
                bundle = bundle_of(item.group_id)
                if cls is None:
                    applied = self._act(record, item, bundle, out)  # type: ignore[arg-type]
                else:
                    judgement = self._judge(item, cls, bundle, out)  # type: ignore[arg-type]
                    applied = judgement is not None
                    if judgement is not None:
                        out.judgements.append(judgement)
                        out.messages.append(item)  # type: ignore[arg-type]
            except Exception as exc:  # a bug must not stop the worker nor lose the record
                log.exception("internal error on a %s record group_id=%s offset=%s",
                              record.topic, item.group_id, record.offset)
                out.emissions.append(dead_letter(record, "internal_error", type(exc).__name__))
                out.dead_letter_reasons.append("internal_error")
                continue
            if applied:
                out.touched[item.group_id] = record.partition
        if stream is not None and messages:
            # with the child: the time the worker spent waiting for its labels or labelling itself
            out.classified += messages
            out.classify_seconds += stream.busy - busy_before  # type: ignore[attr-defined]
        return out

    def _classify(self, texts: list[str], out: BatchOutcome) -> list[Classification]:
        started = self._clock()
        result = self.classifier.classify_batch(texts)
        out.classify_seconds += self._clock() - started
        out.classified += len(texts)
        if len(result) != len(texts):
            raise RuntimeError(f"classifier returned {len(result)} results for {len(texts)} texts")
        return result

    def _act(self, record: RawRecord, action: Action, bundle: GroupBundle, out: BatchOutcome) -> bool:
        """Apply one action to its group's state; True when the state changed."""
        cfg = self.engine.groups.for_group(action.group_id)
        result = apply_action(action, cfg, bundle.group, bundle.sender)
        if result.ignored:  # the inbox's case workflow
            return False
        if result.duplicate:
            out.duplicates += 1
            return False
        if result.error is not None:
            out.emissions.append(dead_letter(record, result.error.reason, result.error.detail))
            out.dead_letter_reasons.append(result.error.reason)
            return False
        bundle.apply(result)
        key = action.group_id
        for warning in result.warnings:
            out.emissions.append(Emission(topics.WARNINGS, key, warning))
        if result.feedback is not None:
            out.emissions.append(Emission(topics.FEEDBACK, key, result.feedback))
        out.actions.append(action.action.value)
        return True

    def _judge(self, msg: ChatMessage, cls: Classification, bundle: GroupBundle,
               out: BatchOutcome) -> Judgement | None:
        judgement = self.engine.judge(msg, cls, bundle.sender(msg.sender_id), bundle.group)
        if judgement.duplicate:
            out.duplicates += 1
            return None
        bundle.update(msg.sender_id, judgement, msg.sent_at.timestamp())
        key = msg.group_id
        if judgement.decision is not None:
            out.emissions.append(Emission(topics.DECISIONS, key, judgement.decision))
        for warning in judgement.warnings:
            out.emissions.append(Emission(topics.WARNINGS, key, warning))
        if judgement.escalation is not None:
            out.emissions.append(Emission(topics.ESCALATIONS, key, judgement.escalation))
        if judgement.lost_found is not None:
            out.emissions.append(Emission(topics.LOST_FOUND, key, judgement.lost_found))
        if judgement.review is not None:
            out.emissions.append(Emission(topics.REVIEW, key, judgement.review))
        return judgement
