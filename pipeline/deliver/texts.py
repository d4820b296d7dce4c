"""The Vietnamese texts binhyen sends through Zalo. Pure functions of a record.

Only officers' texts (escalations, review cases) carry a message's text and the
informant's identity; leaders' texts name the member and the rule, never quote a tip.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

RULE_NAMES_VI = {
    "antt_only": "chỉ đăng tin an ninh trật tự",
    "office_hours": "giờ hành chính",
    "spam": "quảng cáo, lừa đảo",
    "flood": "gửi quá nhiều tin",
}
ACTION_NAMES_VI = {"remind": "nhắc nhở", "final_warning": "cảnh cáo lần cuối", "remove": "mời ra khỏi nhóm"}
CATEGORY_NAMES_VI = {"tip": "tin báo ANTT", "spam": "quảng cáo/lừa đảo", "lost_item": "mất/nhặt được đồ",
                     "off_topic": "ngoài chủ đề"}


def when(value: Any) -> str:
    if not isinstance(value, str):
        return "?"
    try:
        return datetime.fromisoformat(value).strftime("%H:%M %d/%m/%Y")
    except ValueError:
        return value


def cut(text: str, limit: int) -> str:
    """At most ``limit`` characters (Zalo takes about 2,000), cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _lines(parts: Iterable[str | None]) -> str:
    return "\n".join(p for p in parts if p)


def escalation_text(rec: dict[str, Any]) -> str:
    urgent = rec.get("priority") == "urgent"
    head = "🚨 KHẨN CẤP — TIN BÁO ANTT" if urgent else "Tin báo ANTT"
    place = ", ".join(p for p in (rec.get("commune"), rec.get("district")) if p)
    attachments = [a.get("url") or a.get("name") or a.get("kind") for a in rec.get("attachments") or []
                   if isinstance(a, dict)]
    return _lines([
        head,
        f"Nhóm: {rec.get('group_name') or rec.get('group_id')}" + (f" ({place})" if place else ""),
        f"Lúc: {when(rec.get('sent_at'))}",
        f"Người báo: {rec.get('sender_id')} ({rec.get('sender_role') or 'member'})",
        f"Nội dung: {rec.get('text') or ''}",
        ("Tệp đính kèm: " + ", ".join(str(a) for a in attachments)) if attachments else None,
        ("Lý do: " + "; ".join(str(r) for r in rec.get("reasons") or [])) if rec.get("reasons") else None,
        f"Mã: {rec.get('escalation_id')}",
    ])


def review_text(rec: dict[str, Any]) -> str:
    category = CATEGORY_NAMES_VI.get(str(rec.get("category")), str(rec.get("category")))
    confidence = rec.get("confidence")
    conf = f" (độ tin cậy {float(confidence):.2f})" if isinstance(confidence, (int, float)) else ""
    return _lines([
        ("🚨 CẦN XEM LẠI — CÓ THỂ KHẨN CẤP" if rec.get("urgent") else "Cần xem lại"),
        f"Nhóm: {rec.get('group_id')} — mô hình chưa chắc chắn: {category}{conf}",
        f"Lúc: {when(rec.get('sent_at'))}",
        f"Người gửi: {rec.get('sender_id')}",
        f"Nội dung: {rec.get('text') or ''}",
        f"Mã: {rec.get('review_id')}",
    ])


def reminder_text(rec: dict[str, Any], *, group_name: str) -> str:
    """An urgent case still not acknowledged: no text, no informant (the inbox has them)."""
    overdue = rec.get("overdue_seconds")
    late = f" (quá hạn {int(overdue) // 60} phút)" if isinstance(overdue, (int, float)) and overdue >= 60 else ""
    return _lines([
        f"🚨 NHẮC LẠI lần {rec.get('round')}: Tin khẩn cấp chưa được tiếp nhận{late}",
        f"Nhóm: {group_name or rec.get('group_id')}",
        f"Lúc: {when(rec.get('at'))}",
        "Mở hộp thư binhyen để xem và tiếp nhận.",
        f"Mã: {rec.get('escalation_id')}",
    ])


def warning_text(rec: dict[str, Any], *, group_name: str, posted: bool, auto_remove: bool) -> str:
    action = str(rec.get("action"))
    rules = rec.get("rules") or [rec.get("rule")]
    rules_vi = ", ".join(RULE_NAMES_VI.get(str(r), str(r)) for r in rules)
    remove = None
    if action == "remove":
        remove = ("binhyen sẽ xoá thành viên này khỏi nhóm Zalo." if auto_remove else
                  "Đề nghị trưởng nhóm xem xét mời thành viên ra khỏi nhóm (binhyen không tự xoá).")
    return _lines([
        f"[binhyen] {ACTION_NAMES_VI.get(action, action).capitalize()} — nhóm {group_name}",
        f"Thành viên: {rec.get('sender_id')} — vi phạm: {rules_vi} (lần {rec.get('strike_count')}), "
        f"lúc {when(rec.get('sent_at'))}",
        remove,
        "Thông báo đã được đăng trong nhóm:" if posted else "Thông báo soạn sẵn để đăng trong nhóm:",
        str(rec.get("notice_vi") or ""),
        f"Mã: {rec.get('warning_id')}",
    ])


def group_notice(rec: dict[str, Any], member_user_id: str) -> str:
    """The post in the Zalo group: the notice, mentioning the member. Never the message itself."""
    return f"[@{member_user_id}] {rec.get('notice_vi') or ''}"


def pardon_text(rec: dict[str, Any], *, group_name: str) -> str:
    rule = rec.get("rule")
    which = f"vi phạm \"{RULE_NAMES_VI.get(str(rule), rule)}\"" if rule else "mọi vi phạm"
    return _lines([
        f"[binhyen] Đã xoá {which} của thành viên {rec.get('sender_id')} — nhóm {group_name}.",
        f"Số lần vi phạm còn lại: {rec.get('strike_count')}.",
        f"Mã: {rec.get('warning_id')}",
    ])


def withdrawn_text(rec: dict[str, Any], *, group_name: str) -> str:
    return _lines([
        f"[binhyen] Rút lại cảnh báo cho tin nhắn {rec.get('message_id')} của thành viên "
        f"{rec.get('sender_id')} — nhóm {group_name} (đã được xem lại, không vi phạm).",
        f"Số lần vi phạm còn lại: {rec.get('strike_count')}.",
        f"Mã: {rec.get('warning_id')}",
    ])


def lost_found_text(rec: dict[str, Any], *, group_name: str) -> str:
    kind = {"lost": "Báo mất đồ", "found": "Nhặt được đồ", "returned": "Đã trả lại đồ"}.get(
        str(rec.get("kind")), "Mất/nhặt được đồ")
    match = rec.get("match")
    matched = None
    if isinstance(match, dict):
        matched = (f"Có thể khớp với tin {match.get('message_id')} ({match.get('kind')}, "
                   f"{when(match.get('sent_at'))})")
    return _lines([
        f"[binhyen] {kind} — nhóm {group_name}",
        f"Thành viên: {rec.get('sender_id')}, lúc {when(rec.get('sent_at'))}"
        + (f", đồ vật: {rec.get('item')}" if rec.get("item") else ""),
        f"Nội dung: {rec.get('text') or ''}",
        matched,
        f"Mã: {rec.get('report_id')}",
    ])
