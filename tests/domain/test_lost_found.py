"""Lost-and-found: kind and item from Vietnamese cues (with or without diacritics), and matching."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from pipeline.domain.lost_found import read_report
from tests.domain.factories import GROUP, Conversation, cls, msg


@pytest.mark.parametrize(
    ("text", "kind", "item"),
    [
        ("Em bị mất ví da màu đen ở chợ Bến Thành, ai nhặt được xin liên hệ", "lost", "ví/bóp"),
        ("em bi mat vi mau den o cho, ai nhat duoc lh em", "lost", "ví/bóp"),
        ("Mình đánh rơi CCCD tên Nguyễn Văn A", "lost", "CCCD/giấy tờ"),
        ("danh roi chia khoa xe o cong truong", "lost", "chìa khóa"),
        ("Thất lạc con mèo tam thể", "lost", "chó/mèo"),
        ("Có ai thấy con chó vàng nhà em không ạ", "lost", "chó/mèo"),
        ("Em nhặt được điện thoại Samsung ở công viên, ai đánh rơi liên hệ em", "found", "điện thoại"),
        ("nhat duoc dien thoai iphone gan truong hoc", "found", "điện thoại"),
        ("Lượm được bóp có giấy tờ tên Trần Thị B", "found", "CCCD/giấy tờ"),
        ("Ai mất nhẫn vàng ở đầu hẻm không ạ", "found", "vàng/tiền"),
        ("tim thay xe dap tre em bo o bai co", "found", "xe"),
        ("Nhà mình đã tìm lại được con chó rồi, cảm ơn cả nhà", "returned", "chó/mèo"),
        ("Cảm ơn anh công an, em đã nhận lại ví", "returned", "ví/bóp"),
        ("Có ai biết chỗ sửa xe không", "unknown", "xe"),
        ("Vì trời mưa nên chiều nay nghỉ", "unknown", "khác"),  # "vì" is not "ví"
    ],
)
def test_read_report(text: str, kind: str, item: str) -> None:
    r = read_report(text)
    assert (r.kind, r.item) == (kind, item)


T0 = datetime.fromisoformat("2026-11-23T09:00:00+07:00")


def post(conv: Conversation, text: str, *, after: timedelta = timedelta(0), message_id: str, sender: str,
         group_id: str = GROUP):
    return conv.send(msg((T0 + after).isoformat(), message_id=message_id, sender_id=sender, text=text,
                         group_id=group_id), cls("lost_item")).lost_found


def test_found_matches_earlier_lost() -> None:
    conv = Conversation()
    lost = post(conv, "Em bị mất ví da màu đen ở chợ", message_id="a", sender="u1")
    assert lost["match"] is None and lost["kind"] == "lost"
    found = post(conv, "nhat duoc vi da mau den o cho, ai danh roi lien he", after=timedelta(hours=3),
                 message_id="b", sender="u2")
    assert found["kind"] == "found"
    m = found["match"]
    assert m["report_id"] == f"{GROUP}:a" and m["message_id"] == "a" and m["kind"] == "lost"
    assert m["item"] == "ví/bóp" and m["sent_at"] == T0.isoformat()
    assert 0.5 < m["score"] <= 1.0


def test_record_shape() -> None:
    r = post(Conversation(), "Mình đánh rơi CCCD", message_id="a", sender="u1")
    assert r == {
        "report_id": f"{GROUP}:a", "group_id": GROUP, "message_id": "a", "sender_id": "u1",
        "sent_at": T0.isoformat(), "kind": "lost", "item": "CCCD/giấy tờ", "text": "Mình đánh rơi CCCD",
        "match": None,
    }


def test_best_match_prefers_shared_details() -> None:
    conv = Conversation()
    post(conv, "mất điện thoại Samsung màu xanh", message_id="a", sender="u1")
    post(conv, "mất điện thoại iphone màu đen", message_id="b", sender="u2", after=timedelta(hours=1))
    found = post(conv, "nhặt được điện thoại Samsung màu xanh", message_id="c", sender="u3",
                 after=timedelta(hours=2))
    assert found["match"]["message_id"] == "a"


@pytest.mark.parametrize(
    ("second", "after", "group_id", "matches"),
    [
        ("Em nhặt được ví ở chợ", timedelta(days=29), GROUP, True),
        ("Em nhặt được ví ở chợ", timedelta(days=31), GROUP, False),  # older than 30 days
        ("Em nhặt được điện thoại ở chợ", timedelta(hours=1), GROUP, False),  # other item
        ("Em cũng bị mất ví ở chợ", timedelta(hours=1), GROUP, False),  # same kind
        ("Em nhặt được ví ở chợ", timedelta(hours=1), "xa-yen-lac", False),  # other group
    ],
)
def test_match_conditions(second: str, after: timedelta, group_id: str, matches: bool) -> None:
    conv = Conversation()
    post(conv, "Em bị mất ví ở chợ", message_id="a", sender="u1")
    r = post(conv, second, after=after, message_id="b", sender="u2", group_id=group_id)
    assert (r["match"] is not None) is matches


def test_returned_closes_own_reports() -> None:
    conv = Conversation()
    post(conv, "Em bị mất ví ở chợ", message_id="a", sender="u1")
    returned = post(conv, "Em đã nhận lại ví rồi, cảm ơn mọi người", message_id="b", sender="u1",
                    after=timedelta(hours=1))
    assert returned["kind"] == "returned" and returned["match"] is None
    assert conv.groups[GROUP].reports == ()
    assert post(conv, "Nhặt được ví", message_id="c", sender="u2", after=timedelta(hours=2))["match"] is None


def test_open_reports_bounded_and_expire() -> None:
    conv = Conversation()
    for i in range(210):
        post(conv, "mất chìa khóa", message_id=f"k{i}", sender=f"u{i}", after=timedelta(minutes=i))
    assert len(conv.groups[GROUP].reports) == 200
    post(conv, "mất ví", message_id="late", sender="z", after=timedelta(days=40))
    assert [r.message_id for r in conv.groups[GROUP].reports] == ["late"]


def test_lost_item_is_never_a_rule_violation() -> None:
    j = Conversation().send(msg("09:00", text="Em bị mất ví"), cls("lost_item"))
    assert j.fired_rules == () and j.decision["actions"] == ["lost_found"]
