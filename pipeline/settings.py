"""All settings, read once from ``BINHYEN_*`` environment variables into one frozen object.

Declared with pydantic-settings: every field maps to ``BINHYEN_<FIELD>`` (upper
case), bounds and choices are declared next to the field, secrets are
``SecretStr`` (they never show in a repr or a log line), and a bad value is
reported as :class:`SettingsError` naming the variable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Mapping

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BROKER_PORT = 19092
ENV_PREFIX = "BINHYEN_"


class SettingsError(ValueError):
    """A ``BINHYEN_*`` variable holds a value that cannot be used."""



class Settings(BaseSettings):
    """Every knob of binhyen. Each field maps to ``BINHYEN_<FIELD>`` (upper case)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="ignore",
                                      env_ignore_empty=True, case_sensitive=False)

    # --- Kafka and the worker -------------------------------------------------------------
    kafka: str = f"127.0.0.1:{DEFAULT_BROKER_PORT}"  # bootstrap servers, comma separated
    app_id: str = "binhyen"  # Faust app id = consumer group id, table changelog prefix
    partitions: int = Field(4, ge=1)  # partitions of every topic we create
    replication: int = Field(1, ge=1)  # replication factor of topics we create
    groups_file: str = str(REPO_ROOT / "configs" / "groups.toml")
    model_path: str = str(REPO_ROOT / "models" / "binhyen-classifier.skops")
    data_dir: str = ".binhyen-data"  # local state: Faust's datadir, token store, inbox database
    metrics_port: int = Field(9464, ge=0, lt=65536)  # Prometheus /metrics of the worker (0 disables)
    log_level: Literal["debug", "info", "warning", "error", "critical"] = "info"
    batch_size: int = Field(256, ge=1)  # max messages classified in one batch
    batch_timeout: float = Field(0.05, gt=0)  # seconds to wait filling a batch
    fetch_max_wait: float = Field(0.05, ge=0, le=30)  # seconds the broker may hold the worker's empty fetch
    classifier_process: Literal["auto", "on", "off"] = "auto"  # the model in a child process (auto: 2+ CPUs)
    session_timeout: float = Field(30.0, gt=0)  # consumer group session timeout, seconds
    heartbeat_interval: float = Field(3.0, gt=0)  # seconds
    rebalance_timeout: float = Field(30.0, gt=0)  # seconds
    seen_ids_per_group: int = Field(1000, ge=1)  # idempotency window: recent message ids per group
    readback_per_partition: int = Field(5000, ge=0)  # output records re-read per partition after an assignment
    kafka_request_timeout: float = Field(30.0, gt=0)  # seconds, every Kafka request of every client
    kafka_security_protocol: Literal["", "PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = ""
    kafka_sasl_mechanism: Literal["", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = ""
    kafka_sasl_username: str = ""
    kafka_sasl_password: SecretStr = SecretStr("")
    kafka_ssl_cafile: str = ""  # CA bundle for SSL / SASL_SSL (default: the system's)

    # --- gateway (HTTP ingress) -----------------------------------------------------------
    gateway_port: int = Field(8080, ge=0, lt=65536)
    zalo_app_id: str = ""
    zalo_oa_secret: SecretStr = SecretStr("")  # the OA secret key that signs webhook events
    zalo_signature_scheme: Literal["sha256", "hmac-sha256"] = "sha256"
    webhook_max_age: float = Field(300.0, gt=0)  # seconds: older webhook events are refused
    ingest_token: SecretStr = SecretStr("")  # bearer token of POST /ingest (empty: endpoint off)
    gateway_max_body_bytes: int = Field(1024 * 1024, ge=1024)
    private_tips_group: str = "zalo-private-tips"  # group_id given to 1:1 tips sent to the OA
    gateway_produce_timeout: float = Field(1.5, gt=0, le=10)  # seconds for the broker's ack (Zalo waits 2 s)

    # --- deliver (outputs to people) ------------------------------------------------------
    zalo_api_base: str = "https://openapi.zalo.me"
    zalo_oauth_base: str = "https://oauth.zaloapp.com"
    zalo_app_secret: SecretStr = SecretStr("")  # app secret for the token refresh call
    zalo_refresh_token: SecretStr = SecretStr("")  # first refresh token (then the token store owns it)
    webhook_url: str = ""  # outbound signed webhook receiving every delivered record
    webhook_secret: SecretStr = SecretStr("")  # whsec_... secret for Standard Webhooks signatures
    deliver_dry_run: bool = False  # log what would be sent, send nothing
    deliver_metrics_port: int = Field(9465, ge=0, lt=65536)
    deliver_group_id: str = ""  # consumer group of `binhyen deliver` (empty: "<app_id>-deliver")
    deliver_zalo_concurrency: int = Field(4, ge=1, le=64)  # Zalo calls in flight (no idempotency key: keep small)
    deliver_webhook_concurrency: int = Field(8, ge=1, le=256)  # requests in flight per webhook endpoint
    deliver_max_pending: int = Field(500, ge=1)  # records fetched but not finished before fetching pauses
    deliver_max_attempts: int = Field(10, ge=1)  # failed attempts per delivery before it is parked
    deliver_retry_base: float = Field(0.5, gt=0)  # seconds: first backoff (full jitter, doubling)
    deliver_retry_cap: float = Field(60.0, gt=0)  # seconds: longest backoff between attempts
    deliver_http_timeout: float = Field(10.0, gt=0)  # seconds, every HTTP call (Zalo, OAuth, webhooks)
    deliver_readback_per_partition: int = Field(200_000, ge=0)  # moderation.deliveries records re-read at start
    zalo_retryable_codes: str = "-32,-214"  # Zalo `error` codes retried with backoff (comma separated)
    zalo_token_error_codes: str = "-216"  # codes meaning "access token invalid/expired": refresh and retry
    zalo_token_refresh_margin: float = Field(3600.0, ge=0)  # seconds before expiry the token is refreshed
    zalo_text_limit: int = Field(2000, ge=100)  # characters per Zalo message (longer texts are cut)

    # --- inbox (web) ----------------------------------------------------------------------
    inbox_port: int = Field(8070, ge=0, lt=65536)
    database_url: SecretStr = SecretStr("")  # empty: SQLite under data_dir
    accounts_file: str = str(REPO_ROOT / "configs" / "accounts.toml")
    inbox_secret_key: SecretStr = SecretStr("")  # signs session cookies (empty: random per start)
    inbox_https_only: bool = False  # session cookie only over HTTPS (set true behind TLS)
    inbox_ack_minutes: float = Field(15.0, gt=0)  # an urgent tip not acknowledged within this is flagged
    inbox_login_max_failures: int = Field(5, ge=1)  # wrong passwords (account + address) before a lock
    inbox_login_lock_minutes: float = Field(15.0, gt=0)  # how long that lock lasts
    inbox_reminder_rounds: int = Field(3, ge=0)  # re-notifications of an unacknowledged urgent case (0: none)
    inbox_overdue_check_seconds: float = Field(15.0, gt=0)  # how often overdue urgent cases are looked for

    @field_validator("kafka_security_protocol", "kafka_sasl_mechanism", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("kafka")
    @classmethod
    def _bootstrap_not_empty(cls, value: str) -> str:
        if not [s for s in value.split(",") if s.strip()]:
            raise ValueError("is empty")
        return value

    @model_validator(mode="after")
    def _sasl_needs_credentials(self) -> "Settings":
        if self.kafka_security_protocol.startswith("SASL") and not (
                self.kafka_sasl_username and self.kafka_sasl_password.get_secret_value()):
            raise ValueError("SASL needs BINHYEN_KAFKA_SASL_USERNAME and BINHYEN_KAFKA_SASL_PASSWORD")
        return self

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "Settings":
        """Settings from the environment (or from ``env``), or :class:`SettingsError` naming the variable."""
        try:
            if env is None:
                return cls()
            values = {k[len(ENV_PREFIX):].lower(): v for k, v in env.items()
                      if k.upper().startswith(ENV_PREFIX) and v != ""}
            return cls.model_validate(values)
        except ValidationError as exc:
            raise SettingsError(_describe(exc)) from None

    @property
    def bootstrap_servers(self) -> list[str]:
        return [s.strip() for s in self.kafka.split(",") if s.strip()]

    @property
    def is_embedded_default(self) -> bool:
        """True when BINHYEN_KAFKA points at the local embedded broker address."""
        return self.bootstrap_servers == [f"127.0.0.1:{DEFAULT_BROKER_PORT}"]

    @classmethod
    def variables(cls) -> list[str]:
        """Every ``BINHYEN_*`` variable, in declaration order."""
        return [ENV_PREFIX + name.upper() for name in cls.model_fields]


def _describe(exc: ValidationError) -> str:
    """One line per bad variable: ``BINHYEN_PARTITIONS='0': must be >= 1``."""
    lines = []
    for error in exc.errors():
        loc = [str(part) for part in error.get("loc", ())]
        message = error.get("msg", "invalid").removeprefix("Value error, ")
        if loc:
            name = ENV_PREFIX + loc[0].upper()
            value = error.get("input")
            shown = "" if "secret" in loc[0] or "password" in loc[0] or "token" in loc[0] else f"={value!r}"
            lines.append(f"{name}{shown}: {message}")
        else:
            lines.append(message)
    return "; ".join(lines)
