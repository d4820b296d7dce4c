"""The bench's table."""

from __future__ import annotations

from typing import Any


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
    if report.get("ratio_d_c") is not None:
        lines.append(f"ratio d/c (two workers vs one): {report['ratio_d_c']:.3f}")
    for key, s in report["stages"].items():
        if s.get("latency_ms"):
            lat = s["latency_ms"]
            lines.append(f"latency {key}: {lat['samples']:,} paced messages at {lat['rate_msgs_s']:,.0f} msgs/s, "
                         f"max {lat['max']:,} ms (output minus input Kafka timestamp)")
        if s.get("child_rss_mb") is not None:
            lines.append(f"peak RSS {key}: {s['peak_rss_mb']:,.1f} MiB = the worker's peak + its classifier "
                         f"child's private {s.get('child_private_mb') or 0:,.1f} MiB (the child's own peak RSS, "
                         f"shared pages included: {s['child_rss_mb']:,.1f} MiB)")
        for note in s.get("notes") or []:
            lines.append(f"note {key}: {note}")
        if s.get("error"):
            lines.append(f"stage {key} FAILED: {s['error']}")
    lines.append("throughput: (N-1) / (N-th output - first output), by output record timestamps; "
                 "startup: process start -> first output;")
    lines.append("CPU: cores the stage's processes and their children (and the broker) used while the N outputs "
                 "came out")
    return "\n".join(lines)
