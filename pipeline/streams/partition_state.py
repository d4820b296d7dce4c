"""The one owner of a worker's partition state and of its recovery.

Everything a worker remembers about the partitions it owns lives in one
:class:`PartitionState`:

* the **group states** (seen message ids, open lost/found reports, members'
  strikes and recent messages), kept parsed in memory (:class:`GroupBundle`)
  and stored in the compacted changelog topic
  ``<BINHYEN_APP_ID>-group-state-changelog`` as a head record and parts per
  group, of which each batch writes what changed, in one record batch per
  group, in the partition of the group's input partition;
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
from typing import Any, Awaitable, Callable, Iterable, Mapping

import msgspec
import orjson

from pipeline.domain.actions import ActionOutcome
from pipeline.domain.engine import GroupState, Judgement, RuleEngine, SenderState
from pipeline.domain.seen import SeenIds
from pipeline.domain.state import STATE_VERSION
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


#: Everything kept in memory between writes is encoded with msgspec: a small ``orjson.dumps``
#: result holds a buffer of about 4 KiB (measured with tracemalloc), which, kept per item of
#: every group's windows, doubled the worker's memory.
_ENCODER = msgspec.json.Encoder()

#: Topic-level settings of the changelog: only the newest record per group matters.
CHANGELOG_CONFIG = {"cleanup.policy": "compact"}


#: Items per stored segment of a group's windows: about a kilobyte each (an id is about 20 bytes,
#: a note 80, a lost/found report 250), so the open segment in the head stays small.
SEGMENT = {"seen": 32, "notes": 12, "reports": 4}

StateRecord = tuple[bytes, "bytes | None"]  # (changelog key, value; None: a tombstone)


def head_key(group_id: str) -> bytes:
    return orjson.dumps(group_id)


def part_key(group_id: str, name: str) -> bytes:
    return orjson.dumps([group_id, name])


class GroupBundle:
    """Everything remembered about one group, kept parsed in memory and stored as a few records
    of the changelog, all keyed by the group: a **head** (key ``"<group>"``: the small fields, the
    names of the parts and ``latest``) and **parts** (key ``["<group>", "<name>"]``): each
    member's state (``m.<sender>``), and the seen message ids, the notes and the open
    lost/found reports in numbered segments of ``SEGMENT`` items (``seen.<n>``, ``notes.<n>``,
    ``reports.<n>``; the newest segment, still filling, lives in the head).

    A write stores the head and only the parts that changed (a judged message changes its
    sender, and now and then fills a segment), with tombstones for parts no longer named; all of a group's records of a write go to the broker in one record batch, so a crash
    leaves the group either before or after the batch, never half of each. Reading back
    assembles exactly the parts the head names. So a write costs what changed, not the whole
    history of the group: in a group at its bounds (1,000 seen ids, 200 notes, open reports,
    its members) the one-record form rewrote tens of kilobytes for every batch.

    Members whose state no longer matters are pruned on writes once there are more than
    ``PRUNE_ABOVE`` of them. A member is parsed when first needed. A record of the earlier
    one-record form (``{"group", "senders", "latest"}``) is read as well; its first write stores
    every part.
    """

    __slots__ = ("group", "latest", "_raw", "_senders", "_dirty", "_members", "_seen", "_notes", "_reports")

    def __init__(self, data: dict | None = None, parts: Mapping[str, bytes] | None = None) -> None:
        data = data if isinstance(data, dict) else {}
        parts = parts or {}
        self._seen = _Segments("seen", _ENCODER.encode)
        self._notes = _Segments("notes", lambda note: _ENCODER.encode(note.to_json()))
        self._reports = _Segments("reports", _ENCODER.encode)
        self._members: set[str] = set()  # member parts as last stored
        group = data.get("group")
        senders = data.get("senders")
        if data.get("v") == HEAD_VERSION and isinstance(group, dict):
            group = dict(group)
            group["seen"] = self._seen.load(data.get("seen"), parts)
            group["notes"] = self._notes.load(data.get("notes"), parts)
            group["reports"] = self._reports.load(data.get("reports"), parts)
            names = data.get("members")
            senders = {m: _json_part(parts, f"m.{m}", None) for m in names if isinstance(m, str)} \
                if isinstance(names, list) else {}
            self._members = set(senders)
        self.group = GroupState.from_json(group)
        self._seen.loaded_as(self.group.seen)
        self._notes.loaded_as(self.group.notes)
        self._reports.loaded_as(self.group.reports)
        self._raw: dict[str, Any] = senders if isinstance(senders, dict) else {}  # not parsed yet
        self._senders: dict[str, SenderState] = {}  # parsed
        self._dirty: set[str] = set(self._raw) - self._members  # members to store at the next write
        latest = data.get("latest")
        self.latest = float(latest) if isinstance(latest, (int, float)) and not isinstance(latest, bool) else 0.0

    @classmethod
    def decode(cls, record: bytes | None, parts: Mapping[str, bytes] | None = None) -> "GroupBundle":
        """The group from its head record and its parts by name (as ``encode`` wrote them)."""
        if record is None:
            return cls()
        try:
            return cls(orjson.loads(record), parts)
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
        self._dirty.add(sender_id)
        self.group = judgement.group_state
        self.latest = max(self.latest, sent_at)

    def apply(self, outcome: ActionOutcome) -> None:
        """Take an applied action's new states (``domain.actions.apply_action``)."""
        self.group = outcome.group_state
        for sender_id, state in outcome.senders.items():
            self._raw.pop(sender_id, None)
            self._senders[sender_id] = state
            self._dirty.add(sender_id)

    def member_ids(self) -> list[str]:
        return [*self._senders, *self._raw]

    def to_json(self) -> dict[str, Any]:
        """The whole state as one document (for tests and inspection; not what is stored)."""
        senders = {m: self.sender(m).to_json() for m in self.member_ids()}
        return {"group": self.group.to_json(), "senders": senders, "latest": self.latest}

    def encode(self, group_id: str, engine: RuleEngine) -> list[StateRecord]:
        """The changelog records of this write: the head, then the parts changed since the last
        write, then tombstones of the parts no longer named. Afterwards the bundle counts them
        as stored (``PartitionState.store`` forgets the bundle if the write fails)."""
        if len(self._senders) + len(self._raw) > PRUNE_ABOVE:
            for sender_id in self.member_ids():
                if engine.sender_is_idle(group_id, self.sender(sender_id), self.latest):
                    del self._senders[sender_id]
                    self._dirty.discard(sender_id)
        group = self.group
        out: list[StateRecord] = []
        changed: list[StateRecord] = []
        members = set(self._senders) | set(self._raw)
        for sender_id in sorted(self._dirty & members):
            state = self._senders.get(sender_id)
            value = state.encode_json() if state is not None else _ENCODER.encode(self._raw[sender_id])
            changed.append((part_key(group_id, f"m.{sender_id}"), value))
        gone = [f"m.{m}" for m in sorted(self._members - members)]
        self._members, self._dirty = members, set()
        windows = {"seen": self._seen.sync(group.seen, group_id, changed, gone),
                   "notes": self._notes.sync(group.notes, group_id, changed, gone),
                   "reports": self._reports.sync(group.reports, group_id, changed, gone)}
        small: dict[str, Any] = {"v": STATE_VERSION}
        for name in ("actions", "removed", "exempt"):
            if getattr(group, name):
                small[name] = getattr(group, name)
        head = {"v": HEAD_VERSION, "group": small, **windows, "members": sorted(members), "latest": self.latest}
        out.append((head_key(group_id), _ENCODER.encode(head)))
        out.extend(changed)
        out.extend((part_key(group_id, name), None) for name in gone)
        return out


HEAD_VERSION = 2


def _json_part(parts: Mapping[str, bytes], name: str, default: Any) -> Any:
    raw = parts.get(name)
    if raw is None:
        return default
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        log.error("unreadable group state part %s (%d bytes); taken as empty", name, len(raw))
        return default


def _delta(older: Any, newer: Any) -> tuple[int, list] | None:
    """How a window follows from its last stored version: (items dropped at the front, items
    added at the end), or None when it must be written again."""
    if older is None:
        return None
    if isinstance(newer, SeenIds):
        return newer.since(older) if isinstance(older, SeenIds) else None
    return _tuple_since(older, newer)


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


class _Segments:
    """A window that loses items at the front and gains items at the end (a group's seen ids,
    its notes, its open reports), stored in numbered segments of ``SEGMENT[prefix]`` items: every full segment once, as a
    part (``seen.12``, ``seen.13``, ...), and the last, still filling, inside the head.

    The head keeps ``[first segment, last segment, items of the first already dropped, the
    last segment's items]``. Adding items changes only the head, and writes a segment once it is
    full; dropping items at the front removes a segment once all of its items are gone. Any other
    change (a note replaced by a correction) writes the window again, as new segments."""

    __slots__ = ("prefix", "size", "encode", "source", "first", "front", "segments")

    def __init__(self, prefix: str, encode: Callable[[Any], bytes]) -> None:
        self.prefix = prefix
        self.size = SEGMENT[prefix]
        self.encode = encode  # one item's JSON
        self.source: Any = None  # the window (SeenIds or tuple) as last stored
        self.first = 0  # number of the first segment
        self.front = 0  # items of the first segment already dropped from the window
        self.segments: list[list[Any]] = []  # the items of each segment (the last one open)

    def load(self, head: Any, parts: Mapping[str, bytes]) -> list[Any]:
        """The window's items from the head's entry and the full segments' parts."""
        if not (isinstance(head, list) and len(head) == 4 and all(isinstance(x, int) for x in head[:3])
                and isinstance(head[3], list)):
            return []
        first, last, front, open_items = head
        segments = []
        for n in range(first, last):
            items = _json_part(parts, self._name(n), [])
            segments.append(items if isinstance(items, list) else [])
        segments.append(open_items)
        self.first, self.front, self.segments = first, front, segments
        return [item for segment in segments for item in segment][front:]

    def loaded_as(self, source: Any) -> None:
        """The domain value built from the loaded items: later changes are written as deltas of it
        (when it holds every loaded item; otherwise the next write stores the window again)."""
        if self.segments and len(source) == sum(len(segment) for segment in self.segments) - self.front:
            self.source = source
            self.segments = [[msgspec.Raw(_ENCODER.encode(x)) for x in segment] for segment in self.segments]

    def _name(self, n: int) -> str:
        return f"{self.prefix}.{n}"

    def sync(self, source: Any, group_id: str, changed: list[StateRecord], gone: list[str]) -> list[Any]:
        """Bring the segments to ``source`` (the window as it is now: ``SeenIds`` or a tuple): full
        segments not yet stored go to ``changed``, the names of removed ones to ``gone``; returns
        the head's entry."""
        if source is not self.source:
            delta = _delta(self.source, source)
            if delta is None:  # written again, from the next number on
                gone.extend(self._name(self.first + i) for i in range(len(self.segments) - 1))
                self.first += len(self.segments)
                self.front, self.segments = 0, []
                self._append(source, changed, group_id)
            else:
                dropped, added = delta
                # appended first, dropped after: one write may add more items than the window holds
                self._append(added, changed, group_id)
                self.front += dropped
                while len(self.segments) > 1 and self.front >= len(self.segments[0]):
                    self.front -= len(self.segments.pop(0))
                    gone.append(self._name(self.first))
                    self.first += 1
                if len(self.segments) == 1 and self.front >= len(self.segments[0]):
                    self.first, self.front, self.segments = self.first + 1, 0, []
            self.source = source
        last = self.first + max(0, len(self.segments) - 1)
        return [self.first, last, self.front, self.segments[-1] if self.segments else []]

    def _append(self, items: Iterable[Any], changed: list[StateRecord], group_id: str) -> None:
        segments = self.segments
        for item in items:
            if not segments or len(segments[-1]) >= self.size:
                if segments:  # the open segment is full: stored once, as a part
                    n = self.first + len(segments) - 1
                    changed.append((part_key(group_id, self._name(n)), _ENCODER.encode(segments[-1])))
                segments.append([])
            segments[-1].append(msgspec.Raw(self.encode(item)))

#: Publishes records and waits for the broker; the second argument, when given, cuts the records
#: into runs (lengths) that must each go to the broker in one record batch (``app.Publisher``).
Publish = Callable[[list[OutRecord], "list[int] | None"], Awaitable[None]]


def split_records(records: Mapping[str | tuple[str, str], bytes]
                  ) -> tuple[dict[str, bytes], dict[str, dict[str, bytes]]]:
    """The changelog as read back (``readback.read_latest_values``): heads by group, parts by
    group and name."""
    heads: dict[str, bytes] = {}
    parts: dict[str, dict[str, bytes]] = {}
    for key, value in records.items():
        if isinstance(key, tuple):
            parts.setdefault(key[0], {})[key[1]] = value
        else:
            heads[key] = value
    return heads, parts


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
        self._stored: dict[str, bytes] = {}  # group -> its newest head record on the changelog
        self._parts: dict[str, dict[str, bytes]] = {}  # group -> part name -> its newest record
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
        self._parts.clear()
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
                        self._stored, self._parts = split_records(await self._read_states(partitions))
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

    async def _read_states(self, partitions: frozenset[int]) -> dict[str | tuple[str, str], bytes]:
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
            bundle = self._live[group_id] = GroupBundle.decode(self._stored.get(group_id),
                                                                self._parts.get(group_id))
        return bundle

    def stored(self, group_id: str) -> bytes | None:
        """The group's newest head record on the changelog (as read back or last written)."""
        return self._stored.get(group_id)

    def stored_parts(self, group_id: str) -> dict[str, bytes]:
        """The group's newest part records on the changelog, by name."""
        return dict(self._parts.get(group_id, {}))

    def already_published(self, topic: str, value: dict) -> bool:
        return bool(self.published) and (topic, emission_id(topic, value)) in self.published

    async def store(self, touched: dict[str, int], publish: Publish) -> None:
        """Write each touched group's changed records (``GroupBundle.encode``: its head, changed
        parts, tombstones) to the changelog partition of its input partition, a group's records in
        one record batch, and wait for the broker. On failure the groups fall back to their last
        stored records, and the error goes up (the batch is not acknowledged)."""
        if not touched:
            return
        try:
            written = {g: self._live[g].encode(g, self.engine) for g in touched}
            records = [(self.changelog, key, value, touched[g]) for g, rs in written.items() for key, value in rs]
            await publish(records, [len(rs) for rs in written.values()])
        except BaseException:
            self.discard(touched)
            raise
        for g, rs in written.items():
            parts = self._parts.setdefault(g, {})
            head, *rest = rs
            self._stored[g] = head[1]  # type: ignore[assignment]
            for key, value in rest:
                name = orjson.loads(key)[1]
                if value is None:
                    parts.pop(name, None)
                else:
                    parts[name] = value

    def discard(self, groups: Iterable[str]) -> None:
        """Forget the in-memory changes of these groups (a batch that failed before its state
        was stored): they are parsed again from their last stored record."""
        for g in groups:
            self._live.pop(g, None)

    def __len__(self) -> int:
        return len(self._stored.keys() | self._live.keys())


__all__ = ["CHANGELOG_CONFIG", "GroupBundle", "PRUNE_ABOVE", "PartitionState", "changelog_topic", "split_records"]
