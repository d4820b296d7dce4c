"""What moves through the streams layer: consumed records in, records to publish out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawRecord:
    """A consumed Kafka record, as the agent sees it."""

    value: bytes | None
    key: bytes | None
    topic: str
    partition: int
    offset: int
    timestamp: float | None = None  # Kafka timestamp, seconds since the epoch


@dataclass(frozen=True, slots=True)
class Emission:
    """One output record: published keyed by ``key`` (the group id) on ``topic``."""

    topic: str
    key: str  # group_id (or the raw key, decoded leniently, for dead letters)
    value: dict


#: A record as handed to the producer: (topic, key, value, partition or None for the key's partition).
OutRecord = tuple[str, bytes, bytes, "int | None"]

__all__ = ["Emission", "OutRecord", "RawRecord"]
