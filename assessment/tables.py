"""Answers and action plan as tables, for people who work in spreadsheets (CSV and Excel).

User text is neutralised before it reaches a spreadsheet: a note that begins with `=` would
otherwise run as a formula when the file is opened.
"""

from __future__ import annotations

import io

import pandas as pd

from .i18n import t
from .models import ActionPlan, Bank, Lang, Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Prefix a quote to text a spreadsheet would read as a formula (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answers_table(bank: Bank, response: Response, lang: Lang) -> pd.DataFrame:
    """One row per question: dimension, question, chosen level and its description, note."""
    rows = []
    for dim in bank.dimensions:
        for q in dim.questions:
            answer = response.answers.get(q.id)
            if answer is None:
                level, described = "", t("ui.not_answered", lang)
            elif answer.level is None:
                level, described = "", t("ui.dont_know", lang)
            else:
                level, described = answer.level, q.levels[answer.level](lang)
            rows.append(
                {
                    t("table.dimension", lang): dim.name(lang),
                    t("table.question_id", lang): q.id,
                    t("table.question", lang): q.text(lang),
                    t("table.level", lang): level,
                    t("table.level_text", lang): described,
                    t("table.note", lang): neutralise(answer.note if answer else ""),
                }
            )
    return pd.DataFrame(rows)


def plan_table(bank: Bank, plan: ActionPlan, response: Response, lang: Lang) -> pd.DataFrame:
    """The action plan with people's edits (owner, deadline, status); dropped actions left out."""
    rows = []
    for p in plan.actions:
        edit = response.plan_edits.get(p.action.id)
        if edit and edit.dropped:
            continue
        rows.append(
            {
                t("table.rank", lang): p.rank,
                t("table.action", lang): p.action.title(lang),
                t("table.dimension", lang): bank.dimension(p.dimension_id).name(lang),
                t("table.quick_win", lang): t("ui.yes", lang) if p.quick_win else "",
                t("table.effort", lang): t(f"plan.effort.{p.action.effort.value}", lang),
                t("table.impact", lang): p.action.impact,
                t("table.horizon", lang): t("table.months", lang, horizon=p.horizon),
                t("table.owner", lang): neutralise(edit.owner if edit and edit.owner else "")
                or p.action.owner_role(lang),
                t("table.deadline", lang): edit.deadline.isoformat()
                if edit and edit.deadline
                else "",
                t("table.status", lang): t(f"ui.status.{edit.status if edit else 'todo'}", lang),
                t("table.description", lang): p.action.description(lang),
                t("table.why", lang): p.reason(lang),
            }
        )
    return pd.DataFrame(rows)


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV that Danish Excel opens correctly: UTF-8 with BOM and semicolons."""
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def to_excel(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One workbook with a sheet per table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()
