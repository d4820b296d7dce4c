"""The recently seen message ids of a group: ordered, bounded, O(1) to check and to extend.

A ``SeenIds`` is a value: ``add`` returns a new one and leaves the old one as it
was, so the engine stays pure. Versions made one after another share one
append-only log (an id list and an id -> position map) and differ only in the
window ``[start, end)`` they see, so adding an id costs O(1) instead of
copying the whole window; the log is compacted once its dropped prefix is as
long as the window (amortised O(1)). Adding to an older version (one that is
not the newest of its log) copies its window first.

One approximation, never hit by the engine (which only extends the newest
version and never adds an id still in the window): an old version asked about
an id that dropped out of the window and was added again later answers as the
newest version would.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

__all__ = ["SeenIds"]


class _Log:
    __slots__ = ("ids", "pos")

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids: list[str] = list(ids)
        self.pos: dict[str, int] = {message_id: i for i, message_id in enumerate(self.ids)}


class SeenIds:
    """Message ids, oldest first."""

    __slots__ = ("_log", "_start", "_end")

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._log = _Log(ids)
        self._start = 0
        self._end = len(self._log.ids)

    @classmethod
    def _view(cls, log: _Log, start: int, end: int) -> "SeenIds":
        view = cls.__new__(cls)
        view._log, view._start, view._end = log, start, end
        return view

    def __contains__(self, message_id: object) -> bool:
        i = self._log.pos.get(message_id)  # type: ignore[arg-type]
        return i is not None and self._start <= i < self._end

    def add(self, message_id: str, bound: int) -> "SeenIds":
        """These ids and ``message_id``, the oldest dropped beyond ``bound``."""
        log, start, end = self._log, self._start, self._end
        if end != len(log.ids):  # not the newest version: start a log of our own
            log, start, end = _Log(log.ids[start:end]), 0, end - start
        log.ids.append(message_id)
        log.pos[message_id] = end
        end += 1
        start = max(start, end - max(1, bound))
        if start > 64 and start >= end - start:  # compact: the live window into a fresh log
            log, start, end = _Log(log.ids[start:end]), 0, end - start
        return SeenIds._view(log, start, end)

    def since(self, older: "SeenIds") -> tuple[int, list[str]] | None:
        """How this version follows from ``older``: (ids dropped at the front, ids added at the
        end), or None when it does not simply extend it (another log, or a copied window)."""
        if self._log is not older._log or self._start < older._start or self._end < older._end:
            return None
        return self._start - older._start, self._log.ids[older._end:self._end]

    def ids(self) -> list[str]:
        """The ids, oldest first, as a new list."""
        return self._log.ids[self._start:self._end]

    def __iter__(self) -> Iterator[str]:
        return iter(self._log.ids[self._start:self._end])

    def __len__(self) -> int:
        return self._end - self._start

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, (SeenIds, tuple, list)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"SeenIds({list(self)!r})"
