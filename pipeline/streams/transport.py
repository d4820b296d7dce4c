"""The worker's Faust consumer transport: Faust's aiokafka transport with a configurable fetch wait.

Faust's aiokafka driver builds its consumer with ``fetch_max_wait_ms=1500`` and no setting to change
it. A broker may hold an empty fetch for the whole wait (the embedded Tansu broker does), so a record
produced just after a fetch was parked waits up to 1.5 s before the worker sees it. Our worker wants
``BINHYEN_FETCH_MAX_WAIT`` (default 0.05 s) instead.

How it is hooked in, without touching Faust's globals: Faust picks the consumer transport from the
scheme of its ``broker_consumer`` URL, resolving a dotted scheme as a Python path (Faust's transport
registry is a ``mode`` ``FactoryMapping``). URL schemes are lower case, so this module exposes the
transport under the lower-case name ``binhyen``; the wait travels in the URL's query string::

    broker_consumer=["pipeline.streams.transport.binhyen://host:9092?fetch_max_wait_ms=100"]

The producer transport (``broker``) stays Faust's own ``kafka://``.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from typing import Any

import aiokafka
from faust.transport.drivers import aiokafka as faust_aiokafka
from mode.services import WaitResults

log = logging.getLogger(__name__)

SCHEME = f"{__name__}.binhyen"
DEFAULT_FETCH_MAX_WAIT_MS = 1500  # Faust's own value, when the URL names none
_EVENT_WAIT_CODE = asyncio.Event.wait.__code__  # Faust's suspend_flow is an asyncio.Event


def consumer_urls(servers: list[str], fetch_max_wait: float) -> list[str]:
    """``broker_consumer`` URLs selecting this transport with a fetch wait of ``fetch_max_wait`` s."""
    wait_ms = max(0, int(round(fetch_max_wait * 1000)))
    return [f"{SCHEME}://{server}?fetch_max_wait_ms={wait_ms}" for server in servers]


def fetch_max_wait_ms(transport: Any) -> int:
    for url in transport.url:
        value = url.query.get("fetch_max_wait_ms")
        if value is not None:
            return int(value)
    return DEFAULT_FETCH_MAX_WAIT_MS


class ConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    def _create_worker_consumer(self, transport: Any) -> aiokafka.AIOKafkaConsumer:
        consumer = super()._create_worker_consumer(transport)
        # The consumer is built, not started: its fetcher (created by start()) takes this value.
        # aiokafka keeps the constructor argument in this attribute; if a release renames it we
        # keep Faust's wait rather than fail.
        if hasattr(consumer, "_fetch_max_wait_ms"):
            consumer._fetch_max_wait_ms = fetch_max_wait_ms(transport)
        else:  # pragma: no cover - depends on the aiokafka release
            log.warning("fetch_max_wait_ms not applied: this aiokafka keeps it elsewhere")
        return consumer


class Consumer(faust_aiokafka.Consumer):
    def _new_consumer_thread(self) -> faust_aiokafka.AIOKafkaConsumerThread:
        return ConsumerThread(self, loop=self.loop, beacon=self.beacon)

    async def wait_first(self, *coros: Any, timeout: Any = None) -> WaitResults:
        """Faust's fetch loop hands every message to its streams with
        ``wait_first(deliver(message), suspend_flow.wait())``: the delivery, unless the flow is
        suspended first (a rebalance). ``mode``'s ``wait_first`` makes four tasks and an
        ``asyncio.wait`` for that, about 100 us of CPU a message here, the largest per-event cost
        of a busy worker (and of the Faust forward agent that ``binhyen bench`` compares with).

        While the flow runs and the consumer is neither stopping nor crashed, this awaits the
        delivery directly. The one difference: a delivery already waiting on a full stream buffer
        when a rebalance starts finishes (when the agent takes from the buffer) instead of being
        dropped; the agent already skips records of partitions it no longer owns
        (``PartitionState.owns``), and their offsets are not committed, so the new owner reads
        them. Any other call, or a suspended flow, goes to ``mode``'s own ``wait_first``."""
        if timeout is None and len(coros) == 2 and self._is_flow_wait(coros[1]) and not (
                self.suspend_flow.is_set() or self._stopped.is_set() or self._crashed.is_set()):
            delivery, suspended = coros
            suspended.close()  # never started: nothing to cancel
            return WaitResults([delivery], [await delivery], False)
        return await super().wait_first(*coros, timeout=timeout)

    def _is_flow_wait(self, coro: Any) -> bool:
        """``coro`` is ``self.suspend_flow.wait()``, not started yet."""
        return (inspect.iscoroutine(coro) and inspect.getcoroutinestate(coro) == inspect.CORO_CREATED
                and coro.cr_code is _EVENT_WAIT_CODE and coro.cr_frame.f_locals.get("self") is self.suspend_flow)


class Transport(faust_aiokafka.Transport):
    Consumer = Consumer


binhyen = Transport  # the name the URL scheme resolves to (schemes are lower case)
