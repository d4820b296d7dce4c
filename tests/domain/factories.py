"""Builders shared by the domain tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pipeline.domain.classification import Category, Classification
from pipeline.domain.engine import GroupState, Judgement, RuleEngine, SenderState
from pipeline.domain.groups import GroupsConfig, load_groups
from pipeline.domain.message import Attachment, AttachmentKind, ChatMessage, Role

REPO = Path(__file__).resolve().parents[2]
SHIPPED_GROUPS = REPO / "configs" / "groups.toml"

GROUP = "phuong-ben-nghe"
LEADER = "leader-bn-tran-thi-lan"
OFFICER = "officer-bn-nguyen-van-hung"
MEMBER = "cu-dan-123"

MONDAY = "2026-11-23"  # a Monday, no holiday


def shipped() -> GroupsConfig:
    return load_groups(SHIPPED_GROUPS)


def msg(
    sent_at: str,
    *,
    message_id: str = "m1",
    group_id: str = GROUP,
    sender_id: str = MEMBER,
    text: str = "xin chào cả nhà",
    role: Role | None = None,
    attachments: tuple[Attachment, ...] = (),
    reply_to: str | None = None,
) -> ChatMessage:
    if "T" not in sent_at:
        sent_at = f"{MONDAY}T{sent_at}:00+07:00"
    return ChatMessage(
        message_id=message_id, group_id=group_id, sender_id=sender_id, text=text,
        sent_at=datetime.fromisoformat(sent_at), sender_role=role, attachments=attachments, reply_to=reply_to,
    )


def cls(category: str, urgent: bool = False, p: float = 0.9) -> Classification:
    cat = Category(category)
    scores = {c.value: (p if c is cat else round((1 - p) / 3, 4)) for c in Category}
    return Classification(category=cat, urgent=urgent, scores=scores, model_version="test-1")


def image() -> Attachment:
    return Attachment(kind=AttachmentKind.IMAGE, url="https://example.invalid/a.jpg")


class Conversation:
    """Feeds messages through one engine, carrying states the way the streaming layer does."""

    def __init__(self, groups: GroupsConfig | None = None, *, seen_ids_per_group: int = 5000) -> None:
        self.engine = RuleEngine(groups or shipped(), seen_ids_per_group=seen_ids_per_group)
        self.senders: dict[tuple[str, str], SenderState] = {}
        self.groups: dict[str, GroupState] = {}

    def send(self, message: ChatMessage, classification: Classification) -> Judgement:
        skey = (message.group_id, message.sender_id)
        j = self.engine.judge(
            message, classification,
            self.senders.get(skey, SenderState.empty()), self.groups.get(message.group_id, GroupState.empty()),
        )
        self.senders[skey] = j.sender_state
        self.groups[message.group_id] = j.group_state
        return j
