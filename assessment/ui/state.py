"""Session state for the single-user journey, and the cached pieces every page shares.

The one source of truth is the `Response` model under `RESPONSE`; widgets are initialised from it
and write back through callbacks, so moving between pages (which drops widget state) and
switching language lose nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import streamlit as st

from assessment.answers import new_response
from assessment.bank import load_bank
from assessment.charts import gap_chart, radar_chart
from assessment.i18n import t
from assessment.models import (
    ActionPlan,
    Answer,
    Bank,
    Lang,
    Municipality,
    PlanEdit,
    Respondent,
    Response,
    RoomSpread,
    Scorecard,
)
from assessment.planning import plan
from assessment.scoring import score

RESPONSE = "response"
STEP = "step"
DIM = "dim_index"
LANG = "lang"
PENDING_NOTES = "pending_notes"
PARTICIPANT = "participant_token"
SAVE_ERROR = "save_error"
STEPS = ("start", "questions", "targets", "results", "plan", "export")


@st.cache_resource
def bank() -> Bank:
    """The shipped bank, loaded and validated once per server process."""
    return load_bank()


def lang() -> Lang:
    return st.session_state.get(LANG, "da")


def tr(key: str, **params: object) -> str:
    """`i18n.t` in the session's language."""
    return t(key, lang(), **params)


def response() -> Response | None:
    return st.session_state.get(RESPONSE)


def require_response() -> Response | None:
    """The response, or None after telling the user to start on the start page."""
    value = response()
    if value is None:
        st.info(tr("ui.choose_municipality_first"))
    return value


def set_response(value: Response) -> None:
    st.session_state[RESPONSE] = value


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def start(municipality: Municipality, respondent: Respondent) -> None:
    """Begin (or re-address) the assessment, keeping any answers already given."""
    current = response()
    if current is None:
        set_response(
            new_response(bank(), municipality, now=now(), respondent=respondent, language=lang())
        )
    else:
        _update(municipality=municipality, respondent=respondent)


def _update(**changes: Any) -> None:
    current = response()
    if current is not None:
        set_response(current.model_copy(update={**changes, "updated_at": now()}))


def set_answer(question_id: str, level: int | None, *, dont_know: bool = False) -> None:
    """Record a chosen level (or don't-know), keeping the note already typed."""
    current = response()
    if current is None:
        return
    old = current.answers.get(question_id)
    note = old.note if old else st.session_state.get(PENDING_NOTES, {}).get(question_id, "")
    answers = dict(current.answers)
    if level is None and not dont_know:
        answers.pop(question_id, None)
    else:
        answers[question_id] = Answer(level="dont_know" if dont_know else level, note=note)
        if not _persist(question_id, answers[question_id]):
            return
        st.session_state.get(PENDING_NOTES, {}).pop(question_id, None)
    _update(answers=answers)


def set_note(question_id: str, note: str) -> None:
    """A note belongs to an answer; before a level is chosen it waits in the session."""
    current = response()
    if current is None:
        return
    old = current.answers.get(question_id)
    if old is None:
        st.session_state.setdefault(PENDING_NOTES, {})[question_id] = note
        return
    new = old.model_copy(update={"note": note})
    if _persist(question_id, new):
        _update(answers={**current.answers, question_id: new})


def _persist(question_id: str, answer: Answer) -> bool:
    """A participant's answer goes to the database first; False (with a message) if refused."""
    token = st.session_state.get(PARTICIPANT)
    if token is None:
        return True
    from assessment.workshop.rooms import WorkshopError, record_answer

    from .db import engine

    try:
        record_answer(engine(), bank(), token, question_id, answer.value, answer.note)
    except WorkshopError as exc:
        st.session_state[SAVE_ERROR] = exc.key
        return False
    except ValueError:
        st.session_state[SAVE_ERROR] = "error.workshop.invalid"
        return False
    st.session_state.pop(SAVE_ERROR, None)
    return True


def note_of(question_id: str) -> str:
    current = response()
    answer = current.answers.get(question_id) if current else None
    return answer.note if answer else st.session_state.get(PENDING_NOTES, {}).get(question_id, "")


def set_target(dimension_id: str, value: float) -> None:
    current = response()
    if current is not None:
        _update(targets={**current.targets, dimension_id: value})


def set_plan_edits(edits: dict[str, PlanEdit]) -> None:
    _update(plan_edits=edits)


def set_language(value: Lang) -> None:
    _update(language=value)


def go(step: str, dim_index: int | None = None) -> None:
    """Move to a step (a button callback); the page reruns once, on the new step."""
    st.session_state[STEP] = step
    if dim_index is not None:
        st.session_state[DIM] = dim_index


def step() -> str:
    return st.session_state.get(STEP, "start")


@st.cache_data(max_entries=64, show_spinner=False)
def chart_specs(
    response_json: str, lang: Lang, spread_json: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Radar and gap chart specs, cached per response content, language and room spread."""
    value = Response.model_validate_json(response_json)
    spread = RoomSpread.model_validate_json(spread_json) if spread_json else None
    card = score(bank(), value)
    return (
        radar_chart(bank(), card, lang, spread=spread).to_dict(),
        gap_chart(bank(), card, lang).to_dict(),
    )


def scored(value: Response) -> tuple[Scorecard, ActionPlan]:
    """Scorecard and plan for a response; cheap (well under a millisecond), so not cached."""
    card = score(bank(), value)
    return card, plan(bank(), card, value)
