"""Data and access: open or close the room, the links (and a file to keep them in), a new key
when the old one has been seen, how long the workshop is kept, exports with or without names,
and deleting the workshop with everything in it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from assessment.answers import dump_answers
from assessment.records import FacilitatorKey, Record
from assessment.tables import to_excel
from assessment.workshop.access import rotate_key
from assessment.workshop.codes import format_join_code
from assessment.workshop.consensus import close_workshop, delete_workshop, reopen_workshop
from assessment.workshop.export import to_csv, workshop_rows
from assessment.workshop.model import Workshop
from assessment.workshop.retention import KEEP_DAYS, delete_after, set_retention

from .. import pages
from ..context import bank, engine, lang, tr
from ..feedback import flash, write
from . import day, links

ROTATE = "_confirm_rotate"
FOREVER = "forever"


def links_text(workshop: Workshop, key: FacilitatorKey) -> str:
    """The workshop's links as a small text file the facilitator keeps: the only way back in."""
    return tr(
        "ws.f.links_file",
        title=workshop.title,
        code=format_join_code(workshop.join_code),
        facilitator=links.facilitator_url(key),
        presenter=links.presenter_url(key, workshop.language),
        join=links.join_url(workshop.join_code, workshop.language),
    )


def render(key: FacilitatorKey, workshop: Workshop, record: Record) -> None:
    _status(key, workshop)
    st.divider()
    _access(key, workshop)
    st.divider()
    _retention(key, workshop)
    st.divider()
    _exports(key, record)
    st.divider()
    _delete(key, workshop)


def _status(key: FacilitatorKey, workshop: Workshop) -> None:
    st.markdown(tr("ws.f.status_open" if workshop.is_open else "ws.f.status_closed"))
    if workshop.is_open:
        if st.button(tr("ws.f.close"), key="m.close"):
            write(lambda: close_workshop(engine(), key), what="close")
            st.rerun()
    elif st.button(tr("ws.f.reopen"), key="m.reopen"):
        write(lambda: reopen_workshop(engine(), key), what="reopen")
        st.rerun()


def _access(key: FacilitatorKey, workshop: Workshop) -> None:
    st.markdown(f"**{tr('ws.f.access')}**")
    st.caption(tr("ws.f.private_link"))
    st.code(links.facilitator_url(key), language=None)
    st.download_button(
        tr("ws.f.links_download"),
        data=links_text(workshop, key).encode(),
        file_name=f"workshop-{workshop.join_code}-links.txt",
        mime="text/plain",
        key="m.links",
        on_click="ignore",
    )
    st.caption(tr("ws.f.rotate_help"))
    if st.session_state.get(ROTATE) != workshop.id:
        if st.button(tr("ws.f.rotate"), key="m.rotate"):
            st.session_state[ROTATE] = workshop.id
            st.rerun()
        return
    st.warning(tr("ws.f.rotate_confirm"))
    if st.button(tr("ws.f.rotate_yes"), key="m.rotate.yes", type="primary"):
        st.session_state.pop(ROTATE, None)
        fresh = write(lambda: rotate_key(engine(), key), what="rotate key")
        if fresh is not None:
            flash("ws.f.rotated", level="success")
            st.switch_page(
                pages.page_file("facilitator"),
                query_params=pages.link_params(ws=fresh.join_code, key=fresh.token),
            )
        st.rerun()


def _retention(key: FacilitatorKey, workshop: Workshop) -> None:
    st.markdown(f"**{tr('ws.f.retention')}**")
    language = lang()
    if workshop.delete_after is None:
        st.caption(tr("ws.f.kept_until_deleted"))
    else:
        st.caption(tr("ws.f.kept_until", date=day(workshop.delete_after, language)))
    chosen = st.selectbox(
        tr("ws.f.retention_choice"),
        options=[str(d) for d in KEEP_DAYS] + [FOREVER],
        format_func=lambda d: tr("ws.f.keep_forever") if d == FOREVER else tr(
            "ws.f.keep_days", days=d, date=day(delete_after(workshop.date, int(d)), language)
        ),
        index=None,
        placeholder=tr("ws.f.choose"),
        key="m.retention",
    )  # fmt: skip
    if st.button(tr("ws.f.save"), key="m.retention.save", disabled=chosen is None):
        last = None if chosen == FOREVER else delete_after(workshop.date, int(str(chosen)))
        write(lambda: set_retention(engine(), key, last), what="retention")
        st.rerun()


def _exports(key: FacilitatorKey, record: Record) -> None:
    st.markdown(f"**{tr('ws.f.exports')}**")
    b = bank()
    names = st.checkbox(tr("ws.f.export_names"), value=False, key="m.names")
    st.caption(tr("ws.f.export_names_help"))
    csv, xlsx, agreed = st.columns(3)
    csv.download_button(
        tr("ws.f.export_all"),
        data=lambda: to_csv(workshop_rows(engine(), b, key, names=names)),
        file_name=f"workshop-{key.join_code}.csv",
        mime="text/csv",
        key="m.csv",
        on_click="ignore",
    )
    sheet = tr("ui.e.sheet_answers")
    xlsx.download_button(
        tr("ws.f.export_xlsx"),
        data=lambda: to_excel({sheet: pd.DataFrame(workshop_rows(engine(), b, key, names=names))}),
        file_name=f"workshop-{key.join_code}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="m.xlsx",
        on_click="ignore",
    )
    response = record.response
    agreed.download_button(
        tr("ws.f.export_consensus"),
        data=lambda: dump_answers(response),
        file_name=f"workshop-{key.join_code}.json",
        mime="application/json",
        key="m.json",
        on_click="ignore",
    )


def _delete(key: FacilitatorKey, workshop: Workshop) -> None:
    """Delete at once, after typing the join code: nothing of the workshop is left."""
    st.markdown(f"**{tr('ws.f.delete_title')}**")
    st.caption(tr("ws.f.delete_help"))
    typed = st.text_input(tr("ws.f.delete_type", code=format_join_code(workshop.join_code)),
                          key="m.delete.code", max_chars=12)  # fmt: skip
    matches = typed.replace(" ", "").upper() == workshop.join_code
    if st.button(tr("ws.f.delete"), key="m.delete", type="primary", disabled=not matches):
        if matches and write(lambda: _delete_now(key), what="delete"):
            flash("ws.f.deleted", level="success")
            st.switch_page(pages.page_file("workshop"), query_params=pages.link_params())
        st.rerun()


def _delete_now(key: FacilitatorKey) -> bool:
    delete_workshop(engine(), key)
    return True
