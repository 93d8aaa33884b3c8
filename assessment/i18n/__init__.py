"""User-facing strings in Danish (the default) and English.

One flat table keyed by dotted names (`cli.…`, `error.…`, `report.…`, `ui.…`); every entry has
both languages, which a test checks. Placeholders use str.format names.
"""

from __future__ import annotations

from ..models import Lang
from .core import CORE_STRINGS
from .ui import UI_STRINGS
from .workshop import WORKSHOP_STRINGS

DEFAULT_LANG: Lang = "da"

STRINGS: dict[str, dict[str, str]] = {**CORE_STRINGS, **UI_STRINGS, **WORKSHOP_STRINGS}


def t(key: str, lang: Lang = DEFAULT_LANG, /, **params: object) -> str:
    """The string for `key` in `lang`, with placeholders filled."""
    return STRINGS[key][lang].format(**params)


def fmt_number(value: float, lang: Lang = DEFAULT_LANG, digits: int = 1) -> str:
    """A level or weight as people write it: `2,5` in Danish, `2.5` in English, `3` not `3.0`."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") if lang == "da" else text
