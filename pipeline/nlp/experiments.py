"""Design measurements behind the shipped model (figures copied into models/README.md).

    python -m pipeline.nlp.experiments [--heldout models/heldout/realistic.jsonl] [--dev FILE] [--only a,b]

Every variant is trained on the 80% family split of ``models/data/train.jsonl``
and measured on the other 20% (``family``), on the independent hand-written
held-out set (``realistic``, never trained or tuned on) and, when given, on the
dev set (evaluation only). Figures per set: macro-F1 (all, no diacritics),
share of off_topic called tip / spam, spam precision, urgent precision/recall
(category tip + head >= 0.3 + an emergency cue), and the throughput of the
variant's feature pipeline through scikit-learn's own ``transform`` in batches
of 256 on one core (a comparison between variants; the shipped model uses the
faster exact path in ``fastvec``).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from typing import Callable

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

from pipeline.nlp.cues import compile_cues
from pipeline.nlp.evaluation import macro_f1
from pipeline.nlp.model import LABELS, TOKEN_PATTERN, Hyper, build_vectorizers
from pipeline.nlp.normalize import has_diacritics, prepare, strip_accents
from pipeline.nlp.training import DEFAULT_DATA, DEFAULT_HELDOUT, read_labelled, split


def _segment(texts: list[str]) -> list[str]:
    from underthesea import word_tokenize

    return [word_tokenize(t, format="text") for t in texts]


def _uts_normalize(texts: list[str]) -> list[str]:
    from underthesea import text_normalize

    return [text_normalize(t) for t in texts]


def figures(rows: list[dict], y_pred: list[str], u_pred: list[bool]) -> dict:
    y_true = [r["category"] for r in rows]
    ut = [bool(r.get("urgent")) for r in rows]
    plain = [i for i, r in enumerate(rows) if not (r["diacritics"] if "diacritics" in r else has_diacritics(r["text"]))]
    off = [i for i, y in enumerate(y_true) if y == "off_topic"]
    spam_pred = [i for i, y in enumerate(y_pred) if y == "spam"]
    tp = sum(a and b for a, b in zip(ut, u_pred))
    return {
        "macro_f1": round(float(macro_f1(y_true, y_pred)), 4),
        "macro_f1_plain": round(float(macro_f1([y_true[i] for i in plain], [y_pred[i] for i in plain])), 4)
        if plain else None,
        "off>tip": round(sum(y_pred[i] == "tip" for i in off) / max(1, len(off)), 4),
        "off>spam": round(sum(y_pred[i] == "spam" for i in off) / max(1, len(off)), 4),
        "spam_P": round(sum(y_true[i] == "spam" for i in spam_pred) / max(1, len(spam_pred)), 4),
        "urg_P": round(tp / max(1, sum(u_pred)), 4),
        "urg_R": round(tp / max(1, sum(ut)), 4),
    }


def run_variant(name: str, train_rows: list[dict], test_sets: dict[str, list[dict]], hyper: Hyper,
                views: tuple[str, ...] = ("word", "plain_word", "plain_char"), segment: bool = False,
                compounds: str | None = None, uts_norm: bool = False) -> dict:
    """``compounds``: None, "replace" (the accent-free word block reads compound-joined text) or
    "extra" (a fourth block of the matched compounds only)."""
    joiner = None
    if compounds:
        from pipeline.nlp.compounds import CompoundJoiner, build_lexicon

        norms, _ = prepare([r["text"] for r in train_rows])
        joiner = CompoundJoiner(build_lexicon(norms))

    def inputs(texts: list[str]) -> dict[str, list[str]]:
        if uts_norm:
            texts = _uts_normalize(texts)
        norms, plains = prepare(texts)
        out = {"word": norms, "plain_word": plains, "plain_char": plains}
        if segment:
            seg = _segment(norms)
            out.update(word=seg, plain_word=[strip_accents(s) for s in seg])
        if joiner is not None:
            if compounds == "replace":
                out["plain_word"] = joiner.join_all(plains)
            else:
                out["compound"] = [joiner.compounds_only(p) for p in plains]
        return out

    vecs: dict[str, TfidfVectorizer] = dict(build_vectorizers(replace(hyper, blocks=tuple(views))))
    if compounds == "extra":
        vecs["compound"] = TfidfVectorizer(analyzer="word", token_pattern=TOKEN_PATTERN, lowercase=False,
                                           sublinear_tf=True, min_df=2, dtype=np.float32)
    t0 = time.perf_counter()
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
    out = {"variant": name, "train_s": round(time.perf_counter() - t0, 1)}
    cues = compile_cues()
    for set_name, rows in test_sets.items():
        texts = [r["text"] for r in rows]
        t0 = time.perf_counter()
        feats = []
        for s in range(0, len(texts), 256):
            chunk = inputs(texts[s:s + 256])
            feats.append(sp.hstack([v.transform(chunk[k]) for k, v in vecs.items()], format="csr"))
        Xt = sp.vstack(feats)
        pred = clf.predict(Xt)
        pu = urg.predict_proba(Xt)[:, 1]
        dt = time.perf_counter() - t0
        norms, _ = prepare(texts)
        hits = cues.hits(norms)
        u_pred = [bool(pred[i] == 0 and pu[i] >= 0.3 and hits[i]) for i in range(len(rows))]
        out[set_name] = {**figures(rows, [LABELS[i] for i in pred], u_pred), "msgs_s": round(len(rows) / dt)}
    return out


def _combined(name: str, tr: list[dict], tests: dict, h: Hyper) -> Callable[[], dict]:
    kw: dict = {}
    for part in name.split("+"):
        if part == "words_only":
            kw["views"] = ("word", "plain_word")
        elif part == "no_accented_words":
            kw["views"] = ("plain_word", "plain_char")
        elif part == "segmented":
            kw["segment"] = True
        elif part == "uts_norm":
            kw["uts_norm"] = True
        elif part == "svc":
            h = replace(h, classifier="svc_sigmoid")
        elif part == "all_blocks":
            kw["views"] = ("word", "plain_word", "plain_char")
        elif part.startswith("compounds_"):
            kw["compounds"] = part.split("_", 1)[1]
        elif part.startswith("logreg_C="):
            h = replace(h, classifier="logreg", C=float(part.split("=")[1]))
        elif part.startswith("svc_C="):
            h = replace(h, svc_C=float(part.split("=")[1]))
        elif part.startswith("max_words="):
            h = replace(h, max_word_features=int(part.split("=")[1]))
        elif part.startswith("char_"):
            lo, hi = part.split("_")[1:]
            h = replace(h, char_ngrams=(int(lo), int(hi)))
        elif part.startswith("plain_word_"):
            lo, hi = part.split("_")[2:]
            h = replace(h, plain_word_ngrams=(int(lo), int(hi)))
        elif part.startswith("word_"):
            lo, hi = part.split("_")[1:]
            h = replace(h, word_ngrams=(int(lo), int(hi)))
        else:
            raise SystemExit(f"unknown variant part {part!r}")
    return lambda: run_variant(name, tr, tests, h, **kw)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="training data (default: models/data/train.jsonl)")
    ap.add_argument("--heldout", default=str(DEFAULT_HELDOUT))
    ap.add_argument("--dev", default=None)
    ap.add_argument("--only", default=None, help="comma-separated variant names")
    ap.add_argument("--split-seed", type=int, default=None, help="another family split (default: the trainer's)")
    args = ap.parse_args(argv)
    rows = read_labelled(args.data)
    tr, held = split(rows) if args.split_seed is None else split(rows, seed=args.split_seed)
    tests = {"family": held}
    try:
        tests["realistic"] = read_labelled(args.heldout)
    except OSError:
        pass
    if args.dev:
        tests["dev"] = read_labelled(args.dev)
    h = Hyper(compounds=False)  # variants add compounds explicitly
    variants: dict[str, Callable[[], dict]] = {
        "baseline": lambda: run_variant("baseline", tr, tests, h),
        "segmented_words": lambda: run_variant("segmented_words", tr, tests, h, segment=True),
        "compounds_replace": lambda: run_variant("compounds_replace", tr, tests, h, compounds="replace"),
        "compounds_extra": lambda: run_variant("compounds_extra", tr, tests, h, compounds="extra"),
        "uts_text_normalize": lambda: run_variant("uts_text_normalize", tr, tests, h, uts_norm=True),
        "no_accented_words": lambda: run_variant("no_accented_words", tr, tests, h, ("plain_word", "plain_char")),
        "chars_only": lambda: run_variant("chars_only", tr, tests, h, ("plain_char",)),
        "words_only": lambda: run_variant("words_only", tr, tests, h, ("word", "plain_word")),
        "logreg_C=8": lambda: run_variant("logreg_C=8", tr, tests, replace(h, classifier="logreg", C=8.0)),
        "logreg_C=32": lambda: run_variant("logreg_C=32", tr, tests, replace(h, classifier="logreg", C=32.0)),
        "svc_C=0.25": lambda: run_variant("svc_C=0.25", tr, tests, replace(h, svc_C=0.25)),
        "svc_C=1": lambda: run_variant("svc_C=1", tr, tests, replace(h, svc_C=1.0)),
        "plain_word_1_3": lambda: run_variant("plain_word_1_3", tr, tests, replace(h, plain_word_ngrams=(1, 3))),
        "char_1_4": lambda: run_variant("char_1_4", tr, tests, replace(h, char_ngrams=(1, 4))),
        "min_df=1": lambda: run_variant("min_df=1", tr, tests, replace(h, min_df=1)),
    }
    names = args.only.split(",") if args.only else list(variants)
    for name in names:
        if args.split_seed is not None:
            print(f"# family split seed {args.split_seed}", flush=True)
        if name not in variants:  # a combination: e.g. "words_only+compounds_replace+logreg_C=8"
            variants[name] = _combined(name, tr, tests, h)
        print(json.dumps(variants[name]()), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
