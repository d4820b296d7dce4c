"""``binhyen classify / train / eval`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli.main import main

REPO = Path(__file__).resolve().parents[2]

INPUT = [
    {"id": "a1", "text": "Đang có đánh nhau bằng dao ở đầu hẻm 12, công an tới gấp"},
    {"id": "a2", "text": "vay tien nhanh chi can cccd, giai ngan 5 phut, lh 0909123456"},
    {"id": "a3", "text": "Em nhặt được ví da màu nâu ở chợ, ai mất liên hệ em"},
    {"id": "a4", "text": "chúc cả nhà buổi tối vui vẻ 😊"},
]


def _write(path: Path, lines: list[str | bytes]) -> Path:
    with open(path, "wb") as fh:
        for line in lines:
            fh.write(line if isinstance(line, bytes) else line.encode("utf-8"))
            fh.write(b"\n")
    return path


def test_classify_round_trip_subprocess(tmp_path):
    src = _write(tmp_path / "in.jsonl", [json.dumps(r, ensure_ascii=False) for r in INPUT])
    proc = subprocess.run([sys.executable, "-m", "pipeline", "classify", str(src)], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a1", "a2", "a3", "a4"]
    assert [(o["category"], o["urgent"]) for o in out] == [("tip", True), ("spam", False), ("lost_item", False),
                                                          ("off_topic", False)]
    for o in out:
        assert set(o) == {"id", "category", "urgent", "scores", "model_version", "confidence", "needs_review"}
        assert o["confidence"] == max(o["scores"].values())
        assert isinstance(o["needs_review"], bool)
        assert set(o["scores"]) == {"tip", "spam", "lost_item", "off_topic"}
        assert o["model_version"].startswith("binhyen-nlp-")


def test_classify_stdin_with_bad_lines(tmp_path, capsys, monkeypatch):
    lines = [json.dumps(INPUT[0], ensure_ascii=False), "{not json", json.dumps({"id": "x"}), b"\xff\xfe bad utf8",
             "[1, 2]", "", json.dumps(INPUT[3], ensure_ascii=False)]
    src = _write(tmp_path / "in.jsonl", lines)
    code = main(["classify", str(src), "--batch-size", "1"])
    captured = capsys.readouterr()
    assert code == 1
    out = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["id"] for o in out] == ["a1", "a4"]
    for n in (2, 3, 4, 5):
        assert f"line {n}:" in captured.err
    assert "line 6:" not in captured.err and "line 7:" not in captured.err  # blank line is not an error
    assert "4 bad input line(s)" in captured.err


def test_classify_reads_stdin(monkeypatch, capsys):
    import io

    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in INPUT).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert main(["classify", "-"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4


def test_classify_with_broken_model_is_a_clear_error(tmp_path, capsys):
    src = _write(tmp_path / "in.jsonl", [json.dumps(INPUT[0])])
    assert main(["classify", str(src), "--model", str(tmp_path / "missing.skops")]) == 2
    assert "not found" in capsys.readouterr().err


def test_eval_prints_the_figures(tmp_path, capsys):
    rows = [dict(r, category=c, urgent=u) for r, (c, u) in
            zip(INPUT, [("tip", True), ("spam", False), ("lost_item", False), ("off_topic", False)])]
    src = _write(tmp_path / "gold.jsonl", [json.dumps(r, ensure_ascii=False) for r in rows])
    assert main(["eval", str(src)]) == 0
    out = capsys.readouterr().out
    for needle in ("precision", "recall", "macro-F1:", "macro-F1 no diacritics", "urgent precision", "urgent recall",
                   "confusion matrix", "Brier", "ECE", "needs_review share", "false alarms", "off_topic called tip",
                   "off_topic called urgent", "off_topic called spam", "by length", "<30", "30-79", "80-159", "160+",
                   "by diacritics"):
        assert needle in out
    assert "macro-F1:                 1.0000" in out
    assert main(["eval", str(src), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["macro_f1"] == 1.0 and figures["n_no_diacritics"] == 1  # a2 has no diacritics
    assert set(figures["by_length"]) == {"<30", "30-79", "80-159", "160+"}
    assert sum(g["n"] for g in figures["by_length"].values()) == 4
    assert figures["by_diacritics"]["without"]["n"] == 1
    assert figures["false_alarms"]["n_off_topic"] == 1 and figures["false_alarms"]["off_topic_called_tip"] == 0.0
    assert 0.0 <= figures["needs_review_share"] <= 1.0


def test_eval_rejects_bad_gold_file(tmp_path, capsys):
    src = _write(tmp_path / "gold.jsonl", [json.dumps({"text": "x", "category": "weird"})])
    assert main(["eval", str(src)]) == 2
    assert "gold.jsonl:1" in capsys.readouterr().err


def test_train_small_file_writes_a_loadable_artifact(tmp_path, capsys):
    from pipeline.nlp import load_classifier
    from pipeline.nlp.training import DEFAULT_DATA

    small = tmp_path / "small.jsonl"
    small.write_text("".join(DEFAULT_DATA.read_text(encoding="utf-8").splitlines(keepends=True)[:600]), encoding="utf-8")
    out = tmp_path / "m.skops"
    assert main(["train", "--data", str(small), "--out", str(out), "--no-holdout"]) == 0
    captured = capsys.readouterr()
    assert "training the category model" in captured.err  # progress is shown
    summary = json.loads(captured.out)
    clf = load_classifier(out)
    assert clf.version == summary["version"]


def test_train_with_feedback_adds_guarded_corrections(tmp_path, capsys):
    from pipeline.nlp import load_classifier
    from pipeline.nlp.training import DEFAULT_DATA

    lines = DEFAULT_DATA.read_text(encoding="utf-8").splitlines(keepends=True)
    small = tmp_path / "small.jsonl"
    small.write_text("".join(lines[:600]), encoding="utf-8")
    held = tmp_path / "held.jsonl"
    held.write_text("".join(lines[600:700]), encoding="utf-8")
    out = tmp_path / "m.skops"
    assert main(["train", "--data", str(small), "--out", str(out), "--no-holdout"]) == 0
    capsys.readouterr()

    def rec(i, msg, actor, role, cat, text=None):
        r = {"feedback_id": f"f{i}", "action_id": f"f{i}", "group_id": "g1", "message_id": msg,
             "model_category": "spam", "person_category": cat, "actor_id": actor, "actor_role": role,
             "model_version": "v", "corrected_at": f"2026-12-01T10:0{i}:00+07:00"}
        if text:
            r["text"] = text
        return json.dumps(r, ensure_ascii=False)

    feedback = _write(tmp_path / "feedback.jsonl", [
        rec(1, "m1", "officer-1", "officer", "off_topic"),                       # text from --messages
        rec(2, "m2", "leader-1", "leader", "off_topic", "shop này giao hàng nhanh, giá ổn"),  # alone: not used
        rec(3, "m3", "leader-1", "leader", "off_topic", "review quán phở mới mở, ngon"),
        rec(4, "m3", "leader-2", "leader", "off_topic", "review quán phở mới mở, ngon"),   # two agree: used
        "{broken",
    ])
    msgs = _write(tmp_path / "messages.jsonl", [json.dumps({"group_id": "g1", "message_id": "m1", "sender_id": "u",
                                                            "text": "mua được cái nồi chiên giá tốt ghê",
                                                            "sent_at": "2026-12-01T09:00:00+07:00"},
                                                           ensure_ascii=False)])
    assert main(["train", "--data", str(small), "--out", str(out), "--no-holdout", "--feedback", str(feedback),
                 "--messages", str(msgs), "--heldout", str(held)]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["feedback_used"] == 2
    assert summary["heldout_before"] is not None and summary["heldout_after"]["macro_f1"] is not None
    assert "before" in captured.err and "after" in captured.err
    for secret in ("nồi chiên", "quán phở", "giao hàng"):
        assert secret not in captured.err  # logs never carry message text
    meta = load_classifier(out).metadata
    fbm = meta["feedback"]
    assert fbm["report"]["used"] == 2 and fbm["report"]["skipped"] == {"only one actor, not an officer": 1}
    assert fbm["report"]["rejected_lines"] == {"not a JSON object": 1}
    assert sorted(r["why"] for r in fbm["rows"]) == ["2 actors agree", "officer"]
    assert meta["n_train"] == 602


def test_train_feedback_bad_file_is_a_clear_error(tmp_path, capsys):
    assert main(["train", "--out", str(tmp_path / "m.skops"), "--feedback", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_eval_reports_registers_when_rows_carry_them(tmp_path, capsys):
    rows = [dict(r, category=c, urgent=u, register=g) for r, (c, u, g) in
            zip(INPUT, [("tip", True, "emergency"), ("spam", False, "loan_betting"), ("lost_item", False, "found"),
                        ("off_topic", False, "chat")])]
    src = _write(tmp_path / "gold.jsonl", [json.dumps(r, ensure_ascii=False) for r in rows])
    assert main(["eval", str(src), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures["by_register"]) == {"tip/emergency", "spam/loan_betting", "lost_item/found", "off_topic/chat"}
    chat = figures["by_register"]["off_topic/chat"]
    assert chat["n"] == 1 and chat["off_topic_called_tip"] == 0.0 and chat["macro_f1"] is None
    assert main(["eval", str(src)]) == 0
    assert "by true category / register:" in capsys.readouterr().out


def test_eval_reports_source_kinds_when_rows_carry_them(tmp_path, capsys):
    kinds = [("tip", "group"), ("off_topic", "review"), ("off_topic", "review"), ("off_topic", "news")]
    rows = [dict(r, category=c, urgent=False, source_kind=k) for r, (c, k) in zip(INPUT, kinds)]
    src = _write(tmp_path / "gold.jsonl", [json.dumps(r, ensure_ascii=False) for r in rows])
    assert main(["eval", str(src), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures["by_source"]) == {"group/tip", "review/off_topic", "news/off_topic"}
    assert figures["by_source"]["review/off_topic"]["n"] == 2
    assert main(["eval", str(src)]) == 0
    assert "by source kind / true category:" in capsys.readouterr().out
