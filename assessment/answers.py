"""The answers file: the JSON that the app downloads and uploads and the CLI reads.

Every way a file can be wrong maps to one `AnswersError` whose message is a single line in
the user's language, so the app and the CLI can show it as it is and lose nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .i18n import t
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

MAX_BYTES = 2_000_000
"""A full answers file with long notes is some tens of kB; anything near this is not one."""


class AnswersError(ValueError):
    """A bad answers file; `message(lang)` is the one line to show."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "da") -> str:
        return t(self.key, lang, **self.params)


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
    """Parse an answers file's content; raise AnswersError with the first problem."""
    if len(data) > MAX_BYTES:
        raise AnswersError(
            "error.answers.too_large", size=len(data) // 1000, limit=MAX_BYTES // 1000
        )
    try:
        raw: Any = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise AnswersError("error.answers.not_json") from None
    if not isinstance(raw, dict) or raw.get("format") != ANSWERS_FORMAT:
        raise AnswersError("error.answers.wrong_format", expected=ANSWERS_FORMAT)
    version = raw.get("schema_version")
    if version == 1:
        raw = upgrade_v1(raw)
    elif version != SCHEMA_VERSION:
        raise AnswersError(
            "error.answers.schema_version",
            found=version,
            supported=SCHEMA_VERSION,
        )
    try:
        return Response.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"])
        if field.endswith("level") and (
            err["type"] in {"less_than_equal", "greater_than_equal"} or "level_range" in err["msg"]
        ):
            raise AnswersError("error.answers.level_range", field=field) from None
        if err["type"] == "missing":
            raise AnswersError("error.answers.missing", field=field) from None
        raise AnswersError("error.answers.invalid", field=field, detail=err["msg"]) from None


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
    """Read and parse an answers file from disk."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise AnswersError("error.file_not_found", path=str(path)) from None
    except OSError as exc:
        raise AnswersError("error.cannot_read", path=str(path), detail=exc.strerror) from None
    return parse_answers(data)


def check_answers(bank: Bank, response: Response) -> None:
    """Refuse a response that does not fit `bank` or Denmark: another bank, unknown questions,
    dimensions, actions or municipality code."""
    if response.bank_id != bank.id:
        raise AnswersError("error.answers.other_bank", found=response.bank_id, expected=bank.id)
    try:
        municipality(response.municipality.code)
    except KeyError:
        raise AnswersError(
            "error.answers.unknown_municipality", code=response.municipality.code
        ) from None
    questions = bank.questions_by_id()
    unknown = sorted(set(response.answers) - set(questions))
    if unknown:
        raise AnswersError("error.answers.unknown_question", ids=", ".join(unknown[:3]))
    dims = {d.id for d in bank.dimensions}
    unknown = sorted(set(response.targets) - dims)
    if unknown:
        raise AnswersError("error.answers.unknown_dimension", ids=", ".join(unknown[:3]))
    actions = {a.id for a in bank.actions}
    unknown = sorted(set(response.plan_edits) - actions)
    if unknown:
        raise AnswersError("error.answers.unknown_action", ids=", ".join(unknown[:3]))


def answers_json_schema() -> dict[str, Any]:
    """The JSON Schema of the answers file, for people who generate or check files elsewhere."""
    schema = Response.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Answers file (schema_version {SCHEMA_VERSION})"
    return schema
