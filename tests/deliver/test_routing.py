from pipeline.deliver.records import WEBHOOK, ZALO_CS, ZALO_GROUP, ZALO_REMOVE
from pipeline.deliver.routing import RANK_URGENT, route
from pipeline.kafka import topics

TIP_TEXT = "Có đám thanh niên cầm dao đánh nhau trước quán karaoke"


def escalation(group="oa", priority="urgent", **extra):
    return {"escalation_id": f"{group}:m1", "group_id": group, "group_name": "Nhóm", "message_id": "m1",
            "priority": priority, "text": TIP_TEXT, "sender_id": "member-9", "sender_role": "member",
            "sent_at": "2026-11-18T22:30:00+07:00", "attachments": [], "reasons": ["urgent: emergency"],
            "route_to": [], **extra}


def warning(group="oa", action="remind", kind=None, **extra):
    rec = {"warning_id": f"{group}:m3:antt_only", "group_id": group, "message_id": "m3", "sender_id": "member-1",
           "rule": "antt_only", "action": action, "strike_count": 1, "sent_at": "2026-11-18T21:00:00+07:00",
           "notice_vi": "[Nhắc nhở] Tin nhắn lúc 21:00 ngày 18/11/2026 không thuộc phạm vi an ninh trật tự."}
    if kind:
        rec["kind"] = kind
    rec.update(extra)
    return rec


def by_kind(deliveries, kind):
    return [d for d in deliveries if d.kind == kind]


def test_escalation_goes_to_officers_only_with_identity_text_and_urgent_mark(groups):
    out = route(topics.ESCALATIONS, escalation(), groups)
    cs = by_kind(out, ZALO_CS)
    assert [d.target for d in cs] == ["zu-oa"]  # the officer, not the leaders
    text = cs[0].payload["message"]["text"]
    assert TIP_TEXT in text and "member-9" in text and "KHẨN CẤP" in text
    assert cs[0].rank == RANK_URGENT
    assert cs[0].payload["recipient"] == {"user_id": "zu-oa"}
    assert not by_kind(out, ZALO_GROUP)  # a tip is never posted in the group


def test_normal_escalation_is_not_marked_urgent_and_follows_route_to(groups):
    out = route(topics.ESCALATIONS, escalation("plain", "normal", route_to=["officer-q"]), groups)
    cs = by_kind(out, ZALO_CS)
    assert [d.target for d in cs] == ["zu-oq"]
    assert "KHẨN CẤP" not in cs[0].payload["message"]["text"] and cs[0].rank > RANK_URGENT


def test_warning_to_leaders_and_posted_in_oa_group_mentioning_the_member(groups):
    out = route(topics.WARNINGS, warning(), groups)
    assert sorted(d.target for d in by_kind(out, ZALO_CS)) == ["zu-la", "zu-lb"]
    [post] = by_kind(out, ZALO_GROUP)
    assert post.payload == {"recipient": {"group_id": "zg-1"},
                            "message": {"text": "[@zu-m1] " + warning()["notice_vi"]}}
    assert not by_kind(out, ZALO_REMOVE)  # remind: nothing to remove
    for d in by_kind(out, ZALO_CS):
        assert warning()["notice_vi"] in d.payload["message"]["text"]


def test_remove_only_with_auto_remove(groups):
    out = route(topics.WARNINGS, warning(action="remove"), groups)
    [rm] = by_kind(out, ZALO_REMOVE)
    assert rm.payload == {"group_id": "zg-1", "member_user_ids": ["zu-m1"]}
    plain = route(topics.WARNINGS, warning("plain", action="remove"), groups)
    assert not by_kind(plain, ZALO_REMOVE) and not by_kind(plain, ZALO_GROUP)  # no auto_post, no auto_remove
    assert "không tự xoá" in by_kind(plain, ZALO_CS)[0].payload["message"]["text"]


def test_pardoned_and_withdrawn_are_short_notes_to_leaders(groups):
    pardon = {"kind": "pardoned", "warning_id": "oa:a1:pardon", "group_id": "oa", "sender_id": "member-1",
              "rule": None, "action_id": "a1", "strike_count": 0}
    out = route(topics.WARNINGS, pardon, groups)
    assert {d.kind for d in out} == {ZALO_CS, WEBHOOK}
    assert sorted(d.target for d in by_kind(out, ZALO_CS)) == ["zu-la", "zu-lb"]
    withdrawn = {"kind": "withdrawn", "warning_id": "oa:m3:withdrawn", "group_id": "oa", "message_id": "m3",
                 "sender_id": "member-1", "action_id": "a2", "strike_count": 1}
    out = route(topics.WARNINGS, withdrawn, groups)
    assert not by_kind(out, ZALO_GROUP) and len(by_kind(out, ZALO_CS)) == 2


def test_review_goes_to_officers_with_text_never_leaders(groups):
    review = {"review_id": "oa:m5", "group_id": "oa", "message_id": "m5", "sender_id": "member-2",
              "category": "tip", "urgent": False, "confidence": 0.41, "text": TIP_TEXT}
    out = route(topics.REVIEW, review, groups)
    assert [d.target for d in by_kind(out, ZALO_CS)] == ["zu-oa"]
    assert TIP_TEXT in by_kind(out, ZALO_CS)[0].payload["message"]["text"]


def test_lost_found_goes_to_leaders(groups):
    report = {"report_id": "plain:m6", "group_id": "plain", "message_id": "m6", "sender_id": "u5",
              "kind": "lost", "item": "ví", "text": "Em đánh rơi ví", "match": None,
              "sent_at": "2026-11-19T10:30:00+07:00"}
    out = route(topics.LOST_FOUND, report, groups)
    assert [d.target for d in out] == ["zu-lp"]


def test_tip_text_never_reaches_leaders(groups):
    for topic, rec in [(topics.ESCALATIONS, escalation()), (topics.WARNINGS, warning(text=TIP_TEXT)),
                       (topics.REVIEW, {"review_id": "oa:m", "group_id": "oa", "text": TIP_TEXT, "category": "tip"})]:
        for d in route(topic, rec, groups):
            if d.kind in (ZALO_CS, ZALO_GROUP) and d.target in ("zu-la", "zu-lb", "zg-1"):
                assert TIP_TEXT not in d.payload["message"]["text"], (topic, d.channel)


def test_webhooks_global_and_per_group_with_ids_that_hide_secrets(groups):
    out = route(topics.ESCALATIONS, escalation(), groups, webhook_urls=["https://central.example/hook"])
    hooks = by_kind(out, WEBHOOK)
    assert [d.target for d in hooks] == ["https://central.example/hook", "https://hooks.example/oa?token=s3cret"]
    assert all("s3cret" not in d.channel for d in hooks)
    assert hooks[0].payload == {"type": "escalation", "id": "oa:m1", "data": escalation()}
    assert len({d.delivery_id for d in out}) == len(out)  # one id per record and channel


def test_missing_zalo_user_gives_a_delivery_to_park(groups):
    out = route(topics.ESCALATIONS, escalation("unmapped"), groups)
    [d] = out
    assert d.problem and "officer-x" in d.problem
    nobody = route(topics.ESCALATIONS, escalation("not-configured"), groups)
    assert [d.problem for d in nobody] == ["group not-configured has no officer to send to"]


def test_records_without_id_route_nowhere(groups):
    assert route(topics.ESCALATIONS, {"group_id": "oa"}, groups) == []
    assert route(topics.WARNINGS, {"warning_id": "x"}, groups) == []


def test_long_texts_are_cut(groups):
    out = route(topics.ESCALATIONS, escalation(text="x" * 5000), groups, text_limit=500)
    assert len(by_kind(out, ZALO_CS)[0].payload["message"]["text"]) == 500


def test_a_leader_in_route_to_never_gets_the_tip(groups):
    out = route(topics.ESCALATIONS, escalation(route_to=["officer-a", "leader-a"]), groups)
    assert [d.target for d in out if d.kind == ZALO_CS and not d.problem] == ["zu-oa"]
    [refused] = [d for d in out if d.problem]
    assert "officers only" in refused.problem and not refused.payload


def reminder(group="plain", round_=2, **extra):
    return {"reminder_id": f"{group}:m1:reminder:{round_}", "escalation_id": f"{group}:m1", "group_id": group,
            "message_id": "m1", "priority": "urgent", "round": round_, "overdue_seconds": 1260,
            "route_to": ["officer-q"], "at": "2026-11-18T15:51:00+00:00", **extra}


def test_reminder_goes_to_route_to_officers_urgent_without_the_tip(groups):
    out = route(topics.REMINDERS, reminder(), groups, webhook_urls=["https://central.example/hook"])
    [cs] = by_kind(out, ZALO_CS)
    assert cs.target == "zu-oq" and cs.rank == RANK_URGENT
    assert cs.record_id == "plain:m1:reminder:2" and cs.delivery_id == "plain:m1:reminder:2:zalo:cs:zu-oq"
    text = cs.payload["message"]["text"]
    assert "Tin khẩn cấp chưa được tiếp nhận" in text and "Nhóm thường" in text and "lần 2" in text
    assert "Mã: plain:m1" in text and "21 phút" in text and "15:51 18/11/2026" in text
    assert TIP_TEXT not in text and "member-9" not in text
    assert not by_kind(out, ZALO_GROUP) and not by_kind(out, ZALO_REMOVE)
    [hook] = by_kind(out, WEBHOOK)
    assert hook.payload["type"] == "reminder" and hook.payload["id"] == "plain:m1:reminder:2"
    assert hook.rank == RANK_URGENT


def test_reminder_without_route_to_uses_the_groups_officers_never_leaders(groups):
    out = route(topics.REMINDERS, reminder(route_to=[]), groups)
    assert sorted(d.target for d in by_kind(out, ZALO_CS)) == ["zu-op", "zu-oq"]
    out = route(topics.REMINDERS, reminder("oa", route_to=["leader-a", "officer-a"]), groups)
    cs = by_kind(out, ZALO_CS)
    assert [d.target for d in cs if not d.problem] == ["zu-oa"]
    assert [d.problem for d in cs if d.problem] == ["leader-a is a leader of oa: tips go to officers only"]


def test_each_round_is_its_own_record_and_a_record_without_id_is_ignored(groups):
    one = {d.delivery_id for d in route(topics.REMINDERS, reminder(round_=1), groups)}
    two = {d.delivery_id for d in route(topics.REMINDERS, reminder(round_=2), groups)}
    assert one and two and not one & two
    assert route(topics.REMINDERS, {"group_id": "plain", "round": 1}, groups) == []
