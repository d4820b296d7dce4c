"""A compound-word lexicon built with underthesea at training time, matched fast at inference.

Vietnamese writes words as space-separated syllables ("công an", "đánh nhau",
"lừa đảo"). underthesea's ``word_tokenize`` finds the multi-syllable words, but
runs at ~750 messages/s, far too slow for the 5,000 messages/s budget. Here it
runs once over the training texts; the multi-syllable words it finds at least
``min_count`` times form a lexicon, stored (accent-free) as plain data. At
inference a greedy longest-match over the syllables joins the known compounds
with ``_`` ("cong an phuong" -> "cong_an phuong"), which costs a few dict
lookups per word, and works on text typed without diacritics too (the lexicon
is stripped of accents; underthesea itself segments accent-free text poorly).

Whether this earns its place is measured in ``pipeline/nlp/experiments.py``
(figures in ``models/README.md``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Sequence

from pipeline.nlp.normalize import strip_accents

MAX_SYLLABLES = 4
_WORD = re.compile(r"(?u)\b\w+\b")


def build_lexicon(norms: Iterable[str], min_count: int = 3, progress=None) -> list[str]:
    """Accent-free multi-syllable words underthesea finds in ``norms`` at least ``min_count`` times."""
    from underthesea import word_tokenize

    counts: Counter = Counter()
    for i, text in enumerate(norms):
        if progress and i and i % 2000 == 0:
            progress(f"segmented {i} messages")
        for tok in word_tokenize(text):
            syl = tok.split()
            if 2 <= len(syl) <= MAX_SYLLABLES and all(s.isalpha() for s in syl):
                counts[strip_accents(" ".join(syl))] += 1
    return sorted(w for w, c in counts.items() if c >= min_count)


class CompoundJoiner:
    """Greedy longest match of lexicon compounds over whitespace-separated syllables."""

    def __init__(self, lexicon: Sequence[str]) -> None:
        self.lexicon = tuple(lexicon)
        self._set = {tuple(w.split()) for w in lexicon}
        self._starts: dict[str, int] = {}
        for w in self._set:
            self._starts[w[0]] = max(self._starts.get(w[0], 0), len(w))

    def join(self, plain: str) -> str:
        # Word tokens as the word vectorizer sees them (punctuation is not a token there either).
        toks = _WORD.findall(plain)
        out: list[str] = []
        i, n = 0, len(toks)
        starts, known = self._starts, self._set
        while i < n:
            longest = starts.get(toks[i], 0)
            step = 1
            for k in range(min(longest, n - i), 1, -1):
                if tuple(toks[i:i + k]) in known:
                    step = k
                    break
            out.append("_".join(toks[i:i + step]) if step > 1 else toks[i])
            i += step
        return " ".join(out)

    def join_all(self, plains: Sequence[str]) -> list[str]:
        return [self.join(p) for p in plains]

    def compounds_only(self, plain: str) -> str:
        """Just the matched compounds (for a separate feature block)."""
        return " ".join(t for t in self.join(plain).split() if "_" in t)
