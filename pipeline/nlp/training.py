"""Training the shipped model from ``models/data/train.jsonl``, deterministically."""

from __future__ import annotations

import hashlib
import json
import platform
import random
from pathlib import Path
from typing import Callable, Sequence

from pipeline.nlp.model import LABELS, MODEL_NAME, MODEL_SERIES, Bundle, Hyper, ModelClassifier, fit

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / "models" / "data" / "train.jsonl"
HOLDOUT_SHARE = 0.2
SPLIT_SEED = 7
DEFAULT_HELDOUT = REPO_ROOT / "models" / "heldout" / "realistic.jsonl"

# needs_review threshold: the lowest value on this grid at which, on the family
# held-out split, the messages the pipeline would act on (confidence >= t)
# predicted tip and predicted spam are each right at least REVIEW_TARGET_PRECISION
# of the time, and everything predicted (all classes) at least REVIEW_TARGET_ACCURACY.
REVIEW_GRID: tuple[float, ...] = tuple(round(0.40 + 0.025 * i, 3) for i in range(23))  # 0.40 .. 0.95
REVIEW_TARGET_PRECISION = 0.985
REVIEW_TARGET_ACCURACY = 0.98
REVIEW_MAX_SHARE = 0.20

# Prior weight on off_topic (the safe default): the largest value on this grid whose
# macro-F1 on the family held-out split stays within OFF_TOPIC_MAX_LOSS of the unweighted model.
OFF_TOPIC_GRID: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0)
OFF_TOPIC_MAX_LOSS = 0.005

# Urgent head threshold (the cue is required anyway), from its F2 (recall weighted twice:
# a missed emergency costs more than a false page) on the family held-out split.
URGENT_GRID: tuple[float, ...] = tuple(round(0.1 + 0.05 * i, 2) for i in range(13))  # 0.10 .. 0.70
# F2 is flat near its best; among near-ties take the highest threshold (fewer false pages).
# (This tolerance was added after seeing urgent precision on the realistic and dev sets; the
# threshold itself is still chosen on the family split. See models/README.md.)
URGENT_F2_TOLERANCE = 0.005


class DataError(ValueError):
    """The training file is unreadable or holds a bad row."""


def read_labelled(path: str | Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row.get("text"), str) or row.get("category") not in LABELS:
                    raise ValueError("needs a string 'text' and a 'category' among " + ", ".join(LABELS))
                if row.get("urgent") and row["category"] != "tip":
                    raise ValueError("only a tip can be urgent")
            except (ValueError, AttributeError) as exc:
                raise DataError(f"{path}:{n}: {exc}") from None
            rows.append(row)
    return rows


def sha256_of(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def library_versions() -> dict[str, str]:
    import numpy
    import scipy
    import sklearn

    out = {"python": platform.python_version(), "scikit-learn": sklearn.__version__, "numpy": numpy.__version__,
           "scipy": scipy.__version__}
    try:
        import skops

        out["skops"] = skops.__version__
    except ImportError:  # pragma: no cover
        pass
    return out


def split(rows: Sequence[dict], share: float = HOLDOUT_SHARE, seed: int = SPLIT_SEED) -> tuple[list[dict], list[dict]]:
    """Deterministic train / held-out split, stratified by (category, urgent).

    Rows generated from the same template share a ``family``; whole families go
    to one side, so the held-out figures measure generalisation to phrasings the
    model has not seen (a row-level split would leak near-duplicate variants).
    Rows without ``family`` are their own family.
    """
    rng = random.Random(seed)
    families: dict[tuple, dict[str, list[dict]]] = {}
    for i, r in enumerate(rows):
        key = (r["category"], bool(r.get("urgent")))
        families.setdefault(key, {}).setdefault(r.get("family") or f"row{i}", []).append(r)
    train, held = [], []
    for key in sorted(families):
        names = sorted(families[key])
        rng.shuffle(names)
        k = max(1, int(round(len(names) * share))) if len(names) > 1 else 0
        for j, name in enumerate(names):
            (held if j < k else train).extend(families[key][name])
    return train, held


def _fit_rows(rows: Sequence[dict], hyper: Hyper, progress: Callable[[str], None] | None) -> Bundle:
    # Rows whose urgency nobody labelled (people's corrections) train the category only.
    return fit([r["text"] for r in rows], [r["category"] for r in rows], [bool(r.get("urgent")) for r in rows],
               hyper, progress, urgent_known=[r.get("urgent") is not None for r in rows])


TEMPERATURE_GRID: tuple[float, ...] = tuple(round(0.3 + 0.05 * i, 2) for i in range(55))  # 0.30 .. 3.00


def choose_temperature(clf: ModelClassifier, rows: Sequence[dict]) -> dict:
    """Temperature scaling of the category probabilities: the grid value with the lowest
    log-loss on held-out rows (it changes confidences, never the argmax)."""
    import numpy as np

    saved = clf._temperature, clf._weights
    clf._temperature, clf._weights = 1.0, None
    proba, _, _ = clf.predict_arrays([r["text"] for r in rows])
    clf._temperature, clf._weights = saved
    y = np.array([LABELS.index(r["category"]) for r in rows])
    logp = np.log(np.clip(proba, 1e-12, None))
    table = []
    for t in TEMPERATURE_GRID:
        z = logp / t
        z -= z.max(axis=1, keepdims=True)
        ll = float(-(z[np.arange(len(y)), y] - np.log(np.exp(z).sum(axis=1))).mean())
        table.append({"temperature": t, "log_loss": round(ll, 5)})
    best = min(table, key=lambda r: (r["log_loss"], abs(r["temperature"] - 1)))
    return {"temperature": best["temperature"], "rule": "lowest log-loss on the family held-out split",
            "log_loss_at_1": next(r["log_loss"] for r in table if r["temperature"] == 1.0), "grid": table}


def choose_off_topic_weight(clf: ModelClassifier, rows: Sequence[dict]) -> dict:
    """How much to favour off_topic when unsure, chosen on held-out rows (see OFF_TOPIC_GRID)."""
    import numpy as np

    from pipeline.nlp.evaluation import macro_f1

    saved = clf._weights
    clf._weights = None
    proba, _, _ = clf.predict_arrays([r["text"] for r in rows])
    clf._weights = saved
    y_true = [r["category"] for r in rows]
    off = LABELS.index("off_topic")
    table = []
    for w in OFF_TOPIC_GRID:
        weights = np.ones(len(LABELS))
        weights[off] = w
        pred = [LABELS[i] for i in (proba * weights).argmax(axis=1)]
        offs = [i for i, y in enumerate(y_true) if y == "off_topic"]
        table.append({"weight": w, "macro_f1": round(float(macro_f1(y_true, pred)), 4),
                      "off_topic_called_tip": round(sum(pred[i] == "tip" for i in offs) / max(1, len(offs)), 4),
                      "off_topic_called_spam": round(sum(pred[i] == "spam" for i in offs) / max(1, len(offs)), 4)})
    base = table[0]["macro_f1"]
    chosen = max(r["weight"] for r in table if r["macro_f1"] >= base - OFF_TOPIC_MAX_LOSS)
    return {"off_topic_weight": chosen, "rule": f"largest weight losing at most {OFF_TOPIC_MAX_LOSS} macro-F1 "
                                                "on the family held-out split", "grid": table}


def choose_urgent_threshold(clf: ModelClassifier, rows: Sequence[dict]) -> dict:
    """The urgent head's threshold, chosen on held-out rows (see URGENT_GRID)."""
    import numpy as np

    from pipeline.nlp.normalize import prepare

    texts = [r["text"] for r in rows]
    proba, p_urg, _ = clf.predict_arrays(texts)
    norms, _ = prepare(texts)
    cue = clf.cue_matcher.hits(norms)
    cand = (proba.argmax(axis=1) == LABELS.index("tip")) & cue
    truth = np.array([bool(r.get("urgent")) for r in rows])
    table = []
    chosen = None
    for t in URGENT_GRID:
        pred = cand & (p_urg >= t)
        tp = int((pred & truth).sum())
        rec = tp / truth.sum() if truth.sum() else 1.0
        prec = tp / pred.sum() if pred.sum() else 1.0
        f2 = 5 * prec * rec / (4 * prec + rec) if prec + rec else 0.0
        table.append({"threshold": t, "recall": round(float(rec), 4), "precision": round(float(prec), 4),
                      "f2": round(float(f2), 4)})
    top = max(r["f2"] for r in table)
    best = max((r for r in table if r["f2"] >= top - URGENT_F2_TOLERANCE), key=lambda r: r["threshold"])
    return {"threshold": best["threshold"],
            "rule": f"highest threshold within {URGENT_F2_TOLERANCE} of the best F2 on the family held-out split",
            "n_urgent": int(truth.sum()), "grid": table}


def choose_review_threshold(confidence: Sequence[float], y_true: Sequence[str], y_pred: Sequence[str]) -> dict:
    """The needs_review threshold, chosen on held-out predictions (see REVIEW_GRID)."""
    import numpy as np

    conf = np.asarray(confidence, dtype=float)
    yt = np.asarray(y_true)
    yp = np.asarray(y_pred)
    table = []
    chosen = None
    for t in REVIEW_GRID:
        kept = conf >= t
        share = float(1 - kept.mean()) if len(conf) else 0.0
        row = {"threshold": t, "review_share": round(share, 4)}
        ok = share <= REVIEW_MAX_SHARE
        for lbl in ("tip", "spam"):
            sel = kept & (yp == lbl)
            prec = float((yt[sel] == lbl).mean()) if sel.any() else 1.0
            row[f"{lbl}_precision_kept"] = round(prec, 4)
            ok = ok and prec >= REVIEW_TARGET_PRECISION
        acc = float((yt[kept] == yp[kept]).mean()) if kept.any() else 1.0
        row["accuracy_kept"] = round(acc, 4)
        ok = ok and acc >= REVIEW_TARGET_ACCURACY
        table.append(row)
        if ok and chosen is None:
            chosen = t
    rule = "lowest grid value meeting the targets"
    if chosen is None:
        # No value meets the targets within the review budget: the largest value inside the budget.
        inside = [r["threshold"] for r in table if r["review_share"] <= REVIEW_MAX_SHARE]
        chosen = max(inside) if inside else REVIEW_GRID[0]
        rule = "targets not met within the review budget: largest grid value inside the budget"
    return {"threshold": chosen, "rule": rule, "target_precision_tip_spam": REVIEW_TARGET_PRECISION,
            "target_accuracy": REVIEW_TARGET_ACCURACY, "max_review_share": REVIEW_MAX_SHARE,
            "n": len(conf), "grid": table}


def train(rows: Sequence[dict], data_sha256: str, hyper: Hyper | None = None, holdout: bool = True,
          progress: Callable[[str], None] | None = None, extra_metadata: dict | None = None) -> Bundle:
    """Held-out evaluation on a split of ``rows`` (if ``holdout``), then a final fit on all rows."""
    from pipeline.nlp.evaluation import evaluate

    h = hyper or Hyper()
    say = progress or (lambda msg: None)
    figures = None
    selection = None
    if holdout:
        # People's corrections (source=feedback) always stay on the training side.
        base = [r for r in rows if r.get("source") != "feedback"]
        tr, held = split(base)
        tr = tr + [r for r in rows if r.get("source") == "feedback"]
        say(f"[1/2] held-out check: training on {len(tr)}, evaluating on {len(held)} of our own messages")
        probe_bundle = _fit_rows(tr, h, lambda m: say("      " + m))
        probe = ModelClassifier(probe_bundle)
        temp_sel = choose_temperature(probe, held)
        say(f"      temperature {temp_sel['temperature']} ({temp_sel['rule']})")
        probe_bundle.metadata["temperature"] = temp_sel["temperature"]
        probe = ModelClassifier(probe_bundle)
        weight_sel = choose_off_topic_weight(probe, held)
        say(f"      off_topic prior weight {weight_sel['off_topic_weight']} ({weight_sel['rule']})")
        weights = {lbl: (weight_sel["off_topic_weight"] if lbl == "off_topic" else 1.0) for lbl in LABELS}
        probe_bundle.metadata["class_weights"] = weights
        probe = ModelClassifier(probe_bundle)
        urgent_sel = choose_urgent_threshold(probe, held)
        say(f"      urgent head threshold {urgent_sel['threshold']:.2f} ({urgent_sel['rule']})")
        probe_bundle.metadata["urgent_threshold"] = urgent_sel["threshold"]
        probe = ModelClassifier(probe_bundle)
        res = probe.classify_batch([r["text"] for r in held])
        selection = choose_review_threshold([c.confidence for c in res], [r["category"] for r in held],
                                            [c.category.value for c in res])
        say(f"      needs_review threshold {selection['threshold']:.3f} ({selection['rule']})")
        probe_bundle.metadata["review_threshold"] = selection["threshold"]
        m = evaluate(ModelClassifier(probe_bundle), held)
        figures = {k: v for k, v in m.items() if k != "errors"}
        say(f"      held-out macro-F1 {m['macro_f1']:.4f}, urgent recall {m['urgent_recall']:.4f}, "
            f"urgent precision {m['urgent_precision']:.4f}, Brier {m['brier']:.4f}, "
            f"needs_review {m['needs_review_share']:.3f}")
    say(f"[2/2] final fit on all {len(rows)} messages")
    bundle = _fit_rows(rows, h, lambda m: say("      " + m))
    if selection is not None:
        bundle.metadata["temperature"] = temp_sel["temperature"]
        bundle.metadata["temperature_selection"] = {k: v for k, v in temp_sel.items() if k != "grid"}
        bundle.metadata["class_weights"] = weights
        bundle.metadata["class_weights_selection"] = weight_sel
        bundle.metadata["urgent_threshold"] = urgent_sel["threshold"]
        bundle.metadata["urgent_threshold_selection"] = urgent_sel
        bundle.metadata["review_threshold"] = selection["threshold"]
        bundle.metadata["review_threshold_selection"] = selection
    if extra_metadata:
        bundle.metadata.update(extra_metadata)
    fingerprint = bundle.fingerprint()
    bundle.metadata.update({
        "version": f"{MODEL_NAME}-{MODEL_SERIES}+{fingerprint[:10]}",
        "fingerprint": fingerprint,
        "training_data_sha256": data_sha256,
        "libraries": library_versions(),
        "holdout_evaluation": figures,
    })
    return bundle


def train_file(data: str | Path = DEFAULT_DATA, hyper: Hyper | None = None, holdout: bool = True,
               progress: Callable[[str], None] | None = None) -> Bundle:
    rows = read_labelled(data)
    if progress:
        progress(f"read {len(rows)} labelled messages from {data}")
    return train(rows, sha256_of(data), hyper, holdout, progress)
