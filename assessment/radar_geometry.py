"""Where things go on the radar, in data units (ring 4 has radius 4), as pandas frames.

Vega-Lite has no radar mark, so `charts.radar_chart` draws lines and text at the points computed
here. Kept apart from the Altair code so the geometry can be read (and tested) on its own.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd

from .models import MAX_LEVEL

LABEL_RADIUS = MAX_LEVEL + 0.55
PX_PER_UNIT = 34
"""Pixels per data unit on both axes: one scale for x and y keeps the shape true."""
LABEL_PX = 12
LABEL_WRAP = 18
"""Axis labels: font size in px and characters per line."""
CHAR_UNITS, LINE_UNITS = 0.62 * LABEL_PX / PX_PER_UNIT, 1.2 * LABEL_PX / PX_PER_UNIT
"""Rough width of a bold character and height of a line, in data units, to size the chart."""
CIRCLE_CORNERS = 72
"""With fewer than three axes a ring cannot be a polygon: draw it as a circle of this many."""


def angle(i: int, n: int) -> float:
    """The first axis points up; the rest follow clockwise."""
    return math.pi / 2 - 2 * math.pi * i / n


def point(radius: float, theta: float) -> dict[str, float]:
    return {"x": radius * math.cos(theta), "y": radius * math.sin(theta)}


def series_points(series: dict[str, list[tuple[float, str]]], names: list[str]) -> pd.DataFrame:
    """One row per series and axis: the vertex of that series' polygon, in axis order `i`."""
    n = len(names)
    return pd.DataFrame(
        [
            {
                "series": label,
                "i": i,
                "dimension": names[i],
                "value": text,
                **point(value, angle(i, n)),
            }
            for label, values in series.items()
            for i, (value, text) in enumerate(values)
        ]
    )


def rings(n: int) -> pd.DataFrame:
    """Grid rings 1–4, each a closed line through `i` in order."""
    corners = n if n >= 3 else CIRCLE_CORNERS
    return pd.DataFrame(
        [
            {"ring": r, "i": i, **point(r, angle(i, corners))}
            for r in range(1, MAX_LEVEL + 1)
            for i in range(corners)
        ]
    )


def spokes(n: int) -> pd.DataFrame:
    """One line from the centre to ring 4 per axis."""
    ends = [point(MAX_LEVEL, angle(i, n)) for i in range(n)]
    return pd.DataFrame([{"x": 0.0, "y": 0.0, "x2": e["x"], "y2": e["y"]} for e in ends])


def ring_numbers(n: int) -> pd.DataFrame:
    """The numbers 1–4 on their rings, halfway between the first and the last axis, where no
    series has a vertex."""
    corners = n if n >= 3 else CIRCLE_CORNERS
    between = angle(0, n) + math.pi / n
    reach = math.cos(math.pi / corners)  # the middle of a polygon's edge is nearer the centre
    return pd.DataFrame(
        [{**point(r * reach, between), "text": str(r)} for r in range(1, MAX_LEVEL + 1)]
    )


def ranges(spans: list[tuple[float, float] | None], names: list[str]) -> pd.DataFrame:
    """A segment from minimum to maximum along each axis that has a span."""
    rows = []
    for i, span in enumerate(spans):
        if span is not None:
            low, high = point(span[0], angle(i, len(spans))), point(span[1], angle(i, len(spans)))
            rows.append({**low, "x2": high["x"], "y2": high["y"], "dimension": names[i]})
    return pd.DataFrame(rows, columns=["x", "y", "x2", "y2", "dimension"])


def axis_labels(names: list[str]) -> tuple[pd.DataFrame, tuple[float, float, float, float]]:
    """Dimension names outside ring 4, aligned away from the centre, and the data extent
    (left, right, bottom, top) that holds them all, so no label is cut off."""
    rows = []
    left = bottom = -MAX_LEVEL - 0.3
    right = top = MAX_LEVEL + 0.3
    for i, name in enumerate(names):
        at = point(LABEL_RADIUS, angle(i, len(names)))
        lines = textwrap.wrap(name, LABEL_WRAP) or [name]
        wide = max(len(line) for line in lines) * CHAR_UNITS
        tall = len(lines) * LINE_UNITS
        align = "left" if at["x"] > 0.3 else "right" if at["x"] < -0.3 else "center"
        baseline = "bottom" if at["y"] > 0.3 else "top" if at["y"] < -0.3 else "middle"
        x0 = at["x"] - {"left": 0, "right": wide, "center": wide / 2}[align]
        y0 = at["y"] - {"bottom": 0, "top": tall, "middle": tall / 2}[baseline]
        left, right = min(left, x0 - 0.2), max(right, x0 + wide + 0.2)
        bottom, top = min(bottom, y0 - 0.2), max(top, y0 + tall + 0.2)
        rows.append({**at, "text": "\n".join(lines), "align": align, "baseline": baseline})
    reach = max(-left, right)  # keep the centre in the middle of the picture
    return pd.DataFrame(rows), (-reach, reach, bottom, top)
