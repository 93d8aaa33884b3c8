"""The detailed sections of the PDF report and what every section shares.

`Sections` holds the typed view a report is built from (bank, response, scorecard, the plan
without dropped actions, language, date) and writes the sections that go into detail: each area,
the room's spread and the appendix with every answer. `report.Report` adds the cover, the
summary, the charts and the plan, and puts them in order.
"""

from __future__ import annotations

import datetime as dt

from ..edited_plan import PlanRow, edited_plan
from ..i18n import fmt_number, t
from ..models import (
    MAX_LEVEL,
    ActionPlan,
    Bank,
    Dimension,
    Lang,
    Question,
    Response,
    RoomSpread,
    Scorecard,
)
from ..scoring import level_of
from .pdf import ACCENT, MUTED, WARN, ReportPDF

CELL_LIMIT = 300
"""Characters of free text (an owner's name) shown in a table cell; the rest is cut with '…'."""
FINDINGS = 2
"""How many strongest and weakest questions each area names."""
KEEP_DIMENSION = 60.0
"""Millimetres an area's heading needs below it (its level and meaning), or it starts a page."""
KEEP_QUESTION = 18.0
"""Millimetres a question in the appendix needs with its answer, or it starts a page."""


class Sections:
    """The view a report is built from, and the sections that go into detail."""

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
        self.plan = edited_plan(plan, response.plan_edits)
        self.kept = self.plan.kept
        self.dropped = len(self.plan.dropped)
        self.pdf = ReportPDF(lang, f"{response.municipality.name} · {bank.title(lang)}")

    def _t(self, key: str, **params: object) -> str:
        return t(f"report.{key}", self.lang, **params)

    def _owner(self, row: PlanRow) -> str:
        return clip(row.owner(self.lang))

    def _deadline(self, row: PlanRow) -> str:
        status = self._t(f"status.{row.status}")
        return f"{long_date(row.deadline, self.lang)}\n{status}" if row.deadline else status

    def _answer(self, q: Question) -> str:
        answer = self.response.answers.get(q.id)
        if answer is None or not answer.chosen:
            return self._t("not_answered")
        if answer.dont_know:
            return self._t("dont_know")
        if answer.not_applicable:
            return self._t("not_applicable")
        level = answer.value or 0
        return self._t("level_answer", level=level, text=q.levels[level](self.lang))

    def _action_detail(self, row: PlanRow) -> str:
        p = row.planned
        parts = [
            self.bank.dimension(p.dimension_id).name(self.lang),
            self._t("months", horizon=p.horizon.replace("-", "–")),
            self._owner(row),
        ]
        if p.quick_win:
            parts.append(self._t("quick_win_mark"))
        return " · ".join(parts)

    def dimensions(self) -> None:
        """Per area: its level and what that means, any cap, the strongest and weakest answers."""
        self.pdf.add_page()
        self.pdf.heading(self._t("section.dimensions"))
        self.pdf.para(self._t("dimensions_intro"), after=2)
        for dim in self.bank.dimensions:
            self._dimension(dim)

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
            q for q in dim.questions if (a := self.response.answers.get(q.id)) and a.dont_know
        ]
        if unknown:
            pdf.label(self._t("dont_know"))
            for q in unknown:
                pdf.bullet(q.text(lang))

    def room_spread(self, spread: RoomSpread) -> None:
        """How far apart the workshop's participants were, per area: where to start talking."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page()
        pdf.heading(self._t("section.spread"))
        pdf.para(self._t("spread_intro", participants=spread.participants), after=3)
        by_id = {s.dimension_id: s for s in spread.dimensions}
        rows = [(dim, by_id[dim.id]) for dim in self.bank.dimensions if dim.id in by_id]
        with pdf.table(
            col_widths=(64, 30, 26, 26, 26),
            text_align=("LEFT", "CENTER", "CENTER", "CENTER", "CENTER"),
            **pdf.table_style(),
        ) as table:
            table.row(
                [self._t(f"col.{c}") for c in ("dimension", "participants", "min", "median", "max")]
            )
            for dim, s in rows:
                numbers = (s.minimum, s.median, s.maximum)
                table.row(
                    [dim.name(lang), str(s.participants)] + [fmt_number(v, lang) for v in numbers]
                )
        if rows:
            dim, widest = max(rows, key=lambda row: row[1].maximum - row[1].minimum)
            pdf.ln(3)
            pdf.para(
                self._t(
                    "spread_widest",
                    area=dim.name(lang),
                    low=fmt_number(widest.minimum, lang),
                    high=fmt_number(widest.maximum, lang),
                )
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
                pdf.keep(KEEP_QUESTION)
                pdf.para(q.text(lang), bold=True, after=0.5)
                pdf.para(self._answer(q), indent=4, after=0.5)
                answer = self.response.answers.get(q.id)
                if answer is not None and answer.note.strip():
                    note = f"{self._t('note')}: {answer.note.strip()}"
                    pdf.para(note, size=9, indent=4, after=0.5)
                pdf.ln(2)


def findings(
    dim: Dimension, response: Response
) -> tuple[list[tuple[Question, int]], list[tuple[Question, int]]]:
    """The strongest and the weakest answered questions of a dimension, heavier ones first."""
    answered = [
        (q, level) for q in dim.questions if (level := level_of(response, q.id)) is not None
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
