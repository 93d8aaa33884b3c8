"""The workspace: a signed-in user's municipalities (clients), each with its assessments and
workshops over time, the assessments colleagues shared with them, and the export across
clients. Without sign-in set up, the page says the app runs on private links alone."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assessment.models import Municipality
from assessment.municipalities import municipalities, municipality
from assessment.tables import to_csv, to_excel
from assessment.workspace.clients import Listed, Workspace, create_owned, workspace
from assessment.workspace.export import clients_table
from assessment.workspace.identity import User

from . import auth, pages, solo, workspace_client
from .context import auth_configured, bank, engine, lang, tr
from .feedback import show_flash, write
from .text import plain

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def render() -> None:
    st.header(tr("wsp.title"))
    notices = st.container()
    if not auth_configured():
        st.info(tr("wsp.not_configured"))
        return
    user = auth.user()
    if user is None:
        _signed_out()
        return
    st.caption(tr("wsp.auth.signed_in_as", email=plain(user.email)))
    space = workspace(engine(), user)
    _new(user)
    if not space.clients and not space.shared:
        st.info(tr("wsp.empty"))
    for client in space.clients:
        workspace_client.render(user, client)
    if space.shared:
        _shared(space.shared)
    if any(c.assessments for c in space.clients):
        _exports(space)
    show_flash(notices)


def _signed_out() -> None:
    if auth.signed_in_without_address():
        st.error(tr("wsp.auth.no_address"))
        auth.logout_button("wsp.logout")
        return
    st.markdown(tr("wsp.intro"))
    auth.login_button("wsp.login", primary=True)


def _label(code: int) -> str:
    m = municipality(code)
    return f"{m.name} ({m.region.removeprefix('Region ')})"


def _new(user: User) -> None:
    """Start an assessment for a municipality; it goes into the user's client for it."""
    with st.container(border=True):
        st.markdown(f"**{tr('wsp.new.title')}**")
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        code = left.selectbox(
            tr("ui.start.municipality"),
            options=[m.code for m in municipalities()],
            format_func=_label,
            index=None,
            placeholder=tr("ui.start.municipality_placeholder"),
            key="wsp.new.municipality",
        )
        if right.button(tr("wsp.new.button"), key="wsp.new", disabled=code is None) and code:
            info = municipality(code)
            made = write(
                lambda: create_owned(
                    engine(),
                    bank(),
                    Municipality(code=info.code, name=info.name),
                    user,
                    language=lang(),
                ),
                what="new owned assessment",
            )
            if made is not None:
                st.switch_page(
                    pages.page_file("about"), query_params=pages.link_params(id=str(made))
                )


def _shared(shared: list[Listed]) -> None:
    st.subheader(tr("wsp.shared.title"))
    st.caption(tr("wsp.shared.text"))
    for listed in reversed(shared):
        response = listed.record.response
        with st.container(border=True):
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.markdown(
                f"**{plain(response.municipality.name)}** · "
                + tr("wsp.round", number=listed.round_number)
            )
            left.caption(tr(f"wsp.role.{listed.role}") + " · " + workspace_client.summary(listed))
            link = {"id": str(listed.record.id)}
            right.page_link(
                pages.page_file("questions"),
                label=tr("wsp.open"),
                query_params=solo.params_for("questions", link, response),
            )


def _exports(space: Workspace) -> None:
    st.subheader(tr("wsp.export.title"))
    st.caption(tr("wsp.export.text"))
    language = lang()
    stem = f"somemodenhed-{tr('wsp.export.file')}-{dt.date.today():%Y-%m-%d}"
    table = lambda: clients_table(bank(), space, language)  # noqa: E731 - built only on click
    left, right = st.columns(2)
    left.download_button(
        tr("wsp.export.csv"),
        data=lambda: to_csv(table()),
        file_name=f"{stem}.csv",
        mime=CSV,
        key="wsp.export.csv",
        on_click="ignore",
    )
    right.download_button(
        tr("wsp.export.xlsx"),
        data=lambda: to_excel({tr("wsp.export.sheet"): table()}),
        file_name=f"{stem}.xlsx",
        mime=XLSX,
        key="wsp.export.xlsx",
        on_click="ignore",
    )
