"""The fast inference path gives exactly scikit-learn's numbers, on every training text.

``FastTfidf.weigh`` replaces ``TfidfTransformer.transform`` and ``model.linear_proba`` replaces
``predict_proba`` (both without scikit-learn's per-call validation); the classifier child process
(``pipeline.streams.classifier_process``) classifies in chunks. None of it may change a label or a
score: compared with ``==`` on arrays, not with a tolerance.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import orjson
import pytest
import scipy.sparse as sp

from pipeline.nlp.compounds import WORD_RE
from pipeline.nlp.model import linear_proba
from pipeline.nlp.normalize import prepare

TRAIN = Path(__file__).resolve().parents[2] / "models" / "data" / "train.jsonl"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [orjson.loads(line)["text"] for line in TRAIN.read_text(encoding="utf-8").splitlines() if line.strip()]


def _counts(model, texts):
    norms, plains = prepare(texts)
    out = {}
    for name, fast in model._fast.items():
        if name == "plain_word" and model._joiner is not None:
            out[name] = fast.counts_from_tokens([model._joiner.join_tokens(WORD_RE.findall(p)) for p in plains])
        else:
            out[name] = fast.counts(norms if name == "word" else plains)
    return out


def test_weigh_equals_tfidf_transformer(model, texts):
    for name, counts in _counts(model, texts).items():
        fast, vec = model._fast[name], model.bundle.vectorizers[name]
        expected = vec._tfidf.transform(counts.copy(), copy=False)
        got = fast.weigh(counts.copy())
        assert got.dtype == expected.dtype
        assert (got != expected).nnz == 0, name
        assert np.array_equal(got.indptr, expected.indptr) and np.array_equal(got.indices, expected.indices)


def test_linear_proba_equals_predict_proba(model, texts):
    mats = [model._fast[name].weigh(c) for name, c in _counts(model, texts).items()]
    X = sp.hstack(mats, format="csr")
    for head in (model.bundle.category_model, model.bundle.urgent_model):
        assert np.array_equal(linear_proba(head, X), head.predict_proba(X))


def test_chunks_classify_as_one_batch(model, texts):
    texts = texts[::4]  # 12,000 texts: chunks of 1 cost ~1 ms a text
    whole = model.classify_batch(texts)
    for size in (1, 8, 32):
        chunked = [c for i in range(0, len(texts), size) for c in model.classify_batch(texts[i:i + size])]
        assert chunked == whole, size
