"""The answers file: the JSON that the app downloads and uploads and the CLI reads.

Every way a file can be wrong maps to one `AnswersError` whose message is a single line in
the user's language, so the app and the CLI can show it as it is and lose nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from . import limits
from .files import FileTooLarge, NotRegularFile, os_reason, read_limited
from .limits import echo
from .messages import Phrase, validation_phrase
from .models import (
    ANSWERS_FORMAT,
    DONT_KNOW,
    SCHEMA_VERSION,
    Bank,
    Lang,
    Municipality,
    Respondent,
    Response,
)
from .municipalities import municipality
from .planning import plannable_ids

MAX_BYTES = limits.ANSWERS_FILE_BYTES


class AnswersError(ValueError):
    """A bad answers file; `message(lang)` is the one line to show.

    Every user value in `params` is already cut to a short line (`limits.echo`), so the message
    can be shown as it is, in a terminal or as plain text in the app.
    """

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "da") -> str:
        return Phrase(self.key, self.params)(lang)


def new_response(
    bank: Bank,
    municipality: Municipality,
    *,
    now: dt.datetime,
    respondent: Respondent | None = None,
    language: Lang = "da",
) -> Response:
    """An empty response for `municipality`, stamped `now` (passed in: the core has no clock)."""
    return Response(
        bank_id=bank.id,
        bank_version=bank.version,
        municipality=municipality,
        respondent=respondent or Respondent(),
        language=language,
        created_at=now,
        updated_at=now,
    )


def dump_answers(response: Response) -> str:
    """The answers file's text: readable JSON, UTF-8, keys in model order."""
    return json.dumps(response.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def parse_answers(data: bytes | str) -> Response:
    """Parse an answers file's content; raise AnswersError with the first problem.

    Strict: a number is never read from text (`"3"`), a whole number never from `true` or
    `3.0`, a time must carry its time zone, and a key may appear only once in an object (JSON
    would otherwise keep the last value silently). The municipality's name must be the official
    name of its code (case, spacing, hyphens and a trailing "Kommune" aside) and is returned in
    its official spelling. Text is cleaned as the models clean it (see `models.clean_note`).
    """
    if len(data) > MAX_BYTES:
        raise AnswersError(
            "error.answers.too_large", size=math.ceil(len(data) / 1000), limit=MAX_BYTES // 1000
        )
    raw = _load_json(data)
    if not isinstance(raw, dict) or raw.get("format") != ANSWERS_FORMAT:
        raise AnswersError("error.answers.wrong_format", expected=ANSWERS_FORMAT)
    if "schema_version" not in raw:
        raise AnswersError("error.answers.missing", field="schema_version")
    version = raw["schema_version"]
    if type(version) is not int:
        found = echo(json.dumps(version, ensure_ascii=False))
        raise AnswersError(
            "error.answers.schema_version_type", found=found, supported=SCHEMA_VERSION
        )
    if version == 1:
        raw = upgrade_v1(raw)
    elif version != SCHEMA_VERSION:
        raise AnswersError(
            "error.answers.schema_version", found=echo(version), supported=SCHEMA_VERSION
        )
    try:
        response = Response.model_validate_json(json.dumps(raw, ensure_ascii=False), strict=True)
    except ValidationError as exc:
        raise _refusal(exc.errors()[0]) from None
    _check_times(response)
    return _official_municipality(response)


def _check_times(response: Response) -> None:
    """Times in the years the tool can mean (`limits.FIRST_YEAR`–`LAST_YEAR`; year 1 at
    +14:00 cannot even be turned into UTC), and no change before the file was made."""
    for name in ("created_at", "updated_at"):
        value: dt.datetime = getattr(response, name)
        if not limits.FIRST_YEAR <= value.year <= limits.LAST_YEAR:
            raise AnswersError(
                "error.answers.time_range",
                field=name,
                value=echo(value.isoformat()),
                first=limits.FIRST_YEAR,
                last=limits.LAST_YEAR,
            )
    if response.updated_at < response.created_at:
        raise AnswersError("error.answers.updated_before_created")


def _load_json(data: bytes | str) -> Any:
    """JSON as Python values, refusing what `json.loads` lets through or fails on loudly."""
    try:
        raw = json.loads(
            data,
            object_pairs_hook=_object,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
        )
    except RecursionError:  # the decoder recurses once per nesting level
        raise AnswersError("error.answers.too_deep") from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise AnswersError("error.answers.not_json") from None
    _check_tree(raw)
    return raw


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise AnswersError("error.answers.duplicate_key", key=echo(key))
        obj[key] = value
    return obj


def _int(text: str) -> int:
    if len(text.lstrip("-")) > limits.NUMBER_DIGITS:  # also keeps int() off huge digit strings
        raise AnswersError("error.answers.bad_number", value=echo(text))
    return int(text)


def _float(text: str) -> float:
    if sum(ch.isdigit() for ch in text) > limits.NUMBER_DIGITS:  # 1.5 million digits of a target
        raise AnswersError("error.answers.bad_number", value=echo(text))
    value = float(text)
    if not math.isfinite(value):  # 1e999
        raise AnswersError("error.answers.bad_number", value=echo(text))
    return value


def _constant(text: str) -> float:
    raise AnswersError("error.answers.bad_number", value=text)  # NaN, Infinity: not JSON


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_tree(raw: Any) -> None:
    """No deeper than an answers file nests, and no lone surrogate in any key or text (the
    decoder turns `\\udfff` into one, and such text cannot be written as UTF-8)."""
    stack: list[tuple[Any, tuple[str, ...], int]] = [(raw, (), 1)]
    while stack:
        value, path, depth = stack.pop()
        if depth > limits.ANSWERS_DEPTH:
            raise AnswersError("error.answers.too_deep")
        if isinstance(value, str) and _SURROGATE.search(value):
            raise AnswersError("error.answers.surrogate", field=_field(path))
        if isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    raise AnswersError("error.answers.surrogate", field=_field((*path, key)))
                stack.append((item, (*path, key), depth + 1))
        elif isinstance(value, list):
            stack.extend((item, (*path, str(i)), depth + 1) for i, item in enumerate(value))


def _field(path: tuple[object, ...]) -> str:
    return echo(".".join(str(part) for part in path) or "/")


def _refusal(err: ErrorDetails) -> AnswersError:
    """One validation error as one line in the user's words: no pydantic English, no echo of
    more than a short piece of the value."""
    phrase = validation_phrase(err, "error.answers", _field(tuple(err["loc"])))
    return AnswersError(phrase.key, **phrase.params)


def _official_municipality(response: Response) -> Response:
    """The response with its municipality's official name; refuse a code that does not exist
    or a name that is another municipality's (or nobody's)."""
    code, name = response.municipality.code, response.municipality.name
    try:
        official = municipality(code).name
    except KeyError:
        raise AnswersError("error.answers.unknown_municipality", code=code) from None
    if _name_key(name) != _name_key(official):
        raise AnswersError(
            "error.answers.municipality_mismatch", code=code, official=official, name=echo(name)
        )
    if name == official:
        return response
    return response.model_copy(update={"municipality": Municipality(code=code, name=official)})


def _name_key(name: str) -> str:
    """What is left of a municipality's name when spelling habits are set aside."""
    key = " ".join(unicodedata.normalize("NFC", name).casefold().replace("-", " ").split())
    for suffix in (" kommune", " municipality"):
        key = key.removesuffix(suffix)
    return key


def upgrade_v1(raw: dict[str, Any]) -> dict[str, Any]:
    """A version 1 file as version 2: its `"level": null` meant "don't know"."""
    answers = raw.get("answers")
    if isinstance(answers, dict):
        answers = {
            qid: {**a, "level": DONT_KNOW} if isinstance(a, dict) and a.get("level") is None else a
            for qid, a in answers.items()
        }
    return {**raw, "schema_version": SCHEMA_VERSION, "answers": answers}


def load_answers(path: Path | str) -> Response:
    """Read and parse an answers file from disk; never more than `MAX_BYTES`, never a device."""
    path = Path(path)
    shown = echo(path, keep_end=True)
    try:
        data = read_limited(path, MAX_BYTES)
    except FileNotFoundError:
        raise AnswersError("error.file_not_found", path=shown) from None
    except FileTooLarge as exc:
        size = math.ceil(exc.size / 1000)
        raise AnswersError("error.answers.too_large", size=size, limit=MAX_BYTES // 1000) from None
    except NotRegularFile:
        raise AnswersError("error.not_a_file", path=shown) from None
    except OSError as exc:
        key, params = os_reason(exc)
        raise AnswersError("error.cannot_read", path=shown, detail=Phrase(key, params)) from None
    return parse_answers(data)


def check_answers(bank: Bank, response: Response) -> None:
    """Refuse a response that does not fit `bank` or Denmark: another bank, or a version of it
    that is neither the bank's nor one it has a migration from; unknown questions, "not
    applicable" where a question always applies, unknown dimensions, actions (the planner's
    find-out steps included), profile roles or municipality code. A file of an older bank
    version goes through `migration.migrate_answers` first."""
    if response.bank_id != bank.id:
        raise AnswersError(
            "error.answers.other_bank", found=echo(response.bank_id), expected=bank.id
        )
    if response.bank_version != bank.version and not any(
        m.from_version == response.bank_version for m in bank.migrations
    ):  # a newer version, or one that never was: its ids may mean something else
        raise AnswersError(
            "error.answers.bank_version", found=echo(response.bank_version), current=bank.version
        )
    try:
        municipality(response.municipality.code)
    except KeyError:
        raise AnswersError(
            "error.answers.unknown_municipality", code=response.municipality.code
        ) from None
    _check_roles(bank, response.profile.roles)
    questions = bank.questions_by_id()
    for key, given, known in (
        ("error.answers.unknown_question", response.answers, set(questions)),
        ("error.answers.unknown_dimension", response.targets, {d.id for d in bank.dimensions}),
        ("error.answers.unknown_action", response.plan_edits, plannable_ids(bank)),
    ):
        unknown = sorted(set(given) - known)
        if unknown:
            raise AnswersError(key, ids=echo(", ".join(unknown[:3])))
    always = sorted(
        qid
        for qid, answer in response.answers.items()
        if answer.not_applicable and not questions[qid].not_applicable_when
    )
    if always:
        raise AnswersError("error.answers.not_applicable", ids=echo(", ".join(always[:3])))


def _check_roles(bank: Bank, roles: list[str] | None) -> None:
    """The profile's roles are the bank's roles a municipality may lack (those with a stand-in,
    `otherwise`): what the app's about page offers. A role every municipality has, or one the
    bank does not know, is refused by name."""
    if roles is None:
        return
    known = {r.id for r in bank.roles}
    unknown = [r for r in roles if r not in known]
    if unknown:
        raise AnswersError("error.answers.unknown_role", ids=echo(", ".join(unknown[:3])))
    optional = {r.id for r in bank.optional_roles()}
    fixed = [r for r in roles if r not in optional]
    if fixed:
        raise AnswersError("error.answers.fixed_role", ids=echo(", ".join(fixed[:3])))


def answers_json_schema() -> dict[str, Any]:
    """The JSON Schema of the answers file, for people who generate or check files elsewhere."""
    schema = Response.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Answers file (schema_version {SCHEMA_VERSION})"
    return schema
