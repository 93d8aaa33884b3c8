"""Answers and action plan as tables, for people who work in spreadsheets (CSV and Excel).

User text is neutralised before it reaches a spreadsheet: a note that begins with `=` would
otherwise run as a formula when the file is opened. The writers here (`rows_to_csv`, `to_csv`,
`to_excel`) neutralise every text cell themselves, so no caller can forget, and `to_excel` turns
what Excel's file format cannot hold (time zones, control characters) into what it can.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from .edited_plan import edited_plan
from .i18n import t
from .models import ActionPlan, Bank, Lang, Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠")
"""OWASP's list (`= + - @`, tab, carriage return), line feed and NUL (ASVS 5.0 1.2.10), and
the full-width `＝ ＋ － ＠`, which spreadsheets in East Asian locales may read as the ASCII
signs: we could not check Excel's behaviour, so they count as formula starts too."""
_LEADING_SPACE = " \u00a0\u3000"
"""Spaces a spreadsheet may skip before it looks for a formula sign."""
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters an .xlsx file (XML 1.0) cannot hold; openpyxl refuses the whole file for one."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def neutralise_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading `'` (OWASP CSV injection)."""
    return "'" + text if text.lstrip(_LEADING_SPACE).startswith(FORMULA_STARTS) else text


def _text_cell(text: str) -> str:
    """A text cell any spreadsheet writer accepts: whole characters, never a formula."""
    return neutralise_formula(_SURROGATE.sub("\ufffd", text))


def _excel_cell(value: object) -> object:
    """A cell as Excel can hold it: text without control characters, times without a zone
    (converted to UTC first, so the clock time is still right), everything else as it is."""
    if isinstance(value, str):
        return _text_cell(_NOT_IN_XML.sub("", value))
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, dt.time) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


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
    """CSV that Danish Excel opens as it is: `;` between cells and a UTF-8 byte-order mark;
    every text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([_text_cell(c) for c in columns])
    writer.writerows([_text_cell(c) if isinstance(c, str) else c for c in row] for row in rows)
    return out.getvalue().encode("utf-8-sig")


def to_csv(frame: pd.DataFrame) -> bytes:
    """A table (answers or plan) as Danish-Excel CSV."""
    return rows_to_csv(list(frame.columns), frame.itertuples(index=False))


def to_excel(sheets: dict[str, pd.DataFrame]) -> bytes:
    """One workbook with a sheet per table; never fails on what people typed or on aware times
    (a workshop's `updated_at`): those are written in UTC without the zone."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _excel_frame(frame).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def _excel_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if isinstance(series.dtype, pd.DatetimeTZDtype):
            out[column] = series.dt.tz_convert("UTC").dt.tz_localize(None)
        elif pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            out[column] = series.map(_excel_cell)
    out.columns = [_excel_cell(c) for c in out.columns]
    return out
