"""The gateway's deployment bits: Kubernetes manifests, compose service, Prometheus scrape, alert wiring."""

from __future__ import annotations

from pathlib import Path

import yaml

from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"


def _k8s() -> dict[tuple[str, str], dict]:
    docs = yaml.safe_load_all((DEPLOY / "k8s" / "gateway.yaml").read_text(encoding="utf-8"))
    return {(d["kind"], d["metadata"]["name"]): d for d in docs if d}


def test_k8s_gateway_deployment_service_and_probes():
    objects = _k8s()
    deployment = objects[("Deployment", "binhyen-gateway")]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert labels["app.kubernetes.io/name"] == "binhyen" and labels["app.kubernetes.io/component"] == "gateway"
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    container = pod["spec"]["containers"][0]
    assert container["args"][0] == "gateway"
    port = {p["name"]: p["containerPort"] for p in container["ports"]}["http"]
    assert container["args"][container["args"].index("--port") + 1] == str(port)
    assert container["readinessProbe"]["httpGet"] == {"path": "/healthz", "port": "http"}
    assert container["livenessProbe"]["httpGet"]["path"] == "/metrics"  # a broker outage must not restart it
    annotations = pod["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true" and int(annotations["prometheus.io/port"]) == port
    service = objects[("Service", "binhyen-gateway")]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == "http"
    # the worker's Service and PDB must not select gateway pods
    worker_service = yaml.safe_load((DEPLOY / "k8s" / "service.yaml").read_text(encoding="utf-8"))
    assert not worker_service["spec"]["selector"].items() <= labels.items()
    variables = set(Settings.variables())
    assert {e["name"] for e in container["env"]} <= variables
    secret_names = [s["secretRef"]["name"] for s in container["envFrom"] if "secretRef" in s]
    assert "binhyen-gateway" in secret_names
    example = yaml.safe_load((DEPLOY / "k8s" / "examples" / "secret-gateway.yaml").read_text(encoding="utf-8"))
    assert example["metadata"]["name"] == "binhyen-gateway"
    assert set(example["stringData"]) == {"BINHYEN_ZALO_APP_ID", "BINHYEN_ZALO_OA_SECRET", "BINHYEN_INGEST_TOKEN"}
    assert set(example["stringData"]) <= variables


def test_compose_gateway_service_and_scrape():
    compose = yaml.safe_load((DEPLOY / "compose" / "docker-compose.yml").read_text(encoding="utf-8"))
    gateway = compose["services"]["gateway"]
    assert gateway["command"][:1] == ["gateway"] and gateway["image"] == compose["services"]["worker"]["image"]
    assert gateway["environment"]["BINHYEN_KAFKA"] == "kafka:9092"
    assert set(gateway["environment"]) <= set(Settings.variables())
    assert "8080:8080" in gateway["ports"] and "/healthz" in " ".join(gateway["healthcheck"]["test"])
    prom = yaml.safe_load((DEPLOY / "compose" / "prometheus.yml").read_text(encoding="utf-8"))
    job = {j["job_name"]: j for j in prom["scrape_configs"]}["binhyen"]
    assert {"names": ["gateway"], "type": "A", "port": 8080, "refresh_interval": "15s"} in job["dns_sd_configs"]


def test_local_prometheus_scrapes_the_gateway_in_job_binhyen():
    prom = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    job = {j["job_name"]: j for j in prom["scrape_configs"]}["binhyen"]
    targets = [t for sc in job["static_configs"] for t in sc["targets"]]
    assert f"127.0.0.1:{Settings().gateway_port}" in targets


def test_gateway_alerts_exist():
    doc = yaml.safe_load((DEPLOY / "prometheus" / "alerts.yml").read_text(encoding="utf-8"))
    rules = {r["alert"]: r for g in doc["groups"] for r in g["rules"]}
    assert "binhyen_gateway_signature_failures_total" in rules["BinhyenGatewaySignatureFailures"]["expr"]
    assert 'code=~"5.."' in rules["BinhyenGateway5xx"]["expr"]
    # a gateway that is up must not count as a worker
    assert "binhyen_gateway_broker_up" in rules["BinhyenNoWorkers"]["expr"]
