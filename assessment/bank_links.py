"""The checks across a bank's files: ids, links between actions, questions, roles and sources,
full coverage of the ladders, and migrations that point at what this version has.

Each file is validated on its own first (`bank.py`); these checks see the whole bank and
report every broken link with the file and path where it was written.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .messages import Phrase
from .models import LEVELS, ActionEntry, Dimension, Lang, Migration, Role, Source

FIND_OUT = "find-out"
"""The last part of the ids the planner gives its find-out actions (`crisis.plan.find-out`);
a bank's own actions may not use it."""


@dataclass(frozen=True)
class Problem:
    """One problem in a bank: the file, the path of the field in it, and what is wrong, said
    in the user's language (`error.bank.…`)."""

    file: str
    path: str
    message: Phrase

    def text(self, lang: Lang = "en") -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.message(lang)}"

    def __str__(self) -> str:
        return self.text("en")


def said(name: str, /, **params: object) -> Phrase:
    """A problem's message: `error.bank.<key>` with its params."""
    return Phrase(f"error.bank.{name}", params)


@dataclass(frozen=True)
class Content:
    """A bank's parts as read from its files, before they become a `Bank`."""

    dimensions: list[tuple[str, Dimension]]
    """Each dimension with its file."""
    actions: list[ActionEntry]
    action_at: dict[str, tuple[str, str]]
    """Action id → (file, path) where it was first written."""
    declared: set[str]
    """Question ids as written, valid or not: an action on a broken question is not reported
    again as pointing at an unknown one."""
    roles: list[Role]
    sources: list[Source]
    migrations: list[tuple[str, Migration]]
    """Each migration with its file."""


def check_links(content: Content, mfile: str, version: str) -> list[Problem]:
    """Every cross-file problem in `content`; `mfile` is the manifest's file name."""
    problems: list[Problem] = []
    questions = _question_ids([d for _, d in content.dimensions], mfile, problems)
    problems += _check_roles(content.roles, mfile)
    problems += _check_sources(content, mfile)
    problems += _check_actions(content, questions, mfile)
    problems += _check_migrations(content, questions, version)
    return problems


def _question_ids(dimensions: list[Dimension], mfile: str, problems: list[Problem]) -> set[str]:
    seen_dims: set[str] = set()
    questions: set[str] = set()
    for dim in dimensions:
        if dim.id in seen_dims:
            problems.append(Problem(mfile, "dimensions", said("dimension_twice", id=dim.id)))
        seen_dims.add(dim.id)
        for q in dim.questions:
            if q.id in questions:
                problems.append(Problem(mfile, "dimensions", said("question_twice", id=q.id)))
            questions.add(q.id)
    return questions


def _check_roles(roles: list[Role], mfile: str) -> list[Problem]:
    """Unique ids; `otherwise` names a role; following `otherwise` always ends."""
    problems: list[Problem] = []
    by_id: dict[str, Role] = {}
    for i, role in enumerate(roles):
        if role.id in by_id:
            problems.append(Problem(mfile, f"roles[{i}].id", said("role_twice", id=role.id)))
        by_id[role.id] = role
    for i, role in enumerate(roles):
        if role.otherwise is not None and role.otherwise not in by_id:
            problems.append(
                Problem(mfile, f"roles[{i}].otherwise", said("unknown_role", id=role.otherwise))
            )
    for start in _cycles({r.id: [r.otherwise] if r.otherwise else [] for r in roles}):
        i = next(i for i, r in enumerate(roles) if r.id == start)
        problems.append(Problem(mfile, f"roles[{i}].otherwise", said("role_cycle", id=start)))
    return problems


def _check_sources(content: Content, mfile: str) -> list[Problem]:
    problems: list[Problem] = []
    ids: set[str] = set()
    for source in content.sources:
        if source.id in ids:
            problems.append(Problem(mfile, "sources", said("source_twice", id=source.id)))
        ids.add(source.id)
    for file, dim in content.dimensions:
        for i, q in enumerate(dim.questions):
            for j, sid in enumerate(q.sources):
                if sid not in ids:
                    where = f"questions[{i}].sources[{j}]"
                    problems.append(Problem(file, where, said("unknown_source", id=sid)))
    return problems


def _check_actions(content: Content, questions: set[str], mfile: str) -> list[Problem]:
    """Unique ids, real questions, owners and prerequisites, no cycles, full coverage."""
    problems: list[Problem] = []

    def at(action_id: str, field: str, message: Phrase) -> Problem:
        file, path = content.action_at[action_id]
        return Problem(file, f"{path}.{field}", message)

    roles = {r.id for r in content.roles}
    action_ids = {a.id for a in content.actions}
    by_id: dict[str, ActionEntry] = {}
    for act in content.actions:
        if act.id in by_id:
            problems.append(at(act.id, "id", said("action_twice", id=act.id)))
        by_id[act.id] = act
        if act.id.rsplit(".", 1)[-1] == FIND_OUT:
            problems.append(at(act.id, "id", said("find_out", suffix=f".{FIND_OUT}")))
        if act.question not in content.declared:
            problems.append(at(act.id, "question", said("unknown_question", id=act.question)))
        if act.owner not in roles:
            problems.append(at(act.id, "owner", said("unknown_role", id=act.owner)))
        if act.incident == (act.from_level is not None):
            problems.append(at(act.id, "from_level", said("level_or_incident")))
        for j, req in enumerate(act.requires):
            if req not in action_ids:
                problems.append(at(act.id, f"requires[{j}]", said("unknown_action", id=req)))
    requires = {aid: a.requires for aid, a in by_id.items()}
    for start in _cycles(requires):
        problems.append(at(start, "requires", said("requires_cycle", id=start)))
    covered = {(a.question, a.from_level) for a in content.actions if not a.incident}
    for qid in sorted(questions):
        missing = [lvl for lvl in LEVELS[:-1] if (qid, lvl) not in covered]
        if missing:
            problems.append(
                Problem(mfile, "actions", said("no_step", id=qid, levels=_levels(missing)))
            )
    return problems


def _check_migrations(content: Content, questions: set[str], version: str) -> list[Problem]:
    """A migration comes from another version and points only at ids this version has."""
    problems: list[Problem] = []
    actions = {a.id for a in content.actions}
    for file, migration in content.migrations:
        if migration.from_version == version:
            problems.append(Problem(file, "from_version", said("own_version")))
        targets: list[tuple[str, Mapping[str, str | None], set[str], str]] = [
            ("questions", migration.questions, questions, "unknown_question"),
            ("actions", migration.actions, actions, "unknown_action"),
        ]
        for field, moves, known, what in targets:
            for old, new in moves.items():
                if new is not None and new not in known:
                    problems.append(Problem(file, f"{field}.{old}", said(what, id=new)))
    return problems


def _levels(levels: list[int]) -> str:
    return ", ".join(str(level) for level in levels)


def _cycles(edges: Mapping[str, list[str]]) -> list[str]:
    """Ids that start a cycle (one per cycle found) in a graph given as id → ids it points at."""
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    found: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        for nxt in edges[node]:
            if nxt not in edges:
                continue
            if state.get(nxt) == 1:
                found.append(nxt)
            elif nxt not in state:
                visit(nxt)
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found
