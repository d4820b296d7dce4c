"""The input record of ``chat.messages`` and its validation.

``parse_message`` turns raw Kafka value bytes into a typed, immutable
``ChatMessage`` or raises ``InvalidMessage`` with a short machine-readable
``reason`` (used as a bounded metric label) and a human ``detail``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson

MAX_VALUE_BYTES = 256 * 1024
MAX_TEXT_CHARS = 10_000
MAX_ID_CHARS = 256
MAX_ATTACHMENTS = 32
MAX_URL_CHARS = 2048


class Role(StrEnum):
    MEMBER = "member"
    LEADER = "leader"
    OFFICER = "officer"


class AttachmentKind(StrEnum):
    IMAGE = "image"
    VIDEO = "video"
    AUDIO = "audio"
    FILE = "file"
    LINK = "link"
    LOCATION = "location"


class InvalidMessage(ValueError):
    """A record that is not a valid ``chat.messages`` message.

    ``reason`` is one of a small fixed set (see ``REASONS``), safe as a metric
    label; ``detail`` says what was wrong and never quotes the message text.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


REASONS = (
    "too_large",
    "bad_utf8",
    "bad_json",
    "not_object",
    "missing_field",
    "wrong_type",
    "bad_value",
    "bad_timestamp",
)


@dataclass(frozen=True, slots=True)
class Attachment:
    kind: AttachmentKind
    url: str | None = None
    name: str | None = None

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind.value}
        if self.url is not None:
            out["url"] = self.url
        if self.name is not None:
            out["name"] = self.name
        return out


@dataclass(frozen=True, slots=True)
class ChatMessage:
    message_id: str
    group_id: str
    sender_id: str
    text: str
    sent_at: datetime  # always timezone-aware
    sender_role: Role | None = None
    attachments: tuple[Attachment, ...] = ()
    reply_to: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The message as a ``chat.messages`` JSON object (the inverse of parsing)."""
        out: dict[str, Any] = {
            "message_id": self.message_id,
            "group_id": self.group_id,
            "sender_id": self.sender_id,
            "text": self.text,
            "sent_at": self.sent_at.isoformat(),
        }
        if self.sender_role is not None:
            out["sender_role"] = self.sender_role.value
        if self.attachments:
            out["attachments"] = [a.to_record() for a in self.attachments]
        if self.reply_to is not None:
            out["reply_to"] = self.reply_to
        return out


def parse_timestamp(value: str) -> datetime:
    """Parse an RFC 3339 timestamp that carries an explicit UTC offset (or Z)."""
    if not isinstance(value, str) or len(value) < 20 or len(value) > 40:
        raise InvalidMessage("bad_timestamp", "sent_at is not an RFC 3339 timestamp")
    candidate = value.strip()
    if candidate[-1] in "zZ":
        candidate = candidate[:-1] + "+00:00"
    if "T" not in candidate.upper() and " " not in candidate:
        raise InvalidMessage("bad_timestamp", "sent_at has no time part")
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        raise InvalidMessage("bad_timestamp", "sent_at is not an RFC 3339 timestamp") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise InvalidMessage("bad_timestamp", "sent_at has no UTC offset")
    return parsed


def _required_str(obj: dict[str, Any], key: str, *, max_len: int, allow_empty: bool = False) -> str:
    if key not in obj or obj[key] is None:
        raise InvalidMessage("missing_field", f"missing field '{key}'")
    value = obj[key]
    if not isinstance(value, str):
        raise InvalidMessage("wrong_type", f"field '{key}' must be a string, got {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise InvalidMessage("bad_value", f"field '{key}' is empty")
    if len(value) > max_len:
        raise InvalidMessage("too_large", f"field '{key}' longer than {max_len} characters")
    return value


def _optional_str(obj: dict[str, Any], key: str, *, max_len: int) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidMessage("wrong_type", f"field '{key}' must be a string, got {type(value).__name__}")
    if len(value) > max_len:
        raise InvalidMessage("too_large", f"field '{key}' longer than {max_len} characters")
    return value


def _attachments(value: Any) -> tuple[Attachment, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidMessage("wrong_type", "field 'attachments' must be a list")
    if len(value) > MAX_ATTACHMENTS:
        raise InvalidMessage("too_large", f"more than {MAX_ATTACHMENTS} attachments")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise InvalidMessage("wrong_type", f"attachments[{i}] must be an object")
        kind = item.get("kind")
        if not isinstance(kind, str):
            raise InvalidMessage("missing_field", f"attachments[{i}] has no 'kind'")
        try:
            akind = AttachmentKind(kind)
        except ValueError:
            raise InvalidMessage("bad_value", f"attachments[{i}].kind '{kind[:20]}' is not one of "
                                 + ", ".join(k.value for k in AttachmentKind)) from None
        out.append(Attachment(
            kind=akind,
            url=_optional_str(item, "url", max_len=MAX_URL_CHARS),
            name=_optional_str(item, "name", max_len=MAX_ID_CHARS),
        ))
    return tuple(out)


def message_from_obj(obj: Any) -> ChatMessage:
    """Validate an already-decoded JSON value."""
    if not isinstance(obj, dict):
        raise InvalidMessage("not_object", f"value is a JSON {type(obj).__name__}, not an object")
    role_raw = _optional_str(obj, "sender_role", max_len=16)
    role: Role | None = None
    if role_raw is not None:
        try:
            role = Role(role_raw)
        except ValueError:
            raise InvalidMessage("bad_value", "sender_role must be member, leader or officer") from None
    if "sent_at" not in obj or obj["sent_at"] is None:
        raise InvalidMessage("missing_field", "missing field 'sent_at'")
    if not isinstance(obj["sent_at"], str):
        raise InvalidMessage("wrong_type", "field 'sent_at' must be a string")
    text = _required_str(obj, "text", max_len=MAX_TEXT_CHARS, allow_empty=True)
    attachments = _attachments(obj.get("attachments"))
    return ChatMessage(
        message_id=_required_str(obj, "message_id", max_len=MAX_ID_CHARS),
        group_id=_required_str(obj, "group_id", max_len=MAX_ID_CHARS),
        sender_id=_required_str(obj, "sender_id", max_len=MAX_ID_CHARS),
        text=text,
        sent_at=parse_timestamp(obj["sent_at"]),
        sender_role=role,
        attachments=attachments,
        reply_to=_optional_str(obj, "reply_to", max_len=MAX_ID_CHARS),
    )


def parse_message(raw: bytes | bytearray | memoryview | None) -> ChatMessage:
    """Decode and validate one Kafka value. Raises ``InvalidMessage``."""
    if raw is None:
        raise InvalidMessage("bad_json", "empty value (tombstone)")
    data = bytes(raw)
    if len(data) > MAX_VALUE_BYTES:
        raise InvalidMessage("too_large", f"value is {len(data)} bytes, limit {MAX_VALUE_BYTES}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidMessage("bad_utf8", f"invalid UTF-8 at byte {exc.start}") from None
    try:
        obj = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise InvalidMessage("bad_json", f"not JSON: {str(exc).splitlines()[0][:120]}") from None
    return message_from_obj(obj)
