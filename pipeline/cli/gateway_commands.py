"""``binhyen gateway`` (the HTTP ingress), ``binhyen zalo-sign`` (sign a webhook body for curl)
and ``binhyen gateway-bench`` (the loopback load benchmark)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import time
from pathlib import Path

from pipeline.settings import Settings
from pipeline.cli.common import load_settings


def register(sub: argparse._SubParsersAction) -> None:
    g = sub.add_parser("gateway", help="HTTP ingress: POST /zalo/webhook (signed Zalo OA events), POST /ingest "
                                       "(input records, bearer token), GET /healthz, GET /metrics")
    g.add_argument("--port", type=int, default=None, help="port (default BINHYEN_GATEWAY_PORT, 8080)")
    g.add_argument("--host", default="0.0.0.0", help="address to listen on (default 0.0.0.0)")
    g.set_defaults(func=run_gateway)

    s = sub.add_parser("zalo-sign", help="print the X-ZEvent-Signature header of a webhook body "
                                         "(BINHYEN_ZALO_APP_ID, BINHYEN_ZALO_OA_SECRET), for trying the gateway")
    s.add_argument("file", help="the JSON body, exactly as it will be sent (- for stdin)")
    s.add_argument("--fresh", metavar="OUT", default=None,
                   help="first set the body's timestamp to now and write that body to OUT (sign OUT's bytes)")
    s.add_argument("--value-only", action="store_true", help="print only the header value (mac=<hex>)")
    s.set_defaults(func=run_sign)

    b = sub.add_parser("gateway-bench", help="loopback load benchmark of the gateway (signed events/s, "
                                             "latency percentiles, loss check on chat.messages)")
    from pipeline.gateway.bench import add_arguments

    add_arguments(b)
    b.set_defaults(func=run_bench)


def run_gateway(args: argparse.Namespace) -> int:
    settings = load_settings("gateway")
    if settings is None:
        return 2
    from pipeline.domain.groups import ConfigError, load_groups

    try:
        groups = load_groups(settings.groups_file)
    except ConfigError as exc:
        print(f"binhyen gateway: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    port = settings.gateway_port if args.port is None else args.port
    try:
        asyncio.run(_serve(settings, groups, args.host, port))
    except OSError as exc:
        print(f"binhyen gateway: cannot listen on {args.host}:{port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0


async def _serve(settings: Settings, groups, host: str, port: int) -> None:
    from pipeline.gateway.service import GatewayServer

    server = await GatewayServer(settings, groups, host=host, port=port).start()
    logging.getLogger("binhyen.gateway").info(
        "gateway on http://%s:%d (POST /zalo/webhook, POST /ingest, GET /healthz, GET /metrics), broker %s",
        host, server.port, settings.kafka)
    print(f"binhyen gateway listening on {server.url}", file=sys.stderr, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await server.stop()


def run_sign(args: argparse.Namespace) -> int:
    settings = load_settings("zalo-sign")
    if settings is None:
        return 2
    import orjson

    from pipeline.gateway import signature

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"binhyen zalo-sign: {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        print(f"binhyen zalo-sign: {args.file} is not JSON: {exc}", file=sys.stderr)
        return 1
    if not isinstance(body, dict):
        print(f"binhyen zalo-sign: {args.file} is not a JSON object", file=sys.stderr)
        return 1
    if args.fresh:
        body["timestamp"] = str(int(time.time() * 1000))
        raw = orjson.dumps(body)
        Path(args.fresh).write_bytes(raw)
    secret = settings.zalo_oa_secret.get_secret_value()
    if not secret:
        print("binhyen zalo-sign: BINHYEN_ZALO_OA_SECRET is empty", file=sys.stderr)
        return 2
    stamp = signature.timestamp_text(body.get("timestamp")) or ""
    value = signature.header_value(settings.zalo_app_id, raw, stamp, secret, settings.zalo_signature_scheme)
    print(value if args.value_only else f"{signature.HEADER}: {value}")
    return 0


def run_bench(args: argparse.Namespace) -> int:
    from pipeline.gateway.bench import run

    return run(args)
