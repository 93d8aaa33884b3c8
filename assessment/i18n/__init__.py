"""User-facing strings in Danish (the default) and English.

One flat table keyed by dotted names (`cli.…`, `error.…`, `report.…`, `ui.…`); every entry has
both languages, which a test checks. Placeholders use str.format names.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal

from ..models import Lang
from ..municipalities import MunicipalityInfo
from .bank import BANK_STRINGS
from .core import CORE_STRINGS
from .room import ROOM_STRINGS
from .ui import UI_STRINGS
from .workshop import WORKSHOP_STRINGS
from .workspace import WORKSPACE_STRINGS

DEFAULT_LANG: Lang = "da"
LOCALES: dict[Lang, str] = {"da": "da_DK", "en": "en_GB"}
"""Babel's locales: Danish as written in Denmark, English as written in Britain (24 November
2026, not November 24, 2026)."""

STRINGS: dict[str, dict[str, str]] = {
    **CORE_STRINGS,
    **BANK_STRINGS,
    **UI_STRINGS,
    **WORKSHOP_STRINGS,
    **ROOM_STRINGS,
    **WORKSPACE_STRINGS,
}


def t(key: str, lang: Lang = DEFAULT_LANG, /, **params: object) -> str:
    """The string for `key` in `lang`, with placeholders filled."""
    return STRINGS[key][lang].format(**params)


def tn(key: str, count: int, lang: Lang = DEFAULT_LANG, /, **params: object) -> str:
    """The string for `key` in the form that fits `count`: `key.one` for exactly one, else
    `key.other` (Danish and English have just these two), with `{count}` filled in: "1 action
    waits", "2 actions wait"; "1 handling venter", "2 handlinger venter"."""
    return t(f"{key}.{'one' if count == 1 else 'other'}", lang, count=count, **params)


def fmt_list(items: list[str], lang: Lang = DEFAULT_LANG, *, either: bool = False) -> str:
    """Items joined as each language lists them, by Babel: "1, 4 og 9", "1, 4 and 9"; with
    `either`, "1, 4 eller 9", "1, 4 or 9"."""
    return format_list(items, style="or" if either else "standard", locale=LOCALES[lang])


def fmt_number(value: float, lang: Lang = DEFAULT_LANG, digits: int = 1) -> str:
    """A number as people write it, by Babel: `2,5` and `1.265` in Danish, `2.5` and `1,265` in
    English, `3` not `3.0`. Rounds half to even, as `scoring.shown_level` does."""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def municipality_facts(info: MunicipalityInfo, lang: Lang = DEFAULT_LANG) -> str:
    """Region, population and Statistics Denmark group in one line, under a municipality's name."""
    return t(
        "ui.start.group",
        lang,
        region=info.region,
        population=fmt_number(info.population, lang, digits=0),
        group=info.group_name(lang),
    )


def fmt_date(day: dt.date, lang: Lang = DEFAULT_LANG) -> str:
    """A date in words: '24. november 2026' or '24 November 2026'."""
    return format_date(day, "long", locale=LOCALES[lang])
