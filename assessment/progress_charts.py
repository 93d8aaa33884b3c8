"""Charts over time and among peers, shared by the app and the PDF: the radar with the rounds
overlaid, and an area's spread among peers with the municipality's own level on it.

The radar uses the same geometry as `charts.radar_chart` (`radar_geometry`); the latest round is
drawn dark and solid, earlier ones lighter and dashed, so the newest shape reads first also in
greyscale print.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from . import radar_geometry as geo
from .charts import MUTED, SERIES_LEGEND, radar_frame, styled
from .i18n import fmt_number, t
from .models import MAX_LEVEL, Bank, Lang
from .peers.distribution import Scope
from .progress import Progress

RADAR_ROUNDS = 4
"""The radar shows at most the latest four rounds; more shapes stop being readable."""
ROUND_COLOURS = ("#c6d4e1", "#8fa9c2", "#5b7fa3", "#1f4e79")
"""Oldest to newest: light to the report's dark blue."""
OWN = "#d9822b"


def round_label(number: int, day: dt.date, lang: Lang) -> str:
    """A round as the legend names it: its number and the day it was started."""
    return t("chart.round", lang, number=number, date=f"{day:%d.%m.%Y}")


def rounds_radar(bank: Bank, progress: Progress, lang: Lang) -> alt.LayerChart:
    """Every area's level in the latest rounds, one closed shape per round."""
    dims = bank.dimensions
    first = len(progress.rounds) - min(RADAR_ROUNDS, len(progress.rounds))
    shown = list(enumerate(progress.rounds, start=1))[first:]
    names = [d.name(lang) for d in dims]
    frame = radar_frame(names)
    x, y = frame.x, frame.y
    series = {
        round_label(n, r.day, lang): [
            (lvl, fmt_number(lvl, lang)) if (lvl := r.levels[d.id]) is not None else (0.0, "?")
            for d in dims
        ]
        for n, r in shown
    }
    domain = list(series)
    colours = list(ROUND_COLOURS[-len(domain) :])
    dashes = [[5, 3]] * (len(domain) - 1) + [[1, 0]]
    legend = SERIES_LEGEND
    colour = alt.Scale(domain=domain, range=colours)
    points = geo.series_points(series, names)
    shapes = (
        alt.Chart(points)
        .mark_line(interpolate="linear-closed", strokeWidth=2.5, fillOpacity=0.08)
        .encode(
            x=x,
            y=y,
            order="i:Q",
            stroke=alt.Stroke("series:N", scale=colour, legend=legend),
            fill=alt.Fill("series:N", scale=colour, legend=legend),
            strokeDash=alt.StrokeDash(
                "series:N", scale=alt.Scale(domain=domain, range=dashes), legend=legend
            ),
            tooltip=frame.tooltip(lang),
        )
    )
    return styled(
        alt.layer(*frame.grid, shapes, *frame.front).properties(
            width=frame.width,
            height=frame.height,
            title=alt.TitleParams(t("chart.rounds_title", lang), anchor="start", fontSize=15),
        )
    )


def peer_chart(
    bank: Bank, scope: Scope, own: dict[str, float | None], lang: Lang, *, simulated: bool
) -> alt.LayerChart:
    """Per area the middle half of the peers' levels (a bar from the lower to the upper
    quartile), their median (a tick) and the municipality's own level (a dot). Areas with
    fewer than K municipalities have no bar; no single peer is ever drawn."""
    rows = []
    for d in bank.dimensions:
        s = scope.areas[d.id]
        level = own.get(d.id)
        rows.append(
            {
                "area": d.name(lang),
                "lower": s.lower if s else None,
                "median": s.median if s else None,
                "upper": s.upper if s else None,
                "own": level,
                "note": "" if s else t("chart.peers_too_few", lang),
                "spread": (
                    t(
                        "chart.peers_spread",
                        lang,
                        lower=fmt_number(s.lower, lang),
                        median=fmt_number(s.median, lang),
                        upper=fmt_number(s.upper, lang),
                    )
                    if s
                    else ""
                ),
                "own_text": fmt_number(level, lang) if level is not None else "?",
            }
        )
    frame = pd.DataFrame(rows)
    order = [d.name(lang) for d in bank.dimensions]
    y = alt.Y("area:N", sort=order, title=None, axis=alt.Axis(labelLimit=260, labelFontSize=12))
    scale = alt.Scale(domain=[0, MAX_LEVEL], nice=False)
    x_axis = alt.Axis(
        values=list(range(MAX_LEVEL + 1)), format="d", title=t("chart.level_axis", lang)
    )
    tooltip = [
        alt.Tooltip("area:N", title=t("chart.dimension", lang)),
        alt.Tooltip("spread:N", title=t("chart.peers_middle", lang)),
        alt.Tooltip("own_text:N", title=t("chart.peers_own", lang)),
    ]
    band = (
        alt.Chart(frame)
        .mark_bar(height=14, color="#c6d4e1")
        .encode(x=alt.X("lower:Q", scale=scale, axis=x_axis), x2="upper:Q", y=y, tooltip=tooltip)
    )
    median = (
        alt.Chart(frame)
        .mark_tick(thickness=3, size=20, color="#1f4e79")
        .encode(x=alt.X("median:Q", scale=scale), y=y, tooltip=tooltip)
    )
    mine = (
        alt.Chart(frame)
        .mark_point(filled=True, size=120, color=OWN, opacity=1)
        .encode(x=alt.X("own:Q", scale=scale), y=y, tooltip=tooltip)
    )
    note = (
        alt.Chart(frame)
        .mark_text(align="left", dx=4, fontSize=11, color=MUTED)
        .encode(x=alt.value(4), y=y, text="note:N")
    )
    title = t("chart.peers_title", lang)
    if simulated:
        title = f"{t('peers.simulated.label', lang)}: {title}"
    return styled(
        alt.layer(band, median, mine, note).properties(
            width=420,
            height=44 * len(rows),
            title=alt.TitleParams(
                title,
                subtitle=t("chart.peers_legend", lang),
                anchor="start",
                fontSize=15,
                subtitleColor=MUTED,
            ),
        )
    )
