"""Start: what the assessment is; begin one for a municipality, continue one (by its private link
or an answers file), or go to a workshop.

Links from the first release (`?p=…`, `?ws=…&key=…`, `?join=…` on the root) still work: they
are sent on to the pages that now serve them.
"""

from __future__ import annotations

import logging

import streamlit as st

from assessment.answers import AnswersError, check_answers, parse_answers
from assessment.i18n import municipality_facts
from assessment.migration import migrate_answers
from assessment.models import Municipality, Response
from assessment.municipalities import municipalities, municipality
from assessment.records import PrivateLink, RecordError, create_solo, import_response, load
from assessment.workspace.clients import create_owned, import_owned

from . import auth, pages, solo
from .context import bank, engine, lang, tr
from .feedback import flash, write
from .solo import ID_PARAM, LINK_PARAM
from .text import plain

log = logging.getLogger(__name__)

UPLOAD_MB = 10
"""Streamlit's own limit, above the answers file's 2 MB: a file up to this size gets our own
one-line reason in the user's language; beyond it Streamlit refuses it before we see it."""
LEGACY = {"p": ("p", "t"), "join": ("join", "code")}
"""First-release links on the root: query parameter → (page, its parameter there)."""


def _label(code: int) -> str:
    m = municipality(code)
    return f"{m.name} ({m.region.removeprefix('Region ')})"


def _forward_old_links() -> None:
    """Send a private link, or a link of the first release, on to the page that serves it."""
    params = st.query_params
    if params.get(LINK_PARAM):
        _resume(params[LINK_PARAM])
    if params.get("ws") and params.get("key"):
        _forward("facilitator", ws=params["ws"], key=params["key"])
    for old, (page, name) in LEGACY.items():
        if params.get(old):
            _forward(page, **{name: params[old]})


def _resume(token: str) -> None:
    """A private link continues where the work stands: the questionnaire in the first area with
    open questions, or the results once every question is answered."""
    try:
        record = load(engine(), PrivateLink(token))
    except RecordError:
        _forward("questions", a=token)  # the page says the link opens nothing
        return
    page = "questions" if solo.unanswered(bank(), record.response) else "results"
    query = solo.params_for(page, {LINK_PARAM: token}, record.response)
    st.switch_page(pages.page_file(page), query_params=query)


def _forward(page: str, **params: str) -> None:
    st.switch_page(pages.page_file(page), query_params=pages.link_params(**params))


def render() -> None:
    _forward_old_links()
    st.title(tr("ui.app_tagline"))
    st.markdown(tr("ui.start.intro"))

    st.subheader(tr("ui.start.new"))
    code = st.selectbox(
        tr("ui.start.municipality"),
        options=[m.code for m in municipalities()],
        format_func=_label,
        index=None,
        placeholder=tr("ui.start.municipality_placeholder"),
        key="start.municipality",
    )
    if code is not None:
        st.caption(municipality_facts(municipality(code), lang()))
    if auth.user() is not None:
        st.caption(tr("wsp.start.owned"))
    if st.button(tr("ui.start.begin"), key="start.begin", type="primary", disabled=code is None):
        _begin(code)

    st.subheader(tr("ui.start.resume"))
    st.caption(tr("ui.start.resume_link"))
    upload = st.file_uploader(
        tr("ui.start.upload"), key="start.upload", type=["json"], max_upload_size=UPLOAD_MB
    )
    if upload is not None:
        _import(upload.getvalue())

    st.subheader(tr("ws.start.title"))
    st.markdown(tr("ws.start.text"))
    join, create = st.columns(2)
    join.page_link(
        pages.page_file("join"), label=tr("ws.start.join"), query_params=pages.link_params()
    )
    create.page_link(
        pages.page_file("workshop"), label=tr("ws.start.create"), query_params=pages.link_params()
    )


def _begin(code: int | None) -> None:
    """Store a new assessment and open it at its first step: in the signed-in user's
    workspace, else with a private link."""
    if code is None:
        return
    info = municipality(code)
    chosen = Municipality(code=info.code, name=info.name)
    user = auth.user()
    if user is not None:
        made = write(
            lambda: create_owned(engine(), bank(), chosen, user, language=lang()),
            what="new owned assessment",
        )
        if made is not None:
            st.switch_page(pages.page_file("about"), query_params=pages.link_params(id=str(made)))
        return
    token = write(
        lambda: create_solo(engine(), bank(), chosen, language=lang()), what="new assessment"
    )
    if token is not None:
        st.switch_page(pages.page_file("about"), query_params=pages.link_params(a=token))


def _import(data: bytes) -> None:
    """An uploaded answers file becomes a stored assessment: with its own private link, or in
    the signed-in user's workspace."""
    try:
        loaded, notices = migrate_answers(bank(), parse_answers(data))
        check_answers(bank(), loaded)
    except AnswersError as exc:
        st.error(plain(exc.message(lang())))  # it may quote the file's own (hostile) text
        return
    for notice in notices:  # a file made with an older bank: what moved and what did not
        flash(notice.key, level="warning", **notice.params)
    user = auth.user()
    if user is not None:
        made = write(lambda: import_owned(engine(), bank(), loaded, user), what="import")
        if made is not None:
            _loaded(loaded)
            query = solo.params_for("questions", {ID_PARAM: str(made)}, loaded)
            st.switch_page(pages.page_file("questions"), query_params=query)
        return
    token = write(lambda: import_response(engine(), bank(), loaded), what="import")
    if token is not None:
        _loaded(loaded)
        _resume(token)


def _loaded(loaded: Response) -> None:
    answered = sum(a.chosen for a in loaded.answers.values())
    flash("ui.start.loaded", level="success", answered=answered)
