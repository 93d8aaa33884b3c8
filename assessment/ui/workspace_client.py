"""One client in the workspace: its assessments over time (newest first) with the way into each,
the next round, sharing by e-mail address, its workshops, and deleting it with all its data."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import fmt_number, tn
from assessment.limits import MAX_EMAIL, MAX_MUNICIPALITY
from assessment.municipalities import municipality
from assessment.scoring import score
from assessment.store.schema import ROLES
from assessment.workspace.clients import Client, Listed, delete_client
from assessment.workspace.doors import Member
from assessment.workspace.identity import User
from assessment.workspace.rounds import as_current
from assessment.workspace.sharing import grants_of, revoke, share
from assessment.workspace.workshops import reissue_key

from . import pages, solo
from .context import bank, engine, lang, tr
from .facilitator import NEW as NEW_WORKSHOP
from .feedback import flash, write
from .progress_page import start_next
from .text import plain


def render(user: User, client: Client) -> None:
    info = municipality(client.municipality.code)
    with st.container(border=True, key=f"wsp-client-{client.id}"):
        st.subheader(plain(client.municipality.name))
        st.caption(f"{plain(info.group_name(lang()))} · {plain(info.region)}")
        if not client.assessments:
            st.caption(tr("wsp.client.none"))
        latest = client.assessments[-1].record.id if client.assessments else None
        for listed in reversed(client.assessments):
            _assessment(user, listed, latest=listed.record.id == latest)
        if client.workshops:
            _workshops(user, client)
        _delete(user, client)


def level(listed: Listed) -> float | None:
    """The assessment's overall level, as the bank reads it now."""
    return score(bank(), as_current(bank(), listed.record.response)).overall


def _workshops(user: User, client: Client) -> None:
    """The client's workshops; their agreed answers are listed with the assessments above, and
    the facilitator's page opens again with a new key (the old link then opens nothing)."""
    st.markdown(f"**{tr('wsp.workshops')}**")
    st.caption(tr("wsp.workshops.open"))
    for w in client.workshops:
        left, right = st.columns([3, 1], vertical_alignment="center")
        status = tr(f"wsp.workshop.{w.status}")
        left.markdown(f"{plain(w.title)} · {w.date:%d.%m.%Y} · {status}")
        if right.button(tr("wsp.workshop.room"), key=f"wsp.room.{w.id}"):
            key = write(lambda w=w: reissue_key(engine(), user, w.id), what="new facilitator key")
            if key is not None:
                st.session_state[NEW_WORKSHOP] = key.join_code  # the page asks to keep the links
                st.switch_page(
                    pages.page_file("facilitator"),
                    query_params=pages.link_params(ws=key.join_code, key=key.token),
                )


def summary(listed: Listed) -> str:
    """One line about an assessment: when, how far answered, its level, what waits."""
    record = listed.record
    response = as_current(bank(), record.response)
    card = score(bank(), response)
    total = len(bank().questions_by_id())
    answered = sum(a.chosen for a in response.answers.values())
    parts = [
        tr("wsp.started", date=f"{record.response.created_at:%d.%m.%Y}"),
        tr("wsp.answered", answered=answered, total=total),
    ]
    if card.overall is not None:
        parts.append(tr("wsp.level", level=fmt_number(card.overall, lang())))
    if record.round.carried:
        parts.append(tr("wsp.unconfirmed", count=len(record.round.carried)))
    if record.round.share_peers:
        parts.append(tr("wsp.sharing_peers"))
    return " · ".join(parts)


def _assessment(user: User, listed: Listed, *, latest: bool) -> None:
    record = listed.record
    link = {"id": str(record.id)}
    kind = tr(f"wsp.kind.{record.kind}")
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.markdown(f"**{tr('wsp.round', number=listed.round_number)}** · {kind}")
    left.caption(summary(listed))
    right.page_link(
        pages.page_file("questions"),
        label=tr("wsp.open"),
        query_params=solo.params_for("questions", link, record.response),
    )
    right.page_link(
        pages.page_file("progress"),
        label=tr("wsp.progress"),
        query_params=pages.link_params(**link),
    )
    if latest and st.button(tr("prog.next.button"), key=f"wsp.next.{record.id}"):
        start_next(Member(user, record.id), private_link=False)
    if listed.role == "owner":
        _sharing(user, record.id)


def _sharing(user: User, assessment_id: int) -> None:
    """Who else may open the assessment, and a form to let one more in."""
    grants = grants_of(engine(), user, assessment_id)
    with st.expander(tr("wsp.share.title", count=len(grants))):
        for grant in grants:
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.markdown(f"{plain(grant.email)} · {tr(f'wsp.role.{grant.role}')}")
            if right.button(
                tr("wsp.share.revoke"), key=f"wsp.revoke.{assessment_id}.{grant.email}"
            ):
                if write(
                    lambda g=grant: revoke(engine(), user, assessment_id, g.email), what="revoke"
                ):
                    flash("wsp.share.revoked", level="success", email=grant.email)
                st.rerun()
        with st.form(key=f"wsp.share.{assessment_id}", clear_on_submit=True, border=False):
            email = st.text_input(
                tr("wsp.share.email"), max_chars=MAX_EMAIL, key=f"wsp.share.email.{assessment_id}"
            )
            role = st.radio(
                tr("wsp.share.role"),
                options=ROLES,
                format_func=lambda r: tr(f"wsp.role.{r}"),
                horizontal=True,
                key=f"wsp.share.role.{assessment_id}",
            )
            st.caption(tr("wsp.share.help"))
            if st.form_submit_button(
                tr("wsp.share.button"), key=f"wsp.share.submit.{assessment_id}"
            ):
                added = write(
                    lambda: share(engine(), user, assessment_id, email or "", role or "viewer"),
                    what="share",
                )
                if added is not None:
                    flash("wsp.share.done", level="success", email=added.email)
                st.rerun()


def _delete(user: User, client: Client) -> None:
    """Delete the client with everything in it, once its name is typed to confirm."""
    name = client.municipality.name
    with st.expander(tr("wsp.delete.title", name=plain(name))):
        st.warning(tr("wsp.delete.text"))
        typed = st.text_input(
            tr("wsp.delete.confirm", name=plain(name)),
            max_chars=MAX_MUNICIPALITY,
            key=f"wsp.delete.name.{client.id}",
        )
        matches = (typed or "").strip().casefold() == name.casefold()
        if (
            st.button(
                tr("wsp.delete.button"),
                key=f"wsp.delete.{client.id}",
                type="primary",
                disabled=not matches,
            )
            and matches
        ):
            gone = write(lambda: delete_client(engine(), user, client.id), what="delete client")
            if gone is not None:
                flash(
                    "wsp.delete.done",
                    level="success",
                    name=name,
                    assessments=tn("wsp.count.assessments", gone.assessments, lang()),
                    workshops=tn("wsp.count.workshops", gone.workshops, lang()),
                )
            st.rerun()
