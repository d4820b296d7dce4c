"""Decoding and validation of chat.messages values."""

from datetime import timedelta

import orjson
import pytest

from pipeline.domain.message import (MAX_VALUE_BYTES, AttachmentKind, InvalidMessage, Role, parse_message)

GOOD = {
    "message_id": "m1",
    "group_id": "phuong-ben-nghe",
    "sender_id": "u1",
    "text": "Nhà em vừa bị mất xe",
    "sent_at": "2026-11-23T08:00:00+07:00",
}


def enc(obj) -> bytes:
    return orjson.dumps(obj)


def test_minimal_message_parses():
    msg = parse_message(enc(GOOD))
    assert msg.group_id == "phuong-ben-nghe"
    assert msg.sent_at.utcoffset() == timedelta(hours=7)
    assert msg.attachments == () and msg.sender_role is None


def test_optional_fields_parse_and_round_trip():
    obj = {**GOOD, "sender_role": "officer", "reply_to": "m0",
           "attachments": [{"kind": "image", "url": "https://x/y.jpg"}, {"kind": "location"}]}
    msg = parse_message(enc(obj))
    assert msg.sender_role is Role.OFFICER
    assert [a.kind for a in msg.attachments] == [AttachmentKind.IMAGE, AttachmentKind.LOCATION]
    assert parse_message(enc(msg.to_record())) == msg


def test_empty_text_is_allowed():
    assert parse_message(enc({**GOOD, "text": "", "attachments": [{"kind": "image"}]})).text == ""


def test_utc_z_suffix_is_accepted():
    assert parse_message(enc({**GOOD, "sent_at": "2026-11-23T01:00:00Z"})).sent_at.utcoffset() == timedelta(0)


@pytest.mark.parametrize("raw, reason", [
    (b"{not json", "bad_json"),
    (b"\xff\xfe{}", "bad_utf8"),
    (b"[1, 2]", "not_object"),
    (b"", "bad_json"),
    (None, "bad_json"),
    (enc({k: v for k, v in GOOD.items() if k != "sender_id"}), "missing_field"),
    (enc({k: v for k, v in GOOD.items() if k != "sent_at"}), "missing_field"),
    (enc({**GOOD, "text": 42}), "wrong_type"),
    (enc({**GOOD, "group_id": ["g"]}), "wrong_type"),
    (enc({**GOOD, "message_id": "  "}), "bad_value"),
    (enc({**GOOD, "sent_at": "yesterday at noon"}), "bad_timestamp"),
    (enc({**GOOD, "sent_at": "2026-11-23T08:00:00"}), "bad_timestamp"),
    (enc({**GOOD, "sent_at": "2026-13-45T08:00:00+07:00"}), "bad_timestamp"),
    (enc({**GOOD, "sent_at": 1700000000}), "wrong_type"),
    (enc({**GOOD, "sender_role": "admin"}), "bad_value"),
    (enc({**GOOD, "attachments": {"kind": "image"}}), "wrong_type"),
    (enc({**GOOD, "attachments": [{"kind": "hologram"}]}), "bad_value"),
    (enc({**GOOD, "text": "a" * 20_000}), "too_large"),
    (enc({**GOOD, "text": "a" * (MAX_VALUE_BYTES + 1)}), "too_large"),
])
def test_invalid_values_are_rejected_with_reason(raw, reason):
    with pytest.raises(InvalidMessage) as info:
        parse_message(raw)
    assert info.value.reason == reason


def test_error_detail_never_quotes_the_text():
    secret = "số điện thoại 0912345678 của người báo tin"
    with pytest.raises(InvalidMessage) as info:
        parse_message(enc({**GOOD, "text": secret, "sent_at": "not a time"}))
    assert "0912345678" not in str(info.value)
