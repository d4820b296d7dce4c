"""The demo's one-line renderings of the new warning kinds, feedback and review (no text shown)."""

from pipeline.cli.render import render


def test_warning_names_every_rule_and_the_case_update():
    line = render("moderation.warnings", {"kind": "warning", "rule": "office_hours", "rules": ["office_hours", "spam"],
                                          "action": "remove", "strike_count": 5, "case_update": True,
                                          "messages_since": 2, "sent_at": "2026-11-19T20:15:03+07:00",
                                          "group_id": "g", "sender_id": "u", "notice_vi": "[Mời ra khỏi nhóm - cập nhật]"})
    assert "office_hours+spam/remove (strike 5, case update: 2 more)" in line


def test_pardoned_and_withdrawn():
    pardoned = render("moderation.warnings", {"kind": "pardoned", "rule": None, "group_id": "g", "sender_id": "u",
                                              "actor_role": "leader", "actor_id": "l", "cleared": 2,
                                              "strike_count": 0, "action_id": "a1"})
    assert "PARDONED" in pardoned and "2 strike(s) cleared, 0 left" in pardoned
    withdrawn = render("moderation.warnings", {"kind": "withdrawn", "message_id": "m1", "rules": ["antt_only"],
                                               "group_id": "g", "sender_id": "u", "actor_role": "officer",
                                               "actor_id": "o", "strike_count": 1, "action_id": "a2"})
    assert "WITHDRAWN" in withdrawn and "m1 (antt_only)" in withdrawn


def test_feedback_and_review_never_show_text():
    fb = render("moderation.feedback", {"group_id": "g", "message_id": "m1", "model_category": "off_topic",
                                        "person_category": "tip", "actor_role": "officer", "actor_id": "o",
                                        "model_version": "v"})
    assert "model said off_topic" in fb and "says tip" in fb
    review = render("moderation.review", {"group_id": "g", "message_id": "m1", "category": "tip",
                                          "confidence": 0.5, "text": "bí mật 0912345678"})
    assert "REVIEW" in review and "0912345678" not in review
