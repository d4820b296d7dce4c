"""The projector on SQLite and on a real PostgreSQL: idempotent upserts, rebuild gives the same rows, bad records skipped."""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import text

from pipeline.inbox.db import migrate
from pipeline.inbox.models import AuditEntry, Case, Escalation, Warning
from pipeline.inbox.projector import apply_action, apply_records
from pipeline.kafka import topics
from tests.inbox import records
from tests.inbox.conftest import feed
from tests.inbox.dbdump import dump


def test_every_topic_is_projected(new_db):
    maker = new_db()
    feed(maker, records.sample_stream())
    rows = dump(maker)
    assert len(rows["escalations"]) == 3
    assert len(rows["warnings"]) == 2
    assert len(rows["decisions"]) == 4
    assert len(rows["reviews"]) == 2
    assert len(rows["lost_found"]) == 1
    assert len(rows["feedback"]) == 1
    assert len(rows["deliveries"]) == 1
    assert len(rows["audit_log"]) == 1
    with maker() as s:
        esc = s.get(Escalation, "phuong-ben-nghe:m2")
        assert esc.priority == "urgent" and esc.confidence == pytest.approx(0.91)
        assert esc.published_at is not None  # the record's Kafka timestamp
        assert s.get(Case, "phuong-ben-nghe:m2").status == "open"


def test_the_same_records_twice_change_nothing(new_db):
    maker = new_db()
    feed(maker, records.sample_stream())
    first = dump(maker)
    feed(maker, records.sample_stream())
    assert dump(maker) == first


def test_rebuild_into_a_fresh_database_gives_the_same_rows(new_db):
    maker = new_db()
    stream = records.sample_stream() + [
        (topics.ACTIONS, {"action_id": "a1", "group_id": "phuong-ben-nghe", "action": "acknowledge",
                          "actor_id": "officer-bn-nguyen-van-hung", "actor_role": "officer",
                          "requested_at": "2026-12-01T09:20:00+07:00", "case_id": "phuong-ben-nghe:m2"}),
        (topics.ACTIONS, {"action_id": "a2", "group_id": "phuong-ben-nghe", "action": "resolve",
                          "actor_id": "officer-bn-nguyen-van-hung", "actor_role": "officer",
                          "requested_at": "2026-12-01T09:40:00+07:00", "case_id": "phuong-ben-nghe:m2",
                          "note": "đã cử tổ tuần tra"}),
    ]
    feed(maker, stream)
    again = new_db()
    feed(again, stream)
    assert dump(again) == dump(maker)
    feed(again, stream)
    assert dump(again) == dump(maker)
    with again() as s:
        case = s.get(Case, "phuong-ben-nghe:m2")
        assert (case.status, case.acknowledged_by, case.note) == ("resolved", "officer-bn-nguyen-van-hung",
                                                                 "đã cử tổ tuần tra")


def test_an_action_arriving_before_its_case_still_applies(new_db):
    maker = new_db()
    ack = {"action_id": "a1", "group_id": "phuong-ben-nghe", "action": "acknowledge", "actor_id": "o",
           "actor_role": "officer", "requested_at": "2026-12-01T09:20:00+07:00", "case_id": "phuong-ben-nghe:m2"}
    feed(maker, [(topics.ACTIONS, ack), (topics.ESCALATIONS, records.escalation("m2", urgent=True))])
    with maker() as s:
        assert s.get(Case, "phuong-ben-nghe:m2").status == "acknowledged"


def test_an_action_applied_locally_is_not_applied_again_from_the_topic(new_db):
    maker = new_db()
    feed(maker, [(topics.ESCALATIONS, records.escalation("m2", urgent=True))])
    ack = {"action_id": "a1", "group_id": "phuong-ben-nghe", "action": "acknowledge", "actor_id": "o",
           "actor_role": "officer", "requested_at": "2026-12-01T09:20:00+07:00", "case_id": "phuong-ben-nghe:m2"}
    with maker() as s:
        assert apply_action(s, ack) is True
        s.commit()
    before = dump(maker)
    feed(maker, [(topics.ACTIONS, ack)])
    assert dump(maker) == before


def test_an_action_naming_another_groups_case_changes_nothing(new_db):
    maker = new_db()
    feed(maker, [(topics.ESCALATIONS, records.escalation("y1", group="xa-yen-lac"))])
    feed(maker, [(topics.ACTIONS, {"action_id": "evil", "group_id": "phuong-ben-nghe", "action": "resolve",
                                   "actor_id": "x", "actor_role": "leader", "case_id": "xa-yen-lac:y1"})])
    with maker() as s:
        assert s.get(Case, "xa-yen-lac:y1").status == "open"


def test_bad_records_are_skipped_and_the_rest_applied(new_db):
    maker = new_db()
    applied = apply_records(maker, [
        (topics.WARNINGS, b"not json", 1),
        (topics.WARNINGS, b"[1, 2]", 1),
        (topics.WARNINGS, orjson.dumps({"group_id": "g"}), 1),  # no warning_id
        (topics.WARNINGS, orjson.dumps(records.warning("m3")), 1),
    ])
    assert applied == 1
    with maker() as s:
        assert s.get(Warning, "phuong-ben-nghe:m3:spam") is not None


def test_the_audit_log_is_append_only_in_the_database(new_db):
    maker = new_db()
    feed(maker, records.sample_stream())
    with maker() as s:
        with pytest.raises(Exception, match="append-only"):
            s.execute(text("UPDATE audit_log SET note = 'changed'"))
            s.commit()
        s.rollback()
        with pytest.raises(Exception, match="append-only"):
            s.execute(text("DELETE FROM audit_log"))
            s.commit()
        s.rollback()
        assert s.get(AuditEntry, "a-cli-1") is not None


def test_migrations_are_idempotent_and_a_dropped_database_is_rebuilt(new_db):
    from pipeline.inbox.db import drop_all

    maker = new_db()
    engine = maker.kw["bind"]
    feed(maker, records.sample_stream())
    before = dump(maker)
    migrate(engine)  # again: nothing to do
    assert dump(maker) == before
    drop_all(engine)
    migrate(engine)
    assert all(rows == [] for rows in dump(maker).values())
    feed(maker, records.sample_stream())
    assert dump(maker) == before
