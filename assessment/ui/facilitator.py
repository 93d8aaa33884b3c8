"""The facilitator: create a workshop, watch the room live, record consensus, print and export.

The private link (`?ws=CODE&key=TOKEN`) is the only key to these pages; every core call checks
it again, so a guessed or altered link shows a one-line refusal and nothing else.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import qrcode
import streamlit as st

from assessment.answers import dump_answers
from assessment.i18n import fmt_number
from assessment.models import Lang, Municipality, Response
from assessment.municipalities import municipalities, municipality
from assessment.tables import plan_table, to_excel
from assessment.workshop.consensus import (
    close_workshop,
    consensus_response,
    record_consensus,
    reopen_workshop,
    set_targets,
)
from assessment.workshop.export import to_csv, workshop_rows
from assessment.workshop.rooms import (
    MAX_TITLE,
    FacilitatorKey,
    WorkshopError,
    create_workshop,
    facilitator_workshop,
    format_join_code,
)
from assessment.workshop.stats import Dashboard, QuestionSpread, dashboard

from . import state
from .db import engine
from .export import pdf_bytes
from .participant import base_url
from .state import tr

DONT_KNOW = -1
LIVE_SECONDS = 5


def create_page() -> None:
    """The form that creates a workshop and moves to its private facilitator link."""
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
        code = st.session_state.get("ws.c.municipality")
        if code is None:
            st.error(tr("ws.c.need_municipality"))
            return
        info = municipality(code)
        try:
            key = create_workshop(
                engine(),
                title=st.session_state["ws.c.name"].strip() or tr("ws.c.name_default"),
                municipality=Municipality(code=info.code, name=info.name),
                date=st.session_state["ws.c.date"],
                language=st.session_state["ws.c.language"],
                bank=state.bank(),
            )
        except ValueError:
            st.error(tr("error.workshop.invalid"))
            return
        st.query_params.clear()
        st.query_params.update({"ws": key.join_code, "key": key.token})
        st.rerun()


@st.cache_data(max_entries=256, show_spinner=False)
def _qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(text, box_size=8, border=2).save(buffer, format="PNG")
    return buffer.getvalue()


def facilitator_page(join_code: str, token: str) -> None:
    key = FacilitatorKey(join_code, token)
    try:
        workshop = facilitator_workshop(engine(), key)
    except WorkshopError as exc:
        st.error(tr(exc.key))
        return
    lang = state.lang()
    st.title(workshop.title)
    st.caption(f"{workshop.municipality.name} · {workshop.date:%d.%m.%Y}")
    join_url = f"{base_url()}?join={workshop.join_code}"
    left, right = st.columns([2, 1])
    left.subheader(tr("ws.f.code", code=format_join_code(workshop.join_code)))
    left.markdown(f"**{tr('ws.f.join_link')}**")
    left.code(join_url, language=None)
    right.image(_qr_png(join_url), width=180)
    with st.expander(tr("ws.f.private_link")):
        st.code(f"{base_url()}?ws={workshop.join_code}&key={token}", language=None)
    st.caption(tr("ws.f.status_open" if workshop.is_open else "ws.f.status_closed"))

    live, agree, results, manage = st.tabs(
        [tr("ws.f.tab.live"), tr("ws.f.tab.consensus"), tr("ws.f.tab.results"),
         tr("ws.f.tab.manage")]
    )  # fmt: skip
    # Loaded once per run for the three static tabs; the live tab reloads on its own timer.
    board = dashboard(engine(), state.bank(), key)
    agreed = consensus_response(engine(), state.bank(), key)
    with live:
        _live(key)
    with agree:
        _consensus(key, board, agreed)
    with results:
        _results(key, board, agreed, lang)
    with manage:
        _manage(key, workshop.is_open, agreed)


@st.fragment(run_every=LIVE_SECONDS)
def _live(key: FacilitatorKey) -> None:
    """Refreshes by itself every few seconds while the room answers."""
    bank = state.bank()
    lang = state.lang()
    board = dashboard(engine(), bank, key)
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
        st.markdown(f"- :orange[**{bank.question(q.question_id).text(lang)}**]")
        st.caption(_spread_line(q, lang))
    st.subheader(tr("ws.f.room_radar"))
    radar, _ = state.chart_specs(
        board.room_response.model_dump_json(), lang, board.room.model_dump_json()
    )
    st.vega_lite_chart(radar, width="stretch")


def _spread_line(q: QuestionSpread, lang: Lang) -> str:
    return tr(
        "ws.f.spread_line",
        counts=" · ".join(str(c) for c in q.counts),
        dont_know=q.dont_know,
        median=fmt_number(q.median, lang) if q.median is not None else "–",
    )


def _on_consensus(key: FacilitatorKey, question_id: str) -> None:
    level = st.session_state[f"c.{question_id}"]
    note = st.session_state.get(f"cn.{question_id}", "")
    if level is None:
        return
    record_consensus(
        engine(), state.bank(), key, question_id, None if level == DONT_KNOW else level, note
    )


def _adopt(key: FacilitatorKey, board: Dashboard, decided: set[str]) -> None:
    for q in board.questions:
        if q.question_id not in decided and q.suggested is not None:
            record_consensus(
                engine(), state.bank(), key, q.question_id, q.suggested.level, q.suggested.note
            )


def _consensus(key: FacilitatorKey, board: Dashboard, consensus: Response) -> None:
    bank = state.bank()
    lang = state.lang()
    agreed = consensus.answers
    st.markdown(tr("ws.f.consensus_intro"))
    st.caption(tr("ws.f.decided", decided=len(agreed), total=len(board.questions)))
    open_ones = [q for q in board.questions if q.question_id not in agreed and q.suggested]
    if open_ones:
        st.button(
            tr("ws.f.adopt", count=len(open_ones)),
            key="c.adopt",
            on_click=_adopt,
            args=(key, board, set(agreed)),
        )
    options = [0, 1, 2, 3, 4, DONT_KNOW]
    for q in board.questions:
        question = bank.question(q.question_id)
        current = agreed.get(q.question_id) or q.suggested
        index = None
        if current is not None:
            index = options.index(DONT_KNOW if current.level is None else current.level)
        with st.container(border=True):
            st.markdown(f"**{question.text(lang)}**")
            st.caption(_spread_line(q, lang))
            if q.notes:  # participants' own words, shown as plain text, never markup
                st.text("\n".join(f"– {note}" for note in q.notes))
            st.radio(
                tr("ws.f.agreed"),
                options=options,
                index=index,
                format_func=lambda o: tr("ui.dont_know") if o == DONT_KNOW else str(o),
                key=f"c.{q.question_id}",
                horizontal=True,
                help=" · ".join(f"{i}: {text(lang)}" for i, text in enumerate(question.levels)),
                on_change=_on_consensus,
                args=(key, q.question_id),
            )
            st.text_input(
                tr("ws.f.discussion"),
                value=agreed[q.question_id].note if q.question_id in agreed else "",
                key=f"cn.{q.question_id}",
                max_chars=2000,
                on_change=_on_consensus,
                args=(key, q.question_id),
            )


def _results(key: FacilitatorKey, board: Dashboard, response: Response, lang: Lang) -> None:
    bank = state.bank()
    card, action_plan = state.scored(response)
    if card.overall is None or card.overall_maturity is None:
        st.info(tr("ui.r.no_answers"))
        return
    st.metric(
        tr("ui.r.overall"), f"{fmt_number(card.overall, lang)} · {card.overall_maturity.name(lang)}"
    )
    st.markdown(f"**{tr('ws.f.targets')}**")
    targets = {}
    for d in card.dimensions:
        targets[d.dimension_id] = st.select_slider(
            bank.dimension(d.dimension_id).name(lang),
            options=[x / 2 for x in range(9)],
            value=d.target,
            format_func=lambda v: fmt_number(v, lang),
            key=f"ct.{d.dimension_id}",
        )
    if targets != {d.dimension_id: d.target for d in card.dimensions}:
        set_targets(engine(), bank, key, targets)
        st.rerun()
    radar, gap = state.chart_specs(response.model_dump_json(), lang, board.room.model_dump_json())
    st.vega_lite_chart(radar, width="stretch")
    st.vega_lite_chart(gap, width="stretch")
    st.dataframe(plan_table(bank, action_plan, response, lang), hide_index=True)
    st.download_button(
        tr("ws.f.pdf"),
        data=lambda: pdf_bytes(bank, response, lang, board.room),
        file_name=f"somemodenhed-workshop-{key.join_code}.pdf",
        mime="application/pdf",
        key="c.pdf",
        type="primary",
        on_click="ignore",
    )


def _manage(key: FacilitatorKey, is_open: bool, consensus: Response) -> None:
    bank = state.bank()
    if is_open:
        st.button(tr("ws.f.close"), key="m.close", on_click=close_workshop, args=(engine(), key))
    else:
        st.button(tr("ws.f.reopen"), key="m.reopen", on_click=reopen_workshop, args=(engine(), key))
    rows = workshop_rows(engine(), bank, key)
    st.download_button(
        tr("ws.f.export_all"), data=to_csv(rows), file_name=f"workshop-{key.join_code}.csv",
        mime="text/csv", key="m.csv", on_click="ignore",
    )  # fmt: skip
    sheet = tr("ui.e.sheet_answers")
    st.download_button(
        tr("ws.f.export_xlsx"), data=lambda: to_excel({sheet: pd.DataFrame(rows)}),
        file_name=f"workshop-{key.join_code}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="m.xlsx", on_click="ignore",
    )  # fmt: skip
    st.download_button(
        tr("ws.f.export_consensus"),
        data=dump_answers(consensus),
        file_name=f"workshop-{key.join_code}.json",
        mime="application/json",
        key="m.json",
        on_click="ignore",
    )
