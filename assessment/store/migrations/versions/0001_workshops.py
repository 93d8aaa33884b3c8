"""Workshops, participants, their answers and the room's consensus.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
"""Frozen here: a migration never imports live code that may change."""
LEVEL_CHECK = "level IS NULL OR (level >= 0 AND level <= 4)"


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("municipality_code", sa.Integer, nullable=False),
        sa.Column("municipality_name", sa.String(100), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("bank_id", sa.String(100), nullable=False),
        sa.Column("bank_version", sa.String(50), nullable=False),
        sa.Column("join_code", sa.String(12), nullable=False),
        sa.Column("facilitator_token_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("targets", sa.JSON, nullable=False),
        sa.Column("plan_edits", sa.JSON, nullable=False),
        sa.UniqueConstraint("join_code", name="uq_workshops_join_code"),
        sa.CheckConstraint("status IN ('open', 'closed')", name="ck_workshops_status"),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_participants_workshops"),
            nullable=False,
            index=True,
        ),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("joined_at", UTC_DATETIME, nullable=False),
        sa.Column("last_seen", UTC_DATETIME, nullable=False),
        sa.UniqueConstraint("token_hash", name="uq_participants_token_hash"),
    )
    op.create_table(
        "answers",
        sa.Column(
            "participant_id",
            sa.Integer,
            sa.ForeignKey("participants.id", ondelete="CASCADE", name="fk_answers_participants"),
            primary_key=True,
        ),
        sa.Column("question_id", sa.String(100), primary_key=True),
        sa.Column("level", sa.Integer, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(LEVEL_CHECK, name="ck_answers_level"),
    )
    op.create_table(
        "consensus",
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_consensus_workshops"),
            primary_key=True,
        ),
        sa.Column("question_id", sa.String(100), primary_key=True),
        sa.Column("level", sa.Integer, nullable=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(LEVEL_CHECK, name="ck_consensus_level"),
    )


def downgrade() -> None:
    for table in ("consensus", "answers", "participants", "workshops"):
        op.drop_table(table)
