"""README.md documents every setting once; neither README names a setting that does not exist."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.settings import Settings

README = Path(__file__).resolve().parent.parent / "README.md"
DEPLOY_README = README.parent / "deploy" / "README.md"
VARIABLE = re.compile(r"BINHYEN_[A-Z0-9_]*[A-Z0-9]")


def _configuration_rows() -> list[str]:
    """The rows of the table in README's "## Configuration" section."""
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `BINHYEN_")]


def test_every_setting_has_exactly_one_row_in_the_configuration_table() -> None:
    first_cells = [row.split("|")[1] for row in _configuration_rows()]
    named = [name for cell in first_cells for name in VARIABLE.findall(cell)]
    missing = [v for v in Settings.variables() if v not in named]
    twice = sorted({v for v in named if named.count(v) > 1})
    assert not missing, f"README's Configuration table lacks {missing}"
    assert not twice, f"README's Configuration table lists {twice} more than once"


def test_every_row_shows_the_default_of_the_code() -> None:
    defaults = Settings()
    for row in _configuration_rows():
        cells = [c.strip() for c in row.split("|")[1:-1]]
        for name in VARIABLE.findall(cells[0]):
            value = getattr(defaults, name.removeprefix("BINHYEN_").lower())
            if hasattr(value, "get_secret_value"):
                value = value.get_secret_value()
            if value in ("", None) or isinstance(value, str) and "/" in value:
                continue  # empty, or a path under the checkout: described in words
            shown = {str(value), repr(value), str(value).lower()}
            if isinstance(value, float) and value.is_integer():
                shown.add(str(int(value)))
            if isinstance(value, bool):
                shown |= {"0", "1", "false", "true"}
            assert any(f"`{s}`" in cells[1] for s in shown), f"{name}: default {value!r}, README says {cells[1]!r}"


def test_readme_names_no_setting_that_does_not_exist() -> None:
    known = set(Settings.variables())
    unknown = []
    lines = README.read_text(encoding="utf-8").splitlines() + DEPLOY_README.read_text(encoding="utf-8").splitlines()
    for line in lines:
        for name in VARIABLE.findall(line):
            if name not in known and "test-only" not in line:
                unknown.append(name)
    assert not unknown, f"README.md or deploy/README.md name variables Settings does not have: {sorted(set(unknown))}"
