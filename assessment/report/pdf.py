"""The page furniture of the PDF report: fonts, headers and footers, headings and text blocks.

The report embeds DejaVu Sans from `assessment/fonts/` (never a system path, which a user's
Windows or Mac lacks). Characters that font cannot draw would print as empty boxes without a
warning, so every text passes through `printable()` first and such characters show as U+FFFD.
"""

from __future__ import annotations

import functools
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from ..i18n import t
from ..models import Lang

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
FAMILY = "DejaVu"
FALLBACK = "\ufffd"
"""Shown in place of a character the font lacks (an emoji, say): visible, never a crash."""

INK = (31, 41, 51)
MUTED = (107, 114, 128)
ACCENT = (31, 78, 121)
WARN = (154, 52, 18)
RULE = (209, 213, 219)
ZEBRA = (243, 245, 248)
MARGIN = 18.0
LINE = 5.0
"""Body line height in mm for 10 pt text."""
HEADER_CHARS = 300
"""More characters than the running header's 8 pt line holds, even on a landscape page."""


@functools.cache
def _covered() -> frozenset[int]:
    """Code points every embedded style can draw; read once per process."""
    maps = []
    for name in FONT_FILES.values():
        with TTFont(FONT_DIR / name, lazy=True) as font:
            maps.append(set(font.getBestCmap()))
    return frozenset(set.intersection(*maps))


def printable(text: str) -> str:
    """`text` with tabs as spaces and every character the font lacks replaced by U+FFFD."""
    covered = _covered()
    text = text.replace("\t", " ").replace("\r\n", "\n")
    return "".join(ch if ch == "\n" or ord(ch) in covered else FALLBACK for ch in text)


class ReportPDF(FPDF):
    """A4 pages with a running header, 'Side n af m' footer and a few text styles."""

    def __init__(self, lang: Lang, running_title: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.report_lang = lang
        self.running_title = running_title
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        for style, name in FONT_FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / name))
        self.set_font(FAMILY, size=10)
        self.set_text_color(*INK)
        self.set_lang("da-DK" if lang == "da" else "en-GB")

    def normalize_text(self, text: str) -> str:
        """Every text fpdf2 writes passes here: the one place to apply the font fallback."""
        return super().normalize_text(printable(text))

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(8)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        # Measure at most a line's worth: measuring all of a long title on every page made the
        # PDF's time grow with the square of the title (its pages grow with it too).
        title = self.running_title[:HEADER_CHARS]
        while len(title) > 1 and self.get_string_width(title + "…") > self.epw:
            title = title[: int(len(title) * 0.9)]  # a custom bank may have a very long title
        if title != self.running_title:
            title = title.rstrip() + "…"
        self.cell(self.epw, 4, title, align="L")
        self.set_draw_color(*RULE)
        self.line(self.l_margin, 13, self.w - self.r_margin, 13)
        self.set_y(MARGIN)
        self.plain()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(
            self.epw,
            4,
            t("report.page", self.report_lang, page=self.page_no(), pages="{nb}"),
            align="C",
        )
        self.plain()

    def plain(self) -> None:
        """Back to body text: a table takes its base style from whatever was set last."""
        self.set_font(FAMILY, size=10)
        self.set_text_color(*INK)
        self.set_fill_color(255, 255, 255)

    # ------------------------------------------------------------ building blocks

    def room_left(self) -> float:
        return self.page_break_trigger - self.y

    def keep(self, height: float) -> None:
        """Start a new page unless `height` mm fit here: keeps a heading with what follows."""
        if self.room_left() < height:
            self.add_page(orientation=self.cur_orientation)

    def heading(self, text: str, level: int = 0, *, outline: bool = True) -> None:
        """A section (level 0) or sub-section heading, bookmarked in the PDF outline."""
        size, before, after = ((17, 0, 4), (13, 5, 2))[min(level, 1)]
        self.keep(before + 30)
        self.ln(before)
        if outline:
            self.start_section(text, level=level)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*ACCENT)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(after)
        self.plain()

    def label(self, text: str, *, colour: tuple[int, int, int] = INK) -> None:
        """A small bold lead-in above a list or a paragraph."""
        self.keep(14)
        self.ln(3)
        self.set_font(FAMILY, "B", 10.5)
        self.set_text_color(*colour)
        self.multi_cell(0, LINE, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.plain()

    def labelled(self, label: str, text: str, *, size: float = 9) -> None:
        """A paragraph that starts with a bold label: »Hvorfor: …« (text flows with `write`, so
        no markup in the text is ever interpreted)."""
        height = size * 0.48
        self.set_text_color(*INK)
        self.set_font(FAMILY, "B", size)
        self.write(height, f"{label}: ")
        self.set_font(FAMILY, "", size)
        self.write(height, text)
        self.ln(height + 0.6)
        self.plain()

    def sign_line(self, label: str) -> None:
        """A label and a line to write on, for the sign-off block."""
        self.set_font(FAMILY, "", 10)
        self.set_text_color(*MUTED)
        self.cell(32, 12, label, new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.set_draw_color(*INK)
        bottom = self.get_y() + 10
        self.line(self.get_x(), bottom, self.get_x() + 110, bottom)
        self.ln(13)
        self.plain()

    def para(
        self,
        text: str,
        *,
        size: float = 10,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        indent: float = 0,
        after: float = 1.5,
    ) -> None:
        """A wrapped paragraph; long text flows on to the next page."""
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(after)
        self.plain()

    def bullet(self, text: str, *, mark: str = "•", detail: str = "", size: float = 10) -> None:
        """A list item with a hanging indent, and an optional grey text below it."""
        self.keep(12)
        self.set_font(FAMILY, "", size)
        self.set_x(self.l_margin + 2)
        self.cell(7, size * 0.5, mark)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        if detail:
            self.para(detail, size=size - 1, colour=MUTED, indent=9, after=0)
        self.ln(1.2)
        self.plain()

    def table_style(self) -> dict[str, object]:
        """One look for every table: blue heading row repeated on each page, light zebra rows."""
        return {
            "headings_style": FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT),
            "cell_fill_color": ZEBRA,
            "cell_fill_mode": "ROWS",
            "borders_layout": "NONE",
            "line_height": 4.4,
            "padding": (1.2, 1.5),
            "v_align": "TOP",
            "repeat_headings": 1,
        }
