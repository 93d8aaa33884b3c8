"""The 98 Danish municipalities, from the copy shipped with the package (see data/SOURCE.md)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict

DATA_FILE = Path(__file__).resolve().parent / "data" / "municipalities.csv"

GROUP_NAMES_EN = {
    1: "Capital-area municipalities",
    2: "Large-city municipalities",
    3: "Provincial-town municipalities",
    4: "Commuter-belt municipalities",
    5: "Rural municipalities",
}


class MunicipalityInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: int
    name: str
    region: str
    population: int
    year: int
    group_id: int
    group: str

    def group_name(self, lang: str) -> str:
        """Statistics Denmark's group name; the English one is ours."""
        return self.group if lang == "da" else GROUP_NAMES_EN[self.group_id]


@cache
def municipalities() -> tuple[MunicipalityInfo, ...]:
    """All 98 municipalities, sorted by name as Danes sort (æ, ø, å last)."""
    with DATA_FILE.open(encoding="utf-8", newline="") as f:
        rows = [MunicipalityInfo.model_validate(r) for r in csv.DictReader(f)]
    return tuple(sorted(rows, key=lambda m: _danish_key(m.name)))


def municipality(code: int) -> MunicipalityInfo:
    """The municipality with this code; KeyError if there is none."""
    for m in municipalities():
        if m.code == code:
            return m
    raise KeyError(code)


_ORDER = {"æ": "{", "ø": "|", "å": "}", "aa": "}"}


def _danish_key(name: str) -> str:
    key = name.lower()
    for letter, after_z in _ORDER.items():
        key = key.replace(letter, after_z)
    return key
