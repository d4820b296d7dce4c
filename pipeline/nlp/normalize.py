"""Text normalisation for Vietnamese chat messages.

One pass per message turns what people really type (no diacritics, teencode,
emoji, phone numbers, repeated letters, old-style tone marks) into two views
the model reads:

* ``norm``  - NFC, lower case, tone marks in the "new" position (``hoà`` ->
  ``hòa``), URLs / phone numbers / money amounts / emoji / handles replaced by
  placeholder words, repeated letters squashed (``cứuuuu`` -> ``cứu``), teencode
  expanded (``ko`` -> ``không``, ``dc`` -> ``được``, ``mn`` -> ``mọi người``);
* ``plain`` - the same text with every diacritic removed (``đ`` -> ``d``), so a
  message typed without accents and one typed with them share features.

Tone-mark placement is done with a small table instead of underthesea's
``text_normalize``: on the dev messages ``text_normalize`` runs at ~8,000
messages/s on one core, which alone would eat the whole 5,000 messages/s budget,
while the table below does the same job for the cases that occur in chat
(``oà oá oả oã oạ oè oé oẻ oẽ oẹ uỳ uý uỷ uỹ uỵ``) at a negligible cost
(figures in ``models/README.md``).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from pipeline.domain.text import strip_accents as _strip

# Placeholder words: plain ASCII so they survive accent stripping unchanged.
URL = " zzurl "
PHONE = " zzphone "
MONEY = " zzmoney "
EMOJI = " zzemoji "
HANDLE = " zzhandle "

_URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|vn|net|org|xyz|top|info|io|me|club|shop|site|online|app|link|bet|vip|cc|co|ly|tk|ml)\b(?:/\S*)?",
    re.IGNORECASE,
)
_HANDLE_RE = re.compile(r"@\w+")
# Vietnamese mobile/landline numbers, with or without spaces, dots or dashes.
_PHONE_RE = re.compile(r"(?<![\w.])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")
_MONEY_RE = re.compile(
    r"(?<![\w])\d+(?:[.,]\d+)*\s*(?:k|tr|triệu|trieu|củ|cu|nghìn|nghin|ngàn|ngan|đồng|dong|đ|d|vnđ|vnd|tỷ|ty|tỏi|usd|\$|%)(?!\w)",
    re.IGNORECASE,
)
_EMOJI_RE = re.compile(
    "[\U0001F000-\U0001FAFF\U00002600-\U000027BF\U0001F900-\U0001F9FF\u2B00-\u2BFF\uFE0F\u200D\u2300-\u23FF]+"
)
# A letter repeated: three or more times anywhere ("cứuuuu"), or twice at the end
# of a word ("nhaa", "ơii"). Vietnamese words end in a doubled letter only as
# "oo" (xoong, boong) or, without diacritics, "uu" after c/b/h/m (cuu = cứu);
# those are kept ("cuuuu" -> "cuu").
_REPEAT_RE = re.compile(r"([^\W\d_])\1+")
_URL_HINT_RE = re.compile(r"https?:|www\.|\.[a-z]{2,6}\b", re.IGNORECASE)

_TONE_FIX = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only when nothing follows the pair inside the word ("hoàng" keeps its marks).
_TONE_RE = re.compile("(" + "|".join(_TONE_FIX) + r")(?!\w)")

# Teencode / chat abbreviations -> standard form. Keys are whole tokens of the
# lower-cased text. Ambiguous short forms ("a", "c", "nc") are left alone.
TEENCODE: dict[str, str] = {
    "k": "không", "ko": "không", "khong": "không", "kh": "không", "hok": "không", "hông": "không",
    "khum": "không", "hem": "không", "hum": "không", "kô": "không", "k0": "không",
    "kg": "không", "hổng": "không", "khg": "không", 
    "dc": "được", "đc": "được", "dk": "được", "đk": "được", "dcm": "được",
    "j": "gì", "ji": "gì", "gj": "gì", "ntn": "như thế nào", "sao z": "sao vậy",
    "mn": "mọi người", "mng": "mọi người", "mọi ng": "mọi người", "ng": "người", "ngta": "người ta",
    "ak": "à", "ah": "à", "ạk": "ạ", "nka": "nha", "nhen": "nha", "nghen": "nha",
    "z": "vậy", "v": "vậy", "dzậy": "vậy", "zậy": "vậy", "zị": "vậy", "vậyy": "vậy",
    "r": "rồi", "rùi": "rồi", "roài": "rồi", "oy": "rồi", "òy": "rồi", "rồii": "rồi",
    "vs": "với", "zới": "với", "dới": "với",
    "bít": "biết", "bik": "biết", "bjk": "biết", "biet": "biết",
    "wá": "quá", "qá": "quá", "wa": "quá", "qa": "quá",
    "cx": "cũng", "cg": "cũng", "cũg": "cũng",
    "bh": "bây giờ", "bjo": "bây giờ", "bjờ": "bây giờ", "bi giờ": "bây giờ",
    "sđt": "số điện thoại", "sdt": "số điện thoại", "đt": "điện thoại", "dt": "điện thoại", "đth": "điện thoại",
    "ib": "inbox", "ibx": "inbox", "inb": "inbox", "ctv": "cộng tác viên",
    "tks": "cảm ơn", "thanks": "cảm ơn", "thank": "cảm ơn", "thanks": "cảm ơn", "camon": "cảm ơn",
    "cám": "cảm", 
    "trc": "trước", "nhìu": "nhiều", "iu": "yêu", "lun": "luôn", "ms": "mới", "mk": "mình",
    "mik": "mình", "mh": "mình", "bn": "bao nhiêu", "bnh": "bao nhiêu", "cty": "công ty", "nt": "nhắn tin",
    "ace": "anh chị em", "ae": "anh em", "ck": "chồng", "vk": "vợ", 
    "zô": "vào", "dô": "vào", "vô": "vào", "hnay": "hôm nay", "hqua": "hôm qua", "hum nay": "hôm nay",
    "bùn": "buồn", "ngừ": "người", "mún": "muốn", "hok bít": "không biết", "đag": "đang", "dag": "đang",
    "ns": "nói", "e": "em", "vl": "quá", "vcl": "quá", "lm": "làm",
    "ok": "ok", "oke": "ok", "okie": "ok", "okela": "ok", "uh": "ừ", "ừm": "ừ", "ukm": "ừ", "um": "ừ",
    "cand": "công an", "csgt": "cảnh sát giao thông", "cskv": "cảnh sát khu vực", "cs": "cảnh sát",
    "pccc": "phòng cháy chữa cháy", "tnxh": "tệ nạn xã hội", "gđ": "gia đình", 
}
# Matching is token by token, so multi-word keys can never match: drop them.
TEENCODE = {k: v for k, v in TEENCODE.items() if " " not in k}
# One alternation scanned once per message (faster than a callback per token).
_TEENCODE_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(TEENCODE, key=len, reverse=True)) + r")(?!\w)")


def strip_accents(text: str) -> str:
    """Remove every Vietnamese diacritic (``đ`` -> ``d``); text is not lower-cased.

    The shared fold of ``pipeline.domain.text`` (one C-level ``str.translate``).
    """
    return _strip(text)


def _squash(m: re.Match[str]) -> str:
    run = m.group(0)
    ch = run[0]
    text = m.string
    start = m.start()
    # "uu" is a real ending once diacritics are gone: cuu (cứu), huu (hưu), buu (bưu), muu (mưu),
    # i.e. after a one-letter initial c/b/h/m ("thuuu" is still "thu").
    keep_uu = (ch == "u" and start >= 1 and text[start - 1] in "cbhm"
               and (start == 1 or not text[start - 2].isalpha()))
    if len(run) >= 3:
        return "uu" if keep_uu else ch
    end = m.end()
    at_word_end = end == len(text) or not (text[end].isalnum() or text[end] == "_")
    if not at_word_end or ch == "o" or keep_uu:
        return run
    return ch


def _teencode(match: re.Match[str]) -> str:
    return TEENCODE[match.group(0)]


def normalize(text: str) -> str:
    """The ``norm`` view of a message (see module docstring)."""
    text = unicodedata.normalize("NFC", text)
    if _URL_HINT_RE.search(text):
        text = _URL_RE.sub(URL, text)
    if "@" in text:
        text = _HANDLE_RE.sub(HANDLE, text)
    text = _PHONE_RE.sub(PHONE, text)
    text = _MONEY_RE.sub(MONEY, text)
    text = _EMOJI_RE.sub(EMOJI, text)
    text = text.lower()
    text = _REPEAT_RE.sub(_squash, text)
    text = _TONE_RE.sub(lambda m: _TONE_FIX[m.group(1)], text)
    text = _TEENCODE_RE.sub(_teencode, text)
    return " ".join(text.split())


def views(text: str) -> tuple[str, str]:
    """``(norm, plain)`` for one message."""
    norm = normalize(text)
    return norm, strip_accents(norm)


def prepare(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """The two views for a batch: ``(norms, plains)``."""
    norms = [normalize(t) for t in texts]
    return norms, [strip_accents(n) for n in norms]


def has_diacritics(text: str) -> bool:
    """True when the text carries Vietnamese diacritics (used for the eval subset)."""
    letters = [c for c in unicodedata.normalize("NFC", text) if c.isalpha()]
    if not letters:
        return False
    marked = sum(1 for c in letters if ord(c) > 127 and _strip(c) != c)
    return marked / len(letters) >= 0.03
