"""Property tests: the answers-file parser and the bank loader fail only in their own error,
valid responses round-trip, and scoring and planning never crash on a valid response."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.answers import AnswersError, check_answers, dump_answers, parse_answers
from assessment.bank import BankError, load_bank
from assessment.models import (
    LEVELS,
    Answer,
    Bank,
    Municipality,
    PlanEdit,
    Profile,
    Respondent,
    Response,
    clean_line,
)
from assessment.municipalities import municipalities
from assessment.planning import plan
from assessment.scoring import score
from assessment.tables import answers_table, plan_table, to_csv
from tests.conftest import TINY_BANK_DIR
from tests.hostile import valid_file

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),  # more for a deeper run
    deadline=dt.timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON value, NaN and infinities included (Python's json writes them)."""


def _parse_or_refuse(data: bytes | str) -> Response | None:
    try:
        return parse_answers(data)
    except AnswersError as exc:
        error = exc
    assert "\n" not in error.message("da") and "\n" not in error.message("en")
    return None


@FUZZ
@given(st.binary(max_size=400))
def test_any_bytes_are_a_response_or_an_answers_error(data: bytes) -> None:
    """Bytes from anywhere: nothing but AnswersError escapes the parser."""
    _parse_or_refuse(data)


@FUZZ
@given(JSON)
def test_any_json_is_a_response_or_an_answers_error(value: Any) -> None:
    """Any JSON document, of any shape."""
    _parse_or_refuse(json.dumps(value))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _paths(item, (*prefix, i))
    return found


VALID = valid_file()
PATHS = _paths(VALID)[1:]


@FUZZ
@given(st.sampled_from(PATHS), JSON | st.text())
def test_a_valid_file_with_one_value_replaced(
    tiny_bank: Bank, path: tuple[Any, ...], value: Any
) -> None:
    """One value anywhere in a valid file replaced by anything: refused with AnswersError, or
    accepted and then checked, scored, planned, tabled and round-tripped without a crash."""
    raw = json.loads(json.dumps(VALID))
    target = raw
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    data = json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")
    response = _parse_or_refuse(data)
    if response is None:
        return
    try:
        check_answers(tiny_bank, response)
    except AnswersError:
        return
    card = score(tiny_bank, response)
    to_csv(answers_table(tiny_bank, response, "da"))
    to_csv(plan_table(tiny_bank, plan(tiny_bank, card, response), response, "en"))
    assert parse_answers(dump_answers(response)) == response


TINY_QUESTIONS = ("alpha.one", "alpha.two", "beta.one", "beta.two", "beta.three")
MAY_NOT_APPLY = {"beta.three", "purpose.campaigns", "purpose.paid_ads"}
"""The questions of the tiny and the shipped bank that may be answered "not applicable"."""


def _choices(question: str) -> list[int | str | None]:
    words = ["dont_know", "not_applicable"] if question in MAY_NOT_APPLY else ["dont_know"]
    return [*LEVELS, *words, None]


OFFICIAL = [(m.code, m.name) for m in municipalities()]
TYPED = st.text(st.characters() | st.sampled_from("\udfff\x00\x0c\x1b\u202e"), max_size=60)
"""Anything a person can type, control characters and lone surrogates included."""


@st.composite
def responses(draw: st.DrawFn, questions: tuple[str, ...] = TINY_QUESTIONS) -> Response:
    """A response the models accept, from text anyone might type."""
    code, name = draw(st.sampled_from(OFFICIAL))
    asked = draw(st.sets(st.sampled_from(questions), max_size=len(questions)))
    answers = {
        q: draw(st.builds(Answer, level=st.sampled_from(_choices(q)), note=TYPED))
        for q in sorted(asked)
    }
    targets = draw(
        st.dictionaries(
            st.sampled_from(sorted({q.split(".")[0] for q in questions})),
            st.floats(min_value=0, max_value=4),
        )
    )
    created = draw(
        st.datetimes(
            min_value=dt.datetime(2000, 1, 1),
            max_value=dt.datetime(2100, 1, 1),
            timezones=st.just(dt.UTC),
        )
    )
    return Response(
        bank_id="tiny",
        bank_version="0.1",
        municipality=Municipality(code=code, name=name),
        respondent=Respondent(name=draw(TYPED), role=draw(TYPED)),
        profile=Profile(
            hours_per_week=draw(st.none() | st.floats(min_value=0, max_value=400)),
            platforms=draw(  # each once, and not empty once cleaned: the model refuses others
                st.lists(
                    st.text(max_size=40).filter(clean_line),
                    max_size=5,
                    unique_by=lambda p: clean_line(p).casefold(),
                )
            ),
        ),
        language=draw(st.sampled_from(["da", "en"])),
        created_at=created,
        updated_at=created,
        answers=answers,
        targets=targets,
        plan_edits={
            "alpha.one.step0": PlanEdit(
                owner=draw(TYPED),
                deadline=draw(st.none() | st.dates()),
                dropped=draw(st.booleans()),
            )
        },
    )


@FUZZ
@given(st.data())
def test_valid_responses_round_trip(tiny_bank: Bank, data: st.DataObject) -> None:
    """Whatever a person typed, a response the models accept comes back equal from its file,
    and it never holds a control character other than a note's line breaks and tabs."""
    try:
        response = data.draw(responses())
    except ValueError as exc:  # pydantic's ValidationError: a lone surrogate was typed
        refused = str(exc)
        response = None
    if response is None:
        assert "string_unicode" in refused  # pydantic refuses a lone surrogate
        return
    text = dump_answers(response)
    assert parse_answers(text.encode("utf-8")) == response
    check_answers(tiny_bank, response)
    assert all(ch in "\n\t" or ch >= " " for a in response.answers.values() for ch in a.note)


@FUZZ
@given(st.data())
def test_score_and_plan_never_crash_on_a_valid_response(bank: Bank, data: st.DataObject) -> None:
    """The real bank and any valid response: levels and gaps in range, ranks 1..n."""
    questions = tuple(bank.questions_by_id())
    levels = data.draw(
        st.dictionaries(
            st.sampled_from(questions),
            st.sampled_from([*LEVELS, "dont_know", "not_applicable", None]),
        )
    )
    targets = data.draw(
        st.dictionaries(
            st.sampled_from([d.id for d in bank.dimensions]), st.floats(min_value=0, max_value=4)
        )
    )
    response = Response(
        bank_id=bank.id,
        bank_version=bank.version,
        municipality=Municipality(code=751, name="Aarhus"),
        created_at=dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
        updated_at=dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
        answers={q: Answer(level=level) for q, level in levels.items()},
        targets=targets,
    )
    card = score(bank, response)
    for d in card.dimensions:
        assert d.level is None or 0 <= d.level <= 4
        assert 0 <= d.gap <= 4
    result = plan(bank, card, response)
    ranks = sorted(a.rank for a in result.actions + result.backlog)
    assert ranks == list(range(1, len(ranks) + 1))


BANK_FILES = {
    name: yaml.safe_load((TINY_BANK_DIR / name).read_text(encoding="utf-8"))
    for name in ("bank.yaml", "alpha.yaml", "beta.yaml", "actions.yaml")
}
YAML_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats()
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@FUZZ
@given(
    st.sampled_from(sorted(BANK_FILES)),
    st.data(),
    YAML_VALUES | st.sampled_from(["/etc/passwd", "../x.yaml", ".inf", "1.10"]),
)
def test_a_bank_with_one_value_replaced(name: str, data: st.DataObject, value: Any) -> None:
    """One value anywhere in the tiny bank replaced: `load_bank` raises BankError and nothing
    else; a bank it accepts scores and plans any valid response without a crash."""
    content = json.loads(json.dumps(BANK_FILES[name]))
    path = data.draw(st.sampled_from(_paths(content)[1:]))
    target = content
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    folder = Path(tempfile.mkdtemp(prefix="fuzz-bank-"))
    try:
        for other in BANK_FILES:
            shutil.copy(TINY_BANK_DIR / other, folder / other)
        (folder / name).write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
        try:
            bank = load_bank(folder)
        except BankError as exc:
            problems = exc.problems
            bank = None
    finally:
        shutil.rmtree(folder)
    if bank is None:
        assert problems
        return
    try:
        response = data.draw(responses(tuple(bank.questions_by_id())))
    except ValueError:
        return  # a lone surrogate was typed: the models refuse it
    response = response.model_copy(update={"bank_id": bank.id, "bank_version": bank.version})
    card = score(bank, response)
    plan(bank, card, response)
