"""Downloads: the PDF action plan, the answers file, and answers and plan as CSV or Excel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.answers import dump_answers
from assessment.models import Bank, Lang, Response, RoomSpread
from assessment.planning import plan
from assessment.report import build_report
from assessment.scoring import score
from assessment.tables import answers_table, plan_table, to_csv, to_excel

from . import state
from .state import tr


def pdf_bytes(bank: Bank, value: Response, lang: Lang, spread: RoomSpread | None = None) -> bytes:
    """The PDF for a response (and a workshop room's spread). Runs outside the script, on
    click, so it touches no session."""
    card = score(bank, value)
    return build_report(
        bank,
        value,
        card,
        plan(bank, card, value),
        lang,
        generated=dt.datetime.now(dt.UTC),
        spread=spread,
    )


PDF = "application/pdf"
JSON = "application/json"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_stem(value: Response) -> str:
    name = "".join(c if c.isalnum() else "-" for c in value.municipality.name.lower())
    return f"somemodenhed-{name}-{value.updated_at:%Y-%m-%d}"


def render() -> None:
    response = state.require_response()
    if response is None:
        return
    lang = state.lang()
    bank = state.bank()
    _, action_plan = state.scored(response)
    stem = _file_stem(response)
    st.header(tr("ui.step.export"))
    st.markdown(tr("ui.e.intro"))
    # Files are made on click (callables), not on every rerun; the closures hold the data.
    answers = lambda: answers_table(bank, response, lang)  # noqa: E731 - built only on click
    actions = lambda: plan_table(bank, action_plan, response, lang)  # noqa: E731
    sheets = (tr("ui.e.sheet_answers"), tr("ui.e.sheet_plan"))
    pdf = lambda: pdf_bytes(bank, response, lang)  # noqa: E731
    _download(st, "ui.e.pdf", pdf, f"{stem}.pdf", PDF, primary=True)
    _download(st, "ui.e.json", lambda: dump_answers(response), f"{stem}.json", JSON)
    col1, col2, col3 = st.columns(3)
    _download(col1, "ui.e.csv_answers", lambda: to_csv(answers()), f"{stem}-svar.csv", CSV)
    _download(col2, "ui.e.csv_plan", lambda: to_csv(actions()), f"{stem}-plan.csv", CSV)
    _download(
        col3,
        "ui.e.xlsx",
        lambda: to_excel(dict(zip(sheets, (answers(), actions()), strict=True))),
        f"{stem}.xlsx",
        XLSX,
    )


def _download(
    where: Any,
    label: str,
    data: Callable[[], bytes | str],
    file_name: str,
    mime: str,
    *,
    primary: bool = False,
) -> None:
    """A download button keyed by its label (`ui.e.pdf` → `e.pdf`)."""
    where.download_button(
        tr(label),
        data=data,
        file_name=file_name,
        mime=mime,
        key=label.removeprefix("ui."),
        type="primary" if primary else "secondary",
        on_click="ignore",
    )
