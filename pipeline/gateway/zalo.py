"""Zalo OA webhook events -> the contract's ``chat.messages`` record (pure: no HTTP, no Kafka).

* ``user_send_group_*`` (a member's post in an OA-created group): ``message_id`` = ``message.msg_id``,
  ``group_id`` = the configured group whose ``zalo_group_id`` is ``recipient.id`` (else
  ``zalo-<recipient.id>``), ``sender_id`` = ``sender.id``, ``sent_at`` from ``timestamp`` (milliseconds)
  in the group's time zone, attachments from ``message.attachments``, ``sender_role`` from the
  group's configuration (person ids are matched through ``[zalo_users]``).
* ``user_send_text`` and the other 1:1 media events (a private tip to the OA): the same record in
  the private-tips group (``BINHYEN_PRIVATE_TIPS_GROUP``), ``sender_role`` = ``member``. That group
  is configured ``mode = "shadow"`` in ``configs/groups.toml``: tips are escalated, nobody is warned.
* Membership events, the OA's own posts (``oa_send_*``) and other notifications are acknowledged
  and counted, not classified.
* Anything else (no ``event_name``, an unknown event, a message event without its ids) is a
  :class:`BadEvent`: the gateway answers 400 and dead-letters the body.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from pipeline.domain.groups import GroupConfig, GroupsConfig
from pipeline.domain.message import (MAX_ATTACHMENTS, MAX_ID_CHARS, MAX_URL_CHARS, AttachmentKind,
                                     InvalidMessage, Role, message_from_obj)

_IMAGE, _VIDEO, _AUDIO = AttachmentKind.IMAGE.value, AttachmentKind.VIDEO.value, AttachmentKind.AUDIO.value
_FILE, _LINK, _LOCATION = AttachmentKind.FILE.value, AttachmentKind.LINK.value, AttachmentKind.LOCATION.value

#: Media suffix of an event name -> the attachment kind its message carries (None: text only).
MEDIA_KINDS: dict[str, str | None] = {
    "text": None, "image": _IMAGE, "link": _LINK, "audio": _AUDIO, "location": _LOCATION,
    "video": _VIDEO, "sticker": _IMAGE, "gif": _IMAGE, "file": _FILE, "business_card": _LINK,
}
#: A member's post in an OA group: every one is classified.
GROUP_MESSAGE_EVENTS = {f"user_send_group_{suffix}": kind for suffix, kind in MEDIA_KINDS.items()}
#: 1:1 messages to the OA that are private tips (stickers, gifs and business cards to the OA are not).
PRIVATE_MESSAGE_EVENTS = {f"user_send_{suffix}": MEDIA_KINDS[suffix]
                          for suffix in ("text", "image", "link", "audio", "location", "video", "file")}
MEMBERSHIP_EVENTS = frozenset({"user_join_group", "user_out_group", "add_group_admin", "remove_group_admin",
                               "create_group", "delete_group", "user_request_join_group",
                               "oa_join_group", "oa_out_group"})
#: Notifications acknowledged without classification: the OA's own messages, receipts, follows, ...
ACK_PREFIXES = ("oa_send_", "user_seen_", "user_received_", "user_reacted_", "oa_reacted_",
                "user_send_sticker", "user_send_gif", "user_send_business_card")
ACK_EVENTS = frozenset({"follow", "unfollow", "user_submit_info", "user_click_chatnow",
                        "user_asking_product", "add_user_to_tag", "anonymous_send_text"})
#: Attachment ``type`` as Zalo writes it -> the contract's kind.
ATTACHMENT_TYPES = {"image": _IMAGE, "photo": _IMAGE, "gif": _IMAGE, "sticker": _IMAGE, "video": _VIDEO,
                    "audio": _AUDIO, "voice": _AUDIO, "file": _FILE, "link": _LINK, "location": _LOCATION,
                    "business_card": _LINK, "contact": _LINK}

#: Event names used as a metric label; anything else is counted as ``other``.
KNOWN_EVENTS = frozenset(GROUP_MESSAGE_EVENTS) | frozenset(PRIVATE_MESSAGE_EVENTS) | MEMBERSHIP_EVENTS | {
    "oa_send_group_text", "oa_send_group_image", "oa_send_text", "follow", "unfollow"}

CLASSIFIED = "classified"  # a record for chat.messages
ACKNOWLEDGED = "acknowledged"  # counted only


class BadEvent(ValueError):
    """A webhook body that is not an event binhyen understands. ``reason`` is bounded (a metric label);
    ``detail`` never quotes the message text."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Mapped:
    """What one event becomes: ``record`` for ``chat.messages`` (``outcome`` = classified) or nothing."""

    event: str  # the event name (use :func:`event_label` for metrics)
    outcome: str  # CLASSIFIED or ACKNOWLEDGED
    record: dict[str, Any] | None = None
    private: bool = False

    @property
    def key(self) -> bytes | None:
        return self.record["group_id"].encode("utf-8") if self.record else None


def event_label(name: object) -> str:
    return name if isinstance(name, str) and name in KNOWN_EVENTS else "other"


class EventMapper:
    """Maps decoded webhook bodies with one groups configuration (built once, used per request)."""

    def __init__(self, groups: GroupsConfig, private_tips_group: str) -> None:
        self.groups = groups
        self.private_tips_group = private_tips_group
        self.private_group = groups.for_group(private_tips_group)
        # Zalo user id -> the person id used in leaders/officers.
        self._person_by_zalo: Mapping[str, str] = {zid: person for person, zid in groups.zalo_users.items()}

    def map(self, body: Any) -> Mapped:
        if not isinstance(body, dict):
            raise BadEvent("not_object", f"body is a JSON {type(body).__name__}, not an object")
        name = body.get("event_name")
        if not isinstance(name, str) or not name:
            raise BadEvent("unknown_event", "no event_name")
        if name in GROUP_MESSAGE_EVENTS:
            group_zid = _id(body, "recipient")
            group = self.groups.by_zalo_group_id(group_zid) or self.groups.for_group(f"zalo-{group_zid}")
            return Mapped(name, CLASSIFIED, self._record(body, group, GROUP_MESSAGE_EVENTS[name], private=False))
        if name in PRIVATE_MESSAGE_EVENTS:
            record = self._record(body, self.private_group, PRIVATE_MESSAGE_EVENTS[name], private=True)
            return Mapped(name, CLASSIFIED, record, private=True)
        if name in MEMBERSHIP_EVENTS or name in ACK_EVENTS or name.startswith(ACK_PREFIXES):
            return Mapped(name, ACKNOWLEDGED)
        raise BadEvent("unknown_event", f"event_name {name[:64]!r} is not handled")

    def role(self, group: GroupConfig, zalo_sender: str) -> Role:
        person = self._person_by_zalo.get(zalo_sender, zalo_sender)
        return group.role_of(person)

    def _record(self, body: dict[str, Any], group: GroupConfig, kind: str | None, *, private: bool) -> dict[str, Any]:
        message = body.get("message")
        if not isinstance(message, dict):
            raise BadEvent("missing_field", "no message object")
        msg_id = message.get("msg_id")
        if not isinstance(msg_id, str) or not msg_id.strip():
            raise BadEvent("missing_field", "no message.msg_id")
        sender = _id(body, "sender")
        text = message.get("text")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise BadEvent("wrong_type", "message.text is not a string")
        record: dict[str, Any] = {
            "message_id": msg_id,
            "group_id": group.group_id,
            "sender_id": sender,
            "text": text,
            "sent_at": sent_at(body.get("timestamp"), group.tz).isoformat(),
        }
        role = Role.MEMBER if private else self.role(group, sender)
        if private or role is not Role.MEMBER:
            record["sender_role"] = role.value
        attachments = _attachments(message.get("attachments"), kind)
        if attachments:
            record["attachments"] = attachments
        try:
            message_from_obj(record)
        except InvalidMessage as exc:
            raise BadEvent(exc.reason, exc.detail) from None
        return record


def _id(body: dict[str, Any], field: str) -> str:
    holder = body.get(field)
    value = holder.get("id") if isinstance(holder, dict) else None
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise BadEvent("missing_field", f"no {field}.id")
    if len(value) > MAX_ID_CHARS - 5:
        raise BadEvent("too_large", f"{field}.id longer than {MAX_ID_CHARS - 5} characters")
    return value


def sent_at(timestamp: Any, tz: ZoneInfo) -> datetime:
    """The event's ``timestamp`` (milliseconds since the epoch, a string or a number) as an aware time."""
    if isinstance(timestamp, str) and timestamp.strip().isdigit():
        millis = int(timestamp.strip())
    elif isinstance(timestamp, int) and not isinstance(timestamp, bool):
        millis = timestamp
    else:
        raise BadEvent("bad_timestamp", "timestamp is not milliseconds since the epoch")
    try:
        return datetime.fromtimestamp(millis / 1000.0, tz=tz)
    except (OverflowError, OSError, ValueError):
        raise BadEvent("bad_timestamp", "timestamp out of range") from None


def _attachments(raw: Any, event_kind: str | None) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    items = raw if isinstance(raw, list) else []
    for item in items[:MAX_ATTACHMENTS]:
        if not isinstance(item, dict):
            continue
        kind = ATTACHMENT_TYPES.get(str(item.get("type", "")).lower(), event_kind)
        if kind is None:
            continue
        payload = item.get("payload") if isinstance(item.get("payload"), dict) else {}
        attachment: dict[str, str] = {"kind": kind}
        url = _location_url(payload) if kind == _LOCATION else None
        url = url or payload.get("url") or payload.get("thumbnail")
        if isinstance(url, str) and url and len(url) <= MAX_URL_CHARS:
            attachment["url"] = url
        name = payload.get("name")
        if isinstance(name, str) and name:
            attachment["name"] = name[:MAX_ID_CHARS]
        out.append(attachment)
    if not out and event_kind is not None:
        out.append({"kind": event_kind})  # the media event says there was one, even without a payload
    return out


def _location_url(payload: dict[str, Any]) -> str | None:
    coords = payload.get("coordinates")
    if not isinstance(coords, dict):
        return None
    lat, lon = coords.get("latitude"), coords.get("longitude")
    try:
        return f"geo:{float(lat):.6f},{float(lon):.6f}"
    except (TypeError, ValueError):
        return None
