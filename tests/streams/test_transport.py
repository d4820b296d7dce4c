"""The worker's Faust consumer takes its fetch wait from BINHYEN_FETCH_MAX_WAIT (Faust fixes 1.5 s)."""

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


@pytest.mark.asyncio
async def test_a_delivery_while_the_flow_runs_is_awaited_in_the_fetch_loops_own_task(tmp_path):
    import asyncio

    consumer = _app_consumer(tmp_path)
    caller = asyncio.current_task()
    seen = []

    async def deliver():
        seen.append(asyncio.current_task())
        return "delivered"

    result = await consumer.wait_first(deliver(), consumer.suspend_flow.wait())
    assert result.results == ["delivered"] and not result.stopped
    assert seen == [caller]  # no task of its own: the per-message tasks are what it saves


@pytest.mark.asyncio
async def test_a_suspended_flow_and_other_waits_take_modes_own_wait_first(tmp_path):
    import asyncio

    consumer = _app_consumer(tmp_path)
    caller = asyncio.current_task()
    seen = []

    async def deliver():
        seen.append(asyncio.current_task())
        await asyncio.sleep(10)

    consumer.suspend_flow.set()  # a rebalance: the delivery is given up, as Faust does
    result = await consumer.wait_first(deliver(), consumer.suspend_flow.wait())
    assert len(result.done) == 1 and result.results == [True]
    assert seen and seen[0] is not caller
    consumer.suspend_flow.clear()

    async def quick():
        return 1
    other = await consumer.wait_first(quick(), asyncio.Event().wait(), timeout=1.0)  # not the flow wait
    assert other.results == [1]


@pytest.mark.asyncio
async def test_a_failed_delivery_raises_in_the_fetch_loop(tmp_path):
    consumer = _app_consumer(tmp_path)

    async def deliver():
        raise ValueError("bad")

    with pytest.raises(ValueError):
        await consumer.wait_first(deliver(), consumer.suspend_flow.wait())
