"""UI strings: both languages for every key, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from assessment.i18n import STRINGS, fmt_number


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_danish_and_english_with_same_placeholders(key: str):
    """A key missing a language, or whose translations fill different blanks, is a bug."""
    entry = STRINGS[key]
    assert set(entry) == {"da", "en"}
    assert entry["da"].strip() and entry["en"].strip()

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    assert fields(entry["da"]) == fields(entry["en"])


def test_numbers_use_danish_decimal_comma():
    """2.5 is written 2,5 in Danish and 2.5 in English; whole numbers lose the decimals."""
    assert fmt_number(2.5, "da") == "2,5"
    assert fmt_number(2.5, "en") == "2.5"
    assert fmt_number(3.0, "da") == "3"
