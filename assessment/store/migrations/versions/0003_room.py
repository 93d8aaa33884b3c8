"""The room as a facilitator runs it: a presenter link, pacing and reveal, re-vote rounds,
approved notes, a participant cap, a retention date and a join throttle.

Every existing workshop keeps its data and its links. It starts self-paced with nothing on the
shared screen, names hidden, room for 60 people and no deletion date (only the facilitator
deletes it; a retention date is set from now on when a workshop is created). Its presenter link
is made the first time its facilitator opens it, as only the facilitator's key can derive it.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
"""Frozen here: a migration never imports live code that may change."""


def upgrade() -> None:
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(sa.Column("presenter_token_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("mode", sa.String(8), nullable=False, server_default="self"))
        batch.add_column(sa.Column("pace", sa.String(8), nullable=False, server_default="question"))
        batch.add_column(sa.Column("step", sa.String(100), nullable=True))
        batch.add_column(
            sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(
            sa.Column("show_names", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("room_rev", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(
            sa.Column("max_participants", sa.Integer, nullable=False, server_default="60")
        )
        batch.add_column(sa.Column("delete_after", sa.Date, nullable=True))
        batch.add_column(sa.Column("join_window", UTC_DATETIME, nullable=True))
        batch.add_column(
            sa.Column("joins_in_window", sa.Integer, nullable=False, server_default="0")
        )
        batch.create_unique_constraint(
            "uq_workshops_presenter_token_hash", ["presenter_token_hash"]
        )
        batch.create_check_constraint("ck_workshops_mode", "mode IN ('self', 'paced')")
        batch.create_check_constraint("ck_workshops_pace", "pace IN ('question', 'area')")
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("finished_at", UTC_DATETIME, nullable=True))
    op.create_table(
        "workshop_rounds",
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_workshop_rounds_workshops"),
            primary_key=True,
        ),
        sa.Column("question_id", sa.String(100), primary_key=True),
        sa.Column("round", sa.Integer, primary_key=True),
        sa.Column("levels", sa.JSON, nullable=False),
        sa.Column("dont_know", sa.Integer, nullable=False),
        sa.Column("not_applicable", sa.Integer, nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
    )
    op.create_table(
        "note_approvals",
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey(
                "assessments.id", ondelete="CASCADE", name="fk_note_approvals_assessments"
            ),
            primary_key=True,
        ),
        sa.Column("question_id", sa.String(100), primary_key=True),
        sa.Column("note_rev", sa.Integer, nullable=False),
        sa.Column("approved_at", UTC_DATETIME, nullable=False),
    )
    op.create_table(
        "join_throttle",
        sa.Column("client", sa.String(64), primary_key=True),
        sa.Column("window_start", UTC_DATETIME, primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("join_throttle")
    op.drop_table("note_approvals")
    op.drop_table("workshop_rounds")
    with op.batch_alter_table("participants") as batch:
        batch.drop_column("finished_at")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_constraint("ck_workshops_pace", type_="check")
        batch.drop_constraint("ck_workshops_mode", type_="check")
        batch.drop_constraint("uq_workshops_presenter_token_hash", type_="unique")
        for column in (
            "joins_in_window", "join_window", "delete_after", "max_participants", "room_rev",
            "show_names", "revealed", "step", "pace", "mode", "presenter_token_hash",
        ):  # fmt: skip
            batch.drop_column(column)
