"""Accent folding, the one implementation shared by the domain and the nlp side.

Vietnamese posts are often typed without diacritics ("danh roi vi" for "đánh
rơi ví"), so cues are matched on a folded form. ``strip_accents`` removes every
diacritic (``đ`` -> ``d``) with one C-level ``str.translate``; ``fold`` also
lower-cases and collapses whitespace.
"""

from __future__ import annotations

import unicodedata

__all__ = ["fold", "strip_accents"]


def _strip_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _build_table() -> dict[int, str]:
    """Latin letters with diacritics (Latin-1, Latin Extended A/B, Latin Extended Additional, where
    Vietnamese lives) to their bare letters; combining marks to nothing."""
    table: dict[int, str] = {}
    for start, end in ((0x00C0, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00)):
        for code in range(start, end):
            ch = chr(code)
            stripped = _strip_char(ch)
            if stripped != ch:
                table[code] = stripped
    return table


STRIP_TABLE = _build_table()


def strip_accents(text: str) -> str:
    """Every Vietnamese diacritic removed (``đ`` -> ``d``); case is kept. Composed (NFC) or
    decomposed input alike: leftover combining marks are removed too."""
    return text.translate(STRIP_TABLE)


def fold(text: str) -> str:
    """Lower case, diacritics removed, ``đ`` -> ``d``, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).lower().translate(STRIP_TABLE).split())
