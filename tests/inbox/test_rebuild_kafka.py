"""Rebuilding the inbox from the real embedded broker's topics, on SQLite and on PostgreSQL:
twice gives the same rows; the live projector commits its offsets after the database."""

from __future__ import annotations

import asyncio

import orjson
import pytest
from aiokafka import TopicPartition

from pipeline.cli.embedded_broker import EmbeddedBroker
from pipeline.inbox.db import drop_all, migrate
from pipeline.inbox.projector import TOPICS, Projector, rebuild
from pipeline.kafka import clients
from pipeline.settings import Settings
from tests.inbox import records
from tests.inbox.dbdump import dump
from tests.integration.harness import FAST_GROUP_ENV

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def broker(tmp_path_factory):
    with EmbeddedBroker(partitions=4, log_path=tmp_path_factory.mktemp("broker") / "broker.log") as b:
        settings = Settings.from_env({"BINHYEN_KAFKA": b.bootstrap, "BINHYEN_APP_ID": "inbox-rebuild-test",
                                      **FAST_GROUP_ENV})
        asyncio.run(_produce(settings, records.sample_stream()))
        yield settings


async def _produce(settings: Settings, stream) -> None:
    producer = clients.producer(settings)
    await producer.start()
    try:
        for topic, rec in stream:
            await producer.send_and_wait(topic, orjson.dumps(rec), key=(rec.get("group_id") or "-").encode())
    finally:
        await producer.stop()


def test_rebuilding_twice_gives_the_same_rows(broker, new_db):
    maker = new_db()
    n = asyncio.run(rebuild(broker, maker))
    assert n == len(records.sample_stream())
    first = dump(maker)
    assert len(first["escalations"]) == 3 and len(first["audit_log"]) == 1
    asyncio.run(rebuild(broker, maker))  # the same records again: nothing changes
    assert dump(maker) == first
    engine = maker.kw["bind"]
    drop_all(engine)
    migrate(engine)
    asyncio.run(rebuild(broker, maker))  # dropped and rebuilt
    assert dump(maker) == first
    other = new_db()
    asyncio.run(rebuild(broker, other))  # another database
    assert dump(other) == first


def test_the_projector_commits_offsets_after_the_database(broker, maker):
    projector = Projector(broker, maker, group_id="inbox-projector-test")

    async def run() -> dict:
        task = asyncio.create_task(projector.run())
        try:
            for _ in range(600):
                await asyncio.sleep(0.1)
                if len(dump(maker)["escalations"]) == 3 and len(dump(maker)["audit_log"]) == 1:
                    break
            await asyncio.sleep(1.5)  # let the commit after the last batch happen
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        reader = clients.consumer(broker, group_id="inbox-projector-test")
        await reader.start()
        try:
            parts = [TopicPartition(t, p) for t in TOPICS for p in range(4)]
            committed = {tp: await reader.committed(tp) for tp in parts}
        finally:
            await reader.stop()
        return committed
    committed = asyncio.run(run())
    rows = dump(maker)
    assert len(rows["escalations"]) == 3 and len(rows["warnings"]) == 2
    assert sum(v or 0 for v in committed.values()) == len(records.sample_stream())


def test_rebuild_command(broker, tmp_path):
    import os
    import subprocess
    import sys

    from pipeline.inbox.db import make_engine, sessions
    from pipeline.settings import REPO_ROOT

    env = {**os.environ, "BINHYEN_KAFKA": broker.kafka, "BINHYEN_DATA_DIR": str(tmp_path)}
    for _ in range(2):
        out = subprocess.run([sys.executable, "-m", "pipeline", "inbox", "rebuild"], env=env, cwd=REPO_ROOT,
                             capture_output=True, text=True, timeout=120, check=True).stdout
        assert f"{len(records.sample_stream())} records projected" in out
    engine = make_engine(f"sqlite:///{tmp_path / 'inbox.sqlite3'}")
    rows = dump(sessions(engine))
    engine.dispose()
    assert len(rows["escalations"]) == 3 and len(rows["audit_log"]) == 1
