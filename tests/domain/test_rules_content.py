"""antt_only and spam: which categories by which roles fire (inside office hours)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pipeline.domain.classification import Category
from pipeline.domain.message import Role
from tests.domain.factories import GROUP, LEADER, OFFICER, Conversation, cls, msg, shipped


def fired(category: str, *, sender_id: str = "cu-dan-1", role: Role | None = None, groups=None) -> set[str]:
    j = Conversation(groups).send(msg("09:00", sender_id=sender_id, role=role), cls(category))
    return set(j.fired_rules)


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("off_topic", {"antt_only"}),
        ("spam", {"spam"}),  # spam is not struck twice
        ("tip", set()),
        ("lost_item", set()),
    ],
)
def test_member_categories(category: str, expected: set[str]) -> None:
    assert fired(category) == expected


@pytest.mark.parametrize("category", ["off_topic", "spam", "tip", "lost_item"])
@pytest.mark.parametrize(
    ("sender_id", "role"),
    [(LEADER, None), (OFFICER, None), ("cu-dan-1", Role.LEADER), ("cu-dan-1", Role.OFFICER)],
)
def test_leaders_and_officers_exempt(category: str, sender_id: str, role: Role | None) -> None:
    assert fired(category, sender_id=sender_id, role=role) == set()


@pytest.mark.parametrize(
    ("sender_id", "role", "expected"),
    [
        (LEADER, Role.MEMBER, {"antt_only"}),  # the input's sender_role overrides the configuration
        (OFFICER, Role.MEMBER, {"antt_only"}),
        ("cu-dan-1", Role.MEMBER, {"antt_only"}),
        ("cu-dan-1", None, {"antt_only"}),  # unknown senders are members
    ],
)
def test_declared_role_overrides_config(sender_id: str, role: Role | None, expected: set[str]) -> None:
    assert fired("off_topic", sender_id=sender_id, role=role) == expected


def test_group_allowing_off_topic() -> None:
    base = shipped()
    g = base.for_group(GROUP)
    relaxed = replace(g, allowed_categories=g.allowed_categories | {Category.OFF_TOPIC})
    groups = replace(base, groups={**base.groups, GROUP: relaxed})
    assert fired("off_topic", groups=groups) == set()
    assert fired("spam", groups=groups) == {"spam"}


def test_exempt_detail_names_role() -> None:
    j = Conversation().send(msg("22:00", sender_id=OFFICER), cls("spam"))
    assert all(r["detail"] == "exempt: officer" and not r["fired"] for r in j.decision["rules"])
    assert j.decision["sender_role"] == "officer"
