"""``binhyen bench``: throughput, latency and memory of three ways to move the same messages.

Stages, each over the same N generated messages (:mod:`pipeline.cli.bench_data`):

* ``a``: a raw aiokafka consume-and-forward loop (consumer group -> producer), the ceiling
  of what Python + aiokafka + this broker can move;
* ``b``: a minimal Faust app whose one agent only forwards, with the same Faust
  configuration as the real worker, the cost of Faust itself;
* ``c``: the real ``binhyen worker`` (``python -m pipeline worker``) reading
  ``chat.messages``; counted on ``moderation.decisions`` + ``moderation.dead-letter``.

Each stage runs in its own child process. All N messages are produced *before* the
process starts, so the group join is not timed: the clock starts at the first output
record and stops at the N-th (both by the output records' Kafka timestamps), and
throughput = (N - 1) / that time. Then, with the stage still running and joined, a
second, paced batch of messages (``--latency-messages`` at about half the measured
throughput) gives the latency: output record timestamp minus input record timestamp,
matched by ``message_id``. Peak RSS is the child's ``VmHWM`` from ``/proc``.

Hidden helpers run the children: ``python -m pipeline.cli.bench _raw_forward ...`` and
``python -m pipeline.cli.bench _faust_passthrough ...``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import dataclasses
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import orjson

from pipeline.streams import topics

STAGE_NAMES = {
    "a": "raw aiokafka forward",
    "b": "Faust agent forward",
    "c": "binhyen worker (full pipeline)",
}
JOIN_TIMEOUT = 240.0  # seconds from start of a stage's process to its first output


# --------------------------------------------------------------------------- results

@dataclass
class StageResult:
    stage: str
    name: str
    messages: int
    outputs: int = 0
    duplicates: int = 0
    throughput_msgs_s: float | None = None
    startup_s: float | None = None  # process start -> first output (group join etc.)
    duration_s: float | None = None  # first output -> N-th output
    latency_ms: dict[str, float | int] | None = None
    peak_rss_mb: float | None = None
    cpu_cores: float | None = None  # CPU time / wall time of the stage's process while the N outputs came out
    broker_cpu_cores: float | None = None  # the same for the embedded broker
    error: str | None = None
    log: str | None = None
    notes: list[str] = field(default_factory=list)  # caveats read from the child's log

    def ok(self) -> bool:
        return self.error is None and self.outputs >= self.messages


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def peak_rss_mb(pid: int) -> float | None:
    """``VmHWM`` (peak resident set) of a live process, in MiB; None if unavailable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a live process so far (``/proc/<pid>/stat``)."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def bench_settings(bootstrap: list[str]) -> Any:
    """The environment's settings (security included) pointed at the bench's broker."""
    from pipeline.settings import Settings

    return Settings.from_env().model_copy(update={"kafka": ",".join(bootstrap)})


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- child processes

class Children:
    """Every process the bench starts, so that all of them are stopped on any exit."""

    def __init__(self) -> None:
        self.procs: list[subprocess.Popen[bytes]] = []

    def spawn(self, cmd: list[str], *, env: dict[str, str], log_path: Path) -> subprocess.Popen[bytes]:
        with open(log_path, "ab") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env,
                                    start_new_session=True, stdin=subprocess.DEVNULL)
        self.procs.append(proc)
        return proc

    @staticmethod
    def stop(proc: subprocess.Popen[bytes], grace: float = 15.0) -> None:
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)  # its own session: the child and anything it started
        except ProcessLookupError:
            return
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()

    def stop_all(self) -> None:
        for proc in reversed(self.procs):
            self.stop(proc)
        self.procs.clear()


# --------------------------------------------------------------------------- producing and counting

def message_id_of(topic: str, value: bytes | None) -> str | None:
    """The input ``message_id`` an output record stands for (forwarded copy, decision or dead letter)."""
    if value is None:
        return None
    try:
        obj = orjson.loads(value)
        if topic == topics.DEAD_LETTER and isinstance(obj, dict):
            original = obj.get("original_base64")
            obj = orjson.loads(base64.b64decode(original)) if original else None
        mid = obj.get("message_id") if isinstance(obj, dict) else None
        return mid if isinstance(mid, str) else None
    except (orjson.JSONDecodeError, ValueError, TypeError):
        return None


class Collector:
    """Reads output topics from their current end, keeping the first timestamp of each wanted id."""

    def __init__(self, bootstrap: list[str], sinks: list[str]) -> None:
        self.bootstrap = bootstrap
        self.sinks = sinks
        self.seen: dict[str, int] = {}  # message_id -> output record timestamp (ms)
        self.received_at: dict[str, float] = {}  # message_id -> time.time() of receipt
        self.duplicates = 0
        self.prefix = ""
        self._consumer: Any = None
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        from aiokafka import TopicPartition

        from pipeline.kafka import clients

        self._consumer = clients.consumer(bench_settings(self.bootstrap), fetch_max_wait_ms=100)
        await self._consumer.start()
        tps = []
        for topic in self.sinks:
            parts = None
            for _ in range(50):
                await self._consumer.topics()  # refreshes the metadata
                parts = self._consumer.partitions_for_topic(topic)
                if parts:
                    break
                await asyncio.sleep(0.1)
            if not parts:
                raise RuntimeError(f"topic {topic} has no partitions")
            tps += [TopicPartition(topic, p) for p in sorted(parts)]
        self._consumer.assign(tps)
        await self._consumer.seek_to_end(*tps)
        for tp in tps:  # resolve the end positions now, before anything is produced
            await self._consumer.position(tp)
        self._task = asyncio.create_task(self._run())

    def want(self, prefix: str) -> None:
        self.prefix = prefix

    def count(self, prefix: str) -> int:
        return sum(1 for k in self.seen if k.startswith(prefix))

    async def _run(self) -> None:
        consumer = self._consumer
        while True:
            batch = await consumer.getmany(timeout_ms=200, max_records=10_000)
            now = time.time()
            for tp, records in batch.items():
                for record in records:
                    mid = message_id_of(tp.topic, record.value)
                    if mid is None or not mid.startswith(self.prefix):
                        continue
                    if mid in self.seen:
                        self.duplicates += 1
                        continue
                    self.seen[mid] = record.timestamp if record.timestamp and record.timestamp > 0 \
                        else int(now * 1000)
                    self.received_at[mid] = now

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except (asyncio.CancelledError, Exception):
                pass
        if self._consumer is not None:
            await self._consumer.stop()


async def produce_all(bootstrap: list[str], topic: str, pairs: list[tuple[bytes, bytes]], *,
                      label: str, rate: float = 0.0) -> dict[bytes, int]:
    """Publish (key, value) pairs, as fast as possible or, with ``rate`` > 0, paced.

    Every record carries an explicit timestamp (now, in ms); for paced runs the
    timestamps are returned by value, for latency matching (empty otherwise).
    """
    from pipeline.kafka import clients

    producer = clients.producer(bench_settings(bootstrap), acks=1, linger_ms=10 if rate <= 0 else 0,
                                max_batch_size=512 * 1024)
    await producer.start()
    stamps: dict[bytes, int] = {}
    started = time.monotonic()
    last_report = started
    try:
        pending = []
        for i, (key, value) in enumerate(pairs, 1):
            ts = int(time.time() * 1000)
            pending.append(await producer.send(topic, value=value, key=key, timestamp_ms=ts))
            if rate > 0:
                stamps[value] = ts
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            if time.monotonic() - last_report > 2.0:
                last_report = time.monotonic()
                log(f"{label}: produced {i:,}/{len(pairs):,}")
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    log(f"{label}: produced {len(pairs):,} messages to {topic} in {time.monotonic() - started:.1f} s")
    return stamps


def with_ids(records: list[dict[str, Any]], prefix: str) -> list[tuple[bytes, bytes]]:
    out = []
    for i, record in enumerate(records):
        r = dict(record)
        r["message_id"] = f"{prefix}{i}"
        out.append((r["group_id"].encode("utf-8"), orjson.dumps(r)))
    return out


# --------------------------------------------------------------------------- one stage

@dataclass
class StagePlan:
    stage: str
    source: str
    sinks: list[str]
    cmd: list[str]
    env: dict[str, str] = field(default_factory=dict)
    create: list[str] = field(default_factory=list)


async def run_stage(plan: StagePlan, *, bootstrap: list[str], partitions: int, records: list[dict[str, Any]],
                    latency_records: list[dict[str, Any]], latency_rate: float, run_id: str,
                    children: Children, workdir: Path, timeout: float, broker_pid: int | None = None) -> StageResult:
    from pipeline.kafka.admin import ensure_topics
    from pipeline.settings import Settings

    n = len(records)
    result = StageResult(plan.stage, STAGE_NAMES[plan.stage], n)
    label = f"stage {plan.stage}"
    await ensure_topics(Settings.from_env().model_copy(update={"kafka": ",".join(bootstrap)}),
                        partitions=partitions, names=plan.create)
    collector = Collector(bootstrap, plan.sinks)
    await collector.start()
    proc = None
    try:
        prefix = f"{run_id}-{plan.stage}-"
        collector.want(prefix)
        await produce_all(bootstrap, plan.source, with_ids(records, prefix), label=label)
        log_path = workdir / f"stage-{plan.stage}.log"
        result.log = str(log_path)
        log(f"{label} ({result.name}): starting {' '.join(plan.cmd[-4:]) if plan.stage != 'c' else 'binhyen worker'}"
            f"; log in {log_path}")
        spawned = time.monotonic()
        spawned_wall = time.time()
        proc = children.spawn(plan.cmd, env=plan.env, log_path=log_path)

        def died() -> str | None:
            if proc.poll() is not None:
                tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
                return f"process exited with code {proc.returncode}:\n    " + "\n    ".join(tail)
            return None

        # Throughput: wait for the first output (the join), then for the N-th.
        last = 0.0
        window: list[tuple[float, float | None, float | None]] = []  # (wall, cpu of stage, cpu of broker)

        def sample() -> None:
            window.append((time.monotonic(), cpu_seconds(proc.pid), cpu_seconds(broker_pid)))

        while True:
            got = len(collector.seen)
            if got and not window:
                sample()
            if got >= n:
                sample()
                break
            if (err := died()) is not None:
                result.error = err
                break
            elapsed = time.monotonic() - spawned
            if got == 0 and elapsed > JOIN_TIMEOUT:
                result.error = f"no output within {JOIN_TIMEOUT:.0f} s of start"
                break
            if elapsed > timeout:
                result.error = f"only {got} of {n} outputs after {timeout:.0f} s"
                break
            if time.monotonic() - last > 3.0:
                last = time.monotonic()
                if got:
                    first = min(collector.seen.values()) / 1000
                    span = max(1e-3, time.time() - first)
                    log(f"{label}: {got:,}/{n:,} outputs, ~{got / span:,.0f} msgs/s")
                else:
                    log(f"{label}: waiting for the first output ({elapsed:.0f} s since start, group join)")
            await asyncio.sleep(0.1)
        result.outputs = len(collector.seen)
        if result.outputs:
            stamps = sorted(collector.seen.values())
            result.startup_s = round(max(0.0, stamps[0] / 1000 - spawned_wall), 2)
            done = stamps[: n]
            span_ms = max(1, done[-1] - done[0])
            result.duration_s = round(span_ms / 1000, 3)
            if result.outputs >= n:
                result.throughput_msgs_s = round((len(done) - 1) / (span_ms / 1000) if len(done) > 1 else 0.0, 1)
        if len(window) == 2 and window[1][0] - window[0][0] > 0.2:
            wall = window[1][0] - window[0][0]
            if window[0][1] is not None and window[1][1] is not None:
                result.cpu_cores = round((window[1][1] - window[0][1]) / wall, 2)
            if window[0][2] is not None and window[1][2] is not None:
                result.broker_cpu_cores = round((window[1][2] - window[0][2]) / wall, 2)
        if result.error is None and latency_records:
            # Latency: a paced batch through the joined, idle stage.
            # half the measured throughput, but spread over at least ~5 s so that it is a stream, not a burst
            rate = latency_rate or max(20.0, min(0.5 * (result.throughput_msgs_s or 100.0),
                                                 len(latency_records) / 5.0))
            lprefix = f"{run_id}-{plan.stage}L-"
            collector.want(lprefix)
            pairs = with_ids(latency_records, lprefix)
            log(f"{label}: latency run, {len(pairs):,} messages at {rate:,.0f} msgs/s")
            stamps_by_value = await produce_all(bootstrap, plan.source, pairs, label=f"{label} latency", rate=rate)
            sent_ts = {f"{lprefix}{i}": stamps_by_value[v] for i, (_, v) in enumerate(pairs)}
            deadline = time.monotonic() + max(30.0, len(pairs) / rate * 2)
            while collector.count(lprefix) < len(pairs) and time.monotonic() < deadline:
                if (err := died()) is not None:
                    result.error = err
                    break
                await asyncio.sleep(0.1)
            lat = [collector.seen[k] - ts for k, ts in sent_ts.items() if k in collector.seen]
            if lat:
                result.latency_ms = {
                    "p50": percentile(lat, 50), "p99": percentile(lat, 99), "max": max(lat),
                    "samples": len(lat), "rate_msgs_s": round(rate, 1),
                }
            if len(lat) < len(pairs) and result.error is None:
                result.error = f"latency run: only {len(lat)} of {len(pairs)} outputs"
        result.duplicates = collector.duplicates
        if proc.poll() is None:
            result.peak_rss_mb = round(peak_rss_mb(proc.pid) or 0.0, 1) or None
    finally:
        if proc is not None:
            children.stop(proc)
        await collector.stop()
    if result.log:
        result.notes = log_notes(Path(result.log))
    for note in result.notes:
        log(f"{label}: note: {note}")
    if result.error:
        log(f"{label}: FAILED: {result.error}")
    else:
        log(f"{label}: {result.throughput_msgs_s:,} msgs/s, startup {result.startup_s} s, "
            f"peak RSS {result.peak_rss_mb} MiB")
    return result


def log_notes(path: Path) -> list[str]:
    """Caveats worth printing next to a stage's figures, found in its log."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return []
    notes = []
    import re

    if found := re.search(r"pipeline\.streams\.wiring: classifier (.+)$", text, re.M):
        notes.append(f"classifier {found.group(1).strip()}")
    if "keyword fallback" in text:
        notes.append("the worker could not load the model and classified with the keyword fallback")
    errors = sum(1 for line in text.splitlines() if " ERROR " in line or "Traceback" in line)
    if errors:
        notes.append(f"{errors} ERROR/Traceback line(s) in {path}")
    return notes


def plan_for(stage: str, *, bootstrap: str, partitions: int, run_id: str, workdir: Path,
             worker_cmd: list[str] | None) -> StagePlan:
    py = sys.executable
    env = dict(os.environ)
    env.setdefault("PYTHONUNBUFFERED", "1")
    if stage == "a":
        src, sink = f"bench.{run_id}.a.in", f"bench.{run_id}.a.out"
        cmd = [py, "-m", "pipeline.cli.bench", "_raw_forward", "--bootstrap", bootstrap,
               "--group", f"bench-{run_id}-a", "--source", src, "--sink", sink]
        return StagePlan(stage, src, [sink], cmd, env, [src, sink])
    if stage == "b":
        src, sink = f"bench.{run_id}.b.in", f"bench.{run_id}.b.out"
        cmd = [py, "-m", "pipeline.cli.bench", "_faust_passthrough", "--bootstrap", bootstrap,
               "--app-id", f"bench-{run_id}-b", "--source", src, "--sink", sink,
               "--partitions", str(partitions), "--datadir", str(workdir / "faust-b")]
        return StagePlan(stage, src, [sink], cmd, env, [src, sink])
    if stage == "c":
        env.update({
            "BINHYEN_KAFKA": bootstrap,
            "BINHYEN_APP_ID": f"bench-{run_id}-c",
            "BINHYEN_METRICS_PORT": "0",
            "BINHYEN_PARTITIONS": str(partitions),
            "BINHYEN_DATA_DIR": str(workdir / "faust-c"),
            "BINHYEN_LOG_LEVEL": env.get("BINHYEN_LOG_LEVEL", "info"),  # the log names the classifier
        })
        cmd = worker_cmd or [py, "-m", "pipeline", "worker"]
        return StagePlan(stage, topics.INPUT, [topics.DECISIONS, topics.DEAD_LETTER], cmd, env, list(topics.ALL))
    raise ValueError(stage)


# --------------------------------------------------------------------------- the command

def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="throughput, latency and memory: raw aiokafka vs Faust vs the full worker",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--messages", "-n", type=int, default=50_000, help="messages per stage (default 50000)")
    p.add_argument("--stages", default="a,b,c", help="comma-separated subset of a,b,c (default a,b,c)")
    p.add_argument("--bootstrap", default=None,
                   help="HOST:PORT of an existing broker (default: start an embedded broker for the run); "
                        "stage c then also works through whatever chat.messages already holds (its outputs "
                        "are not counted, but they delay the start)")
    p.add_argument("--partitions", type=int, default=4, help="partitions of the bench topics (default 4)")
    p.add_argument("--seed", type=int, default=7, help="seed of the generated messages (default 7)")
    p.add_argument("--latency-messages", type=int, default=2000,
                   help="messages of the paced latency run after the throughput run (default 2000; 0 skips)")
    p.add_argument("--latency-rate", type=float, default=0.0,
                   help="msgs/s of the latency run (default: half the stage's throughput, at most --latency-messages/5)")
    p.add_argument("--timeout", type=float, default=1800.0,
                   help="seconds a stage may take for all its outputs (default 1800)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout (the table goes to stderr)")
    p.add_argument("--keep-logs", action="store_true", help="keep the children's logs (printed path)")
    p.add_argument("--worker-cmd", default=None, help=argparse.SUPPRESS)  # a stand-in for stage c
    p.set_defaults(func=run)


async def _bench(args: argparse.Namespace, stages: list[str], bootstrap: str, workdir: Path,
                 children: Children, broker_pid: int | None = None) -> dict[str, Any]:
    from pipeline.cli.bench_data import generate

    n = args.messages
    log(f"generating {n:,} messages (seed {args.seed})")
    records = generate(n, seed=args.seed)
    latency_records = generate(args.latency_messages, seed=args.seed + 1) if args.latency_messages > 0 else []
    run_id = f"{os.getpid()}x{int(time.time()) % 1_000_000}"
    worker_cmd = args.worker_cmd.split() if args.worker_cmd else None
    results: dict[str, StageResult] = {}
    for stage in stages:
        plan = plan_for(stage, bootstrap=bootstrap, partitions=args.partitions, run_id=run_id,
                        workdir=workdir, worker_cmd=worker_cmd)
        try:
            results[stage] = await run_stage(
                plan, bootstrap=[bootstrap], partitions=args.partitions, records=records,
                latency_records=latency_records, latency_rate=args.latency_rate, run_id=run_id,
                children=children, workdir=workdir, timeout=args.timeout, broker_pid=broker_pid)
        except (OSError, asyncio.TimeoutError, RuntimeError) as exc:
            results[stage] = StageResult(stage, STAGE_NAMES[stage], n, error=f"{type(exc).__name__}: {exc}")
            log(f"stage {stage}: FAILED: {exc}")
        except Exception as exc:  # aiokafka errors
            if type(exc).__module__.startswith("aiokafka") or type(exc).__module__.startswith("kafka"):
                results[stage] = StageResult(stage, STAGE_NAMES[stage], n, error=f"{type(exc).__name__}: {exc}")
                log(f"stage {stage}: FAILED: {exc}")
            else:
                raise
    b, c = results.get("b"), results.get("c")
    ratio = None
    if b and c and b.throughput_msgs_s and c.throughput_msgs_s:
        ratio = round(c.throughput_msgs_s / b.throughput_msgs_s, 3)
    return {
        "messages": n,
        "partitions": args.partitions,
        "seed": args.seed,
        "bootstrap": bootstrap,
        "embedded_broker": args.bootstrap is None,
        "cpus": os.cpu_count(),
        "stages": {k: dataclasses.asdict(v) for k, v in results.items()},
        "ratio_c_b": ratio,
    }


def _fmt(value: Any, spec: str = ",.0f") -> str:
    return "-" if value is None else format(value, spec)


def render_table(report: dict[str, Any]) -> str:
    lines = [f"binhyen bench: {report['messages']:,} messages per stage, {report['partitions']} partitions, "
             f"{report['cpus']} CPUs, broker {report['bootstrap']}"
             + (" (embedded)" if report["embedded_broker"] else ""), ""]
    header = (f"{'stage':<34} {'outputs':>8} {'msgs/s':>9} {'startup s':>9} {'p50 ms':>7} {'p99 ms':>7} "
              f"{'peak RSS MiB':>12} {'CPU':>5} {'broker CPU':>10}")
    lines += [header, "-" * len(header)]
    for key, s in report["stages"].items():
        lat = s.get("latency_ms") or {}
        lines.append(f"{key + ') ' + s['name']:<34} {s['outputs']:>8,} {_fmt(s['throughput_msgs_s']):>9} "
                     f"{_fmt(s['startup_s'], '.1f'):>9} {_fmt(lat.get('p50')):>7} {_fmt(lat.get('p99')):>7} "
                     f"{_fmt(s['peak_rss_mb'], '.1f'):>12} {_fmt(s.get('cpu_cores'), '.2f'):>5} "
                     f"{_fmt(s.get('broker_cpu_cores'), '.2f'):>10}")
    lines.append("")
    if report.get("ratio_c_b") is not None:
        lines.append(f"ratio c/b (full pipeline vs Faust forward): {report['ratio_c_b']:.3f}")
    for key, s in report["stages"].items():
        if s.get("latency_ms"):
            lat = s["latency_ms"]
            lines.append(f"latency {key}: {lat['samples']:,} paced messages at {lat['rate_msgs_s']:,.0f} msgs/s, "
                         f"max {lat['max']:,} ms (output minus input Kafka timestamp)")
        for note in s.get("notes") or []:
            lines.append(f"note {key}: {note}")
        if s.get("error"):
            lines.append(f"stage {key} FAILED: {s['error']}")
    lines.append("throughput: (N-1) / (N-th output - first output), by output record timestamps; "
                 "startup: process start -> first output;")
    lines.append("CPU: cores the stage's process (and the broker) used while the N outputs came out")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGE_NAMES]
    if unknown or not stages:
        print(f"binhyen bench: unknown stage(s) {', '.join(unknown) or '(none)'}; choose from a,b,c", file=sys.stderr)
        return 2
    if args.messages < 2:
        print("binhyen bench: --messages must be at least 2", file=sys.stderr)
        return 2

    def _term(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _term)
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored
    children = Children()
    broker = None
    workdir = Path(tempfile.mkdtemp(prefix="binhyen-bench-"))
    report: dict[str, Any] | None = None
    try:
        if args.bootstrap:
            bootstrap = args.bootstrap
        else:
            from pipeline.cli.embedded_broker import EmbeddedBroker

            broker = EmbeddedBroker(partitions=args.partitions, log_path=workdir / "broker.log")
            log("starting the embedded broker")
            broker.start()
            bootstrap = broker.bootstrap
            log(f"embedded broker on {bootstrap}")
        broker_pid = broker.process.pid if broker is not None and broker.process is not None else None
        report = asyncio.run(_bench(args, stages, bootstrap, workdir, children, broker_pid))
        if broker is not None and broker.process is not None:
            report["broker_peak_rss_mb"] = round(peak_rss_mb(broker.process.pid) or 0.0, 1) or None
    except KeyboardInterrupt:
        log("interrupted; stopping everything the bench started")
        return 130
    finally:
        children.stop_all()
        if broker is not None:
            broker.stop()
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        failed = report is None or any(s["error"] for s in report["stages"].values())
        if args.keep_logs or failed:
            log(f"logs kept in {workdir}")
        else:
            _rmtree(workdir)
    table = render_table(report)
    if args.json:
        print(table, file=sys.stderr)
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(table)
    ok = all(s["error"] is None and s["outputs"] >= s["messages"] for s in report["stages"].values())
    return 0 if ok else 1


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


# --------------------------------------------------------------------------- children's entry points

async def raw_forward(bootstrap: str, group: str, source: str, sink: str) -> None:
    """Consume ``source`` in a consumer group and produce every record's key and value to ``sink``."""
    from pipeline.kafka import clients

    settings = bench_settings([bootstrap])
    consumer = clients.consumer(settings, source, group_id=group, enable_auto_commit=True)
    producer = clients.producer(settings, acks=1, linger_ms=5, max_batch_size=512 * 1024)
    await producer.start()
    await consumer.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        while not stop.is_set():
            batch = await consumer.getmany(timeout_ms=200, max_records=5000)
            for records in batch.values():
                for record in records:
                    await producer.send(sink, value=record.value, key=record.key)
    finally:
        await consumer.stop()
        await producer.stop()


def faust_passthrough(bootstrap: str, app_id: str, source: str, sink: str, partitions: int, datadir: str) -> int:
    """A minimal Faust worker whose one agent forwards every event unchanged; the real app's Faust settings."""
    import faust

    from pipeline.settings import Settings
    from pipeline.streams.app import faust_settings

    settings = Settings.from_env().model_copy(update=dict(kafka=bootstrap, app_id=app_id, partitions=partitions,
                                                          data_dir=datadir))
    app = faust.App(app_id, **faust_settings(settings))
    src = app.topic(source, key_type=bytes, value_type=bytes, key_serializer="raw", value_serializer="raw",
                    partitions=partitions)
    dst = app.topic(sink, key_serializer="raw", value_serializer="raw", partitions=partitions)

    @app.agent(src, name="forward")
    async def forward(stream: Any) -> None:
        async for event in stream.events():
            await dst.send(key=event.key, value=event.value)

    asyncio.set_event_loop(asyncio.new_event_loop())
    worker = faust.Worker(app, loglevel="WARNING", quiet=True, redirect_stdouts=False, override_logging=False)
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _child_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m pipeline.cli.bench")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("_raw_forward")
    r.add_argument("--bootstrap", required=True)
    r.add_argument("--group", required=True)
    r.add_argument("--source", required=True)
    r.add_argument("--sink", required=True)
    f = sub.add_parser("_faust_passthrough")
    f.add_argument("--bootstrap", required=True)
    f.add_argument("--app-id", required=True)
    f.add_argument("--source", required=True)
    f.add_argument("--sink", required=True)
    f.add_argument("--partitions", type=int, default=4)
    f.add_argument("--datadir", required=True)
    args = p.parse_args(argv)
    if args.cmd == "_raw_forward":
        asyncio.run(raw_forward(args.bootstrap, args.group, args.source, args.sink))
        return 0
    return faust_passthrough(args.bootstrap, args.app_id, args.source, args.sink, args.partitions, args.datadir)


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1:]))
