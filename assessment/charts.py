"""Altair charts of a scorecard, shared by the Streamlit app and the PDF report.

Vega-Lite has no radar mark, so the radar is drawn from x/y points (`radar_geometry`): closed
polygons for the series, grid rings, spokes and labels, with hidden axes and one scale for x and
y so the shape is not squashed. PNGs for the report are rendered offline by vl-convert and memoised
per spec, because the engine's first call is slow and the same charts are asked for repeatedly.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

from . import radar_geometry as geo
from .i18n import fmt_number, t
from .models import MAX_LEVEL, Bank, Lang, RoomSpread, Scorecard

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
"""The report's font first (vl-convert loads it from FONT_DIR), browser fonts after it."""

COLOURS = ("#1f4e79", "#d9822b", "#5b8c5a")
"""Current, target, room median: dark blue, amber, green; readable in greyscale print too."""
DASHES = ([1, 0], [6, 4], [2, 3])
GRID = "#c8ccd2"
MUTED = "#6b7280"
INK = "#1f2933"


@dataclass(frozen=True)
class RadarFrame:
    """What every radar draws around its shapes: the x/y encodings on one scale, the grid (rings
    and spokes, drawn first), and the ring numbers and area names (drawn last, on top)."""

    x: alt.X
    y: alt.Y
    grid: list[alt.Chart]
    front: list[alt.Chart]
    width: int
    height: int

    def tooltip(self, lang: Lang) -> list[alt.Tooltip]:
        """Area, series and level of a point."""
        return [
            alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
            alt.Tooltip("series:N", title=t("chart.series", lang)),
            alt.Tooltip("value:N", title=t("chart.level", lang)),
        ]


def radar_frame(names: list[str]) -> RadarFrame:
    """The frame of a radar with one spoke per name."""
    labels, (left, right, bottom, top) = geo.axis_labels(names)
    x = alt.X("x:Q", scale=alt.Scale(domain=[left, right], nice=False, zero=False), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[bottom, top], nice=False, zero=False), axis=None)
    n = len(names)
    grid = [
        alt.Chart(geo.rings(n))
        .mark_line(interpolate="linear-closed", stroke=GRID, strokeWidth=1, fill=None)
        .encode(x=x, y=y, order="i:Q", detail="ring:N"),
        alt.Chart(geo.spokes(n))
        .mark_rule(stroke=GRID, strokeWidth=1)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q"),
    ]
    front = [
        *[  # a white halo under each ring number keeps it legible where a polygon crosses it
            alt.Chart(geo.ring_numbers(n))
            .mark_text(baseline="middle", fontSize=10, **style)
            .encode(x=x, y=y, text="text:N")
            for style in ({"color": "white", "stroke": "white", "strokeWidth": 3}, {"color": MUTED})
        ],
        alt.Chart(labels)
        .mark_text(
            fontSize=geo.LABEL_PX,
            fontWeight="bold",
            color=INK,
            lineBreak="\n",
            align=alt.ExprRef("datum.align"),
            baseline=alt.ExprRef("datum.baseline"),
        )
        .encode(x=x, y=y, text="text:N"),
    ]
    width = round((right - left) * geo.PX_PER_UNIT)
    return RadarFrame(x, y, grid, front, width, height=round((top - bottom) * geo.PX_PER_UNIT))


SERIES_LEGEND = alt.Legend(title=None, orient="bottom", symbolType="stroke", symbolStrokeWidth=3)
"""The radars' legend: one line sample per series."""


def _series_scales(lang: Lang, with_room: bool) -> dict[str, alt.Scale]:
    """Colour and dash scales shared by every series layer, so one legend covers them all."""
    domain = [t("chart.current", lang), t("chart.target", lang)]
    if with_room:
        domain.append(t("chart.room_median", lang))
    n = len(domain)
    return {
        "colour": alt.Scale(domain=domain, range=list(COLOURS[:n])),
        "dash": alt.Scale(domain=domain, range=list(DASHES[:n])),
    }


def _label(name: str, known: bool) -> str:
    """A dimension's name, marked with '?' when none of its questions has a level."""
    return name if known else f"{name} ?"


def _level(value: float | None, lang: Lang) -> tuple[float, str]:
    """Where a level plots (no level plots at 0) and how it reads ('?' for no level)."""
    return (value, fmt_number(value, lang)) if value is not None else (0.0, "?")


def radar_chart(
    bank: Bank, scorecard: Scorecard, lang: Lang, *, spread: RoomSpread | None = None
) -> alt.LayerChart:
    """Current level and target per dimension on one radar, optionally with the room's median
    and its minimum–maximum band."""
    dims = bank.dimensions
    scores = [scorecard.dimension(d.id) for d in dims]
    names = [_label(d.name(lang), s.level is not None) for d, s in zip(dims, scores, strict=True)]
    frame = radar_frame(names)
    x, y = frame.x, frame.y
    series = {
        t("chart.current", lang): [_level(s.level, lang) for s in scores],
        t("chart.target", lang): [_level(s.target, lang) for s in scores],
    }
    room = {s.dimension_id: s for s in spread.dimensions} if spread is not None else {}
    if spread is not None:
        series[t("chart.room_median", lang)] = [
            _level(room[d.id].median if d.id in room else None, lang) for d in dims
        ]
    points = geo.series_points(series, names)
    scales = _series_scales(lang, spread is not None)
    legend = SERIES_LEGEND
    # Stroke, fill and dash share one field, scale and legend, or Vega-Lite drops the legend.
    polygons = (
        alt.Chart(points)
        .mark_line(interpolate="linear-closed", strokeWidth=2.5, fillOpacity=0.12)
        .encode(
            x=x,
            y=y,
            order="i:Q",
            stroke=alt.Stroke("series:N", scale=scales["colour"], legend=legend),
            fill=alt.Fill("series:N", scale=scales["colour"], legend=legend),
            strokeDash=alt.StrokeDash("series:N", scale=scales["dash"], legend=legend),
        )
    )
    vertices = (
        alt.Chart(points)
        .mark_point(filled=True, size=45, opacity=1, stroke="white")
        .encode(
            x=x,
            y=y,
            fill=alt.Fill("series:N", scale=scales["colour"], legend=None),
            tooltip=frame.tooltip(lang),
        )
    )
    back = list(frame.grid)
    if spread is not None:
        spans = [(room[d.id].minimum, room[d.id].maximum) if d.id in room else None for d in dims]
        back.append(_room_band(spans, names, lang, x, y))
    unknown = any(s.level is None for s in scores)
    title = alt.TitleParams(
        t("chart.radar_title", lang),
        subtitle=t("chart.unknown_note", lang) if unknown else "",
        anchor="start",
        fontSize=15,
        subtitleColor=MUTED,
    )
    return styled(
        alt.layer(*back, polygons, vertices, *frame.front).properties(
            width=frame.width, height=frame.height, title=title
        )
    )


def _room_band(
    spans: list[tuple[float, float] | None], names: list[str], lang: Lang, x: alt.X, y: alt.Y
) -> alt.Chart:
    """The room's minimum to maximum along each axis, as a broad translucent stroke."""
    band = geo.ranges(spans, names)
    band["range"] = [
        f"{fmt_number(lo, lang)}–{fmt_number(hi, lang)}" for lo, hi in filter(None, spans)
    ]
    return (
        alt.Chart(band)
        .mark_rule(stroke=COLOURS[2], strokeWidth=9, opacity=0.3, strokeCap="round")
        .encode(
            x=x,
            y=y,
            x2="x2:Q",
            y2="y2:Q",
            tooltip=[
                alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
                alt.Tooltip("range:N", title=t("chart.room_range", lang)),
            ],
        )
    )


def gap_chart(bank: Bank, scorecard: Scorecard, lang: Lang) -> alt.LayerChart:
    """Per dimension a bar from the current level to the target, the largest gap on top."""
    rows = []
    for order, d in enumerate(bank.dimensions):
        s = scorecard.dimension(d.id)
        rows.append(
            {
                "dimension": _label(d.name(lang), s.level is not None),
                "current": s.level or 0.0,
                "target": s.target,
                "gap": s.gap,
                "order": order,
                "current_text": fmt_number(s.level, lang) if s.level is not None else "?",
                "target_text": fmt_number(s.target, lang),
                "gap_text": t("chart.gap_value", lang, gap=fmt_number(s.gap, lang))
                if s.gap > 0
                else t("chart.reached", lang),
                "end": max(s.level or 0.0, s.target),
            }
        )
    frame = pd.DataFrame(rows).sort_values(["gap", "order"], ascending=[False, True])
    sort = frame["dimension"].tolist()
    scales = _series_scales(lang, False)
    y = alt.Y(
        "dimension:N",
        sort=sort,
        title=None,
        axis=alt.Axis(labelLimit=260, labelFontSize=12, labelPadding=14, domain=False, ticks=False),
    )
    levels = alt.Scale(domain=[0, MAX_LEVEL], nice=False)
    x = alt.X(
        "value:Q",
        scale=levels,
        axis=alt.Axis(
            values=list(range(MAX_LEVEL + 1)),
            format="d",
            gridColor="#e5e7eb",
            title=t("chart.level_axis", lang),
        ),
    )
    tooltip = [
        alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
        alt.Tooltip("current_text:N", title=t("chart.current", lang)),
        alt.Tooltip("target_text:N", title=t("chart.target", lang)),
        alt.Tooltip("gap_text:N", title=t("chart.gap", lang)),
    ]
    bars = (
        alt.Chart(frame)
        .mark_rule(strokeWidth=6, color=GRID, strokeCap="round")
        .encode(x=alt.X("current:Q", scale=levels), x2="target:Q", y=y, tooltip=tooltip)
    )
    ends = frame.melt(
        id_vars=["dimension", "current_text", "target_text", "gap_text"],
        value_vars=["current", "target"],
        var_name="series",
        value_name="value",
    ).replace({"series": {"current": t("chart.current", lang), "target": t("chart.target", lang)}})
    points = (
        alt.Chart(ends)
        .mark_point(filled=True, size=150, opacity=1)
        .encode(
            x=x,
            y=y,
            fill=alt.Fill(
                "series:N", scale=scales["colour"], legend=alt.Legend(title=None, orient="bottom")
            ),
            tooltip=tooltip,
        )
    )
    gaps = (
        alt.Chart(frame)
        .mark_text(align="left", dx=12, fontSize=11, color=MUTED)
        .encode(x=alt.X("end:Q", scale=levels), y=y, text="gap_text:N")
    )
    return styled(
        alt.layer(bars, points, gaps).properties(
            width=420,
            height=44 * len(rows),
            title=alt.TitleParams(t("chart.gap_title", lang), anchor="start", fontSize=15),
        )
    )


def styled(chart: alt.LayerChart) -> alt.LayerChart:
    """The report's font and a white, borderless background."""
    return chart.configure(font=FONT, background="white").configure_view(stroke=None)


def chart_png(chart: alt.TopLevelMixin, scale: float = 2) -> bytes:
    """The chart as PNG bytes, rendered offline; the same spec is rendered only once."""
    return _render(chart.to_json(), scale)


@functools.lru_cache(maxsize=64)
def _render(spec_json: str, scale: float) -> bytes:
    _engine()
    return vl_convert.vegalite_to_png(spec_json, scale=scale, allowed_base_urls=[])


@functools.lru_cache(maxsize=1)
def _engine() -> None:
    """Load the report's font into vl-convert, once per process."""
    vl_convert.register_font_directory(str(FONT_DIR))


def warm_up() -> None:
    """Start the chart engine now (about half a second) rather than on the first report."""
    _render(json.dumps({"data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}), 1)
