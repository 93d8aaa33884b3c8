"""The shipped copy of the 98 municipalities."""

from __future__ import annotations

from assessment.i18n import municipality_facts
from assessment.municipalities import municipalities, municipality


def test_all_98_municipalities_with_region_population_and_group():
    """98 unique codes, five regions, five municipality groups, a plausible total population."""
    rows = municipalities()
    assert len(rows) == 98 == len({m.code for m in rows})
    assert len({m.region for m in rows}) == 5
    assert {m.group_id for m in rows} == {1, 2, 3, 4, 5}
    assert 5_900_000 < sum(m.population for m in rows) < 6_200_000


def test_spot_checks_against_statistics_denmark():
    """Known figures for 1 January 2026 from FOLK1A."""
    assert municipality(101).name == "København"
    assert municipality(101).population == 671_714
    assert municipality(825).name == "Læsø"
    assert municipality(825).group_name("en") == "Rural municipalities"


def test_sorted_the_danish_way():
    """Æ, Ø and Å (written Aa) come after Z, as in a Danish list."""
    names = [m.name for m in municipalities()]
    assert names[0] == "Albertslund"
    assert names.index("Ærø") < names.index("Aabenraa") < names.index("Aarhus")
    assert names.index("Vordingborg") < names.index("Ærø")


def test_a_municipality_is_described_in_one_line_with_the_population_as_each_language_writes_it():
    """The line under the municipality's name on the start and about pages (Babel's formats)."""
    holbaek = municipality(316)
    assert municipality_facts(holbaek, "da") == (
        "Region Sjælland · 75.009 indbyggere · Oplandskommuner"
    )
    assert municipality_facts(holbaek, "en") == (
        "Region Sjælland · population 75,009 · Commuter-belt municipalities"
    )
