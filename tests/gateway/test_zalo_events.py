"""Zalo webhook events -> chat.messages records: every group media kind, private tips, acks, refusals."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pipeline.domain.message import message_from_obj
from pipeline.gateway.zalo import (ACKNOWLEDGED, CLASSIFIED, GROUP_MESSAGE_EVENTS, MEMBERSHIP_EVENTS, BadEvent,
                                   EventMapper, event_label)

BEN_NGHE_ZALO = "zg-ben-nghe-0001"  # configs/groups.toml: zalo_group_id of phuong-ben-nghe
TS = "1795658400000"  # 2026-11-26T09:00:00+07:00
PRIVATE = "zalo-private-tips"


@pytest.fixture
def mapper(groups):
    return EventMapper(groups, PRIVATE)


def event(name: str, *, sender: str = "zu-777", recipient: str = BEN_NGHE_ZALO, text: str | None = "Xin chào",
          attachments: list | None = None, msg_id: str = "m-1", ts: object = TS) -> dict:
    message: dict = {"msg_id": msg_id}
    if text is not None:
        message["text"] = text
    if attachments is not None:
        message["attachments"] = attachments
    return {"app_id": "a", "oa_id": "oa", "event_name": name, "sender": {"id": sender},
            "recipient": {"id": recipient}, "message": message, "timestamp": ts}


def test_group_text(mapper):
    m = mapper.map(event("user_send_group_text", text="Có trộm ở hẻm 5"))
    assert m.outcome == CLASSIFIED and not m.private and m.key == b"phuong-ben-nghe"
    assert m.record == {"message_id": "m-1", "group_id": "phuong-ben-nghe", "sender_id": "zu-777",
                        "text": "Có trộm ở hẻm 5", "sent_at": "2026-11-26T09:00:00+07:00"}
    message_from_obj(m.record)


def test_sent_at_is_rfc3339_in_the_groups_zone_from_millis_string_or_number(mapper):
    for ts in (TS, int(TS)):
        sent = mapper.map(event("user_send_group_text", ts=ts)).record["sent_at"]
        parsed = datetime.fromisoformat(sent)
        assert parsed.utcoffset() == timedelta(hours=7) and parsed.timestamp() == int(TS) / 1000


def test_unknown_zalo_group_gets_a_zalo_prefixed_id(mapper):
    m = mapper.map(event("user_send_group_text", recipient="987654"))
    assert m.record["group_id"] == "zalo-987654" and m.key == b"zalo-987654"


@pytest.mark.parametrize(("zalo_id", "role"), [("zu-1001", "officer"), ("zu-2001", "leader"), ("zu-777", None)])
def test_role_from_the_groups_configuration_through_zalo_users(mapper, zalo_id, role):
    record = mapper.map(event("user_send_group_text", sender=zalo_id)).record
    assert record["sender_id"] == zalo_id
    assert record.get("sender_role") == role


def test_roles_are_per_group(mapper):
    # zu-1001 is an officer of phuong-ben-nghe, not of an unconfigured group
    assert "sender_role" not in mapper.map(event("user_send_group_text", sender="zu-1001", recipient="x1")).record


MEDIA = [
    ("user_send_group_image", [{"type": "image", "payload": {"url": "https://f.zdn.vn/a.jpg", "thumbnail": "t"}}],
     [{"kind": "image", "url": "https://f.zdn.vn/a.jpg"}]),
    ("user_send_group_link", [{"type": "link", "payload": {"url": "https://tin.vn/x", "description": "d"}}],
     [{"kind": "link", "url": "https://tin.vn/x"}]),
    ("user_send_group_audio", [{"type": "audio", "payload": {"url": "https://f.zdn.vn/v.aac"}}],
     [{"kind": "audio", "url": "https://f.zdn.vn/v.aac"}]),
    ("user_send_group_video", [{"type": "video", "payload": {"url": "https://f.zdn.vn/v.mp4"}}],
     [{"kind": "video", "url": "https://f.zdn.vn/v.mp4"}]),
    ("user_send_group_file", [{"type": "file", "payload": {"url": "https://f.zdn.vn/d.pdf", "name": "don.pdf",
                                                          "size": "1234"}}],
     [{"kind": "file", "url": "https://f.zdn.vn/d.pdf", "name": "don.pdf"}]),
    ("user_send_group_location", [{"type": "location",
                                   "payload": {"coordinates": {"latitude": "10.7769", "longitude": 106.7009}}}],
     [{"kind": "location", "url": "geo:10.776900,106.700900"}]),
    ("user_send_group_sticker", [{"type": "sticker", "payload": {"id": "s1", "url": "https://s.zdn.vn/s1.png"}}],
     [{"kind": "image", "url": "https://s.zdn.vn/s1.png"}]),
    ("user_send_group_gif", [{"type": "gif", "payload": {"url": "https://f.zdn.vn/g.gif"}}],
     [{"kind": "image", "url": "https://f.zdn.vn/g.gif"}]),
    ("user_send_group_business_card", [{"type": "business_card", "payload": {"url": "https://zalo.me/qr/1"}}],
     [{"kind": "link", "url": "https://zalo.me/qr/1"}]),
]


def test_every_group_event_kind_is_covered():
    assert {name for name, _, _ in MEDIA} | {"user_send_group_text"} == set(GROUP_MESSAGE_EVENTS)


@pytest.mark.parametrize(("name", "attachments", "expected"), MEDIA, ids=[m[0] for m in MEDIA])
def test_group_media_events_carry_their_attachments(mapper, name, attachments, expected):
    m = mapper.map(event(name, text=None, attachments=attachments))
    assert m.outcome == CLASSIFIED
    assert m.record["text"] == "" and m.record["attachments"] == expected
    assert message_from_obj(m.record).attachments  # a valid contract record


@pytest.mark.parametrize("name", [n for n in GROUP_MESSAGE_EVENTS if n != "user_send_group_text"])
def test_media_event_without_payload_still_says_what_it_carried(mapper, name):
    m = mapper.map(event(name, text="chú thích"))
    assert m.record["text"] == "chú thích"
    assert len(m.record["attachments"]) == 1 and "url" not in m.record["attachments"][0]


def test_caption_and_several_attachments_and_junk_items(mapper):
    atts = [{"type": "image", "payload": {"url": "https://a/1.jpg"}}, "junk", {"payload": {"url": "https://a/2.jpg"}},
            {"type": "image", "payload": {"url": "x" * 5000}}]
    record = mapper.map(event("user_send_group_image", text="Ảnh xe", attachments=atts)).record
    assert record["text"] == "Ảnh xe"
    assert record["attachments"] == [{"kind": "image", "url": "https://a/1.jpg"},
                                     {"kind": "image", "url": "https://a/2.jpg"}, {"kind": "image"}]


def test_private_tip_goes_to_the_private_tips_group_as_a_member(mapper):
    # an officer's Zalo id too: in the private channel everyone is a member informant
    for sender in ("zu-555", "zu-1001"):
        m = mapper.map(event("user_send_text", sender=sender, recipient="oa-id", text="Có người bán ma tuý"))
        assert m.outcome == CLASSIFIED and m.private
        assert m.record["group_id"] == PRIVATE and m.key == PRIVATE.encode()
        assert m.record["sender_role"] == "member" and m.record["sender_id"] == sender
        assert m.record["message_id"] == "m-1"


def test_private_tips_group_is_shadow_so_never_warned(mapper):
    assert mapper.private_group.shadow and mapper.private_group.route_to


def test_private_image_tip(mapper):
    m = mapper.map(event("user_send_image", recipient="oa-id", text=None,
                         attachments=[{"type": "image", "payload": {"url": "https://a/p.jpg"}}]))
    assert m.private and m.record["attachments"] == [{"kind": "image", "url": "https://a/p.jpg"}]


@pytest.mark.parametrize("name", sorted(MEMBERSHIP_EVENTS) + ["oa_send_group_text", "oa_send_group_image",
                                                              "oa_send_text", "follow", "user_seen_message",
                                                              "user_send_sticker", "user_received_message"])
def test_membership_and_oa_events_are_acknowledged_not_classified(mapper, name):
    m = mapper.map({"event_name": name, "timestamp": TS, "recipient": {"id": BEN_NGHE_ZALO}})
    assert m.outcome == ACKNOWLEDGED and m.record is None


@pytest.mark.parametrize(("body", "reason"), [
    ([], "not_object"),
    ({"timestamp": TS}, "unknown_event"),
    ({"event_name": "shop_has_order", "timestamp": TS}, "unknown_event"),
    ({"event_name": "user_send_group_text", "sender": {"id": "u"}, "recipient": {"id": "g"}, "timestamp": TS},
     "missing_field"),
    ({**event("user_send_group_text"), "message": {"text": "x"}}, "missing_field"),
    ({**event("user_send_group_text"), "sender": {}}, "missing_field"),
    ({**event("user_send_group_text"), "recipient": "g"}, "missing_field"),
    (event("user_send_group_text", text=["x"]), "wrong_type"),
    (event("user_send_group_text", ts="yesterday"), "bad_timestamp"),
    (event("user_send_group_text", text="a" * 20_000), "too_large"),
])
def test_refused_shapes(mapper, body, reason):
    with pytest.raises(BadEvent) as info:
        mapper.map(body)
    assert info.value.reason == reason


def test_refusal_detail_never_quotes_the_text(mapper):
    with pytest.raises(BadEvent) as info:
        mapper.map(event("user_send_group_text", text="0912345678 " * 2000))
    assert "0912" not in info.value.detail


def test_event_label_is_bounded():
    assert event_label("user_send_group_text") == "user_send_group_text"
    assert event_label("anything-else-" * 10) == "other" and event_label(None) == "other"
