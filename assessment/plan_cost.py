"""What the plan costs, in the words the PDF's brief and the plan page both use: the three
priorities' hours, the whole plan's hours against the year's budget and what the budget rests
on. It counts the plan as people edited it (dropped actions out)."""

from __future__ import annotations

from .capacity import DEVELOPMENT_SHARE
from .edited_plan import EditedPlan
from .i18n import fmt_number, t, tn
from .models import ActionPlan, Lang

PRIORITIES = 3
"""How many actions the brief puts first."""


def cost_text(plan: ActionPlan, edited: EditedPlan, lang: Lang) -> str:
    """The cost paragraph for `plan` as `edited`."""
    kept, cap = edited.kept, plan.capacity

    def hours(value: float) -> str:
        return fmt_number(value, lang, 0)

    text = tn(
        "report.cost_text",
        len(kept),
        lang,
        hours=hours(sum(row.planned.hours for row in kept)),
        budget=hours(cap.yearly_hours) if cap else "–",
    )
    if len(kept) > PRIORITIES:
        top = sum(row.planned.hours for row in kept[:PRIORITIES])
        text = t("report.cost_top", lang, top=hours(top)) + " " + text
    if cap is not None:
        key = "report.cost_basis_assumed" if cap.assumed else "report.cost_basis"
        share = fmt_number(DEVELOPMENT_SHARE * 100, lang, 0)
        text += " " + t(key, lang, weekly=fmt_number(cap.hours_per_week, lang), share=share)
    return text
