"""Design measurements behind the shipped model (figures copied into models/README.md).

    python -m pipeline.nlp.experiments [--dev /work/shared/data/dev_messages.jsonl]

For each variant: macro-F1 and urgent recall on the family-held-out split of our
own data, the same on the dev set when given (evaluation only: nothing is fitted
or selected automatically on it), and classification throughput of the
feature pipeline in batches of 256 on one core.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from typing import Callable

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from pipeline.nlp.evaluation import macro_f1
from pipeline.nlp.model import LABELS, Hyper, build_vectorizers
from pipeline.nlp.normalize import prepare, strip_accents
from pipeline.nlp.training import DEFAULT_DATA, read_labelled, split


def _segment(texts: list[str]) -> list[str]:
    from underthesea import word_tokenize

    return [word_tokenize(t, format="text") for t in texts]


def run_variant(name: str, train_rows: list[dict], test_sets: dict[str, list[dict]], hyper: Hyper,
                views: tuple[str, ...] = ("word", "plain_word", "plain_char"), segment: bool = False) -> dict:
    def inputs(texts: list[str]) -> dict[str, list[str]]:
        norms, plains = prepare(texts)
        if segment:
            seg = _segment(norms)
            return {"word": seg, "plain_word": [strip_accents(s) for s in seg], "plain_char": plains}
        return {"word": norms, "plain_word": plains, "plain_char": plains}

    vecs = {k: v for k, v in build_vectorizers(hyper).items() if k in views}
    tr = inputs([r["text"] for r in train_rows])
    X = sp.hstack([v.fit_transform(tr[k]) for k, v in vecs.items()], format="csr")
    y = np.array([LABELS.index(r["category"]) for r in train_rows])
    if hyper.classifier == "svc_sigmoid":
        clf = CalibratedClassifierCV(LinearSVC(C=hyper.svc_C, random_state=0), method="sigmoid", cv=3,
                                     ensemble=False).fit(X, y)
    else:
        clf = LogisticRegression(C=hyper.C, max_iter=3000).fit(X, y)
    tips = np.flatnonzero(y == 0)
    urg = LogisticRegression(C=hyper.urgent_C, max_iter=3000, class_weight="balanced").fit(
        X[tips], np.array([int(bool(train_rows[i].get("urgent"))) for i in tips]))
    out = {"variant": name}
    for set_name, rows in test_sets.items():
        texts = [r["text"] for r in rows]
        t0 = time.perf_counter()
        feats = []
        for s in range(0, len(texts), 256):
            chunk = inputs(texts[s:s + 256])
            feats.append(sp.hstack([v.transform(chunk[k]) for k, v in vecs.items()], format="csr"))
        Xt = sp.vstack(feats)
        pred = clf.predict(Xt)
        u = urg.predict_proba(Xt)[:, 1] >= 0.5
        dt = time.perf_counter() - t0
        y_true = [r["category"] for r in rows]
        y_pred = [LABELS[i] for i in pred]
        ut = [bool(r.get("urgent")) for r in rows]
        up = [bool(u[i]) and pred[i] == 0 for i in range(len(rows))]
        tp = sum(a and b for a, b in zip(ut, up))
        out[set_name] = {"macro_f1": round(float(macro_f1(y_true, y_pred)), 4),
                         "urgent_recall": round(float(tp / max(1, sum(ut))), 4),
                         "urgent_precision": round(float(tp / max(1, sum(up))), 4),
                         "msgs_per_s_sklearn_path": round(len(rows) / dt)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dev", default=None)
    ap.add_argument("--only", default=None, help="comma-separated variant names")
    args = ap.parse_args(argv)
    rows = read_labelled(DEFAULT_DATA)
    tr, held = split(rows)
    tests = {"heldout": held}
    if args.dev:
        tests["dev"] = read_labelled(args.dev)
    h = Hyper()
    variants: dict[str, Callable[[], dict]] = {
        "baseline": lambda: run_variant("baseline", tr, tests, h),
        "no_accented_words": lambda: run_variant("no_accented_words", tr, tests, h, ("plain_word", "plain_char")),
        "chars_only": lambda: run_variant("chars_only", tr, tests, h, ("plain_char",)),
        "words_only": lambda: run_variant("words_only", tr, tests, h, ("word", "plain_word")),
        "segmented_words": lambda: run_variant("segmented_words", tr, tests, h, segment=True),
        "logreg_C=8": lambda: run_variant("logreg_C=8", tr, tests, replace(h, classifier="logreg", C=8.0)),
        "logreg_C=2": lambda: run_variant("logreg_C=2", tr, tests, replace(h, classifier="logreg", C=2.0)),
        "svc_C=0.25": lambda: run_variant("svc_C=0.25", tr, tests, replace(h, svc_C=0.25)),
        "svc_C=1": lambda: run_variant("svc_C=1", tr, tests, replace(h, svc_C=1.0)),
        "plain_word_1_2": lambda: run_variant("plain_word_1_2", tr, tests, replace(h, plain_word_ngrams=(1, 2))),
        "min_df=5": lambda: run_variant("min_df=5", tr, tests, replace(h, min_df=5)),
        "char_1_4": lambda: run_variant("char_1_4", tr, tests, replace(h, char_ngrams=(1, 4))),
    }
    names = args.only.split(",") if args.only else list(variants)
    for name in names:
        print(variants[name](), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
