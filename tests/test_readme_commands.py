"""README's "Command line" table has a row for every subcommand ``binhyen --help`` shows, and no other."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from pipeline.cli.main import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_command_table_lists_every_subcommand_once() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    commands = set(sub.choices)
    section = README.read_text(encoding="utf-8").split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `binhyen ")]
    named = [name for row in rows for name in re.findall(r"`binhyen ([a-z-]+)", row.split("|")[1])]
    assert sorted(set(named)) == sorted(commands), f"README rows {sorted(set(named))}, --help {sorted(commands)}"
    assert len(named) == len(set(named)), "a subcommand has more than one row"


def test_the_topics_table_lists_every_topic_once() -> None:
    from pipeline.kafka import topics

    section = README.read_text(encoding="utf-8").split("\n### Topics\n", 1)[1].split("\n### ", 1)[0]
    rows = [line.split("|")[1].strip().strip("`") for line in section.splitlines() if line.startswith("| `")]
    assert sorted(t for t in rows if not t.startswith("<")) == sorted(topics.ALL)
