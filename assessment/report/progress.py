"""The report's progress page: what changed since the round before, for a director who asks
"are we getting better?". Written only when the assessment has a round before it."""

from __future__ import annotations

from ..charts import chart_png
from ..progress import Progress, QuestionChange, action_title
from ..progress_charts import rounds_radar
from .details import place_image
from .pdf import MUTED, ReportPDF
from .view import ReportView, clip

SHOWN_DONE = 12
"""Actions named on the page; more are counted, not listed."""


def progress_page(pdf: ReportPDF, view: ReportView, progress: Progress) -> None:
    """The rounds on one radar, the change per area, the questions that moved most, and the
    plan actions done since the round before began."""
    pdf.add_page()
    pdf.heading(view.t("report.section.progress"))
    before, now = progress.rounds[-2], progress.rounds[-1]
    pdf.para(
        view.t(
            "report.progress_intro",
            number=len(progress.rounds),
            now=view.date(now.day),
            before=view.date(before.day),
        ),
        after=2,
    )
    if progress.unconfirmed:
        pdf.para(view.t("report.progress_unconfirmed", count=progress.unconfirmed), colour=MUTED)
    radar = rounds_radar(view.bank, progress, view.lang)
    place_image(pdf, chart_png(radar), width=105, alt=view.t("chart.rounds_title"))
    pdf.ln(2)
    _area_table(pdf, view, progress)
    _moved(pdf, view, "report.progress_improved", progress.improved)
    _moved(pdf, view, "report.progress_fallen", progress.fallen)
    pdf.label(view.t("report.progress_done", count=len(progress.done)))
    if not progress.done:
        pdf.para(view.t("report.progress_none_done"))
    for action_id in progress.done[:SHOWN_DONE]:
        pdf.bullet(clip(action_title(view.bank, action_id, view.lang)))
    if len(progress.done) > SHOWN_DONE:
        pdf.para(view.t("report.progress_more", count=len(progress.done) - SHOWN_DONE))


def _area_table(pdf: ReportPDF, view: ReportView, progress: Progress) -> None:
    with pdf.table(
        col_widths=(80, 30, 30, 30),
        text_align=("LEFT", "CENTER", "CENTER", "CENTER"),
        **pdf.table_style(),
    ) as table:
        table.row([view.t(f"report.col.{c}") for c in ("dimension", "before", "now", "change")])
        for change in [*progress.areas, progress.overall]:
            name = (
                view.t("report.progress_overall")
                if change.id == "overall"
                else view.bank.dimension(change.id).name(view.lang)
            )
            table.row(
                [
                    name,
                    _level(view, change.before),
                    _level(view, change.after),
                    _delta(view, change.delta),
                ]
            )
    pdf.plain()


def _moved(pdf: ReportPDF, view: ReportView, key: str, changes: list[QuestionChange]) -> None:
    pdf.label(view.t(key))
    if not changes:
        pdf.para(view.t("report.progress_no_change"))
    for c in changes:
        title = view.bank.question(c.question_id).title(view.lang)
        detail = view.t("report.progress_levels", before=c.before, after=c.after)
        if c.carried:
            detail += " · " + view.t("report.progress_carried")
        pdf.bullet(title, detail=detail)


def _level(view: ReportView, value: float | None) -> str:
    return view.number(value) if value is not None else "–"


def _delta(view: ReportView, value: float | None) -> str:
    if value is None:
        return "–"
    return ("+" if value > 0 else "") + view.number(value) if value else "±0"
