"""Downloads: the PDF action plan, the answers file, and answers and plan as CSV or Excel."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assessment.answers import dump_answers
from assessment.models import Bank, Lang, Response
from assessment.planning import plan
from assessment.report import build_report
from assessment.scoring import score
from assessment.tables import answers_table, plan_table, to_csv, to_excel

from . import state
from .state import tr


def pdf_bytes(bank: Bank, value: Response, lang: Lang) -> bytes:
    """The PDF for a response. Runs outside the script (on click), so it touches no session."""
    card = score(bank, value)
    return build_report(
        bank, value, card, plan(bank, card, value), lang, generated=dt.datetime.now(dt.UTC)
    )


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
    # The PDF is made on click (a callable), not on every rerun; the closure holds the data.
    st.download_button(
        tr("ui.e.pdf"),
        data=lambda: pdf_bytes(bank, response, lang),
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        key="e.pdf",
        type="primary",
        on_click="ignore",
    )
    st.download_button(
        tr("ui.e.json"),
        data=dump_answers(response),
        file_name=f"{stem}.json",
        mime="application/json",
        key="e.json",
        on_click="ignore",
    )
    answers = answers_table(bank, response, lang)
    actions = plan_table(bank, action_plan, response, lang)
    sheets = {tr("ui.e.sheet_answers"): answers, tr("ui.e.sheet_plan"): actions}
    col1, col2, col3 = st.columns(3)
    col1.download_button(
        tr("ui.e.csv_answers"),
        data=to_csv(answers),
        file_name=f"{stem}-svar.csv",
        mime="text/csv",
        key="e.csv_answers",
        on_click="ignore",
    )
    col2.download_button(
        tr("ui.e.csv_plan"),
        data=to_csv(actions),
        file_name=f"{stem}-plan.csv",
        mime="text/csv",
        key="e.csv_plan",
        on_click="ignore",
    )
    col3.download_button(
        tr("ui.e.xlsx"),
        data=lambda: to_excel(sheets),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="e.xlsx",
        on_click="ignore",
    )
