"""The action plan as people edited it: the one home of that rule.

The planner ranks actions; people then name owners, set deadlines and a status, and drop what
they will not do. Every face of the plan (the editor, the PDF, the CSV and Excel tables, the
answers file's JSON and the command line) shows it through `edited_plan`, so they cannot
disagree: dropped actions leave the plan and the others are numbered 1, 2, 3 … again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from .models import ActionPlan, Lang, PlanEdit, PlannedAction, Status


@dataclass(frozen=True)
class PlanRow:
    """One planned action with what people changed in it."""

    planned: PlannedAction
    edit: PlanEdit
    number: int | None
    """Its place in the plan as edited (1, 2, 3 … over the kept actions); None if dropped."""

    @property
    def action_id(self) -> str:
        return self.planned.action.id

    @property
    def dropped(self) -> bool:
        return self.edit.dropped

    @property
    def deadline(self) -> dt.date | None:
        return self.edit.deadline

    @property
    def status(self) -> Status:
        return self.edit.status

    @property
    def owner_edited(self) -> bool:
        return bool(self.edit.owner.strip())

    def owner(self, lang: Lang) -> str:
        """The person people named, or else the role the action suggests."""
        return self.edit.owner.strip() or self.planned.action.owner_role(lang)


@dataclass(frozen=True)
class EditedPlan:
    rows: list[PlanRow]
    """Every planned action in the planner's order, dropped ones included (the editor shows
    them so they can be taken back)."""

    @property
    def kept(self) -> list[PlanRow]:
        return [r for r in self.rows if not r.dropped]

    @property
    def dropped(self) -> list[PlanRow]:
        return [r for r in self.rows if r.dropped]


def edited_plan(plan: ActionPlan, edits: Mapping[str, PlanEdit]) -> EditedPlan:
    """Join the plan with people's edits; edits of actions no longer planned are ignored."""
    rows: list[PlanRow] = []
    number = 0
    for planned in plan.actions:
        edit = edits.get(planned.action.id, PlanEdit())
        if not edit.dropped:
            number += 1
        rows.append(PlanRow(planned, edit, None if edit.dropped else number))
    return EditedPlan(rows)
