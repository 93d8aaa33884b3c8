"""Altair charts of a scorecard, shared by the Streamlit app and the PDF report.

Vega-Lite has no radar mark, so the radar is drawn from x/y points computed here: closed
polygons for the series, grid rings, spokes and labels, with hidden axes and equal x/y scales so
the shape is not squashed. PNGs for the report are rendered offline by vl-convert and memoised
per spec, because the engine's first call is slow and the same charts are asked for repeatedly.
"""

from __future__ import annotations

import functools
import json
import math
import textwrap
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

from .i18n import fmt_number, t
from .models import MAX_LEVEL, Bank, DimensionSpread, Lang, RoomSpread, Scorecard

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
"""The report's font first (vl-convert loads it from FONT_DIR), browser fonts after it."""

COLOURS = ("#1f4e79", "#d9822b", "#5b8c5a")
"""Current, target, room median: dark blue, amber, green; readable in greyscale print too."""
DASHES = ([1, 0], [6, 4], [2, 3])
GRID = "#c8ccd2"
MUTED = "#6b7280"

LABEL_RADIUS = MAX_LEVEL + 0.55
PX_PER_UNIT = 34
LABEL_PX = 12
LABEL_WRAP = 18
"""Axis labels: font size in px and characters per line."""
CHAR_UNITS, LINE_UNITS = 0.62 * LABEL_PX / PX_PER_UNIT, 1.2 * LABEL_PX / PX_PER_UNIT
"""Rough width of a bold character and height of a line, in data units, to size the chart."""


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


def _angle(i: int, n: int) -> float:
    """The first axis points up; the rest follow clockwise."""
    return math.pi / 2 - 2 * math.pi * i / n


def _point(radius: float, angle: float) -> tuple[float, float]:
    return radius * math.cos(angle), radius * math.sin(angle)


def radar_chart(
    bank: Bank, scorecard: Scorecard, lang: Lang, *, spread: RoomSpread | None = None
) -> alt.LayerChart:
    """Current level and target per dimension on one radar, optionally with the room's median."""
    dims = bank.dimensions
    scores = [scorecard.dimension(d.id) for d in dims]
    names = [_label(d.name(lang), s.level is not None) for d, s in zip(dims, scores, strict=True)]
    labels, (left, right, bottom, top) = _axis_labels(names)
    x = alt.X("x:Q", scale=alt.Scale(domain=[left, right], nice=False, zero=False), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[bottom, top], nice=False, zero=False), axis=None)

    current = t("chart.current", lang)
    series: dict[str, list[tuple[float, str]]] = {
        current: [
            (s.level, fmt_number(s.level, lang)) if s.level is not None else (0.0, "?")
            for s in scores
        ],
        t("chart.target", lang): [(s.target, fmt_number(s.target, lang)) for s in scores],
    }
    spreads = {s.dimension_id: s for s in spread.dimensions} if spread else {}
    if spread is not None:
        series[t("chart.room_median", lang)] = [
            (m, fmt_number(m, lang)) if (m := _median(spreads, d.id)) is not None else (0.0, "?")
            for d in dims
        ]
    points = pd.DataFrame(
        [
            {
                "series": label,
                "i": i,
                "dimension": names[i],
                "value": text,
                **dict(zip("xy", _point(value, _angle(i, len(dims))), strict=True)),
            }
            for label, values in series.items()
            for i, (value, text) in enumerate(values)
        ]
    )
    scales = _series_scales(lang, spread is not None)
    legend = alt.Legend(title=None, orient="bottom", symbolType="stroke", symbolStrokeWidth=3)
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
            tooltip=[
                alt.Tooltip("dimension:N", title=t("chart.dimension", lang)),
                alt.Tooltip("series:N", title=t("chart.series", lang)),
                alt.Tooltip("value:N", title=t("chart.level", lang)),
            ],
        )
    )
    back, front = _grid(len(dims), labels, x, y)
    if spread is not None:
        back.append(_room_range(bank, spreads, names, lang, x, y))
    unknown = any(s.level is None for s in scores)
    title = alt.TitleParams(
        t("chart.radar_title", lang),
        subtitle=t("chart.unknown_note", lang) if unknown else "",
        anchor="start",
        fontSize=15,
        subtitleColor=MUTED,
    )
    return _styled(
        alt.layer(*back, polygons, vertices, *front).properties(
            width=round((right - left) * PX_PER_UNIT),
            height=round((top - bottom) * PX_PER_UNIT),
            title=title,
        )
    )


def _median(spreads: dict[str, DimensionSpread], dimension_id: str) -> float | None:
    s = spreads.get(dimension_id)
    return s.median if s is not None else None


def _axis_labels(names: list[str]) -> tuple[pd.DataFrame, tuple[float, float, float, float]]:
    """Dimension names placed outside ring 4, aligned away from the centre, and the data
    extent (left, right, bottom, top) that holds them, so no label is cut off."""
    rows = []
    left = bottom = -MAX_LEVEL - 0.3
    right = top = MAX_LEVEL + 0.3
    for i, name in enumerate(names):
        lx, ly = _point(LABEL_RADIUS, _angle(i, len(names)))
        lines = textwrap.wrap(name, LABEL_WRAP) or [name]
        wide = max(len(line) for line in lines) * CHAR_UNITS
        tall = len(lines) * LINE_UNITS
        align = "left" if lx > 0.3 else "right" if lx < -0.3 else "center"
        baseline = "bottom" if ly > 0.3 else "top" if ly < -0.3 else "middle"
        x0 = {"left": lx, "right": lx - wide, "center": lx - wide / 2}[align]
        y0 = {"bottom": ly, "top": ly - tall, "middle": ly - tall / 2}[baseline]
        left, right = min(left, x0 - 0.2), max(right, x0 + wide + 0.2)
        bottom, top = min(bottom, y0 - 0.2), max(top, y0 + tall + 0.2)
        rows.append(
            {"x": lx, "y": ly, "text": "\n".join(lines), "align": align, "baseline": baseline}
        )
    reach = max(-left, right)  # keep the centre in the middle of the picture
    return pd.DataFrame(rows), (-reach, reach, bottom, top)


def _grid(
    n: int, labels: pd.DataFrame, x: alt.X, y: alt.Y
) -> tuple[list[alt.Chart], list[alt.Chart]]:
    """What goes behind the series (rings 1–4: polygons, or circles when there are too few axes
    for a polygon; spokes) and in front of them (ring numbers, dimension names)."""
    corners = n if n >= 3 else 72
    rings = pd.DataFrame(
        [
            {"ring": r, "i": i, **dict(zip("xy", _point(r, _angle(i, corners)), strict=True))}
            for r in range(1, MAX_LEVEL + 1)
            for i in range(corners)
        ]
    )
    spokes = pd.DataFrame(
        [
            dict(
                zip(
                    ("x", "y", "x2", "y2"),
                    (0.0, 0.0, *_point(MAX_LEVEL, _angle(i, n))),
                    strict=True,
                )
            )
            for i in range(n)
        ]
    )
    # Ring numbers sit halfway between the first and the last axis, clear of the vertices.
    between = _angle(0, n) + math.pi / n
    reach = math.cos(math.pi / corners)
    numbers = pd.DataFrame(
        [
            {**dict(zip("xy", _point(r * reach, between), strict=True)), "text": str(r)}
            for r in range(1, MAX_LEVEL + 1)
        ]
    )
    back = [
        alt.Chart(rings)
        .mark_line(interpolate="linear-closed", stroke=GRID, strokeWidth=1, fill=None)
        .encode(x=x, y=y, order="i:Q", detail="ring:N"),
        alt.Chart(spokes)
        .mark_rule(stroke=GRID, strokeWidth=1)
        .encode(x=x, y=y, x2="x2:Q", y2="y2:Q"),
    ]
    front = [
        *[  # a white halo under each ring number keeps it legible where a polygon crosses it
            alt.Chart(numbers)
            .mark_text(baseline="middle", fontSize=10, **style)
            .encode(x=x, y=y, text="text:N")
            for style in ({"color": "white", "stroke": "white", "strokeWidth": 3}, {"color": MUTED})
        ],
        alt.Chart(labels)
        .mark_text(
            fontSize=LABEL_PX,
            fontWeight="bold",
            color="#1f2933",
            lineBreak="\n",
            align=alt.ExprRef("datum.align"),
            baseline=alt.ExprRef("datum.baseline"),
        )
        .encode(x=x, y=y, text="text:N"),
    ]
    return back, front


def _room_range(
    bank: Bank,
    spreads: dict[str, DimensionSpread],
    names: list[str],
    lang: Lang,
    x: alt.X,
    y: alt.Y,
) -> alt.Chart:
    """The room's minimum to maximum on each spoke, as a broad translucent band."""
    rows = []
    for i, d in enumerate(bank.dimensions):
        s = spreads.get(d.id)
        if s is None:
            continue
        angle = _angle(i, len(bank.dimensions))
        (x1, y1), (x2, y2) = _point(s.minimum, angle), _point(s.maximum, angle)
        rows.append(
            {
                "x": x1,
                "y": y1,
                "x2": x2,
                "y2": y2,
                "dimension": names[i],
                "range": f"{fmt_number(s.minimum, lang)}–{fmt_number(s.maximum, lang)}",
            }
        )
    return (
        alt.Chart(pd.DataFrame(rows, columns=["x", "y", "x2", "y2", "dimension", "range"]))
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
    ends = (
        alt.Chart(frame)
        .transform_fold(["current", "target"], as_=["which", "value"])
        .transform_calculate(
            series=f"datum.which == 'current' ? {json.dumps(t('chart.current', lang))}"
            f" : {json.dumps(t('chart.target', lang))}"
        )
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
    return _styled(
        alt.layer(bars, ends, gaps).properties(
            width=420,
            height=44 * len(rows),
            title=alt.TitleParams(t("chart.gap_title", lang), anchor="start", fontSize=15),
        )
    )


def _styled(chart: alt.LayerChart) -> alt.LayerChart:
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
    """Start the chart engine now (about a second) rather than on the first report."""
    _render(json.dumps({"data": {"values": [{"a": 1}]}, "mark": "point", "encoding": {}}), 1)
