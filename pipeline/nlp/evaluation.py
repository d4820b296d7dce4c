"""Evaluation figures: per-class P/R/F1, macro-F1 (all and no-diacritics),
urgent precision/recall, confusion matrix, Brier score and ECE; the same by
length bucket, by diacritics and (when rows carry one) by ``register`` and by
``source_kind`` (where the text came from: group, comment, review, news, sms); the
false-alarm rates officers feel (share of ``off_topic`` called ``tip``,
``urgent``, ``spam``) and the ``needs_review`` share."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from pipeline.domain.classification import Classifier
from pipeline.nlp.model import LABELS
from pipeline.nlp.normalize import has_diacritics


def _prf(y_true: Sequence[str], y_pred: Sequence[str], label: str) -> tuple[float, float, float, int]:
    tp = sum(1 for t, p in zip(y_true, y_pred) if t == label and p == label)
    fp = sum(1 for t, p in zip(y_true, y_pred) if t != label and p == label)
    fn = sum(1 for t, p in zip(y_true, y_pred) if t == label and p != label)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, tp + fn


def macro_f1(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    present = [lbl for lbl in LABELS if lbl in set(y_true)]
    if not present:
        return 0.0
    return float(np.mean([_prf(y_true, y_pred, lbl)[2] for lbl in present]))


def expected_calibration_error(proba: np.ndarray, y_idx: np.ndarray, bins: int = 10) -> float:
    conf = proba.max(axis=1)
    correct = proba.argmax(axis=1) == y_idx
    edges = np.linspace(0.0, 1.0, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            ece += mask.mean() * abs(conf[mask].mean() - correct[mask].mean())
    return float(ece)


LENGTH_BUCKETS: tuple[tuple[str, int, int], ...] = (("<30", 0, 30), ("30-79", 30, 80), ("80-159", 80, 160),
                                                    ("160+", 160, 1 << 62))


def length_bucket(text: str) -> str:
    n = len(text)
    for name, lo, hi in LENGTH_BUCKETS:
        if lo <= n < hi:
            return name
    return LENGTH_BUCKETS[-1][0]


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _slice(idx: Sequence[int], y_true: Sequence[str], y_pred: Sequence[str], u_true: Sequence[bool],
           u_pred: Sequence[bool], review: Sequence[bool]) -> dict:
    """Figures for a subset of rows (by index)."""
    yt = [y_true[i] for i in idx]
    yp = [y_pred[i] for i in idx]
    off = [i for i in idx if y_true[i] == "off_topic"]
    ut = sum(1 for i in idx if u_true[i])
    up = sum(1 for i in idx if u_pred[i])
    utp = sum(1 for i in idx if u_true[i] and u_pred[i])
    return {
        "n": len(idx),
        "accuracy": _ratio(sum(1 for a, b in zip(yt, yp) if a == b), len(idx)),
        "macro_f1": macro_f1(yt, yp) if len(set(yt)) > 1 else None,  # meaningless on a one-class slice
        "urgent_precision": _ratio(utp, up), "urgent_recall": _ratio(utp, ut), "urgent_support": ut,
        "n_off_topic": len(off),
        "off_topic_called_tip": _ratio(sum(1 for i in off if y_pred[i] == "tip"), len(off)),
        "off_topic_called_spam": _ratio(sum(1 for i in off if y_pred[i] == "spam"), len(off)),
        "off_topic_called_urgent": _ratio(sum(1 for i in off if u_pred[i]), len(off)),
        "needs_review_share": _ratio(sum(1 for i in idx if review[i]), len(idx)),
    }


def false_alarms(y_true: Sequence[str], y_pred: Sequence[str], u_true: Sequence[bool], u_pred: Sequence[bool],
                 review: Sequence[bool]) -> dict:
    """What reaches people wrongly: off_topic called tip / spam / urgent, before and after needs_review
    (a needs_review message is not warned or escalated as an ordinary tip; an urgent one still is)."""
    off = [i for i, y in enumerate(y_true) if y == "off_topic"]
    n = len(off)
    acted = [i for i in off if not review[i]]
    not_spam = [i for i, y in enumerate(y_true) if y != "spam"]
    not_tip = [i for i, y in enumerate(y_true) if y != "tip"]
    not_urgent = [i for i, u in enumerate(u_true) if not u]
    return {
        "n_off_topic": n,
        "off_topic_called_tip": _ratio(sum(1 for i in off if y_pred[i] == "tip"), n),
        "off_topic_called_spam": _ratio(sum(1 for i in off if y_pred[i] == "spam"), n),
        "off_topic_called_tip_or_spam": _ratio(sum(1 for i in off if y_pred[i] in ("tip", "spam")), n),
        "off_topic_called_urgent": _ratio(sum(1 for i in off if u_pred[i]), n),
        # after needs_review: only confident tips are escalated, only confident spam is warned
        "off_topic_escalated_as_tip": _ratio(sum(1 for i in acted if y_pred[i] == "tip"), n),
        "off_topic_warned_as_spam": _ratio(sum(1 for i in acted if y_pred[i] == "spam"), n),
        "non_spam_warned_as_spam": _ratio(sum(1 for i in not_spam if y_pred[i] == "spam" and not review[i]),
                                          len(not_spam)),
        "non_tip_escalated_as_tip": _ratio(sum(1 for i in not_tip if y_pred[i] == "tip" and not review[i]),
                                           len(not_tip)),
        "non_urgent_called_urgent": _ratio(sum(1 for i in not_urgent if u_pred[i]), len(not_urgent)),
    }


def evaluate(clf: Classifier, rows: Sequence[dict], batch_size: int = 256) -> dict:
    """Figures for labelled rows ``{"text", "category", "urgent", ["diacritics"]}``."""
    texts = [r["text"] for r in rows]
    y_true = [r["category"] for r in rows]
    u_true = [bool(r.get("urgent", False)) for r in rows]
    diacritics = [bool(r["diacritics"]) if "diacritics" in r else has_diacritics(r["text"]) for r in rows]
    preds = []
    for start in range(0, len(texts), batch_size):
        preds.extend(clf.classify_batch(texts[start:start + batch_size]))
    proba = np.array([[p.scores[lbl] for lbl in LABELS] for p in preds]).reshape(len(preds), len(LABELS))
    y_pred = [p.category.value for p in preds]
    u_pred = [p.urgent for p in preds]
    review = [bool(getattr(p, "needs_review", False)) for p in preds]
    conf = [float(getattr(p, "confidence", max(p.scores.values()) if p.scores else 0.0)) for p in preds]
    per_class = {}
    for lbl in LABELS:
        p, r, f, support = _prf(y_true, y_pred, lbl)
        per_class[lbl] = {"precision": p, "recall": r, "f1": f, "support": support}
    plain_idx = [i for i, d in enumerate(diacritics) if not d]
    u_tp = sum(1 for t, p in zip(u_true, u_pred) if t and p)
    u_fp = sum(1 for t, p in zip(u_true, u_pred) if not t and p)
    u_fn = sum(1 for t, p in zip(u_true, u_pred) if t and not p)
    y_idx = np.array([LABELS.index(y) for y in y_true])
    onehot = np.eye(len(LABELS))[y_idx] if len(y_idx) else np.zeros((0, len(LABELS)))
    brier = float(np.mean(np.sum((proba - onehot) ** 2, axis=1))) if len(y_idx) else 0.0
    confusion = [[sum(1 for t, p in zip(y_true, y_pred) if t == a and p == b) for b in LABELS] for a in LABELS]
    args = (y_true, y_pred, u_true, u_pred, review)
    by_length = {name: _slice([i for i, t in enumerate(texts) if length_bucket(t) == name], *args)
                 for name, _, _ in LENGTH_BUCKETS}
    by_diacritics = {"with": _slice([i for i, d in enumerate(diacritics) if d], *args),
                     "without": _slice(plain_idx, *args)}
    registers = sorted({str(r["register"]) for r in rows if r.get("register")})
    by_register = {f"{cat}/{reg}": _slice(idx, *args) for cat in LABELS for reg in registers
                   if (idx := [i for i, r in enumerate(rows) if r.get("register") == reg and y_true[i] == cat])}
    sources = sorted({str(r["source_kind"]) for r in rows if r.get("source_kind")})
    by_source = {f"{src}/{cat}": _slice(idx, *args) for src in sources for cat in LABELS
                 if (idx := [i for i, r in enumerate(rows) if r.get("source_kind") == src and y_true[i] == cat])}
    reviewed = [i for i in range(len(rows)) if review[i]]
    kept = [i for i in range(len(rows)) if not review[i]]
    return {
        "n": len(rows),
        "accuracy": float(np.mean([t == p for t, p in zip(y_true, y_pred)])) if rows else 0.0,
        "per_class": per_class,
        "macro_f1": macro_f1(y_true, y_pred),
        "n_no_diacritics": len(plain_idx),
        "macro_f1_no_diacritics": macro_f1([y_true[i] for i in plain_idx], [y_pred[i] for i in plain_idx]) if plain_idx else None,
        "urgent_precision": u_tp / (u_tp + u_fp) if u_tp + u_fp else 0.0,
        "urgent_recall": u_tp / (u_tp + u_fn) if u_tp + u_fn else 0.0,
        "urgent_support": u_tp + u_fn,
        "confusion": {"labels": list(LABELS), "matrix": confusion},
        "brier": brier,
        "ece": expected_calibration_error(proba, y_idx) if len(y_idx) else 0.0,
        "review_threshold": getattr(clf, "review_threshold", None),
        "needs_review_share": _ratio(len(reviewed), len(rows)),
        "accuracy_needs_review": _ratio(sum(1 for i in reviewed if y_true[i] == y_pred[i]), len(reviewed)),
        "accuracy_confident": _ratio(sum(1 for i in kept if y_true[i] == y_pred[i]), len(kept)),
        "mean_confidence": float(np.mean(conf)) if conf else None,
        "false_alarms": false_alarms(*args),
        "by_length": by_length,
        "by_diacritics": by_diacritics,
        "by_register": by_register,
        "by_source": by_source,
        "errors": [
            {"id": rows[i].get("id"), "text": texts[i], "true": y_true[i], "pred": y_pred[i],
             "urgent_true": u_true[i], "urgent_pred": u_pred[i], "confidence": round(conf[i], 4),
             "needs_review": review[i]}
            for i in range(len(rows)) if y_true[i] != y_pred[i] or u_true[i] != u_pred[i]
        ],
    }


def report_text(version: str, source: str, m: dict) -> str:
    """The report ``binhyen eval`` prints: which model on which file, then ``format_report``."""
    return f"model {version} on {source}\n{format_report(m)}\n"


def format_report(m: dict) -> str:
    lines = [f"messages: {m['n']}    accuracy: {m['accuracy']:.4f}", "",
             f"{'class':<11}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for lbl, v in m["per_class"].items():
        lines.append(f"{lbl:<11}{v['precision']:>10.4f}{v['recall']:>10.4f}{v['f1']:>10.4f}{v['support']:>9d}")
    lines.append("")
    lines.append(f"macro-F1:                 {m['macro_f1']:.4f}")
    nd = m["macro_f1_no_diacritics"]
    lines.append(f"macro-F1 no diacritics:   {'n/a' if nd is None else f'{nd:.4f}'} (n={m['n_no_diacritics']})")
    lines.append(f"urgent precision:         {m['urgent_precision']:.4f}")
    lines.append(f"urgent recall:            {m['urgent_recall']:.4f} (n={m['urgent_support']})")
    lines.append(f"Brier score (multi-class): {m['brier']:.4f}")
    lines.append(f"ECE (10 bins):            {m['ece']:.4f}")
    lines.append("")
    lines.append("confusion matrix (rows = true, columns = predicted):")
    labels = m["confusion"]["labels"]
    lines.append(" " * 11 + "".join(f"{lbl:>11}" for lbl in labels))
    for lbl, row in zip(labels, m["confusion"]["matrix"]):
        lines.append(f"{lbl:<11}" + "".join(f"{v:>11d}" for v in row))
    if "false_alarms" not in m:
        return "\n".join(lines)
    thr = m.get("review_threshold")
    lines.append("")
    lines.append(f"needs_review share:       {_f(m['needs_review_share'])}"
                 f" (threshold {'n/a' if thr is None else f'{thr:.2f}'}; accuracy of those {_f(m['accuracy_needs_review'])},"
                 f" of the rest {_f(m['accuracy_confident'])})")
    fa = m["false_alarms"]
    lines.append("")
    lines.append(f"false alarms (n off_topic = {fa['n_off_topic']}):")
    for key, label in (("off_topic_called_tip", "off_topic called tip"),
                       ("off_topic_called_spam", "off_topic called spam"),
                       ("off_topic_called_tip_or_spam", "off_topic called tip or spam"),
                       ("off_topic_called_urgent", "off_topic called urgent"),
                       ("off_topic_escalated_as_tip", "off_topic called tip, not needs_review"),
                       ("off_topic_warned_as_spam", "off_topic called spam, not needs_review"),
                       ("non_spam_warned_as_spam", "non-spam called spam, not needs_review"),
                       ("non_tip_escalated_as_tip", "non-tip called tip, not needs_review"),
                       ("non_urgent_called_urgent", "non-urgent called urgent")):
        lines.append(f"  {label:<42}{_f(fa[key])}")
    head = (f"{'':<26}{'n':>6}{'acc':>8}{'macroF1':>9}{'urgP':>7}{'urgR':>7}{'n_off':>7}"
            f"{'off>tip':>9}{'off>spam':>9}{'off>urg':>9}{'review':>8}")

    def table(title: str, groups: dict) -> None:
        lines.append("")
        lines.append(title)
        lines.append(head)
        for name, g in groups.items():
            lines.append(f"{name:<26}{g['n']:>6}{_f(g['accuracy'], 8)}{_f(g['macro_f1'], 9)}"
                         f"{_f(g['urgent_precision'], 7, 2)}{_f(g['urgent_recall'], 7, 2)}{g['n_off_topic']:>7}"
                         f"{_f(g['off_topic_called_tip'], 9)}{_f(g['off_topic_called_spam'], 9)}"
                         f"{_f(g['off_topic_called_urgent'], 9)}{_f(g['needs_review_share'], 8, 3)}")

    table("by length (characters):", m["by_length"])
    table("by diacritics:", m["by_diacritics"])
    if m.get("by_register"):
        table("by true category / register:", m["by_register"])
    if m.get("by_source"):
        table("by source kind / true category:", m["by_source"])
    return "\n".join(lines)


def _f(v: float | None, width: int = 0, digits: int = 4) -> str:
    s = "n/a" if v is None else f"{v:.{digits}f}"
    return f"{s:>{width}}" if width else s
