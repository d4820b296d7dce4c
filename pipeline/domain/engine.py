"""The rule engine: one message in, every record it causes out, plus the new states.

``RuleEngine.judge`` is pure: the same message, classification and states give
the same judgement, and nothing is read from the clock — every rule is judged
on ``sent_at`` in the group's time zone. The streaming layer loads the two
states from its tables, calls ``judge`` once, stores the returned states and
publishes the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pipeline.domain.classification import Category, Classification
from pipeline.domain.groups import GroupConfig, GroupsConfig
from pipeline.domain.lost_found import FOUND, LOST, RETURNED, best_match, read_report, still_open
from pipeline.domain.message import ChatMessage, Role
from pipeline.domain.notices import case_update_vi, notice_vi
from pipeline.domain.office_calendar import to_local
from pipeline.domain.rules import RULE_NAMES, RuleContext, RuleOutcome, evaluate_all
from pipeline.domain.state import GroupState, LostFoundReport, MessageNote, RemovalCase, SenderState
from pipeline.domain.strikes import REMOVE, Strike

__all__ = ["GroupState", "Judgement", "RULE_NAMES", "RuleEngine", "SenderState"]


@dataclass(frozen=True)
class Judgement:
    duplicate: bool  # message_id already seen in this group: nothing else set, states unchanged
    decision: dict[str, Any] | None = None  # moderation.decisions
    warnings: tuple[dict[str, Any], ...] = ()  # moderation.warnings: at most one per message
    escalation: dict[str, Any] | None = None  # moderation.escalations (members' tips, urgent ones of leaders)
    lost_found: dict[str, Any] | None = None  # moderation.lost-found (every lost_item)
    review: dict[str, Any] | None = None  # moderation.review (the classifier was not sure)
    sender_state: SenderState = field(default_factory=SenderState.empty)
    group_state: GroupState = field(default_factory=GroupState.empty)
    fired_rules: tuple[str, ...] = ()  # also in shadow mode, for metrics
    shadow: bool = False


def confidence_of(cls: Classification) -> float:
    """The classifier's probability of the category it chose."""
    p = cls.scores.get(cls.category.value)
    if p is None:
        return float(getattr(cls, "confidence", 1.0))
    return round(float(p), 4)


class RuleEngine:
    def __init__(self, groups: GroupsConfig, *, seen_ids_per_group: int = 5000) -> None:
        if seen_ids_per_group < 1:
            raise ValueError("seen_ids_per_group must be at least 1")
        self.groups = groups
        self.seen_ids_per_group = seen_ids_per_group

    def sender_is_idle(self, group_id: str, sender: SenderState, now: float) -> bool:
        """True when a member's state no longer matters at ``now`` (POSIX seconds of a ``sent_at``):
        no strike within the window and no message within the flood window. Such state can be
        dropped; judging with the empty state gives the same result."""
        cfg = self.groups.for_group(group_id)
        if cfg.strikes.active(sender.strikes, now):
            return False
        horizon = now - cfg.flood.window_seconds
        return all(t <= horizon for t in sender.recent) and (sender.burst_last is None
                                                               or sender.burst_last <= horizon)

    def judge(self, msg: ChatMessage, cls: Classification, sender: SenderState, group: GroupState) -> Judgement:
        if group.has_seen(msg.message_id):
            return Judgement(duplicate=True, sender_state=sender, group_state=group)

        cfg = self.groups.for_group(msg.group_id)
        role = cfg.role_of(msg.sender_id, msg.sender_role)
        local = to_local(msg.sent_at, cfg.tz)
        now = msg.sent_at.timestamp()
        shadow = cfg.shadow
        needs_review = bool(getattr(cls, "needs_review", False))
        removed = group.is_removed(msg.sender_id)
        window = cfg.flood.window_seconds

        recent_count = sender.burst_with(now, window)
        over = recent_count > cfg.flood.max_messages
        continues = over and sender.burst_last is not None and abs(now - sender.burst_last) < window
        ctx = RuleContext(group=cfg, role=role, classification=cls, local_time=local, recent_count=recent_count,
                          burst_continues=continues, exempt_member=group.is_exempt(msg.sender_id))
        outcomes = evaluate_all(ctx)
        fired = tuple(o.rule for o in outcomes if o.fired)

        # worked out once per message, used by several of its records
        sent_iso = msg.sent_at.isoformat()
        cls_record = cls.to_record()
        confidence = confidence_of(cls)
        strikes = list(cfg.strikes.active(sender.strikes, now))
        case = sender.case
        warnings: list[dict[str, Any]] = []
        actions: list[str] = []
        strike_count: int | None = None
        holiday = cfg.office_hours.holiday_name(local)
        struck = False
        if fired:
            names = "+".join(fired)
            count = len(strikes) + 1
            action = cfg.strikes.action_for(count)
            if shadow:
                actions.append(f"would_warn:{names}:{action}")
            elif needs_review:
                actions.append(f"held_for_review:{names}")
            elif removed:
                actions.append(f"removed_member:{names}")
            else:
                struck = True
                strike_count = count
                strikes.append(Strike(at=now, rule=fired[0], message_id=msg.message_id, rules=fired))
                day = local.date().isoformat() if action == REMOVE else ""
                if action == REMOVE and case is not None:
                    # the member's case is open: recorded, and at most one update a day reaches the leaders
                    notify = day != case.notified_day
                    case = RemovalCase(case.opened_at, case.message_id, day if notify else case.notified_day,
                                       case.messages_since + 1)
                    if notify:
                        actions.append(f"case_update:{names}:{action}")
                        warnings.append(_warning(msg, cfg, fired, action, count, local, holiday, case=case,
                                                 sent_iso=sent_iso, confidence=confidence))
                    else:
                        actions.append(f"recorded:{names}:{action}")
                else:
                    case = RemovalCase(opened_at=now, message_id=msg.message_id, notified_day=day) \
                        if action == REMOVE else None
                    actions.append(f"warn:{names}:{action}")
                    warnings.append(_warning(msg, cfg, fired, action, count, local, holiday, case=case,
                                             sent_iso=sent_iso, confidence=confidence))

        category = cls.category
        escalation = None
        if category is _TIP and _escalates(role, cls, needs_review):
            escalation = _escalation(msg, cls, cfg, role, ctx, holiday, sent_iso=sent_iso, cls_record=cls_record,
                                     confidence=confidence)
            actions.append(f"escalate:{escalation['priority']}")

        review = None
        if needs_review:
            review = _review(msg, fired, sent_iso=sent_iso, cls_record=cls_record, confidence=confidence)
            actions.append("review")

        new_group = group.judged(MessageNote(msg.message_id, msg.sender_id, category.value,
                                             cls.model_version, struck), self.seen_ids_per_group)
        lost_found = None
        if category is _LOST_ITEM:
            lost_found, reports = _lost_found(msg, new_group.reports, now, sent_iso)
            new_group = new_group.with_reports(reports)
            actions.append("lost_found")

        burst_last = max(now, sender.burst_last or now) if over else sender.burst_last
        new_sender = sender.after_message(strikes, now, cfg.flood.max_messages, burst_last,
                                          case if not shadow else sender.case)
        decision = _decision(msg, cls, cfg, role, outcomes, actions or ["none"], sent_iso=sent_iso,
                             cls_record=cls_record, confidence=confidence)
        if strike_count is not None:
            decision["strike_count"] = strike_count
        if needs_review:
            decision["needs_review"] = True
        if removed:
            decision["removed_member"] = True
        return Judgement(
            duplicate=False,
            decision=decision,
            warnings=tuple(warnings),
            escalation=escalation,
            lost_found=lost_found,
            review=review,
            sender_state=new_sender,
            group_state=new_group,
            fired_rules=fired,
            shadow=shadow,
        )


_TIP, _LOST_ITEM = Category.TIP, Category.LOST_ITEM


def _escalates(role: Role, cls: Classification, needs_review: bool) -> bool:
    """Whether a tip goes to the officers.

    A member's tip does; an uncertain one only when urgent (urgent needs an explicit cue).
    A leader's post (a rules reminder, an awareness post) is not a report to the police
    unless urgent. An officer's own post (a reply, a notice) is the police speaking."""
    if role is Role.OFFICER:
        return False
    if role is Role.LEADER or needs_review:
        return cls.urgent
    return True


def _decision(msg: ChatMessage, cls: Classification, cfg: GroupConfig, role: Role,
              outcomes: tuple[RuleOutcome, ...], actions: list[str], *, sent_iso: str,
              cls_record: dict[str, Any], confidence: float) -> dict[str, Any]:
    """The audit record. Never the text; for a tip not even the sender (informant confidentiality)."""
    record: dict[str, Any] = {
        "message_id": msg.message_id,
        "group_id": msg.group_id,
        "sent_at": sent_iso,
        **cls_record,
        "confidence": confidence,
        "rules": [o.to_record() for o in outcomes],
        "actions": actions,
        "mode": cfg.mode.value,
        "sender_role": role.value,
    }
    if cls.category is not Category.TIP:
        record["sender_id"] = msg.sender_id
    return record


def _warning(msg: ChatMessage, cfg: GroupConfig, rules: tuple[str, ...], action: str, count: int,
             local: datetime, holiday: str | None, *, case: RemovalCase | None, sent_iso: str,
             confidence: float) -> dict[str, Any]:
    """One warning for one message, naming every rule it broke. A member's removal case gets
    ``messages_since`` (0 when it opens) and, on the day's update, ``case_update``."""
    record: dict[str, Any] = {
        "kind": "warning",
        "warning_id": f"{msg.group_id}:{msg.message_id}:{rules[0]}",
        "group_id": msg.group_id,
        "message_id": msg.message_id,
        "sender_id": msg.sender_id,
        "rule": rules[0],
        "rules": list(rules),
        "action": action,
        "strike_count": count,
        "sent_at": sent_iso,
        "confidence": confidence,
    }
    if case is not None and case.messages_since > 0:
        record["messages_since"] = case.messages_since
        record["case_update"] = True
        record["notice_vi"] = case_update_vi(rules=rules, messages_since=case.messages_since,
                                             opened_local=datetime.fromtimestamp(case.opened_at, tz=local.tzinfo),
                                             local_time=local, group=cfg, holiday=holiday)
    else:
        if case is not None:
            record["messages_since"] = 0
        record["notice_vi"] = notice_vi(rules=rules, action=action, strike_count=count, local_time=local,
                                        group=cfg, holiday=holiday)
    return record


def _review(msg: ChatMessage, fired: tuple[str, ...], *, sent_iso: str, cls_record: dict[str, Any],
            confidence: float) -> dict[str, Any]:
    """For a person to look at (moderation.review, read by the inbox only): carries the text."""
    return {
        "review_id": f"{msg.group_id}:{msg.message_id}",
        "group_id": msg.group_id,
        "message_id": msg.message_id,
        "sender_id": msg.sender_id,
        "sent_at": sent_iso,
        "category": cls_record["category"],
        "urgent": cls_record["urgent"],
        "scores": dict(cls_record["scores"]),
        "confidence": confidence,
        "model_version": cls_record["model_version"],
        "text": msg.text,
        "rules": list(fired),
    }


def _escalation(msg: ChatMessage, cls: Classification, cfg: GroupConfig, role: Role, ctx: RuleContext,
                holiday: str | None, *, sent_iso: str, cls_record: dict[str, Any],
                confidence: float) -> dict[str, Any]:
    """Every tip goes to the officers; an urgent one is ``urgent`` at any hour, Tết included."""
    reasons = []
    p = cls.scores.get(Category.TIP.value)
    reasons.append(f"classified tip (p={float(p):.2f})" if p is not None else "classified tip")
    if cls.urgent:
        reasons.append("urgent: emergency")
    if holiday:
        reasons.append(f"on a public holiday: {holiday}")
    elif not cfg.office_hours.is_open(ctx.local_time):
        reasons.append("outside office hours")
    if msg.attachments:
        reasons.append("attachments: " + ", ".join(sorted({a.kind.value for a in msg.attachments})))
    if role is not Role.MEMBER:
        reasons.append(f"reported by {role.value}")
    scores = dict(cls_record["scores"])
    return {
        "escalation_id": f"{msg.group_id}:{msg.message_id}",
        "group_id": msg.group_id,
        "group_name": cfg.display_name,
        "district": cfg.district,
        "commune": cfg.commune,
        "message_id": msg.message_id,
        "priority": "urgent" if cls.urgent else "normal",
        "text": msg.text,
        "sender_id": msg.sender_id,
        "sender_role": role.value,
        "sent_at": sent_iso,
        "attachments": [a.to_record() for a in msg.attachments],
        "reply_to": msg.reply_to,
        "reasons": reasons,
        "route_to": list(cfg.route_to),
        "route_district": cfg.route_district,
        "scores": scores,
        "confidence": confidence,
        "model_version": cls.model_version,
    }


def _lost_found(msg: ChatMessage, reports: tuple[LostFoundReport, ...], now: float, sent_iso: str
                ) -> tuple[dict[str, Any], tuple[LostFoundReport, ...]]:
    """The lost-found record and the group's open reports after it.

    A lost or found report is matched against open reports of the opposite kind
    and kept open itself; "returned" closes the sender's own open reports.
    """
    reading = read_report(msg.text)
    report_id = f"{msg.group_id}:{msg.message_id}"
    open_reports = still_open(reports, now)
    match = None
    if reading.kind in (LOST, FOUND):
        new = LostFoundReport(report_id=report_id, message_id=msg.message_id, sender_id=msg.sender_id,
                              kind=reading.kind, item=reading.item, at=now, sent_at=sent_iso,
                              keywords=reading.keywords)
        found = best_match(new, open_reports)
        if found is not None:
            old, score = found
            match = {"report_id": old.report_id, "message_id": old.message_id, "kind": old.kind,
                     "item": old.item, "sent_at": old.sent_at, "score": score}
        open_reports = (*open_reports, new)
    elif reading.kind == RETURNED:
        open_reports = tuple(r for r in open_reports if r.sender_id != msg.sender_id)
    record = {
        "report_id": report_id,
        "group_id": msg.group_id,
        "message_id": msg.message_id,
        "sender_id": msg.sender_id,
        "sent_at": sent_iso,
        "kind": reading.kind,
        "item": reading.item,
        "text": msg.text,
        "match": match,
    }
    return record, open_reports
