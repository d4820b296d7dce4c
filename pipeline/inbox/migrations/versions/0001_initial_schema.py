"""initial schema: the projected tables and the audit log

Revision ID: 0001
Revises: 
Create Date: 2026-12-01 22:00:56.415971
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('action_id', sa.String(length=200), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('requested_at', sa.DateTime(), nullable=True),
    sa.Column('requested_at_raw', sa.String(length=64), nullable=False),
    sa.Column('member_id', sa.String(length=200), nullable=False),
    sa.Column('rule', sa.String(length=50), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('case_id', sa.String(length=300), nullable=False),
    sa.Column('assignee', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('action_id')
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_requested_at'), ['requested_at'], unique=False)

    op.create_table('cases',
    sa.Column('case_id', sa.String(length=300), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
    sa.Column('acknowledged_by', sa.String(length=200), nullable=False),
    sa.Column('assigned_to', sa.String(length=200), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolved_by', sa.String(length=200), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('last_action_id', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('case_id')
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_group_id'), ['group_id'], unique=False)

    op.create_table('decisions',
    sa.Column('decision_id', sa.String(length=400), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('model_version', sa.String(length=200), nullable=False),
    sa.Column('needs_review', sa.Boolean(), nullable=False),
    sa.Column('rules_fired', sa.JSON(), nullable=False),
    sa.Column('actions', sa.JSON(), nullable=False),
    sa.Column('sender_role', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('decision_id')
    )
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decisions_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_decisions_group_id'), ['group_id'], unique=False)

    op.create_table('deliveries',
    sa.Column('delivery_id', sa.String(length=400), nullable=False),
    sa.Column('record_id', sa.String(length=400), nullable=False),
    sa.Column('topic', sa.String(length=100), nullable=False),
    sa.Column('channel', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('at', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('delivery_id')
    )
    op.create_table('escalations',
    sa.Column('escalation_id', sa.String(length=300), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('group_name', sa.String(length=300), nullable=False),
    sa.Column('district', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('priority', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sender_id', sa.String(length=200), nullable=False),
    sa.Column('sender_role', sa.String(length=20), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('sent_at_raw', sa.String(length=64), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('model_version', sa.String(length=200), nullable=False),
    sa.Column('route_to', sa.JSON(), nullable=False),
    sa.Column('route_district', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('escalation_id')
    )
    with op.batch_alter_table('escalations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_escalations_district'), ['district'], unique=False)
        batch_op.create_index(batch_op.f('ix_escalations_group_id'), ['group_id'], unique=False)

    op.create_table('feedback',
    sa.Column('feedback_id', sa.String(length=200), nullable=False),
    sa.Column('action_id', sa.String(length=200), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('model_category', sa.String(length=30), nullable=False),
    sa.Column('person_category', sa.String(length=30), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('actor_role', sa.String(length=20), nullable=False),
    sa.Column('model_version', sa.String(length=200), nullable=False),
    sa.Column('corrected_at', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('feedback_id')
    )
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_feedback_group_id'), ['group_id'], unique=False)

    op.create_table('lost_found',
    sa.Column('report_id', sa.String(length=300), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('sender_id', sa.String(length=200), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('item', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('match', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('report_id')
    )
    with op.batch_alter_table('lost_found', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lost_found_group_id'), ['group_id'], unique=False)

    op.create_table('reviews',
    sa.Column('review_id', sa.String(length=400), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('sender_id', sa.String(length=200), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('urgent', sa.Boolean(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('model_version', sa.String(length=200), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('review_id')
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_group_id'), ['group_id'], unique=False)

    op.create_table('warnings',
    sa.Column('warning_id', sa.String(length=400), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('group_id', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.String(length=200), nullable=False),
    sa.Column('sender_id', sa.String(length=200), nullable=False),
    sa.Column('rule', sa.String(length=50), nullable=True),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('strike_count', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('notice_vi', sa.Text(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('action_id', sa.String(length=200), nullable=False),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('warning_id')
    )
    with op.batch_alter_table('warnings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_warnings_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_warnings_group_id'), ['group_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_warnings_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_warnings_sender_id'), ['sender_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('warnings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_warnings_sender_id'))
        batch_op.drop_index(batch_op.f('ix_warnings_message_id'))
        batch_op.drop_index(batch_op.f('ix_warnings_group_id'))
        batch_op.drop_index(batch_op.f('ix_warnings_action_id'))

    op.drop_table('warnings')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_group_id'))

    op.drop_table('reviews')
    with op.batch_alter_table('lost_found', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lost_found_group_id'))

    op.drop_table('lost_found')
    with op.batch_alter_table('feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_group_id'))
        batch_op.drop_index(batch_op.f('ix_feedback_action_id'))

    op.drop_table('feedback')
    with op.batch_alter_table('escalations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_escalations_group_id'))
        batch_op.drop_index(batch_op.f('ix_escalations_district'))

    op.drop_table('escalations')
    op.drop_table('deliveries')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_group_id'))
        batch_op.drop_index(batch_op.f('ix_decisions_day'))

    op.drop_table('decisions')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_group_id'))

    op.drop_table('cases')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_requested_at'))
        batch_op.drop_index(batch_op.f('ix_audit_log_group_id'))

    op.drop_table('audit_log')
