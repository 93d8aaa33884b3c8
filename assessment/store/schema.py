"""The tables. Every user-typed column has a length the models also enforce; every timestamp
is an aware UTC datetime on every backend."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every backend (SQLite would hand back naive ones)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: sa.Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one (UTC)")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


metadata = sa.MetaData()
level_check = "level IS NULL OR (level >= 0 AND level <= 4)"

workshops = sa.Table(
    "workshops",
    metadata,
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
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("targets", sa.JSON, nullable=False),
    sa.Column("plan_edits", sa.JSON, nullable=False),
    sa.UniqueConstraint("join_code", name="uq_workshops_join_code"),
    sa.CheckConstraint("status IN ('open', 'closed')", name="ck_workshops_status"),
)

participants = sa.Table(
    "participants",
    metadata,
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
    sa.Column("joined_at", UTCDateTime, nullable=False),
    sa.Column("last_seen", UTCDateTime, nullable=False),
    sa.UniqueConstraint("token_hash", name="uq_participants_token_hash"),
)

answers = sa.Table(
    "answers",
    metadata,
    sa.Column(
        "participant_id",
        sa.Integer,
        sa.ForeignKey("participants.id", ondelete="CASCADE", name="fk_answers_participants"),
        primary_key=True,
    ),
    sa.Column("question_id", sa.String(100), primary_key=True),
    sa.Column("level", sa.Integer, nullable=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.CheckConstraint(level_check, name="ck_answers_level"),
)

consensus = sa.Table(
    "consensus",
    metadata,
    sa.Column(
        "workshop_id",
        sa.Integer,
        sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_consensus_workshops"),
        primary_key=True,
    ),
    sa.Column("question_id", sa.String(100), primary_key=True),
    sa.Column("level", sa.Integer, nullable=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.CheckConstraint(level_check, name="ck_consensus_level"),
)
