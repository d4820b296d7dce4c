"""Synthetic but realistic ``chat.messages`` records for ``binhyen bench``.

Templates with slot filling, in the four categories of the labeling guide
(tip, spam, lost_item, off_topic), some urgent tips, written with diacritics,
without them, or in teencode; about 10-30 words each. Spread over ~500 groups
(wards, communes, hamlets, residential blocks), many senders per group, and
``sent_at`` over one week with more posts by day than at night, so both the
office-hours and the outside-hours paths of the rules run. Deterministic for a
given seed: the same ``(n, seed)`` always gives the same records.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import datetime, timedelta, timezone
from typing import Any, Iterator

import orjson

ICT = timezone(timedelta(hours=7))
WEEK_START = datetime(2026, 11, 16, tzinfo=ICT)  # a Monday

CATEGORY_WEIGHTS = {"tip": 0.35, "off_topic": 0.35, "spam": 0.15, "lost_item": 0.15}
URGENT_SHARE = 0.2  # of tips

# Relative posting activity per local hour (0..23): quiet at night, busy by day and evening.
HOUR_WEIGHTS = [1, 0.5, 0.4, 0.3, 0.4, 1, 3, 6, 8, 8, 7, 7, 5, 5, 6, 6, 6, 6, 7, 8, 8, 6, 4, 2]

UNITS = ["phuong", "xa", "thon", "to-dan-pho", "khu-pho", "ap"]
PLACES = [
    "ben-nghe", "ben-thanh", "da-kao", "tan-dinh", "an-khanh", "yen-lac", "dong-anh", "van-phuc",
    "an-phu", "hoa-khanh", "my-an", "thach-thang", "tan-phu", "phu-loi", "binh-an", "hoa-minh",
    "kim-lien", "cua-nam", "hang-bac", "nghia-do", "tay-mo", "long-bien", "vinh-niem", "hong-bang",
    "thuan-an", "di-an", "long-thanh", "tam-ky", "hoi-an", "cam-le", "son-tra", "ninh-kieu",
]
STREETS = ["Nguyễn Huệ", "Lê Lợi", "Hai Bà Trưng", "Trần Hưng Đạo", "Lý Thường Kiệt", "Quang Trung",
           "Phan Chu Trinh", "Hùng Vương", "Nguyễn Trãi", "Lê Duẩn", "Điện Biên Phủ", "Bạch Đằng"]
AREAS = ["hẻm {n} {street}", "ngõ {n} {street}", "kiệt {n} {street}", "đầu xóm {hamlet}", "chợ {hamlet}",
         "cổng trường tiểu học {hamlet}", "bãi đất trống sau chung cư {n} {street}", "bờ đê thôn {hamlet}",
         "ngã ba {street}", "công viên gần cầu {hamlet}"]
HAMLETS = ["Đông", "Đoài", "Trung", "Bàu", "An Phú", "Yên Lạc", "Mỹ Khê", "Tân Lập", "Phú Mỹ", "Hòa Bình"]
VEHICLES = ["xe Wave", "xe Sirius", "xe Air Blade", "xe Vision", "xe SH", "xe Exciter", "xe đạp điện"]
COLORS = ["đỏ", "đen", "trắng", "xanh", "bạc", "nâu", "vàng"]
ITEMS = ["cái ví da", "cái bóp", "điện thoại iPhone", "điện thoại Samsung", "chùm chìa khóa xe",
         "căn cước công dân", "giấy đăng ký xe", "bằng lái xe", "túi xách", "nhẫn vàng", "con chó con"]
NAMES = ["Nguyễn Văn Hùng", "Trần Thị Mai", "Lê Văn Tám", "Phạm Thị Lan", "Hoàng Văn Nam",
         "Võ Thị Hoa", "Đặng Văn Bình", "Bùi Thị Thu"]
GREETINGS = ["Mọi người ơi", "Mấy anh ơi", "Các bác ơi", "Bà con ơi", "Chào cả nhà", "Dạ cho em hỏi", ""]
SUFFIXES = ["ạ", "nha", "nhé", "với", "🙏", "😢", "!!!", "", "", ""]

TEMPLATES: dict[str, list[str]] = {
    "tip": [
        "{greet} sáng nay nhà em ở {area} bị mất chiếc {vehicle} màu {color} biển số {plate}, camera có quay được người lạ {suffix}",
        "{greet} đêm qua trộm cắt khóa cửa nhà {name} ở {area} lấy mất {amount} tiền mặt với ít vàng, mong công an xuống xem giúp",
        "Tối nào ở {area} cũng có nhóm người tụ tập đánh bạc, xóc đĩa, xe máy dựng kín đường đến khuya mới về {suffix}",
        "{greet} có số {phone} gọi giả danh công an yêu cầu chuyển tiền để xác minh, mọi người cảnh giác đừng chuyển {suffix}",
        "Mấy hôm nay có 2 người lạ đi {vehicle} không biển số chạy lòng vòng ở {area}, nhìn vào nhà dân rất khả nghi",
        "Xe tải chở cát chở quá tải chạy qua {area} suốt ngày, đường hư hết, trẻ con đi học rất nguy hiểm {suffix}",
        "Nghi có người bán ma túy ở {area}, chiều nào cũng thấy thanh niên lạ đến đưa nhận gói nhỏ rồi đi liền",
        "Có nhóm thanh niên đua xe, nẹt pô ở {street} lúc nửa đêm, bà con không ngủ được, đề nghị công an xử lý",
        "Em nhận được tin nhắn báo trúng thưởng yêu cầu bấm link nhập mã OTP, ai nhận được thì đừng bấm nha, lừa đảo đó",
    ],
    "urgent": [
        "CỨU VỚI {greet} ở {area} đang có cháy lớn, lửa bốc cao, có người còn kẹt bên trong, gọi 114 giúp với!!!",
        "{greet} ngay bây giờ ở {area} có 2 nhóm thanh niên cầm dao rượt chém nhau, có người bị thương, công an tới liền đi",
        "Con em {age} tuổi mặc áo {color} đi lạc ở {area} từ nãy tới giờ chưa tìm thấy, ai thấy gọi giúp số {phone}!!!",
        "Có trộm đang cạy cửa nhà {name} ở {area}, nó vẫn còn trong nhà, công an tới gấp giúp em với",
        "Vừa có thằng đi {vehicle} giật túi xách của chị bán hàng ở {area}, nó chạy về hướng {street}, cứu với",
        "Có người đuối nước ở {area}, mọi người ra giúp với, gọi cấp cứu 115 ngay, nhanh lên!!!",
    ],
    "spam": [
        "💰 VAY TIỀN ONLINE chỉ cần CCCD, giải ngân trong 5 phút, lãi suất 0% tháng đầu, liên hệ zalo {phone} ngay hôm nay",
        "Nhà cái uy tín số 1, nạp {amount} tặng gấp đôi, cá cược bóng đá tỷ lệ cao, đăng ký tại link bet{n}.vip",
        "Tuyển cộng tác viên làm việc online tại nhà, việc nhẹ lương cao 500k mỗi ngày, không cần kinh nghiệm, ib {phone}",
        "Bên em chuyên đất nền sổ đỏ gần {street}, giá chỉ từ {amount} một mét vuông, liên hệ {phone} xem đất miễn phí",
        "Soi cầu lô đề chuẩn 99%, vào nhóm VIP nhận số miễn phí hôm nay, casino nổ hũ rút tiền trong 3 phút",
        "Hỗ trợ vay tín chấp đến 100 triệu, nợ xấu vẫn vay được, không thẩm định, gọi ngay {phone} để được duyệt",
        "Chia sẻ bài viết này cho 10 người để nhận ngay {amount} tiền thưởng, đầu tư tiền ảo lợi nhuận 30% mỗi tháng",
    ],
    "lost_item": [
        "{greet} em đánh rơi {item} màu {color} ở {area} chiều nay, ai nhặt được liên hệ em số {phone}, em hậu tạ {suffix}",
        "Tôi vừa nhặt được {item} ở {area}, trong có giấy tờ tên {name}, ai mất liên hệ {phone} để nhận lại",
        "Nhà em bị lạc {item} ở gần {area} từ tối qua, ai thấy báo giúp em số {phone}, em cảm ơn nhiều {suffix}",
        "Đã gửi {item} nhặt được ở {area} lên trụ sở công an, người mất mang giấy tờ tới nhận {suffix}",
        "Cảm ơn anh {name} đã nhặt được và trả lại {item} cho em, may mà còn đủ giấy tờ bên trong {suffix}",
    ],
    "off_topic": [
        "{greet} chúc cả nhà một ngày mới vui vẻ, nhiều sức khỏe, làm ăn phát đạt nha {suffix}",
        "Tối nay Việt Nam đá với Thái Lan, cả xóm mình ra quán đầu {street} coi chung cho vui không mọi người",
        "Trưa nay ai đi ăn cơm tấm không, quán mới mở ở {area} ngon lắm mà giá lại rẻ nữa",
        "Chúc mừng sinh nhật bác {name}, chúc bác sống lâu trăm tuổi, con cháu đầy nhà {suffix}",
        "Hôm nay trời mưa to quá, mọi người đi đường cẩn thận, nhớ mang áo mưa theo nha {suffix}",
        "Có ai biết chỗ nào sửa máy lạnh uy tín gần {street} không, chỉ giúp em với, nhà em hư từ hôm qua",
        "Cảm ơn các anh công an đã hỗ trợ bà con trong thời gian qua, chúc các anh nhiều sức khỏe {suffix}",
        "Cuối tuần này nhà văn hóa {hamlet} có văn nghệ chào mừng ngày 20/11, mời cả nhà đến xem nhé",
    ],
}

TEENCODE = [(" khong ", " k "), (" duoc ", " dc "), (" gi ", " j "), (" moi nguoi ", " mn "),
            (" em ", " e "), (" voi ", " vs "), (" biet ", " bt "), (" nhu the nao ", " ntn ")]


def strip_diacritics(text: str) -> str:
    """``Mất xe rồi`` -> ``Mat xe roi`` (đ/Đ -> d/D); emoji and digits unchanged."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def to_teencode(text: str) -> str:
    out = f" {strip_diacritics(text).lower()} "
    for plain, code in TEENCODE:
        out = out.replace(plain, code)
    return out.strip()


def group_ids(count: int = 500) -> list[str]:
    """``count`` distinct group ids such as ``phuong-ben-nghe-017``."""
    rng = random.Random(1_000_003)
    ids = []
    for i in range(count):
        ids.append(f"{rng.choice(UNITS)}-{rng.choice(PLACES)}-{i:03d}")
    return ids


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(["090", "091", "093", "097", "098", "035", "086", "070"])
    digits = f"{rng.randrange(10**7):07d}"
    return rng.choice([f"{prefix}{digits}", f"{prefix} {digits[:3]} {digits[3:]}", f"{prefix}.{digits[:3]}.{digits[3:]}"])


def _fill(template: str, rng: random.Random) -> str:
    area = rng.choice(AREAS).format(n=rng.randint(2, 199), street=rng.choice(STREETS), hamlet=rng.choice(HAMLETS))
    slots = {
        "greet": rng.choice(GREETINGS), "suffix": rng.choice(SUFFIXES), "area": area,
        "street": rng.choice(STREETS), "hamlet": rng.choice(HAMLETS), "vehicle": rng.choice(VEHICLES),
        "color": rng.choice(COLORS), "item": rng.choice(ITEMS), "name": rng.choice(NAMES),
        "plate": f"{rng.randint(11, 99)}-{rng.choice('ABCDEFGHKLMNPSTUVX')}{rng.randint(1, 9)} "
                 f"{rng.randint(100, 999)}.{rng.randint(10, 99)}",
        "phone": _phone(rng), "amount": f"{rng.choice([2, 5, 10, 20, 50, 100, 200])} triệu"
        if rng.random() < 0.7 else f"{rng.choice([100, 200, 500])}k",
        "n": rng.randint(1, 999), "age": rng.randint(3, 9),
    }
    text = template.format(**slots)
    return " ".join(text.split())  # an empty greeting or suffix leaves no double space


def _style(text: str, rng: random.Random) -> str:
    r = rng.random()
    if r < 0.6:
        return text
    if r < 0.9:
        return strip_diacritics(text)
    return to_teencode(text)


def _timestamps(n: int, rng: random.Random) -> list[datetime]:
    days = rng.choices(range(7), k=n)
    hours = rng.choices(range(24), weights=HOUR_WEIGHTS, k=n)
    stamps = [WEEK_START + timedelta(days=d, hours=h, seconds=rng.randrange(3600)) for d, h in zip(days, hours)]
    stamps.sort()
    return stamps


def generate(n: int, *, seed: int = 7, groups: int = 500, id_prefix: str = "bench") -> list[dict[str, Any]]:
    """``n`` ``chat.messages`` records, in ``sent_at`` order; ``message_id`` is ``{id_prefix}-{i}``."""
    return [record for record, _ in generate_labeled(n, seed=seed, groups=groups, id_prefix=id_prefix)]


def generate_labeled(n: int, *, seed: int = 7, groups: int = 500,
                     id_prefix: str = "bench") -> list[tuple[dict[str, Any], tuple[str, bool]]]:
    """Like :func:`generate`, each record with the (category, urgent) its template stands for."""
    rng = random.Random(seed)
    gids = group_ids(groups)
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    out: list[tuple[dict[str, Any], tuple[str, bool]]] = []
    recent: dict[str, str] = {}
    for i, sent_at in enumerate(_timestamps(n, rng)):
        g = rng.randrange(len(gids))
        group = gids[g]
        category = rng.choices(categories, weights)[0]
        urgent = category == "tip" and rng.random() < URGENT_SHARE
        role = None
        r = rng.random()
        if r < 0.02:
            sender, role = f"officer-{g:03d}", "officer"
        elif r < 0.04:
            sender, role = f"leader-{g:03d}", "leader"
        else:
            sender = f"u{g:03d}-{int(rng.paretovariate(1.2)) % 120:03d}"  # a few members post a lot
        text = _style(_fill(rng.choice(TEMPLATES["urgent" if urgent else category]), rng), rng)
        record: dict[str, Any] = {
            "message_id": f"{id_prefix}-{i}",
            "group_id": group,
            "sender_id": sender,
            "text": text,
            "sent_at": sent_at.isoformat(),
        }
        if role:
            record["sender_role"] = role
        a = rng.random()
        if a < 0.06:
            record["attachments"] = [{"kind": "image", "url": f"https://zalo.example/img/{i}.jpg"}]
        elif a < 0.08:
            record["attachments"] = [{"kind": "location", "url": f"https://maps.example/?q={i}"}]
        if role == "officer" and group in recent:
            record["reply_to"] = recent[group]
        if category == "tip":
            recent[group] = record["message_id"]
        out.append((record, (category, urgent)))
    return out


def encode(records: list[dict[str, Any]]) -> list[tuple[bytes, bytes]]:
    """(key, value) pairs as ``chat.messages`` carries them: key ``group_id``, value JSON."""
    return [(r["group_id"].encode("utf-8"), orjson.dumps(r)) for r in records]


def iter_encoded(n: int, *, seed: int = 7, id_prefix: str = "bench") -> Iterator[tuple[bytes, bytes]]:
    yield from encode(generate(n, seed=seed, id_prefix=id_prefix))
