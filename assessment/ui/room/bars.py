"""The room's results as large bars in HTML: readable from the back of a room at 1280×720 and
1920×1080 (sizes in viewport units), drawn the same on the presenter view and the facilitator's
window. Only numbers and the bank's own words go into the HTML, escaped; never user text.
"""

from __future__ import annotations

from html import escape

from assessment.i18n import t
from assessment.models import DONT_KNOW, LEVELS, NOT_APPLICABLE, Bank, Choice, Lang
from assessment.workshop.rounds import Counts

STYLE = """<style>
.sm-bars { display: flex; gap: 1.2vw; align-items: flex-end; height: var(--sm-bars, 38vh);
  padding: 0 0.5vw; }
.sm-bar { flex: 1; display: flex; flex-direction: column; justify-content: flex-end;
  height: 100%; text-align: center; }
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
        label = str(option) if not unknown else t(
            "ui.dont_know" if option == DONT_KNOW else "ui.not_applicable", lang
        )  # fmt: skip
        name = "" if unknown else bank.maturity[int(option)].name(lang)
        kind = " sm-agreed" if option == agreed else (" sm-unknown" if unknown else "")
        names = (voters or {}).get(str(option), ())
        columns.append(
            f'<div class="sm-bar"><div class="sm-count">{value}</div>'
            f'<div class="sm-fill{kind}" style="height:{value / top * 80:.1f}%"></div>'
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
