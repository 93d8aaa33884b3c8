"""Peers: the opt-in to share this assessment's area levels anonymously, the comparison with
the municipality group and the region where at least K municipalities shared, and, on request,
a simulated data set that shows the k rule and how the claim about mid-sized municipalities
would be tested. Simulated numbers carry their label on every chart, line and file."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import fmt_number
from assessment.models import Lang
from assessment.municipalities import municipalities, municipality
from assessment.peers.claim import ClaimTest, check_claim
from assessment.peers.consent import set_sharing, shared_levels
from assessment.peers.distribution import K, Scope, SharedLevels, compare
from assessment.peers.simulated import simulated_levels
from assessment.progress_charts import peer_chart
from assessment.scoring import score
from assessment.tables import rows_to_csv
from assessment.workspace.rounds import as_current

from . import solo
from .binding import View
from .context import bank, engine, lang, tr
from .feedback import flash, write
from .text import plain

SIMULATED = "peers.simulated"
"""The toggle's key: show the simulated data set."""
TTL = 60
"""Seconds a read of the shared levels is reused: a new share shows within a minute."""


@st.cache_data(ttl=TTL, show_spinner=False)
def _shared() -> list[SharedLevels]:
    return shared_levels(engine(), bank())


@st.cache_data(show_spinner=False)
def _simulated() -> list[SharedLevels]:
    return simulated_levels(bank())


@st.cache_data(show_spinner=False)
def _claim() -> ClaimTest:
    return check_claim(_simulated())


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    language = lang()
    st.header(tr("ui.step.peers"))
    _consent(view, disabled=opened.read_only, signed_in=not opened.by_private_link)
    response = as_current(bank(), view.record.response)
    card = score(bank(), response)
    own = {d.dimension_id: d.level for d in card.dimensions}
    code = response.municipality.code
    st.subheader(tr("peers.compare.title"))
    st.caption(tr("peers.compare.rule", k=K))
    _scopes(compare(bank(), _shared(), code), own, language, simulated=False)
    st.divider()
    if st.toggle(tr("peers.simulated.toggle"), key=SIMULATED):
        _simulation(code, own, language)
    view.finish()


def _consent(view: View, *, disabled: bool, signed_in: bool) -> None:
    """The opt-in; an assessment opened by its private link sees the comparison but cannot
    start sharing (one line says why), though it can stop an opt-in made before."""
    sharing = view.record.round.share_peers
    with st.container(border=True):
        st.markdown(f"**{tr('peers.consent.title')}**")
        st.markdown(tr("peers.consent.what", k=K))
        if not signed_in:
            st.info(tr("peers.consent.sign_in"))
            if not sharing:
                return
        st.caption(tr("peers.consent.on" if sharing else "peers.consent.off"))
        label = "peers.consent.stop" if sharing else "peers.consent.start"
        if st.button(tr(label), key="peers.consent", disabled=disabled):
            door = view.door
            if write(lambda: set_sharing(engine(), door, not sharing), what="peers") is not None:
                _shared.clear()
                key = "peers.consent.stopped" if sharing else "peers.consent.started"
                flash(key, level="success")
            view.wrote = True


def _scopes(
    scopes: list[Scope], own: dict[str, float | None], language: Lang, *, simulated: bool
) -> None:
    for scope in scopes:
        name = (
            municipality_group_name(int(scope.name_key), language)
            if scope.kind == "group"
            else scope.name_key
        )
        st.markdown(f"**{tr(f'peers.scope.{scope.kind}', name=plain(name))}**")
        if not scope.shown:
            st.info(tr("peers.too_few", k=K))
            continue
        chart = peer_chart(bank(), scope, own, language, simulated=simulated)
        st.vega_lite_chart(chart.to_dict(), width="stretch")


def municipality_group_name(group_id: int, language: Lang) -> str:
    """Statistics Denmark's name of a municipality group (through any of its members)."""
    member = next(m for m in municipalities() if m.group_id == group_id)
    return member.group_name(language)


def _simulation(code: int, own: dict[str, float | None], language: Lang) -> None:
    """The simulated data set, labelled on every element, and the claim's test method."""
    label = tr("peers.simulated.label")
    st.warning(tr("peers.simulated.banner"))
    data = _simulated()
    st.markdown(f"**{label}:** {tr('peers.simulated.count', count=len(data))}")
    _scopes(compare(bank(), data, code), own, language, simulated=True)
    st.subheader(f"{label}: {tr('peers.claim.title')}")
    st.markdown(tr("peers.claim.method", k=K))
    result = _claim()
    if not result.enough:
        st.info(tr("peers.claim.too_few", k=K, mid=result.mid, others=result.others))
    else:
        interval = result.interval or (0.0, 0.0)
        st.markdown(
            f"**{label}:** "
            + tr(
                "peers.claim.result",
                mid=result.mid,
                others=result.others,
                mid_mean=fmt_number(result.mid_mean or 0.0, language, 2),
                others_mean=fmt_number(result.others_mean or 0.0, language, 2),
                difference=fmt_number(result.difference or 0.0, language, 2),
                low=fmt_number(interval[0], language, 2),
                high=fmt_number(interval[1], language, 2),
                p=fmt_number(result.p_value or 0.0, language, 3),
            )
        )
    st.caption(tr("peers.claim.no_conclusion"))
    st.download_button(
        tr("peers.simulated.download"),
        data=lambda: _simulated_csv(language),
        file_name=f"somemodenhed-{tr('peers.simulated.file')}.csv",
        mime="text/csv",
        key="peers.simulated.csv",
        on_click="ignore",
    )


def _simulated_csv(language: Lang) -> bytes:
    """The simulated data set as a spreadsheet: every row says it is simulated, and no row
    names a municipality (made-up levels beside a real name could be read as real)."""
    b = bank()
    columns = [
        tr("peers.col.simulated"),
        tr("wsp.col.group"),
        tr("wsp.col.region"),
        tr("wsp.col.overall"),
        *(d.name(language) for d in b.dimensions),
    ]
    rows = []
    for s in _simulated():
        info = municipality(s.municipality_code)
        levels = [s.levels.get(d.id) for d in b.dimensions]
        label = tr("peers.simulated.label")
        rows.append([label, info.group_name(language), info.region, s.overall, *levels])
    return rows_to_csv(columns, rows)
