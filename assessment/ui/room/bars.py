"""The room's results as large bars in HTML: readable from the back of a room at 1280×720 and
1920×1080 (sizes in viewport units), drawn the same on the presenter view and the facilitator's
window. Only numbers and the bank's own words go into the HTML, escaped; never user text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from assessment.i18n import t
from assessment.models import DONT_KNOW, LEVELS, NOT_APPLICABLE, Bank, Choice, Lang
from assessment.workshop.rounds import Counts

STYLE = """<style>
.sm-bars { display: flex; gap: 1.2vw; align-items: flex-start; padding: 0 0.5vw; }
.sm-bar { flex: 1; display: flex; flex-direction: column; text-align: center; min-width: 0; }
.sm-plot { height: var(--sm-bars, 30vh); display: flex; flex-direction: column;
  justify-content: flex-end; }
.sm-count { font-size: 2.4vw; font-weight: 700; color: #1b2733; line-height: 1.2; }
.sm-fill { background: #1f5f8b; border-radius: 0.4vw 0.4vw 0 0; min-height: 2px; }
.sm-fill.sm-unknown { background: #8a94a0; }
.sm-fill.sm-agreed { background: #b45309; }
.sm-level { font-size: 2.2vw; font-weight: 700; border-top: 2px solid #1b2733;
  padding-top: 0.4vh; }
.sm-name { font-size: 1.3vw; color: #4b5563; min-height: 1.4em; }
.sm-voters { font-size: 1.6vw; font-weight: 600; line-height: 1.25; color: #1b2733;
  margin-top: 0.3vh; }
.sm-round { font-size: 1.3vw; color: #4b5563; margin: 0.6vh 0 0.2vh; }
.sm-small .sm-bars { --sm-bars: 14vh; gap: 0.4vw; }
.sm-small .sm-count, .sm-small .sm-level { font-size: 1.1vw; }
.sm-small .sm-name { display: none; }
.sm-hidden { font-size: 1.8vw; color: #4b5563; padding: 6vh 0; text-align: center;
  border: 2px dashed #c4ccd6; border-radius: 1vw; }
.sm-overview { width: 100%; border-collapse: collapse; table-layout: fixed;
  font-size: min(1.9vw, 3.4vh); line-height: 1.2; color: #1b2733; }
.sm-overview th { font-size: min(1.4vw, 2.5vh); font-weight: 600; color: #4b5563;
  text-align: center; padding: 0 0.3vw 0.4vh; border-bottom: 2px solid #1b2733; }
.sm-overview td { padding: 0.45vh 0.3vw; border-bottom: 1px solid #d6dce3; text-align: center;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sm-overview .sm-nr { width: 6%; text-align: left; font-weight: 700; }
.sm-overview .sm-q { width: auto; text-align: left; font-weight: 600; }
.sm-overview .sm-n { width: 9%; font-weight: 700; }
.sm-overview .sm-lv { width: 6.5%; font-weight: 700; }
.sm-overview .sm-unk { width: 9%; font-weight: 700; }
.sm-overview .sm-ag { width: 10%; font-weight: 800; color: #b45309; }
.sm-overview th.sm-q, .sm-overview th.sm-nr { text-align: left; }
.sm-overview td.sm-lv, .sm-overview td.sm-unk { color: #1b2733; }
.sm-overview td.sm-zero { color: #9aa3ad; font-weight: 400; }
.sm-overview td.sm-agreed { outline: 3px solid #b45309; outline-offset: -3px; }
.sm-overview-hidden { font-size: min(1.6vw, 2.8vh); color: #4b5563; margin-top: 1vh;
  text-align: center; }
</style>"""
"""The bars' look; set once per page (a style-only `st.html` takes no room on the page)."""

OPTIONS: tuple[Choice, ...] = (*LEVELS, DONT_KNOW)
WITH_NOT_APPLICABLE: tuple[Choice, ...] = (*OPTIONS, NOT_APPLICABLE)


def bars(
    bank: Bank,
    counts: Counts,
    lang: Lang,
    *,
    agreed: Choice = None,
    voters: dict[str, tuple[str, ...]] | None = None,
    caption: str = "",
    small: bool = False,
) -> str:
    """One bar per level 0–4 and "don't know" (and "not applicable" when anyone chose it), the
    count above each, the level's name below; the agreed level's bar in another colour.
    `voters` (names per choice) is shown only when the facilitator turned names on, and is
    escaped like everything else."""
    options = WITH_NOT_APPLICABLE if counts.not_applicable else OPTIONS
    values = [*counts.levels, counts.dont_know, counts.not_applicable][: len(options)]
    top = max([*values, 1])
    columns = []
    for option, value in zip(options, values, strict=True):
        unknown = not isinstance(option, int)
        label = choice_label(option, lang)
        name = "" if unknown else bank.maturity[int(option)].name(lang)
        kind = " sm-agreed" if option == agreed else (" sm-unknown" if unknown else "")
        names = (voters or {}).get(str(option), ())
        columns.append(
            f'<div class="sm-bar"><div class="sm-plot"><div class="sm-count">{value}</div>'
            f'<div class="sm-fill{kind}" style="height:{value / top * 80:.1f}%"></div></div>'
            f'<div class="sm-level">{escape(label)}</div><div class="sm-name">{escape(name)}</div>'
            + (f'<div class="sm-voters">{escape(", ".join(names))}</div>' if names else "")
            + "</div>"
        )
    head = f'<div class="sm-round">{escape(caption)}</div>' if caption else ""
    wrapper = "sm-small" if small else "sm-large"
    return f'<div class="{wrapper}">{head}<div class="sm-bars">{"".join(columns)}</div></div>'


def hidden(text: str) -> str:
    """Where the bars will be, while the results are hidden."""
    return f'<div class="sm-hidden">{escape(text)}</div>'


@dataclass(frozen=True)
class Row:
    """One question of an area's overview: its number (1.2), short title, counts and decision."""

    number: str
    title: str
    counts: Counts
    agreed: Choice = None


def overview(rows: list[Row], lang: Lang, *, revealed: bool, hidden_text: str) -> str:
    """An area on one screen, a line per question: number, short title, how many answered,
    and once revealed how many chose each level and "don't know", each cell shaded by its
    share, the agreed level framed and named in the last column. Twelve questions fit at
    1280×720 and 1920×1080 (sizes in viewport units, bounded by the height)."""
    unknowns: tuple[Choice, ...] = (DONT_KNOW,)
    if any(r.counts.not_applicable for r in rows):
        unknowns = (DONT_KNOW, NOT_APPLICABLE)
    head = [
        f'<th class="sm-nr">{escape(t("ws.s.col.number", lang))}</th>',
        f'<th class="sm-q">{escape(t("ws.s.col.question", lang))}</th>',
        f'<th class="sm-n">{escape(t("ws.s.col.answered", lang))}</th>',
        *(f'<th class="sm-lv">{level}</th>' for level in LEVELS),
        *(f'<th class="sm-unk">{escape(choice_label(u, lang))}</th>' for u in unknowns),
        f'<th class="sm-ag">{escape(t("ws.s.col.agreed", lang))}</th>',
    ]
    body = []
    for row in rows:
        c = row.counts
        cells = [
            f'<td class="sm-nr">{escape(row.number)}</td>',
            f'<td class="sm-q">{escape(row.title)}</td>',
            f'<td class="sm-n">{c.answered}</td>',
        ]
        values = [
            *zip(LEVELS, c.levels, strict=True),
            *((u, c.dont_know if u == DONT_KNOW else c.not_applicable) for u in unknowns),
        ]
        top = max([v for _, v in values] + [1])
        for option, value in values:
            kind = "sm-lv" if isinstance(option, int) else "sm-unk"
            if not revealed:
                cells.append(f'<td class="{kind}"></td>')
                continue
            shade = (
                f"background: rgba(31, 95, 139, {0.08 + 0.5 * value / top:.2f})" if value else ""
            )
            extra = (" sm-zero" if not value else "") + (
                " sm-agreed" if option == row.agreed else ""
            )
            cells.append(f'<td class="{kind}{extra}" style="{shade}">{value}</td>')
        agreed = "" if row.agreed is None or not revealed else choice_label(row.agreed, lang)
        cells.append(f'<td class="sm-ag">{escape(agreed)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    table = (
        f'<table class="sm-overview"><thead><tr>{"".join(head)}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    if not revealed:
        table += f'<div class="sm-overview-hidden">{escape(hidden_text)}</div>'
    return table


def choice_label(option: Choice | None, lang: Lang) -> str:
    """A choice as bars, tables and decisions write it: the level's number, "ved ikke" or
    "ikke relevant"."""
    if option == DONT_KNOW:
        return t("ui.dont_know", lang)
    return t("ui.not_applicable", lang) if option == NOT_APPLICABLE else str(option)
