"""A small, documented keyword classifier.

It is the fallback when the trained model cannot be loaded (the worker keeps
moderating, and ``binhyen_model_fallback`` says so), and a baseline in tests.
Matching is done on the lower-cased, accent-stripped text, so "cướp" and
"cuop" both match.
"""

from __future__ import annotations

import re
from typing import Sequence

from pipeline.domain.classification import Category, Classification
from pipeline.domain.text import fold

VERSION = "keywords-1"

_SPAM = ("vay tien", "lai suat", "giai ngan", "khuyen mai", "giam gia", "inbox", "ib ngay",
         "kiem tien", "casino", "ca cuoc", "nha cai", "tuyen dung", "viec nhe luong cao", "bam link",
         "dang ky ngay", "uu dai", "freeship", "ban hang", "can ban", "thanh ly", "ho tro von")
_LOST = ("danh roi", "nhat duoc", "bi mat vi", "roi vi", "mat vi", "mat giay to", "mat dien thoai",
         "luom duoc", "cmnd", "can cuoc", "cccd", "bang lai", "giay to xe", "lac mat cho", "bi lac con cho",
         "roi o", "ai nhat", "tra lai")
_TIP = ("trom", "cuop", "giat", "danh nhau", "hon chien", "dao", "ma tuy", "danh bac", "co bac",
        "lua dao", "gia danh", "chay", "dam chay", "duoi nuoc", "tai nan", "dot nhap", "pha khoa",
        "nghi van", "doi tuong", "dua xe", "bao hanh", "mat tich", "lac con", "be bi lac", "chem",
        "sung", "bao luc", "xe qua tai", "ke gian", "ban ma tuy")
_URGENT = ("cuu", "gap", "ngay bay gio", "dang chay", "chay nha", "dang danh", "dang cuop",
           "vua cuop", "duoi nuoc", "mat tich", "dang dot nhap", "co dao", "chem", "khan cap", "114", "113")


def strip_accents(text: str) -> str:
    """Lower case, no diacritics: the shared fold (``pipeline.domain.text``)."""
    return fold(text)


def _hits(text: str, words: Sequence[str]) -> int:
    return sum(1 for w in words if re.search(r"\b" + re.escape(w) + r"\b", text))


class KeywordClassifier:
    """Counts keyword hits per category; ties and no hits go to ``off_topic``."""

    version = VERSION

    def classify(self, text: str) -> Classification:
        plain = strip_accents(text)
        hits = {
            Category.SPAM: _hits(plain, _SPAM) + (2 if "http" in plain else 0),
            Category.LOST_ITEM: _hits(plain, _LOST),
            Category.TIP: _hits(plain, _TIP),
        }
        best = max(hits, key=lambda c: hits[c])
        category = best if hits[best] > 0 else Category.OFF_TOPIC
        total = sum(hits.values()) + 1
        scores = {c.value: hits.get(c, 0) / total for c in Category}
        scores[Category.OFF_TOPIC.value] = 1 / total
        urgent = category is Category.TIP and _hits(plain, _URGENT) > 0
        # Its "confidence" is its share of hits; it never sets needs_review (it has no calibrated
        # threshold), so a pipeline running on the fallback behaves as before.
        return Classification(category, urgent, scores, VERSION, confidence=scores[category.value])

    def classify_batch(self, texts: Sequence[str]) -> list[Classification]:
        return [self.classify(t) for t in texts]
