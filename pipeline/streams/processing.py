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
    state_updates: dict[str, StateUpdate] = field(default_factory=dict)  # by group_id
    judgements: list[Judgement] = field(default_factory=list)
    messages: list[ChatMessage] = field(default_factory=list)
    dead_letter_reasons: list[str] = field(default_factory=list)
    duplicates: int = 0
    classify_seconds: float = 0.0
    classified: int = 0


#: Members' state is pruned once a group holds more members with state than this; below it,
#: keeping idle members costs less than checking them on every write.
PRUNE_ABOVE = 32


class GroupBundle:
    """Everything remembered about one group, stored as ONE table record keyed by ``group_id``.

    Keeping the group's seen ids, lost-and-found reports and its members'
    strikes in a single record makes each state write atomic: after a crash
    the state is either before or after a message, never half of each.
    Members whose state no longer matters are pruned on writes once there are
    more than ``PRUNE_ABOVE`` of them.
    """

    def __init__(self, data: dict | None) -> None:
        data = data if isinstance(data, dict) else {}
        self.group = GroupState.from_json(data.get("group"))
        senders = data.get("senders")
        self._raw_senders: dict = senders if isinstance(senders, dict) else {}
        self._senders: dict[str, SenderState] = {}
        self.latest = float(data.get("latest", 0.0)) if isinstance(data.get("latest"), (int, float)) else 0.0

    def sender(self, sender_id: str) -> SenderState:
        if sender_id not in self._senders:
            self._senders[sender_id] = SenderState.from_json(self._raw_senders.get(sender_id))
        return self._senders[sender_id]

    def update(self, sender_id: str, judgement: Judgement, sent_at: float) -> None:
        self._senders[sender_id] = judgement.sender_state
        self.group = judgement.group_state
        self.latest = max(self.latest, sent_at)

    def to_json(self, group_id: str, engine: RuleEngine) -> dict:
        senders = dict(self._raw_senders)
        for sender_id, state in self._senders.items():
            senders[sender_id] = state.to_json()
        if len(senders) > PRUNE_ABOVE:
            senders = {sender_id: raw for sender_id, raw in senders.items()
                       if not engine.sender_is_idle(group_id, self._senders.get(sender_id)
                                                    or SenderState.from_json(raw), self.latest)}
        # the bundle now stands for exactly this record (it may be reused for the next batch)
        self._raw_senders = senders
        self._senders = {k: v for k, v in self._senders.items() if k in senders}
        return {"group": self.group.to_json(), "senders": senders, "latest": self.latest}


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
        # group_id -> (the record last produced, the bundle it came from): when the state store
        # hands back that very record, the bundle is reused instead of parsed again.
        self._bundles: dict[str, tuple[dict, GroupBundle]] = {}

    def _bundle(self, group_id: str, load_group: Callable[[str], dict | None]) -> GroupBundle:
        data = load_group(group_id)
        cached = self._bundles.get(group_id)
        if cached is not None and data is not None and cached[0] is data:
            return cached[1]
        return GroupBundle(data)

    def process(self, records: Sequence[RawRecord], load_group: Callable[[str], dict | None]) -> BatchOutcome:
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
        # State read once per group per batch; later messages of the batch see earlier updates.
        bundles: dict[str, GroupBundle] = {}
        partitions: dict[str, int] = {}
        for (record, msg), cls in zip(valid, classifications):
            try:
                if msg.group_id not in bundles:
                    bundles[msg.group_id] = self._bundle(msg.group_id, load_group)
                judgement = self._judge(msg, cls, bundles[msg.group_id], out)
            except Exception as exc:  # a bug must not stop the worker nor lose the message
                log.exception("internal error judging message_id=%s group_id=%s offset=%s",
                              msg.message_id, msg.group_id, record.offset)
                out.emissions.append(dead_letter(record, "internal_error", type(exc).__name__))
                out.dead_letter_reasons.append("internal_error")
                continue
            if judgement is not None:
                out.judgements.append(judgement)
                out.messages.append(msg)
                partitions[msg.group_id] = record.partition
        for group_id, partition in partitions.items():
            record = bundles[group_id].to_json(group_id, self.engine)
            self._bundles[group_id] = (record, bundles[group_id])
            out.state_updates[group_id] = StateUpdate(partition, group_id, record)
        return out

    def _classify(self, texts: list[str], out: BatchOutcome) -> list[Classification]:
        started = self._clock()
        result = self.classifier.classify_batch(texts)
        out.classify_seconds += self._clock() - started
        out.classified += len(texts)
        if len(result) != len(texts):
            raise RuntimeError(f"classifier returned {len(result)} results for {len(texts)} texts")
        return result

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
        return judgement
