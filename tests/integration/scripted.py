"""A scripted conversation and the exact records it must produce (for the integration tests)."""

from __future__ import annotations

from tests.integration.harness import message, one_group_toml

GROUP = "xa-kich-ban"

GROUPS_TOML = one_group_toml(GROUP, "Xã Kịch Bản", district="Huyện Thử", commune="Xã Kịch Bản")

#: (message_id, sender, local time in +07:00, text)
SCRIPT = [
    ("m1", "u1", "2026-11-18T09:00:00+07:00",
     "Sáng nay nhà em ở xóm 3 bị kẻ gian lấy trộm mất xe máy Wave để ngoài sân, nhờ công an xã xác minh giúp"),
    ("m2", "u2", "2026-11-18T22:30:00+07:00",
     "Cứu với các anh ơi, có đám thanh niên cầm dao đang đánh nhau trước quán karaoke, có người bị chém chảy máu rồi"),
    ("m3", "u3", "2026-11-18T21:00:00+07:00",
     "Chúc cả nhà buổi tối vui vẻ, mai mọi người có đi đá bóng giao hữu không"),
    ("m4", "u3", "2026-11-19T09:00:00+07:00",
     "Hôm nay trời mát quá, rủ nhau đi uống cà phê thôi mọi người ơi"),
    ("m5", "u4", "2026-11-19T10:00:00+07:00",
     "Vay tiền nhanh chỉ cần CCCD, lãi suất 0%, giải ngân trong 30 phút, bấm link http://vaynhanh.example để đăng ký"),
    ("m6", "u5", "2026-11-19T10:30:00+07:00",
     "Em đánh rơi ví da màu đen có CCCD và thẻ ngân hàng ở khu chợ xã, ai nhặt được cho em xin lại, em hậu tạ"),
    ("m7", "u6", "2026-11-19T14:00:00+07:00",
     "Tôi nhặt được một cái ví da màu đen trong có căn cước ở cổng chợ xã, ai bị mất liên hệ tôi để nhận lại"),
    ("m8", "leader-1", "2026-11-19T21:00:00+07:00",
     "Chúc mừng ngày Nhà giáo Việt Nam 20/11, kính chúc các thầy cô trong xã luôn mạnh khỏe"),
]

BAD_LINE = b'{"message_id": "m9", "group_id": "' + GROUP.encode() + b'", "text": '


def values() -> list[bytes]:
    out = [message(mid, GROUP, sender, text, sent) for mid, sender, sent, text in SCRIPT]
    out.insert(4, out[0])  # m1 delivered a second time: no second escalation
    out.append(BAD_LINE)
    return out


EXPECTED_CATEGORIES = {"m1": ("tip", False), "m2": ("tip", True), "m3": ("off_topic", False),
                       "m4": ("off_topic", False), "m5": ("spam", False), "m6": ("lost_item", False),
                       "m7": ("lost_item", False), "m8": ("off_topic", False)}

#: (message_id, rule, action, strike_count): one warning per message, ``rule`` the first it broke
EXPECTED_WARNINGS = [
    ("m3", "antt_only", "remind", 1),  # rules: antt_only and office_hours
    ("m4", "antt_only", "final_warning", 2),
    ("m5", "spam", "remind", 1),
]

EXPECTED_ESCALATIONS = [("m1", "normal"), ("m2", "urgent")]
EXPECTED_LOST_FOUND = [("m6", "lost", None), ("m7", "found", "m6")]
