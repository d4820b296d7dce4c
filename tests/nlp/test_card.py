"""The model card's figures: evaluated in-process exactly as ``binhyen eval`` prints them, and one
targets column per blind set."""

import json
import subprocess
import sys

from pipeline.nlp import card

ROWS = [
    {"id": "c1", "text": "Có cướp giật ở chợ, cứu với", "category": "tip", "urgent": True, "source_kind": "group"},
    {"id": "c2", "text": "vay tiền nhanh không cần thế chấp, ib em", "category": "spam", "urgent": False,
     "source_kind": "sms"},
    {"id": "c3", "text": "Mất ví da màu đen ở chợ sáng nay", "category": "lost_item", "urgent": False,
     "source_kind": "group"},
    {"id": "c4", "text": "chúc cả nhà ngủ ngon", "category": "off_topic", "urgent": False, "source_kind": "comment"},
    {"id": "c5", "text": "quán này nấu ngon, giá hơi cao", "category": "off_topic", "urgent": False,
     "source_kind": "review"},
]


def test_the_card_evaluates_as_the_eval_command_prints(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    text, figures = card._Evaluator()(path)
    cli = subprocess.run([sys.executable, "-m", "pipeline", "eval", str(path)], capture_output=True, text=True,
                         check=True, timeout=120, cwd=card.REPO_ROOT).stdout
    assert text == cli
    as_json = json.loads(subprocess.run([sys.executable, "-m", "pipeline", "eval", str(path), "--json"],
                                        capture_output=True, text=True, check=True, timeout=120,
                                        cwd=card.REPO_ROOT).stdout)
    assert json.loads(json.dumps(figures)) == as_json


def test_the_targets_table_has_a_column_per_blind_set(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    _, figures = card._Evaluator()(path)
    table = card.targets_block(figures, None, {"blindA": (figures, figures), "blindB": (figures, figures)})
    header, rule, *rows = table.strip().splitlines()
    assert "blind held-out (blindA)" in header and "blind held-out (blindB)" in header
    assert header.count("|") == rule.count("|") and all(r.count("|") == header.count("|") for r in rows)
