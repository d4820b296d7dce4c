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
WORD_RE = re.compile(r"(?u)\b\w+\b")  # the word vectorizers' token_pattern


def build_lexicon(norms: Iterable[str], min_count: int = 3, progress=None) -> list[str]:
    """Accent-free multi-syllable words underthesea finds at least ``min_count`` times in the
    accented messages of ``norms``."""
    from underthesea import word_tokenize

    counts: Counter = Counter()
    for i, text in enumerate(norms):
        if progress and i and i % 2000 == 0:
            progress(f"segmented {i} messages")
        # underthesea segments accented text well and accent-free text poorly (it glues
        # unrelated bare syllables): learn compounds from accented messages only; the
        # accent-free copies of what it finds then serve both kinds of text.
        if strip_accents(text) == text:
            continue
        for tok in word_tokenize(text):
            syl = tok.split()
            if 2 <= len(syl) <= MAX_SYLLABLES and all(s.isalpha() for s in syl):
                counts[strip_accents(" ".join(syl))] += 1
    return sorted(w for w, c in counts.items() if c >= min_count)


_END = ""  # trie key marking the end of a compound


class CompoundJoiner:
    """Greedy longest match of lexicon compounds over the word tokens (a syllable trie)."""

    def __init__(self, lexicon: Sequence[str]) -> None:
        self.lexicon = tuple(lexicon)
        self._trie: dict = {}
        for w in self.lexicon:
            node = self._trie
            for syl in w.split():
                node = node.setdefault(syl, {})
            node[_END] = True

    def join_tokens(self, toks: list[str]) -> list[str]:
        """Tokens with known compounds merged by ``_`` (longest match first, left to right)."""
        trie = self._trie
        out: list[str] = []
        append = out.append
        i, n = 0, len(toks)
        while i < n:
            node = trie.get(toks[i])
            if node is None:
                append(toks[i])
                i += 1
                continue
            best = 0
            j = i + 1
            while j < n:
                node = node.get(toks[j])
                if node is None:
                    break
                j += 1
                if _END in node:
                    best = j
            if best:
                append("_".join(toks[i:best]))
                i = best
            else:
                append(toks[i])
                i += 1
        return out

    def join(self, plain: str) -> str:
        # Word tokens as the word vectorizer sees them (punctuation is not a token there either).
        return " ".join(self.join_tokens(WORD_RE.findall(plain)))

    def join_all(self, plains: Sequence[str]) -> list[str]:
        return [self.join(p) for p in plains]

    def compounds_only(self, plain: str) -> str:
        """Just the matched compounds (for a separate feature block)."""
        return " ".join(t for t in self.join(plain).split() if "_" in t)
