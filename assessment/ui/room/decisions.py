"""The room's decisions, one per question: the participants' median is only a suggestion until
the facilitator records a level (or confirms the suggestion with its own button), and the count
of decided questions counts only those.

The decisions are the workshop's consensus record, written through `binding.View` with the
revision the window showed, so a stale facilitator window is refused and never overwrites a
decision made in another window.
"""

from __future__ import annotations

import streamlit as st

from assessment.i18n import fmt_number, t
from assessment.limits import MAX_NOTE
from assessment.models import Answer, Bank, Lang
from assessment.records import FacilitatorKey, set_choice, set_note
from assessment.workshop.pacing import set_step
from assessment.workshop.stats import QuestionSpread, dashboard

from ..binding import View
from ..context import bank, engine, lang, tr
from ..feedback import write
from ..questionnaire import options_for
from ..text import plain
from .bars import choice_label

GOTO = "_goto_control"
"""Session: set when "show on screen" should open the control tab on the next run."""


def question_numbers(b: Bank) -> dict[str, str]:
    """Each question's number as the questionnaire and the report show it: area.question."""
    return {
        q.id: f"{d}.{n}"
        for d, dim in enumerate(b.dimensions, start=1)
        for n, q in enumerate(dim.questions, start=1)
    }


def spread_line(q: QuestionSpread, language: Lang) -> str:
    return t(
        "ws.f.spread_line", language,
        counts=" · ".join(f"{level}: {n}" for level, n in enumerate(q.counts)),
        dont_know=q.dont_know,
        median=fmt_number(q.median, language) if q.median is not None else "–",
    )  # fmt: skip


def decide(view: View, q: QuestionSpread) -> None:
    """Record the room's level and note on one question; nothing is recorded until chosen."""
    b, door, record, language = bank(), view.door, view.record, lang()
    qid, question = q.question_id, bank().question(q.question_id)
    options = options_for(question)
    answer = record.response.answers.get(qid, Answer())
    if answer.chosen:
        st.markdown(tr("ws.f.decided_as", level=choice_label(answer.level, language)))
    elif q.suggested is not None:
        suggestion = choice_label(q.suggested.level, language)
        note, confirm = st.columns([3, 2], vertical_alignment="center")
        note.caption(tr("ws.f.suggestion", level=suggestion))
        if confirm.button(tr("ws.f.confirm", level=suggestion), key=f"cc.{qid}", type="primary"):
            level = q.suggested.level
            if write(lambda: set_choice(engine(), door, b, qid, level, base=view.shown_before),
                     what=f"confirm {qid}") is not None:  # fmt: skip
                view.wrote = True
    level, note = st.columns([3, 2], vertical_alignment="bottom")
    with level:
        view.bind(
            f"c.{qid}",
            answer.level,
            record.revs.levels.get(qid, 0),
            lambda **kw: st.radio(
                tr("ws.f.agreed"),
                options=options,
                index=None if answer.level not in options else options.index(answer.level),
                format_func=lambda o: choice_label(o, language),
                horizontal=True,
                help=" · ".join(f"{i}: {text(language)}" for i, text in enumerate(question.levels)),
                **kw,
            ),
            lambda value, base: set_choice(engine(), door, b, qid, value, base=base),
            what=f"consensus {qid}",
            valid=lambda value: value is None or value in options,
        )
    with note:
        view.bind(
            f"cn.{qid}",
            answer.note,
            record.revs.notes.get(qid, 0),
            lambda **kw: st.text_input(
                tr("ws.f.discussion"), value=answer.note, max_chars=MAX_NOTE, **kw
            ),
            lambda value, base: set_note(engine(), door, b, qid, value or "", base=base),
            what=f"consensus note {qid}",
        )


def render(view: View, key: FacilitatorKey) -> None:
    """Every question, the disputed and uncertain ones first, each with its decision."""
    b, language = bank(), lang()
    board = dashboard(engine(), b, key)
    agreed = view.record.response.answers
    decided = sum(1 for a in agreed.values() if a.chosen)
    flagged = [q for q in board.questions if q.flagged]
    st.markdown(tr("ws.f.decided", decided=decided, total=len(board.questions)))
    st.caption(tr("ws.f.rule", flagged=len(flagged)))
    numbers = question_numbers(b)
    for q in board.questions:
        with st.container(border=True):
            tags = [tr("ws.f.tag.disputed")] if q.disputed else []
            if q.uncertain:
                tags.append(tr("ws.f.tag.uncertain"))
            head, show = st.columns([5, 1], vertical_alignment="top")
            text = plain(b.question(q.question_id).text(language))
            head.markdown(f"**{numbers[q.question_id]} {text}**")
            for tag in tags:
                head.badge(tag, color="orange")
            head.caption(spread_line(q, language) if q.answered else tr("ws.f.no_answers"))
            if show.button(tr("ws.f.show"), key=f"d.show.{q.question_id}", width="stretch"):
                _show(key, q.question_id)
            decide(view, q)


def _show(key: FacilitatorKey, question_id: str) -> None:
    """Put the question on the shared screen (an explicit choice, so never refused as stale)
    and open the controls."""
    if write(lambda: set_step(engine(), bank(), key, question_id, base=None), what="show") is None:
        return
    st.session_state[GOTO] = True
    st.rerun()
