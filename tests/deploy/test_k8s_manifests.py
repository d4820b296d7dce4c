"""Kubernetes manifests: schema-validated offline with kubernetes-validate (it
ships the schemas), plus the wiring between them and with pipeline/settings.py."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.deploy.checks import DEPLOY

import kubernetes_validate  # noqa: E402  (a hard dependency of the test extras: fail, never skip)

K8S = DEPLOY / "k8s"
KUBERNETES_VERSION = "1.30.0"
# TLS/SASL variables proposed for pipeline/settings.py (deploy/README.md).
PROPOSED_SETTINGS = {
    "BINHYEN_KAFKA_SECURITY_PROTOCOL", "BINHYEN_KAFKA_SASL_MECHANISM", "BINHYEN_KAFKA_SASL_USERNAME",
    "BINHYEN_KAFKA_SASL_PASSWORD", "BINHYEN_KAFKA_SSL_CAFILE",
}
FILES = sorted(K8S.rglob("*.yaml"))


def _docs(path: Path) -> list[dict]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]


def _by_kind() -> dict[tuple[str, str], dict]:
    out = {}
    for path in FILES:
        if "examples" in path.parts:
            continue
        for doc in _docs(path):
            out[(doc["kind"], doc["metadata"]["name"])] = doc
    return out


def _settings_vars() -> set[str]:
    from pipeline.settings import Settings

    return set(Settings.variables())


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(K8S)))
def test_schema_valid(path: Path):
    docs = _docs(path)
    assert docs, f"{path} holds no manifest"
    for doc in docs:
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{path.name} {doc.get('kind')}/{doc['metadata'].get('name')}: {exc}")


def test_schema_validation_rejects_a_broken_manifest():
    """Guard against a validator that passes everything (e.g. no schema found)."""
    deployment = _by_kind()[("Deployment", "binhyen-worker")]
    broken = yaml.safe_load(yaml.safe_dump(deployment))
    broken["spec"]["template"]["spec"]["containers"][0]["envFrom"][0]["configMapRef"]["nmae"] = "x"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_expected_objects():
    objects = _by_kind()
    for key in [("Deployment", "binhyen-worker"), ("Service", "binhyen-worker-metrics"),
                ("ConfigMap", "binhyen-env"), ("ConfigMap", "binhyen-groups"),
                ("PodDisruptionBudget", "binhyen-worker")]:
        assert key in objects, key


def test_deployment_wiring():
    objects = _by_kind()
    deployment = objects[("Deployment", "binhyen-worker")]
    env = objects[("ConfigMap", "binhyen-env")]["data"]
    pod = deployment["spec"]["template"]
    labels = pod["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert labels["app.kubernetes.io/name"] == "binhyen"  # what Prometheus' pod discovery keeps

    # Replicas beyond the input partitions sit idle.
    assert deployment["spec"]["replicas"] <= int(env["BINHYEN_PARTITIONS"])

    # Only real (or proposed) settings; every value a string.
    assert set(env) <= _settings_vars(), set(env) - _settings_vars()
    assert all(isinstance(v, str) for v in env.values())
    secret = _docs(K8S / "examples" / "secret-kafka.yaml")[0]
    assert set(secret["stringData"]) <= _settings_vars() | PROPOSED_SETTINGS

    port = int(env["BINHYEN_METRICS_PORT"])
    annotations = pod["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert int(annotations["prometheus.io/port"]) == port
    container = pod["spec"]["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports["metrics"] == port
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["port"] in ("metrics", port), probe
    assert container["resources"]["requests"] and container["resources"]["limits"]

    refs = {src["configMapRef"]["name"] for src in container["envFrom"] if "configMapRef" in src}
    assert refs == {"binhyen-env"}
    kafka_secret = [src["secretRef"] for src in container["envFrom"] if "secretRef" in src]
    assert kafka_secret == [{"name": "binhyen-kafka", "optional": True}]

    volumes = {v["name"]: v for v in pod["spec"]["volumes"]}
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    groups_cm = volumes["groups"]["configMap"]["name"]
    assert ("ConfigMap", groups_cm) in objects
    assert "groups.toml" in objects[("ConfigMap", groups_cm)]["data"]
    assert env["BINHYEN_GROUPS_FILE"] == f"{mounts['groups']}/groups.toml"
    assert env["BINHYEN_DATA_DIR"] == mounts["data"]


def test_groups_configmap_is_valid_toml():
    import tomllib

    data = _by_kind()[("ConfigMap", "binhyen-groups")]["data"]["groups.toml"]
    tomllib.loads(data)


def test_service_and_pdb_select_the_workers():
    objects = _by_kind()
    labels = objects[("Deployment", "binhyen-worker")]["spec"]["template"]["metadata"]["labels"]
    service = objects[("Service", "binhyen-worker-metrics")]
    assert service["spec"]["selector"].items() <= labels.items()
    assert service["spec"]["ports"][0]["targetPort"] == "metrics"
    pdb = objects[("PodDisruptionBudget", "binhyen-worker")]
    assert pdb["spec"]["selector"]["matchLabels"].items() <= labels.items()
