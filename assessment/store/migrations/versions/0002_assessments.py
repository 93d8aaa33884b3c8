"""Every assessment is a stored record with a revision: solo ones, a workshop's consensus and
each participant's answers.

Moves the first release's data without loss: each workshop's consensus rows, targets and plan
edits (JSON columns) become its `consensus` assessment; each participant's answers become their
`participant` assessment. A stored `"level": NULL` meant "don't know" and becomes the choice
`dont_know`. Every moved value gets revision 1, so no open page can be mistaken for newer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)
"""Frozen here: a migration never imports live code that may change."""
CHOICE_CHECK = (
    "(choice = 'level' AND level >= 0 AND level <= 4)"
    " OR (choice IS NULL AND level IS NULL)"
    " OR (choice IN ('dont_know', 'not_applicable') AND level IS NULL)"
)


def _assessment_key(table: str) -> sa.Column[int]:
    return sa.Column(
        "assessment_id",
        sa.Integer,
        sa.ForeignKey("assessments.id", ondelete="CASCADE", name=f"fk_{table}_assessments"),
        primary_key=True,
    )


def upgrade() -> None:
    op.create_table(
        "assessments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=True),
        sa.Column(
            "workshop_id",
            sa.Integer,
            sa.ForeignKey("workshops.id", ondelete="CASCADE", name="fk_assessments_workshops"),
            nullable=True,
            index=True,
        ),
        sa.Column("municipality_code", sa.Integer, nullable=False),
        sa.Column("municipality_name", sa.String(100), nullable=False),
        sa.Column("respondent_name", sa.String(80), nullable=False),
        sa.Column("respondent_role", sa.String(80), nullable=False),
        sa.Column("details_rev", sa.Integer, nullable=False),
        sa.Column("profile", sa.JSON, nullable=False),
        sa.Column("profile_rev", sa.Integer, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("bank_id", sa.String(100), nullable=False),
        sa.Column("bank_version", sa.String(50), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.UniqueConstraint("token_hash", name="uq_assessments_token_hash"),
        sa.CheckConstraint(
            "kind IN ('solo', 'consensus', 'participant')", name="ck_assessments_kind"
        ),
    )
    op.create_table(
        "assessment_answers",
        _assessment_key("assessment_answers"),
        sa.Column("question_id", sa.String(100), primary_key=True),
        sa.Column("choice", sa.String(16), nullable=True),
        sa.Column("level", sa.Integer, nullable=True),
        sa.Column("level_rev", sa.Integer, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("note_rev", sa.Integer, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(CHOICE_CHECK, name="ck_assessment_answers_choice"),
    )
    op.create_table(
        "assessment_targets",
        _assessment_key("assessment_targets"),
        sa.Column("dimension_id", sa.String(100), primary_key=True),
        sa.Column("target", sa.Float, nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint("target >= 0 AND target <= 4", name="ck_assessment_targets_range"),
    )
    op.create_table(
        "assessment_plan_edits",
        _assessment_key("assessment_plan_edits"),
        sa.Column("action_id", sa.String(100), primary_key=True),
        sa.Column("owner", sa.String(120), nullable=False),
        sa.Column("deadline", sa.Date, nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("dropped", sa.Boolean, nullable=False),
        sa.Column("rev", sa.Integer, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "status IN ('todo', 'doing', 'done')", name="ck_assessment_plan_edits_status"
        ),
    )
    with op.batch_alter_table("participants") as batch:
        batch.add_column(sa.Column("assessment_id", sa.Integer, nullable=True))
    _move_data(op.get_bind())
    with op.batch_alter_table("participants") as batch:
        batch.alter_column("assessment_id", existing_type=sa.Integer, nullable=False)
        batch.create_foreign_key(
            "fk_participants_assessments",
            "assessments",
            ["assessment_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch.create_unique_constraint("uq_participants_assessment_id", ["assessment_id"])
        batch.drop_column("last_seen")  # a participant's sheet's `updated_at` says it now
    op.drop_table("answers")
    op.drop_table("consensus")
    with op.batch_alter_table("workshops") as batch:
        batch.drop_column("targets")
        batch.drop_column("plan_edits")


def _move_data(conn: sa.Connection) -> None:
    meta = sa.MetaData()
    workshops = sa.Table("workshops", meta, autoload_with=conn)
    participants = sa.Table("participants", meta, autoload_with=conn)
    old_answers = sa.Table("answers", meta, autoload_with=conn)
    consensus = sa.Table("consensus", meta, autoload_with=conn)
    assessments = sa.Table("assessments", meta, autoload_with=conn)
    answers = sa.Table("assessment_answers", meta, autoload_with=conn)
    targets = sa.Table("assessment_targets", meta, autoload_with=conn)
    edits = sa.Table("assessment_plan_edits", meta, autoload_with=conn)

    for ws in conn.execute(sa.select(workshops)).mappings().all():
        base = {
            "workshop_id": ws["id"],
            "municipality_code": ws["municipality_code"],
            "municipality_name": ws["municipality_name"],
            "respondent_role": "",
            "details_rev": 1,
            "profile": {},
            "profile_rev": 0,
            "language": ws["language"],
            "bank_id": ws["bank_id"],
            "bank_version": ws["bank_version"],
            "revision": 1,
            "created_at": ws["created_at"],
        }
        agreed = conn.execute(sa.select(consensus).where(consensus.c.workshop_id == ws["id"]))
        agreed_rows = agreed.mappings().all()
        stamp = max([ws["created_at"], *(r["updated_at"] for r in agreed_rows)])
        consensus_id = conn.execute(
            sa.insert(assessments)
            .values(kind="consensus", respondent_name=ws["title"][:80], updated_at=stamp, **base)
            .returning(assessments.c.id)
        ).scalar_one()
        _insert_answers(conn, answers, consensus_id, agreed_rows)
        for dimension_id, target in _mapping(ws["targets"]).items():
            conn.execute(
                sa.insert(targets).values(
                    assessment_id=consensus_id,
                    dimension_id=dimension_id,
                    target=float(target),
                    rev=1,
                    updated_at=stamp,
                )
            )
        for action_id, edit in _mapping(ws["plan_edits"]).items():
            deadline = edit.get("deadline")
            conn.execute(
                sa.insert(edits).values(
                    assessment_id=consensus_id,
                    action_id=action_id,
                    owner=str(edit.get("owner") or "")[:120],
                    deadline=dt.date.fromisoformat(deadline) if deadline else None,
                    status=edit.get("status") or "todo",
                    dropped=bool(edit.get("dropped")),
                    rev=1,
                    updated_at=stamp,
                )
            )
        people = conn.execute(
            sa.select(participants).where(participants.c.workshop_id == ws["id"])
        ).mappings()
        for person in people.all():
            given = conn.execute(
                sa.select(old_answers).where(old_answers.c.participant_id == person["id"])
            ).mappings()
            given_rows = given.all()
            sheet_id = conn.execute(
                sa.insert(assessments)
                .values(
                    kind="participant",
                    respondent_name=person["name"][:80],
                    updated_at=max([person["last_seen"], *(r["updated_at"] for r in given_rows)]),
                    **{**base, "created_at": person["joined_at"]},
                )
                .returning(assessments.c.id)
            ).scalar_one()
            _insert_answers(conn, answers, sheet_id, given_rows)
            conn.execute(
                sa.update(participants)
                .where(participants.c.id == person["id"])
                .values(assessment_id=sheet_id)
            )


def _insert_answers(
    conn: sa.Connection, table: sa.Table, assessment_id: int, rows: Iterable[Mapping[str, Any]]
) -> None:
    for r in rows:
        level = r["level"]
        conn.execute(
            sa.insert(table).values(
                assessment_id=assessment_id,
                question_id=r["question_id"],
                choice="dont_know" if level is None else "level",
                level=level,
                level_rev=1,
                note=r["note"],
                note_rev=1 if r["note"] else 0,
                updated_at=r["updated_at"],
            )
        )


def _mapping(value: object) -> dict[str, Any]:
    """A JSON column as a dict (some drivers hand back the text)."""
    if isinstance(value, str):
        value = json.loads(value)
    return dict(value) if isinstance(value, dict) else {}


def downgrade() -> None:
    raise NotImplementedError("0002 moves data into a new shape; restore a backup instead")
