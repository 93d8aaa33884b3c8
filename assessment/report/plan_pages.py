"""The plan as people edited it, and the backlog: what to do, why, and what done looks like.

Each kept action is a block: its number after drops (from `edited_plan`), title, owner,
deadline, status and hours, then what to do, why (the question and the finding) and the
evidence that it is done. The backlog goes to the appendix as one line per action.
"""

from __future__ import annotations

from ..edited_plan import PlanRow
from .pdf import ACCENT, MUTED, WARN, ReportPDF
from .view import ReportView

KEEP_ACTION = 34.0
"""Millimetres an action's block needs to start on a page rather than split after its title."""


def plan(pdf: ReportPDF, view: ReportView) -> None:
    """Every kept action in the planner's order, numbered 1, 2, 3 … after drops."""
    pdf.add_page()
    pdf.heading(view.t("report.section.plan"))
    intro = view.t("report.plan_intro")
    dropped = len(view.edited.dropped)
    if dropped:
        key = "report.dropped_one" if dropped == 1 else "report.dropped_many"
        intro += " " + view.t(key, count=dropped)
    pdf.para(intro, after=3)
    if not view.edited.kept:
        pdf.para(view.t("report.no_actions"))
    for row in view.edited.kept:
        _action(pdf, view, row)


def _action(pdf: ReportPDF, view: ReportView, row: PlanRow) -> None:
    p, lang = row.planned, view.lang
    pdf.keep(KEEP_ACTION)
    marks = []
    if p.red_flag:
        marks.append(view.t("report.red_flag_mark"))
    if p.quick_win:
        marks.append(view.t("report.quick_win_mark"))
    title = f"{row.number}. {p.action.title(lang)}"
    pdf.para(title, size=11, bold=True, colour=WARN if p.red_flag else ACCENT, after=0.5)
    facts = view.t(
        "report.action_facts",
        owner=view.owner(row),
        deadline=view.deadline(row),
        status=view.t(f"report.status.{row.status}"),
        hours=view.hours(p.hours),
        area=view.bank.dimension(p.dimension_id).name(lang),
    )
    pdf.para(" · ".join([facts, *marks]), size=8.5, colour=MUTED, after=1)
    for label, text in (
        ("report.label.do", p.action.description(lang)),
        ("report.label.why", p.reason(lang)),
        ("report.label.done", p.action.done_when(lang)),
    ):
        pdf.labelled(view.t(label), text)
    pdf.ln(2.5)


def backlog(pdf: ReportPDF, view: ReportView, heading: str) -> None:
    """What the hours do not stretch to in 12 months, in the order to take it later."""
    pdf.add_page()
    pdf.heading(heading)
    if not view.plan.backlog:
        pdf.para(view.t("report.no_backlog"))
        return
    pdf.para(view.t("report.backlog_intro"), after=3)
    for p in view.plan.backlog:
        line = view.t(
            "report.backlog_line",
            title=p.action.title(view.lang),
            area=view.bank.dimension(p.dimension_id).name(view.lang),
            hours=view.hours(p.hours),
        )
        pdf.bullet(line, size=9)
