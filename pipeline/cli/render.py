"""One-line, human-readable renderings of output records for the terminal (``binhyen demo``)."""

from __future__ import annotations

from datetime import datetime

PRIORITY_LABEL = {"urgent": "KHẨN CẤP / URGENT", "normal": "tin báo / normal"}


def _when(value: object) -> str:
    if not isinstance(value, str):
        return "?"
    try:
        return datetime.fromisoformat(value).strftime("%a %d/%m %H:%M")
    except ValueError:
        return value


def _short(text: object, limit: int = 90) -> str:
    s = " ".join(str(text or "").split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def render_escalation(rec: dict) -> str:
    prio = rec.get("priority", "?")
    mark = "!!" if prio == "urgent" else " >"
    route = ",".join(rec.get("route_to") or []) or rec.get("route_district") or "-"
    return (f"{mark} ESCALATION {PRIORITY_LABEL.get(prio, prio):<17} {_when(rec.get('sent_at'))}  "
            f"{rec.get('group_id')}  -> {route}\n     \"{_short(rec.get('text'))}\""
            f"  [{'; '.join(rec.get('reasons') or [])}]")


def render_warning(rec: dict) -> str:
    kind = rec.get("kind", "warning")
    if kind == "pardoned":
        return (f" + PARDONED   {rec.get('rule') or 'all rules'}  {rec.get('group_id')}  sender {rec.get('sender_id')}"
                f"  by {rec.get('actor_role')} {rec.get('actor_id')}: {rec.get('cleared')} strike(s) cleared, "
                f"{rec.get('strike_count')} left  (action {rec.get('action_id')})")
    if kind == "withdrawn":
        return (f" + WITHDRAWN  strike of {rec.get('message_id')} ({'+'.join(rec.get('rules') or [])})  "
                f"{rec.get('group_id')}  sender {rec.get('sender_id')}  by {rec.get('actor_role')} "
                f"{rec.get('actor_id')}: {rec.get('strike_count')} strike(s) left  (action {rec.get('action_id')})")
    rules = "+".join(rec.get("rules") or [str(rec.get("rule"))])
    case = f", case update: {rec.get('messages_since')} more" if rec.get("case_update") else ""
    return (f" ~ WARNING    {rules}/{rec.get('action')} (strike {rec.get('strike_count')}{case})"
            f"  {_when(rec.get('sent_at'))}  {rec.get('group_id')}  sender {rec.get('sender_id')}\n"
            f"     {rec.get('notice_vi')}")


def render_feedback(rec: dict) -> str:
    return (f" * FEEDBACK   {rec.get('group_id')} {rec.get('message_id')}: model said {rec.get('model_category')}, "
            f"{rec.get('actor_role')} {rec.get('actor_id')} says {rec.get('person_category')}  "
            f"(model {rec.get('model_version')})")


def render_lost_found(rec: dict) -> str:
    match = rec.get("match")
    tail = f"  likely match: {match.get('message_id')} ({match.get('kind')})" if isinstance(match, dict) else ""
    return (f" ? LOST-FOUND {rec.get('kind')} {rec.get('item') or ''}  {_when(rec.get('sent_at'))}  "
            f"{rec.get('group_id')}{tail}")


def render(topic: str, rec: dict) -> str:
    if topic.endswith("escalations"):
        return render_escalation(rec)
    if topic.endswith("warnings"):
        return render_warning(rec)
    if topic.endswith("lost-found"):
        return render_lost_found(rec)
    if topic.endswith("feedback"):
        return render_feedback(rec)
    if topic.endswith("review"):
        return (f" ? REVIEW     {rec.get('group_id')} {rec.get('message_id')}: {rec.get('category')} "
                f"(p={rec.get('confidence')}), for a person to look at")
    if topic.endswith("dead-letter"):
        return f" x DEAD-LETTER {rec.get('reason')}: {rec.get('error')} (partition {rec.get('partition')}, offset {rec.get('offset')})"
    return str(rec)
