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

import logging
from typing import Any

import aiokafka
from faust.transport.drivers import aiokafka as faust_aiokafka

log = logging.getLogger(__name__)

SCHEME = f"{__name__}.binhyen"
DEFAULT_FETCH_MAX_WAIT_MS = 1500  # Faust's own value, when the URL names none


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


class Transport(faust_aiokafka.Transport):
    Consumer = Consumer


binhyen = Transport  # the name the URL scheme resolves to (schemes are lower case)
