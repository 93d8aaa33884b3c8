"""Pages 1–2 of the report: the brief a municipal director reads and signs.

Page 1 says where the municipality stands, the red flags, the three priorities and what they
cost in hours; page 2 the decision asked for and a sign-off block. Everything after it is the
plan and its appendix, so a director who reads two pages has read what matters.
"""

from __future__ import annotations

from ..models import MAX_LEVEL
from ..plan_cost import PRIORITIES, cost_text
from .pdf import ACCENT, LINE, MUTED, WARN, ReportPDF
from .view import ReportView

SIGN_FIELDS = ("name", "title", "date", "signature")


def brief(pdf: ReportPDF, view: ReportView) -> None:
    """Where we stand, red flags, the three priorities and their cost (page 1)."""
    pdf.add_page()
    pdf.start_section(view.t("report.section.brief"))
    pdf.para(view.t("report.section.brief"), size=10, bold=True, colour=ACCENT, after=1)
    pdf.para(view.response.municipality.name, size=24, bold=True, after=1)
    title = view.bank.title(view.lang)
    subtitle = view.t("report.brief_subtitle", title=title, date=view.date(view.today))
    who = view.response.respondent
    names = ", ".join(part for part in (who.name, who.role) if part)
    if names:
        subtitle += " " + view.t("report.respondent", names=names)
    pdf.para(subtitle, colour=MUTED, after=4)
    _standing(pdf, view)
    _red_flags(pdf, view)
    _priorities(pdf, view)
    _cost(pdf, view)


def decision(pdf: ReportPDF, view: ReportView) -> None:
    """What the executive board is asked to decide, and where it signs (page 2)."""
    pdf.add_page()
    pdf.heading(view.t("report.section.decision"))
    kept = view.edited.kept
    hours = sum(row.planned.hours for row in kept)
    points = [view.tn("report.decide.approve", len(kept), hours=view.hours(hours))]
    points.append(view.t("report.decide.owners"))
    if any(row.planned.red_flag for row in kept):
        points.append(view.t("report.decide.stop"))
    points.append(view.t("report.decide.follow_up", date=view.follow_up()))
    for number, point in enumerate(points, start=1):
        pdf.bullet(point, mark=f"{number}.")
    pdf.ln(6)
    pdf.label(view.t("report.signoff"))
    pdf.para(view.t("report.signoff_text", municipality=view.response.municipality.name))
    pdf.ln(4)
    for name in SIGN_FIELDS:
        pdf.sign_line(view.t(f"report.sign.{name}"))
    pdf.set_y(pdf.page_break_trigger - 16)
    status = view.bank.legal_status
    legal = view.t("report.legal_status", date=view.date(status)) if status else ""
    line = view.t("report.bank", id=view.bank.id, version=view.bank.version)
    pdf.para(f"{line} {legal}".strip(), size=8, colour=MUTED, after=0)


def _standing(pdf: ReportPDF, view: ReportView) -> None:
    card = view.card
    pdf.label(view.t("report.standing"))
    if card.overall is None or card.overall_maturity is None:
        pdf.para(view.t("report.no_level"), after=2)
    else:
        maturity = card.overall_maturity.name(view.lang)
        level = view.number(card.overall)
        pdf.para(
            view.t(
                "report.summary_intro",
                municipality=view.response.municipality.name,
                level=level,
                top=MAX_LEVEL,
                maturity=maturity,
            ),
            after=2,
        )
    _levels_table(pdf, view)
    evidence = _evidence(view)
    if evidence:
        pdf.para(evidence, size=9, colour=MUTED)


def _evidence(view: ReportView) -> str:
    """What the level leaves out ("don't know", unanswered, not applicable), and what the plan
    does about it, said only where it is true: the find-out steps are named by their numbers,
    and said to come first only when they do; unanswered questions get no step."""
    card = view.card
    counts = {
        "dont_know": len(card.dont_know),
        "unanswered": len(card.unanswered),
        "not_applicable": len(card.not_applicable),
    }
    parts = [view.tn(f"report.evidence.{kind}", n) for kind, n in counts.items() if n]
    if not parts:
        return ""
    text = [view.list(parts) + ".", view.tn("report.evidence.left_out", sum(counts.values()))]
    numbers = [row.number for row in view.edited.kept if row.planned.kind == "find_out"]
    if numbers:
        first = numbers == list(range(1, len(numbers) + 1))
        key = "report.evidence.find_out_first" if first else "report.evidence.find_out_later"
        text.append(view.tn(key, len(numbers), numbers=view.list([str(n) for n in numbers])))
    if counts["unanswered"]:
        text.append(view.tn("report.evidence.no_step", counts["unanswered"]))
    return " ".join(text)


def _levels_table(pdf: ReportPDF, view: ReportView) -> None:
    with pdf.table(
        col_widths=(70, 20, 40, 20, 24),
        text_align=("LEFT", "CENTER", "LEFT", "CENTER", "CENTER"),
        **pdf.table_style(),
    ) as table:
        table.row(
            [view.t(f"report.col.{c}") for c in ("dimension", "level", "maturity", "target", "gap")]
        )
        for dim in view.bank.dimensions:
            s = view.card.dimension(dim.id)
            table.row(
                [
                    dim.name(view.lang),
                    view.number(s.level) if s.level is not None else "–",
                    s.maturity.name(view.lang) if s.maturity else view.t("report.unknown"),
                    view.number(s.target),
                    view.number(s.gap),
                ]
            )
    pdf.plain()
    pdf.ln(1)


def _red_flags(pdf: ReportPDF, view: ReportView) -> None:
    flags = [row for row in view.edited.kept if row.planned.red_flag]
    if not flags:
        return
    pdf.label(view.t("report.red_flags"), colour=WARN)
    pdf.para(view.tn("report.red_flags_text", len(flags)), size=9.5, after=1)
    for row in flags:
        pdf.bullet(row.planned.action.title(view.lang), mark=f"{row.number}.", size=9.5)


def _priorities(pdf: ReportPDF, view: ReportView) -> None:
    top = view.edited.kept[:PRIORITIES]
    # "the three priorities" only where there are three; fewer are the whole plan
    pdf.label(view.t("report.priorities" if len(top) == PRIORITIES else "report.priorities_all"))
    if not top:
        pdf.para(view.t("report.no_actions"))
        return
    for row in top:
        p = row.planned
        facts = view.t(
            "report.priority_line",
            owner=view.owner(row),
            hours=view.hours(p.hours),
            deadline=view.deadline(row),
        )
        pdf.bullet(
            p.action.title(view.lang),
            mark=f"{row.number}.",
            detail=f"{facts}\n{p.finding(view.lang)}",
        )


def _cost(pdf: ReportPDF, view: ReportView) -> None:
    pdf.label(view.t("report.cost"))
    text = cost_text(view.plan, view.edited, view.lang)
    if view.plan.backlog:
        text += " " + view.tn("report.backlog_waiting", len(view.plan.backlog))
    pdf.para(text, size=9.5)
    pdf.ln(LINE / 2)
