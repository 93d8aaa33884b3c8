"""Typed, frozen models for the question bank, a municipality's response and the results.

Content (the bank) and answers (a response) are kept apart: a bank is read-only data a
consultant may copy and adapt; a response is one municipality's answers, notes, targets and
plan edits, and is what the answers file stores.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    Strict,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from . import limits

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")
MIN_LEVEL = 0
MAX_LEVEL = 4
LEVELS = tuple(range(MIN_LEVEL, MAX_LEVEL + 1))

MAX_WEIGHT = 100.0
"""A bank's weights are relative (the shipped bank uses 1–2); the bound keeps every sum and
product in scoring and planning finite."""

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[
    str,
    StringConstraints(
        max_length=limits.MAX_ID, pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)*$"
    ),
]
Key = Annotated[str, StringConstraints(max_length=limits.MAX_ID)]
"""A key of an answers file's mappings; checked against the bank by `check_answers`."""
Version = Annotated[
    str,
    Strict(),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=limits.MAX_BANK_VERSION),
]
LevelInt = Annotated[int, Strict(), Field(ge=MIN_LEVEL, le=MAX_LEVEL)]
TargetFloat = Annotated[float, Field(ge=MIN_LEVEL, le=MAX_LEVEL, allow_inf_nan=False)]
Weight = Annotated[float, Strict(), Field(gt=0, le=MAX_WEIGHT, allow_inf_nan=False)]
"""Strict: `true` is not a weight, and `.inf` or `1e308` would overflow a sum."""

# ---------------------------------------------------------------- what people type
# Free text is kept as typed, except for control characters, which no person means to type (a
# form feed pasted from a PDF, a NUL) and which break spreadsheets and databases. Notes keep
# line breaks and tabs and drop every other control character; one-line fields (names, role,
# owner) also drop the marks that reverse text direction and collapse runs of white space, line
# breaks included, to one space. A lone surrogate (a damaged character, which cannot be written
# as UTF-8) is refused by pydantic itself (`string_unicode`).

_NOTE_DROP = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_DROP = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_note(text: str) -> str:
    """A note as kept: line breaks as `\\n`, tabs kept, other control characters dropped."""
    return _NOTE_DROP.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_line(text: str) -> str:
    """One line of text as kept: control and direction marks dropped, white space collapsed."""
    return " ".join(_LINE_DROP.sub("", text).split())


def _non_empty_line(text: str) -> str:
    text = clean_line(text)
    if not text:
        raise PydanticCustomError("string_too_short", "text is empty")
    return text


Name = Annotated[
    str, StringConstraints(max_length=limits.MAX_RESPONDENT), AfterValidator(clean_line)
]
Role = Annotated[
    str, StringConstraints(max_length=limits.MAX_RESPONDENT), AfterValidator(clean_line)
]
Owner = Annotated[str, StringConstraints(max_length=limits.MAX_OWNER), AfterValidator(clean_line)]
Platform = Annotated[
    str,
    StringConstraints(min_length=1, max_length=limits.MAX_PLATFORM),
    AfterValidator(_non_empty_line),
]
Note = Annotated[str, StringConstraints(max_length=limits.MAX_NOTE), AfterValidator(clean_note)]
MunicipalityName = Annotated[
    str, StringConstraints(max_length=limits.MAX_MUNICIPALITY), AfterValidator(_non_empty_line)
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Frozen):
    """A text in both languages; translations never carry ids or numbers."""

    da: NonEmpty
    en: NonEmpty

    def __call__(self, lang: Lang) -> str:
        return self.da if lang == "da" else self.en


class Effort(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class Maturity(_Frozen):
    """The name and meaning of one step on the 0–4 maturity scale."""

    level: LevelInt
    name: Text
    description: Text


class Level(Text):
    """One level's anchor: a single checkable criterion (no "either … or" halves), with an
    optional checklist of what must be true to claim it (as OWASP SAMM's quality criteria)."""

    checklist: list[Text] = Field(default_factory=list, max_length=8)
    red_flag: Annotated[bool, Strict()] = False
    """The level describes something the municipality does against someone's rights that is
    likely unlawful (not a missing routine): it sits at 0, below "nothing", and its next step
    ranks first in any plan."""


class Question(_Frozen):
    id: Id
    title: Text = Field(
        description="A short name for plans and reports: 'Krisekommunikationsplan'."
    )
    text: Text
    help: Text | None = None
    evidence: Text | None = None
    weight: Weight = 1.0
    critical: Annotated[bool, Strict()] = False
    legal_basis: Text | None = Field(
        default=None, description="The statute behind a legal requirement, e.g. 'offl. § 15'."
    )
    not_applicable_when: Text | None = Field(
        default=None,
        description="When the question may not apply; only then is 'not applicable' allowed.",
    )
    sources: list[Id] = Field(default_factory=list, description="Ids in the bank's sources.")
    levels: list[Level] = Field(
        min_length=len(LEVELS),
        max_length=len(LEVELS),
        description="Exactly five anchors, for levels 0 to 4 in order.",
    )


class Dimension(_Frozen):
    id: Id
    order: Annotated[int, Strict()]
    name: Text
    description: Text
    weight: Weight = 1.0
    questions: list[Question]


class ActionEntry(_Frozen):
    """An action as written in the bank: a step that lifts one question from `from_level` to
    the next, or (`incident`) a recovery step planned after a recent serious incident."""

    id: Id
    question: Id
    from_level: Annotated[int, Strict(), Field(ge=MIN_LEVEL, le=MAX_LEVEL - 1)] | None = None
    incident: Annotated[bool, Strict()] = False
    title: Text
    description: Text
    done_when: Text = Field(description="What done looks like: the evidence that it happened.")
    effort: Effort
    impact: Annotated[int, Strict(), Field(ge=1, le=3)]
    owner: Id = Field(description="The id of a role in the bank's `roles`.")
    requires: list[Id] = Field(default_factory=list)


class Action(ActionEntry):
    owner_role: Text
    """The owner role's name; the loader fills it from the bank's roles, and the planner puts
    in the role the municipality has (see `planning`)."""


class OwnerRole(_Frozen):
    """Someone who owns actions. A municipality that lacks a role hands its actions to
    `otherwise`; a role without `otherwise` exists in every municipality."""

    id: Id
    name: Text
    otherwise: Id | None = None


Day = Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
"""A date as precise as it is known: 2025, 2025-05 or 2025-05-27."""


class Source(_Frozen):
    """A source that questions cite by id: when it was published (if known), when it was read,
    where it is, and how it was checked."""

    id: Id
    title: NonEmpty
    publisher: NonEmpty
    date: Day | None = None
    accessed: Day
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    status: Literal["verified", "secondary", "unverified"]
    """verified: the text was read; secondary: known through another source; unverified: not
    checked against the source (a municipal lawyer should)."""


class Migration(_Frozen):
    """How answers files of an older bank version open in this one: ids that changed, and
    levels whose meaning changed.

    An id not named is unchanged; a `null` target means the answer or plan edit cannot be
    carried over (the question was split or all its levels changed meaning)."""

    from_version: NonEmpty
    questions: dict[str, Id | None] = Field(default_factory=dict)
    actions: dict[str, Id | None] = Field(default_factory=dict)
    changed_levels: dict[str, list[LevelInt]] = Field(
        default_factory=dict,
        description="Per question (by its old id), the old levels that now mean something else: "
        "an answer at one of them keeps its note but not its level, and is named as not "
        "carried over.",
    )


class Bank(_Frozen):
    """A validated question bank: dimensions in order, maturity scale and action library."""

    id: Id
    version: Version
    title: Text
    legal_status: dt.date | None = Field(
        default=None, description="The date the legal texts were last checked against the law."
    )
    maturity: list[Maturity]
    roles: list[OwnerRole]
    sources: list[Source] = Field(default_factory=list)
    dimensions: list[Dimension]
    actions: list[Action]
    migrations: list[Migration] = Field(default_factory=list)

    # Lookups by id, built once per bank: a bank is frozen, and pages and the planner look up
    # questions and actions inside loops.
    @cached_property
    def _dimensions(self) -> dict[str, Dimension]:
        return {d.id: d for d in self.dimensions}

    @cached_property
    def _questions(self) -> dict[str, tuple[Question, Dimension]]:
        return {q.id: (q, d) for d in self.dimensions for q in d.questions}

    @cached_property
    def _actions(self) -> dict[str, Action]:
        return {a.id: a for a in self.actions}

    @cached_property
    def _roles(self) -> dict[str, OwnerRole]:
        return {r.id: r for r in self.roles}

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    def dimension(self, dimension_id: str) -> Dimension:
        return self._dimensions[dimension_id]

    def question(self, question_id: str) -> Question:
        return self._questions[question_id][0]

    def questions_by_id(self) -> dict[str, Question]:
        """Every question by id, in bank order (a fresh dict the caller may change)."""
        return {qid: q for qid, (q, _) in self._questions.items()}

    def dimension_of(self, question_id: str) -> Dimension:
        return self._questions[question_id][1]

    def action(self, action_id: str) -> Action:
        return self._actions[action_id]

    def role(self, role_id: str) -> OwnerRole:
        return self._roles[role_id]

    def optional_roles(self) -> list[OwnerRole]:
        """The roles a municipality may lack: those with a stand-in (`otherwise`). A profile
        names which of them it has."""
        return [r for r in self.roles if r.otherwise is not None]

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def maturity_of(self, level: float) -> Maturity:
        """The named step a (possibly fractional) level has reached."""
        return self.maturity[min(int(level + 1e-9), MAX_LEVEL)]


# ---------------------------------------------------------------- a municipality's response

ANSWERS_FORMAT = "kommune-somemodenhed-answers"
SCHEMA_VERSION = 2
"""Version 2 (November 2026) adds "not_applicable", notes without a choice and the profile;
version 1 files are still read (their `"level": null` meant "don't know")."""


class Municipality(_Frozen):
    code: Annotated[int, Strict(), Field(ge=100, le=999)]
    name: MunicipalityName


class Respondent(_Frozen):
    name: Name = ""
    role: Role = ""


DONT_KNOW = "dont_know"
NOT_APPLICABLE = "not_applicable"
CHOICE_WORDS = (DONT_KNOW, NOT_APPLICABLE)


def _choice(value: object) -> int | str | None:
    """A level 0–4 (a real integer: not "3", 3.0 or true), one of the words, or None."""
    if value is None or value in CHOICE_WORDS:
        return value  # type: ignore[return-value]
    if type(value) is int and MIN_LEVEL <= value <= MAX_LEVEL:
        return value
    raise PydanticCustomError("level_range", "a level is 0–4, dont_know, not_applicable or null")


Choice = Annotated[
    int | str | None,
    PlainValidator(_choice),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": MIN_LEVEL, "maximum": MAX_LEVEL},
                {"enum": list(CHOICE_WORDS)},
                {"type": "null"},
            ]
        }
    ),
]
"""What is chosen for a question: a level 0–4, "dont_know", "not_applicable", or None (nothing
chosen yet). One validator, so a bad value gives one error at the field, not one per type."""


class Answer(_Frozen):
    """What someone said about one question, and their note.

    `level` is a level 0–4; "dont_know" (missing evidence, never a zero); "not_applicable"
    (the question does not fit the municipality: left out of the score, and shown); or None
    when nothing is chosen yet and only the note is kept (a note is never lost for want of a
    level).
    """

    level: Choice = None
    note: Note = ""

    @property
    def value(self) -> int | None:
        """The level as a number, or None for every answer without one."""
        return self.level if isinstance(self.level, int) else None

    @property
    def chosen(self) -> bool:
        """Whether a choice was made (a level, "don't know" or "not applicable")."""
        return self.level is not None

    @property
    def dont_know(self) -> bool:
        return self.level == DONT_KNOW

    @property
    def not_applicable(self) -> bool:
        return self.level == NOT_APPLICABLE


def _once_each(items: list[str]) -> list[str]:
    """A list that names nothing twice ("Facebook" and "facebook" are one platform)."""
    seen: set[str] = set()
    for item in items:
        if item.casefold() in seen:
            raise PydanticCustomError("duplicate_item", "{value} appears twice", {"value": item})
        seen.add(item.casefold())
    return items


OnceEach = AfterValidator(_once_each)
UNIQUE = {"uniqueItems": True}


class Profile(_Frozen):
    """A short description of the municipality's set-up, used to size its plan."""

    hours_per_week: Annotated[float, Field(ge=0, le=400, allow_inf_nan=False)] | None = Field(
        default=None, description="Hours a week the municipality spends on social media."
    )
    platforms: Annotated[list[Platform], OnceEach] = Field(
        default_factory=list,
        max_length=limits.MAX_PLATFORMS,
        description="The platforms it is on, each once.",
        json_schema_extra=UNIQUE,
    )
    recent_incident: bool | None = Field(
        default=None, description="A serious incident (a 'shitstorm') in the last 12 months."
    )
    roles: Annotated[list[Key], OnceEach] | None = Field(
        default=None,
        max_length=limits.MAX_ROLES,
        description="Ids of the bank's roles the municipality has, each once; None when not "
        "stated.",
        json_schema_extra=UNIQUE,
    )


Status = Literal["todo", "doing", "done"]


class PlanEdit(_Frozen):
    """What people changed in the action plan table; travels in the answers file."""

    owner: Owner = ""
    deadline: dt.date | None = None
    status: Status = "todo"
    dropped: bool = False


class Response(_Frozen):
    """One municipality's assessment: the contents of an answers file."""

    format: Literal["kommune-somemodenhed-answers"] = ANSWERS_FORMAT
    schema_version: Literal[2] = SCHEMA_VERSION
    bank_id: Id
    bank_version: Version
    municipality: Municipality
    respondent: Respondent = Respondent()
    profile: Profile = Profile()
    language: Lang = "da"
    created_at: AwareDatetime
    updated_at: AwareDatetime
    answers: dict[Key, Answer] = Field(default_factory=dict)
    targets: dict[Key, TargetFloat] = Field(default_factory=dict)
    plan_edits: dict[Key, PlanEdit] = Field(default_factory=dict)


# ---------------------------------------------------------------- results


class DimensionScore(_Frozen):
    dimension_id: str
    level: float | None = Field(description="Weighted mean of answered questions; None if none.")
    maturity: Maturity | None
    answered: int
    dont_know: int
    not_applicable: int = 0
    unanswered: int
    total: int
    target: float
    gap: float = Field(description="target − level, never below 0; the whole target if no level.")
    capped_by: list[str] = Field(
        default_factory=list, description="Critical questions below level 2 that cap the level."
    )


class Scorecard(_Frozen):
    bank_id: str
    dimensions: list[DimensionScore]
    overall: float | None
    overall_maturity: Maturity | None
    dont_know: list[str] = Field(description="Question ids answered 'don't know'.")
    not_applicable: list[str] = Field(
        default_factory=list, description="Question ids answered 'not applicable'."
    )
    unanswered: list[str]

    def dimension(self, dimension_id: str) -> DimensionScore:
        return next(d for d in self.dimensions if d.dimension_id == dimension_id)


Horizon = Literal["0-3", "3-6", "6-12"]
HORIZONS: tuple[Horizon, ...] = ("0-3", "3-6", "6-12")


Kind = Literal["step", "find_out", "incident"]
"""A next step up a question's ladder, finding out what a "don't know" hides, or recovering
from a recent incident."""


class PlannedAction(_Frozen):
    """One action in a municipality's plan. `action` is the bank's action with `owner_role`
    set to the role this municipality has."""

    rank: int
    action: Action
    kind: Kind = "step"
    dimension_id: str
    current_level: int | None = Field(description="The question's level; None if not known.")
    priority: float
    hours: float = Field(description="The estimated hours the action costs.")
    red_flag: bool = False
    quick_win: bool
    horizon: Horizon | None = Field(description="When in the next 12 months; None in the backlog.")
    after: list[str] = Field(default_factory=list, description="Planned prerequisites' ids.")
    finding: Text = Field(description="The question and what the answers say about it.")
    reason: Text = Field(description="Why the action has its rank and period, in words.")


class Capacity(_Frozen):
    """The hours a municipality can put into the plan over 12 months, and how they were got."""

    hours_per_week: float
    assumed: bool = Field(description="True when the profile gave no hours and a default is used.")
    yearly_hours: float
    period_hours: tuple[float, float, float]


class ActionPlan(_Frozen):
    actions: list[PlannedAction] = Field(description="The 12-month plan, in rank order.")
    backlog: list[PlannedAction] = Field(
        default_factory=list, description="What does not fit in 12 months, in rank order."
    )
    capacity: Capacity | None = None

    @property
    def hours(self) -> float:
        """The 12-month plan's estimated hours."""
        return sum(p.hours for p in self.actions)


class DimensionSpread(_Frozen):
    """How a workshop room's individual levels spread on one dimension."""

    dimension_id: str
    participants: int
    minimum: float
    median: float
    maximum: float


class QuestionCounts(_Frozen):
    """How a workshop room answered one question: people per level 0–4, "don't know" and "not
    applicable", and whether the room disagreed on it or mostly did not know."""

    question_id: str
    levels: list[int] = Field(min_length=len(LEVELS), max_length=len(LEVELS))
    dont_know: int
    not_applicable: int
    disputed: bool
    uncertain: bool


class RoomSpread(_Frozen):
    participants: int
    dimensions: list[DimensionSpread]
    questions: list[QuestionCounts] = Field(default_factory=list)
    """Per question, in bank order (empty for a spread made before they were kept)."""
