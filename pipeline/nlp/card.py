"""Refresh the figures in models/README.md and models/reports/ from the shipped model.

    python -m pipeline.nlp.card

Evaluates the shipped model as ``binhyen eval`` does (loaded once, each set evaluated once) on
the held-out sets (realistic, blind2 to blind5) and on dev, writes the text and JSON reports
to ``models/reports/``, and rewrites the generated blocks of
the model card (between ``<!-- name -->`` and ``<!-- /name -->`` markers) from
those reports and the model's sidecar. Nothing is fitted or chosen here.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from pipeline.nlp.evaluation import LENGTH_BUCKETS
from pipeline.nlp.training import DEFAULT_HELDOUT, REPO_ROOT

CARD = REPO_ROOT / "models" / "README.md"
REPORTS = REPO_ROOT / "models" / "reports"
SIDECAR = REPO_ROOT / "models" / "binhyen-classifier.json"
DEV = Path("/work/shared/data/dev_messages.jsonl")
#: The blind sets (``models/heldout/blind<n>/messages.jsonl``, found on disk, oldest first), each with
#: its blocks in the card (``<name>-report``, ``<name>-sources``) and a column of the targets table.
BLINDS = {p.parent.name: p for p in sorted((REPO_ROOT / "models" / "heldout").glob("blind*/messages.jsonl"),
                                           key=lambda p: (len(p.parent.name), p.parent.name))}


class _Evaluator:
    """``binhyen eval`` in this process: the shipped model loaded once, each set evaluated once,
    giving both the text report (as the command prints it) and the figures (as ``--json``)."""

    def __init__(self) -> None:
        from pipeline.nlp import load_classifier
        from pipeline.settings import Settings

        self.clf = load_classifier(Path(Settings.from_env().model_path))

    def __call__(self, path: Path) -> tuple[str, dict]:
        from pipeline.nlp.evaluation import evaluate, report_text
        from pipeline.nlp.training import read_labelled

        name = str(path.relative_to(REPO_ROOT)) if path.is_relative_to(REPO_ROOT) else str(path)
        m = evaluate(self.clf, read_labelled(path))
        return report_text(self.clf.version, name, m), {k: v for k, v in m.items() if k != "errors"}


def pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f}%"


def f3(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.3f}"


def _without_registers(report: str) -> str:
    return report.split("\nby true category / register:")[0].rstrip() + "\n"


def thresholds_block(m: dict) -> str:
    sel = m["review_threshold_selection"]
    row = next(g for g in sel["grid"] if g["threshold"] == sel["threshold"])
    compounds = f" {m['n_compounds']:,} compound words," if m.get("n_compounds") else ""
    return (
        f"Shipped model `{m['version']}` ({m['n_train']:,} training messages,{compounds} "
        f"{m['n_features']:,} features):\n\n"
        "| value | shipped | rule |\n|---|---|---|\n"
        f"| temperature | {m['temperature']} | lowest log-loss on the split (grid 0.30-3.00) |\n"
        f"| off_topic weight | {m['class_weights']['off_topic']} | largest grid value (1, 1.25, 1.5, 2, 2.5, 3, 4) "
        "losing <= 0.005 macro-F1 on the split |\n"
        f"| urgent head threshold | {m['urgent_threshold']} | highest grid value (0.10-0.70) whose F2 (recall "
        "counted twice: a missed emergency costs more than a false page) on the split is within 0.005 of the best |\n"
        f"| **review threshold** | **{m['review_threshold']}** | lowest value on a grid 0.40-0.95 at which the "
        "messages the pipeline would act on (confidence >= t) predicted `tip` and predicted `spam` are each right "
        ">= 98.5% of the time and all of them >= 98%, with at most 20% of messages sent to review "
        f"({sel['rule']}). On the split: {pct(row['review_share'])} to review, {pct(row['accuracy_kept'])} accuracy "
        f"on the rest, tip precision {row['tip_precision_kept']:.3f}, spam precision "
        f"{row['spam_precision_kept']:.3f} |\n")


def _slices_table(first: str, slices: dict, off_of, urgent_recall: bool) -> str:
    """A markdown table of per-slice figures (``off_of(name)``: whether a slice is off_topic)."""
    head = f"| {first} | n | accuracy | called tip | called spam | called urgent |" + \
        (" urgent recall |" if urgent_recall else "") + " to review |"
    out = [head, "|---|" + "---:|" * (head.count("|") - 2)]
    for k, v in slices.items():
        off = off_of(k)
        cells = [k, str(v["n"]), f3(v["accuracy"]), pct(v["off_topic_called_tip"]) if off else "",
                 pct(v["off_topic_called_spam"]) if off else "", pct(v["off_topic_called_urgent"]) if off else ""]
        if urgent_recall:
            cells.append(f3(v["urgent_recall"]) if v["urgent_support"] else "")
        cells.append(pct(v["needs_review_share"]))
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def registers_block(r: dict) -> str:
    return _slices_table("register", r["by_register"], lambda k: k.startswith("off_topic/"), urgent_recall=True)


def sources_block(b: dict) -> str:
    return _slices_table("source kind / true category", b["by_source"], lambda k: k.endswith("/off_topic"),
                         urgent_recall=False)


def family_block(m: dict) -> str:
    h = m["holdout_evaluation"]
    fa = h["false_alarms"]
    return (f"{h['n']:,} messages: macro-F1 {h['macro_f1']:.3f}, no diacritics {h['macro_f1_no_diacritics']:.3f}, "
            f"urgent P/R {h['urgent_precision']:.3f} / {h['urgent_recall']:.3f}, spam precision "
            f"{h['per_class']['spam']['precision']:.3f}, Brier {h['brier']:.3f}, ECE {h['ece']:.3f}; off_topic "
            f"called tip {pct(fa['off_topic_called_tip'])}, spam {pct(fa['off_topic_called_spam'])}, urgent "
            f"{pct(fa['off_topic_called_urgent'])}; needs_review {pct(h['needs_review_share'])}. By length, "
            "macro-F1: " + ", ".join(f"{f3(h['by_length'][k]['macro_f1'])} ({k})" for k, _, _ in LENGTH_BUCKETS
                                     if k in h["by_length"]) + ".\n")


def _src(b: dict | None, name: str, key: str):
    return (b or {}).get("by_source", {}).get(name, {}).get(key)


def sms_figures(b: dict) -> tuple[float | None, float | None, int, int]:
    """Spam recall and ham called spam on the SMS part of the blind set (from the per-source slices)."""
    spam, ham = b["by_source"].get("sms/spam"), b["by_source"].get("sms/off_topic")
    recall = None if not spam else spam["accuracy"]
    ham_spam = None if not ham else ham["off_topic_called_spam"]
    return recall, ham_spam, spam["n"] if spam else 0, ham["n"] if ham else 0


def blind_column(b: dict | None, g: dict | None) -> list[str]:
    """The blind2 cells of the targets table, in the order of its rows (empty without the set)."""
    if not b:
        return [""] * 10
    def ts(name: str):
        t, s_ = _src(b, name, "off_topic_called_tip"), _src(b, name, "off_topic_called_spam")
        return None if t is None else t + (s_ or 0)
    recall, ham_spam, n_spam, n_ham = sms_figures(b)
    sms = f"; SMS spam recall {f3(recall)} (n={n_spam}), ham called spam {pct(ham_spam)} (n={n_ham})"
    return [
        f"{pct(ts('comment/off_topic'))} (comments, n={_src(b, 'comment/off_topic', 'n')})",
        f"{pct(_src(b, 'comment/off_topic', 'off_topic_called_urgent'))} (comments)",
        f"{pct(_src(b, 'comment/off_topic', 'off_topic_called_spam'))} (comments){sms}",
        f"{pct(_src(b, 'review/off_topic', 'off_topic_called_spam'))} / "
        f"{pct(_src(b, 'review/off_topic', 'off_topic_called_tip'))} (n={_src(b, 'review/off_topic', 'n')})",
        f"{pct(_src(b, 'news/off_topic', 'off_topic_called_tip'))} (non-crime news, n={_src(b, 'news/off_topic', 'n')})",
        f"{f3(g['macro_f1'])} (group messages, n={g['n']})" if g else "",
        f3(g["macro_f1_no_diacritics"]) if g else "",
        f"{f3(g['urgent_recall'])} / {f3(g['urgent_precision'])}" if g else "",
        f3(g["per_class"]["spam"]["precision"]) if g else "",
        "",
    ]


def targets_block(r: dict, d: dict | None, blinds: dict[str, tuple[dict, dict]] | None = None) -> str:
    reg = r["by_register"]

    def g(name: str, key: str):
        return reg.get(name, {}).get(key)

    rf = r["false_alarms"]
    df = d["false_alarms"] if d else {}
    dv = (lambda key: pct(df.get(key))) if d else (lambda key: "")
    chat_ts = None if g("off_topic/chat", "n") is None else \
        (g("off_topic/chat", "off_topic_called_tip") or 0) + (g("off_topic/chat", "off_topic_called_spam") or 0)
    rows = [
        ("chit-chat called tip or spam", "<= 5%", f"{pct(chat_ts)} (chat); {pct(rf['off_topic_called_tip_or_spam'])} "
         "all off_topic", dv("off_topic_called_tip_or_spam")),
        ("chit-chat called urgent", "<= 0.5%", f"{pct(g('off_topic/chat', 'off_topic_called_urgent'))} (chat); "
         f"{pct(rf['off_topic_called_urgent'])} all off_topic", dv("off_topic_called_urgent")),
        ("chit-chat called spam", "<= 1%", f"{pct(g('off_topic/chat', 'off_topic_called_spam'))} (chat); "
         f"{pct(rf['off_topic_called_spam'])} all off_topic", dv("off_topic_called_spam")),
        ("reviews called spam / tip", "<= 5% / <= 3%", f"{pct(g('off_topic/review', 'off_topic_called_spam'))} / "
         f"{pct(g('off_topic/review', 'off_topic_called_tip'))} (n={g('off_topic/review', 'n')})", ""),
        ("non-crime news called tip", "<= 10%", f"{pct(g('off_topic/news_forward', 'off_topic_called_tip'))} "
         f"(news_forward, includes crime elsewhere; n={g('off_topic/news_forward', 'n')})", ""),
        ("macro-F1", ">= 0.96", f3(r["macro_f1"]), f3(d["macro_f1"]) if d else ""),
        ("macro-F1 without diacritics", ">= 0.95", f3(r["macro_f1_no_diacritics"]),
         f3(d["macro_f1_no_diacritics"]) if d else ""),
        ("urgent recall / precision", ">= 0.97 / >= 0.90", f"{f3(r['urgent_recall'])} / {f3(r['urgent_precision'])}",
         f"{f3(d['urgent_recall'])} / {f3(d['urgent_precision'])}" if d else ""),
        ("spam precision", ">= 0.98", f3(r["per_class"]["spam"]["precision"]),
         f3(d["per_class"]["spam"]["precision"]) if d else ""),
        ("acted-on false alarms (after needs_review): off_topic escalated as tip / warned as spam", "",
         f"{pct(rf['off_topic_escalated_as_tip'])} / {pct(rf['off_topic_warned_as_spam'])}",
         f"{dv('off_topic_escalated_as_tip')} / {dv('off_topic_warned_as_spam')}" if d else ""),
    ]
    blinds = blinds or {}
    columns = [blind_column(b, grp) for b, grp in blinds.values()]
    out = ["| target (issue #8) | goal | realistic held-out | " + "".join(f"blind held-out ({n}) | " for n in blinds)
           + "dev |", "|---|---|---|" + "---|" * len(blinds) + "---|"]
    for i, (a, goal, c, e) in enumerate(rows):
        out.append(f"| {a} | {goal} | {c} | " + "".join(f"{col[i]} | " for col in columns) + f"{e} |")
    return "\n".join(out) + "\n"


def _fill(card: str, name: str, body: str) -> str:
    return re.sub(rf"<!-- {name} -->\n.*?<!-- /{name} -->", lambda _m: f"<!-- {name} -->\n{body}<!-- /{name} -->",
                  card, flags=re.S)


def main() -> int:
    REPORTS.mkdir(exist_ok=True)
    _eval = _Evaluator()
    real, r = _eval(DEFAULT_HELDOUT)
    (REPORTS / "realistic.txt").write_text(real, encoding="utf-8")
    (REPORTS / "realistic.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    reports: dict[str, str] = {}
    dev, d = None, None
    if DEV.is_file():
        dev, d = _eval(DEV)
        (REPORTS / "dev.txt").write_text(dev, encoding="utf-8")
        (REPORTS / "dev.json").write_text(json.dumps(d, indent=2) + "\n", encoding="utf-8")
    blinds: dict[str, tuple[dict, dict]] = {}
    for name, path in BLINDS.items():
        if not path.is_file():
            continue
        blind, b = _eval(path)
        (REPORTS / f"{name}.txt").write_text(blind, encoding="utf-8")
        (REPORTS / f"{name}.json").write_text(json.dumps(b, indent=2) + "\n", encoding="utf-8")
        with tempfile.TemporaryDirectory() as tmp:  # the group messages alone: the 4-category set
            group = Path(tmp) / "group.jsonl"
            group.write_text("".join(line + "\n" for line in path.read_text(encoding="utf-8").splitlines()
                                     if line.strip() and json.loads(line).get("source_kind") == "group"),
                             encoding="utf-8")
            _, g = _eval(group)
        blinds[name] = (b, g)
        reports[name] = blind
    m = json.loads(SIDECAR.read_text(encoding="utf-8"))
    card = CARD.read_text(encoding="utf-8")
    for name, (b, _) in blinds.items():
        card = _fill(card, f"{name}-report", "```\n" + _without_registers(reports[name]) + "```\n")
        card = _fill(card, f"{name}-sources", sources_block(b))
    card = _fill(card, "realistic-report", "```\n" + _without_registers(real) + "```\n")
    if dev:
        card = _fill(card, "dev-report", "```\n" + _without_registers(dev) + "```\n")
    card = _fill(card, "thresholds", thresholds_block(m))
    card = _fill(card, "registers", registers_block(r))
    card = _fill(card, "family", family_block(m))
    card = _fill(card, "targets", targets_block(r, d, blinds))
    CARD.write_text(card, encoding="utf-8")
    print(f"model card and models/reports/ refreshed for {m['version']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
