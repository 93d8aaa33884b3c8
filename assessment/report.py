"""The PDF report: what a municipality hands its director, built from already computed results.

`Report` scores nothing and reads no files but its fonts: it takes the bank, the response, the
scorecard and the plan (and a workshop's spread, if any) and lays them out, one method per
section; `build()` reads like the table of contents. The date is passed in, so the same inputs
always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import struct

from fpdf import FontFace

from .charts import chart_png, gap_chart, radar_chart
from .i18n import fmt_number, t
from .models import (
    MAX_LEVEL,
    ActionPlan,
    Bank,
    Dimension,
    Lang,
    PlannedAction,
    Question,
    Response,
    RoomSpread,
    Scorecard,
)
from .report_pdf import ACCENT, FAMILY, LINE, MUTED, WARN, ReportPDF

CELL_LIMIT = 300
"""Characters of free text (an owner's name) shown in a table cell; the rest is cut with '…'."""
TOP_ACTIONS = 5
FINDINGS = 2
KEEP_DIMENSION = 60.0
"""Millimetres an area's heading needs below it (its level and meaning), or it starts a page."""


class Report:
    """One report, in one language, for one response."""

    def __init__(
        self,
        bank: Bank,
        response: Response,
        scorecard: Scorecard,
        plan: ActionPlan,
        lang: Lang,
        *,
        generated: dt.datetime,
        spread: RoomSpread | None = None,
    ) -> None:
        self.bank = bank
        self.response = response
        self.card = scorecard
        self.lang = lang
        self.generated = generated
        self.spread = spread
        self.kept = [p for p in plan.actions if not self._dropped(p)]
        self.dropped = len(plan.actions) - len(self.kept)
        self.pdf = ReportPDF(lang, f"{response.municipality.name} · {bank.title(lang)}")

    def build(self) -> bytes:
        """The whole report as PDF bytes."""
        pdf = self.pdf
        pdf.set_creation_date(self.generated)
        pdf.set_title(f"{self.bank.title(self.lang)}: {self.response.municipality.name}")
        pdf.set_subject(self.bank.title(self.lang))
        pdf.set_creator(f"{self.bank.id} {self.bank.version}")
        self.cover()
        self.summary()
        self.charts()
        if self.spread is not None:
            self.room_spread(self.spread)
        self.dimensions()
        self.action_plan()
        self.appendix()
        return bytes(pdf.output())

    # ------------------------------------------------------------------ sections

    def cover(self) -> None:
        """Title, municipality, date and the overall level, readable from across a table."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page()
        pdf.start_section(self._t("section.cover"))
        pdf.set_y(48)
        pdf.para(self.bank.title(lang), size=14, bold=True, colour=ACCENT, after=6)
        pdf.para(self.response.municipality.name, size=30, bold=True, after=3)
        pdf.para(long_date(self.generated.date(), lang), size=12, colour=MUTED, after=18)
        top = pdf.get_y()
        pdf.para(self._t("overall"), size=10, colour=MUTED, indent=6, after=1)
        overall = self.card.overall
        if overall is None or self.card.overall_maturity is None:
            pdf.para(self._t("no_level"), size=12, indent=6)
        else:
            level = self._t("level_of", level=fmt_number(overall, lang), top=MAX_LEVEL)
            pdf.para(level, size=26, bold=True, colour=ACCENT, indent=6, after=2)
            pdf.para(self.card.overall_maturity.name(lang), size=15, bold=True, indent=6)
            pdf.para(self.card.overall_maturity.description(lang), indent=6, after=0)
        pdf.set_fill_color(*ACCENT)
        pdf.rect(pdf.l_margin, top, 1.6, pdf.get_y() - top, style="F")
        pdf.plain()
        who = self.response.respondent
        if who.name or who.role:
            pdf.ln(14)
            names = ", ".join(part for part in (who.name, who.role) if part)
            pdf.para(f"{self._t('respondent')}: {names}", colour=MUTED)
        pdf.set_y(pdf.page_break_trigger - 10)
        version = self._t("bank", id=self.bank.id, version=self.bank.version)
        pdf.para(version, size=8, colour=MUTED, after=0)

    def summary(self) -> None:
        """One page a director reads in two minutes: levels, the first steps, what is unknown."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page()
        pdf.heading(self._t("section.summary"))
        name = self.response.municipality.name
        if self.card.overall is not None and self.card.overall_maturity is not None:
            pdf.para(
                self._t(
                    "summary_intro",
                    municipality=name,
                    level=fmt_number(self.card.overall, lang),
                    maturity=self.card.overall_maturity.name(lang),
                ),
                after=3,
            )
        else:
            pdf.para(self._t("no_level"), after=3)
        self._levels_table()
        pdf.label(self._t("top_actions", count=min(TOP_ACTIONS, len(self.kept))))
        if not self.kept:
            pdf.para(self._t("no_actions"))
        for p in self.kept[:TOP_ACTIONS]:
            pdf.bullet(p.action.title(lang), mark=f"{p.rank}.", detail=self._action_detail(p))
        top = self.kept[:TOP_ACTIONS]
        quick = [p for p in self.kept if p.quick_win]
        more = [p for p in quick if p not in top][:TOP_ACTIONS]
        pdf.label(self._t("quick_wins"))
        if not quick:
            pdf.para(self._t("no_quick_wins"))
        elif not more:
            pdf.para(self._t("quick_wins_above"))
        elif len(more) < len(quick):
            pdf.para(self._t("quick_wins_more"))
        for p in more:
            pdf.bullet(p.action.title(lang), mark=f"{p.rank}.", detail=self._action_detail(p))
        pdf.label(self._t("evidence"))
        dont_know, unanswered = len(self.card.dont_know), len(self.card.unanswered)
        if dont_know or unanswered:
            pdf.para(self._t("evidence_text", dont_know=dont_know, unanswered=unanswered))
        else:
            pdf.para(self._t("evidence_complete"))

    def charts(self) -> None:
        """The radar and the gap chart, as PNGs rendered from the same specs the app shows."""
        pdf = self.pdf
        pdf.add_page()
        pdf.heading(self._t("section.charts"))
        pdf.para(self._t("charts_intro"), after=4)
        radar = radar_chart(self.bank, self.card, self.lang, spread=self.spread)
        self._image(chart_png(radar), width=145, alt=self._t("section.charts"))
        pdf.ln(4)
        self._image(
            chart_png(gap_chart(self.bank, self.card, self.lang)),
            width=160,
            alt=self._t("section.charts"),
        )

    def dimensions(self) -> None:
        """Per area: the level and what it means, what caps it, the strongest and weakest answers."""
        self.pdf.add_page()
        self.pdf.heading(self._t("section.dimensions"))
        self.pdf.para(self._t("dimensions_intro"), after=2)
        for dim in self.bank.dimensions:
            self._dimension(dim)

    def action_plan(self) -> None:
        """The prioritised plan as a table on landscape pages; dropped actions are left out."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page(orientation="landscape")
        pdf.heading(self._t("section.plan"))
        intro = self._t("plan_intro")
        if self.dropped:
            intro += " " + self._t("dropped", count=self.dropped)
        pdf.para(intro, after=3)
        if not self.kept:
            pdf.para(self._t("no_actions"))
            return
        columns = (
            "rank",
            "action",
            "dimension",
            "effort",
            "impact",
            "horizon",
            "owner",
            "deadline",
            "why",
        )
        pdf.set_font(FAMILY, size=8.5)
        with pdf.table(
            col_widths=(10, 50, 30, 17, 16, 18, 36, 26, 58),
            text_align=("RIGHT", *["LEFT"] * (len(columns) - 1)),
            **pdf.table_style(),
        ) as table:
            table.row([self._t(f"col.{c}") for c in columns])
            for p in self.kept:
                row = table.row()
                row.cell(str(p.rank))
                title = p.action.title(lang)
                if p.quick_win:
                    title += "\n" + self._t("quick_win_mark")
                row.cell(title, style=FontFace(emphasis="BOLD"))
                row.cell(self.bank.dimension(p.dimension_id).name(lang))
                row.cell(t(f"plan.effort.{p.action.effort.value}", lang).capitalize())
                row.cell(t(f"plan.impact.{p.action.impact}", lang))
                row.cell(self._t("months", horizon=p.horizon.replace("-", "–")))
                row.cell(self._owner(p))
                row.cell(self._deadline(p))
                row.cell(p.reason(lang))
        pdf.set_font(FAMILY, size=10)

    def room_spread(self, spread: RoomSpread) -> None:
        """How far apart the workshop's participants were, per area: where to start talking."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page()
        pdf.heading(self._t("section.spread"))
        pdf.para(self._t("spread_intro", participants=spread.participants), after=3)
        by_id = {s.dimension_id: s for s in spread.dimensions}
        with pdf.table(
            col_widths=(64, 30, 26, 26, 26),
            text_align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
            **pdf.table_style(),
        ) as table:
            table.row(
                [self._t(f"col.{c}") for c in ("dimension", "participants", "min", "median", "max")]
            )
            for dim in self.bank.dimensions:
                s = by_id.get(dim.id)
                if s is None:
                    continue
                table.row(
                    [
                        dim.name(lang),
                        str(s.participants),
                        fmt_number(s.minimum, lang),
                        fmt_number(s.median, lang),
                        fmt_number(s.maximum, lang),
                    ]
                )

    def appendix(self) -> None:
        """Every question with the chosen level (or why there is none) and the note, in full."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page(orientation="portrait")
        pdf.heading(self._t("section.appendix"))
        pdf.para(self._t("appendix_intro"), after=2)
        for dim in self.bank.dimensions:
            pdf.heading(dim.name(lang), 1)
            for q in dim.questions:
                pdf.keep(18)
                pdf.para(q.text(lang), bold=True, after=0.5)
                pdf.para(self._answer(q), indent=4, after=0.5)
                answer = self.response.answers.get(q.id)
                if answer is not None and answer.note.strip():
                    note = f"{self._t('note')}: {answer.note.strip()}"
                    pdf.para(note, size=9, colour=MUTED, indent=4, after=0.5)
                pdf.ln(2)

    # ------------------------------------------------------------------ pieces

    def _t(self, key: str, **params: object) -> str:
        return t(f"report.{key}", self.lang, **params)

    def _dropped(self, p: PlannedAction) -> bool:
        edit = self.response.plan_edits.get(p.action.id)
        return edit is not None and edit.dropped

    def _levels_table(self) -> None:
        pdf, lang = self.pdf, self.lang
        with pdf.table(
            col_widths=(62, 22, 40, 20, 22),
            text_align=("LEFT", "CENTER", "LEFT", "CENTER", "CENTER"),
            **pdf.table_style(),
        ) as table:
            table.row(
                [self._t(f"col.{c}") for c in ("dimension", "level", "maturity", "target", "gap")]
            )
            for dim in self.bank.dimensions:
                s = self.card.dimension(dim.id)
                table.row(
                    [
                        dim.name(lang),
                        fmt_number(s.level, lang) if s.level is not None else "–",
                        s.maturity.name(lang) if s.maturity else self._t("unknown"),
                        fmt_number(s.target, lang),
                        fmt_number(s.gap, lang),
                    ]
                )

    def _action_detail(self, p: PlannedAction) -> str:
        parts = [
            self.bank.dimension(p.dimension_id).name(self.lang),
            self._t("months", horizon=p.horizon.replace("-", "–")),
            self._owner(p),
        ]
        if p.quick_win:
            parts.append(self._t("quick_win_mark"))
        return " · ".join(parts)

    def _owner(self, p: PlannedAction) -> str:
        edit = self.response.plan_edits.get(p.action.id)
        owner = edit.owner.strip() if edit else ""
        return clip(owner) if owner else p.action.owner_role(self.lang)

    def _deadline(self, p: PlannedAction) -> str:
        edit = self.response.plan_edits.get(p.action.id)
        if edit is None:
            return ""
        status = self._t(f"status.{edit.status}")
        return f"{long_date(edit.deadline, self.lang)}\n{status}" if edit.deadline else status

    def _answer(self, q: Question) -> str:
        answer = self.response.answers.get(q.id)
        if answer is None:
            return self._t("not_answered")
        if answer.level is None:
            return self._t("dont_know")
        return self._t("level_answer", level=answer.level, text=q.levels[answer.level](self.lang))

    def _dimension(self, dim: Dimension) -> None:
        pdf, lang = self.pdf, self.lang
        s = self.card.dimension(dim.id)
        pdf.keep(KEEP_DIMENSION)
        pdf.heading(dim.name(lang), 1)
        pdf.para(dim.description(lang), size=9, colour=MUTED, after=2)
        if s.level is None or s.maturity is None:
            pdf.para(self._t("dimension_no_level"), bold=True)
        else:
            level = self._t("level_of", level=fmt_number(s.level, lang), top=MAX_LEVEL)
            pdf.para(f"{level} · {s.maturity.name(lang)}", bold=True, colour=ACCENT, after=0.5)
            pdf.para(s.maturity.description(lang), after=0.5)
        pdf.para(
            self._t(
                "dimension_facts",
                target=fmt_number(s.target, lang),
                gap=fmt_number(s.gap, lang),
                answered=s.answered,
                total=s.total,
                dont_know=s.dont_know,
            ),
            size=9,
            colour=MUTED,
        )
        if s.capped_by:
            texts = "; ".join(self.bank.question(q).text(lang) for q in s.capped_by)
            pdf.para(self._t("capped", questions=texts), colour=WARN)
        strongest, weakest = findings(dim, self.response)
        for key, found in (("strongest", strongest), ("weakest", weakest)):
            if found:
                pdf.label(self._t(key))
                for q, level in found:
                    pdf.bullet(
                        q.text(lang),
                        detail=self._t("level_answer", level=level, text=q.levels[level](lang)),
                    )
        unknown = [
            q for q in dim.questions if (a := self.response.answers.get(q.id)) and a.level is None
        ]
        if unknown:
            pdf.label(self._t("dont_know"))
            for q in unknown:
                pdf.bullet(q.text(lang))

    def _image(self, png: bytes, *, width: float, alt: str) -> None:
        """Place a PNG centred at `width` mm, shrunk to fit when the page has less room."""
        pdf = self.pdf
        px_w, px_h = struct.unpack(">II", png[16:24])
        height = width * px_h / px_w
        full = pdf.page_break_trigger - pdf.t_margin - LINE
        if height > full:
            width, height = width * full / height, full
        pdf.keep(height)
        pdf.image(io.BytesIO(png), x=(pdf.w - width) / 2, w=width, h=height, alt_text=alt)


def findings(dim: Dimension, response: Response) -> tuple[list[tuple[Question, int]], ...]:
    """The strongest and the weakest answered questions of a dimension, heavier ones first."""
    answered = [
        (q, a.level)
        for q in dim.questions
        if (a := response.answers.get(q.id)) is not None and a.level is not None
    ]
    high = sorted(answered, key=lambda qa: (-qa[1], -qa[0].weight))
    strongest = high[: min(FINDINGS, (len(answered) + 1) // 2)]
    rest = [qa for qa in answered if qa not in strongest]
    weakest = sorted(rest, key=lambda qa: (qa[1], -qa[0].weight))[:FINDINGS]
    return strongest, weakest


def long_date(day: dt.date, lang: Lang) -> str:
    """'24. november 2026' or '24 November 2026'."""
    month = t("report.month_names", lang).split()[day.month - 1]
    return t("report.date", lang, day=day.day, month=month, year=day.year)


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """Free text cut to fit a table cell: a table row cannot flow on to the next page."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def build_report(
    bank: Bank,
    response: Response,
    scorecard: Scorecard,
    plan: ActionPlan,
    lang: Lang,
    *,
    generated: dt.datetime,
    spread: RoomSpread | None = None,
) -> bytes:
    """The PDF report for one response, in `lang`, dated `generated`."""
    return Report(bank, response, scorecard, plan, lang, generated=generated, spread=spread).build()
