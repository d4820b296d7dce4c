"""The docker compose stack and the worker image: parsed, wired, and every file
they refer to exists (no Docker engine needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.deploy.checks import DEPLOY, REPO

COMPOSE = DEPLOY / "compose" / "docker-compose.yml"
CONTRACT_TOPICS = ("chat.messages", "moderation.decisions", "moderation.warnings",
                   "moderation.escalations", "moderation.lost-found", "moderation.dead-letter",
                   "moderation.actions", "moderation.feedback", "moderation.deliveries", "moderation.review",
                   "moderation.reminders")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def _bind_sources(service: dict) -> list[tuple[Path, str]]:
    out = []
    for volume in service.get("volumes", []):
        source, _, target = volume.partition(":")
        if source.startswith((".", "/")):
            out.append(((COMPOSE.parent / source).resolve(), target.split(":")[0]))
    return out


def test_services(compose):
    assert set(compose["services"]) >= {"kafka", "topics", "worker", "prometheus", "grafana"}
    for name, service in compose["services"].items():
        for dep in service.get("depends_on", []):
            assert dep in compose["services"], f"{name} depends on unknown {dep}"


def test_kafka_is_kraft(compose):
    kafka = compose["services"]["kafka"]
    assert kafka["image"].startswith("apache/kafka:")
    env = kafka["environment"]
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"].startswith(f"{env['KAFKA_NODE_ID']}@kafka:")
    assert "healthcheck" in kafka


def test_topic_job_creates_the_contract_topics(compose):
    job = compose["services"]["topics"]
    assert job["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert job["restart"] == "no"
    assert job["environment"]["TOPICS"].split() == list(CONTRACT_TOPICS)
    assert "--if-not-exists" in job["command"][0]
    try:
        from pipeline.streams import topics
    except ImportError:  # streams layer not there: the contract list above stands
        return
    assert set(CONTRACT_TOPICS) == set(topics.ALL)


def test_worker(compose):
    worker = compose["services"]["worker"]
    assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    context = (COMPOSE.parent / worker["build"]["context"]).resolve()
    assert context == REPO
    assert (context / worker["build"]["dockerfile"]).is_file()
    env = worker["environment"]
    assert env["BINHYEN_KAFKA"] == "kafka:9092"
    assert str(env["BINHYEN_METRICS_PORT"]) in [str(p) for p in worker["expose"]]


def test_referenced_files_exist(compose):
    for name, service in compose["services"].items():
        for source, target in _bind_sources(service):
            assert source.exists(), f"{name}: {source} (mounted at {target}) does not exist"
    prometheus = dict((t, s) for s, t in _bind_sources(compose["services"]["prometheus"]))
    assert prometheus["/etc/prometheus/prometheus.yml"] == DEPLOY / "compose" / "prometheus.yml"
    assert prometheus["/etc/prometheus/alerts.yml"] == DEPLOY / "prometheus" / "alerts.yml"
    grafana = dict((t, s) for s, t in _bind_sources(compose["services"]["grafana"]))
    dashboards = [s for t, s in grafana.items() if t.endswith(".json")]
    assert dashboards == [DEPLOY / "grafana" / "binhyen-dashboard.json"]
    home = compose["services"]["grafana"]["environment"]["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"]
    assert home in grafana


def test_dockerfile():
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM\s+(\S+)", text, re.MULTILINE)
    assert froms and all(f == "python:3.11-slim" for f in froms), froms
    assert 'ENTRYPOINT ["binhyen"]' in text and 'CMD ["worker"]' in text
    from pipeline.settings import Settings

    assert f"EXPOSE {Settings().metrics_port}" in text
    for var in re.findall(r"\b(BINHYEN_\w+)=", text):
        assert hasattr(Settings(), var.removeprefix("BINHYEN_").lower()), var
    assert (DEPLOY / "Dockerfile.dockerignore").is_file()
    ignored = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").split()
    assert ".venv" in ignored and ".git" in ignored
    for needed in ("pipeline", "pyproject.toml"):  # what `pip install .` needs
        assert needed not in ignored and (REPO / needed).exists()
