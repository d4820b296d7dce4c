import pytest

from pipeline.cli.embedded_broker import EmbeddedBroker


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def broker(tmp_path):
    """A fresh embedded broker (memory storage) with every contract topic, per test."""
    with EmbeddedBroker(partitions=4, log_path=tmp_path / "broker.log") as b:
        yield b
