"""The questionnaire: one area at a time; each question shows its level descriptions as the
choices, "Don't know", and a note. Used by a solo assessment and by a workshop participant.

Where the user is lives in the URL (`?area=`), so a refresh, a reconnect or a server restart
opens the same area. "Next" opens the next area at its top, with keyboard focus on its heading.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from assessment.i18n import t
from assessment.limits import MAX_NOTE
from assessment.models import (
    DONT_KNOW,
    NOT_APPLICABLE,
    Answer,
    Bank,
    Choice,
    Dimension,
    Lang,
    Question,
    Response,
)
from assessment.records import set_choice, set_note

from . import solo
from .binding import View
from .context import bank, engine, lang, tr
from .feedback import write
from .solo import AREA
from .text import plain

CHOICE = "q.area"
"""The area selector's key."""
FOCUS = "_focus_area"
LEVEL_OPTIONS: tuple[Choice, ...] = (0, 1, 2, 3, 4, DONT_KNOW)

FOCUS_SCRIPT = """<script>
(function () {
  const doc = window.document;
  function focusHeading(tries) {
    const heading = doc.getElementById("area-%s");
    const lost = !doc.activeElement || doc.activeElement === doc.body
      || doc.activeElement.tagName === "BUTTON";
    if (heading && lost) {
      heading.setAttribute("tabindex", "-1");
      heading.scrollIntoView({block: "start"});
      heading.focus({preventScroll: true});
    }
    if (tries > 0) setTimeout(function () { focusHeading(tries - 1); }, 150);
  }
  focusHeading(4);
})();
</script>"""
"""Moves keyboard focus to the area's heading after "Next" or "Back" (no user text in it). It
tries again for a moment, as Streamlit may still be replacing the button that had focus."""


def render_solo() -> None:
    """The questionnaire of a solo assessment; the last area leads on to the targets."""
    opened = solo.open_view()
    if opened is None:
        return

    def last_step() -> None:
        solo.next_button("ui.q.to_targets", "targets", opened)

    render(opened.view, last_step, disabled=opened.read_only)
    opened.view.finish()


def render(view: View, last_step: Callable[[], None], *, disabled: bool = False) -> None:
    """The questionnaire for the record `view` shows; `last_step` draws what ends it.
    `disabled`: the answers are shown but cannot be changed (a closed workshop)."""
    b = bank()
    dims = b.dimensions
    response = view.record.response
    ids = [d.id for d in dims]
    language = lang()  # fixed for the run: option labels must not change under a widget
    area = st.query_params.get(AREA)
    if area not in ids:  # a link without an area: open one and keep it open while answering
        area = solo.first_open_area(b, response)
        st.query_params[AREA] = area
    if view.alive:
        st.session_state[CHOICE] = area  # the URL wins (a link, the browser's Back button)
    chosen = st.radio(
        tr("ui.q.area"),
        options=ids,
        index=ids.index(area),
        format_func=lambda dim_id: f"{ids.index(dim_id) + 1} {b.dimension(dim_id).name(language)}",
        captions=[_area_count(response, d) for d in dims],
        key=CHOICE,
        horizontal=True,
        on_change=_area_chosen,
    )
    if chosen != area and chosen in ids:  # chosen with no callback yet (after a restart)
        area = chosen
        st.query_params[AREA] = area
    index = next(i for i, d in enumerate(dims) if d.id == area)
    dim = dims[index]
    st.header(
        tr("ui.q.dimension_of", index=index + 1, count=len(dims), name=dim.name(lang())),
        anchor=f"area-{dim.id}",
    )
    st.caption(dim.description(lang()))
    st.caption(tr("ui.q.pick"))
    carried = view.record.round.carried
    if carried:
        st.info(tr("wsp.q.carried_intro", count=len(carried)))
    for number, q in enumerate(dim.questions, start=1):
        question(view, number, q, disabled)

    back, forward = st.columns(2)
    if index > 0 and back.button(tr("ui.back"), key=f"q.back.{dim.id}"):
        _go(dims[index - 1].id)
    if index < len(dims) - 1:
        if forward.button(tr("ui.next"), key=f"q.next.{dim.id}", type="primary"):
            _go(dims[index + 1].id)
    else:
        with forward:
            last_step()
    _unanswered(b, response)
    if st.session_state.pop(FOCUS, False):
        st.html(FOCUS_SCRIPT % dim.id, unsafe_allow_javascript=True)


def _area_chosen() -> None:
    st.query_params[AREA] = st.session_state[CHOICE]


def _go(dim_id: str) -> None:
    """Open another area at its top (a button's return value, so it works after a restart)."""
    st.query_params[AREA] = dim_id
    st.session_state[FOCUS] = True
    st.rerun()


def _area_count(response: Response, dim: Dimension) -> str:
    done = sum(solo.chosen(response, q.id) for q in dim.questions)
    return tr("ui.q.area_count", done=done, total=len(dim.questions))


def _option_label(q: Question, option: Choice, language: Lang) -> str:
    """An option as shown; the language is fixed when the radio is drawn, so the label a
    browser sends back is always read in the language it was shown in."""
    if option == DONT_KNOW:
        return t("ui.dont_know", language)
    if isinstance(option, int):
        return f"{option} · {q.levels[option](language)}"
    return t("ui.not_applicable", language)


def options_for(q: Question) -> tuple[Choice, ...]:
    """A level 0–4 or "don't know", and "not applicable" where the bank says it may be."""
    return (*LEVEL_OPTIONS, NOT_APPLICABLE) if q.not_applicable_when else LEVEL_OPTIONS


def question(view: View, number: int, q: Question, disabled: bool) -> None:
    """One question: its levels as the choices, "don't know", its evidence hint and a note."""
    record = view.record
    answer = record.response.answers.get(q.id, Answer())
    door, b, language = view.door, bank(), lang()
    options = options_for(q)
    with st.container(border=True):
        if q.critical:
            st.badge(tr("ui.q.critical"), color="orange")
        view.bind(
            f"q.{q.id}",
            answer.level,
            record.revs.levels.get(q.id, 0),
            lambda **kw: st.radio(
                plain(f"{number}. {q.text(language)}"),
                options=options,
                index=None if answer.level not in options else options.index(answer.level),
                format_func=lambda o: _option_label(q, o, language),
                captions=[_criteria(q, o, language) for o in options],
                help=_help(q, language),
                disabled=disabled,
                **kw,
            ),
            lambda value, base: set_choice(engine(), door, b, q.id, value, base=base),
            what=f"choice {q.id}",
            valid=lambda value: value is None or value in options,
        )
        if q.id in record.round.carried:
            _carried(view, q, answer, disabled)
        if q.evidence:
            st.caption(tr("ui.q.evidence", text=q.evidence(language)))
        if q.legal_basis:
            st.caption(tr("ui.q.legal_basis", text=q.legal_basis(language)))
        view.bind(
            f"n.{q.id}",
            answer.note,
            record.revs.notes.get(q.id, 0),
            lambda **kw: st.text_area(
                tr("ui.q.note"),
                value=answer.note,
                height=68,
                max_chars=MAX_NOTE,
                disabled=disabled,
                **kw,
            ),
            lambda value, base: set_note(engine(), door, b, q.id, value or "", base=base),
            what=f"note {q.id}",
        )


def _criteria(q: Question, option: Choice, language: Lang) -> str:
    """A level's checklist (what must be true to claim it), shown under the level."""
    if not isinstance(option, int):
        return ""
    return " · ".join(f"✓ {item(language)}" for item in q.levels[option].checklist)


def _help(q: Question, language: Lang) -> str | None:
    parts = [q.help(language)] if q.help else []
    if q.not_applicable_when:
        parts.append(t("ui.q.not_applicable_when", language, when=q.not_applicable_when(language)))
    return "\n\n".join(parts) or None


def _carried(view: View, q: Question, answer: Answer, disabled: bool) -> None:
    """An answer carried over from the round before: marked until someone confirms it, which
    is one click (or choosing another level)."""
    mark, button = st.columns([3, 1], vertical_alignment="center")
    mark.caption(f":orange-badge[{tr('wsp.q.carried')}] {tr('wsp.q.carried_help')}")
    if button.button(tr("wsp.q.confirm"), key=f"q.confirm.{q.id}", disabled=disabled):
        door, b = view.door, bank()
        write(
            lambda: set_choice(engine(), door, b, q.id, answer.level, base=view.shown_before),
            what=f"confirm {q.id}",
        )
        view.wrote = True


def _unanswered(b: Bank, response: Response) -> None:
    """How many questions are open in each area, with a jump to each (no wall of text)."""
    missing: list[tuple[Dimension, int]] = [
        (d, sum(not solo.chosen(response, q.id) for q in d.questions)) for d in b.dimensions
    ]
    missing = [(d, n) for d, n in missing if n]
    if not missing:
        st.success(tr("ui.q.all_answered"))
        return
    total = sum(n for _, n in missing)
    with st.expander(tr("ui.q.unanswered_title", count=total)):
        for d, n in missing:
            if st.button(tr("ui.q.go_to", name=d.name(lang()), count=n), key=f"q.goto.{d.id}"):
                _go(d.id)
