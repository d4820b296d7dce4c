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
    return fit([r["text"] for r in rows], [r["category"] for r in rows], [bool(r.get("urgent")) for r in rows],
               hyper, progress)


def train(rows: Sequence[dict], data_sha256: str, hyper: Hyper | None = None, holdout: bool = True,
          progress: Callable[[str], None] | None = None) -> Bundle:
    """Held-out evaluation on a split of ``rows`` (if ``holdout``), then a final fit on all rows."""
    from pipeline.nlp.evaluation import evaluate

    h = hyper or Hyper()
    say = progress or (lambda msg: None)
    figures = None
    if holdout:
        tr, held = split(rows)
        say(f"[1/2] held-out check: training on {len(tr)}, evaluating on {len(held)} of our own messages")
        probe = _fit_rows(tr, h, lambda m: say("      " + m))
        m = evaluate(ModelClassifier(probe), held)
        figures = {k: v for k, v in m.items() if k != "errors"}
        say(f"      held-out macro-F1 {m['macro_f1']:.4f}, urgent recall {m['urgent_recall']:.4f}, "
            f"urgent precision {m['urgent_precision']:.4f}, Brier {m['brier']:.4f}")
    say(f"[2/2] final fit on all {len(rows)} messages")
    bundle = _fit_rows(rows, h, lambda m: say("      " + m))
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
