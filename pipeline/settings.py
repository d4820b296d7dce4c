"""All settings, read once from ``BINHYEN_*`` environment variables into one frozen object."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Mapping

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BROKER_PORT = 19092


class SettingsError(ValueError):
    """A ``BINHYEN_*`` variable holds a value that cannot be used."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of binhyen. Each field maps to ``BINHYEN_<FIELD>`` (upper case)."""

    kafka: str = f"127.0.0.1:{DEFAULT_BROKER_PORT}"  # bootstrap servers, comma separated
    app_id: str = "binhyen"  # Faust app id = consumer group id, table changelog prefix
    partitions: int = 4  # partitions of every topic we create
    replication: int = 1  # replication factor of topics we create
    groups_file: str = str(REPO_ROOT / "configs" / "groups.toml")
    model_path: str = str(REPO_ROOT / "models" / "binhyen-classifier.skops")
    data_dir: str = ".binhyen-data"  # Faust local state (tables' local cache)
    metrics_port: int = 9464  # Prometheus /metrics (Faust's web port is 6066)
    log_level: str = "info"
    batch_size: int = 256  # max messages classified in one batch
    batch_timeout: float = 0.05  # seconds to wait filling a batch
    session_timeout: float = 30.0  # consumer group session timeout, seconds
    heartbeat_interval: float = 3.0  # seconds
    rebalance_timeout: float = 30.0  # seconds
    seen_ids_per_group: int = 1000  # idempotency window: recent message ids remembered per group
    readback_per_partition: int = 5000  # output records re-read per partition after an assignment
    kafka_security_protocol: str = ""  # PLAINTEXT (default), SSL, SASL_PLAINTEXT or SASL_SSL
    kafka_sasl_mechanism: str = ""  # PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
    kafka_sasl_username: str = ""
    kafka_sasl_password: str = ""
    kafka_ssl_cafile: str = ""  # CA bundle for SSL / SASL_SSL (default: the system's)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"BINHYEN_{f.name.upper()}"
            raw = env.get(name)
            if raw is None or raw == "":
                continue
            typ = type(f.default)
            try:
                values[f.name] = typ(raw)
            except ValueError:
                raise SettingsError(f"{name}={raw!r} is not a valid {typ.__name__}") from None
        settings = cls(**values)  # type: ignore[arg-type]
        settings.check()
        return settings

    def check(self) -> None:
        if self.partitions < 1:
            raise SettingsError("BINHYEN_PARTITIONS must be at least 1")
        if self.batch_size < 1:
            raise SettingsError("BINHYEN_BATCH_SIZE must be at least 1")
        if not self.kafka.strip():
            raise SettingsError("BINHYEN_KAFKA is empty")
        if not 0 <= self.metrics_port < 65536:
            raise SettingsError("BINHYEN_METRICS_PORT must be a port number (0 disables /metrics)")

        protocol = self.kafka_security_protocol.upper()
        if protocol and protocol not in ("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"):
            raise SettingsError("BINHYEN_KAFKA_SECURITY_PROTOCOL must be PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL")
        if protocol.startswith("SASL") and not (self.kafka_sasl_username and self.kafka_sasl_password):
            raise SettingsError("SASL needs BINHYEN_KAFKA_SASL_USERNAME and BINHYEN_KAFKA_SASL_PASSWORD")
        if self.kafka_sasl_mechanism and self.kafka_sasl_mechanism.upper() not in (
                "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"):
            raise SettingsError("BINHYEN_KAFKA_SASL_MECHANISM must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512")

    def kafka_client_kwargs(self) -> dict[str, object]:
        """Security settings for every aiokafka client (producer, consumer, admin)."""
        protocol = (self.kafka_security_protocol or "PLAINTEXT").upper()
        if protocol == "PLAINTEXT":
            return {}
        from aiokafka.helpers import create_ssl_context

        kwargs: dict[str, object] = {"security_protocol": protocol}
        if protocol in ("SSL", "SASL_SSL"):
            kwargs["ssl_context"] = create_ssl_context(cafile=self.kafka_ssl_cafile or None)
        if protocol.startswith("SASL"):
            kwargs.update(sasl_mechanism=(self.kafka_sasl_mechanism or "PLAIN").upper(),
                          sasl_plain_username=self.kafka_sasl_username,
                          sasl_plain_password=self.kafka_sasl_password)
        return kwargs

    @property
    def bootstrap_servers(self) -> list[str]:
        return [s.strip() for s in self.kafka.split(",") if s.strip()]

    @property
    def is_embedded_default(self) -> bool:
        """True when BINHYEN_KAFKA points at the local embedded broker address."""
        return self.bootstrap_servers == [f"127.0.0.1:{DEFAULT_BROKER_PORT}"]

    @staticmethod
    def documented() -> list[tuple[str, object, str]]:
        """(variable, default, comment) for every setting, for ``--help`` and the README."""
        return [(f"BINHYEN_{f.name.upper()}", f.default, "") for f in fields(Settings)]
