"""A participant's screen in a paced room: only what the facilitator put on screen, one
question or one area, and a calm "wait" while the room is in the lobby. The page follows the
room by itself (`participant._follow`), so nobody needs to reload."""

from __future__ import annotations

import streamlit as st

from assessment.workshop.model import ParticipantView

from .. import questionnaire
from ..binding import View
from ..context import bank, lang, tr
from ..text import plain


def render(view: View, seen: ParticipantView) -> None:
    """The step the room is on, answerable while the workshop is open."""
    b, step = bank(), seen.room.step
    disabled = not seen.workshop.is_open
    if step is None:
        st.info(tr("ws.p.wait"))
        return
    questions = b.questions_by_id()
    if step in questions:
        order = list(questions)
        area = b.dimension_of(step)
        number = [q.id for q in area.questions].index(step) + 1
        where = {"number": order.index(step) + 1, "count": len(order)}
        st.caption(tr("ws.p.paced_question", area=plain(area.name(lang())), **where))
        questionnaire.question(view, number, questions[step], disabled)
        answer = view.record.response.answers.get(step)
        if answer is not None and answer.chosen:
            st.success(tr("ws.p.paced_saved"))
        return
    area = b.dimension(step)
    st.header(plain(area.name(lang())))
    st.caption(area.description(lang()))
    for number, q in enumerate(area.questions, start=1):
        questionnaire.question(view, number, q, disabled)
    done = sum(
        1 for q in area.questions if (a := view.record.response.answers.get(q.id)) and a.chosen
    )
    if done == len(area.questions):
        st.success(tr("ws.p.paced_area_saved"))
