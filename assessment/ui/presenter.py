"""The presenter view: what goes on the projector, opened by its own read-only link
(`/screen?s=…`, no facilitator key in it). Large type, no sidebar, no controls.

It follows the room by itself (a fragment that asks the database every second): the join code
and QR code while people join, then the question or area the facilitator put on screen with
"x of y have answered", the bars once revealed, the agreed level once decided, and the notes
the facilitator approved, without names unless the facilitator turned names on.
"""

from __future__ import annotations

import streamlit as st

from assessment.i18n import t
from assessment.models import LANGS, Lang
from assessment.records import RecordError
from assessment.workshop.codes import format_join_code
from assessment.workshop.screen import Screen, screen

from .context import bank, engine, tr
from .room import links
from .room.bars import STYLE, Row, bars, choice_label, hidden, overview
from .room.decisions import question_numbers
from .room.live import live
from .room.sweep import sweep
from .text import plain

LINK_PARAM = "s"
"""The query parameter that carries the presenter link's token."""
EVERY_SECONDS = 1.0
"""How often the view asks the database: it is at most this much plus a redraw behind."""

SCREEN_STYLE = """<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stSidebar"],
[data-testid="stSidebarCollapsedControl"] { display: none; }
[data-testid="stMainBlockContainer"] { padding: 1.5vh 3vw 1vh; max-width: 100%; }
.st-key-sm-title [data-testid="stText"] { font-size: 1.6vw; color: #4b5563; }
.st-key-sm-where [data-testid="stMarkdownContainer"] p { font-size: 1.5vw; color: #4b5563; }
.st-key-sm-question [data-testid="stMarkdownContainer"] p { font-size: 2.7vw; font-weight: 700;
  line-height: 1.25; }
.st-key-sm-answered [data-testid="stMarkdownContainer"] p { font-size: 2.6vw; }
.st-key-sm-agreed [data-testid="stMarkdownContainer"] p { font-size: 2.4vw; color: #b45309;
  font-weight: 700; }
.st-key-sm-notes [data-testid="stText"] { font-size: 1.7vw; line-height: 1.35; }
.st-key-sm-code [data-testid="stMarkdownContainer"] p { font-size: 9vw; font-weight: 800;
  letter-spacing: 0.05em; line-height: 1.1; }
.st-key-sm-join [data-testid="stMarkdownContainer"] p { font-size: 2.2vw; }
.st-key-sm-count [data-testid="stMarkdownContainer"] p { font-size: 3vw; font-weight: 700; }
.st-key-sm-corner [data-testid="stMarkdownContainer"] p { font-size: 1.4vw; text-align: right;
  color: #4b5563; }
.st-key-sm-qr img { width: min(42vh, 30vw) !important; height: auto; }
</style>"""
"""The projector's look: everything in viewport units, so 1280×720 and 1920×1080 read alike."""


def presenter_page() -> None:
    sweep()
    token = st.query_params.get(LINK_PARAM, "")
    asked = st.query_params.get("lang")
    try:
        shown = screen(engine(), bank(), token)
    except RecordError as exc:
        st.error(tr(exc.key))
        return
    language: Lang = asked if asked in LANGS else shown.workshop.language
    st.html(SCREEN_STYLE + STYLE)
    _follow(token, language)


@live(EVERY_SECONDS)
def _follow(token: str, language: Lang) -> None:
    """Draw what the room looks at now."""
    try:
        shown = screen(engine(), bank(), token)
    except RecordError as exc:  # the link was rotated or the workshop deleted meanwhile
        st.error(t(exc.key, language))
        return
    with st.container(key="sm-title"):
        st.text(shown.workshop.title)
    if not shown.questions:
        _lobby(shown, language)
    else:
        _step(shown, language)


def _lobby(shown: Screen, language: Lang) -> None:
    """Join code, link and QR code in large type, and how many have joined."""
    code = shown.workshop.join_code
    url = links.join_url(code, shown.workshop.language)
    if not shown.workshop.is_open:
        st.markdown(t("ws.s.closed", language))
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        with st.container(key="sm-join"):
            address = links.join_address(shown.workshop.language)
            st.markdown(t("ws.s.join_at", language, url=plain(address)))
        with st.container(key="sm-code"):
            st.markdown(format_join_code(code))
        with st.container(key="sm-count"):
            st.markdown(t("ws.s.joined", language, count=shown.participants))
    with right, st.container(key="sm-qr"):
        st.image(links.qr_png(url), alt=t("ws.s.qr_alt", language))


def _step(shown: Screen, language: Lang) -> None:
    b, room = bank(), shown.room
    questions = b.questions_by_id()
    order = list(questions)
    single = len(shown.questions) == 1
    first = shown.questions[0].question_id
    area = b.dimension_of(first)
    where = (
        t("ws.s.question_of", language, number=order.index(first) + 1, count=len(order),
          area=plain(area.name(language)))
        if single
        else t("ws.s.area", language, area=plain(area.name(language)))
    )  # fmt: skip
    top, corner = st.columns([3, 2])
    with top, st.container(key="sm-where"):
        st.markdown(where)
    if shown.workshop.is_open:
        address = links.join_address(shown.workshop.language)
        with corner, st.container(key="sm-corner"):
            st.markdown(
                t("ws.s.corner", language, url=plain(address),
                  code=format_join_code(shown.workshop.join_code))
            )  # fmt: skip
    key = "ws.s.answered" if single else "ws.s.answered_area"
    with st.container(key="sm-answered"):
        st.markdown(t(key, language, answered=shown.complete, count=shown.participants))
    if single:
        _question(shown, language)
        return
    numbers = question_numbers(b)
    rows = [
        Row(numbers[on.question_id], questions[on.question_id].title(language), on.counts,
            on.agreed)
        for on in shown.questions
    ]  # fmt: skip
    with st.container(key="sm-overview"):
        st.html(overview(rows, language, revealed=room.revealed,
                         hidden_text=t("ws.s.hidden", language)))  # fmt: skip


def _question(shown: Screen, language: Lang) -> None:
    b, on = bank(), shown.questions[0]
    with st.container(key="sm-question"):
        st.markdown(plain(b.question(on.question_id).text(language)))
    if not shown.room.revealed:
        st.html(hidden(t("ws.s.hidden", language)))
        return
    voters = on.voters if shown.room.show_names else None
    if on.earlier:
        before, now = st.columns(2)
        before.html(bars(b, on.earlier[-1], language, caption=t("ws.s.before", language)))
        now.html(bars(b, on.counts, language, agreed=on.agreed, voters=voters,
                      caption=t("ws.s.after", language)))  # fmt: skip
    else:
        st.html(bars(b, on.counts, language, agreed=on.agreed, voters=voters))
    if on.agreed is not None:
        label = choice_label(on.agreed, language)
        if isinstance(on.agreed, int):
            label += f" · {b.maturity[on.agreed].name(language)}"
        with st.container(key="sm-agreed"):
            st.markdown(t("ws.s.agreed", language, level=plain(label)))
    if on.notes:
        with st.container(key="sm-notes"):
            st.text(
                "\n".join(f"»{text}«" + (f" – {name}" if name else "") for name, text in on.notes)
            )
