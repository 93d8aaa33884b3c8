"""The appendix's details: the charts, a workshop's spread, each area, and every answer.

Charts go in as PNG: vl-convert's SVG still crashes fpdf2 2.8.9's SVG import ("Path does not
start with move item", measured November 2026), so vector charts wait for a fix there.
"""

from __future__ import annotations

import io
import struct

from ..charts import chart_png, gap_chart, radar_chart
from ..models import MAX_LEVEL, Dimension, Question, Response, RoomSpread
from ..scoring import level_of
from .pdf import ACCENT, LINE, MUTED, WARN, ReportPDF
from .view import ReportView

FINDINGS = 2
"""How many strongest and weakest questions each area names."""
KEEP_DIMENSION = 50.0
"""Millimetres an area's heading needs below it (its level and meaning), or it starts a page."""
KEEP_QUESTION = 14.0
"""Millimetres a question in the answers needs with its answer, or it starts a page."""


def charts(pdf: ReportPDF, view: ReportView, heading: str) -> None:
    """The radar and the gap chart, rendered from the same specs the app shows."""
    pdf.add_page()
    pdf.heading(heading)
    pdf.para(view.t("report.charts_intro"), after=3)
    radar = radar_chart(view.bank, view.card, view.lang, spread=view.spread)
    place_image(pdf, chart_png(radar), width=120, alt=view.t("chart.radar_title"))
    pdf.ln(3)
    gaps = gap_chart(view.bank, view.card, view.lang)
    place_image(pdf, chart_png(gaps), width=150, alt=view.t("chart.gap_title"))


def room_spread(pdf: ReportPDF, view: ReportView, spread: RoomSpread) -> None:
    """How far apart a workshop's participants were, per area: where to start talking."""
    lang = view.lang
    pdf.heading(view.t("report.section.spread"), 1)
    pdf.para(view.t("report.spread_intro", participants=spread.participants), after=3)
    by_id = {s.dimension_id: s for s in spread.dimensions}
    rows = [(dim, by_id[dim.id]) for dim in view.bank.dimensions if dim.id in by_id]
    with pdf.table(
        col_widths=(64, 30, 26, 26, 26),
        text_align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
        **pdf.table_style(),
    ) as table:
        columns = ("dimension", "participants", "min", "median", "max")
        table.row([view.t(f"report.col.{c}") for c in columns])
        for dim, s in rows:
            numbers = (s.minimum, s.median, s.maximum)
            table.row([dim.name(lang), str(s.participants)] + [view.number(v) for v in numbers])
    pdf.plain()
    if rows:
        dim, widest = max(rows, key=lambda row: row[1].maximum - row[1].minimum)
        pdf.ln(3)
        low, high = view.number(widest.minimum), view.number(widest.maximum)
        pdf.para(view.t("report.spread_widest", area=dim.name(lang), low=low, high=high))


def areas(pdf: ReportPDF, view: ReportView, heading: str) -> None:
    """Per area: its level and meaning, any cap, the strongest and weakest answers, what is
    unknown and what does not apply."""
    pdf.add_page()
    pdf.heading(heading)
    pdf.para(view.t("report.dimensions_intro"), after=2)
    for dim in view.bank.dimensions:
        _area(pdf, view, dim)


def _area(pdf: ReportPDF, view: ReportView, dim: Dimension) -> None:
    lang = view.lang
    s = view.card.dimension(dim.id)
    pdf.keep(KEEP_DIMENSION)
    pdf.heading(dim.name(lang), 1)
    if s.level is None or s.maturity is None:
        pdf.para(view.t("report.dimension_no_level"), bold=True)
    else:
        level = view.t("report.level_of", level=view.number(s.level), top=MAX_LEVEL)
        pdf.para(f"{level} · {s.maturity.name(lang)}", bold=True, colour=ACCENT, after=0.5)
        pdf.para(s.maturity.description(lang), size=9, after=0.5)
    facts = view.t(
        "report.dimension_facts",
        target=view.number(s.target),
        gap=view.number(s.gap),
        answered=s.answered,
        total=s.total,
        dont_know=s.dont_know,
        not_applicable=s.not_applicable,
    )
    pdf.para(facts, size=9, colour=MUTED)
    if s.capped_by:
        texts = "; ".join(view.bank.question(q).title(lang) for q in s.capped_by)
        pdf.para(view.t("report.capped", questions=texts), size=9, colour=WARN)
    strongest, weakest = findings(dim, view.response)
    for key, found in (("report.strongest", strongest), ("report.weakest", weakest)):
        if found:
            pdf.label(view.t(key))
            for q, level in found:
                detail = view.t("report.level_answer", level=level, text=q.levels[level](lang))
                pdf.bullet(q.title(lang), detail=detail, size=9.5)
    for key, word in (
        ("report.dont_know", "dont_know"),
        ("report.not_applicable", "not_applicable"),
    ):
        listed = [q.title(lang) for q in dim.questions if _chose(view.response, q, word)]
        if listed:
            pdf.para(f"{view.t(key)}: {'; '.join(listed)}", size=9)


def answers(pdf: ReportPDF, view: ReportView, heading: str) -> None:
    """Every question with the chosen level (or why there is none) and the note, in full."""
    pdf.add_page()
    pdf.heading(heading)
    pdf.para(view.t("report.appendix_intro"), after=2)
    for dim in view.bank.dimensions:
        pdf.heading(dim.name(view.lang), 1)
        for q in dim.questions:
            pdf.keep(KEEP_QUESTION)
            pdf.para(f"{q.title(view.lang)}: {q.text(view.lang)}", size=9, bold=True, after=0.3)
            pdf.para(view.answer(q), size=9, indent=4, after=0.3)
            answer = view.response.answers.get(q.id)
            if answer is not None and answer.note.strip():
                note = f"{view.t('report.note')}: {answer.note.strip()}"
                pdf.para(note, size=8.5, colour=MUTED, indent=4, after=0.3)
            pdf.ln(1.2)


def findings(dim: Dimension, response: Response) -> tuple[list[tuple[Question, int]], ...]:
    """The strongest and the weakest answered questions of a dimension, heavier ones first."""
    answered = [
        (q, level) for q in dim.questions if (level := level_of(response, q.id)) is not None
    ]
    high = sorted(answered, key=lambda qa: (-qa[1], -qa[0].weight))
    strongest = high[: min(FINDINGS, (len(answered) + 1) // 2)]
    rest = [qa for qa in answered if qa not in strongest]
    weakest = sorted(rest, key=lambda qa: (qa[1], -qa[0].weight))[:FINDINGS]
    return strongest, weakest


def _chose(response: Response, q: Question, word: str) -> bool:
    answer = response.answers.get(q.id)
    return answer is not None and answer.level == word


def place_image(pdf: ReportPDF, png: bytes, *, width: float, alt: str) -> None:
    """Place a PNG centred at `width` mm, shrunk to fit when the page has less room."""
    px_w, px_h = struct.unpack(">II", png[16:24])
    height = width * px_h / px_w
    full = pdf.page_break_trigger - pdf.t_margin - LINE
    if height > full:
        width, height = width * full / height, full
    pdf.keep(height)
    pdf.image(io.BytesIO(png), x=(pdf.w - width) / 2, w=width, h=height, alt_text=alt)
