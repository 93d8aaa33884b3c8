"""Downloads: the PDF action plan, the answers file, and answers and plan as CSV or Excel.

Files are made when the button is pressed (a callable), from the record this run read.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.answers import dump_answers
from assessment.models import Response
from assessment.report import report_for
from assessment.tables import answers_table, plan_table, to_csv, to_excel
from assessment.workspace.rounds import history, progress_of

from . import solo
from .context import bank, engine, lang, tr

PDF = "application/pdf"
JSON = "application/json"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_stem(value: Response) -> str:
    """`somemodenhed-holbaek-2026-11-25`: plain ASCII, safe in e-mail and document systems."""
    name = unicodedata.normalize("NFKD", value.municipality.name.lower().replace("æ", "ae"))
    name = name.replace("ø", "oe").replace("å", "aa")
    ascii_name = "".join(c if c.isascii() and c.isalnum() else "-" for c in name).strip("-")
    return f"somemodenhed-{ascii_name or 'kommune'}-{value.updated_at:%Y-%m-%d}"


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    current = lang()
    response = view.record.response.model_copy(update={"language": current})
    b = bank()
    _, action_plan = solo.scored(response)
    stem = file_stem(response)
    st.header(tr("ui.step.downloads"))
    st.markdown(tr("ui.e.intro"))
    answers = lambda: answers_table(b, response, current)  # noqa: E731 - built only on click
    actions = lambda: plan_table(b, action_plan, response, current)  # noqa: E731
    sheets = (tr("ui.e.sheet_answers"), tr("ui.e.sheet_plan"))
    door = view.door

    def pdf() -> bytes:
        return report_for(
            b,
            response,
            current,
            generated=dt.datetime.now(dt.UTC),
            progress=progress_of(b, history(engine(), door)),
        )

    _download(st, "ui.e.pdf", pdf, f"{stem}.pdf", PDF, primary=True)
    _download(st, "ui.e.json", lambda: dump_answers(response), f"{stem}.json", JSON)
    col1, col2, col3 = st.columns(3)
    suffix = tr("ui.e.suffix_answers"), tr("ui.e.suffix_plan")
    _download(col1, "ui.e.csv_answers", lambda: to_csv(answers()), f"{stem}-{suffix[0]}.csv", CSV)
    _download(col2, "ui.e.csv_plan", lambda: to_csv(actions()), f"{stem}-{suffix[1]}.csv", CSV)
    _download(
        col3,
        "ui.e.xlsx",
        lambda: to_excel(dict(zip(sheets, (answers(), actions()), strict=True))),
        f"{stem}.xlsx",
        XLSX,
    )
    view.finish()


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
