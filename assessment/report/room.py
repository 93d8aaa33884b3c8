"""The workshop's answers question by question in the report: how many chose each level, how
many said "don't know", and which questions the participants disagreed on or lacked the facts
for. A section of its own, so the report's other sections stay as they are."""

from __future__ import annotations

from ..i18n import t
from ..models import Bank, Lang, RoomSpread
from .pdf import FAMILY, ReportPDF

COLUMNS = ("question", "0", "1", "2", "3", "4", "dont_know", "not_applicable", "mark")
WIDTHS = (68, 8, 8, 8, 8, 8, 17, 20, 29)


def question_spread(
    pdf: ReportPDF, bank: Bank, spread: RoomSpread, lang: Lang, heading: str
) -> None:
    """One row per question in bank order, numbered as the questionnaire numbers them."""
    counts = {q.question_id: q for q in spread.questions}
    pdf.add_page()
    pdf.heading(heading)
    disputed = sum(q.disputed for q in spread.questions)
    uncertain = sum(q.uncertain for q in spread.questions)
    pdf.para(
        t("report.room.intro", lang, participants=spread.participants, disputed=disputed,
          uncertain=uncertain),
        after=3,
    )  # fmt: skip
    pdf.set_font(FAMILY, size=8.5)
    with pdf.table(
        col_widths=WIDTHS,
        text_align=("LEFT", *["CENTER"] * (len(COLUMNS) - 2), "LEFT"),
        **pdf.table_style(),
    ) as table:
        table.row([t(f"report.room.col.{c}", lang) if len(c) > 1 else c for c in COLUMNS])
        for d, dim in enumerate(bank.dimensions, start=1):
            for n, question in enumerate(dim.questions, start=1):
                q = counts.get(question.id)
                if q is None:
                    continue
                mark = [t("report.room.disputed", lang)] if q.disputed else []
                if q.uncertain:
                    mark.append(t("report.room.uncertain", lang))
                table.row(
                    [f"{d}.{n} {question.text(lang)}", *(str(c) for c in q.levels),
                     str(q.dont_know), str(q.not_applicable), ", ".join(mark)]
                )  # fmt: skip
    pdf.plain()
