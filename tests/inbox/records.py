"""Records as the worker publishes them (shapes of README / PLAN), for the inbox tests."""

from __future__ import annotations

from pipeline.kafka import topics

TIP_TEXT = "Có nhóm thanh niên mang hung khí tụ tập ở hẻm 12 Lê Lợi, cần hỗ trợ gấp"
NORMAL_TIP_TEXT = "Tối qua thấy người lạ rình xe máy trước chợ Bến Nghé"
OTHER_GROUP_TIP = "Báo tin: có người buôn bán hàng cấm ở đầu xã Yên Lạc"


def escalation(mid: str, group: str = "phuong-ben-nghe", *, urgent: bool = False, text: str = TIP_TEXT,
               sender: str = "u-informant", sent_at: str = "2026-12-01T09:15:00+07:00",
               district: str = "Quận 1") -> dict:
    return {"escalation_id": f"{group}:{mid}", "group_id": group, "group_name": "ANTT " + group,
            "district": district, "commune": "", "message_id": mid, "priority": "urgent" if urgent else "normal",
            "text": text, "sender_id": sender, "sender_role": "member", "sent_at": sent_at,
            "attachments": [{"kind": "image", "url": "https://example.invalid/a.jpg", "name": "a.jpg"}],
            "reply_to": None, "reasons": ["classified tip (p=0.91)"] + (["urgent: emergency"] if urgent else []),
            "route_to": [], "route_district": "", "scores": {"tip": 0.91, "spam": 0.03, "lost_item": 0.03,
                                                             "off_topic": 0.03},
            "model_version": "test-1"}


def warning(mid: str, group: str = "phuong-ben-nghe", *, sender: str = "u-seller", rule: str = "spam",
            action: str = "remind", strike: int = 1) -> dict:
    return {"kind": "warning", "warning_id": f"{group}:{mid}:{rule}", "group_id": group, "message_id": mid,
            "sender_id": sender, "rule": rule, "rules": [rule], "action": action, "strike_count": strike,
            "sent_at": "2026-12-01T10:00:00+07:00", "confidence": 0.88,
            "notice_vi": f"Nhắc nhở thành viên {sender}: nhóm chỉ dành cho tin an ninh trật tự (lỗi {strike})."}


def decision(mid: str, group: str = "phuong-ben-nghe", category: str = "spam", *, day: str = "2026-12-01",
             needs_review: bool = False, fired: tuple[str, ...] = ()) -> dict:
    rec = {"message_id": mid, "group_id": group, "sent_at": f"{day}T10:00:00+07:00", "category": category,
           "urgent": False, "scores": {category: 0.8}, "model_version": "test-1",
           "rules": [{"rule": r, "fired": True} for r in fired], "actions": ["none"], "mode": "enforce",
           "sender_role": "member"}
    if needs_review:
        rec["needs_review"] = True
    return rec


def review(mid: str, group: str = "phuong-ben-nghe", category: str = "tip", text: str = TIP_TEXT) -> dict:
    return {"review_id": f"{group}:{mid}", "group_id": group, "message_id": mid, "sender_id": "u-unsure",
            "sent_at": "2026-12-01T11:00:00+07:00", "category": category, "urgent": False,
            "scores": {category: 0.41}, "confidence": 0.41, "model_version": "test-1", "text": text}


def lost_found(mid: str, group: str = "phuong-ben-nghe", kind: str = "lost", match: dict | None = None) -> dict:
    return {"report_id": f"{group}:{mid}", "group_id": group, "message_id": mid, "sender_id": "u-lost",
            "sent_at": "2026-12-01T12:00:00+07:00", "kind": kind, "item": "ví",
            "text": "Tôi bị mất ví da màu nâu ở chợ", "match": match}


def sample_stream() -> list[tuple[str, dict]]:
    """A small stream over every inbox topic."""
    return [
        (topics.ESCALATIONS, escalation("m1", urgent=False, text=NORMAL_TIP_TEXT)),
        (topics.ESCALATIONS, escalation("m2", urgent=True)),
        (topics.ESCALATIONS, escalation("y1", group="xa-yen-lac", text=OTHER_GROUP_TIP,
                                        district="Huyện Phú Lương")),
        (topics.WARNINGS, warning("m3")),
        (topics.WARNINGS, warning("y2", group="xa-yen-lac", sender="u-yl")),
        (topics.DECISIONS, decision("m1", category="tip")),
        (topics.DECISIONS, decision("m2", category="tip")),
        (topics.DECISIONS, decision("m3", category="spam", fired=("spam",))),
        (topics.DECISIONS, decision("m4", category="tip", needs_review=True, day="2026-11-30")),
        (topics.REVIEW, review("m4")),
        (topics.REVIEW, review("m5", category="off_topic", text="Bán rau sạch giá rẻ đây")),
        (topics.LOST_FOUND, lost_found("m6")),
        (topics.FEEDBACK, {"feedback_id": "fb1", "action_id": "fb1", "group_id": "phuong-ben-nghe",
                           "message_id": "m9", "model_category": "spam", "person_category": "off_topic",
                           "actor_id": "leader-bn-tran-thi-lan", "actor_role": "leader",
                           "model_version": "test-1", "corrected_at": "2026-12-01T12:00:00+07:00"}),
        (topics.DELIVERIES, {"delivery_id": "phuong-ben-nghe:m3:spam:zalo_group", "record_id": "phuong-ben-nghe:m3:spam",
                             "topic": topics.WARNINGS, "channel": "zalo_group", "status": "parked", "attempts": 5,
                             "error": "HTTP 503", "at": "2026-12-01T10:01:00+07:00"}),
        (topics.ACTIONS, {"action_id": "a-cli-1", "group_id": "phuong-ben-nghe", "action": "exempt",
                          "actor_id": "officer-bn-nguyen-van-hung", "actor_role": "officer",
                          "requested_at": "2026-12-01T08:00:00+07:00", "member_id": "u-cam"}),
    ]
