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
