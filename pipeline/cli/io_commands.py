"""``binhyen produce`` and ``binhyen tail``: getting records in and out by hand."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import IO, Iterator

import orjson

from pipeline.settings import Settings
from pipeline.streams import topics
from pipeline.kafka import clients
from pipeline.kafka.admin import ensure_topics



def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("produce", help="publish input messages (JSON lines) to chat.messages")
    p.add_argument("file", help="JSON lines file of chat.messages records, or - for standard input")
    p.add_argument("--rate", type=float, default=0.0, help="messages per second (default: as fast as possible)")
    p.add_argument("--topic", default=topics.INPUT, help=argparse.SUPPRESS)
    p.set_defaults(func=run_produce)

    t = sub.add_parser("tail", help="print an output topic as JSON lines")
    t.add_argument("topic", help=", ".join(topics.SHORT_NAMES) + " (or a full topic name)")
    t.add_argument("--group", default=None, help="consumer group (commits offsets; default: none)")
    t.add_argument("--from-beginning", action="store_true", help="start at the oldest record, not the newest")
    t.add_argument("--max", type=int, default=0, help="stop after this many records (default: run until Ctrl-C)")
    t.add_argument("--timeout", type=float, default=0.0, help="stop after this many idle seconds (default: never)")
    t.set_defaults(func=run_tail)


def read_lines(handle: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, line in enumerate(handle, start=1):
        line = line.rstrip(b"\r\n")
        if line.strip():
            yield number, line


def key_of(line: bytes) -> bytes | None:
    """The record key: the line's ``group_id`` when it has one (bad lines are still sent, unkeyed)."""
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    group = obj.get("group_id") if isinstance(obj, dict) else None
    return group.encode("utf-8") if isinstance(group, str) else None


async def produce(settings: Settings, handle: IO[bytes], *, topic: str, rate: float,
                  progress: IO[str] = sys.stderr) -> int:
    await ensure_topics(settings)
    producer = clients.producer(settings)
    await producer.start()
    sent = 0
    started = time.monotonic()
    try:
        pending = []
        for _, line in read_lines(handle):
            pending.append(await producer.send(topic, value=line, key=key_of(line)))
            sent += 1
            if rate > 0:
                delay = started + sent / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            if sent % 10_000 == 0:
                print(f"produced {sent} messages", file=progress, flush=True)
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    print(f"produced {sent} messages to {topic} in {time.monotonic() - started:.1f}s", file=progress, flush=True)
    return sent


def run_produce(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    if args.file == "-":
        handle: IO[bytes] = sys.stdin.buffer
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"binhyen produce: no such file: {path}", file=sys.stderr)
            return 2
        handle = path.open("rb")
    try:
        asyncio.run(produce(settings, handle, topic=args.topic, rate=args.rate))
    except (OSError, asyncio.TimeoutError) as exc:
        print(f"binhyen produce: cannot reach Kafka at {settings.kafka}: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # aiokafka connection errors
        print(f"binhyen produce: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


async def tail(settings: Settings, topic: str, *, group: str | None, from_beginning: bool,
               limit: int = 0, idle_timeout: float = 0.0, out: IO[str] = sys.stdout) -> int:
    consumer = clients.consumer(
        settings, topic, group_id=group, auto_offset_reset="earliest" if from_beginning else "latest",
        enable_auto_commit=group is not None)
    await consumer.start()
    seen = 0
    try:
        while not limit or seen < limit:
            batch = await consumer.getmany(timeout_ms=int(idle_timeout * 1000) if idle_timeout else 1000)
            if not batch and idle_timeout:
                break
            for records in batch.values():
                for record in records:
                    out.write(record.value.decode("utf-8", "replace") + "\n")
                    seen += 1
                    if limit and seen >= limit:
                        break
            out.flush()
    finally:
        await consumer.stop()
    return seen


def run_tail(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    try:
        topic = topics.resolve(args.topic)
    except ValueError as exc:
        print(f"binhyen tail: {exc}", file=sys.stderr)
        return 2
    try:
        asyncio.run(tail(settings, topic, group=args.group, from_beginning=args.from_beginning,
                         limit=args.max, idle_timeout=args.timeout))
    except KeyboardInterrupt:
        return 0
    except Exception as exc:
        print(f"binhyen tail: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0
