"""The fake Zalo: the shapes of ``../shared/zalo-oa.md``, configurable faults, and a record.

Endpoints (one server plays both ``BINHYEN_ZALO_API_BASE`` and ``BINHYEN_ZALO_OAUTH_BASE``):

- ``POST /v4/oa/access_token`` (form ``grant_type=refresh_token&refresh_token=…&app_id=…``,
  header ``secret_key``): a new access token and a new refresh token; the old refresh
  token is spent (using it again is refused, as Zalo does).
- ``POST /v3.0/oa/message/cs``, ``POST /v3.0/oa/group/message``,
  ``POST /v3.0/oa/group/removemembers``, ``GET /v3.0/oa/group/listmember``: header
  ``access_token``; errors come back inside HTTP 200 (``{"error": -216, ...}``).
- ``GET /_received``: what it accepted (``messages``), and counters; ``POST /_faults``
  changes the faults (JSON, the fields of :class:`Faults`); ``POST /_reset`` forgets.

Faults: ``delay`` (seconds before every API answer), ``fail_5xx`` (the next N API calls
answer 503), ``expire_every`` (every N-th API call finds its access token expired:
``-216``, and the token is revoked), ``errors`` (the next calls answer these codes inside
HTTP 200, one each), ``user_errors`` (a recipient that always gets a code, e.g. ``-213``
"user has not followed the OA"), ``token_ttl`` (seconds an access token lives).
"""

from __future__ import annotations

import asyncio
import itertools
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from aiohttp import web

API_PATHS = ("/v3.0/oa/message/cs", "/v3.0/oa/group/message", "/v3.0/oa/group/removemembers")
ERROR_TEXT = {-216: "Access token is invalid", -213: "User has not followed the OA",
              -224: "The OA's package does not include this feature", -32: "Exceeded the rate limit",
              -201: "Parameters are invalid", -14014: "Invalid refresh token"}


@dataclass
class Faults:
    delay: float = 0.0
    fail_5xx: int = 0
    expire_every: int = 0
    errors: list[int] = field(default_factory=list)
    user_errors: dict[str, int] = field(default_factory=dict)
    token_ttl: float = 90000.0

    def update(self, changes: dict[str, Any]) -> None:
        names = {f.name for f in fields(self)}
        for key, value in changes.items():
            if key not in names:
                raise ValueError(f"unknown fault {key!r} (one of {sorted(names)})")
            setattr(self, key, value)


class FakeZalo:
    def __init__(self, *, app_id: str = "fake-app", app_secret: str = "fake-secret",
                 refresh_token: str = "fake-refresh-0", faults: Faults | None = None) -> None:
        self.app_id = app_id
        self.app_secret = app_secret
        self.faults = faults or Faults()
        self.refresh_tokens = {refresh_token}
        self.spent_refresh_tokens: set[str] = set()
        self.access_tokens: dict[str, float] = {}
        self.messages: list[dict[str, Any]] = []
        self.members: dict[str, set[str]] = {}
        self.calls = 0
        self.refreshes = 0
        self.refused_refreshes = 0
        self.answers: dict[str, int] = {}
        self._seq = itertools.count(1)

    # ------------------------------------------------------------------ app

    def app(self) -> web.Application:
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_post("/v4/oa/access_token", self.access_token)
        for path in API_PATHS:
            app.router.add_post(path, self.api)
        app.router.add_get("/v3.0/oa/group/listmember", self.api)
        app.router.add_get("/_received", self.received)
        app.router.add_post("/_faults", self.set_faults)
        app.router.add_post("/_reset", self.reset)
        app.router.add_get("/healthz", lambda r: web.json_response({"ok": True}))
        return app

    def snapshot(self) -> dict[str, Any]:
        return {"messages": list(self.messages), "calls": self.calls, "refreshes": self.refreshes,
                "refused_refreshes": self.refused_refreshes, "answers": dict(self.answers),
                "faults": asdict(self.faults)}

    async def received(self, request: web.Request) -> web.Response:
        return web.json_response(self.snapshot())

    async def set_faults(self, request: web.Request) -> web.Response:
        try:
            self.faults.update(await request.json())
        except (ValueError, TypeError) as exc:
            return web.json_response({"error": str(exc)}, status=400)
        return web.json_response(asdict(self.faults))

    async def reset(self, request: web.Request) -> web.Response:
        self.messages.clear()
        self.calls = 0
        self.answers.clear()
        return web.json_response({"ok": True})

    # ------------------------------------------------------------------ OAuth

    async def access_token(self, request: web.Request) -> web.Response:
        form = await request.post()
        if request.headers.get("secret_key") != self.app_secret or form.get("app_id") != self.app_id:
            self.refused_refreshes += 1
            return web.json_response({"error": -14002, "error_name": "Invalid app id or secret key"})
        token = str(form.get("refresh_token", ""))
        if form.get("grant_type") != "refresh_token" or token not in self.refresh_tokens:
            self.refused_refreshes += 1
            reason = "Refresh token was already used" if token in self.spent_refresh_tokens else "Invalid refresh token"
            return web.json_response({"error": -14014, "error_name": reason})
        self.refresh_tokens.discard(token)
        self.spent_refresh_tokens.add(token)
        new_refresh = f"rt-{secrets.token_hex(8)}"
        access = f"at-{secrets.token_hex(8)}"
        self.refresh_tokens.add(new_refresh)
        self.access_tokens[access] = time.time() + self.faults.token_ttl
        self.refreshes += 1
        return web.json_response({"access_token": access, "refresh_token": new_refresh,
                                  "expires_in": str(int(self.faults.token_ttl))})

    # ------------------------------------------------------------------ API

    def _answer(self, outcome: str, body: dict[str, Any], status: int = 200) -> web.Response:
        self.answers[outcome] = self.answers.get(outcome, 0) + 1
        return web.json_response(body, status=status)

    def _error(self, code: int) -> web.Response:
        return self._answer(str(code), {"error": code, "message": ERROR_TEXT.get(code, "error")})

    async def api(self, request: web.Request) -> web.Response:
        self.calls += 1
        faults = self.faults
        if faults.delay:
            await asyncio.sleep(faults.delay)
        if faults.fail_5xx > 0:
            faults.fail_5xx -= 1
            return self._answer("503", {"message": "service unavailable"}, status=503)
        token = request.headers.get("access_token", "")
        expires = self.access_tokens.get(token)
        if expires is None or expires < time.time():
            return self._error(-216)
        if faults.expire_every and self.calls % faults.expire_every == 0:
            self.access_tokens.pop(token, None)
            return self._error(-216)
        if faults.errors:
            return self._error(int(faults.errors.pop(0)))
        if request.method == "GET":
            group = request.query.get("group_id", "")
            members = sorted(self.members.get(group, ()))
            offset, count = int(request.query.get("offset", 0)), int(request.query.get("count", 50))
            page = [{"user_id": m, "display_name": m} for m in members[offset:offset + count]]
            return self._answer("0", {"error": 0, "message": "Success",
                                      "data": {"total": len(members), "members": page}})
        try:
            body = await request.json()
        except ValueError:
            return self._error(-201)
        if not isinstance(body, dict):
            return self._error(-201)
        path = request.path
        entry: dict[str, Any] = {"seq": next(self._seq), "path": path, "at": time.time()}
        if path == "/v3.0/oa/group/removemembers":
            group, users = body.get("group_id"), body.get("member_user_ids")
            if not isinstance(group, str) or not isinstance(users, list):
                return self._error(-201)
            entry.update(kind="remove", group_id=group, member_user_ids=users)
            self.members.setdefault(group, set()).difference_update(users)
        else:
            recipient = body.get("recipient") or {}
            text = (body.get("message") or {}).get("text")
            if not isinstance(text, str) or not text:
                return self._error(-201)
            if path.endswith("/cs"):
                user = recipient.get("user_id")
                if not isinstance(user, str):
                    return self._error(-201)
                if user in faults.user_errors:
                    return self._error(int(faults.user_errors[user]))
                entry.update(kind="cs", user_id=user, text=text)
            else:
                group = recipient.get("group_id")
                if not isinstance(group, str):
                    return self._error(-201)
                entry.update(kind="group", group_id=group, text=text)
        self.messages.append(entry)
        return self._answer("0", {"error": 0, "message": "Success",
                                  "data": {"message_id": f"fz-{entry['seq']}"}})


async def start(fake: FakeZalo, host: str = "127.0.0.1", port: int = 0) -> tuple[web.AppRunner, int]:
    """Serve ``fake`` on the running loop; (runner, the port it listens on)."""
    runner = web.AppRunner(fake.app(), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # noqa: SLF001
    return runner, bound


class FakeZaloThread:
    """The fake on its own event loop in a daemon thread (tests, the bench, the demo)."""

    def __init__(self, fake: FakeZalo | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.fake = fake or FakeZalo()
        self.host = host
        self.port = port
        self.loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fake-zalo", daemon=True)
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)

        async def setup() -> None:
            self._runner, self.port = await start(self.fake, self.host, self.port)

        self.loop.run_until_complete(setup())
        self._ready.set()
        self.loop.run_forever()

    def start(self) -> "FakeZaloThread":
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake Zalo did not start")
        return self

    def call(self, fn, *args):
        """Run ``fn(*args)`` on the fake's loop (its state is not thread-safe) and return the result."""
        async def run():
            return fn(*args)
        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(10)

    def snapshot(self) -> dict[str, Any]:
        return self.call(self.fake.snapshot)

    def set_faults(self, **changes: Any) -> None:
        self.call(self.fake.faults.update, changes)

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(10)

    def __enter__(self) -> "FakeZaloThread":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
