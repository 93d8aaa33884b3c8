"""What the pages of one assessment share: opening it by its private link, and its results."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.charts import gap_chart, radar_chart
from assessment.models import ActionPlan, Lang, Response, RoomSpread, Scorecard
from assessment.planning import plan
from assessment.records import PrivateLink
from assessment.scoring import score

from . import pages, sidebar
from .binding import View
from .context import bank, tr

LINK_PARAM = "a"
"""The query parameter that carries an assessment's private link."""


def token() -> str | None:
    value = st.query_params.get(LINK_PARAM)
    return value if value else None


def open_view() -> tuple[View, str] | None:
    """The assessment the URL's private link opens, with the sidebar drawn; None (with a
    message and a way back) when the link is missing or opens nothing."""
    value = token()
    if value is None:
        st.info(tr("ui.solo.no_link"))
        st.page_link(pages.page_file("start"), label=tr("ui.solo.to_start"))
        return None
    view = View.open(PrivateLink(value))
    if view is None:
        st.page_link(pages.page_file("start"), label=tr("ui.solo.to_start"))
        return None
    sidebar.solo(view.record, value)
    return view, value


def next_button(label_key: str, page: str, value: str, *, key: str) -> None:
    """The primary link to the next step."""
    st.page_link(
        pages.page_file(page),
        label=tr(label_key),
        query_params=pages.link_params(a=value),
        icon=":material/arrow_forward:",
    )


def scored(value: Response) -> tuple[Scorecard, ActionPlan]:
    """Scorecard and plan for a response; well under a millisecond, so not cached."""
    card = score(bank(), value)
    return card, plan(bank(), card, value)


@st.cache_data(max_entries=64, show_spinner=False)
def chart_specs(
    response_json: str, lang: Lang, spread_json: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Radar and gap chart specs, cached per response content, language and room spread."""
    value = Response.model_validate_json(response_json)
    spread = RoomSpread.model_validate_json(spread_json) if spread_json else None
    card = score(bank(), value)
    return (
        radar_chart(bank(), card, lang, spread=spread).to_dict(),
        gap_chart(bank(), card, lang).to_dict(),
    )
