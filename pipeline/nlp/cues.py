"""Explicit emergency cues: the lexicon an ``urgent`` decision requires.

A tip is urgent only when (1) its text holds one of these cues and (2) the
model's urgent head agrees (``P(urgent | tip)`` at or above the artifact's
threshold). The cue is the *explicit* evidence the labeling guide asks for (a
fire, a weapon, a crime in progress, a person in danger, a call for help, a
drowning, a child missing now); the head decides whether the whole message is
an emergency now ("đang cháy" yes, "vụ cháy tuần trước" no).

Matching is accent-insensitive, but not accent-blind. Each cue is a
whole-word regular expression written *with* diacritics, searched in the
``norm`` view of :mod:`pipeline.nlp.normalize` (lower case, teencode expanded,
repeated letters squashed). Every accented letter of a cue may be typed bare
or with the cue's own mark ("cháy" matches ``cháy`` and ``chay``), never with
another mark: "chay" typed bare may be cháy (fire) or chạy (run) and counts,
while a correctly accented "chạy" does not count as "cháy", nor "gặp" (meet)
as "gấp" (urgent). Mixed typing ("không thay ve") works letter by letter.

The list is copied into the artifact's metadata at training time and the
classifier compiles the copy it was trained with, so a model's urgent
behaviour is pinned by its version (the list is part of the fingerprint).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from pipeline.nlp.normalize import strip_accents

URGENT_CUES: tuple[str, ...] = (
    # calls for help, for the police or rescue to come now
    r"cứu", r"kêu cứu", r"giúp (?:với|zoi|giùm|dùm|gấp|em|cháu|tôi|mình|con|ngay|tui|tao)", r"làm ơn giúp",
    r"hỗ trợ (?:với|gấp|ngay|giùm)", r"ra hỗ trợ", r"ai (?:ở )?gần (?:đó|đây)", r"chạy ra", r"ra (?:coi|xem|giúp|cản|chặn)",
    r"nhanh lên", r"khẩn cấp", r"gấp", r"tới ngay", r"xuống ngay", r"đến ngay", r"tới liền", r"xuống liền",
    r"ngay bây giờ", r"ngay lúc này", r"ngay lập tức", r"113", r"114", r"115", r"sợ lắm", r"hoảng loạn", r"báo động",
    # fire, explosion, gas, electricity, poisoning
    r"cháy", r"lửa", r"khói", r"bốc cháy", r"nổ", r"phát nổ", r"gas", r"bình ga", r"xì", r"rò rỉ", r"điện giật",
    r"chập điện", r"ngộ độc", r"chó dại",
    # weapons
    r"dao", r"mã tấu", r"kiếm", r"súng", r"búa", r"tuýp(?: sắt)?", r"hung khí", r"gậy", r"rựa", r"dao phay", r"vũ khí",
    r"bom", r"mìn", r"xăng", r"axit", r"a xít", r"côn đồ", r"gạch đá", r"chai",
    # violence and crime in progress
    r"đánh nhau", r"hỗn chiến", r"chém", r"đâm", r"đánh (?:đập|chết|người|vợ|con|mẹ)", r"đập phá", r"đập cửa",
    r"rượt(?: đuổi)?", r"truy đuổi", r"đang (?:\w+ ){0,3}(?:trộm|cướp|giật|cạy|phá|đột nhập|đánh|đập|rượt|dụ|bắt|cháy|chìm|trôi|kéo|lôi|bám|đâm|chém|đốt|leo|trèo|đe dọa|dọa)",
    r"(?:trộm|cướp|kẻ gian|tụi nó|bọn nó|nó) (?:đang|còn|vẫn)", r"vừa (?:bị )?(?:cướp|giật|trộm|đâm|chém|đánh)", r"cướp",
    r"giật", r"cạy", r"phá khóa", r"đột nhập", r"trong nhà (?:em|tôi|mình|tui|con|bà|ông|chị|anh)", r"bắt cóc",
    r"con tin", r"bắt (?:đi|lên xe)", r"dụ (?:bé|cháu|trẻ|em bé|một bé|con)", r"hành hung", r"bạo lực", r"hàng cấm",
    r"ma túy", r"ngáo(?: đá)?", r"đua xe", r"bão xe", r"đốt", r"leo (?:rào|tường|cổng)", r"trèo (?:rào|tường|cổng)",
    r"dọa (?:giết|chém|đánh)", r"đe dọa", r"tấn công",
    # a person in danger, accidents
    r"đuối nước", r"chết đuối", r"chìm", r"cuốn trôi", r"nước lũ", r"lũ", r"lật", r"mắc kẹt", r"kẹt (?:trong|dưới)", r"sập",
    r"sạt lở", r"nhảy cầu", r"nhảy (?:xuống|sông)", r"tự tử", r"bị thương", r"bất tỉnh", r"ngất(?: xỉu)?", r"co giật",
    r"máu", r"tai nạn", r"tông (?:xe|nhau|người)", r"đâm xe", r"uống nhầm", r"thuốc sâu", r"nguy kịch", r"hấp hối",
    r"rơi xuống", r"té xuống", r"ngã xuống", r"mất phanh", r"nguy hiểm", r"tử vong", r"chết",
    # people missing now
    r"mất tích", r"bị lạc", r"đi lạc", r"lạc (?:mất|đường|mẹ|ba|bố|gia đình|con)", r"không thấy (?:về|đâu)", r"chưa về",
    r"không (?:biết )?đường về", r"không (?:liên lạc|gọi) được", r"tìm (?:con|cháu|bé)", r"bỏ nhà", r"không về",
    r"hổng về", r"hông về", r"chưa thấy về", r"ai (?:thấy|gặp) (?:bé|cháu|con|bà|ông|mẹ|ba|người)",
    r"không thấy", r"chưa tìm thấy", r"đi theo người lạ", r"kéo đi", r"chặn lại", r"kẹt", r"đuối",
    r"mất con", r"lạc con", r"chưa thấy", r"đi đâu mất", r"đi mất", r"bị lẫn", r"lẫn", r"khẩn", r"đâu rồi", r"mô rồi",
    r"(?:té|rớt|ngã|rơi) (?:xuống )?(?:sông|giếng|ao|hồ|kênh|mương|biển|suối|vực)", r"đi một mình", r"không có mặt",
    r"cũng không có", r"tắt máy", r"côn nhị khúc", r"đi khỏi nhà", r"chưa (?:liên lạc|gọi) được",
    # (from the labeling guide's urgent list, written without looking at any held-out message)
    r"cấp cứu", r"bị (?:đánh|đâm|chém|cướp|giật|bắt|tấn công)", r"la hét", r"kêu la", r"tiếng nổ", r"bỏ chạy",
    r"tẩu thoát", r"chạy về hướng", r"đuổi theo", r"mau lên", r"sos", r"gọi (?:công an|cảnh sát|cứu hỏa|cứu thương)",
    r"báo công an (?:gấp|ngay|liền)", r"công an (?:ơi|tới|xuống|đến|ra)", r"đang (?:diễn ra|xảy ra)",
    r"đang bán (?:ma túy|hàng trắng|thuốc lắc|đá)", r"đang (?:chích|hút|sử dụng)", r"bẻ khóa", r"đánh người",
    # (round 21: everyday and regional words for the same dangers, from the project's own written tips)
    r"đánh lộn", r"đập", r"giựt", r"móc túi", r"treo cổ", r"thắt cổ", r"buôn người", r"đường ray", r"lọt xuống",
    r"rớt xuống", r"rên", r"vây", r"bao vây", r"giếng", r"hố", r"ngạt", r"khó thở", r"không thở", r"tắt thở",
    r"ngừng thở", r"xỉu", r"đột quỵ", r"bóng cười", r"hiện đang", r"lúc này", r"bây giờ", r"giờ này", r"qua liền",
    r"qua gấp", r"ra liền", r"truy nã", r"giang hồ", r"đòi nợ", r"xiết nợ", r"siết nợ", r"say xỉn", r"quậy(?: phá)?",
    r"phá phách", r"ném đá", r"chọi đá", r"dây điện", r"đứt dây", r"ngập", r"nước cuốn", r"trôi", r"lật (?:thuyền|ghe|xuồng)",
    r"đổ sập", r"cây đổ", r"bị đè", r"chảy máu", r"gãy", r"bất động", r"la làng", r"hét", r"tiếng (?:la|kêu|khóc|đập)",
    r"cầu cứu", r"van xin", r"nhốt", r"trói", r"bịt miệng", r"hiếp(?: dâm)?", r"xâm hại", r"dâm ô", r"bạo hành",
    r"hành hạ", r"tạt", r"phóng hỏa", r"hăm dọa", r"lan can", r"uống thuốc", r"rạch tay", r"cắt tay",
    r"tự sát", r"tự vẫn", r"lên cơn", r"cầm (?:dao|gậy|súng|búa|kéo|rìu|liềm|cây|ống|xà beng)", r"rìu", r"xà beng",
    r"không nghe máy", r"mất (?:đứa|thằng|bé|con bé|con nhỏ|thằng nhỏ)", r"đi theo", r"đuổi đánh",
    r"nồng nặc", r"mùi (?:gas|ga|khét|khói)", r"khét", r"lẻn", r"lục (?:đồ|lọi|tủ)", r"xô xát", r"trốn",
    r"người lạ (?:trong|vào|ở trong)", r"lạc (?:bé|cháu|thằng|đứa|em)", r"bị bỏ", r"bỏ rơi", r"buộc dây", r"cán",
    r"không dậy", r"vừa lấy", r"mở cửa xe", r"cây sắt", r"cắt khóa", r"khóa bị cắt", r"nhảy", r"ngã", r"té",
    r"kéo (?:lên|vào) xe", r"(?:dắt|dẫn|bế|ôm) (?:đi|bé|con|cháu)", r"căng lắm",
)


def _letter_classes(cue: str) -> str:
    """``cháy`` -> ``ch[aá]y``: each accented letter may also be typed bare, never with other marks."""
    out = []
    for ch in cue:
        base = strip_accents(ch)
        out.append(f"[{base}{ch}]" if base != ch else ch)
    return "".join(out)


@dataclass(frozen=True)
class CueMatcher:
    """The compiled cues: one whole-word alternation over the ``norm`` view."""

    cues: tuple[str, ...]
    pattern: re.Pattern[str]

    def find(self, norm: str) -> str | None:
        """The first cue text found in one normalised message, or None."""
        m = self.pattern.search(norm)
        return m.group(0) if m else None

    def hits(self, norms: Sequence[str]) -> np.ndarray:
        search = self.pattern.search
        return np.fromiter((search(n) is not None for n in norms), dtype=bool, count=len(norms))


_CACHE: dict[tuple[str, ...], CueMatcher] = {}


def compile_cues(cues: Iterable[str] = URGENT_CUES) -> CueMatcher:
    key = tuple(cues)
    m = _CACHE.get(key)
    if m is None:
        alts = sorted({_letter_classes(c) for c in key}, key=len, reverse=True)
        m = CueMatcher(key, re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"))
        _CACHE[key] = m
    return m
