"""The workspace: a signed-in user's municipalities (clients), each with its assessments and
workshops over time, the assessments colleagues shared with them, and the export across
clients. Without sign-in set up, the page says the app runs on private links alone."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from assessment.i18n import fmt_number
from assessment.models import Municipality
from assessment.municipalities import municipalities, municipality
from assessment.tables import to_csv, to_excel
from assessment.workspace.clients import Client, Listed, Workspace, create_owned, workspace
from assessment.workspace.export import clients_table
from assessment.workspace.identity import User

from . import auth, pages, solo, workspace_client
from .context import DAY_FORMAT, auth_configured, bank, engine, lang, tr
from .feedback import show_flash, write
from .text import plain

CLIENT = "client"
"""The query parameter that holds the client shown in detail."""
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
    if space.clients:
        _overview(space.clients)
        workspace_client.render(user, _chosen(space.clients))
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


def _overview(clients: list[Client]) -> None:
    """Every client in one table, without a widget per row: a consultant's thirty
    municipalities cost one element, and one of them is shown in detail below."""
    st.subheader(tr("wsp.clients.title"))
    rows = []
    for c in clients:
        latest = c.assessments[-1] if c.assessments else None
        overall = workspace_client.level(latest) if latest else None
        rows.append(
            {
                "municipality": c.municipality.name,
                "round": latest.round_number if latest else None,
                "changed": latest.record.response.updated_at.date() if latest else None,
                "overall": fmt_number(overall, lang()) if overall is not None else None,
                "unconfirmed": len(latest.record.round.carried) if latest else None,
                "workshops": len(c.workshops),
            }
        )
    column = st.column_config
    st.dataframe(
        pd.DataFrame(rows),
        hide_index=True,
        placeholder="",  # an empty cell shows empty, not "None"
        width="stretch",
        column_config={
            "municipality": column.TextColumn(tr("wsp.col.municipality")),
            "round": column.NumberColumn(tr("wsp.col.round")),
            "changed": column.DateColumn(tr("wsp.col.changed"), format=DAY_FORMAT[lang()]),
            # A level as the rest of the app writes it (Danish "3,3"); 0–4 sorts as text too.
            "overall": column.TextColumn(tr("wsp.col.overall")),
            "unconfirmed": column.NumberColumn(tr("wsp.col.unconfirmed")),
            "workshops": column.NumberColumn(tr("wsp.col.workshops")),
        },
    )


def _chosen(clients: list[Client]) -> Client:
    """The client shown in detail: the one in the URL (`?client=`), else the one changed last.
    The URL keeps it through a refresh, a restart or a link."""
    by_id = {str(c.id): c for c in clients}
    wanted = st.query_params.get(CLIENT)
    if wanted not in by_id:
        wanted = str(max(clients, key=_last_change).id)
    chosen = st.selectbox(
        tr("wsp.clients.show"),
        options=list(by_id),
        index=list(by_id).index(wanted),
        format_func=lambda cid: by_id[cid].municipality.name,
        key="wsp.client",
    )
    if chosen != st.query_params.get(CLIENT):
        st.query_params[CLIENT] = chosen
    return by_id[chosen]


def _last_change(client: Client) -> dt.datetime:
    stamps = [a.record.response.updated_at for a in client.assessments]
    return max(stamps, default=dt.datetime.min.replace(tzinfo=dt.UTC))


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
