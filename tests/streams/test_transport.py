"""The worker's Faust consumer takes its fetch wait from BINHYEN_FETCH_MAX_WAIT (Faust fixes 1.5 s)
and delivers each message without a task of its own while the flow runs."""

import asyncio

import faust
import pytest

from pipeline.settings import Settings
from pipeline.streams import transport
from pipeline.streams.app import faust_settings


def _consumer_of(settings):
    app = faust.App(settings.app_id, **faust_settings(settings))
    assert isinstance(app.transport, transport.Transport)
    thread = app.consumer._new_consumer_thread()
    return thread._create_worker_consumer(app.transport)  # built, not started: no broker needed


@pytest.mark.asyncio
async def test_worker_consumer_uses_the_configured_fetch_wait(tmp_path):
    settings = Settings(kafka="127.0.0.1:1,127.0.0.2:2", app_id="t-fetch", data_dir=str(tmp_path),
                        fetch_max_wait=0.2)
    client = _consumer_of(settings)
    assert client._fetch_max_wait_ms == 200
    assert client._client._bootstrap_servers == ["127.0.0.1:1", "127.0.0.2:2"]


@pytest.mark.asyncio
async def test_default_fetch_wait_is_fifty_milliseconds(tmp_path):
    assert Settings().fetch_max_wait == 0.05
    assert _consumer_of(Settings(kafka="127.0.0.1:1", data_dir=str(tmp_path)))._fetch_max_wait_ms == 50


def test_producer_transport_stays_fausts_own(tmp_path):
    app = faust.App("t-prod", **faust_settings(Settings(kafka="127.0.0.1:1", data_dir=str(tmp_path))))
    assert type(app.producer_transport) is not transport.Transport


def _app_consumer(tmp_path):
    app = faust.App("t-drain", **faust_settings(Settings(kafka="127.0.0.1:1", data_dir=str(tmp_path))))
    return app.consumer


def _delivery(seen, result="delivered", hang=False):
    """A delivery coroutine that records the task it runs in."""
    async def deliver():
        seen.append(asyncio.current_task())
        if hang:
            await asyncio.sleep(10)
        return result
    return deliver()


@pytest.mark.asyncio
async def test_a_delivery_while_the_flow_runs_is_awaited_in_the_fetch_loops_own_task(tmp_path):
    consumer = _app_consumer(tmp_path)
    seen = []
    result = await consumer.wait_first(_delivery(seen), consumer.suspend_flow.wait())
    assert result.results == ["delivered"] and not result.stopped
    assert seen == [asyncio.current_task()]  # no task of its own: the per-message tasks are what it saves


@pytest.mark.asyncio
async def test_a_suspended_flow_and_other_waits_take_modes_own_wait_first(tmp_path):
    consumer = _app_consumer(tmp_path)
    seen = []
    consumer.suspend_flow.set()  # a rebalance: the delivery is given up, as Faust does
    result = await consumer.wait_first(_delivery(seen, hang=True), consumer.suspend_flow.wait())
    assert len(result.done) == 1 and result.results == [True]
    assert seen and seen[0] is not asyncio.current_task()
    consumer.suspend_flow.clear()
    other = await consumer.wait_first(_delivery([], result=1), asyncio.Event().wait(), timeout=1.0)
    assert other.results == [1]  # not the flow's wait: mode's path, the delivery still wins


@pytest.mark.asyncio
async def test_a_failed_delivery_raises_in_the_fetch_loop(tmp_path):
    consumer = _app_consumer(tmp_path)

    async def deliver():
        raise ValueError("bad")

    with pytest.raises(ValueError):
        await consumer.wait_first(deliver(), consumer.suspend_flow.wait())
