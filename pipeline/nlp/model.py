"""The binhyen message classifier: features, training, batch prediction.

Features (all plain scikit-learn objects, so the artifact can be saved with
skops and loaded without unpickling arbitrary code):

* word 1-2-grams over the normalised text (diacritics kept),
* word 1-3-grams over the accent-stripped text,
* character 2-5-grams (``char_wb``) over the accent-stripped text,

stacked into one sparse matrix. A linear SVM, calibrated with Platt scaling on
3-fold cross-validation, gives the category and its probabilities; a second logistic regression trained on tips
only gives ``P(urgent | tip)``; a tip is urgent only when the head agrees and
the text holds an explicit emergency cue (:mod:`pipeline.nlp.cues`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp
from scipy import special
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC
from sklearn.utils.extmath import safe_sparse_dot, softmax

from pipeline.domain.classification import CATEGORIES, Category, Classification
from pipeline.nlp.compounds import WORD_RE, CompoundJoiner
from pipeline.nlp.cues import URGENT_CUES, compile_cues
from pipeline.nlp.fastvec import FastTfidf
from pipeline.nlp.normalize import prepare

MODEL_NAME = "binhyen-nlp"
MODEL_SERIES = "1"
LABELS: tuple[str, ...] = tuple(c.value for c in CATEGORIES)

# A tip is urgent when the urgent head says P(urgent | tip) >= URGENT_THRESHOLD *and*
# the text holds an explicit emergency cue (pipeline.nlp.cues). Both numbers, and the
# cue list, are stored in the artifact's metadata; the classifier uses the stored copies.
URGENT_THRESHOLD = 0.5
# Below this winning-class probability a message is flagged needs_review. The trainer
# chooses it on held-out data and stores it in the metadata; this is the fallback for
# artifacts that do not carry one.
DEFAULT_REVIEW_THRESHOLD = 0.0

TOKEN_PATTERN = r"(?u)\b\w+\b"


@dataclass(frozen=True)
class Hyper:
    """Hyper-parameters; part of the artifact metadata."""

    word_ngrams: tuple[int, int] = (1, 2)
    plain_word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    min_df: int = 2
    max_char_features: int = 120_000
    max_word_features: int = 60_000
    classifier: str = "logreg"  # or "svc_sigmoid"
    C: float = 8.0  # logistic regression
    svc_C: float = 0.5  # LinearSVC, calibrated with Platt scaling (sigmoid) on 3-fold cross-validation
    urgent_C: float = 4.0
    blocks: tuple[str, ...] = ("word", "plain_word")  # of "word", "plain_word", "plain_char"
    compounds: bool = False  # join underthesea-found compound words in the accent-free word block (measured: see models/README.md)
    compound_min_count: int = 3

    def to_dict(self) -> dict:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in self.__dict__.items()}


def build_vectorizers(h: Hyper) -> dict[str, TfidfVectorizer]:
    common = dict(lowercase=False, sublinear_tf=True, min_df=h.min_df, dtype=np.float32)
    every = {
        "word": TfidfVectorizer(analyzer="word", token_pattern=TOKEN_PATTERN, ngram_range=h.word_ngrams,
                                max_features=h.max_word_features, **common),
        "plain_word": TfidfVectorizer(analyzer="word", token_pattern=TOKEN_PATTERN, ngram_range=h.plain_word_ngrams,
                                      max_features=h.max_word_features, **common),
        "plain_char": TfidfVectorizer(analyzer="char_wb", ngram_range=h.char_ngrams,
                                      max_features=h.max_char_features, **common),
    }
    return {name: every[name] for name in h.blocks}


def views_for(norms: list[str], plains: list[str], joiner: CompoundJoiner | None) -> dict[str, list[str]]:
    """The text each feature block reads."""
    return {"word": norms, "plain_word": joiner.join_all(plains) if joiner else plains, "plain_char": plains}


def _features(vecs: dict[str, TfidfVectorizer], inputs: dict[str, list[str]], fit: bool = False) -> sp.csr_matrix:
    mats = []
    for name, vec in vecs.items():
        mats.append(vec.fit_transform(inputs[name]) if fit else vec.transform(inputs[name]))
    return sp.hstack(mats, format="csr", dtype=np.float32)


def linear_proba(model: object, X: sp.csr_matrix) -> np.ndarray:
    """``model.predict_proba(X)`` for a fitted LogisticRegression on a CSR matrix, by the same steps
    as scikit-learn's (``safe_sparse_dot`` + intercept, then softmax, or expit for two classes)
    without its per-call input validation (about 0.5 ms, which dominates a small batch); the result
    is the same array (a test compares them on the training texts). Any other model: its own
    ``predict_proba``."""
    if type(model) is not LogisticRegression or not sp.issparse(X) or X.format != "csr":
        return model.predict_proba(X)  # type: ignore[attr-defined]
    coef = model.coef_
    scores = safe_sparse_dot(X, coef.T, dense_output=True) + model.intercept_
    if len(model.classes_) <= 2:
        if scores.ndim > 1 and scores.shape[1] == 1:
            scores = scores.reshape(-1)
        prob = special.expit(scores, out=scores)
        return np.stack([1 - prob, prob], axis=1)
    return softmax(scores, copy=False)


@dataclass
class Bundle:
    """Everything the artifact holds (all plain sklearn / numpy / builtin objects)."""

    vectorizers: dict[str, TfidfVectorizer]
    category_model: LogisticRegression | CalibratedClassifierCV
    urgent_model: LogisticRegression
    metadata: dict
    compounds: tuple[str, ...] = ()  # accent-free compound words (pipeline.nlp.compounds), may be empty

    def fingerprint(self) -> str:
        """SHA-256 over the learned numbers and vocabularies: equal for equal models."""
        h = hashlib.sha256()
        for name in sorted(self.vectorizers):
            vec = self.vectorizers[name]
            for term, idx in sorted(vec.vocabulary_.items()):
                h.update(f"{term}\t{idx}\n".encode())
            h.update(np.ascontiguousarray(vec.idf_, dtype=np.float64).round(8).tobytes())
        for model in (self.category_model, self.urgent_model):
            for arr in _learned_arrays(model):
                h.update(np.ascontiguousarray(arr, dtype=np.float64).round(8).tobytes())
            h.update(" ".join(map(str, model.classes_)).encode())
        if self.compounds:
            h.update(("compounds\n" + "\n".join(self.compounds)).encode())
        # The decision rules stored next to the weights change behaviour too.
        for key in ("urgent_cues", "urgent_threshold", "review_threshold", "class_weights", "temperature"):
            if key in self.metadata:
                h.update(f"{key}={json.dumps(self.metadata[key], ensure_ascii=False, sort_keys=True)}\n".encode())
        return h.hexdigest()


def _learned_arrays(model: object) -> list[np.ndarray]:
    """The fitted numbers of a LogisticRegression or a CalibratedClassifierCV over a linear model."""
    if isinstance(model, CalibratedClassifierCV):
        out: list[np.ndarray] = []
        for cc in model.calibrated_classifiers_:
            out += [cc.estimator.coef_, cc.estimator.intercept_]
            for cal in cc.calibrators:
                out += [np.atleast_1d(cal.a_), np.atleast_1d(cal.b_)]
        return out
    return [model.coef_, model.intercept_]


def fit(texts: Sequence[str], categories: Sequence[str], urgents: Sequence[bool], hyper: Hyper | None = None,
        progress: Callable[[str], None] | None = None, urgent_known: Sequence[bool] | None = None) -> Bundle:
    """Train on labelled texts. Deterministic for the same inputs."""
    h = hyper or Hyper()
    say = progress or (lambda msg: None)
    say(f"normalising {len(texts)} messages")
    norms, plains = prepare(texts)
    compounds: tuple[str, ...] = ()
    if h.compounds:
        from pipeline.nlp.compounds import build_lexicon

        say("building the compound-word lexicon with underthesea word_tokenize")
        compounds = tuple(build_lexicon(norms, h.compound_min_count))
        say(f"{len(compounds)} compound words")
    joiner = CompoundJoiner(compounds) if compounds else None
    vecs = build_vectorizers(h)
    say(f"fitting TF-IDF vocabularies ({', '.join(vecs)})")
    X = _features(vecs, views_for(norms, plains, joiner), fit=True)
    say(f"feature matrix {X.shape[0]} x {X.shape[1]}, {X.nnz} non-zeros")
    y = np.array([LABELS.index(c) for c in categories])
    if h.classifier == "svc_sigmoid":
        say("training the category model (linear SVM, sigmoid-calibrated on 3-fold cross-validation)")
        cat = CalibratedClassifierCV(LinearSVC(C=h.svc_C, random_state=0), method="sigmoid", cv=3, ensemble=False)
    elif h.classifier == "logreg":
        say("training the category model (multinomial logistic regression)")
        cat = LogisticRegression(C=h.C, max_iter=3000, solver="lbfgs")
    else:
        raise ValueError(f"unknown classifier {h.classifier!r}")
    cat.fit(X, y)
    say("training the urgent head on tips")
    known = np.ones(len(texts), dtype=bool) if urgent_known is None else np.asarray(urgent_known, dtype=bool)
    tip_idx = np.flatnonzero((y == LABELS.index(Category.TIP.value)) & known)
    yu = np.array([bool(urgents[i]) for i in tip_idx], dtype=int)
    urg = LogisticRegression(C=h.urgent_C, max_iter=3000, solver="lbfgs", class_weight="balanced")
    urg.fit(X[tip_idx], yu)
    meta = {"model": MODEL_NAME, "hyper": h.to_dict(), "labels": list(LABELS), "n_train": len(texts),
            "n_features": int(X.shape[1]), "urgent_cues": list(URGENT_CUES), "urgent_rule": "cue_and_head",
            "urgent_threshold": URGENT_THRESHOLD, "review_threshold": DEFAULT_REVIEW_THRESHOLD,
            "n_compounds": len(compounds)}
    return Bundle(vecs, cat, urg, meta, compounds)


class ModelClassifier:
    """The trained model behind the :class:`~pipeline.domain.classification.Classifier` protocol."""

    def __init__(self, bundle: Bundle) -> None:
        self._b = bundle
        self._version = str(bundle.metadata.get("version") or f"{MODEL_NAME}-{MODEL_SERIES}")
        self._labels = tuple(bundle.metadata.get("labels", LABELS))
        self._cats = tuple(Category(lbl) for lbl in self._labels)
        self._tip = self._labels.index(Category.TIP.value)
        self._thr = float(bundle.metadata.get("urgent_threshold", URGENT_THRESHOLD))
        self._review_thr = float(bundle.metadata.get("review_threshold", DEFAULT_REVIEW_THRESHOLD))
        self._cues = compile_cues(bundle.metadata.get("urgent_cues") or URGENT_CUES)
        # Prior weights on the calibrated probabilities (off_topic > 1: the safe default when unsure).
        self._temperature = float(bundle.metadata.get("temperature") or 1.0)
        w = bundle.metadata.get("class_weights")
        self._weights = np.asarray([float(w.get(lbl, 1.0)) for lbl in self._labels]) if w else None
        # Classes of the fitted models are label indices 0..3 (category) and 0/1 (urgent).
        self._urgent_col = list(bundle.urgent_model.classes_).index(1)
        self._fast = {name: FastTfidf(vec) for name, vec in bundle.vectorizers.items()}
        self._joiner = CompoundJoiner(bundle.compounds) if bundle.compounds else None

    @property
    def version(self) -> str:
        return self._version

    @property
    def metadata(self) -> dict:
        return self._b.metadata

    @property
    def bundle(self) -> Bundle:
        return self._b

    @property
    def cue_matcher(self):
        return self._cues

    @property
    def review_threshold(self) -> float:
        return self._review_thr

    def predict_arrays(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For a batch: ``P(category)`` (n x 4, columns in ``LABELS`` order), ``P(urgent | tip)`` (n)
        and the urgent decision (n booleans; only ever true where the category is ``tip``, the head
        agrees and the text holds an explicit emergency cue)."""
        n = len(texts)
        if not n:
            return np.zeros((0, len(self._labels))), np.zeros(0), np.zeros(0, dtype=bool)
        norms, plains = prepare(texts)
        mats = []
        for name, fast in self._fast.items():
            if name == "plain_word" and self._joiner is not None:
                # Same tokens the vectorizer would find in the joined text, without re-joining and re-splitting.
                join, find = self._joiner.join_tokens, WORD_RE.findall
                mats.append(fast.transform_tokens([join(find(p)) for p in plains]))
            else:
                mats.append(fast.transform(norms if name == "word" else plains))
        X = sp.hstack(mats, format="csr")
        proba = linear_proba(self._b.category_model, X)
        if self._temperature != 1.0:  # temperature scaling, fitted on held-out data (calibration)
            logp = np.log(np.clip(proba, 1e-12, None)) / self._temperature
            logp -= logp.max(axis=1, keepdims=True)
            proba = np.exp(logp)
            proba /= proba.sum(axis=1, keepdims=True)
        raw = proba
        if self._weights is not None:
            proba = proba * self._weights
            proba /= proba.sum(axis=1, keepdims=True)
        p_urg = linear_proba(self._b.urgent_model, X)[:, self._urgent_col]
        # Urgency is judged on the unweighted probabilities: the off_topic prior is for when the
        # model is unsure, not for overruling an explicit emergency the urgent head agrees on.
        urgent = (raw.argmax(axis=1) == self._tip) & (p_urg >= self._thr)
        # The cue scan runs only on the few candidates the head already agrees on.
        for i in np.flatnonzero(urgent):
            if self._cues.find(norms[i]) is None:
                urgent[i] = False
        if self._weights is not None and urgent.any():
            proba[urgent] = raw[urgent]  # an urgent tip keeps its unweighted scores (argmax: tip)
        return proba, p_urg, urgent

    def classify_batch(self, texts: Sequence[str]) -> list[Classification]:
        texts = [t if isinstance(t, str) else "" for t in texts]
        proba, _, urgent = self.predict_arrays(texts)
        return self.classifications(proba, urgent)

    def classifications(self, proba: np.ndarray, urgent: np.ndarray) -> list[Classification]:
        """The :class:`Classification` of each row of ``predict_arrays``' probabilities and urgent
        decisions (split out so a child process can compute the arrays and the worker build these)."""
        best = proba.argmax(axis=1).tolist() if len(proba) else []
        urgent_list = urgent.tolist()
        labels, cats, version, thr = self._labels, self._cats, self._version, self._review_thr
        out: list[Classification] = []
        for i, row in enumerate(proba.tolist()):
            conf = row[best[i]]
            out.append(Classification(cats[best[i]], bool(urgent_list[i]), dict(zip(labels, row)), version,
                                      confidence=conf, needs_review=conf < thr))
        return out
