"""promtool over the Prometheus configuration, the alert rules and their unit tests,
and every alert expression checked against the metrics pipeline/metrics.py exports."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest
import yaml

from tests.deploy.checks import DEPLOY, REPO, check_query, exported_metrics, require_tool, run

PROM = DEPLOY / "prometheus"
ALERTS = PROM / "alerts.yml"
ALERTS_TEST = PROM / "alerts_test.yml"
SEVERITIES = {"critical", "warning", "info"}


def _rules() -> list[dict]:
    doc = yaml.safe_load(ALERTS.read_text(encoding="utf-8"))
    return [rule for group in doc["groups"] for rule in group["rules"]]


def _alert_names() -> list[str]:
    return [r["alert"] for r in _rules() if "alert" in r]


def test_promtool_check_rules():
    promtool = require_tool("promtool")
    result = run([promtool, "check", "rules", str(ALERTS)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(_rules())} rules found" in result.stdout


def test_promtool_test_rules():
    promtool = require_tool("promtool")
    result = run([promtool, "test", "rules", ALERTS_TEST.name], cwd=PROM)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_promtool_check_config(tmp_path: Path):
    """The main configuration, rule files included.

    Debian's promtool/prometheus are built without Kubernetes service discovery
    ("field kubernetes_sd_configs not found"). When that is the only problem,
    the file is checked again with each kubernetes_sd_configs swapped for an
    (empty) file_sd_configs, so everything else, relabelling included, is still
    validated by promtool; the Kubernetes part is then checked for shape here.
    """
    promtool = require_tool("promtool")
    config = PROM / "prometheus.yml"
    result = run([promtool, "check", "config", config.name], cwd=PROM)
    if result.returncode == 0:
        return
    output = result.stdout + result.stderr
    assert "field kubernetes_sd_configs not found" in output, output

    doc = yaml.safe_load(config.read_text(encoding="utf-8"))
    k8s_jobs = [job for job in doc["scrape_configs"] if "kubernetes_sd_configs" in job]
    assert k8s_jobs, "promtool rejected kubernetes_sd_configs but no job uses it"
    for job in k8s_jobs:
        assert [sd["role"] for sd in job.pop("kubernetes_sd_configs")] == ["pod"]
        job["file_sd_configs"] = [{"files": ["k8s-stand-in.json"]}]
    (tmp_path / "k8s-stand-in.json").write_text("[]", encoding="utf-8")
    for rule_file in doc["rule_files"]:
        shutil.copy(PROM / rule_file, tmp_path / rule_file)
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    result = run([promtool, "check", "config", "prometheus.yml"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    warnings.warn("this promtool has no Kubernetes service discovery (Debian build): "
                  "kubernetes_sd_configs checked for shape only", UserWarning, stacklevel=1)


def test_promtool_check_compose_config(tmp_path: Path):
    """deploy/compose/prometheus.yml with its rule file path mapped to the repository's."""
    promtool = require_tool("promtool")
    doc = yaml.safe_load((DEPLOY / "compose" / "prometheus.yml").read_text(encoding="utf-8"))
    assert doc["rule_files"] == ["/etc/prometheus/alerts.yml"]
    doc["rule_files"] = [str(ALERTS)]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    result = run([promtool, "check", "config", "prometheus.yml"], cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_config_wiring():
    main = yaml.safe_load((PROM / "prometheus.yml").read_text(encoding="utf-8"))
    assert main["rule_files"] == ["alerts.yml"]
    jobs = {job["job_name"]: job for job in main["scrape_configs"]}
    assert jobs["binhyen"]["static_configs"][0]["targets"] == ["127.0.0.1:9464"]
    relabel = jobs["binhyen-kubernetes"]["relabel_configs"]
    assert {"target_label": "job", "replacement": "binhyen"} in relabel, "k8s targets must land in job=binhyen"
    annotations = {r.get("source_labels", [None])[-1] for r in relabel}
    for name in ("scrape", "port", "path"):
        assert f"__meta_kubernetes_pod_annotation_prometheus_io_{name}" in annotations
    # A target label named like a metric label would rename the metric's label.
    exported = exported_metrics()
    metric_labels = exported.all_labels - exported.base_labels
    clashes = {r["target_label"] for r in relabel if "target_label" in r} & metric_labels
    assert not clashes, f"target labels shadow metric labels: {clashes}"


def test_every_alert_is_well_formed():
    names = _alert_names()
    assert len(names) == len(set(names)), "duplicate alert names"
    readme = (DEPLOY / "README.md").read_text(encoding="utf-8")
    headings = {m.lower() for m in re.findall(r"^#+\s+(\w+)\s*$", readme, re.MULTILINE)}
    for rule in _rules():
        name = rule["alert"]
        assert rule["labels"]["severity"] in SEVERITIES, name
        for key in ("summary", "description", "runbook"):
            assert rule["annotations"].get(key), f"{name}: no {key} annotation"
        assert rule["annotations"]["runbook"].startswith(f"deploy/README.md#{name.lower()}"), name
        assert name.lower() in headings, f"{name}: no runbook heading '### {name}' in deploy/README.md"


def test_alert_expressions_use_exported_metrics_and_bounded_labels():
    exported = exported_metrics()
    problems = []
    for rule in _rules():
        problems += check_query(rule["expr"], exported, rule["alert"])
        assert 'job="binhyen"' in rule["expr"], f"{rule['alert']}: select job=\"binhyen\""
    assert not problems, "\n".join(problems)


def test_required_alerts_exist():
    exprs = {r["alert"]: r["expr"] for r in _rules()}
    joined = "\n".join(exprs.values())
    assert any(re.search(r"\bup\{[^}]*\}\s*==\s*0", e) for e in exprs.values()), "worker down"
    for needle in ("binhyen_consumer_lag_messages", "binhyen_dead_letters_total",
                   'binhyen_emit_errors_total{job="binhyen", topic="moderation.escalations"}',
                   'priority="urgent"', "binhyen_end_to_end_latency_seconds_bucket",
                   "binhyen_model_fallback", "binhyen_model_load_failures_total"):
        assert needle in joined, needle


def test_every_alert_has_a_firing_and_a_silent_case():
    doc = yaml.safe_load(ALERTS_TEST.read_text(encoding="utf-8"))
    assert doc["rule_files"] == ["alerts.yml"]
    firing: set[str] = set()
    silent: set[str] = set()
    for test in doc["tests"]:
        for case in test.get("alert_rule_test", []):
            (firing if case.get("exp_alerts") else silent).add(case["alertname"])
    names = set(_alert_names())
    assert names - firing == set(), f"alerts never tested firing: {sorted(names - firing)}"
    assert names - silent == set(), f"alerts never tested silent: {sorted(names - silent)}"
    assert (firing | silent) - names == set(), "tests name alerts that do not exist"


@pytest.mark.parametrize("path", ["deploy/scripts/ensure-tools.sh"])
def test_ensure_tools_is_idempotent(path: str):
    """With the tools present (they are by now) the script changes nothing and exits 0."""
    require_tool("promtool")
    require_tool("prometheus")
    result = run(["bash", path], cwd=REPO, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "present" in result.stdout
    assert run(["bash", "-n", path], cwd=REPO).returncode == 0
