"""``binhyen bench``: helpers, and one tiny end-to-end run through the CLI."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from pipeline.cli import bench
from pipeline.streams import topics

REPO = Path(__file__).resolve().parents[2]


def test_percentile_nearest_rank():
    values = list(range(1, 101))
    assert bench.percentile(values, 50) == 50
    assert bench.percentile(values, 99) == 99
    assert bench.percentile([7], 99) == 7


def test_message_id_of_forwarded_decision_and_dead_letter():
    rec = orjson.dumps({"message_id": "r-1", "group_id": "g"})
    assert bench.message_id_of("bench.x.out", rec) == "r-1"
    assert bench.message_id_of(topics.DECISIONS, orjson.dumps({"message_id": "r-2", "category": "tip"})) == "r-2"
    dead = orjson.dumps({"reason": "bad_timestamp", "original_base64": base64.b64encode(rec).decode()})
    assert bench.message_id_of(topics.DEAD_LETTER, dead) == "r-1"
    assert bench.message_id_of(topics.DEAD_LETTER, orjson.dumps({"original_base64": base64.b64encode(b"{").decode()})) is None
    assert bench.message_id_of("x", b"not json") is None


def test_peak_rss_of_this_process():
    rss = bench.peak_rss_mb(os.getpid())
    assert rss is not None and rss > 1


def test_cpu_seconds_of_this_process_and_of_nothing():
    assert bench.cpu_seconds(os.getpid()) >= 0
    assert bench.cpu_seconds(None) is None


def test_log_notes_find_the_classifier_and_the_fallback(tmp_path):
    log = tmp_path / "stage-c.log"
    log.write_text("2026-11-23 11:41:10,598 ERROR pipeline.streams.wiring: cannot load the model at m.skops (x); "
                   "moderating with the keyword fallback\n"
                   "2026-11-23 11:41:10,600 INFO pipeline.streams.wiring: classifier keywords-1 (fallback)\n")
    notes = bench.log_notes(log)
    assert notes[0] == "classifier keywords-1 (fallback)"
    assert any("keyword fallback" in n for n in notes) and any("ERROR" in n for n in notes)
    assert bench.log_notes(tmp_path / "missing.log") == []


def test_bench_is_a_binhyen_subcommand():
    from pipeline.cli.main import build_parser

    args = build_parser().parse_args(["bench", "--messages", "10", "--stages", "a", "--json"])
    assert args.func is bench.run and args.messages == 10 and args.json


def test_render_table_names_every_stage():
    report = {"messages": 10, "partitions": 4, "cpus": 2, "bootstrap": "h:1", "embedded_broker": True,
              "ratio_c_b": 0.5, "stages": {
                  "b": {"name": "Faust agent forward", "outputs": 10, "throughput_msgs_s": 100.0, "startup_s": 1.0,
                        "latency_ms": {"p50": 3, "p99": 9, "max": 9, "samples": 5, "rate_msgs_s": 1.0},
                        "peak_rss_mb": 50.0, "error": None},
                  "c": {"name": "binhyen worker", "outputs": 3, "throughput_msgs_s": None, "startup_s": None,
                        "latency_ms": None, "peak_rss_mb": None, "error": "boom"}}}
    table = bench.render_table(report)
    assert "b) Faust agent forward" in table and "ratio c/b" in table and "stage c FAILED: boom" in table


def test_unknown_stage_is_a_usage_error():
    out = subprocess.run([sys.executable, "-m", "pipeline", "bench", "--stages", "a,x"],
                         capture_output=True, text=True, cwd=REPO, timeout=60)
    assert out.returncode == 2 and "unknown stage" in out.stderr


def _worker_available() -> bool:
    try:
        out = subprocess.run([sys.executable, "-m", "pipeline", "worker", "--help"],
                             capture_output=True, timeout=60, cwd=REPO)
    except subprocess.TimeoutExpired:
        return False
    return out.returncode == 0


@pytest.mark.integration
def test_tiny_bench_run_through_the_cli():
    n = 300
    stages = "a,b,c,d" if _worker_available() else "a,b"
    out = subprocess.run(
        [sys.executable, "-m", "pipeline", "bench", "--messages", str(n), "--stages", stages,
         "--latency-messages", "40", "--latency-rate", "100", "--timeout", "60", "--json"],
        capture_output=True, text=True, cwd=REPO, timeout=120)
    assert out.returncode == 0, out.stderr[-3000:]
    report = json.loads(out.stdout)
    assert report["messages"] == n
    assert set(report["stages"]) == set(stages.split(","))
    for key, stage in report["stages"].items():
        assert stage["error"] is None, (key, stage["error"])
        assert stage["outputs"] == n, key
        assert stage["throughput_msgs_s"] > 0, key
        assert stage["latency_ms"]["samples"] == 40 and stage["latency_ms"]["p99"] >= stage["latency_ms"]["p50"] >= 0
        assert stage["peak_rss_mb"] > 0
    if "c" in report["stages"]:
        assert report["ratio_c_b"] > 0



def test_cpu_and_rss_of_a_process_tree():
    import subprocess

    from pipeline.cli.bench.measure import descendants, tree_peak_rss_mb

    child = subprocess.Popen(["sleep", "30"])
    try:
        assert child.pid in descendants(os.getpid())
        own = bench.cpu_seconds(os.getpid())
        assert bench.cpu_seconds(os.getpid(), tree=True) >= own
        own, kids = tree_peak_rss_mb(os.getpid())
        assert own > 0 and kids and all(r > 0 and p >= 0 for r, p in kids)
    finally:
        child.kill()
        child.wait()
