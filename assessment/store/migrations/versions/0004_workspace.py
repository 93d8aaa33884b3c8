"""The workspace: clients, grants by e-mail, rounds over time and opting in to peers.

Adds a signed-in user's clients (`clients`) and colleagues let into an assessment (`grants`);
and to existing tables: who owns an assessment or a workshop (`client_id`), the round an
assessment was started from (`previous_id`), whether it shares its levels with peers
(`share_peers`), which answers were carried over and not yet confirmed (`carried`) and the
status a plan action was carried over with (`carried_status`).

Nothing is moved or lost: every assessment and workshop made before stays where it was, opened
by its link as before, owned by nobody, not shared with peers, with nothing marked as carried.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
"""Frozen here: a migration never imports live code that may change."""


def _client_column() -> sa.Column[int]:
    return sa.Column("client_id", sa.Integer, nullable=True)


def upgrade() -> None:
    op.create_table(
        "clients",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner_email", sa.String(254), nullable=False),
        sa.Column("municipality_code", sa.Integer, nullable=False),
        sa.Column("municipality_name", sa.String(100), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.UniqueConstraint(
            "owner_email", "municipality_code", name="uq_clients_owner_municipality"
        ),
    )
    with op.batch_alter_table("workshops") as batch:
        batch.add_column(_client_column())
        batch.create_foreign_key(
            "fk_workshops_clients", "clients", ["client_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_index("ix_workshops_client_id", ["client_id"])
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(_client_column())
        batch.add_column(sa.Column("previous_id", sa.Integer, nullable=True))
        batch.add_column(
            sa.Column("share_peers", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.create_foreign_key(
            "fk_assessments_clients", "clients", ["client_id"], ["id"], ondelete="CASCADE"
        )
        batch.create_foreign_key(
            "fk_assessments_previous", "assessments", ["previous_id"], ["id"], ondelete="SET NULL"
        )
        batch.create_index("ix_assessments_client_id", ["client_id"])
        batch.create_index("ix_assessments_previous_id", ["previous_id"])
    with op.batch_alter_table("assessment_answers") as batch:
        batch.add_column(
            sa.Column("carried", sa.Boolean, nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("assessment_plan_edits") as batch:
        batch.add_column(sa.Column("carried_status", sa.String(8), nullable=True))
    op.create_table(
        "grants",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer,
            sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_grants_assessments"),
            nullable=False,
            index=True,
        ),
        sa.Column("email", sa.String(254), nullable=False, index=True),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.UniqueConstraint("assessment_id", "email", name="uq_grants_assessment_email"),
        sa.CheckConstraint("role IN ('editor', 'viewer')", name="ck_grants_role"),
    )


def downgrade() -> None:
    op.drop_table("grants")
    with op.batch_alter_table("assessment_plan_edits") as batch:
        batch.drop_column("carried_status")
    with op.batch_alter_table("assessment_answers") as batch:
        batch.drop_column("carried")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_index("ix_assessments_previous_id")
        batch.drop_index("ix_assessments_client_id")
        batch.drop_constraint("fk_assessments_previous", type_="foreignkey")
        batch.drop_constraint("fk_assessments_clients", type_="foreignkey")
        batch.drop_column("share_peers")
        batch.drop_column("previous_id")
        batch.drop_column("client_id")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_index("ix_workshops_client_id")
        batch.drop_constraint("fk_workshops_clients", type_="foreignkey")
        batch.drop_column("client_id")
    op.drop_table("clients")
