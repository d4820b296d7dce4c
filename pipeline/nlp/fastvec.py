"""Fast, exactly equivalent ``transform`` for fitted scikit-learn TfidfVectorizers.

scikit-learn's analyzers build every n-gram string of every message in Python
and look each one up in the vocabulary; on chat messages that is ~120 us per
message for character 2-5-grams alone. Character n-grams of ``char_wb`` depend
only on the word they come from, so we cache, per distinct word, the array of
vocabulary ids of its n-grams: a message then costs one dict lookup per word.
Word n-grams are generated with a list comprehension. The raw counts are then
weighted with the vectorizer's fitted numbers (sublinear tf, ``idf_``, its norm) by
the very steps of scikit-learn's ``TfidfTransformer.transform`` (same operations,
same order, the same compiled row normalisation), without its input validation,
which costs about 1 ms per call, so the output equals ``vectorizer.transform(docs)``
bit for bit (a test checks it) even for a chunk of a few messages.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l1, inplace_csr_row_normalize_l2

_WS = re.compile(r"\s\s+")
_EMPTY = np.zeros(0, dtype=np.int32)


class FastTfidf:
    """Wraps one fitted TfidfVectorizer (analyzer ``word`` or ``char_wb``)."""

    def __init__(self, vec: TfidfVectorizer, cache_size: int = 200_000) -> None:
        if vec.preprocessor is not None or vec.tokenizer is not None or vec.lowercase or vec.strip_accents:
            raise ValueError("FastTfidf supports only vectorizers without preprocessing")
        if vec.analyzer not in ("word", "char_wb") or vec.stop_words is not None:
            raise ValueError(f"FastTfidf does not support analyzer {vec.analyzer!r}")
        self.vec = vec
        self.vocab: dict[str, int] = vec.vocabulary_
        self.n_features = len(self.vocab)
        self.min_n, self.max_n = vec.ngram_range
        self.analyzer = vec.analyzer
        self.token_re = re.compile(vec.token_pattern) if vec.analyzer == "word" else None
        self.dtype = vec.dtype
        self.sublinear_tf = bool(vec.sublinear_tf)
        self.idf = vec.idf_ if vec.use_idf else None
        self.normalize = {"l2": inplace_csr_row_normalize_l2, "l1": inplace_csr_row_normalize_l1,
                          None: None}[vec.norm]
        self._cache: dict[str, np.ndarray] = {}
        self._cache_size = cache_size

    # -- char_wb ---------------------------------------------------------------------
    def _word_ids(self, word: str) -> np.ndarray:
        ids = self._cache.get(word)
        if ids is not None:
            return ids
        w = " " + word + " "
        vocab = self.vocab
        grams = []
        for n in range(self.min_n, self.max_n + 1):
            # Same n-grams as sklearn's _char_wb_ngrams, including its "short word" rule.
            if len(w) <= n:
                grams.append(w)
                break
            grams.extend(w[i:i + n] for i in range(len(w) - n + 1))
        found = [i for i in map(vocab.get, grams) if i is not None]
        ids = np.array(found, dtype=np.int32) if found else _EMPTY
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[word] = ids
        return ids

    def _doc_ids_char(self, doc: str) -> np.ndarray:
        parts = [self._word_ids(w) for w in doc.split()]
        return np.concatenate(parts) if parts else _EMPTY

    # -- word ------------------------------------------------------------------------
    def _doc_ids_word(self, doc: str) -> np.ndarray:
        return self._ids_from_tokens(self.token_re.findall(doc))

    def _ids_from_tokens(self, toks: list[str]) -> np.ndarray:
        grams: list[str] = []
        for n in range(self.min_n, self.max_n + 1):
            if n == 1:
                grams.extend(toks)
            elif n == 2:
                grams.extend([a + " " + b for a, b in zip(toks, toks[1:])])
            elif n == 3:
                grams.extend([a + " " + b + " " + c for a, b, c in zip(toks, toks[1:], toks[2:])])
            else:
                grams.extend(" ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))
        get = self.vocab.get
        found = [i for i in map(get, grams) if i is not None]
        return np.array(found, dtype=np.int32) if found else _EMPTY

    def counts(self, docs: Sequence[str]) -> sp.csr_matrix:
        doc_ids = self._doc_ids_char if self.analyzer == "char_wb" else self._doc_ids_word
        if self.analyzer == "char_wb":
            docs = [_WS.sub(" ", d) for d in docs]
        return self._matrix([doc_ids(d) for d in docs])

    def counts_from_tokens(self, token_lists: Sequence[list[str]]) -> sp.csr_matrix:
        """Like :meth:`counts` for a word analyzer, from documents already split into its tokens."""
        if self.analyzer != "word":
            raise ValueError("tokens only make sense for a word analyzer")
        return self._matrix([self._ids_from_tokens(t) for t in token_lists])

    def transform_tokens(self, token_lists: Sequence[list[str]]) -> sp.csr_matrix:
        return self.weigh(self.counts_from_tokens(token_lists))

    def weigh(self, X: sp.csr_matrix) -> sp.csr_matrix:
        """``TfidfTransformer.transform(X, copy=False)`` of a canonical float count matrix."""
        if self.sublinear_tf:
            np.log(X.data, X.data)
            X.data += 1.0
        if self.idf is not None:
            X.data *= self.idf[X.indices]
        if self.normalize is not None:
            self.normalize(X)
        return X

    def _matrix(self, rows: list[np.ndarray]) -> sp.csr_matrix:
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(r) for r in rows], out=indptr[1:])
        indices = np.concatenate(rows) if rows else _EMPTY
        data = np.ones(len(indices), dtype=self.dtype)
        X = sp.csr_matrix((data, indices, indptr), shape=(len(rows), self.n_features))
        X.sum_duplicates()
        return X

    def transform(self, docs: Sequence[str]) -> sp.csr_matrix:
        return self.weigh(self.counts(docs))

