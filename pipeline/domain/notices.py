"""Ready-to-post Vietnamese notices for group leaders.

A notice names the rule and the local time of the offending message, and its
wording escalates with the action: a reminder (nhắc nhở), a final warning
(cảnh cáo lần cuối), an invitation to leave the group (mời ra khỏi nhóm).
It never quotes the message: repeating an ad or a rumour spreads it, and
repeating a report could expose the person who made it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from pipeline.domain.groups import GroupConfig
from pipeline.domain.office_calendar import format_local_vi
from pipeline.domain.strikes import FINAL_WARNING, REMIND, REMOVE

RULE_TITLES_VI: dict[str, str] = {
    "antt_only": "chỉ đăng thông tin về an ninh trật tự (ANTT)",
    "office_hours": "chỉ đăng tin trong giờ hành chính, trừ trường hợp khẩn cấp",
    "spam": "không đăng quảng cáo, rao vặt, mời vay tiền hay đường link lạ",
    "flood": "không gửi liên tục nhiều tin nhắn trong thời gian ngắn",
}

_WHAT_HAPPENED_VI: dict[str, str] = {
    "antt_only": "có nội dung không thuộc phạm vi an ninh trật tự hay tìm đồ thất lạc",
    "office_hours": "được gửi ngoài giờ hành chính mà không phải tin khẩn cấp",
    "spam": "có nội dung quảng cáo, rao vặt",
    "flood": "nằm trong chuỗi tin gửi liên tục quá nhiều",
}


def rule_explanation_vi(rule: str, group: GroupConfig, holiday: str | None = None) -> str:
    if rule == "office_hours":
        hours = group.office_hours.describe_vi()
        if holiday:
            return (f"được gửi vào ngày nghỉ lễ {holiday} mà không phải tin khẩn cấp "
                    f"(tin thường xin gửi trong giờ hành chính: {hours})")
        return f"{_WHAT_HAPPENED_VI[rule]} (giờ hành chính: {hours})"
    if rule == "flood":
        return (f"{_WHAT_HAPPENED_VI[rule]} (quá {group.flood.max_messages} tin trong "
                f"{group.flood.window_seconds:g} giây)")
    return _WHAT_HAPPENED_VI.get(rule, "vi phạm nội quy nhóm")


def _join_vi(parts: Sequence[str]) -> str:
    """``a``, ``a và b``, ``a, b và c``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " và " + parts[-1]


def _unique(rules: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rules))


def notice_vi(*, action: str, strike_count: int, local_time: datetime, group: GroupConfig,
              rule: str | None = None, rules: Sequence[str] = (), holiday: str | None = None) -> str:
    """The notice for one warning: one short paragraph naming each broken rule once.

    ``rules`` are the rules the message broke (``rule`` alone for one); ``local_time`` is
    ``sent_at`` in the group's zone; ``holiday`` (its name) is shown for ``office_hours``."""
    names = _unique(tuple(rules) or ((rule,) if rule else ()))
    if not names:
        raise ValueError("a notice needs at least one rule")
    when = format_local_vi(local_time)
    titles = "; ".join(RULE_TITLES_VI.get(r, r) for r in names)
    what = _join_vi([rule_explanation_vi(r, group, holiday if r == "office_hours" else None) for r in names])
    days = group.strikes.window.days
    if action == REMIND:
        return (f"[Nhắc nhở] Tin nhắn lúc {when} {what}. "
                f"Nội quy nhóm: {titles}. Rất mong anh/chị thông cảm và thực hiện đúng nội quy. "
                f"Trân trọng cảm ơn!")
    if action == FINAL_WARNING:
        return (f"[Cảnh cáo lần cuối] Tin nhắn lúc {when} {what}. "
                f"Đây là lần vi phạm thứ {strike_count} trong {days} ngày (nội quy: {titles}). "
                f"Nếu tiếp tục vi phạm, ban quản trị sẽ mời anh/chị ra khỏi nhóm. Xin cảm ơn!")
    if action == REMOVE:
        return (f"[Mời ra khỏi nhóm] Tin nhắn lúc {when} {what}. "
                f"Anh/chị đã vi phạm nội quy nhóm {strike_count} lần trong {days} ngày dù đã được nhắc nhở "
                f"và cảnh cáo (nội quy: {titles}). Ban quản trị xin phép mời anh/chị ra khỏi nhóm. "
                f"Khi cần báo tin về an ninh trật tự, anh/chị vẫn có thể liên hệ trực tiếp công an khu vực. "
                f"Xin cảm ơn!")
    raise ValueError(f"unknown action {action!r}")


def case_update_vi(*, rules: Sequence[str], messages_since: int, opened_local: datetime, local_time: datetime,
                   group: GroupConfig, holiday: str | None = None) -> str:
    """The day's one update of an open removal case, for the group's leaders."""
    names = _unique(rules)
    what = _join_vi([rule_explanation_vi(r, group, holiday if r == "office_hours" else None) for r in names])
    return (f"[Mời ra khỏi nhóm - cập nhật] Từ lúc {format_local_vi(opened_local)}, khi được mời ra khỏi nhóm, "
            f"thành viên này đã gửi thêm {messages_since} tin vi phạm nội quy; tin mới nhất lúc "
            f"{format_local_vi(local_time)} {what}. Ban quản trị xin phép mời anh/chị ra khỏi nhóm. "
            f"Xin cảm ơn!")
