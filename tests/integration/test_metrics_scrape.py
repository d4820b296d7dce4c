"""A real Prometheus server scrapes a real worker that processed the scripted conversation;
the counts by category, rule, priority and reason are read back through Prometheus' HTTP API."""

import asyncio
import collections

from tests.deploy.prometheus_server import PrometheusServer
from tests.integration import scripted
from tests.integration.harness import WorkerProcess, collect, produce


def by_label(prom, promql, label):
    return {r["metric"][label]: round(float(r["value"][1])) for r in prom.query(promql)}


def test_prometheus_sees_the_expected_counts(broker, tmp_path):
    groups = tmp_path / "groups.toml"
    groups.write_text(scripted.GROUPS_TOML, encoding="utf-8")
    worker = WorkerProcess(broker.bootstrap, tmp_path, extra_env={"BINHYEN_GROUPS_FILE": str(groups)}).start()
    try:
        with PrometheusServer([f"127.0.0.1:{worker.metrics_port}"]) as prom:
            asyncio.run(produce(broker.bootstrap, scripted.values()))
            asyncio.run(collect(broker.bootstrap, ["moderation.decisions", "moderation.dead-letter"],
                                until=lambda o: len(o["moderation.decisions"]) >= len(scripted.SCRIPT)
                                and o["moderation.dead-letter"], timeout=120, settle=0))
            total = len(scripted.values())
            prom.wait_for('sum(binhyen_messages_consumed_total{job="binhyen"})',
                          lambda r: r and float(r[0]["value"][1]) >= total, timeout=60)

            expected_categories = collections.Counter(c for c, _ in scripted.EXPECTED_CATEGORIES.values())
            assert by_label(prom, 'sum by (category) (binhyen_decisions_total{job="binhyen"})',
                            "category") == dict(expected_categories)
            assert by_label(prom, 'sum by (urgent) (binhyen_decisions_total{job="binhyen"})', "urgent") == {
                "true": 1, "false": len(scripted.SCRIPT) - 1}
            expected_rules = collections.Counter(rule for _, rule, _, _ in scripted.EXPECTED_WARNINGS)
            assert by_label(prom, 'sum by (rule) (binhyen_warnings_total{job="binhyen"})', "rule") == dict(
                expected_rules)
            assert by_label(prom, 'sum by (action) (binhyen_warnings_total{job="binhyen"})', "action") == dict(
                collections.Counter(action for _, _, action, _ in scripted.EXPECTED_WARNINGS))
            assert by_label(prom, 'sum by (priority) (binhyen_escalations_total{job="binhyen"})',
                            "priority") == {"urgent": 1, "normal": 1}
            assert by_label(prom, 'sum by (reason) (binhyen_dead_letters_total{job="binhyen"})',
                            "reason") == {"bad_json": 1}
            assert prom.value('sum(binhyen_duplicate_messages_total{job="binhyen"})') == 1
            assert prom.value('sum(binhyen_lost_found_reports_total{job="binhyen"})') == 2
            assert prom.value('binhyen_model_fallback{job="binhyen"}') == 0
            (info,) = prom.query('binhyen_model_info{job="binhyen"} == 1')
            assert info["metric"]["version"] and not info["metric"]["version"].startswith("keywords")
            assert prom.value('sum(binhyen_end_to_end_latency_seconds_count{job="binhyen",source="sent_at"})') \
                == len(scripted.SCRIPT)
            assert prom.value('sum(binhyen_classifier_batch_size_sum{job="binhyen"})') == len(scripted.SCRIPT) + 1
    finally:
        worker.stop()
