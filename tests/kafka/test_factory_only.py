"""Every Kafka client of binhyen comes from pipeline.kafka.clients, so the security settings,
timeouts and record-size limits apply everywhere alike."""

from __future__ import annotations

import ast
from pathlib import Path

import pipeline

PACKAGE = Path(pipeline.__file__).resolve().parent
CLIENT_CLASSES = {"AIOKafkaProducer", "AIOKafkaConsumer", "AIOKafkaAdminClient"}


def constructions(source: str) -> list[tuple[int, str]]:
    """(line, class) of every call to an aiokafka client class, by name or attribute."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in CLIENT_CLASSES:
                found.append((node.lineno, name))
    return found


def test_the_scan_finds_a_construction():
    assert constructions("from aiokafka import AIOKafkaConsumer\nc = AIOKafkaConsumer('t')\n") == [
        (2, "AIOKafkaConsumer")]
    assert constructions("import aiokafka\np = aiokafka.AIOKafkaProducer()\n") == [(2, "AIOKafkaProducer")]
    assert constructions("x: 'AIOKafkaProducer' = make()\n") == []


def test_no_kafka_client_is_constructed_outside_the_factory():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "kafka") in path.parents:
            continue
        for line, name in constructions(path.read_text(encoding="utf-8")):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {name}(...)")
    assert not offenders, "build Kafka clients with pipeline.kafka.clients:\n" + "\n".join(offenders)
