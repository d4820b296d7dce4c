"""Helpers of the deployment checks (tests/deploy/): tools, metrics.py introspection, a PromQL scanner."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
ENSURE_TOOLS = "bash deploy/scripts/ensure-tools.sh"


def require_tool(name: str) -> str:
    """Path of a Prometheus tool; a failure (never a skip) when it is missing."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found on PATH: run `{ENSURE_TOOLS}` (the Makefile does before pytest)",
                    pytrace=False)
    return path


def run(cmd: list[str], cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


# --------------------------------------------------------------------------- metrics.py


@dataclass(frozen=True)
class Exported:
    """What pipeline/metrics.py exports: series names and each one's label names."""

    labels: dict[str, frozenset[str]]  # series name (with suffix) -> label names
    base_labels: frozenset[str] = field(default=frozenset({"job", "instance"}))

    def has(self, series: str) -> bool:
        return series in self.labels

    @property
    def all_labels(self) -> frozenset[str]:
        out: set[str] = set(self.base_labels)
        for names in self.labels.values():
            out |= names
        return frozenset(out)


def exported_metrics() -> Exported:
    """Series names of every binhyen instrument as Prometheus scrapes them.

    Names come from the prometheus_client REGISTRY the module registers into
    (the family name plus the suffixes of its type); label names from the
    instruments themselves. Histograms add ``le`` to their ``_bucket`` series.
    """
    from prometheus_client import REGISTRY
    from prometheus_client.metrics import MetricWrapperBase

    import pipeline.metrics as metrics

    labelnames: dict[str, tuple[str, ...]] = {}
    for value in vars(metrics).values():
        if isinstance(value, MetricWrapperBase):
            labelnames[value._name] = tuple(value._labelnames)  # noqa: SLF001

    suffixes = {
        "counter": ("_total", "_created"),
        "gauge": ("",),
        "histogram": ("_bucket", "_count", "_sum", "_created"),
        "summary": ("", "_count", "_sum", "_created"),
        "info": ("_info",),
        "stateset": ("",),
        "gaugehistogram": ("_bucket", "_gcount", "_gsum"),
        "unknown": ("",),
    }
    series: dict[str, frozenset[str]] = {}
    for family in REGISTRY.collect():
        own = frozenset(labelnames.get(family.name, ()))
        for suffix in suffixes[family.type]:
            extra = {"le"} if suffix == "_bucket" else set()
            series[family.name + suffix] = own | extra
        for sample in family.samples:  # the default collectors' labelled samples
            series.setdefault(sample.name, frozenset(sample.labels))
            series[sample.name] = series[sample.name] | frozenset(sample.labels)
    missing = set(labelnames) - {n for n in (f.name for f in REGISTRY.collect())}
    assert not missing, f"instruments of pipeline.metrics not in the REGISTRY: {missing}"
    return Exported(series)


# Series Prometheus itself synthesises for every target / rule.
SYNTHETIC = {
    "up": frozenset({"job", "instance"}),
    "scrape_duration_seconds": frozenset({"job", "instance"}),
    "scrape_samples_scraped": frozenset({"job", "instance"}),
    "ALERTS": frozenset({"alertname", "alertstate", "severity"}),
}

# ----------------------------------------------------------------------------- PromQL

_FUNCTIONS = {
    # aggregations
    "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values",
    "bottomk", "topk", "quantile", "limitk", "limit_ratio",
    # functions
    "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
    "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor",
    "histogram_quantile", "histogram_count", "histogram_sum", "histogram_fraction", "histogram_avg",
    "holt_winters", "hour", "idelta", "increase", "irate", "label_join", "label_replace", "ln",
    "log2", "log10", "minute", "month", "predict_linear", "rate", "resets", "round", "scalar",
    "sgn", "sort", "sort_desc", "sqrt", "time", "timestamp", "vector", "year",
    "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
    "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time",
    "present_over_time", "acos", "asin", "atan", "cos", "sin", "tan", "deg", "rad", "pi",
}
_KEYWORDS = {"and", "or", "unless", "bool", "offset", "atan2", "inf", "nan", "Inf", "NaN"}
_GROUPING = {"by", "without", "on", "ignoring", "group_left", "group_right"}

_TOKEN = re.compile(r"""
      "(?:\\.|[^"\\])*"              # string
    | '(?:\\.|[^'\\])*'
    | `[^`]*`
    | \[[^\]]*\]                     # range / subquery
    | \d+(?:ms|[smhdwy])(?:\d+(?:ms|[smhdwy]))*  # duration (offset 5m)
    | \d+(?:\.\d+)?(?:[eE][+-]?\d+)? # number
    | [A-Za-z_:][A-Za-z0-9_:]*       # identifier
    | =~ | !~ | != | == | >= | <=    # operators
    | \S
""", re.VERBOSE)


@dataclass
class Selector:
    metric: str
    matchers: dict[str, str]  # label name -> operator+value as written


@dataclass
class ParsedQuery:
    selectors: list[Selector]
    grouping_labels: set[str]


def parse_promql(expr: str) -> ParsedQuery:
    """A small PromQL scanner: the metric names selected, their label matchers,
    and the labels named in by/without/on/ignoring/group_left/group_right.

    Enough for the expressions we write (checked by promtool for syntax);
    Grafana variables ($__rate_interval, ${x}) are neutralised first.
    """
    expr = re.sub(r"\$\{?\w+(?::\w+)?\}?", "5m", expr)
    tokens = [m.group(0) for m in _TOKEN.finditer(expr)]
    selectors: list[Selector] = []
    grouping: set[str] = set()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in _GROUPING:
            if nxt == "(":
                j = i + 2
                while j < len(tokens) and tokens[j] != ")":
                    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", tokens[j]):
                        grouping.add(tokens[j])
                    j += 1
                i = j + 1
                continue
            i += 1
            continue
        if re.fullmatch(r"[A-Za-z_:][A-Za-z0-9_:]*", tok):
            if tok in _FUNCTIONS or tok in _KEYWORDS or nxt == "(":
                i += 1
                continue
            sel = Selector(tok, {})
            i += 1
            if i < len(tokens) and tokens[i] == "{":
                i = _matchers(tokens, i, sel)
            selectors.append(sel)
            continue
        if tok == "{":  # selector without a metric name
            sel = Selector("", {})
            i = _matchers(tokens, i, sel)
            name = sel.matchers.pop("__name__", None)
            if name is not None:
                sel.metric = name.lstrip("=").strip("\"'")
            selectors.append(sel)
            continue
        i += 1
    return ParsedQuery(selectors, grouping)


def _matchers(tokens: list[str], i: int, sel: Selector) -> int:
    """Consume ``{ label op "value", ... }`` starting at tokens[i] == "{"."""
    i += 1
    while i < len(tokens) and tokens[i] != "}":
        if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", tokens[i]) and i + 2 < len(tokens):
            op, value = tokens[i + 1], tokens[i + 2]
            sel.matchers[tokens[i]] = op + value
            i += 3
            continue
        i += 1
    return i + 1


def check_query(expr: str, exported: Exported, where: str) -> list[str]:
    """Problems of one PromQL expression against what pipeline/metrics.py exports."""
    problems = []
    parsed = parse_promql(expr)
    if not parsed.selectors:
        problems.append(f"{where}: no metric selected in {expr!r}")
    for sel in parsed.selectors:
        if sel.metric in SYNTHETIC:
            allowed = SYNTHETIC[sel.metric]
        elif exported.has(sel.metric):
            allowed = exported.labels[sel.metric] | exported.base_labels
        else:
            problems.append(f"{where}: metric {sel.metric!r} is not exported by pipeline/metrics.py")
            continue
        for label in sel.matchers:
            if label not in allowed:
                problems.append(f"{where}: {sel.metric} has no label {label!r} (labels: {sorted(allowed)})")
    for label in parsed.grouping_labels - exported.all_labels - {"le"}:
        problems.append(f"{where}: grouping by unknown label {label!r}")
    return problems
