"""The Grafana dashboard: valid JSON, a datasource variable, and PromQL that only
names metrics (and labels) pipeline/metrics.py really exports."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.deploy.checks import DEPLOY, check_query, exported_metrics

DASHBOARD = DEPLOY / "grafana" / "binhyen-dashboard.json"


@pytest.fixture(scope="module")
def dashboard() -> dict:
    return json.loads(DASHBOARD.read_text(encoding="utf-8"))


def _panels(dashboard: dict) -> list[dict]:
    out = []
    for panel in dashboard["panels"]:
        out.append(panel)
        out.extend(panel.get("panels", []))  # collapsed rows
    return out


def _queries(dashboard: dict) -> list[tuple[str, str]]:
    return [(f"panel {p['title']!r} {t['refId']}", t["expr"])
            for p in _panels(dashboard) for t in p.get("targets", [])]


def test_datasource_is_a_variable(dashboard):
    variables = {v["name"]: v for v in dashboard["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource"
    assert variables["datasource"]["query"] == "prometheus"
    for panel in _panels(dashboard):
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        for target in panel["targets"]:
            assert target["datasource"]["uid"] == "${datasource}", panel["title"]
    assert "uid\": \"prometheus\"" not in DASHBOARD.read_text(encoding="utf-8"), "hard-coded datasource uid"


def test_panel_layout(dashboard):
    ids = [p["id"] for p in _panels(dashboard)]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in _panels(dashboard):
        pos = panel["gridPos"]
        assert pos["x"] + pos["w"] <= 24, panel["title"]
        if panel["type"] != "row":
            assert panel["targets"], f"{panel['title']}: no query"


def test_every_query_uses_exported_metrics_and_labels(dashboard):
    exported = exported_metrics()
    problems = []
    for where, expr in _queries(dashboard):
        problems += check_query(expr, exported, where)
    for var in dashboard["templating"]["list"]:
        if var["type"] != "query":
            continue
        query = var["query"]["query"] if isinstance(var["query"], dict) else var["query"]
        m = re.fullmatch(r"label_values\((.+),\s*(\w+)\)", query)
        assert m, f"variable {var['name']}: unexpected query {query!r}"
        problems += check_query(m.group(1), exported, f"variable {var['name']}")
    assert not problems, "\n".join(problems)


def test_required_views_present(dashboard):
    exprs = "\n".join(expr for _, expr in _queries(dashboard))
    required = {
        "throughput by category": r"sum by \(category\) \(rate\(binhyen_decisions_total",
        "warnings by rule": r"sum by \(rule, action\) \(rate\(binhyen_warnings_total",
        "urgent escalations": r'binhyen_escalations_total\{[^}]*priority="urgent"',
        "latency p50": r"histogram_quantile\(0\.5, [^\n]*binhyen_end_to_end_latency_seconds_bucket",
        "latency p99": r"histogram_quantile\(0\.99, [^\n]*binhyen_end_to_end_latency_seconds_bucket",
        "consumer lag": r"binhyen_consumer_lag_messages",
        "dead letters by reason": r"sum by \(reason\) \(increase\(binhyen_dead_letters_total",
        "model version": r"binhyen_model_info",
        "model fallback": r"binhyen_model_fallback",
    }
    missing = [name for name, pattern in required.items() if not re.search(pattern, exprs)]
    assert not missing, f"dashboard lacks: {missing}"


def test_provisioning_points_at_the_dashboard():
    prov = DEPLOY / "grafana" / "provisioning"
    ds = yaml.safe_load((prov / "datasources" / "prometheus.yml").read_text(encoding="utf-8"))
    assert ds["datasources"][0]["type"] == "prometheus"
    assert ds["datasources"][0]["url"] == "http://prometheus:9090"
    boards = yaml.safe_load((prov / "dashboards" / "binhyen.yml").read_text(encoding="utf-8"))
    assert boards["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards/binhyen"
