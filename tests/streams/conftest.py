import pytest

from pipeline.domain.engine import RuleEngine
from pipeline.domain.groups import load_groups
from pipeline.nlp.keywords import KeywordClassifier

GROUPS_TOML = """
[defaults]

[groups.xa-test]
name = "Xã Thử Nghiệm"
district = "Huyện Mẫu"
commune = "Xã Thử Nghiệm"
leaders = ["leader-1"]
officers = ["officer-1"]
"""


@pytest.fixture
def groups_file(tmp_path):
    path = tmp_path / "groups.toml"
    path.write_text(GROUPS_TOML, encoding="utf-8")
    return path


@pytest.fixture
def engine(groups_file):
    return RuleEngine(load_groups(groups_file))


@pytest.fixture
def classifier():
    return KeywordClassifier()
