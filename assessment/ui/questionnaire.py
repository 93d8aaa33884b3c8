"""The questionnaire: one dimension at a time; each question shows its five level descriptions."""

from __future__ import annotations

import streamlit as st

from assessment.models import Question, Response

from . import state
from .state import tr

DONT_KNOW = -1


def _on_level(question_id: str) -> None:
    choice = st.session_state[f"q.{question_id}"]
    if choice == DONT_KNOW:
        state.set_answer(question_id, None, dont_know=True)
    else:
        state.set_answer(question_id, choice)


def _on_note(question_id: str) -> None:
    state.set_note(question_id, st.session_state[f"n.{question_id}"])


def _go_area(index: int) -> None:
    st.session_state[state.DIM] = index


def _question(response: Response, number: int, q: Question) -> None:
    lang = state.lang()
    answer = response.answers.get(q.id)
    options = [0, 1, 2, 3, 4, DONT_KNOW]
    if answer is None or not answer.chosen:
        index = None
    else:
        index = options.index(DONT_KNOW if answer.dont_know else answer.value)
    with st.container(border=True):
        if q.critical:
            st.badge(tr("ui.q.critical"), color="orange")
        st.radio(
            f"**{number}. {q.text(lang)}**",
            options=options,
            index=index,
            format_func=lambda o: (
                tr("ui.dont_know") if o == DONT_KNOW else f"{o} · {q.levels[o](lang)}"
            ),
            key=f"q.{q.id}",
            help=q.help(lang) if q.help else None,
            on_change=_on_level,
            args=(q.id,),
        )
        if q.evidence:
            st.caption(tr("ui.q.evidence", text=q.evidence(lang)))
        st.text_area(
            tr("ui.q.note"),
            value=state.note_of(q.id),
            key=f"n.{q.id}",
            height=68,
            max_chars=4000,
            on_change=_on_note,
            args=(q.id,),
        )


def render() -> None:
    response = state.require_response()
    if response is None:
        return
    bank = state.bank()
    lang = state.lang()
    dims = bank.dimensions
    index = min(st.session_state.get(state.DIM, 0), len(dims) - 1)
    # Plain buttons, not a select: a select's browser state fights the Next/Back buttons.
    for i, (col, d) in enumerate(zip(st.columns(len(dims)), dims, strict=True)):
        done = sum(q.id in response.answers for q in d.questions)
        col.button(
            f"{i + 1} · {done}/{len(d.questions)}",
            key=f"q.area.{i}",
            help=d.name(lang),
            type="primary" if i == index else "secondary",
            on_click=_go_area,
            args=(i,),
            width="stretch",
        )
    error = st.session_state.get(state.SAVE_ERROR)
    if error:
        st.error(tr(error))
    dim = dims[index]
    st.header(tr("ui.q.dimension_of", index=index + 1, count=len(dims), name=dim.name(lang)))
    st.caption(dim.description(lang))
    st.caption(tr("ui.q.pick"))
    for number, q in enumerate(dim.questions, start=1):
        _question(response, number, q)

    back, forward = st.columns(2)
    if index > 0:
        back.button(tr("ui.back"), key=f"q.back.{index}", on_click=_go_area, args=(index - 1,))
    else:
        back.button(tr("ui.back"), key=f"q.back.{index}", on_click=state.go, args=("start",))
    if index < len(dims) - 1:
        forward.button(
            tr("ui.next"),
            key=f"q.next.{index}",
            type="primary",
            on_click=_go_area,
            args=(index + 1,),
        )
    elif st.session_state.get(state.PARTICIPANT):
        forward.button(
            tr("ws.p.finish"),
            key=f"q.next.{index}",
            type="primary",
            on_click=state.go,
            args=("done",),
        )
    else:
        forward.button(
            tr("ui.q.to_targets"),
            key=f"q.next.{index}",
            type="primary",
            on_click=state.go,
            args=("targets",),
        )
    _unanswered(response)


def _unanswered(response: Response) -> None:
    """Where the unanswered questions are, with a jump to each area that has some."""
    lang = state.lang()
    st.subheader(tr("ui.q.unanswered_title"))
    missing = [
        (i, d, [q for q in d.questions if q.id not in response.answers])
        for i, d in enumerate(state.bank().dimensions)
    ]
    missing = [(i, d, qs) for i, d, qs in missing if qs]
    if not missing:
        st.success(tr("ui.q.all_answered"))
        return
    for i, d, qs in missing:
        st.button(
            tr("ui.q.go_to", name=d.name(lang), count=len(qs)),
            key=f"q.goto.{d.id}",
            on_click=_go_area,
            args=(i,),
        )
        st.caption(" · ".join(q.text(lang) for q in qs))
