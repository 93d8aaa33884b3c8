"""The facilitator: create a workshop, then run the room from a private page that is never
projected (`/facilitator?ws=CODE&key=TOKEN`). The projector gets the presenter view, opened by
its own read-only link.

The page has five tabs (the open one in the URL, and only the open one runs): the controls, the
decisions, the participants, results and plan, and data and access. The room's agreed answers,
targets and plan are a stored record versioned like any other (`binding.View`), and the room's
state carries a revision of its own, so an older facilitator window cannot overwrite a decision
or move the room back: its change is refused with a message and it shows what is stored.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assessment.limits import MAX_TITLE
from assessment.models import Municipality
from assessment.municipalities import municipalities, municipality
from assessment.records import FacilitatorKey, RecordError
from assessment.workshop.codes import format_join_code
from assessment.workshop.model import Workshop
from assessment.workshop.retention import DEFAULT_DAYS, KEEP_DAYS, delete_after
from assessment.workshop.rooms import SEATS, create_workshop, facilitator_workshop
from assessment.workspace.workshops import claim_workshop, in_workspace

from . import auth, pages
from .binding import View
from .context import bank, engine, tr
from .feedback import flash, show_flash, write
from .room import admin, control, decisions, links, results, roster
from .room.sweep import sweep
from .text import plain

TABS = ("control", "decisions", "roster", "results", "admin")
TAB = "f.tab"
NEW = "_new_workshop"
"""Session: the workshop just created, whose links the facilitator is asked to keep."""


def create_page() -> None:
    """The form that creates a workshop and opens its private facilitator page."""
    sweep()
    st.title(tr("ws.c.title"))
    show_flash()
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
        st.selectbox(
            tr("ws.c.keep"),
            options=KEEP_DAYS,
            index=KEEP_DAYS.index(DEFAULT_DAYS),
            format_func=lambda d: tr("ws.c.keep_days", days=d),
            key="ws.c.keep",
        )
        st.number_input(tr("ws.f.seats"), min_value=1, max_value=500, value=SEATS, key="ws.c.seats")
        submitted = st.form_submit_button(tr("ws.c.submit"), type="primary")
    st.caption(tr("ws.c.privacy"))
    st.page_link(
        pages.page_file("privacy"), label=tr("ws.d.link"), query_params=pages.link_params()
    )
    if submitted:
        _create()


def _create() -> None:
    code = st.session_state.get("ws.c.municipality")
    if code is None:
        st.error(tr("ws.c.need_municipality"))
        return
    info, day = municipality(code), st.session_state["ws.c.date"]
    key = write(
        lambda: create_workshop(
            engine(),
            title=st.session_state["ws.c.name"].strip() or tr("ws.c.name_default"),
            municipality=Municipality(code=info.code, name=info.name),
            date=day,
            language=st.session_state["ws.c.language"],
            bank=bank(),
            delete_after=delete_after(day, st.session_state["ws.c.keep"]),
            max_participants=int(st.session_state["ws.c.seats"]),
        ),
        what="new workshop",
    )
    if key is None:
        show_flash()
        return
    user = auth.user()
    if user is not None:  # begun signed in: the workshop goes into the user's workspace
        write(lambda: claim_workshop(engine(), key, user), what="workshop to workspace")
    st.session_state[NEW] = key.join_code
    st.switch_page(
        pages.page_file("facilitator"),
        query_params=pages.link_params(ws=key.join_code, key=key.token),
    )


def facilitator_page() -> None:
    sweep()
    key = FacilitatorKey(st.query_params.get("ws", "")[:20], st.query_params.get("key", ""))
    try:
        workshop = facilitator_workshop(engine(), key)
    except RecordError as exc:
        st.error(tr(exc.key))
        st.page_link(pages.page_file("workshop"), label=tr("ws.f.to_create"))
        return
    view = View.open(key)
    if view is None:
        return
    _header(workshop, key)
    labels = [tr(f"ws.f.tab.{name}") for name in TABS]
    if st.session_state.pop(decisions.GOTO, False):
        st.session_state[TAB] = labels[0]
    elif st.session_state.get(TAB) not in (None, *labels):  # the language changed
        st.session_state.pop(TAB)
    tabs = dict(zip(TABS, st.tabs(labels, key=TAB, bind="query-params"), strict=True))
    if tabs["control"].open:
        with tabs["control"]:
            control.render(view, key)
    if tabs["decisions"].open:
        with tabs["decisions"]:
            decisions.render(view, key)
    if tabs["roster"].open:
        with tabs["roster"]:
            roster.render(key, workshop)
    if tabs["results"].open:
        with tabs["results"]:
            results.render(view, key)
    if tabs["admin"].open:
        with tabs["admin"]:
            admin.render(key, workshop, view.record)
    view.finish()


def _header(workshop: Workshop, key: FacilitatorKey) -> None:
    """Title, status, the join code and the presenter link: the page is never projected, so the
    links can stand here."""
    title, screen = st.columns([3, 1], vertical_alignment="center")
    title.subheader(plain(workshop.title))
    screen.link_button(
        tr("ws.f.open_screen"), links.presenter_url(key, workshop.language), type="primary",
        icon=":material/present_to_all:", width="stretch",
    )  # fmt: skip
    state = tr("ws.f.status_open" if workshop.is_open else "ws.f.status_closed")
    code = format_join_code(workshop.join_code)
    st.caption(
        f"{plain(workshop.municipality.name)} · {workshop.date:%d.%m.%Y} · "
        f"{tr('ws.f.code', code=code)} · {state}"
    )
    if not links.reachable_from_the_room():
        st.warning(tr("ws.f.localhost", variable=links.PUBLIC_URL))
    _workspace(key)
    if st.session_state.get(NEW) == workshop.join_code:
        _keep_links(workshop, key)


def _workspace(key: FacilitatorKey) -> None:
    """For a signed-in facilitator: put the workshop in their workspace, where it is found
    again without this page's link."""
    user = auth.user()
    if user is None or in_workspace(engine(), key, user):
        return
    if st.button(tr("wsp.claim.workshop"), key="f.claim"):
        if write(lambda: claim_workshop(engine(), key, user), what="workshop to workspace"):
            flash("wsp.claim.workshop_done", level="success")
        st.rerun()


def _keep_links(workshop: Workshop, key: FacilitatorKey) -> None:
    """Right after creating: the private link is the only way back in, so ask to keep it."""
    with st.container(border=True):
        st.warning(tr("ws.f.keep_link"))
        st.code(links.facilitator_url(key), language=None)
        keep, done = st.columns(2)
        keep.download_button(
            tr("ws.f.links_download"),
            data=admin.links_text(workshop, key).encode(),
            file_name=f"workshop-{workshop.join_code}-links.txt",
            mime="text/plain",
            key="f.links",
            on_click="ignore",
        )
        if done.button(tr("ws.f.kept"), key="f.kept"):
            st.session_state.pop(NEW, None)
            flash("ws.f.kept_thanks", level="success")
            st.rerun()
