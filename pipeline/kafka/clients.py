"""The one place where Kafka clients are built.

Every producer, consumer and admin client of every binhyen command and
service comes from here, so the security settings (TLS, SASL), the request
timeout and the record-size limit apply everywhere alike. A test checks that
no module outside this package constructs an aiokafka client itself.
"""

from __future__ import annotations

import ssl
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from pipeline.kafka import topics
from pipeline.settings import Settings

__all__ = ["admin", "consumer", "faust_credentials", "producer", "security_kwargs", "ssl_context"]


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    """The TLS context for SSL and SASL_SSL (the CA bundle of ``BINHYEN_KAFKA_SSL_CAFILE`` or the system's)."""
    if settings.kafka_security_protocol not in ("SSL", "SASL_SSL"):
        return None
    from aiokafka.helpers import create_ssl_context

    return create_ssl_context(cafile=settings.kafka_ssl_cafile or None)


def security_kwargs(settings: Settings) -> dict[str, Any]:
    """aiokafka keyword arguments for the configured security protocol (empty for PLAINTEXT)."""
    protocol = settings.kafka_security_protocol or "PLAINTEXT"
    if protocol == "PLAINTEXT":
        return {}
    kwargs: dict[str, Any] = {"security_protocol": protocol}
    context = ssl_context(settings)
    if context is not None:
        kwargs["ssl_context"] = context
    if protocol.startswith("SASL"):
        kwargs.update(sasl_mechanism=settings.kafka_sasl_mechanism or "PLAIN",
                      sasl_plain_username=settings.kafka_sasl_username,
                      sasl_plain_password=settings.kafka_sasl_password.get_secret_value())
    return kwargs


def _common(settings: Settings) -> dict[str, Any]:
    return {"bootstrap_servers": settings.bootstrap_servers,
            "request_timeout_ms": int(settings.kafka_request_timeout * 1000),
            **security_kwargs(settings)}


def producer(settings: Settings, **overrides: Any) -> AIOKafkaProducer:
    """A producer (not started): acks from all in-sync replicas, the project's record-size limit."""
    kwargs: dict[str, Any] = {**_common(settings), "acks": "all", "linger_ms": 5,
                              "max_request_size": topics.MAX_RECORD_BYTES}
    kwargs.update(overrides)
    return AIOKafkaProducer(**kwargs)


def consumer(settings: Settings, *topic_names: str, group_id: str | None = None,
             **overrides: Any) -> AIOKafkaConsumer:
    """A consumer (not started) of ``topic_names`` (none: assign partitions yourself).

    With ``group_id=None`` it never joins a group and never commits: the read-back and
    side readers use it so. Offsets are committed by hand unless ``enable_auto_commit``
    is passed."""
    kwargs: dict[str, Any] = {**_common(settings), "group_id": group_id, "enable_auto_commit": False,
                              "auto_offset_reset": "earliest",
                              "max_partition_fetch_bytes": topics.MAX_RECORD_BYTES,
                              "fetch_max_bytes": max(topics.MAX_RECORD_BYTES, 52428800)}
    if group_id is not None:
        kwargs.update(session_timeout_ms=int(settings.session_timeout * 1000),
                      heartbeat_interval_ms=int(settings.heartbeat_interval * 1000),
                      rebalance_timeout_ms=int(settings.rebalance_timeout * 1000))
    kwargs.update(overrides)
    return AIOKafkaConsumer(*topic_names, **kwargs)


def admin(settings: Settings, **overrides: Any) -> AIOKafkaAdminClient:
    """An admin client (not started)."""
    kwargs = {**_common(settings), **overrides}
    return AIOKafkaAdminClient(**kwargs)


def faust_credentials(settings: Settings) -> Any:
    """Faust's ``broker_credentials`` for the configured security protocol (None for PLAINTEXT)."""
    import faust

    protocol = settings.kafka_security_protocol or "PLAINTEXT"
    if protocol == "PLAINTEXT":
        return None
    if protocol.startswith("SASL"):
        return faust.SASLCredentials(
            username=settings.kafka_sasl_username,
            password=settings.kafka_sasl_password.get_secret_value(),
            mechanism=settings.kafka_sasl_mechanism or "PLAIN",
            ssl_context=ssl_context(settings))
    return faust.SSLCredentials(ssl_context(settings))
