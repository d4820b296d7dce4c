"""reminders: the re-notification rounds the inbox produced to moderation.reminders

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders",
        sa.Column("reminder_id", sa.String(400), primary_key=True),
        sa.Column("escalation_id", sa.String(300), nullable=False, index=True),
        sa.Column("group_id", sa.String(200), nullable=False),
        sa.Column("round", sa.Integer, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("reminders")
