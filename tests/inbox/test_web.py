"""The inbox pages through Starlette's test client: roles, scope, actions, CSRF, rate limiting, privacy."""

from __future__ import annotations

import logging
import re

from prometheus_client import generate_latest
from starlette.testclient import TestClient

from pipeline.inbox.models import AuditEntry, Case
from pipeline.kafka import topics
from tests.inbox import records
from tests.inbox.conftest import LEADER, OFFICER, OPERATOR, OTHER_LEADER, csrf_of, feed, login


def test_login_required(inbox):
    app, _, _ = inbox
    r = TestClient(app).get("/warnings", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_officer_sees_urgent_case_first_with_informant_and_text(inbox):
    app, _, _ = inbox
    page = login(app, OFFICER).get("/escalations").text
    ids = re.findall(r'id="esc-([^"]+)" data-priority="(\w+)"', page)
    assert ids[0] == ("phuong-ben-nghe:m2", "urgent")
    assert "phuong-ben-nghe:m1" in [i for i, _ in ids]
    assert "xa-yen-lac:y1" not in [i for i, _ in ids]  # another district's group
    assert records.TIP_TEXT in page and "u-informant" in page
    assert "91%" in page and "a.jpg" in page


def test_acknowledge_produces_an_action_and_shows_it(inbox):
    app, state, sender = inbox
    client = login(app, OFFICER)
    page = client.get("/escalations").text
    r = client.post("/escalations/phuong-ben-nghe%3Am2/do/acknowledge", data={"csrf_token": csrf_of(page)},
                    follow_redirects=False)
    assert r.status_code == 303
    [action] = sender.sent
    assert action["action"] == "acknowledge" and action["group_id"] == "phuong-ben-nghe"
    assert action["case_id"] == "phuong-ben-nghe:m2" and action["actor_id"] == OFFICER
    assert action["actor_role"] == "officer" and action["requested_at"]
    with state.maker() as s:
        assert s.get(Case, "phuong-ben-nghe:m2").status == "acknowledged"
        assert s.get(AuditEntry, action["action_id"]).actor_id == OFFICER
    page = client.get("/escalations").text
    assert 'id="esc-phuong-ben-nghe:m2" data-priority="urgent" data-status="acknowledged"' in page
    assert "Tiếp nhận" in client.get("/audit").text


def test_assign_resolve_and_not_a_tip(inbox):
    app, state, sender = inbox
    client = login(app, OFFICER)
    token = csrf_of(client.get("/escalations").text)
    client.post("/escalations/phuong-ben-nghe%3Am2/do/assign",
                data={"csrf_token": token, "assignee": "officer-bn-le-minh-tuan"})
    client.post("/escalations/phuong-ben-nghe%3Am2/do/resolve", data={"csrf_token": token, "note": "đã xác minh"})
    client.post("/escalations/phuong-ben-nghe%3Am1/do/not-tip", data={"csrf_token": token, "category": "off_topic"})
    assert [a["action"] for a in sender.sent] == ["assign", "resolve", "correct"]
    assert sender.sent[0]["assignee"] == "officer-bn-le-minh-tuan"
    assert sender.sent[2]["message_id"] == "m1" and sender.sent[2]["category"] == "off_topic"
    other = login(app, "officer-bn-le-minh-tuan")
    assert "phuong-ben-nghe:m2" not in other.get("/escalations?show=mine").text  # resolved: not open any more
    with state.maker() as s:
        m2 = s.get(Case, "phuong-ben-nghe:m2")
        assert (m2.status, m2.assigned_to, m2.note) == ("resolved", "officer-bn-le-minh-tuan", "đã xác minh")
        assert s.get(Case, "phuong-ben-nghe:m1").status == "not_tip"
    # an officer cannot assign to someone outside the group
    client.post("/escalations/phuong-ben-nghe%3Am2/do/assign", data={"csrf_token": token, "assignee": "mallory"})
    assert len(sender.sent) == 3


def test_overdue_urgent_case_is_flagged(inbox):
    app, state, _ = inbox
    page = login(app, OFFICER).get("/escalations").text
    # the test records are from the past: the urgent one is long overdue, the normal one is never flagged
    card = page.split('id="esc-phuong-ben-nghe:m2"')[1].split("</article>")[0]
    assert "chưa tiếp nhận" in card and "badge overdue" in card
    card1 = page.split('id="esc-phuong-ben-nghe:m1"')[1].split("</article>")[0]
    assert "badge overdue" not in card1


def test_leader_sees_warnings_with_notice_and_acts(inbox):
    app, _, sender = inbox
    client = login(app, LEADER)
    page = client.get("/warnings").text
    assert "Nhắc nhở thành viên u-seller" in page and 'data-copy="notice-1"' in page
    assert "u-yl" not in page  # another group's warning
    token = csrf_of(page)
    client.post("/warnings/do/pardon", data={"csrf_token": token, "warning_id": "phuong-ben-nghe:m3:spam"})
    client.post("/warnings/do/correct", data={"csrf_token": token, "warning_id": "phuong-ben-nghe:m3:spam",
                                              "category": "lost_item"})
    pardon, correct = sender.sent
    assert (pardon["action"], pardon["member_id"], pardon["actor_role"]) == ("pardon", "u-seller", "leader")
    assert (correct["action"], correct["message_id"], correct["category"]) == ("correct", "m3", "lost_item")
    page = client.get("/warnings").text
    assert "Đang chờ hệ thống áp dụng" in page and 'data-autorefresh="4"' in page


def test_leader_sees_the_workers_effect(inbox, maker):
    app, _, sender = inbox
    client = login(app, LEADER)
    token = csrf_of(client.get("/warnings").text)
    client.post("/warnings/do/correct", data={"csrf_token": token, "warning_id": "phuong-ben-nghe:m3:spam",
                                              "category": "lost_item"})
    action = sender.sent[0]
    # what the worker publishes once it applied the correction
    feed(maker, [
        (topics.FEEDBACK, {"feedback_id": action["action_id"], "action_id": action["action_id"],
                           "group_id": "phuong-ben-nghe", "message_id": "m3", "model_category": "spam",
                           "person_category": "lost_item", "actor_id": LEADER, "actor_role": "leader",
                           "model_version": "test-1", "corrected_at": action["requested_at"]}),
        (topics.WARNINGS, {"kind": "withdrawn", "warning_id": "phuong-ben-nghe:m3:withdrawn",
                           "group_id": "phuong-ben-nghe", "message_id": "m3", "sender_id": "u-seller",
                           "action_id": action["action_id"], "strike_count": 0}),
    ], start_ms=1_900_000_000_000)
    page = client.get("/warnings").text
    assert 'data-status="withdrawn"' in page and "Đã rút lỗi" in page
    assert "Đang chờ hệ thống áp dụng" not in page
    member = client.get("/groups/phuong-ben-nghe/members/u-seller").text
    assert "Rút lỗi" in member and 'class="strikes">0<' in member


def test_leader_never_sees_a_tips_text(inbox, caplog):
    app, _, _ = inbox
    caplog.set_level(logging.DEBUG)
    client = login(app, LEADER)
    for path in ("/", "/warnings", "/lost-found", "/review", "/groups/phuong-ben-nghe",
                 "/escalations", "/escalations/phuong-ben-nghe%3Am2", "/audit", "/overview", "/ops",
                 "/groups/phuong-ben-nghe/members/u-informant", "/metrics"):
        body = client.get(path).text
        informant = () if "members/u-informant" in path else ("u-informant",)  # that page names whom it was asked
        for secret in (records.TIP_TEXT, records.NORMAL_TIP_TEXT, *informant):
            assert secret not in body, (path, secret)
    review = client.get("/review").text
    assert "Nội dung tin báo chỉ cán bộ công an được xem" in review
    assert "Bán rau sạch giá rẻ đây" in review  # a non-tip under review is shown
    r = client.post("/review/phuong-ben-nghe%3Am4/category", data={"csrf_token": csrf_of(review), "category": "spam"})
    assert r.status_code == 403  # a leader cannot classify a tip they may not read
    metrics_text = generate_latest().decode()
    ours = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("httpx"))  # not the client's
    for secret in (records.TIP_TEXT, records.NORMAL_TIP_TEXT, "u-informant"):
        assert secret not in ours and secret not in metrics_text


def test_leader_cannot_open_another_groups_things_by_url(inbox):
    app, _, sender = inbox
    client = login(app, OTHER_LEADER)  # leads xa-yen-lac
    for path in ("/groups/phuong-ben-nghe", "/groups/phuong-ben-nghe/members/u-seller",
                 "/warnings?group=phuong-ben-nghe", "/escalations/phuong-ben-nghe%3Am2"):
        r = client.get(path)
        assert r.status_code in (403, 404), path
        assert "u-seller" not in r.text and records.TIP_TEXT not in r.text
    token = csrf_of(client.get("/warnings").text)
    for url, data in (("/warnings/do/pardon", {"warning_id": "phuong-ben-nghe:m3:spam"}),
                      ("/review/phuong-ben-nghe%3Am5/category", {"category": "spam"}),
                      ("/lost-found/phuong-ben-nghe%3Am6/returned", {})):
        r = client.post(url, data={"csrf_token": token, **data})
        assert r.status_code in (403, 404), url
    assert sender.sent == []
    own = client.get("/warnings").text
    assert "u-yl" in own and "u-seller" not in own


def test_review_one_tap_and_lost_found_returned(inbox):
    app, state, sender = inbox
    client = login(app, LEADER)
    page = client.get("/review").text
    token = csrf_of(page)
    client.post("/review/phuong-ben-nghe%3Am5/category", data={"csrf_token": token, "category": "spam"})
    assert (sender.sent[-1]["action"], sender.sent[-1]["message_id"], sender.sent[-1]["category"]) == \
        ("correct", "m5", "spam")
    assert "Đã chọn: Quảng cáo / spam" in client.get("/review").text
    lf = client.get("/lost-found").text
    assert "Tôi bị mất ví" in lf
    client.post("/lost-found/phuong-ben-nghe%3Am6/returned", data={"csrf_token": token})
    assert sender.sent[-1]["action"] == "returned" and sender.sent[-1]["case_id"] == "phuong-ben-nghe:m6"
    assert "Đã trả lại chủ</span>" in client.get("/lost-found").text


def test_charts_and_overview(inbox):
    app, _, _ = inbox
    client = login(app, OFFICER)
    group = client.get("/groups/phuong-ben-nghe").text
    assert group.count("<svg") >= 3 and "Tin nhắn mỗi ngày theo loại" in group
    overview = client.get("/overview").text
    assert "TP. Hồ Chí Minh" in overview and "ANTT Phường Bến Nghé" in overview


def test_operator_sees_delivery_health_but_no_message_text(inbox):
    app, _, _ = inbox
    client = login(app, OPERATOR)
    ops = client.get("/ops").text
    assert "zalo_group" in ops and "HTTP 503" in ops
    for path in ("/escalations", "/warnings", "/review", "/lost-found", "/groups/phuong-ben-nghe", "/audit"):
        r = client.get(path)
        assert r.status_code == 403, path
    for body in (ops, client.get("/").text):
        assert records.TIP_TEXT not in body and "Nhắc nhở thành viên" not in body and "Tôi bị mất ví" not in body


def test_csrf_missing_or_wrong_is_rejected(inbox):
    app, _, sender = inbox
    client = login(app, OFFICER)
    r = client.post("/escalations/phuong-ben-nghe%3Am2/do/acknowledge", data={})
    assert r.status_code == 403
    r = client.post("/escalations/phuong-ben-nghe%3Am2/do/acknowledge", data={"csrf_token": "x" * 43})
    assert r.status_code == 403
    fresh = TestClient(app)
    assert fresh.post("/login", data={"username": OFFICER, "password": "canbo-demo"}).status_code == 403
    assert sender.sent == []


def test_wrong_password_n_times_locks_the_account_on_that_address(inbox):
    app, _, _ = inbox
    client = TestClient(app)
    token = csrf_of(client.get("/login").text)
    codes = [client.post("/login", data={"username": LEADER, "password": "wrong", "csrf_token": token}).status_code
             for _ in range(5)]
    assert codes[:4] == [401] * 4 and codes[4] == 429
    # even the right password is refused while locked
    r = client.post("/login", data={"username": LEADER, "password": "truongnhom-demo", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 429 and "quá nhiều lần" in r.text
    # another account is not affected
    login(app, OFFICER)


def test_broker_down_is_reported_not_recorded(inbox):
    app, state, sender = inbox
    sender.fail = True
    client = login(app, OFFICER)
    token = csrf_of(client.get("/escalations").text)
    page = client.post("/escalations/phuong-ben-nghe%3Am2/do/acknowledge", data={"csrf_token": token}).text
    assert "Không gửi được thao tác" in page
    with state.maker() as s:
        assert s.get(Case, "phuong-ben-nghe:m2").status == "open"


def test_session_cookie_is_signed(inbox):
    app, _, _ = inbox
    client = TestClient(app)
    client.cookies.set("binhyen_inbox", "eyJhY2NvdW50IjogIm9mZmljZXItYm4tbmd1eWVuLXZhbi1odW5nIn0=.forged")
    assert client.get("/escalations", follow_redirects=False).status_code == 303


def test_a_messages_link_cannot_run_script_and_pages_carry_security_headers(inbox, maker):
    app, _, _ = inbox
    esc = records.escalation("m-xss", urgent=True)
    esc["attachments"] = [{"kind": "link", "url": "javascript:alert(1)", "name": "bấm"}]
    esc["text"] = "<script>alert(1)</script> có trộm"
    feed(maker, [(topics.ESCALATIONS, esc)])
    client = login(app, OFFICER)
    r = client.get("/escalations")
    assert 'href="javascript' not in r.text and "<script>alert(1)</script>" not in r.text
    assert "&lt;script&gt;" in r.text
    assert r.headers["x-frame-options"] == "DENY" and "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["cache-control"] == "no-store"


def test_time_to_acknowledge_is_charted(inbox):
    app, _, _ = inbox
    client = login(app, OFFICER)
    token = csrf_of(client.get("/escalations").text)
    client.post("/escalations/phuong-ben-nghe%3Am2/do/acknowledge", data={"csrf_token": token})
    page = client.get("/groups/phuong-ben-nghe").text
    assert "Thời gian tiếp nhận" in page and "09:15 01/12" in page  # the case's time labels its bar


def test_every_page_and_action_on_postgresql(pg_cluster):
    """The same pages and actions over a real PostgreSQL database."""
    import uuid

    from pipeline.domain.groups import load_groups
    from pipeline.inbox.accounts import load_accounts
    from pipeline.inbox.db import make_engine, migrate, sessions
    from pipeline.inbox.web import InboxState, build_app
    from pipeline.settings import REPO_ROOT
    from tests.inbox.conftest import FakeSender

    engine = make_engine(pg_cluster.create_database(f"web_{uuid.uuid4().hex[:10]}"))
    migrate(engine)
    maker = sessions(engine)
    try:
        feed(maker, records.sample_stream())
        sender = FakeSender()
        app = build_app(InboxState(maker=maker, accounts=load_accounts(REPO_ROOT / "configs" / "accounts.toml"),
                                   groups=load_groups(REPO_ROOT / "configs" / "groups.toml"), send_action=sender),
                        secret_key="pg")
        officer = login(app, OFFICER)
        for path in ("/escalations", "/escalations?show=all", "/warnings", "/lost-found", "/review", "/overview",
                     "/audit", "/ops", "/groups/phuong-ben-nghe", "/groups/phuong-ben-nghe/members/u-seller",
                     "/escalations/phuong-ben-nghe%3Am2"):
            assert officer.get(path).status_code == 200, path
        page = officer.get("/escalations").text
        assert re.findall(r'id="esc-([^"]+)" data-priority="urgent"', page)[0] == "phuong-ben-nghe:m2"
        officer.post("/escalations/phuong-ben-nghe%3Am2/do/acknowledge", data={"csrf_token": csrf_of(page)})
        assert 'data-priority="urgent" data-status="acknowledged"' in officer.get("/escalations").text
        leader = login(app, LEADER)
        page = leader.get("/warnings").text
        leader.post("/warnings/do/pardon", data={"csrf_token": csrf_of(page), "warning_id": "phuong-ben-nghe:m3:spam"})
        assert [a["action"] for a in sender.sent] == ["acknowledge", "pardon"]
        assert records.TIP_TEXT not in leader.get("/review").text
    finally:
        engine.dispose()


def test_an_assigned_case_is_in_the_assignees_list(inbox):
    app, _, _ = inbox
    client = login(app, OFFICER)
    token = csrf_of(client.get("/escalations").text)
    client.post("/escalations/phuong-ben-nghe%3Am2/do/assign",
                data={"csrf_token": token, "assignee": "officer-bn-le-minh-tuan"})
    mine = login(app, "officer-bn-le-minh-tuan").get("/escalations?show=mine").text
    assert 'id="esc-phuong-ben-nghe:m2"' in mine and 'id="esc-phuong-ben-nghe:m1"' not in mine
    assert "Lê Minh Tuấn" in mine
