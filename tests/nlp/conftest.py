from __future__ import annotations

import pytest

from pipeline.settings import Settings


@pytest.fixture(scope="session")
def shipped_model_path() -> str:
    return Settings().model_path


@pytest.fixture(scope="session")
def model(shipped_model_path):
    from pipeline.nlp import load_classifier

    return load_classifier(shipped_model_path)
