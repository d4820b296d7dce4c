"""The one owner of a worker's partition state and of its recovery.

Everything a worker remembers about the partitions it owns lives in one
:class:`PartitionState`:

* the **group states**: one record per group (seen message ids, open
  lost/found reports, members' strikes and recent messages), kept parsed in
  memory (:class:`GroupBundle`) and stored in the compacted changelog topic
  ``<BINHYEN_APP_ID>-group-state-changelog``, one record per touched group per
  batch, in the partition of the group's input partition;
* the **published output ids**: the deterministic ids (``readback.emission_id``)
  of the newest records of the output partitions, so an output published just
  before a crash is not published again by the next owner;
* the **offset ledger** of each input topic (``continuity.OffsetLedger``): the
  next offset expected per partition, so input offsets the consumer skips
  around a rebalance are fetched and processed, in order.

Recovery happens once per assignment, driven by Faust's
``on_partitions_revoked`` / ``on_partitions_assigned`` signals (not by comparing
the assignment on every batch). On revocation the worker finishes the batch in
hand, then forgets the state. On assignment it reads, once, for the partitions
it now owns: the committed input offsets, each group's newest state record and
the newest output ids. Every read goes to the broker's *real* end: a broker may
report an end offset short of records it acknowledged (Tansu reports the end
of a multi-record batch one short), so reading goes on until a fetch returns
nothing. Until that is done the agent's next batch waits (``wait_ready``).

The state is written only through the factory producer, after the batch's
outputs are on the broker (see ``app.process``); if a state write fails, the
touched groups fall back to their last stored record and the batch is redone.

Extension point for a second input topic (``moderation.actions``): it must be
co-partitioned with ``chat.messages`` (key ``group_id``, same partition count),
so partition *p* of either topic holds the same groups and the same
``GroupBundle``. Pass it in ``input_topics``; the ledger, committed offsets and
gap filling are kept per topic, the group state is shared.
"""

from __future__ import annotations

import asyncio
import logging
import operator
import time
from collections import deque
from typing import Any, Awaitable, Callable, Iterable

import msgspec
import orjson

from pipeline.domain.actions import ActionOutcome
from pipeline.domain.engine import GroupState, Judgement, RuleEngine, SenderState
from pipeline.settings import Settings
from pipeline.streams import topics
from pipeline.streams.continuity import OffsetLedger, committed_offsets
from pipeline.streams.readback import emission_id, read_latest_values, read_published_ids
from pipeline.streams.records import OutRecord

log = logging.getLogger(__name__)

#: Members' state is pruned once a group holds more members with state than this; below it,
#: keeping idle members costs less than checking them on every write.
PRUNE_ABOVE = 32


def changelog_topic(settings: Settings) -> str:
    """The compacted topic holding each group's newest state (the name Faust's table used)."""
    return f"{settings.app_id}-group-state-changelog"


_ENCODER = msgspec.json.Encoder()

#: Topic-level settings of the changelog: only the newest record per group matters.
CHANGELOG_CONFIG = {"cleanup.policy": "compact"}


class GroupBundle:
    """Everything remembered about one group, stored as ONE record keyed by ``group_id``.

    Keeping the group's seen ids, lost-and-found reports and its members'
    strikes in a single record makes each state write atomic: after a crash
    the state is either before or after a message, never half of each.
    Members whose state no longer matters are pruned on writes once there are
    more than ``PRUNE_ABOVE`` of them. A member is parsed when first needed
    and encoded again only when a judgement changed it.
    """

    __slots__ = ("group", "latest", "_raw", "_senders", "_encoded", "_seen", "_notes", "_reports_source",
                 "_reports_json")

    def __init__(self, data: dict | None = None) -> None:
        data = data if isinstance(data, dict) else {}
        self.group = GroupState.from_json(data.get("group"))
        senders = data.get("senders")
        self._raw: dict[str, Any] = senders if isinstance(senders, dict) else {}  # not parsed yet
        self._senders: dict[str, SenderState] = {}  # parsed
        self._encoded: dict[str, bytes] = {}  # member -> its JSON as last stored
        self._seen = _JsonWindow()  # the group's seen ids and notes as last encoded
        self._notes = _JsonWindow()
        self._reports_source: tuple | None = None
        self._reports_json = b"[]"
        latest = data.get("latest")
        self.latest = float(latest) if isinstance(latest, (int, float)) and not isinstance(latest, bool) else 0.0

    @classmethod
    def decode(cls, record: bytes | None) -> "GroupBundle":
        if record is None:
            return cls()
        try:
            return cls(orjson.loads(record))
        except orjson.JSONDecodeError:
            log.error("unreadable group state record (%d bytes); starting the group afresh", len(record))
            return cls()

    def sender(self, sender_id: str) -> SenderState:
        state = self._senders.get(sender_id)
        if state is None:
            state = SenderState.from_json(self._raw.pop(sender_id, None))
            self._senders[sender_id] = state
        return state

    def update(self, sender_id: str, judgement: Judgement, sent_at: float) -> None:
        self._senders[sender_id] = judgement.sender_state
        self._encoded.pop(sender_id, None)
        self.group = judgement.group_state
        self.latest = max(self.latest, sent_at)

    def apply(self, outcome: ActionOutcome) -> None:
        """Take an applied action's new states (``domain.actions.apply_action``)."""
        self.group = outcome.group_state
        for sender_id, state in outcome.senders.items():
            self._raw.pop(sender_id, None)
            self._senders[sender_id] = state
            self._encoded.pop(sender_id, None)

    def member_ids(self) -> list[str]:
        return [*self._senders, *self._raw]

    def encode(self, group_id: str, engine: RuleEngine) -> bytes:
        """The group's state record (JSON bytes); members not changed since the last encode
        are not serialised again."""
        if len(self._senders) + len(self._raw) > PRUNE_ABOVE:
            for sender_id in self.member_ids():
                if engine.sender_is_idle(group_id, self.sender(sender_id), self.latest):
                    del self._senders[sender_id]
                    self._encoded.pop(sender_id, None)
        parts = []
        for sender_id, raw in self._raw.items():  # never parsed: passed through as they were
            encoded = self._encoded.get(sender_id)
            if encoded is None:
                encoded = self._encoded[sender_id] = orjson.dumps(sender_id) + b":" + orjson.dumps(raw)
            parts.append(encoded)
        for sender_id, state in self._senders.items():
            encoded = self._encoded.get(sender_id)
            if encoded is None:
                encoded = self._encoded[sender_id] = orjson.dumps(sender_id) + b":" + state.encode_json()
            parts.append(encoded)
        return b"".join((b'{"group":', self._group_json(), b',"senders":{', b",".join(parts),
                         b'},"latest":', orjson.dumps(self.latest), b"}"))


    def _group_json(self) -> bytes:
        """The group part of the record. Judging a message appends its id to the seen ids and its
        note to the notes and drops the oldest beyond the bounds; everything else in them is
        unchanged, so their JSON is kept from the last write and only the new entries are encoded
        (any other change encodes that list again). The reports are encoded again only when they
        changed."""
        group = self.group
        seen = self._seen.update(group.seen, group.seen.since(self._seen.source)
                                 if self._seen.source is not None else None, group.seen.ids)
        notes = self._notes.update(group.notes, _tuple_since(self._notes.source, group.notes),
                                   lambda: group.notes, encode=lambda n: orjson.dumps(n.to_json()))
        if group.reports is not self._reports_source:
            self._reports_source, self._reports_json = group.reports, _ENCODER.encode(group.reports)
        return group.encode_json(seen=seen, reports=self._reports_json, notes=notes)


def _tuple_since(older: tuple | None, newer: tuple) -> tuple[int, list] | None:
    """(items dropped at the front, items added at the end) when ``newer`` is ``older`` minus a
    prefix plus a suffix, the kept items being the very same objects; else None."""
    if older is None:
        return None
    if newer is older:
        return 0, []
    dropped = 0
    if older and newer and newer[0] is not older[0]:
        try:
            dropped = older.index(newer[0])
        except ValueError:
            dropped = len(older)
    kept = min(len(older) - dropped, len(newer))
    if not all(map(operator.is_, newer[:kept], older[dropped:dropped + kept])) or kept < len(older) - dropped:
        return None
    return dropped, list(newer[kept:])


class _JsonWindow:
    """A JSON array kept as bytes between writes, for a list that loses items at the front and
    gains items at the end: ``update`` cuts the dropped items' bytes off and appends the new ones'."""

    __slots__ = ("source", "_body", "_sizes")

    def __init__(self) -> None:
        self.source: Any = None
        self._body = b""
        self._sizes: deque[int] = deque()  # byte length of each item's JSON in _body

    def update(self, source: Any, delta: tuple[int, list] | None, items: Callable[[], Iterable[Any]],
               encode: Callable[[Any], bytes] = orjson.dumps) -> bytes:
        if source is not self.source:
            if delta is None:
                pieces = [encode(x) for x in items()]
                self._sizes = deque(map(len, pieces))
                self._body = b",".join(pieces)
            else:
                dropped, added = delta
                if dropped:
                    cut = sum(self._sizes.popleft() for _ in range(min(dropped, len(self._sizes)))) + dropped
                    self._body = self._body[cut:]
                if added:
                    pieces = [encode(x) for x in added]
                    self._sizes.extend(map(len, pieces))
                    self._body = b",".join([self._body, *pieces]) if self._body else b",".join(pieces)
            self.source = source
        return b"[" + self._body + b"]"


Publish = Callable[[list[OutRecord]], Awaitable[None]]


class PartitionState:
    """Group states, published ids and offset ledgers of the partitions this worker owns."""

    def __init__(self, settings: Settings, engine: RuleEngine, *,
                 input_topics: Iterable[str] = (topics.INPUT,)) -> None:
        self.settings = settings
        self.engine = engine
        self.changelog = changelog_topic(settings)
        self.input_topics = tuple(input_topics)
        self.assigned: frozenset[int] | None = None  # None: no assignment seen (Faust test_context)
        self.ledgers: dict[str, OffsetLedger] = {t: OffsetLedger() for t in self.input_topics}
        self.published: set[tuple[str, str]] = set()
        self._stored: dict[str, bytes] = {}  # group -> its newest record on the changelog
        self._live: dict[str, GroupBundle] = {}  # group -> parsed state, current
        self._ready = asyncio.Event()
        self._ready.set()
        self._priming: asyncio.Task | None = None
        self.lock = asyncio.Lock()  # one batch at a time (the agent, the gap timer, a revocation)

    # ----------------------------------------------------------------- assignment

    async def on_revoked(self, revoked: Iterable[Any] = ()) -> None:
        """Faust revokes partitions: let the batch in hand finish, then forget their state."""
        self._ready.clear()
        if self._priming is not None:
            self._priming.cancel()
        try:
            await asyncio.wait_for(self.lock.acquire(), timeout=self.settings.rebalance_timeout)
        except asyncio.TimeoutError:
            log.warning("a batch still running at revocation; its outputs may repeat on the next owner")
            return
        try:
            self._forget()
        finally:
            self.lock.release()

    def on_assigned(self, assigned: Iterable[Any]) -> None:
        """Faust assigned partitions (the whole new assignment): read their state back before
        the next batch (in a task, so the rebalance itself is not held up)."""
        partitions = frozenset(tp.partition for tp in assigned if tp.topic in self.input_topics)
        self._ready.clear()
        if self._priming is not None:
            self._priming.cancel()
        self._priming = asyncio.ensure_future(self._prime(partitions))

    async def wait_ready(self) -> None:
        await self._ready.wait()

    def is_ready(self) -> bool:
        return self._ready.is_set()

    def _forget(self) -> None:
        self._stored.clear()
        self._live.clear()
        self.published = set()
        for ledger in self.ledgers.values():
            ledger.reset({})

    async def _prime(self, partitions: frozenset[int]) -> None:
        started = time.monotonic()
        while True:
            try:
                async with self.lock:
                    self._forget()
                    if partitions:
                        await self._read_ledgers(partitions)
                        self._stored = await self._read_states(partitions)
                        self.published = await self._read_published(partitions)
                    self.assigned = partitions
                break
            except asyncio.CancelledError:
                raise
            except Exception:  # a bug: never process without the state, try again
                log.exception("reading the state back for partitions %s failed; retrying in 5 s", sorted(partitions))
                await asyncio.sleep(5.0)
        self._ready.set()
        log.info("assignment %s: starting at offsets %s; %d group states and %d published output ids "
                 "read back in %.2fs", sorted(partitions),
                 {t: ledger.expected for t, ledger in self.ledgers.items()}, len(self._stored),
                 len(self.published), time.monotonic() - started)

    async def _read_ledgers(self, partitions: frozenset[int]) -> None:
        for topic, ledger in self.ledgers.items():
            try:
                ledger.reset(await committed_offsets(self.settings, self.settings.app_id, partitions, topic=topic))
            except Exception as exc:
                log.error("could not read committed offsets of %s (%s: %s); gap detection off until the "
                          "next assignment", topic, type(exc).__name__, exc)
                ledger.reset({})

    async def _read_states(self, partitions: frozenset[int]) -> dict[str, bytes]:
        """Without the newest states strikes would start again, so this is retried until it works."""
        delay = 1.0
        while True:
            try:
                return await read_latest_values(self.settings, self.changelog, partitions)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("could not read the group states back (%s: %s); retrying in %.0fs",
                          type(exc).__name__, exc, delay)
                await asyncio.sleep(delay)
                delay = min(30.0, delay * 2)

    async def _read_published(self, partitions: frozenset[int]) -> set[tuple[str, str]]:
        try:
            return await read_published_ids(self.settings, partitions,
                                            per_partition=self.settings.readback_per_partition)
        except Exception as exc:  # never stop moderating over it; at worst an output repeats
            log.error("could not read back published outputs (%s: %s); repeats after a crash are possible",
                      type(exc).__name__, exc)
            return set()

    # ----------------------------------------------------------------- per batch

    def owns(self, partition: int) -> bool:
        return self.assigned is None or partition in self.assigned

    def bundle(self, group_id: str) -> GroupBundle:
        """The group's current state (parsed from its stored record on first use)."""
        bundle = self._live.get(group_id)
        if bundle is None:
            bundle = self._live[group_id] = GroupBundle.decode(self._stored.get(group_id))
        return bundle

    def stored(self, group_id: str) -> bytes | None:
        """The group's newest record on the changelog (as read back or last written)."""
        return self._stored.get(group_id)

    def already_published(self, topic: str, value: dict) -> bool:
        return bool(self.published) and (topic, emission_id(topic, value)) in self.published

    async def store(self, touched: dict[str, int], publish: Publish) -> None:
        """Write each touched group's state once (to the changelog partition of its input
        partition) and wait for the broker. On failure the groups fall back to their last
        stored record, and the error goes up (the batch is not acknowledged)."""
        if not touched:
            return
        try:
            encoded = {g: self._live[g].encode(g, self.engine) for g in touched}
            await publish([(self.changelog, orjson.dumps(g), record, touched[g]) for g, record in encoded.items()])
        except BaseException:
            self.discard(touched)
            raise
        self._stored.update(encoded)

    def discard(self, groups: Iterable[str]) -> None:
        """Forget the in-memory changes of these groups (a batch that failed before its state
        was stored): they are parsed again from their last stored record."""
        for g in groups:
            self._live.pop(g, None)

    def __len__(self) -> int:
        return len(self._stored.keys() | self._live.keys())


__all__ = ["CHANGELOG_CONFIG", "GroupBundle", "PRUNE_ABOVE", "PartitionState", "changelog_topic"]
