"""Every limit on what people type or upload: one place for the models, the store and the forms.

Text limits are in characters (Python `len`). A limit is refused with a message, never cut
silently; the models enforce it (so the answers file's JSON Schema lists it as `maxLength`),
the database columns have the same lengths, and a form sets its `max_chars` from it, so what a
form lets through is what is kept. File limits bound the work done on a file before it is
understood.
"""

from __future__ import annotations

import unicodedata

# --- text a person types (characters)
MAX_NOTE = 2000
"""A note on a question (a solo answer, a participant's or the room's discussion)."""
MAX_RESPONDENT = 80
"""The respondent's name, and their role."""
MAX_MUNICIPALITY = 100
"""Longer than any of the 98 official names (the longest has 20 characters)."""
MAX_OWNER = 120
"""An owner typed into the action plan."""
MAX_TITLE = 200
"""A workshop's title."""
MAX_PARTICIPANT = 40
"""A participant's first name."""
MAX_PLATFORM = 40
"""One platform name in the profile ("Facebook", "LinkedIn")."""
MAX_PLATFORMS = 20
"""How many platforms a profile lists."""
MAX_ROLES = 30
"""How many role ids a profile lists (a bank has about a dozen)."""
MAX_EMAIL = 254
"""An e-mail address (a signed-in user, or a colleague an assessment is shared with): RFC 5321's
limit on a path."""
MAX_ID = 100
"""A question, dimension, action or bank id, and every key of an answers file's mappings."""
MAX_BANK_VERSION = 40

# --- files
ANSWERS_FILE_BYTES = 2_000_000
"""A full answers file with long notes is some tens of kB; anything near this is not one."""
ANSWERS_DEPTH = 8
"""The answers file nests four deep (file, answers, question, answer); more is not one."""
NUMBER_DIGITS = 20
"""Digits in one number of an answers file or a bank, whole or not (a target written with 1.5
million digits is refused); every such number has a handful, and Python's own repr of a float
at most 20."""
FIRST_YEAR = 2000
LAST_YEAR = 2100
"""An answers file's times (`created_at`, `updated_at`) lie in these years: the tool is from
2026, and a time far outside (year 1 at +14:00) cannot even be converted to UTC for storage."""
BANK_FILE_BYTES = 2_000_000
"""One bank YAML file is 100–700 lines (under 50 kB); the cap keeps a wrong file cheap."""

# --- what an error message repeats of a user's value
ECHO = 60


def echo(value: object, limit: int = ECHO, *, keep_end: bool = False) -> str:
    """A user's value as an error message may repeat it: one line of at most `limit` characters.

    Control and format characters are shown escaped (`\\n`, `\\u202e`) and a lone surrogate
    (from a broken file name) as U+FFFD, so the line prints anywhere and reads as written. A
    long value is cut with "…"; `keep_end` keeps its end instead, for a path's file name.
    """
    text = str(value)
    window = 4 * limit  # escapes are at most 4 characters wide per character shown
    part = text[-window:] if keep_end else text[:window]
    shown = "".join(_shown(ch) for ch in part)
    if len(shown) <= limit and len(part) == len(text):
        return shown
    return "…" + shown[-(limit - 1) :] if keep_end else shown[: limit - 1] + "…"


def _shown(ch: str) -> str:
    category = unicodedata.category(ch)
    if category in {"Cc", "Cf", "Zl", "Zp"}:  # line breaks, and marks that reorder a line
        return ch.encode("unicode_escape").decode("ascii")
    return "\ufffd" if category == "Cs" else ch
