from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.domain.groups import GroupsConfig, load_groups

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def groups() -> GroupsConfig:
    return load_groups(REPO / "configs" / "groups.toml")
