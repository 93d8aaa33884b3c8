"""Messages in the user's language, and pydantic's refusals said in them.

A message is an i18n key with its params, made into text only when the language is known, so
one refusal can be shown in Danish or English. `validation_phrase` turns one pydantic error
into such a message: the answers file (`answers.AnswersError`) and a question bank's problems
(`bank_links.Problem`) both use it, each with its own sentences (`error.answers.…`,
`error.bank.…`), so no pydantic English reaches a user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic_core import ErrorDetails

from .i18n import STRINGS, fmt_list, t
from .limits import echo
from .models import Lang


@dataclass(frozen=True)
class Phrase:
    """A message or a part of one that is itself translated (a type's name, a bound, a reason).

    A param that is a Phrase or Choices is said in the same language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)

    def __call__(self, lang: Lang) -> str:
        return t(self.key, lang, **{k: said(v, lang) for k, v in self.params.items()})


@dataclass(frozen=True)
class Choices:
    """Allowed values, listed as people write them: `todo, doing eller done`."""

    values: tuple[str, ...]

    def __call__(self, lang: Lang) -> str:
        return fmt_list(list(self.values), lang, either=True)


def said(value: object, lang: Lang) -> object:
    """A param as shown: a Phrase or Choices in `lang`, anything else as it is."""
    return value(lang) if isinstance(value, Phrase | Choices) else value


_TYPES = {
    "int_type": "int",
    "int_parsing": "int",
    "int_from_float": "int",
    "float_type": "number",
    "float_parsing": "number",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "string_type": "text",
    "dict_type": "object",
    "model_type": "object",
    "model_attributes_type": "object",
    "list_type": "list",
    "date_type": "date",
    "datetime_type": "datetime",
}
_BOUNDS = ("greater_than_equal", "less_than_equal", "greater_than", "less_than")


def validation_phrase(err: ErrorDetails, prefix: str, where: str) -> Phrase:
    """One pydantic error as `prefix.<kind>` with its params (`where` is the field's path).

    The kinds: missing, unknown_field, wrong_type, too_long, too_many, too_few, empty,
    out_of_range, not_finite, choice, duplicate_item, bad_date, no_timezone, bad_time, bad_id,
    level_range and invalid; a kind `prefix` has no sentence for is said as `prefix.invalid`.
    The params never hold more than a short piece of the value (`limits.echo`)."""
    kind, params = _kind(err)
    key = f"{prefix}.{kind}"
    return Phrase(key if key in STRINGS else f"{prefix}.invalid", {"field": where, **params})


def _kind(err: ErrorDetails) -> tuple[str, dict[str, object]]:
    kind, ctx = err["type"], err.get("ctx", {})
    if kind in {"level_range", "missing"}:
        return kind, {}
    if kind == "extra_forbidden":
        return "unknown_field", {}
    if kind in _TYPES:
        return "wrong_type", {"expected": Phrase(f"error.answers.expect.{_TYPES[kind]}")}
    if kind == "string_too_long":
        length = len(err["input"]) if isinstance(err["input"], str) else "?"
        return "too_long", {"length": length, "limit": ctx["max_length"]}
    if kind == "too_long":
        return "too_many", {"limit": ctx["max_length"]}
    if kind == "too_short":
        return "too_few", {"limit": ctx["min_length"]}
    if kind == "string_too_short":
        return "empty", {}
    if kind in _BOUNDS:
        bound = next(iter(ctx.values()))
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)  # "højst 400", not "højst 400.0"
        return "out_of_range", {"bound": Phrase(f"error.answers.bound.{kind}", {"n": bound})}
    if kind == "finite_number":
        return "not_finite", {}
    if kind in {"literal_error", "enum"}:
        values = tuple(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return "choice", {"choices": Choices(values)}
    if kind == "duplicate_item":
        return "duplicate_item", {"value": echo(ctx.get("value", ""))}
    if kind.startswith("date_"):
        return "bad_date", {}
    if kind == "timezone_aware":
        return "no_timezone", {}
    if kind.startswith("datetime_"):
        return "bad_time", {}
    if kind == "string_pattern_mismatch":
        return "bad_id", {}
    return "invalid", {}
