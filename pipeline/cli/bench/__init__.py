"""``binhyen bench``: throughput, latency and memory of three ways to move the same messages.

Stages, each over the same N generated messages (:mod:`pipeline.cli.bench_data`):

* ``a``: a raw aiokafka consume-and-forward loop (consumer group -> producer), the ceiling
  of what Python + aiokafka + this broker can move;
* ``b``: a minimal Faust app whose one agent only forwards, with the same Faust
  configuration as the real worker, the cost of Faust itself;
* ``c``: the real ``binhyen worker`` (``python -m pipeline worker``) reading
  ``chat.messages``; counted on ``moderation.decisions`` + ``moderation.dead-letter``;
* ``d`` (on request): two ``binhyen worker`` processes of one consumer group, the same count.

The package's modules follow the bench's seams: ``plan`` (what each stage runs),
``children`` (processes, and the entry points of stages a and b), ``collector``
(producing the messages, counting the outputs), ``measure`` (one stage's figures)
and ``report`` (the table).

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
import dataclasses
import json
import os
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pipeline.cli.bench.children import Children
from pipeline.cli.bench.collector import log, message_id_of
from pipeline.cli.bench.measure import StageResult, cpu_seconds, log_notes, peak_rss_mb, percentile, run_stage
from pipeline.cli.bench.plan import STAGE_NAMES, plan_for
from pipeline.cli.bench.report import render_table

__all__ = ["cpu_seconds", "log_notes", "message_id_of", "peak_rss_mb", "percentile", "register", "render_table",
           "run"]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="throughput, latency and memory: raw aiokafka vs Faust vs the full worker",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--messages", "-n", type=int, default=50_000, help="messages per stage (default 50000)")
    p.add_argument("--stages", default="a,b,c", help="comma-separated subset of a,b,c,d (default a,b,c; d = two workers of one group)")
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
    def ratio_of(top: str, bottom: str) -> float | None:
        x, y = results.get(top), results.get(bottom)
        if x and y and x.throughput_msgs_s and y.throughput_msgs_s:
            return round(x.throughput_msgs_s / y.throughput_msgs_s, 3)
        return None

    return {
        "messages": n,
        "partitions": args.partitions,
        "seed": args.seed,
        "bootstrap": bootstrap,
        "embedded_broker": args.bootstrap is None,
        "cpus": os.cpu_count(),
        "stages": {k: dataclasses.asdict(v) for k, v in results.items()},
        "ratio_c_b": ratio_of("c", "b"),
        "ratio_d_c": ratio_of("d", "c"),
    }


def run(args: argparse.Namespace) -> int:
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = [s for s in stages if s not in STAGE_NAMES]
    if unknown or not stages:
        print(f"binhyen bench: unknown stage(s) {', '.join(unknown) or '(none)'}; choose from a,b,c,d", file=sys.stderr)
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
