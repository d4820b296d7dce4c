"""The classifier on the machine's second core: a child process that labels texts while the worker
judges the messages already labelled.

A message's classification depends only on its text, never on a group's state, so it can run
beside the rest of a batch (rules, state, publishing). The worker forks one child right after
loading the model (before Faust, its threads and its event loop start; the model's arrays are then
shared copy-on-write). A batch's texts go to the child in chunks through a pipe as they are
decoded; the child answers each chunk with the model's probabilities and urgent decisions (raw
arrays, no pickling), and the worker turns them into ``Classification`` values
(``ModelClassifier.classifications``: the same code as ``classify_batch``, so the labels are
identical) when the rule engine reaches those messages. The first chunk is small, so the
worker waits only for a few texts; after that the child stays ahead.

At most ``IN_FLIGHT`` chunks are sent ahead of the answers read, so neither side can block the
other on a full pipe. If the child dies or answers nonsense, the worker logs it, stops the child
and classifies in-process from then on (same model, same labels): nothing is lost and the batch
is not redone. When the worker dies, even by SIGKILL, the child reads end-of-file on its pipe and
exits.

``BINHYEN_CLASSIFIER_PROCESS`` (``auto``: on with two or more CPUs; ``on``; ``off``) chooses it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import struct
import time
from typing import Any, Iterator, Sequence

import numpy as np
import orjson

from pipeline.domain.classification import Classification, Classifier

log = logging.getLogger(__name__)

#: Texts in the first chunks of a batch, then in each further chunk. The worker waits for the
#: first; each next one is about what the child classifies while the worker judges the one before
#: (a call costs the child about 0.6 ms plus 75 us a text; judging, about 120 us a message).
CHUNKS = (16, 32, 48, 64)
#: Chunks sent to the child ahead of the answers read.
IN_FLIGHT = 3
#: Texts the worker classifies itself, from the back of the batch, instead of waiting for the child.
STEAL = 16


def supports(classifier: Classifier) -> bool:
    """Only the trained model has the array interface (the keyword fallback is cheap anyway)."""
    return callable(getattr(classifier, "predict_arrays", None)) and callable(
        getattr(classifier, "classifications", None))


def wanted(choice: str) -> bool:
    if choice == "on":
        return True
    if choice == "off":
        return False
    return (os.cpu_count() or 1) >= 2


def _die_with_parent() -> None:
    """Linux: the kernel sends the child SIGKILL when the worker's thread that forked it ends."""
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: end-of-file on the pipe still ends the child
        pass


def _serve(classifier: Any, conn: Any, parent_end: Any) -> None:  # the child
    # the worker's end of the pipe, inherited by the fork: closed, so that the worker's death
    # (even by SIGKILL) is end-of-file here
    parent_end.close()
    _die_with_parent()
    if os.getppid() == 1:  # the worker died before we got here
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the worker stops, then the pipe closes
    while True:
        try:
            request = conn.recv_bytes()
        except (EOFError, OSError):
            return
        texts = orjson.loads(request)
        proba, _, urgent = classifier.predict_arrays(texts)
        proba = np.ascontiguousarray(proba, dtype=np.float64)
        urgent = np.ascontiguousarray(urgent, dtype=np.bool_)
        conn.send_bytes(struct.pack("<ii", *proba.shape) + proba.tobytes() + urgent.tobytes())


class ClassifierProcess:
    """A :class:`~pipeline.domain.classification.Classifier` whose model runs in a child process;
    ``stream()`` gives the batch-overlapping interface the batch processor uses."""

    def __init__(self, classifier: Any) -> None:
        self.local = classifier
        ctx = multiprocessing.get_context("fork")
        self._conn, child_conn = ctx.Pipe(duplex=True)
        self._proc = ctx.Process(target=_serve, args=(classifier, child_conn, self._conn), name="binhyen-classifier",
                                 daemon=True)
        self._proc.start()
        child_conn.close()
        self.failed = False
        self.outstanding = 0  # chunks sent and not answered yet, whichever stream sent them
        log.info("classifier in child process %d", self._proc.pid)

    @property
    def version(self) -> str:
        return self.local.version

    @property
    def pid(self) -> int | None:
        return None if self.failed else self._proc.pid

    def classify_batch(self, texts: Sequence[str]) -> list[Classification]:
        stream = self.stream()
        for text in texts:
            stream.add(text)
        stream.close_input()
        return list(stream)

    def stream(self) -> "ClassificationStream":
        """A stream for the next batch. Answers a previous stream left unread (its batch failed
        half-way) are read and dropped first, so no stream ever takes another's answers."""
        while self.outstanding and not self.failed:
            try:
                self._conn.recv_bytes()
                self.outstanding -= 1
            except Exception as exc:
                self._fail(exc)
        return ClassificationStream(self)

    def _fail(self, exc: BaseException) -> None:
        log.error("the classifier process failed (%s: %s); classifying in-process from now on",
                  type(exc).__name__, exc)
        self.failed = True
        self.close()

    def close(self) -> None:
        try:
            self._conn.close()
        except OSError:
            pass
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(timeout=5.0)


class ClassificationStream(Iterator[Classification]):
    """One batch's texts in (``add``, in message order, then ``close_input``), their
    classifications out (``next``, in the same order), the child working ahead of the reader.

    The child works from the front of the batch. When the reader needs an answer the child has not
    given yet, rather than wait it classifies a few texts itself from the back of the batch (texts
    not sent yet, once the input is closed): the two processes meet in the middle and the reader
    never idles while there is classifying left to do."""

    def __init__(self, owner: ClassifierProcess) -> None:
        self._owner = owner
        self._pending: list[str] = []  # added, not yet sent
        self._sent: list[list[str]] = []  # chunks sent, not yet answered (oldest first)
        self._ready: list[Classification] = []
        self._tail: list[Classification] = []  # the back of the batch, classified here
        self._closed = False
        self._next = 0
        self._chunks = 0  # chunks made so far
        self.count = 0
        self.local = 0  # texts classified here, not in the child
        self.busy = 0.0  # seconds the reader spent waiting for answers or classifying itself
        self.started: float | None = None
        self.finished: float | None = None

    def add(self, text: str) -> None:
        self._pending.append(text if isinstance(text, str) else "")
        self.count += 1
        if self.started is None:
            self.started = time.perf_counter()
        if len(self._sent) < IN_FLIGHT and len(self._pending) >= self._size():
            self._send()

    def close_input(self) -> None:
        """No more texts: the rest may be sent in any chunks and classified from both ends."""
        self._closed = True
        self._top_up()

    def _size(self) -> int:
        return CHUNKS[min(self._chunks, len(CHUNKS) - 1)]

    def _top_up(self) -> None:
        while self._pending and len(self._sent) < IN_FLIGHT:
            self._send()

    def _send(self) -> None:
        size = self._size()
        self._chunks += 1
        chunk, self._pending = self._pending[:size], self._pending[size:]
        if self._owner.failed:
            self._classify_here(chunk)
            return
        self._sent.append(chunk)
        try:
            self._owner._conn.send_bytes(orjson.dumps(chunk))
            self._owner.outstanding += 1
        except Exception as exc:
            self._recover(exc)

    def _classify_here(self, chunk: list[str]) -> None:
        self._ready += self._owner.local.classify_batch(chunk)
        self.local += len(chunk)

    def _steal(self) -> None:
        """Classify the last few texts not sent yet here, while the child works on the front."""
        cut = max(0, len(self._pending) - STEAL)
        chunk, self._pending = self._pending[cut:], self._pending[:cut]
        self._tail = self._owner.local.classify_batch(chunk) + self._tail
        self.local += len(chunk)

    def _recover(self, exc: BaseException) -> None:
        """The child is gone: what it had not answered is classified here."""
        self._owner._fail(exc)
        chunks, self._sent = self._sent, []
        for chunk in chunks:
            self._classify_here(chunk)

    def _receive(self) -> None:
        chunk = self._sent.pop(0)
        try:
            answer = self._owner._conn.recv_bytes()
            self._owner.outstanding -= 1
            rows, cols = struct.unpack_from("<ii", answer)
            if rows != len(chunk) or len(answer) != 8 + rows * cols * 8 + rows:
                raise RuntimeError(f"answer for {rows} texts to a chunk of {len(chunk)}")
            proba = np.frombuffer(answer, dtype=np.float64, count=rows * cols, offset=8).reshape(rows, cols)
            urgent = np.frombuffer(answer, dtype=np.bool_, count=rows, offset=8 + rows * cols * 8)
            self._ready += self._owner.local.classifications(proba, urgent)
        except Exception as exc:
            self._sent.insert(0, chunk)
            self._recover(exc)

    def __next__(self) -> Classification:
        if self._next >= len(self._ready):
            started = time.perf_counter()
            try:
                self._fill()
            finally:
                self.busy += time.perf_counter() - started
        out = self._ready[self._next]
        self._ready[self._next] = None  # type: ignore[call-overload]
        self._next += 1
        if self._next == self.count:
            self.finished = time.perf_counter()
        return out

    def _fill(self) -> None:
        while self._next >= len(self._ready):
            if self._sent:
                if self._closed and self._pending and not self._child_answered():
                    self._steal()
                    continue
                self._receive()
                self._top_up()
            elif self._pending:
                self._send()
            elif self._tail:
                self._ready += self._tail
                self._tail = []
            else:
                raise StopIteration

    def _child_answered(self) -> bool:
        try:
            return self._owner._conn.poll()
        except Exception:
            return True  # let _receive find out and recover


__all__ = ["ClassificationStream", "ClassifierProcess", "supports", "wanted"]
