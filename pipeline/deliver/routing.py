"""Routing: one output record and the groups configuration → the deliveries it needs.

Pure: no I/O, no clock. Rules (README, "Deliver"):

- escalations → each officer of the group's routing (``route_to``) 1:1, with the
  informant's identity and the text; urgent ones first (rank 0) and marked. Only
  officers ever get a tip's text.
- review cases → the group's officers 1:1 (text allowed; never leaders).
- reminders (moderation.reminders, from the inbox: an urgent case not acknowledged in time) →
  each officer of ``route_to`` 1:1, urgent lane; no text: the group, the time and the case id.
- warnings → each leader 1:1 with the ready-to-post notice; in an OA-created group
  with ``auto_post`` the notice is also posted in the group mentioning the member
  (``[@user_id]``); a ``remove`` is carried out (``removemembers``) only with ``auto_remove``.
- ``pardoned`` / ``withdrawn`` warnings → a short 1:1 note to the leaders.
- lost-found reports → leaders 1:1.
- every record → ``BINHYEN_WEBHOOK_URL`` and the group's ``webhook_urls``, signed.

A person without a Zalo user id gives a delivery with ``problem`` set: it is parked
(visible in moderation.deliveries and the metrics), never silently dropped.
"""

from __future__ import annotations

import hashlib
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit

from pipeline.deliver import texts
from pipeline.deliver.records import WEBHOOK, ZALO_CS, ZALO_GROUP, ZALO_REMOVE, Delivery, priority, record_id
from pipeline.domain.groups import GroupConfig, GroupsConfig
from pipeline.kafka import topics

#: Rank inside a lane: lower goes first.
RANK_URGENT, RANK_ESCALATION, RANK_REMOVE, RANK_WARNING, RANK_OTHER = 0, 1, 2, 3, 4

EVENT_TYPES = {topics.ESCALATIONS: "escalation", topics.WARNINGS: "warning",
               topics.LOST_FOUND: "lost_found", topics.REVIEW: "review", topics.REMINDERS: "reminder"}


def webhook_channel(url: str) -> str:
    """``webhook:<host>#<hash>``: names the endpoint without its path or query (which may hold secrets)."""
    host = urlsplit(url).netloc or "?"
    return f"webhook:{host}#{hashlib.sha256(url.encode()).hexdigest()[:10]}"


def cs_message(user_id: str, text: str, limit: int) -> dict[str, Any]:
    return {"recipient": {"user_id": user_id}, "message": {"text": texts.cut(text, limit)}}


def route(topic: str, record: dict[str, Any], groups: GroupsConfig, *,
          webhook_urls: Sequence[str] = (), text_limit: int = 2000) -> list[Delivery]:
    """Every delivery ``record`` (from ``topic``) needs, in a stable order. Empty when it has no id."""
    rid = record_id(topic, record)
    group_id = record.get("group_id")
    if rid is None or not isinstance(group_id, str):
        return []
    cfg = groups.for_group(group_id)
    urgent = priority(topic, record) == "urgent"
    base = {"record_id": rid, "topic": topic, "group_id": group_id}
    out: list[Delivery] = []

    def to_people(people: Iterable[str], role: str, text: str, rank: int) -> None:
        people = list(dict.fromkeys(people))
        if not people:
            out.append(Delivery(**base, kind=ZALO_CS, channel=f"zalo:cs:no-{role}", target="", rank=rank,
                                problem=f"group {group_id} has no {role} to send to"))
            return
        for person in people:
            if role == "officer" and person in cfg.leaders:  # a tip's text and informant: officers only
                out.append(Delivery(**base, kind=ZALO_CS, channel=f"zalo:cs:person:{person}", target="",
                                    rank=rank, problem=f"{person} is a leader of {group_id}: tips go to officers only"))
                continue
            uid = groups.zalo_user_id(person)
            if not uid:
                out.append(Delivery(**base, kind=ZALO_CS, channel=f"zalo:cs:person:{person}", target="",
                                    rank=rank, problem=f"no Zalo user id for {role} {person} ([zalo_users])"))
                continue
            out.append(Delivery(**base, kind=ZALO_CS, channel=f"zalo:cs:{uid}", target=uid,
                                payload=cs_message(uid, text, text_limit), rank=rank))

    if topic == topics.ESCALATIONS:
        officers = [p for p in record.get("route_to") or () if isinstance(p, str)] or list(cfg.route_to)
        to_people(officers, "officer", texts.escalation_text(record),
                  RANK_URGENT if urgent else RANK_ESCALATION)
    elif topic == topics.REMINDERS:  # an urgent case nobody acknowledged: officers again, urgent lane
        officers = [p for p in record.get("route_to") or () if isinstance(p, str)] or list(cfg.route_to)
        to_people(officers, "officer", texts.reminder_text(record, group_name=cfg.display_name), RANK_URGENT)
    elif topic == topics.REVIEW:
        to_people(cfg.route_to, "officer", texts.review_text(record), RANK_URGENT if urgent else RANK_ESCALATION)
    elif topic == topics.WARNINGS:
        _warning(record, cfg, groups, base, out, to_people, text_limit)
    elif topic == topics.LOST_FOUND:
        to_people(sorted(cfg.leaders), "leader", texts.lost_found_text(record, group_name=cfg.display_name),
                  RANK_OTHER)

    urls = list(dict.fromkeys([*webhook_urls, *cfg.webhook_urls]))
    event = {"type": EVENT_TYPES[topic], "id": rid, "data": record}
    for url in urls:
        out.append(Delivery(**base, kind=WEBHOOK, channel=webhook_channel(url), target=url, payload=event,
                            rank=RANK_URGENT if urgent else RANK_OTHER))
    return out


def _warning(record: dict[str, Any], cfg: GroupConfig, groups: GroupsConfig, base: dict[str, Any],
             out: list[Delivery], to_people: Any, text_limit: int) -> None:
    kind = record.get("kind") or "warning"
    leaders = sorted(cfg.leaders)
    if kind == "pardoned":
        to_people(leaders, "leader", texts.pardon_text(record, group_name=cfg.display_name), RANK_OTHER)
        return
    if kind == "withdrawn":
        to_people(leaders, "leader", texts.withdrawn_text(record, group_name=cfg.display_name), RANK_OTHER)
        return
    if kind != "warning":
        return
    sender = record.get("sender_id")
    member_uid = (groups.zalo_user_id(sender) or sender) if isinstance(sender, str) else ""
    oa_group = cfg.zalo_group_id
    post = bool(oa_group and cfg.auto_post and member_uid)
    remove = bool(oa_group and cfg.auto_remove and member_uid and record.get("action") == "remove")
    to_people(leaders, "leader",
              texts.warning_text(record, group_name=cfg.display_name, posted=post, auto_remove=remove),
              RANK_WARNING)
    if post:
        body = {"recipient": {"group_id": oa_group},
                "message": {"text": texts.cut(texts.group_notice(record, member_uid), text_limit)}}
        out.append(Delivery(**base, kind=ZALO_GROUP, channel=f"zalo:group:{oa_group}", target=oa_group,
                            payload=body, rank=RANK_WARNING))
    if remove:
        body = {"group_id": oa_group, "member_user_ids": [member_uid]}
        out.append(Delivery(**base, kind=ZALO_REMOVE, channel=f"zalo:remove:{oa_group}", target=oa_group,
                            payload=body, rank=RANK_REMOVE))
