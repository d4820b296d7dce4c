"""The real-Prometheus helper against a tiny prometheus_client HTTP server in this process."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry, Counter, start_http_server

from tests.deploy.checks import DEPLOY, require_tool
from tests.deploy.prometheus_server import PrometheusError, PrometheusServer, free_port


@pytest.fixture()
def exporter():
    registry = CollectorRegistry()
    counter = Counter("binhyen_test_events_total", "Events counted by the test.", ["kind"], registry=registry)
    port = free_port()
    server, thread = start_http_server(port, addr="127.0.0.1", registry=registry)
    try:
        yield port, counter
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_scrapes_and_queries(exporter):
    require_tool("prometheus")
    port, counter = exporter
    counter.labels(kind="tip").inc(3)
    with PrometheusServer(f"127.0.0.1:{port}") as prom:
        result = prom.wait_for('binhyen_test_events_total{kind="tip"}',
                               lambda r: bool(r) and float(r[0]["value"][1]) == 3.0)
        assert result[0]["metric"]["job"] == "binhyen"
        assert result[0]["metric"]["instance"] == f"127.0.0.1:{port}"

        counter.labels(kind="tip").inc(4)  # seen at the next 1 s scrape
        prom.wait_for('binhyen_test_events_total{kind="tip"}',
                      lambda r: bool(r) and float(r[0]["value"][1]) == 7.0, timeout=15)
        assert prom.value(f'up{{job="binhyen", instance="127.0.0.1:{port}"}}') == 1.0
        assert prom.value('binhyen_test_events_total{kind="nothing"}') is None
        assert [t["health"] for t in prom.targets_health()] == ["up"]
        with pytest.raises(PrometheusError, match="bad_data"):
            prom.query("sum(")
        process = prom.process
    assert process.poll() is not None, "prometheus still running after the with block"
    assert prom.process is None


def test_loads_the_alert_rules(exporter):
    """The shipped rules load; with nothing of binhyen exported, BinhyenWorkerDown stays quiet."""
    require_tool("prometheus")
    port, _ = exporter
    with PrometheusServer(f"127.0.0.1:{port}", rule_files=[DEPLOY / "prometheus" / "alerts.yml"]) as prom:
        groups = prom._get("/api/v1/rules")["groups"]
        names = {rule["name"] for group in groups for rule in group["rules"]}
        assert "BinhyenWorkerDown" in names
        prom.wait_for('up{job="binhyen"}', lambda r: bool(r) and r[0]["value"][1] == "1")
        assert not [a for a in prom.alerts() if a["labels"]["alertname"] == "BinhyenWorkerDown"]


def test_reports_a_bad_start(tmp_path):
    require_tool("prometheus")
    bad_rules = tmp_path / "bad.yml"
    bad_rules.write_text("groups: [{name: x, rules: [{alert: A, expr: 'sum('}]}]\n")
    with pytest.raises(PrometheusError, match="exited"):
        PrometheusServer("127.0.0.1:1", rule_files=[bad_rules], startup_timeout=20).start()
