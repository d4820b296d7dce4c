"""Evaluation figures: per-class P/R/F1, macro-F1 (all and no-diacritics),
urgent precision/recall, confusion matrix, Brier score and ECE."""

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
        "errors": [
            {"id": rows[i].get("id"), "text": texts[i], "true": y_true[i], "pred": y_pred[i],
             "urgent_true": u_true[i], "urgent_pred": u_pred[i]}
            for i in range(len(rows)) if y_true[i] != y_pred[i] or u_true[i] != u_pred[i]
        ],
    }


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
    return "\n".join(lines)
