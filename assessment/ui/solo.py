"""What the pages of one assessment share: opening it by its private link, and its results."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.charts import gap_chart, radar_chart
from assessment.models import ActionPlan, Bank, Lang, Response, RoomSpread, Scorecard
from assessment.planning import plan
from assessment.records import PrivateLink
from assessment.scoring import score

from . import pages, sidebar
from .binding import View
from .context import bank, tr

LINK_PARAM = "a"
"""The query parameter that carries an assessment's private link."""
AREA = "area"
"""The query parameter that holds the questionnaire's open area (its id)."""


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
    links = {name: params_for(name, value, view.record.response) for name in pages.SOLO}
    sidebar.solo(view.record, value, links)
    return view, value


def params_for(page: str, token: str, response: Response) -> dict[str, str]:
    """A link's query: the private link, the language, and for the questionnaire the area to
    open (so the page never moves to another area under the user's next click)."""
    if page == "questions":
        return pages.link_params(a=token, **{AREA: first_open_area(bank(), response)})
    return pages.link_params(a=token)


def first_open_area(b: Bank, response: Response) -> str:
    """Where to continue: the first area with an unanswered question, else the first."""
    for dim in b.dimensions:
        if any(not chosen(response, q.id) for q in dim.questions):
            return dim.id
    return b.dimensions[0].id


def chosen(response: Response, question_id: str) -> bool:
    answer = response.answers.get(question_id)
    return answer is not None and answer.chosen


def next_button(label_key: str, page: str, view: View, token: str) -> None:
    """The primary link to the next step."""
    st.page_link(
        pages.page_file(page),
        label=tr(label_key),
        query_params=params_for(page, token, view.record.response),
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
