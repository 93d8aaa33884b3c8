"""The facilitator: create a workshop, watch the room live, record the agreed answers, print
and export.

The private link (`/facilitator?ws=CODE&key=TOKEN`) is the only key to these pages; every
core call checks it again. The room's agreed answers, targets and plan are a stored record
versioned like any other (`binding.View`), so a second, older facilitator window cannot
overwrite a decision: its write is refused with a message and it shows what is stored.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import qrcode
import streamlit as st

from assessment.answers import dump_answers
from assessment.edited_plan import edited_plan
from assessment.i18n import fmt_number, t
from assessment.limits import MAX_NOTE, MAX_TITLE
from assessment.models import DONT_KNOW, NOT_APPLICABLE, Answer, Choice, Lang, Municipality
from assessment.municipalities import municipalities, municipality
from assessment.records import FacilitatorKey, RecordError, set_choice, set_note, set_target
from assessment.report import report_for
from assessment.tables import to_excel
from assessment.workshop.consensus import close_workshop, reopen_workshop
from assessment.workshop.export import to_csv, workshop_rows
from assessment.workshop.rooms import (
    Workshop,
    create_workshop,
    facilitator_workshop,
    format_join_code,
)
from assessment.workshop.stats import Dashboard, QuestionSpread, dashboard

from . import pages, solo
from .action_plan import plan_editor
from .binding import View
from .context import bank, base_url, engine, lang, tr
from .feedback import show_flash, write
from .questionnaire import options_for
from .text import plain

LIVE_SECONDS = 5
TARGET_STEPS = [x / 2 for x in range(9)]


def create_page() -> None:
    """The form that creates a workshop and opens its private facilitator link."""
    st.title(tr("ws.c.title"))
    with st.form("ws.create"):
        st.text_input(
            tr("ws.c.name"), value=tr("ws.c.name_default"), key="ws.c.name", max_chars=MAX_TITLE
        )
        st.selectbox(
            tr("ui.start.municipality"),
            options=[m.code for m in municipalities()],
            format_func=lambda c: municipality(c).name,
            index=None,
            placeholder=tr("ui.start.municipality_placeholder"),
            key="ws.c.municipality",
        )
        st.date_input(tr("ws.c.date"), value=dt.date.today(), key="ws.c.date", format="DD.MM.YYYY")
        st.radio(
            tr("ws.c.language"),
            options=["da", "en"],
            format_func=lambda c: {"da": "Dansk", "en": "English"}[c],
            key="ws.c.language",
            horizontal=True,
        )
        submitted = st.form_submit_button(tr("ws.c.submit"), type="primary")
    if submitted:
        _create()


def _create() -> None:
    code = st.session_state.get("ws.c.municipality")
    if code is None:
        st.error(tr("ws.c.need_municipality"))
        return
    info = municipality(code)
    key = write(
        lambda: create_workshop(
            engine(),
            title=st.session_state["ws.c.name"].strip() or tr("ws.c.name_default"),
            municipality=Municipality(code=info.code, name=info.name),
            date=st.session_state["ws.c.date"],
            language=st.session_state["ws.c.language"],
            bank=bank(),
        ),
        what="new workshop",
    )
    if key is None:
        show_flash()
        return
    st.switch_page(
        pages.page_file("facilitator"),
        query_params=pages.link_params(ws=key.join_code, key=key.token),
    )


@st.cache_data(max_entries=256, show_spinner=False)
def _qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(text, box_size=8, border=2).save(buffer, format="PNG")
    return buffer.getvalue()


def facilitator_page() -> None:
    key = FacilitatorKey(st.query_params.get("ws", "")[:20], st.query_params.get("key", ""))
    try:
        workshop = facilitator_workshop(engine(), key)
    except RecordError as exc:
        st.error(tr(exc.key))
        return
    view = View.open(key)
    if view is None:
        return
    st.title(plain(workshop.title))
    st.caption(f"{plain(workshop.municipality.name)} · {workshop.date:%d.%m.%Y}")
    _join_info(workshop, key)
    board = dashboard(engine(), bank(), key)
    live, agree, results, manage = st.tabs(
        [tr("ws.f.tab.live"), tr("ws.f.tab.consensus"), tr("ws.f.tab.results"),
         tr("ws.f.tab.manage")]
    )  # fmt: skip
    with live:
        _live(key)
    with agree:
        _consensus(view, board)
    with results:
        _results(view, board)
    with manage:
        _manage(key, workshop, view)
    view.finish()


def _join_info(workshop: Workshop, key: FacilitatorKey) -> None:
    join_query = f"join?code={workshop.join_code}"
    if workshop.language != "da":
        join_query += f"&lang={workshop.language}"
    join_url = base_url() + join_query
    left, right = st.columns([2, 1])
    left.subheader(tr("ws.f.code", code=format_join_code(workshop.join_code)))
    left.markdown(f"**{tr('ws.f.join_link')}**")
    left.code(join_url, language=None)
    right.image(_qr_png(join_url), width=180)
    with st.expander(tr("ws.f.private_link")):
        st.code(f"{base_url()}facilitator?ws={key.join_code}&key={key.token}", language=None)
    st.caption(tr("ws.f.status_open" if workshop.is_open else "ws.f.status_closed"))


@st.fragment(run_every=LIVE_SECONDS)
def _live(key: FacilitatorKey) -> None:
    """Refreshes by itself every few seconds while the room answers."""
    b = bank()
    board = dashboard(engine(), b, key)
    st.metric(tr("ws.f.joined"), len(board.participants))
    if board.participants:
        st.dataframe(
            pd.DataFrame(
                {
                    tr("ws.f.name_col"): [
                        p.person.name or tr("ws.f.anonymous", number=p.person.number)
                        for p in board.participants
                    ],
                    tr("ws.f.progress_col"): [
                        f"{p.answered}/{p.total}" for p in board.participants
                    ],
                }
            ),
            hide_index=True,
        )
    answered = [q for q in board.questions if q.median is not None]
    if not answered:
        st.caption(tr("ws.f.no_answers"))
        return
    st.subheader(tr("ws.f.disputed"))
    disputed = [q for q in answered if (q.iqr or 0) >= 1 or (q.range or 0) >= 2][:5]
    if not disputed:
        st.caption(tr("ws.f.disputed_none"))
    for q in disputed:
        st.markdown(f"- :orange[**{plain(b.question(q.question_id).text(lang()))}**]")
        st.caption(_spread_line(q, lang()))
    st.subheader(tr("ws.f.room_radar"))
    radar, _ = solo.chart_specs(
        board.room_response.model_dump_json(), lang(), board.room.model_dump_json()
    )
    st.vega_lite_chart(radar, width="stretch")


def _spread_line(q: QuestionSpread, language: Lang) -> str:
    return tr(
        "ws.f.spread_line",
        counts=" · ".join(str(c) for c in q.counts),
        dont_know=q.dont_know,
        median=fmt_number(q.median, language) if q.median is not None else "–",
    )


def _consensus(view: View, board: Dashboard) -> None:
    """One explicit decision per question; the room's median is only a suggestion."""
    b, door, record, language = bank(), view.door, view.record, lang()
    agreed = record.response.answers
    decided = sum(1 for a in agreed.values() if a.chosen)
    st.markdown(tr("ws.f.consensus_intro"))
    st.caption(tr("ws.f.decided", decided=decided, total=len(board.questions)))
    open_ones = [
        q
        for q in board.questions
        if q.suggested is not None and not agreed.get(q.question_id, Answer()).chosen
    ]
    if open_ones and st.button(tr("ws.f.adopt", count=len(open_ones)), key="c.adopt"):
        _adopt(view, open_ones)
    for q in board.questions:
        question = b.question(q.question_id)
        answer = agreed.get(q.question_id, Answer())
        with st.container(border=True):
            st.markdown(f"**{plain(question.text(lang()))}**")
            st.caption(_spread_line(q, lang()))
            if q.suggested is not None:
                st.caption(tr("ws.f.suggestion", level=_choice_label(q.suggested.level, language)))
            if q.notes:  # participants' own words, shown as plain text, never markup
                st.text("\n".join(f"– {note}" for note in q.notes))
            view.bind(
                f"c.{q.question_id}",
                answer.level,
                record.revs.levels.get(q.question_id, 0),
                lambda answer=answer, question=question, **kw: st.radio(
                    tr("ws.f.agreed"),
                    options=options_for(question),
                    index=None
                    if answer.level not in options_for(question)
                    else options_for(question).index(answer.level),
                    format_func=lambda o: _choice_label(o, language),
                    horizontal=True,
                    help=" · ".join(f"{i}: {t(lang())}" for i, t in enumerate(question.levels)),
                    **kw,
                ),
                lambda value, base, qid=q.question_id: set_choice(
                    engine(), door, b, qid, value, base=base
                ),
                what=f"consensus {q.question_id}",
                valid=lambda value, question=question: (
                    value is None or value in options_for(question)
                ),
            )
            view.bind(
                f"cn.{q.question_id}",
                answer.note,
                record.revs.notes.get(q.question_id, 0),
                lambda answer=answer, **kw: st.text_input(
                    tr("ws.f.discussion"), value=answer.note, max_chars=MAX_NOTE, **kw
                ),
                lambda value, base, qid=q.question_id: set_note(
                    engine(), door, b, qid, value or "", base=base
                ),
                what=f"consensus note {q.question_id}",
            )


def _choice_label(option: Choice | None, language: Lang) -> str:
    if option == DONT_KNOW:
        return t("ui.dont_know", language)
    return t("ui.not_applicable", language) if option == NOT_APPLICABLE else str(option)


def _adopt(view: View, open_ones: list[QuestionSpread]) -> None:
    """Record the room's suggestion where nothing is decided yet; a question decided in another
    window meanwhile is left as that window decided it."""
    b = bank()
    for q in open_ones:
        assert q.suggested is not None  # noqa: S101 - filtered by the caller
        write(
            lambda q=q: set_choice(
                engine(), view.door, b, q.question_id, q.suggested.level, base=view.shown_before
            ),
            what=f"adopt {q.question_id}",
        )
    view.wrote = True


def _results(view: View, board: Dashboard) -> None:
    b, record, language = bank(), view.record, lang()
    response = record.response
    card, action_plan = solo.scored(response)
    if card.overall is None or card.overall_maturity is None:
        st.info(tr("ui.r.no_answers"))
        return
    st.metric(
        tr("ui.r.overall"),
        f"{fmt_number(card.overall, lang())} · {card.overall_maturity.name(lang())}",
    )
    st.markdown(f"**{tr('ws.f.targets')}**")
    for d in card.dimensions:
        view.bind(
            f"ct.{d.dimension_id}",
            d.target,
            record.revs.targets.get(d.dimension_id, 0),
            lambda d=d, **kw: st.select_slider(
                b.dimension(d.dimension_id).name(lang()),
                options=TARGET_STEPS,
                value=d.target,
                format_func=lambda v: fmt_number(v, language),
                **kw,
            ),
            lambda value, base, dim_id=d.dimension_id: set_target(
                engine(), view.door, b, dim_id, float(value), base=base
            ),
            what=f"consensus target {d.dimension_id}",
        )
    radar, gap = solo.chart_specs(response.model_dump_json(), lang(), board.room.model_dump_json())
    st.vega_lite_chart(radar, width="stretch")
    st.vega_lite_chart(gap, width="stretch")
    if action_plan.actions:
        plan_editor(view, edited_plan(action_plan, response.plan_edits))
    current = lang()
    st.download_button(
        tr("ws.f.pdf"),
        data=lambda: report_for(
            b, response, current, generated=dt.datetime.now(dt.UTC), spread=board.room
        ),
        file_name=f"somemodenhed-workshop-{board.workshop.join_code}.pdf",
        mime="application/pdf",
        key="c.pdf",
        type="primary",
        on_click="ignore",
    )


def _manage(key: FacilitatorKey, workshop: Workshop, view: View) -> None:
    b = bank()
    if workshop.is_open:
        if st.button(tr("ws.f.close"), key="m.close"):
            write(lambda: close_workshop(engine(), key), what="close")
            st.rerun()
    elif st.button(tr("ws.f.reopen"), key="m.reopen"):
        write(lambda: reopen_workshop(engine(), key), what="reopen")
        st.rerun()
    st.download_button(
        tr("ws.f.export_all"),
        data=lambda: to_csv(workshop_rows(engine(), b, key)),
        file_name=f"workshop-{key.join_code}.csv",
        mime="text/csv",
        key="m.csv",
        on_click="ignore",
    )
    sheet = tr("ui.e.sheet_answers")
    st.download_button(
        tr("ws.f.export_xlsx"),
        data=lambda: to_excel({sheet: pd.DataFrame(workshop_rows(engine(), b, key))}),
        file_name=f"workshop-{key.join_code}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="m.xlsx",
        on_click="ignore",
    )
    agreed = view.record.response
    st.download_button(
        tr("ws.f.export_consensus"),
        data=lambda: dump_answers(agreed),
        file_name=f"workshop-{key.join_code}.json",
        mime="application/json",
        key="m.json",
        on_click="ignore",
    )
