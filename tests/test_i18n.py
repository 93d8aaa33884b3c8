"""UI strings: both languages for every key, with the same placeholders."""

from __future__ import annotations

import re
import string

import pytest

from assessment.i18n import STRINGS, fmt_number, tn


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


@pytest.mark.parametrize(
    ("count", "da", "en"),
    [
        (
            1,
            "1 handling venter i backloggen (bilag A).",
            "1 action waits in the backlog (appendix A).",
        ),
        (
            3,
            "3 handlinger venter i backloggen (bilag A).",
            "3 actions wait in the backlog (appendix A).",
        ),
    ],
)
def test_a_count_takes_the_singular_or_the_plural(count: int, da: str, en: str):
    """One action waits, three actions wait: never "action(s)"."""
    assert (
        tn("report.backlog_waiting", count, "da"),
        tn("report.backlog_waiting", count, "en"),
    ) == (
        da,
        en,
    )


@pytest.mark.parametrize("key", sorted(k for k in STRINGS if k.startswith(("report.", "ui."))))
def test_report_and_page_strings_write_no_bracketed_plural(key: str):
    """The report and the app's pages say "1 question" or "2 questions", never "question(s)"
    (or "handling(er)"): a count has a singular and a plural form (`i18n.tn`)."""
    assert not re.search(r"\w\((s|er|r|e)\)", STRINGS[key]["en"] + STRINGS[key]["da"])
