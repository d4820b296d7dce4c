"""The input record of ``chat.messages`` and its validation.

The record's shape is declared once, as the msgspec structs :class:`ChatMessage`
and :class:`Attachment` (types, required fields, size limits); msgspec decodes
and validates a Kafka value in one pass. ``parse_message`` turns raw value
bytes into a typed, immutable ``ChatMessage`` or raises ``InvalidMessage``
with a short machine-readable ``reason`` (one of ``REASONS``: the contract's
dead-letter reasons, a bounded metric label) and a human ``detail`` that
names the field and never quotes the message text.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

import msgspec

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


Id = Annotated[str, msgspec.Meta(max_length=MAX_ID_CHARS)]


def _reject(reason: str, detail: str) -> None:
    """Raised inside a struct's ``__post_init__``: msgspec reports it as a validation error,
    ``_invalid`` reads the reason back."""
    raise ValueError(f"{reason}|{detail}")


class Attachment(msgspec.Struct, frozen=True, omit_defaults=True):
    kind: AttachmentKind
    url: Annotated[str, msgspec.Meta(max_length=MAX_URL_CHARS)] | None = None
    name: Id | None = None

    def to_record(self) -> dict[str, Any]:
        return msgspec.to_builtins(self)


class ChatMessage(msgspec.Struct, frozen=True, omit_defaults=True):
    """One ``chat.messages`` record (contract: shared/contract.md); unknown fields are ignored."""

    message_id: Id
    group_id: Id
    sender_id: Id
    text: Annotated[str, msgspec.Meta(max_length=MAX_TEXT_CHARS)]  # may be empty
    sent_at: datetime  # RFC 3339 with an offset: always timezone-aware
    sender_role: Role | None = None
    attachments: Annotated[tuple[Attachment, ...], msgspec.Meta(max_length=MAX_ATTACHMENTS)] = ()
    reply_to: Id | None = None

    def __post_init__(self) -> None:
        for name in ("message_id", "group_id", "sender_id"):
            if not getattr(self, name).strip():
                _reject("bad_value", f"field '{name}' is empty")
        if self.sent_at.tzinfo is None or self.sent_at.utcoffset() is None:
            _reject("bad_timestamp", "sent_at has no UTC offset")

    def to_record(self) -> dict[str, Any]:
        """The message as a ``chat.messages`` JSON object (the inverse of parsing)."""
        return msgspec.to_builtins(self)


_DECODER = msgspec.json.Decoder(ChatMessage)


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


def _invalid(exc: msgspec.ValidationError) -> InvalidMessage:
    """A msgspec validation error as one of the contract's reasons; msgspec's messages name the
    field (``- at `$.field```) and the expected type, never the value."""
    text = str(exc)
    message, _, where = text.partition(" - at ")
    field = where.strip("`").removeprefix("$.") or "value"
    if "|" in message and message.split("|", 1)[0] in REASONS:
        reason, detail = message.split("|", 1)
        return InvalidMessage(reason, detail)
    if message.startswith("Object missing required field"):
        return InvalidMessage("missing_field", message.replace("Object missing required field", "missing field")
                              + (f" in {field}" if where else ""))
    if not where and message.startswith("Expected `object`"):
        return InvalidMessage("not_object", f"value is not a JSON object ({message.split(', ')[-1]})")
    if "got `null`" in message:
        return InvalidMessage("missing_field", f"missing field '{field}'")
    if "of length <=" in message:
        return InvalidMessage("too_large", f"field '{field}': {message.removeprefix('Expected ')}")
    if message.startswith("Invalid enum value"):
        return InvalidMessage("bad_value", f"field '{field}' is not one of the allowed values")
    if message.startswith("Invalid RFC3339"):
        return InvalidMessage("bad_timestamp", f"{field} is not an RFC 3339 timestamp")
    if message.startswith("Expected"):
        return InvalidMessage("wrong_type", f"field '{field}': {message}")
    return InvalidMessage("bad_value", f"field '{field}': {message}")


def message_from_obj(obj: Any) -> ChatMessage:
    """Validate an already-decoded JSON value."""
    try:
        return msgspec.convert(obj, ChatMessage)
    except msgspec.ValidationError as exc:
        raise _invalid(exc) from None


def parse_message(raw: bytes | bytearray | memoryview | None) -> ChatMessage:
    """Decode and validate one Kafka value. Raises ``InvalidMessage``."""
    if raw is None:
        raise InvalidMessage("bad_json", "empty value (tombstone)")
    if len(raw) > MAX_VALUE_BYTES:
        raise InvalidMessage("too_large", f"value is {len(raw)} bytes, limit {MAX_VALUE_BYTES}")
    try:
        return _DECODER.decode(raw)
    except msgspec.ValidationError as exc:
        raise _invalid(exc) from None
    except msgspec.DecodeError as exc:
        try:
            bytes(raw).decode("utf-8")
        except UnicodeDecodeError as bad:
            raise InvalidMessage("bad_utf8", f"invalid UTF-8 at byte {bad.start}") from None
        raise InvalidMessage("bad_json", f"not JSON: {str(exc).splitlines()[0][:120]}") from None
