"""Answers and action plan as tables, for people who work in spreadsheets (CSV and Excel).

User text is neutralised before it reaches a spreadsheet: a note that begins with `=` would
otherwise run as a formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

import pandas as pd

from .edited_plan import edited_plan
from .i18n import t
from .models import ActionPlan, Bank, Lang, Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading `'` (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def answers_table(bank: Bank, response: Response, lang: Lang) -> pd.DataFrame:
    """One row per question: dimension, question, chosen level and its description, note."""
    rows = []
    for dim in bank.dimensions:
        for q in dim.questions:
            answer = response.answers.get(q.id)
            level: int | str = ""
            if answer is None or not answer.chosen:
                described = t("ui.not_answered", lang)
            elif answer.dont_know:
                described = t("ui.dont_know", lang)
            elif answer.not_applicable:
                described = t("ui.not_applicable", lang)
            else:
                level = answer.value or 0
                described = q.levels[level](lang)
            rows.append(
                {
                    t("table.dimension", lang): dim.name(lang),
                    t("table.question_id", lang): q.id,
                    t("table.question", lang): q.text(lang),
                    t("table.level", lang): level,
                    t("table.level_text", lang): described,
                    t("table.note", lang): neutralise_formula(answer.note if answer else ""),
                }
            )
    return pd.DataFrame(rows)


def plan_table(bank: Bank, plan: ActionPlan, response: Response, lang: Lang) -> pd.DataFrame:
    """The action plan as people edited it (owner, deadline, status); dropped actions left out
    and the rest numbered again."""
    rows = []
    for row in edited_plan(plan, response.plan_edits).kept:
        p = row.planned
        rows.append(
            {
                t("table.rank", lang): row.number,
                t("table.action", lang): p.action.title(lang),
                t("table.dimension", lang): bank.dimension(p.dimension_id).name(lang),
                t("table.quick_win", lang): t("ui.yes", lang) if p.quick_win else "",
                t("table.effort", lang): t(f"plan.effort.{p.action.effort.value}", lang),
                t("table.impact", lang): p.action.impact,
                t("table.horizon", lang): t("table.months", lang, horizon=p.horizon),
                t("table.owner", lang): neutralise_formula(row.owner(lang)),
                t("table.deadline", lang): row.deadline.isoformat() if row.deadline else "",
                t("table.status", lang): t(f"ui.status.{row.status}", lang),
                t("table.description", lang): p.action.description(lang),
                t("table.why", lang): p.reason(lang),
            }
        )
    return pd.DataFrame(rows)


def rows_to_csv(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """CSV that Danish Excel opens as it is: `;` between cells and a UTF-8 byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def to_csv(frame: pd.DataFrame) -> bytes:
    """A table (answers or plan) as Danish-Excel CSV."""
    return rows_to_csv(list(frame.columns), frame.itertuples(index=False))


def to_excel(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One workbook with a sheet per table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()
