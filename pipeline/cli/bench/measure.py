"""Running one stage and measuring it: throughput, latency, peak RSS, CPU."""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.cli.bench.children import Children
from pipeline.cli.bench.collector import Collector, log, produce_all, start_group_at_end, with_ids
from pipeline.cli.bench.plan import STAGE_NAMES, StagePlan

JOIN_TIMEOUT = 240.0  # seconds from start of a stage's process to its first output


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
    cpu_cores: float | None = None  # CPU time / wall time of the stage's processes (and the processes they
    #                                 started: the worker's classifier) while the N outputs came out
    child_rss_mb: float | None = None  # peak RSS of the biggest process a stage's process started
    child_private_mb: float | None = None  # its private (unshared) memory, counted in peak_rss_mb
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


def descendants(pid: int) -> list[int]:
    """The live processes started by ``pid`` (children, their children, ...), from ``/proc``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _own_cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def cpu_seconds(pid: int | None, *, tree: bool = False) -> float | None:
    """User + system CPU time of a live process so far (``/proc/<pid>/stat``); with ``tree``,
    plus that of the live processes it started (the worker's classifier process)."""
    if pid is None:
        return None
    own = _own_cpu_seconds(pid)
    if own is None or not tree:
        return own
    return own + sum(c for c in map(_own_cpu_seconds, descendants(pid)) if c is not None)


def private_mb(pid: int) -> float | None:
    """Memory of a live process that no other process shares (``Private_Clean`` + ``Private_Dirty``
    of ``/proc/<pid>/smaps_rollup``), in MiB: for a forked child, what it adds to its parent."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                      if ":" in line)
        return (int(fields["Private_Clean"].split()[0]) + int(fields["Private_Dirty"].split()[0])) / 1024
    except (OSError, ValueError, KeyError, IndexError):
        return None


def tree_peak_rss_mb(pid: int) -> tuple[float | None, list[tuple[float, float]]]:
    """Peak RSS of a process, and (peak RSS, private memory now) of each process it started (MiB)."""
    kids = [(peak_rss_mb(k), private_mb(k)) for k in descendants(pid)]
    return peak_rss_mb(pid), [(r, p) for r, p in kids if r is not None and p is not None]


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
    procs: list[Any] = []
    try:
        prefix = f"{run_id}-{plan.stage}-"
        collector.want(prefix)
        if plan.env.get("BINHYEN_APP_ID"):  # a worker stage: its group starts at the input's current end
            await start_group_at_end(bootstrap, plan.env["BINHYEN_APP_ID"], plan.source)
        await produce_all(bootstrap, plan.source, with_ids(records, prefix), label=label)
        log_path = workdir / f"stage-{plan.stage}.log"
        result.log = str(log_path)
        what = "binhyen worker" if plan.stage in ("c", "d") else " ".join(plan.cmd[-4:])
        log(f"{label} ({result.name}): starting {plan.copies} x {what}; log in {log_path}")
        spawned = time.monotonic()
        spawned_wall = time.time()
        for copy in range(plan.copies):
            env = dict(plan.env)
            if copy and "BINHYEN_DATA_DIR" in env:
                env["BINHYEN_DATA_DIR"] += f"-{copy}"
            procs.append(children.spawn(plan.cmd, env=env, log_path=log_path))

        def died() -> str | None:
            for proc in procs:
                if proc.poll() is not None:
                    tail = log_path.read_text(errors="replace").strip().splitlines()[-15:]
                    return f"process exited with code {proc.returncode}:\n    " + "\n    ".join(tail)
            return None

        def stage_cpu() -> float | None:
            figures = [cpu_seconds(proc.pid, tree=True) for proc in procs]
            return None if any(f is None for f in figures) else sum(figures)  # type: ignore[misc]

        # Throughput: wait for the first output (the join), then for the N-th.
        last = 0.0
        window: list[tuple[float, float | None, float | None]] = []  # (wall, cpu of stage, cpu of broker)

        def sample() -> None:
            window.append((time.monotonic(), stage_cpu(), cpu_seconds(broker_pid)))

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
        rss = [tree_peak_rss_mb(proc.pid) for proc in procs if proc.poll() is None]
        if rss and all(own is not None for own, _ in rss):
            # one process's peak (the most of the copies), plus what a worker's forked classifier
            # child adds: its private memory (the model's pages it shares with the worker are
            # counted once, in the worker); its own peak RSS is reported beside
            result.peak_rss_mb = round(max(own + sum(p for _, p in kids) for own, kids in rss), 1) or None  # type: ignore[operator]
            kids = [k for _, ks in rss for k in ks]
            if kids:
                result.child_rss_mb = round(max(r for r, _ in kids), 1)
                result.child_private_mb = round(max(p for _, p in kids), 1)
    finally:
        for proc in procs:
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
