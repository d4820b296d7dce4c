"""Helpers of the gateway integration tests: signed Zalo events, an in-process gateway, a cuttable TCP proxy."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

import orjson

from pipeline.domain.groups import load_groups
from pipeline.gateway import signature
from pipeline.gateway.service import GatewayServer
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[2]
APP_ID, SECRET = "it-app", "it-oa-secret"


def gateway_settings(bootstrap: str, **extra: str) -> Settings:
    return Settings.from_env({"BINHYEN_KAFKA": bootstrap, "BINHYEN_ZALO_APP_ID": APP_ID,
                              "BINHYEN_ZALO_OA_SECRET": SECRET, "BINHYEN_INGEST_TOKEN": "it-token", **extra})


def gateway_server(bootstrap: str, **extra: str) -> GatewayServer:
    settings = gateway_settings(bootstrap, **extra)
    return GatewayServer(settings, load_groups(REPO / "configs" / "groups.toml"), host="127.0.0.1", port=0)


def zalo_event(name: str, msg_id: str, *, sender: str = "zu-777", recipient: str = "zg-ben-nghe-0001",
               text: str = "", attachments: list | None = None, ts_ms: int | None = None) -> dict:
    message: dict = {"msg_id": msg_id, "text": text}
    if attachments is not None:
        message["attachments"] = attachments
    return {"app_id": APP_ID, "oa_id": "oa-it", "user_id_by_app": "x", "event_name": name,
            "sender": {"id": sender}, "recipient": {"id": recipient}, "message": message,
            "timestamp": str(ts_ms if ts_ms is not None else int(time.time() * 1000))}


def sign(body: dict | bytes, secret: str = SECRET) -> tuple[bytes, dict[str, str]]:
    raw = body if isinstance(body, bytes) else orjson.dumps(body)
    stamp = str(orjson.loads(raw).get("timestamp", ""))
    return raw, {signature.HEADER: signature.header_value(APP_ID, raw, stamp, secret),
                 "Content-Type": "application/json"}


class CuttableProxy:
    """A TCP proxy 127.0.0.1:port -> 127.0.0.1:target on its own thread and event loop.

    ``cut()`` stops listening and aborts every open connection (as a dropped network path
    would); ``restore()`` listens again on the same port."""

    def __init__(self, port: int, target: int) -> None:
        self.port, self.target = port, target
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="proxy", daemon=True)
        self.server: asyncio.base_events.Server | None = None
        self.transports: set[asyncio.BaseTransport] = set()
        self.connections = 0

    def _call(self, coro, timeout: float = 10.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def start(self) -> "CuttableProxy":
        self.thread.start()
        self._call(self._listen())
        return self

    async def _listen(self) -> None:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", self.port, reuse_address=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            writer.transport.abort()
            return
        self.connections += 1
        pair = {writer.transport, up_writer.transport}
        self.transports |= pair

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while chunk := await src.read(65536):
                    dst.write(chunk)
                    await dst.drain()
            except (OSError, asyncio.IncompleteReadError, ConnectionError):
                pass
            finally:
                dst.transport.abort()

        try:
            await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        finally:
            self.transports -= pair

    def cut(self) -> None:
        async def _cut() -> None:
            if self.server is not None:
                self.server.close()
                self.server = None
            for transport in list(self.transports):
                transport.abort()
        self._call(_cut())

    def restore(self) -> None:
        self._call(self._listen())

    def stop(self) -> None:
        try:
            self.cut()
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
