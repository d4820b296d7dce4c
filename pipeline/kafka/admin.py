"""Creating the contract's topics up front (idempotently) through the Kafka admin API.

Tansu (the embedded broker) does not create topics on demand, and on a real
cluster auto-creation is usually off too, so both ``binhyen broker`` and
``binhyen worker`` call :func:`ensure_topics` before anything consumes.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Iterable, Mapping

from aiokafka.admin import NewTopic

from pipeline.kafka import clients, topics
from pipeline.settings import Settings

log = logging.getLogger(__name__)

TOPIC_EXISTS = 36  # Kafka error code TOPIC_ALREADY_EXISTS


class TopicSetupError(RuntimeError):
    pass


async def ensure_topics(
    settings: Settings,
    *,
    names: Iterable[str] = topics.ALL,
    partitions: int | None = None,
    configs: Mapping[str, Mapping[str, str]] | None = None,
    timeout: float = 30.0,
) -> list[str]:
    """Create any missing topic; return the names created. Existing topics are left alone.

    Partitions and replication come from the settings (``partitions`` overrides the first);
    ``configs`` gives topic-level settings by topic name (e.g. ``cleanup.policy=compact``)."""
    partitions = settings.partitions if partitions is None else partitions
    replication = settings.replication
    admin = clients.admin(settings, request_timeout_ms=int(timeout * 1000))
    await asyncio.wait_for(admin.start(), timeout)
    try:
        wanted = list(names)
        existing = set(await admin.list_topics())
        missing = [n for n in wanted if n not in existing]
        if not missing:
            return []
        response = await admin.create_topics(
            [NewTopic(n, num_partitions=partitions, replication_factor=replication,
                      topic_configs=dict((configs or {}).get(n, {}))) for n in missing])
        created = []
        for topic_error in response.topic_errors:
            name, code = topic_error[0], topic_error[1]
            if code == 0:
                created.append(name)
            elif code != TOPIC_EXISTS:
                raise TopicSetupError(f"cannot create topic {name}: error code {code} {topic_error[2] or ''}")
        if created:
            log.info("created topics %s with %d partitions", ", ".join(created), partitions)
        return created
    finally:
        await admin.close()
