"""``binhyen deliver-bench``: urgent escalation latency from input message to officer delivery.

Starts its own embedded broker, the fake Zalo (answering every call after
``--delay-ms``), a ``binhyen worker`` and a ``binhyen deliver`` process, warms them
up, then produces generated chat messages (``bench_data``: tips, some urgent,
off-topic, spam, lost items over 20 groups) at ``--rate`` messages/s for
``--seconds``. For every urgent escalation the fake received (1:1 to the group's
officer), latency = the fake's receive time − the time the bench produced the input
message. Prints p50/p95/p99/max; figures, not assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from pipeline.cli.bench_data import generate
from pipeline.cli.embedded_broker import EmbeddedBroker, free_port
from pipeline.cli.processes import terminate
from pipeline.fakezalo.server import FakeZalo, FakeZaloThread, Faults
from pipeline.kafka import clients, topics
from pipeline.settings import Settings

GROUPS = 20
WARMUP = 20


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(q * (len(ordered) - 1)))))]


def groups_toml(group_ids: list[str]) -> str:
    lines = ["holidays_files = []", "[defaults]"]
    users = []
    for g, gid in enumerate(group_ids):
        lines += [f'[groups."{gid}"]', f'leaders = ["leader-{g:03d}"]', f'officers = ["officer-{g:03d}"]']
        users += [f'"leader-{g:03d}" = "zl-{g:03d}"', f'"officer-{g:03d}" = "zo-{g:03d}"']
    return "\n".join(lines + ["[zalo_users]", *users]) + "\n"


def code_of(text: str) -> str:
    last = text.rsplit("\n", 1)[-1]
    return last.removeprefix("Mã: ") if last.startswith("Mã: ") else ""


async def _produce(bootstrap: str, records: list[dict[str, Any]], rate: float, sent: dict[str, float]) -> None:
    producer = clients.producer(Settings.from_env({"BINHYEN_KAFKA": bootstrap}), linger_ms=0)
    await producer.start()
    try:
        start = time.monotonic()
        futures = []
        for i, rec in enumerate(records):
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            sent[f"{rec['group_id']}:{rec['message_id']}"] = time.time()
            futures.append(await producer.send(topics.INPUT, orjson.dumps(rec), key=rec["group_id"].encode()))
        await asyncio.gather(*futures)
    finally:
        await producer.stop()


async def _escalation_times(bootstrap: str) -> dict[str, float]:
    """escalation_id -> the escalation record's Kafka timestamp (when the worker published it)."""
    consumer = clients.consumer(Settings.from_env({"BINHYEN_KAFKA": bootstrap}), topics.ESCALATIONS)
    await consumer.start()
    out: dict[str, float] = {}
    try:
        while True:
            batch = await consumer.getmany(timeout_ms=1500)
            if not batch:
                return out
            for records in batch.values():
                for r in records:
                    try:
                        out[orjson.loads(r.value)["escalation_id"]] = r.timestamp / 1000.0
                    except (orjson.JSONDecodeError, KeyError, TypeError):
                        pass
    finally:
        await consumer.stop()


def _wait(condition, timeout: float, procs: list[subprocess.Popen[bytes]]) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if any(p.poll() is not None for p in procs):
            return False
        time.sleep(0.2)
    return False


def bench(args: argparse.Namespace) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="binhyen-deliver-bench-"))
    n = int(args.rate * args.seconds)
    records = generate(n + WARMUP, seed=11, groups=GROUPS, id_prefix="db")
    group_ids = sorted({r["group_id"] for r in records})
    (workdir / "groups.toml").write_text(groups_toml(group_ids), encoding="utf-8")
    concurrency = args.zalo_concurrency or Settings.from_env().deliver_zalo_concurrency
    print(f"[deliver-bench] workdir {workdir}; {n} messages at {args.rate:g}/s, fake Zalo answers in "
          f"{args.delay_ms:g} ms, Zalo concurrency {concurrency}", file=sys.stderr)
    procs: list[subprocess.Popen[bytes]] = []
    with EmbeddedBroker(partitions=4, log_path=workdir / "broker.log") as broker, \
            FakeZaloThread(FakeZalo(refresh_token="rt-bench", faults=Faults(delay=args.delay_ms / 1000))) as fake:
        env = {**os.environ, "BINHYEN_KAFKA": broker.bootstrap, "BINHYEN_GROUPS_FILE": str(workdir / "groups.toml"),
               "BINHYEN_SESSION_TIMEOUT": "10", "BINHYEN_HEARTBEAT_INTERVAL": "1", "BINHYEN_REBALANCE_TIMEOUT": "10",
               "BINHYEN_BATCH_TIMEOUT": "0.02", "BINHYEN_METRICS_PORT": "0", "BINHYEN_DELIVER_METRICS_PORT": "0",
               "BINHYEN_ZALO_API_BASE": fake.url, "BINHYEN_ZALO_OAUTH_BASE": fake.url,
               "BINHYEN_ZALO_APP_ID": "fake-app", "BINHYEN_ZALO_APP_SECRET": "fake-secret",
               "BINHYEN_ZALO_REFRESH_TOKEN": "rt-bench", "BINHYEN_DELIVER_ZALO_CONCURRENCY": str(concurrency),
               "BINHYEN_DATA_DIR": str(workdir / "data"), "BINHYEN_APP_ID": f"deliver-bench-{free_port()}"}
        for name in ("worker", "deliver"):
            log = open(workdir / f"{name}.log", "ab")
            procs.append(subprocess.Popen([sys.executable, "-m", "pipeline", name], env=env, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True))
        try:
            sent: dict[str, float] = {}
            asyncio.run(_produce(broker.bootstrap, records[:WARMUP], 50.0, sent))
            if not _wait(lambda: len(fake.snapshot()["messages"]) > 0, 180, procs):
                print(f"[deliver-bench] nothing delivered during warm-up; see {workdir}", file=sys.stderr)
                return 1
            time.sleep(3)
            warm = len(fake.snapshot()["messages"])
            started = time.time()
            asyncio.run(_produce(broker.bootstrap, records[WARMUP:], args.rate, sent))
            produced = time.time() - started
            last = [-1, time.monotonic()]

            def settled() -> bool:
                count = len(fake.snapshot()["messages"])
                if count != last[0]:
                    last[:] = [count, time.monotonic()]
                return time.monotonic() - last[1] > 5
            _wait(settled, 120, procs)
            published = asyncio.run(_escalation_times(broker.bootstrap))
        finally:
            for p in procs:
                terminate(p, grace=15)
        messages = fake.snapshot()["messages"]
    urgent, normal, worker_part, deliver_part = [], [], [], []
    for m in messages[warm:]:
        if m.get("kind") != "cs" or not str(m.get("user_id", "")).startswith("zo-"):
            continue
        code = code_of(m["text"])
        t0 = sent.get(code)
        if t0 is None:
            continue
        is_urgent = "KHẨN CẤP" in m["text"]
        (urgent if is_urgent else normal).append(m["at"] - t0)
        if is_urgent and code in published:
            worker_part.append(published[code] - t0)
            deliver_part.append(m["at"] - published[code])
    report = {"messages": n, "rate": args.rate, "produced_seconds": round(produced, 1),
              "fake_delay_ms": args.delay_ms, "zalo_concurrency": concurrency,
              "zalo_calls": len(messages) - warm,
              "urgent": {"n": len(urgent), **{k: round(percentile(urgent, q) * 1000) for k, q in
                                               (("p50_ms", .5), ("p95_ms", .95), ("p99_ms", .99), ("max_ms", 1))}},
              "urgent_worker_part": {k: round(percentile(worker_part, q) * 1000) for k, q in
                                     (("p50_ms", .5), ("p99_ms", .99))},
              "urgent_deliver_part": {k: round(percentile(deliver_part, q) * 1000) for k, q in
                                      (("p50_ms", .5), ("p99_ms", .99))},
              "normal_escalations": {"n": len(normal), **{k: round(percentile(normal, q) * 1000) for k, q in
                                                           (("p50_ms", .5), ("p99_ms", .99))}}}
    if args.json:
        print(orjson.dumps(report).decode())
    else:
        u, e = report["urgent"], report["normal_escalations"]
        print(f"input {n} msgs at {args.rate:g}/s ({produced:.1f} s); {report['zalo_calls']} Zalo calls; "
              f"fake answers in {args.delay_ms:g} ms; Zalo concurrency {concurrency}")
        print(f"urgent escalation input -> officer: n={u['n']} p50 {u['p50_ms']} ms, p95 {u['p95_ms']} ms, "
              f"p99 {u['p99_ms']} ms, max {u['max_ms']} ms")
        w, d = report["urgent_worker_part"], report["urgent_deliver_part"]
        print(f"  of which input -> escalation record (worker): p50 {w['p50_ms']} ms, p99 {w['p99_ms']} ms; "
              f"escalation record -> officer (deliver + Zalo): p50 {d['p50_ms']} ms, p99 {d['p99_ms']} ms")
        print(f"normal escalation input -> officer: n={e['n']} p50 {e['p50_ms']} ms, p99 {e['p99_ms']} ms")
    return 0
