"""Loopback load benchmark of the gateway (``binhyen gateway-bench`` or ``python -m pipeline.gateway.bench``).

Default run: an embedded broker (or ``--bootstrap``), ``binhyen gateway`` as its own process, and
this process sending pre-signed Zalo webhook events at ``--rate`` per second for ``--duration``
seconds (open loop: request *i* is due at ``i / rate``; at most ``--concurrency`` in flight). It
prints the achieved rate, the response-time percentiles and the status codes, then reads
``chat.messages`` to its real end and checks that every event answered 200 is there (lost = 0).

``--compare-frameworks`` instead measures the two candidate HTTP stacks (aiohttp.web and
Starlette on uvicorn) with the same minimal handler (read the body, check its signature, parse
it, answer JSON), each in its own process, to back the choice of framework with a figure.

Figures are printed, never asserted: a shared machine varies by tens of percent.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import orjson

from pipeline.gateway import signature

APP_ID = "bench-app"
SECRET = "bench-oa-secret"
REPO = Path(__file__).resolve().parents[2]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rate", type=float, default=1000.0, help="events per second (default 1000)")
    p.add_argument("--duration", type=float, default=30.0, help="seconds of load (default 30)")
    p.add_argument("--concurrency", type=int, default=200, help="keep-alive connections, the most requests in flight (default 200)")
    p.add_argument("--bootstrap", default=None, help="use this broker instead of starting an embedded one")
    p.add_argument("--gateway-url", default=None, help="load a running gateway instead of starting one "
                                                       "(it must use app id/secret bench-app/bench-oa-secret)")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--compare-frameworks", action="store_true",
                   help="measure aiohttp.web against Starlette+uvicorn with a minimal handler instead")


# ----------------------------------------------------------------------------- events


def make_events(count: int, *, seed: int = 7, run: str = "") -> list[tuple[str, bytes, str]]:
    """(msg_id, body, signature header) for ``count`` events: group texts, images and private tips."""
    rng = random.Random(seed)
    run = run or f"{int(time.time())}"
    now_ms = int(time.time() * 1000)
    out = []
    for i in range(count):
        msg_id = f"bench-{run}-{i}"
        roll = rng.random()
        if roll < 0.1:
            event = {"event_name": "user_send_text", "sender": {"id": f"zu-{rng.randrange(5000)}"},
                     "recipient": {"id": "oa-bench"}, "message": {"msg_id": msg_id, "text": "Có người lạ đi xe "
                                                                  "máy không biển số lảng vảng đầu hẻm"}}
        elif roll < 0.3:
            event = {"event_name": "user_send_group_image", "sender": {"id": f"zu-{rng.randrange(5000)}"},
                     "recipient": {"id": f"zg-{rng.randrange(50)}"},
                     "message": {"msg_id": msg_id, "text": "Ảnh chụp lúc 9h",
                                 "attachments": [{"type": "image",
                                                  "payload": {"url": f"https://example.invalid/{i}.jpg"}}]}}
        else:
            event = {"event_name": "user_send_group_text", "sender": {"id": f"zu-{rng.randrange(5000)}"},
                     "recipient": {"id": f"zg-{rng.randrange(50)}"},
                     "message": {"msg_id": msg_id, "text": "Chúc cả nhà buổi sáng bình yên"}}
        event.update({"app_id": APP_ID, "oa_id": "oa-bench", "timestamp": str(now_ms + i)})
        body = orjson.dumps(event)
        out.append((msg_id, body, signature.header_value(APP_ID, body, event["timestamp"], SECRET)))
    return out


# ----------------------------------------------------------------------------- load


async def load(url: str, requests: list[tuple[str, bytes, str]], *, rate: float, concurrency: int,
               path: str = "/zalo/webhook") -> dict[str, Any]:
    """Send the requests open-loop at ``rate`` over ``concurrency`` keep-alive connections.

    A deliberately lean HTTP/1.1 client (pre-built request bytes over asyncio streams) so that the
    load generator takes as little of the shared CPU as it can. Request *i* is due at ``i / rate``;
    when every connection is busy it waits (counted in ``late``). Latency = send to full response."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    codes: Counter[str] = Counter()
    late = 0
    next_index = 0
    start = time.perf_counter()

    def build(body: bytes, header: str) -> bytes:
        head = (f"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                f"{signature.HEADER}: {header}\r\nContent-Length: {len(body)}\r\n\r\n")
        return head.encode("ascii") + body

    async def worker() -> None:
        nonlocal next_index, late
        reader = writer = None
        while next_index < len(requests):
            i = next_index
            next_index += 1
            msg_id, body, header = requests[i]
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -0.05:
                late += 1
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                t0 = time.perf_counter()
                writer.write(build(body, header))
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
                lines = head.split(b"\r\n")
                status = int(lines[0].split()[1])
                length = 0
                close = False
                for line in lines[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                    elif name.strip().lower() == b"connection" and value.strip().lower() == b"close":
                        close = True
                if length:
                    await reader.readexactly(length)
                latencies.append(time.perf_counter() - t0)
                statuses[msg_id] = status
                codes[str(status)] += 1
                if close:
                    writer.close()
                    writer = None
            except Exception as exc:
                codes[type(exc).__name__] += 1
                if writer is not None:
                    writer.close()
                writer = None
        if writer is not None:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - start
    return {"latencies": latencies, "statuses": statuses, "codes": dict(codes), "elapsed": elapsed,
            "late": late}


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {"p50_ms": round(at(0.50), 1), "p90_ms": round(at(0.90), 1), "p99_ms": round(at(0.99), 1),
            "max_ms": round(ordered[-1] * 1000, 1)}


async def count_on_topic(bootstrap: str, wanted: set[str], *, idle: float = 5.0, timeout: float = 120.0
                         ) -> Counter[str]:
    """How often each wanted message_id is on chat.messages (read until nothing more comes)."""
    from pipeline.kafka import clients, topics
    from pipeline.settings import Settings

    settings = Settings.from_env().model_copy(update={"kafka": bootstrap})
    consumer = clients.consumer(settings, topics.INPUT, group_id=None)
    await consumer.start()
    seen: Counter[str] = Counter()
    try:
        deadline = time.monotonic() + timeout
        last = time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - last < idle:
            batch = await consumer.getmany(timeout_ms=500, max_records=5000)
            for records in batch.values():
                for r in records:
                    last = time.monotonic()
                    try:
                        mid = orjson.loads(r.value).get("message_id")
                    except Exception:
                        continue
                    if mid in wanted:
                        seen[mid] += 1
    finally:
        await consumer.stop()
    return seen


def _free_port() -> int:
    from pipeline.cli.embedded_broker import free_port

    return free_port()


def _wait_http(url: str, timeout: float, path: str = "/healthz") -> bool:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + path, timeout=2) as resp:  # noqa: S310 - loopback only
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def run(args: argparse.Namespace) -> int:
    if args.compare_frameworks:
        return compare_frameworks(args)
    from pipeline.cli.embedded_broker import EmbeddedBroker
    from pipeline.cli.processes import terminate

    broker = None
    gateway_proc = None
    bootstrap = args.bootstrap
    try:
        if bootstrap is None and args.gateway_url is None:
            broker = EmbeddedBroker(partitions=4).start()
            bootstrap = broker.bootstrap
        url = args.gateway_url
        if url is None:
            port = _free_port()
            env = {**os.environ, "BINHYEN_KAFKA": bootstrap, "BINHYEN_ZALO_APP_ID": APP_ID,
                   "BINHYEN_ZALO_OA_SECRET": SECRET, "BINHYEN_LOG_LEVEL": "warning",
                   "BINHYEN_WEBHOOK_MAX_AGE": str(max(300.0, args.duration * 4))}
            gateway_proc = subprocess.Popen([sys.executable, "-m", "pipeline", "gateway", "--port", str(port),
                                             "--host", "127.0.0.1"], env=env, cwd=REPO, start_new_session=True)
            url = f"http://127.0.0.1:{port}"
            if not _wait_http(url, 60):
                print("gateway-bench: the gateway did not become healthy", file=sys.stderr)
                return 1
        count = int(args.rate * args.duration)
        events = make_events(count)
        result = asyncio.run(load(url, events, rate=args.rate, concurrency=args.concurrency))
        ok_ids = {mid for mid, status in result["statuses"].items() if status == 200}
        figures: dict[str, Any] = {
            "events": count, "answered_200": len(ok_ids), "codes": result["codes"],
            "seconds": round(result["elapsed"], 2),
            "events_per_s": round(len(result["latencies"]) / result["elapsed"], 1) if result["elapsed"] else 0,
            "behind_schedule": result["late"], **percentiles(result["latencies"]),
        }
        if bootstrap is not None:
            seen = asyncio.run(count_on_topic(bootstrap, {m for m, _, _ in events}))
            figures["on_topic"] = len(seen)
            figures["lost"] = len(ok_ids - set(seen))
            figures["duplicated_on_topic"] = sum(1 for c in seen.values() if c > 1)
        if args.json:
            print(json.dumps(figures))
        else:
            print(f"gateway-bench: {count} signed events at {args.rate:.0f}/s for {args.duration:.0f} s "
                  f"(concurrency {args.concurrency})")
            for key, value in figures.items():
                print(f"  {key:20} {value}")
        return 0
    finally:
        terminate(gateway_proc, 10)
        if broker is not None:
            broker.stop()


# ----------------------------------------------------------------------------- framework comparison


def _aiohttp_app() -> Any:
    from aiohttp import web

    async def handle(request: web.Request) -> web.Response:
        raw = await request.read()
        body = orjson.loads(raw)
        ok = signature.check(request.headers.get(signature.HEADER), app_id=APP_ID, body=raw,
                             timestamp=body.get("timestamp", ""), secret=SECRET) is None
        return web.Response(body=orjson.dumps({"ok": ok}), content_type="application/json")

    app = web.Application()
    app.router.add_post("/zalo/webhook", handle)
    app.router.add_get("/healthz", lambda r: web.Response(text="ok"))
    return app


def _starlette_app() -> Any:
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    async def handle(request: Any) -> Response:
        raw = await request.body()
        body = orjson.loads(raw)
        ok = signature.check(request.headers.get(signature.HEADER), app_id=APP_ID, body=raw,
                             timestamp=body.get("timestamp", ""), secret=SECRET) is None
        return Response(orjson.dumps({"ok": ok}), media_type="application/json")

    async def health(request: Any) -> PlainTextResponse:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route("/zalo/webhook", handle, methods=["POST"]), Route("/healthz", health)])


def serve_framework(name: str, port: int) -> None:
    if name == "aiohttp":
        from aiohttp import web

        web.run_app(_aiohttp_app(), host="127.0.0.1", port=port, access_log=None, print=None)
    else:
        import uvicorn

        uvicorn.run(_starlette_app(), host="127.0.0.1", port=port, log_level="warning", access_log=False)


def compare_frameworks(args: argparse.Namespace) -> int:
    from pipeline.cli.processes import terminate

    duration = min(args.duration, 10.0)
    out = {}
    for name in ("aiohttp", "starlette-uvicorn"):
        port = _free_port()
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.gateway.bench", "--serve-framework", name,
                                 "--port", str(port)], cwd=REPO, start_new_session=True)
        try:
            url = f"http://127.0.0.1:{port}"
            if not _wait_http(url, 30):
                print(f"gateway-bench: {name} did not start", file=sys.stderr)
                return 1
            # saturation: as fast as 64 connections go; then paced at --rate for the tail latency
            sat = asyncio.run(load(url, make_events(int(4000 * duration / 5)), rate=1e9, concurrency=64))
            paced = asyncio.run(load(url, make_events(int(args.rate * duration)), rate=args.rate,
                                     concurrency=args.concurrency))
            out[name] = {"max_requests_per_s": round(len(sat["latencies"]) / sat["elapsed"], 0),
                         f"at_{args.rate:.0f}_per_s": percentiles(paced["latencies"]),
                         "errors": {k: v for k, v in {**sat["codes"], **paced["codes"]}.items() if k != "200"}}
        finally:
            terminate(proc, 5)
    if args.json:
        print(json.dumps(out))
    else:
        for name, figures in out.items():
            print(f"{name:18} {figures}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.gateway.bench", description=__doc__.splitlines()[0])
    add_arguments(parser)
    parser.add_argument("--serve-framework", choices=["aiohttp", "starlette-uvicorn"], help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_framework:
        serve_framework(args.serve_framework, args.port)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
