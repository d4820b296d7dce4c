"""One batch of input records in, the records to publish and the state to store out.

This is the coordination between decoding, the classifier and the rule engine,
kept free of Faust so it can be tested with plain values: the agent hands it
raw records and two state lookups, then publishes what it returns. A message
crosses it once: decoded once, classified once (in a batch), judged once.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Sequence

from pipeline.domain.classification import Classification, Classifier
from pipeline.domain.engine import GroupState, Judgement, RuleEngine, SenderState
from pipeline.domain.message import ChatMessage, InvalidMessage, parse_message
from pipeline.streams import topics

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RawRecord:
    """A consumed Kafka record, as the agent sees it."""

    value: bytes | None
    key: bytes | None
    topic: str
    partition: int
    offset: int
    timestamp: float | None = None  # Kafka timestamp, seconds since the epoch


@dataclass(frozen=True, slots=True)
class Emission:
    topic: str
    key: str  # group_id (or the raw key, decoded leniently, for dead letters)
    value: dict


@dataclass(frozen=True, slots=True)
class StateUpdate:
    partition: int  # the input partition the state belongs to (its changelog partition)
    key: str
    value: dict


@dataclass
class BatchOutcome:
    emissions: list[Emission] = field(default_factory=list)
    sender_updates: dict[str, StateUpdate] = field(default_factory=dict)
    group_updates: dict[str, StateUpdate] = field(default_factory=dict)
    judgements: list[Judgement] = field(default_factory=list)
    messages: list[ChatMessage] = field(default_factory=list)
    dead_letter_reasons: list[str] = field(default_factory=list)
    duplicates: int = 0
    classify_seconds: float = 0.0
    classified: int = 0


def sender_key(group_id: str, sender_id: str) -> str:
    """Table key for one member of one group; length-prefixed so no id can collide."""
    return f"{len(group_id)}:{group_id}:{sender_id}"


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


class BatchProcessor:
    """Decode, classify in one batch, judge in order, collect outputs and new state."""

    def __init__(self, classifier: Classifier, engine: RuleEngine,
                 clock: Callable[[], float] = time.perf_counter) -> None:
        self.classifier = classifier
        self.engine = engine
        self._clock = clock

    def process(
        self,
        records: Sequence[RawRecord],
        load_sender: Callable[[str], dict | None],
        load_group: Callable[[str], dict | None],
    ) -> BatchOutcome:
        out = BatchOutcome()
        valid: list[tuple[RawRecord, ChatMessage]] = []
        for record in records:
            try:
                valid.append((record, parse_message(record.value)))
            except InvalidMessage as exc:
                out.emissions.append(dead_letter(record, exc.reason, exc.detail))
                out.dead_letter_reasons.append(exc.reason)
        if not valid:
            return out

        classifications = self._classify([m.text for _, m in valid], out)
        # States read once per key per batch; later messages of the batch see earlier updates.
        senders: dict[str, SenderState] = {}
        groups: dict[str, GroupState] = {}
        for (record, msg), cls in zip(valid, classifications):
            try:
                judgement = self._judge(record, msg, cls, senders, groups, load_sender, load_group, out)
            except Exception as exc:  # a bug must not stop the worker nor lose the message
                log.exception("internal error judging message_id=%s group_id=%s offset=%s",
                              msg.message_id, msg.group_id, record.offset)
                out.emissions.append(dead_letter(record, "internal_error", type(exc).__name__))
                out.dead_letter_reasons.append("internal_error")
                continue
            if judgement is not None:
                out.judgements.append(judgement)
                out.messages.append(msg)
        return out

    def _classify(self, texts: list[str], out: BatchOutcome) -> list[Classification]:
        started = self._clock()
        result = self.classifier.classify_batch(texts)
        out.classify_seconds += self._clock() - started
        out.classified += len(texts)
        if len(result) != len(texts):
            raise RuntimeError(f"classifier returned {len(result)} results for {len(texts)} texts")
        return result

    def _judge(self, record, msg, cls, senders, groups, load_sender, load_group, out) -> Judgement | None:
        skey = sender_key(msg.group_id, msg.sender_id)
        if skey not in senders:
            senders[skey] = SenderState.from_json(load_sender(skey))
        if msg.group_id not in groups:
            groups[msg.group_id] = GroupState.from_json(load_group(msg.group_id))
        judgement = self.engine.judge(msg, cls, senders[skey], groups[msg.group_id])
        if judgement.duplicate:
            out.duplicates += 1
            return None
        senders[skey] = judgement.sender_state
        groups[msg.group_id] = judgement.group_state
        out.sender_updates[skey] = StateUpdate(record.partition, skey, judgement.sender_state.to_json())
        out.group_updates[msg.group_id] = StateUpdate(record.partition, msg.group_id,
                                                      judgement.group_state.to_json())
        key = msg.group_id
        if judgement.decision is not None:
            out.emissions.append(Emission(topics.DECISIONS, key, judgement.decision))
        for warning in judgement.warnings:
            out.emissions.append(Emission(topics.WARNINGS, key, warning))
        if judgement.escalation is not None:
            out.emissions.append(Emission(topics.ESCALATIONS, key, judgement.escalation))
        if judgement.lost_found is not None:
            out.emissions.append(Emission(topics.LOST_FOUND, key, judgement.lost_found))
        return judgement
