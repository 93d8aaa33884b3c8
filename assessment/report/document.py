"""The PDF report: what a municipality hands its director, built from computed results.

The report scores nothing and reads no files but its fonts: it takes the bank, the response,
the scorecard and the plan (and a workshop's spread, if any). `build_report` reads like the
table of contents: the director's brief (pages 1–2), the plan, then the appendix. The date is
passed in, so the same inputs always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import string

from ..edited_plan import edited_plan
from ..models import ActionPlan, Bank, Lang, Response, RoomSpread, Scorecard
from ..progress import Progress
from . import brief, details, plan_pages, room
from .pdf import ReportPDF
from .progress import progress_page
from .view import ReportView


def build_report(
    bank: Bank,
    response: Response,
    scorecard: Scorecard,
    plan: ActionPlan,
    lang: Lang,
    *,
    generated: dt.datetime,
    spread: RoomSpread | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The PDF report for one response, in `lang`, dated `generated`; with `progress`, a page
    on what changed since the round before follows the plan."""
    view = ReportView(
        bank, response, scorecard, plan, edited_plan(plan, response.plan_edits), lang,
        generated, spread,
    )  # fmt: skip
    title = f"{bank.title(lang)}: {response.municipality.name}"
    pdf = ReportPDF(lang, f"{response.municipality.name} · {bank.title(lang)}")
    pdf.set_creation_date(generated)
    pdf.set_title(title)
    pdf.set_subject(view.t("report.section.plan"))
    pdf.set_creator(f"{bank.id} {bank.version}")

    brief.brief(pdf, view)
    brief.decision(pdf, view)
    plan_pages.plan(pdf, view)
    if progress is not None:
        progress_page(pdf, view, progress)
    letters = iter(string.ascii_uppercase)

    def appendix(key: str) -> str:
        return view.t("report.appendix", letter=next(letters), name=view.t(key))

    plan_pages.backlog(pdf, view, appendix("report.section.backlog"))
    details.charts(pdf, view, appendix("report.section.charts"))
    if spread is not None:
        details.room_spread(pdf, view, spread)
        if spread.questions:  # a workshop's: every question's counts as an appendix of its own
            room.question_spread(pdf, bank, spread, lang, appendix("report.room.title"))
    details.areas(pdf, view, appendix("report.section.dimensions"))
    details.answers(pdf, view, appendix("report.section.answers"))
    return bytes(pdf.output())
