"""Charts: the radar and the gap chart show the scorecard in the chosen language; PNG export."""

from __future__ import annotations

import math
from typing import Any

import pytest

from assessment.charts import chart_png, gap_chart, radar_chart
from assessment.i18n import t
from assessment.models import (
    Bank,
    DimensionScore,
    DimensionSpread,
    Lang,
    RoomSpread,
    Scorecard,
    Text,
)
from assessment.scoring import score
from tests.conftest import MakeResponse

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _rows(spec: dict[str, Any], column: str) -> list[dict[str, Any]]:
    """The inline data rows of every layer that has `column`."""
    return [row for rows in spec["datasets"].values() for row in rows if column in row]


def _card(bank: Bank, levels: dict[str, float | None], targets: dict[str, float]) -> Scorecard:
    """A scorecard built by hand, so a chart test does not depend on the scoring rules."""
    dims = [
        DimensionScore(
            dimension_id=d.id,
            level=levels.get(d.id),
            maturity=bank.maturity_of(lvl) if (lvl := levels.get(d.id)) is not None else None,
            answered=1,
            dont_know=0,
            unanswered=0,
            total=1,
            target=targets.get(d.id, 3.0),
            gap=round(max(0.0, targets.get(d.id, 3.0) - (levels.get(d.id) or 0.0)), 2),
        )
        for d in bank.dimensions
    ]
    return Scorecard(
        bank_id=bank.id,
        dimensions=dims,
        overall=None,
        overall_maturity=None,
        dont_know=[],
        unanswered=[],
    )


def _bank_with(tiny_bank: Bank, n: int) -> Bank:
    """The tiny bank stretched (or cut) to `n` dimensions, for radars with any number of axes."""
    template = tiny_bank.dimensions[0]
    dims = [
        template.model_copy(
            update={"id": f"d{i}", "order": i, "name": Text(da=f"Område {i}", en=f"Area {i}")}
        )
        for i in range(n)
    ]
    return tiny_bank.model_copy(update={"dimensions": dims})


@pytest.mark.parametrize("lang", ["da", "en"])
def test_radar_has_one_axis_label_per_dimension_in_the_language(tiny_bank: Bank, lang: Lang):
    """Each dimension's name appears once around the radar, in Danish or English."""
    card = _card(tiny_bank, {"alpha": 2.0, "beta": 1.5}, {})
    spec = radar_chart(tiny_bank, card, lang).to_dict()
    labels = [row["text"].replace("\n", " ") for row in _rows(spec, "align")]
    assert labels == [d.name(lang) for d in tiny_bank.dimensions]
    assert spec["title"]["text"] == t("chart.radar_title", lang)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_radar_plots_current_and_target_at_their_levels(tiny_bank: Bank, lang: Lang):
    """The 'now' polygon sits at each dimension's level and the target polygon at its target."""
    card = _card(tiny_bank, {"alpha": 2.5, "beta": 1.0}, {"alpha": 4.0, "beta": 3.0})
    spec = radar_chart(tiny_bank, card, lang).to_dict()
    radius = {
        (row["series"], row["i"]): math.hypot(row["x"], row["y"]) for row in _rows(spec, "series")
    }
    now, target = t("chart.current", lang), t("chart.target", lang)
    assert radius[(now, 0)] == pytest.approx(2.5)
    assert radius[(now, 1)] == pytest.approx(1.0)
    assert radius[(target, 0)] == pytest.approx(4.0)
    assert radius[(target, 1)] == pytest.approx(3.0)
    polygons = next(layer for layer in spec["layer"] if "stroke" in layer.get("encoding", {}))
    legend = polygons["encoding"]["stroke"]["scale"]["domain"]
    assert legend == (["Nu", "Mål"] if lang == "da" else ["Current", "Target"])


def test_radar_marks_a_dimension_without_level(tiny_bank: Bank):
    """A dimension with no answered question plots at 0 and its label carries a '?'."""
    card = _card(tiny_bank, {"alpha": 2.0, "beta": None}, {})
    spec = radar_chart(tiny_bank, card, "da").to_dict()
    labels = [row["text"].replace("\n", " ") for row in _rows(spec, "align")]
    assert labels[1] == "Dimension beta ?"
    beta_now = next(r for r in _rows(spec, "series") if r["series"] == "Nu" and r["i"] == 1)
    assert (beta_now["x"], beta_now["y"], beta_now["value"]) == (0.0, 0.0, "?")
    assert spec["title"]["subtitle"] == t("chart.unknown_note", "da")


def test_radar_with_room_spread_adds_the_median(tiny_bank: Bank):
    """A workshop's radar shows a third series, the room's median, and its min–max band."""
    card = _card(tiny_bank, {"alpha": 2.0, "beta": 1.0}, {})
    spread = RoomSpread(
        participants=6,
        dimensions=[
            DimensionSpread(dimension_id="alpha", participants=6, minimum=1, median=2.5, maximum=4),
            DimensionSpread(dimension_id="beta", participants=5, minimum=0, median=1, maximum=2),
        ],
    )
    spec = radar_chart(tiny_bank, card, "en", spread=spread).to_dict()
    median = {
        r["i"]: r["value"] for r in _rows(spec, "series") if r["series"] == "Participants' median"
    }
    assert median == {0: "2.5", 1: "1"}
    assert [r["range"] for r in _rows(spec, "range")] == ["1–4", "0–2"]


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8])
def test_radar_draws_for_any_number_of_dimensions(tiny_bank: Bank, n: int):
    """Banks with few or many dimensions still give a radar that renders."""
    bank = _bank_with(tiny_bank, n)
    card = _card(bank, {f"d{i}": i % 5 for i in range(n)}, {})
    spec = radar_chart(bank, card, "da").to_dict()
    assert len(_rows(spec, "align")) == n
    assert chart_png(radar_chart(bank, card, "da")).startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_gap_chart_lists_largest_gap_first(tiny_bank: Bank, lang: Lang):
    """The dimension furthest from its target is the top row; labels are in the language."""
    card = _card(tiny_bank, {"alpha": 2.5, "beta": 1.0}, {"alpha": 3.0, "beta": 3.0})
    spec = gap_chart(tiny_bank, card, lang).to_dict()
    order = spec["layer"][0]["encoding"]["y"]["sort"]
    assert order == [
        tiny_bank.dimension("beta").name(lang),
        tiny_bank.dimension("alpha").name(lang),
    ]
    assert spec["title"]["text"] == t("chart.gap_title", lang)
    assert spec["layer"][1]["encoding"]["x"]["scale"]["domain"] == [0, 4]
    gaps = {r["dimension"]: r["gap_text"] for r in _rows(spec, "gap_text")}
    assert gaps[tiny_bank.dimension("beta").name(lang)] == t("chart.gap_value", lang, gap="2")


def test_gap_chart_from_a_real_scorecard(tiny_bank: Bank, make_tiny: MakeResponse):
    """Scored answers go straight into the gap chart: a reached target says so."""
    card = score(tiny_bank, make_tiny({"alpha.one": 1, "beta.one": 3}, targets={"beta": 2.0}))
    spec = gap_chart(tiny_bank, card, "da").to_dict()
    assert spec["layer"][0]["encoding"]["y"]["sort"][-1] == "Dimension beta"
    assert "Mål nået" in {r["gap_text"] for r in _rows(spec, "gap_text")}


def test_chart_png_is_a_png_and_memoised(tiny_bank: Bank, make_tiny: MakeResponse):
    """Rendering gives PNG bytes, and the same chart is rendered only once per process."""
    card = score(tiny_bank, make_tiny({"alpha.one": 2, "beta.one": 1}))
    first = chart_png(gap_chart(tiny_bank, card, "en"))
    assert first.startswith(PNG_SIGNATURE)
    assert chart_png(gap_chart(tiny_bank, card, "en")) is first
