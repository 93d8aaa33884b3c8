"""A random key per database for the join throttle's keyed hashes of network addresses.

Adds `server_secrets`. The key itself is made the first time the app needs it (one insert that
every replica races for and only one wins), so every replica hashes with the same key. Counts
stored before this revision (unkeyed SHA-256 hashes) are never matched again and go with the
retention sweep's next clean-up of counts older than a day; nothing else changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
"""Frozen here: a migration never imports live code that may change."""


def upgrade() -> None:
    op.create_table(
        "server_secrets",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("server_secrets")
