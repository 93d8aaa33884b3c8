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

from ..charts import chart_png, gap_chart, radar_chart
from ..i18n import fmt_number, t
from ..models import MAX_LEVEL, ActionPlan, Bank, Lang, Response, RoomSpread, Scorecard
from .pdf import ACCENT, FAMILY, LINE, MUTED
from .sections import Sections, long_date

TOP_ACTIONS = 5


class Report(Sections):
    """One report, in one language, for one response."""

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
        top = self.kept[:TOP_ACTIONS]
        pdf.label(self._t("top_actions"))
        if not top:
            pdf.para(self._t("no_actions"))
        for row in top:
            pdf.bullet(
                row.planned.action.title(lang),
                mark=f"{row.number}.",
                detail=self._action_detail(row),
            )
        quick = [row for row in self.kept if row.planned.quick_win]
        more = [row for row in quick if row not in top][:TOP_ACTIONS]
        pdf.label(self._t("quick_wins"))
        if not quick:
            pdf.para(self._t("no_quick_wins"))
        elif not more:
            pdf.para(self._t("quick_wins_above"))
        elif len(more) < len(quick):
            pdf.para(self._t("quick_wins_more"))
        for row in more:
            pdf.bullet(
                row.planned.action.title(lang),
                mark=f"{row.number}.",
                detail=self._action_detail(row),
            )
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
        self._image(chart_png(radar), width=145, alt=t("chart.radar_title", self.lang))
        pdf.ln(4)
        gaps = gap_chart(self.bank, self.card, self.lang)
        self._image(chart_png(gaps), width=160, alt=t("chart.gap_title", self.lang))

    def action_plan(self) -> None:
        """The prioritised plan as a table on landscape pages; dropped actions are left out."""
        pdf, lang = self.pdf, self.lang
        pdf.add_page(orientation="landscape")
        pdf.heading(self._t("section.plan"))
        intro = self._t("plan_intro")
        if self.dropped:
            key = "dropped_one" if self.dropped == 1 else "dropped_many"
            intro += " " + self._t(key, count=self.dropped)
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
            col_widths=(10, 50, 30, 20, 15, 18, 36, 25, 57),
            text_align=("RIGHT", *["LEFT"] * (len(columns) - 1)),
            **pdf.table_style(),
        ) as table:
            table.row([self._t(f"col.{c}") for c in columns])
            for kept in self.kept:
                p = kept.planned
                row = table.row()
                row.cell(str(kept.number))
                title = p.action.title(lang)
                if p.quick_win:
                    title += "\n" + self._t("quick_win_mark")
                row.cell(title, style=FontFace(emphasis="BOLD"))
                row.cell(self.bank.dimension(p.dimension_id).name(lang))
                row.cell(t(f"plan.effort.{p.action.effort.value}", lang).capitalize())
                row.cell(t(f"plan.impact.{p.action.impact}", lang))
                row.cell(self._t("months", horizon=p.horizon.replace("-", "–")))
                row.cell(self._owner(kept))
                row.cell(self._deadline(kept))
                row.cell(p.reason(lang))
        pdf.set_font(FAMILY, size=10)

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
