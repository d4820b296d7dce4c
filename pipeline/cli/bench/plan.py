"""What each stage runs: its topics, command and environment."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.streams import topics

STAGE_NAMES = {
    "a": "raw aiokafka forward",
    "b": "Faust agent forward",
    "c": "binhyen worker (full pipeline)",
    "d": "two binhyen workers",
}


@dataclass
class StagePlan:
    stage: str
    source: str
    sinks: list[str]
    cmd: list[str]
    env: dict[str, str] = field(default_factory=dict)
    create: list[str] = field(default_factory=list)
    copies: int = 1  # processes of the same consumer group


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
    if stage in ("c", "d"):
        env.update({
            "BINHYEN_KAFKA": bootstrap,
            "BINHYEN_APP_ID": f"bench-{run_id}-{stage}",
            "BINHYEN_METRICS_PORT": "0",
            "BINHYEN_PARTITIONS": str(partitions),
            "BINHYEN_DATA_DIR": str(workdir / f"faust-{stage}"),
            "BINHYEN_LOG_LEVEL": env.get("BINHYEN_LOG_LEVEL", "info"),  # the log names the classifier
        })
        cmd = worker_cmd or [py, "-m", "pipeline", "worker"]
        return StagePlan(stage, topics.INPUT, [topics.DECISIONS, topics.DEAD_LETTER], cmd, env, list(topics.ALL),
                         copies=2 if stage == "d" else 1)
    raise ValueError(stage)
