"""Lost-and-found reports: what kind (lost, found, returned), what item, and a likely match.

Writers often type without diacritics ("danh roi vi"), so cues are matched on
a folded form of the text (lower case, no diacritics, đ -> d) at word
boundaries. "Ai nhặt được ..." ("whoever found ...") is a request by someone
who lost something, and "ai đánh rơi ..." ("whoever dropped ...") comes from
a finder, so those phrases count for the opposite kind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.domain.state import REPORT_WINDOW_SECONDS, LostFoundReport
from pipeline.domain.text import STRIP_TABLE, fold

__all__ = ["FOUND", "LOST", "RETURNED", "UNKNOWN", "best_match", "fold", "fold_words", "read_report", "still_open"]

LOST, FOUND, RETURNED, UNKNOWN = "lost", "found", "returned", "unknown"
OTHER_ITEM = "khác"


# Folded words that mean something else when written with other diacritics:
# "vì" (because) is not "ví" (wallet), "rồi" (already) is not "rơi" (dropped).
# A word typed WITH diacritics that fold to one of these keys counts only if it
# is the spelling on the right; typed without diacritics it is taken at face value.
_AMBIGUOUS = {
    "vi": "ví", "cho": "chó", "meo": "mèo", "cun": "cún", "mat": "mất", "roi": "rơi", "nhat": "nhặt",
    "thay": "thấy", "giu": "giữ", "tien": "tiền", "vang": "vàng", "tui": "túi", "cap": "cặp", "dep": "dép",
}


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def fold_words(text: str) -> str:
    """``fold`` with ambiguous accented words masked (see ``_AMBIGUOUS``)."""
    out = []
    for word in unicodedata.normalize("NFC", text.lower()).split():
        folded = word.translate(STRIP_TABLE)
        if folded != word:  # typed with diacritics: is it the spelling the cue means?
            wanted = _AMBIGUOUS.get(_NOT_ALNUM.sub("", folded))
            if wanted is not None and wanted not in word:
                out.append("_")
                continue
        out.append(folded)
    return " ".join(out)


def _alt(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


_RETURNED = _alt((
    "da tim lai duoc", "da tim duoc roi", "tim lai duoc", "da nhan lai", "nhan lai duoc", "da tra lai",
    "da tra cho", "da tra roi", "da ve voi chu", "da co chu", "da hoan tra", "da lien he nhan",
))
# "ai nhặt được / ai thấy" = a loser asking; "ai đánh rơi / ai bị mất" = a finder asking.
_LOST_ASKING = _alt(("ai nhat duoc", "ai luom duoc", "ai tim thay", "ai thay", "ai giu", "ai nhat", "ai luom"))
_FOUND_ASKING = _alt((
    "ai danh roi", "ai bi mat", "ai mat", "ai lam roi", "ai that lac", "ai lam mat", "ai bi roi",
    "ai de quen", "cua ai",
))
_LOST = _alt(("mat", "bi mat", "danh roi", "lam roi", "that lac", "bi roi", "roi mat", "lac mat", "de quen",
              "bo quen", "lac"))
_FOUND = _alt(("nhat duoc", "luom duoc", "tim thay", "nhat dc", "luom dc", "dang giu", "giu ho", "nhat"))

# (label, folded cues) in priority order: papers before vehicles ("cà vẹt xe"), wallet before money.
ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CCCD/giấy tờ", ("cccd", "can cuoc", "cmnd", "chung minh", "giay to", "bang lai", "giay phep lai xe",
                      "gplx", "ca vet", "cavet", "dang ky xe", "ho chieu", "the atm", "the ngan hang",
                      "the bhyt", "bao hiem y te", "so do", "giay khai sinh", "the sinh vien")),
    ("điện thoại", ("dien thoai", "dt", "dthoai", "iphone", "samsung", "oppo", "xiaomi", "vivo", "realme",
                    "smartphone", "di dong", "ipad", "may tinh bang")),
    ("ví/bóp", ("vi", "bop", "vi tien", "vi da", "bop da", "vi nam", "vi nu")),
    ("chìa khóa", ("chia khoa", "chum chia", "chia khoa xe", "remote", "khoa xe")),
    ("chó/mèo", ("cho", "con cho", "cun", "meo", "con meo", "cho con", "meo con", "thu cung", "pet")),
    ("vàng/tiền", ("vang", "nhan vang", "day chuyen", "bong tai", "lac tay", "vong tay", "tien", "tien mat",
                   "phong bi", "usd", "do la")),
    ("xe", ("xe may", "xe dap", "xe", "honda", "yamaha", "wave", "vision", "air blade", "sirius", "exciter",
            "xe dien")),
    ("túi/balo", ("tui", "tui xach", "balo", "ba lo", "cap", "vali", "dep")),
    ("laptop", ("laptop", "may tinh", "macbook")),
)
_ITEM_PATTERNS = tuple((label, _alt(cues)) for label, cues in ITEMS)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "ai ban em anh chi co bi mat danh roi nhat duoc luom tim thay cua toi minh va o tai luc khoang nay "
    "xin lien he giup voi mn moi nguoi a ak nhe nha k ko khong dc the la mot cai chiec con sang chieu "
    "toi hom qua nay tren duong gan cho ve ra vao roi da dang neu thi so sdt".split()
)
_MAX_KEYWORDS = 12


@dataclass(frozen=True, slots=True)
class Reading:
    kind: str
    item: str
    keywords: tuple[str, ...]


def read_report(text: str) -> Reading:
    """Kind, item label and a few descriptive words of a lost/found message."""
    folded = fold_words(text)
    return Reading(kind=_kind(folded), item=_item(folded), keywords=_keywords(folded))


def _kind(folded: str) -> str:
    if _RETURNED.search(folded):
        return RETURNED
    lost = found = 0
    first_lost = first_found = len(folded) + 1
    rest = folded
    for pattern, is_lost in ((_LOST_ASKING, True), (_FOUND_ASKING, False)):
        for m in pattern.finditer(folded):
            if is_lost:
                lost += 2
                first_lost = min(first_lost, m.start())
            else:
                found += 2
                first_found = min(first_found, m.start())
        rest = pattern.sub(" ", rest)
    for m in _LOST.finditer(rest):
        lost += 1
        first_lost = min(first_lost, m.start())
    for m in _FOUND.finditer(rest):
        found += 1
        first_found = min(first_found, m.start())
    if lost == found == 0:
        return UNKNOWN
    if lost != found:
        return LOST if lost > found else FOUND
    return LOST if first_lost < first_found else FOUND


def _item(folded: str) -> str:
    for label, pattern in _ITEM_PATTERNS:
        if pattern.search(folded):
            return label
    return OTHER_ITEM


def _keywords(folded: str) -> tuple[str, ...]:
    words = []
    for w in _WORD.findall(folded):
        if len(w) < 2 or w in _STOP or w.isdigit() or w in words:
            continue
        words.append(w)
    return tuple(words[:_MAX_KEYWORDS])


OPPOSITE = {LOST: FOUND, FOUND: LOST}


def match_score(new: LostFoundReport, old: LostFoundReport) -> float:
    """0..1: same item is required; shared descriptive words and closeness in time add to it."""
    if OPPOSITE.get(new.kind) != old.kind or new.item != old.item or new.item == OTHER_ITEM:
        return 0.0
    age = abs(new.at - old.at)
    if age > REPORT_WINDOW_SECONDS:
        return 0.0
    a, b = set(new.keywords), set(old.keywords)
    overlap = len(a & b) / len(a | b) if a | b else 0.0
    recency = 1.0 - age / REPORT_WINDOW_SECONDS
    return round(0.5 + 0.35 * overlap + 0.15 * recency, 3)


def best_match(new: LostFoundReport, candidates: tuple[LostFoundReport, ...]) -> tuple[LostFoundReport, float] | None:
    best: tuple[LostFoundReport, float] | None = None
    for old in candidates:
        if old.message_id == new.message_id:
            continue
        score = match_score(new, old)
        if score > 0 and (best is None or score > best[1] or (score == best[1] and old.at > best[0].at)):
            best = (old, score)
    return best


def still_open(reports: tuple[LostFoundReport, ...], now: float) -> tuple[LostFoundReport, ...]:
    """Reports not older than the matching window (30 days) before ``now``."""
    return tuple(r for r in reports if r.at > now - REPORT_WINDOW_SECONDS)
