"""What the pages of one assessment share: opening it (by its private link, or by its number for
a signed-in user who may), and its results."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from assessment.charts import gap_chart, radar_chart
from assessment.models import ActionPlan, Bank, Lang, Response, RoomSpread, Scorecard
from assessment.planning import plan
from assessment.records import Door, PrivateLink
from assessment.scoring import score
from assessment.workspace.doors import Member, can_write

from . import auth, pages, sidebar
from .binding import View
from .context import auth_configured, bank, engine, tr

LINK_PARAM = "a"
"""The query parameter that carries an assessment's private link."""
ID_PARAM = "id"
"""The query parameter that carries an assessment's number, for a signed-in user."""
AREA = "area"
"""The query parameter that holds the questionnaire's open area (its id)."""


@dataclass(frozen=True)
class Opened:
    """One assessment as a page opened it."""

    view: View
    link: dict[str, str]
    """What opens it again: `{"a": token}` or `{"id": "12"}`."""
    read_only: bool = False
    """A viewer's page: every widget is disabled (and the store refuses a write anyway)."""

    @property
    def by_private_link(self) -> bool:
        return LINK_PARAM in self.link


def token() -> str | None:
    value = st.query_params.get(LINK_PARAM)
    return value if value else None


def _door() -> tuple[Door, dict[str, str]] | None:
    """The door the URL names; None (with a message) when it names none this user can use."""
    value = token()
    if value is not None:
        return PrivateLink(value), {LINK_PARAM: value}
    number = st.query_params.get(ID_PARAM)
    if not number:
        st.info(tr("ui.solo.no_link"))
        return None
    user = auth.user()
    if user is None:
        st.info(tr("wsp.open.sign_in"))
        if auth_configured():
            auth.login_button("solo.login", primary=True)
        return None
    if not number.isdigit() or len(number) > 18:
        st.error(tr("error.record.access_denied"))
        return None
    return Member(user, int(number)), {ID_PARAM: number}


def open_view() -> Opened | None:
    """The assessment the URL opens, with the sidebar drawn; None (with a message and a way
    back) when the URL opens nothing."""
    found = _door()
    view = View.open(found[0]) if found is not None else None
    if found is None or view is None:
        st.page_link(pages.page_file("start"), label=tr("ui.solo.to_start"))
        return None
    door, link = found
    read_only = False
    if isinstance(door, Member):
        with engine().connect() as conn:
            read_only = not can_write(conn, door)
    opened = Opened(view, link, read_only)
    links = {name: params_for(name, link, view.record.response) for name in pages.SOLO}
    sidebar.solo(opened, links)
    if read_only:
        st.info(tr("wsp.open.read_only"))
    return opened


def params_for(page: str, link: dict[str, str], response: Response) -> dict[str, str]:
    """A link's query: what opens the assessment, the language, and for the questionnaire the
    area to open (so the page never moves to another area under the user's next click)."""
    if page == "questions":
        return pages.link_params(**link, **{AREA: first_open_area(bank(), response)})
    return pages.link_params(**link)


def first_open_area(b: Bank, response: Response) -> str:
    """Where to continue: the first area with an unanswered question, else the first."""
    for dim in b.dimensions:
        if any(not chosen(response, q.id) for q in dim.questions):
            return dim.id
    return b.dimensions[0].id


def unanswered(b: Bank, response: Response) -> bool:
    """Whether any question still waits for a choice."""
    return any(not chosen(response, q) for q in b.questions_by_id())


def chosen(response: Response, question_id: str) -> bool:
    answer = response.answers.get(question_id)
    return answer is not None and answer.chosen


def next_button(label_key: str, page: str, opened: Opened) -> None:
    """The primary link to the next step."""
    st.page_link(
        pages.page_file(page),
        label=tr(label_key),
        query_params=params_for(page, opened.link, opened.view.record.response),
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
