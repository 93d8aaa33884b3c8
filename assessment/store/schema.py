"""The tables: the single truth every page is a view of.

An *assessment* is one set of answers, notes, targets and plan edits: a municipality's own
(`solo`, opened by its private link), a workshop's agreed answers (`consensus`) or one workshop
participant's (`participant`). Each carries a `revision` that every write raises by one, and
every stored value records the revision that wrote it, so a write from a page that shows an
older revision of that value is refused instead of silently overwriting it.

A signed-in user's *clients* are the municipalities they work for; an assessment or a workshop
may belong to one (and goes with it when the client is deleted), and an assessment (a
workshop's agreed answers too) may be *granted* to colleagues by e-mail address as editor or
viewer. A round started from an earlier one points
back to it (`previous_id`) and marks the answers it carried over until someone confirms them.

Every user-typed column has a length the models also enforce; every timestamp is an aware UTC
datetime on every backend.
"""

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

KINDS = ("solo", "consensus", "participant")
CHOICES = ("level", "dont_know", "not_applicable")

clients = sa.Table(
    "clients",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("owner_email", sa.String(254), nullable=False),
    sa.Column("municipality_code", sa.Integer, nullable=False),
    sa.Column("municipality_name", sa.String(100), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("owner_email", "municipality_code", name="uq_clients_owner_municipality"),
)
"""A municipality a signed-in user works for; `owner_email` is lower case (`identity.User`)."""


def _client_key(table: str) -> sa.Column[int]:
    return sa.Column(
        "client_id",
        sa.Integer,
        sa.ForeignKey("clients.id", ondelete="CASCADE", name=f"fk_{table}_clients"),
        nullable=True,
        index=True,
    )


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
    # the room as the facilitator runs it (all of it here, so any replica serves any page)
    sa.Column("presenter_token_hash", sa.String(64), nullable=True),
    sa.Column("mode", sa.String(8), nullable=False, server_default="self"),
    sa.Column("pace", sa.String(8), nullable=False, server_default="question"),
    sa.Column("step", sa.String(100), nullable=True),
    sa.Column("revealed", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("show_names", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("room_rev", sa.Integer, nullable=False, server_default="0"),
    sa.Column("max_participants", sa.Integer, nullable=False, server_default="60"),
    sa.Column("delete_after", sa.Date, nullable=True),
    sa.Column("join_window", UTCDateTime, nullable=True),
    sa.Column("joins_in_window", sa.Integer, nullable=False, server_default="0"),
    _client_key("workshops"),
    sa.UniqueConstraint("join_code", name="uq_workshops_join_code"),
    sa.UniqueConstraint("presenter_token_hash", name="uq_workshops_presenter_token_hash"),
    sa.CheckConstraint("status IN ('open', 'closed')", name="ck_workshops_status"),
    sa.CheckConstraint("mode IN ('self', 'paced')", name="ck_workshops_mode"),
    sa.CheckConstraint("pace IN ('question', 'area')", name="ck_workshops_pace"),
)
"""`step` is what the room looks at: a question id (or an area id when paced by area), None
for the lobby; `revealed` says whether its results are on the shared screen; `room_rev` is
raised by every change of these, so a stale facilitator window's change is refused."""

assessments = sa.Table(
    "assessments",
    metadata,
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
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    _client_key("assessments"),
    sa.Column(
        "previous_id",
        sa.Integer,
        sa.ForeignKey("assessments.id", ondelete="SET NULL", name="fk_assessments_previous"),
        nullable=True,
        index=True,
    ),
    sa.Column("share_peers", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.UniqueConstraint("token_hash", name="uq_assessments_token_hash"),
    sa.CheckConstraint("kind IN ('solo', 'consensus', 'participant')", name="ck_assessments_kind"),
)


def _assessment_key(table: str) -> sa.Column[int]:
    return sa.Column(
        "assessment_id",
        sa.Integer,
        sa.ForeignKey("assessments.id", ondelete="CASCADE", name=f"fk_{table}_assessments"),
        primary_key=True,
    )


assessment_answers = sa.Table(
    "assessment_answers",
    metadata,
    _assessment_key("assessment_answers"),
    sa.Column("question_id", sa.String(100), primary_key=True),
    sa.Column("choice", sa.String(16), nullable=True),
    sa.Column("level", sa.Integer, nullable=True),
    sa.Column("level_rev", sa.Integer, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("note_rev", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("carried", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint(
        "(choice = 'level' AND level >= 0 AND level <= 4)"
        " OR (choice IS NULL AND level IS NULL)"
        " OR (choice IN ('dont_know', 'not_applicable') AND level IS NULL)",
        name="ck_assessment_answers_choice",
    ),
)

assessment_targets = sa.Table(
    "assessment_targets",
    metadata,
    _assessment_key("assessment_targets"),
    sa.Column("dimension_id", sa.String(100), primary_key=True),
    sa.Column("target", sa.Float, nullable=False),
    sa.Column("rev", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.CheckConstraint("target >= 0 AND target <= 4", name="ck_assessment_targets_range"),
)

assessment_plan_edits = sa.Table(
    "assessment_plan_edits",
    metadata,
    _assessment_key("assessment_plan_edits"),
    sa.Column("action_id", sa.String(100), primary_key=True),
    sa.Column("owner", sa.String(120), nullable=False),
    sa.Column("deadline", sa.Date, nullable=True),
    sa.Column("status", sa.String(8), nullable=False),
    sa.Column("dropped", sa.Boolean, nullable=False),
    sa.Column("rev", sa.Integer, nullable=False),
    sa.Column("updated_at", UTCDateTime, nullable=False),
    sa.Column("carried_status", sa.String(8), nullable=True),
    sa.CheckConstraint(
        "status IN ('todo', 'doing', 'done')", name="ck_assessment_plan_edits_status"
    ),
)
"""`carried_status`: the status the action had when this round was started from the one before
(None: not carried over); what is done since then is what changed from it."""

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
    sa.Column(
        "assessment_id",
        sa.Integer,
        sa.ForeignKey("assessments.id", ondelete="CASCADE", name="fk_participants_assessments"),
        nullable=False,
    ),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False),
    sa.Column("joined_at", UTCDateTime, nullable=False),
    sa.Column("finished_at", UTCDateTime, nullable=True),
    sa.UniqueConstraint("token_hash", name="uq_participants_token_hash"),
    sa.UniqueConstraint("assessment_id", name="uq_participants_assessment_id"),
)

workshop_rounds = sa.Table(
    "workshop_rounds",
    metadata,
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
    sa.Column("created_at", UTCDateTime, nullable=False),
)
"""A question's counts as they stood when a re-vote began (counts only, never who said what)."""

note_approvals = sa.Table(
    "note_approvals",
    metadata,
    _assessment_key("note_approvals"),
    sa.Column("question_id", sa.String(100), primary_key=True),
    sa.Column("note_rev", sa.Integer, nullable=False),
    sa.Column("approved_at", UTCDateTime, nullable=False),
)
"""A participant's note the facilitator let onto the shared screen: only the revision approved,
so a note changed afterwards waits for approval again."""

join_throttle = sa.Table(
    "join_throttle",
    metadata,
    sa.Column("client", sa.String(64), primary_key=True),
    sa.Column("window_start", UTCDateTime, primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False),
)
"""Failed join attempts per client and minute: a browser session or a network address, each
stored only as a keyed hash (`workshop.throttle`); rows older than a day are deleted by the
retention sweep."""

server_secrets = sa.Table(
    "server_secrets",
    metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(64), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
)
"""Random keys made once per database, so every replica of the app uses the same one: the join
throttle's key for hashing network addresses (`join-throttle`, 32 random bytes in hex)."""
ROLES = ("editor", "viewer")

grants = sa.Table(
    "grants",
    metadata,
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
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.UniqueConstraint("assessment_id", "email", name="uq_grants_assessment_email"),
    sa.CheckConstraint("role IN ('editor', 'viewer')", name="ck_grants_role"),
)
"""A colleague let into one assessment by the owner of its client (a workshop is shared through
its agreed answers, which are an assessment)."""
