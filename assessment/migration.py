"""Open an answers file made with an older version of the bank: the one home of that rule.

A bank carries its id migrations as data (`questions/migrations/`); `migrate_answers` applies
the one for the file's bank version and says in one line, in the user's language, what could
not be carried over. The command line and the app's upload both call it before
`answers.check_answers`, so a file opens the same way in both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import t
from .models import Answer, Bank, Lang, Migration, PlanEdit, Response

SHOWN_IDS = 6
"""How many ids the notice names before it says "and N more"."""


@dataclass(frozen=True)
class Notice:
    """One line to show the user, in either language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: Lang = "da") -> str:
        return t(self.key, lang, **self.params)


def migrate_answers(bank: Bank, response: Response) -> tuple[Response, list[Notice]]:
    """The response as `bank` reads it, with a notice if it was moved from an older version.

    Unchanged when the file is of this version, of another bank, or of a version the bank has
    no migration for (which `check_answers` refuses)."""
    migration = next((m for m in bank.migrations if m.from_version == response.bank_version), None)
    if response.bank_id != bank.id or migration is None:
        return response, []
    answers, lost_answers = _answers(bank, migration, response.answers)
    edits, lost_edits = _edits(migration, response.plan_edits)
    moved = response.model_copy(
        update={"bank_version": bank.version, "answers": answers, "plan_edits": edits}
    )
    versions = {"old": migration.from_version, "new": bank.version}
    if not lost_answers and not lost_edits:
        return moved, [Notice("notice.migrated", versions)]
    lost = _names(lost_answers + lost_edits)
    counts = {"answers": len(lost_answers), "edits": len(lost_edits), "ids": lost}
    return moved, [Notice("notice.migrated_lost", {**versions, **counts})]


def _answers(
    bank: Bank, migration: Migration, old: dict[str, Answer]
) -> tuple[dict[str, Answer], list[str]]:
    """Answers under their new ids; lost: those without one, "not applicable" on a question
    that now always applies, and a level whose meaning changed (its note is kept, so the
    question reads as not yet answered, with the note)."""
    questions = bank.questions_by_id()
    kept: dict[str, Answer] = {}
    lost: list[str] = []
    for qid, answer in old.items():
        new = migration.questions.get(qid, qid)
        question = questions.get(new) if new is not None else None
        if new is None or (
            answer.not_applicable and question is not None and not question.not_applicable_when
        ):
            lost.append(qid)
            continue
        if answer.value is not None and answer.value in migration.changed_levels.get(qid, ()):
            lost.append(qid)
            if not answer.note:
                continue
            answer = Answer(note=answer.note)
        if new not in kept:
            kept[new] = answer
    return kept, lost


def _edits(migration: Migration, old: dict[str, PlanEdit]) -> tuple[dict[str, PlanEdit], list[str]]:
    """Plan edits under their new action ids; two old actions merged into one keep the first
    edit, and the other counts as not carried over."""
    kept: dict[str, PlanEdit] = {}
    lost: list[str] = []
    for aid, edit in old.items():
        new = migration.actions.get(aid, aid)
        if new is None or new in kept:
            lost.append(aid)
        else:
            kept[new] = edit
    return kept, lost


def _names(ids: list[str]) -> str:
    shown = ", ".join(ids[:SHOWN_IDS])
    return shown + (f" (+{len(ids) - SHOWN_IDS})" if len(ids) > SHOWN_IDS else "")
