"""Running the inbox: database (migrated at startup), projector, action producer, web server."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

import orjson
from starlette.applications import Starlette

from pipeline.domain.groups import GroupsConfig, load_groups
from pipeline.inbox import metrics
from pipeline.inbox.accounts import load_accounts
from pipeline.inbox.db import database_url, make_engine, migrate, sessions
from pipeline.inbox.projector import Projector
from pipeline.inbox.reminders import ReminderSender, remind_once
from pipeline.inbox.security import LoginLimiter
from pipeline.inbox.web import InboxState, build_app, count_overdue
from pipeline.kafka import clients, topics
from pipeline.settings import Settings

log = logging.getLogger("binhyen.inbox")
SEND_TIMEOUT = 15.0  # seconds for one action to be acknowledged by the broker


class ActionSender:
    """Produces people's actions to moderation.actions (key = group_id), through the client factory."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.producer = None
        self._lock = asyncio.Lock()

    async def _ensure(self):
        async with self._lock:
            if self.producer is None:
                producer = clients.producer(self.settings)
                await asyncio.wait_for(producer.start(), SEND_TIMEOUT)
                self.producer = producer
            return self.producer

    async def __call__(self, record: dict) -> None:
        producer = await self._ensure()
        await asyncio.wait_for(producer.send_and_wait(topics.ACTIONS, orjson.dumps(record),
                                                      key=record["group_id"].encode()), SEND_TIMEOUT)

    async def stop(self) -> None:
        if self.producer is not None:
            with contextlib.suppress(Exception):
                await self.producer.stop()


def _groups(settings: Settings) -> GroupsConfig:
    try:
        return load_groups(settings.groups_file)
    except Exception as exc:  # noqa: BLE001 - run with defaults, say why
        log.warning("groups file not usable (%s); using built-in defaults", exc)
        return GroupsConfig.builtin()


def create_app(settings: Settings, *, project: bool = True) -> Starlette:
    """The whole inbox as an ASGI app: migrates the database now, runs the projector while served."""
    engine = make_engine(database_url(settings))
    migrate(engine)
    maker = sessions(engine)
    sender = ActionSender(settings)
    state = InboxState(
        maker=maker, accounts=load_accounts(settings.accounts_file), groups=_groups(settings), send_action=sender,
        ack_minutes=settings.inbox_ack_minutes,
        limiter=LoginLimiter(max_failures=settings.inbox_login_max_failures,
                             lock_seconds=settings.inbox_login_lock_minutes * 60,
                             window=settings.inbox_login_lock_minutes * 60))

    reminder_sender = ReminderSender(settings)

    async def watch_overdue() -> None:
        """Urgent tips not acknowledged in time: the gauge (alert on it), a log line (no content), and a
        re-notification round on moderation.reminders for ``binhyen deliver`` (``reminders``)."""
        last = -1
        while True:
            try:
                n = await asyncio.to_thread(count_overdue, maker, settings.inbox_ack_minutes)
                metrics.URGENT_UNACKNOWLEDGED.set(n)
                if n != last and n:
                    log.warning("%d urgent escalation(s) not acknowledged within %g minutes", n,
                                settings.inbox_ack_minutes)
                last = n
            except Exception as exc:  # noqa: BLE001
                log.warning("overdue check failed (%s)", type(exc).__name__)
            if project:
                try:
                    await remind_once(maker, settings, state.groups, reminder_sender)
                except Exception as exc:  # noqa: BLE001
                    log.warning("reminder check failed (%s)", type(exc).__name__)
            await asyncio.sleep(settings.inbox_overdue_check_seconds)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(watch_overdue(), name="inbox-overdue")]
        if project:
            projector = Projector(settings, maker)
            tasks.append(asyncio.create_task(_forever(projector), name="inbox-projector"))
        try:
            yield
        finally:
            for t in tasks:
                t.cancel()
            for t in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await t
            await sender.stop()
            await reminder_sender.stop()
            engine.dispose()

    return build_app(state, secret_key=settings.inbox_secret_key.get_secret_value(),
                     https_only=settings.inbox_https_only, lifespan=lifespan)


async def _forever(projector: Projector) -> None:
    """The projector, restarted after an error (the broker went away, the database hiccuped)."""
    while True:
        try:
            await projector.run()
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # noqa: BLE001
            log.warning("projector stopped (%s); restarting in 3 s", type(exc).__name__)
            await asyncio.sleep(3)


def serve(settings: Settings, port: int, host: str = "127.0.0.1") -> None:
    import uvicorn

    app = create_app(settings)
    uvicorn.run(app, host=host, port=port, log_level=settings.log_level, access_log=False,
                timeout_graceful_shutdown=5)
