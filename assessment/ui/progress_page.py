"""Progress: this round against the ones before it. The rounds on one radar, the change per area
and per question, what moved most, and the plan actions done since the round before began;
and the button that starts the next round, on the latest round only."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from assessment.i18n import fmt_number, t
from assessment.models import Choice, Lang
from assessment.progress import Progress, QuestionChange, action_title
from assessment.progress_charts import rounds_radar
from assessment.records import Door
from assessment.workspace.rounds import history, is_latest, progress_of, start_next_round

from . import pages, solo
from .context import bank, engine, lang, tr
from .feedback import flash, write
from .text import plain


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    st.header(tr("ui.step.progress"))
    found = progress_of(bank(), history(engine(), view.door))
    if found is None:
        st.markdown(tr("prog.first_round"))
    else:
        _show(found, lang())
    if not opened.read_only:
        st.subheader(tr("prog.next.title"))
        if not is_latest(engine(), view.door):
            st.info(tr("prog.next.exists"))
        else:
            st.caption(tr("prog.next.text"))
            if st.button(tr("prog.next.button"), key="prog.next", type="primary"):
                start_next(view.door, private_link=opened.by_private_link)
    view.finish()


def start_next(door: Door, *, private_link: bool) -> None:
    """Start the next round of the assessment `door` opens and open it at its first step."""
    made = write(
        lambda: start_next_round(engine(), door, bank(), private_link=private_link),
        what="next round",
    )
    if made is None:
        return
    flash("prog.next.done_link" if made.token else "prog.next.done", level="success")
    link = {"a": made.token} if made.token else {"id": str(made.id)}
    st.switch_page(pages.page_file("about"), query_params=pages.link_params(**link))


@st.cache_data(max_entries=32, show_spinner=False)
def _radar(progress_key: str, _found: Progress, language: Lang) -> dict[str, Any]:
    """The radar's spec, cached per rounds shown and language (`progress_key`)."""
    return rounds_radar(bank(), _found, language).to_dict()


def _show(found: Progress, language: Lang) -> None:
    b = bank()
    before, now = found.rounds[-2], found.rounds[-1]
    st.markdown(
        tr(
            "prog.intro",
            number=len(found.rounds),
            now=f"{now.day:%d.%m.%Y}",
            before=f"{before.day:%d.%m.%Y}",
        )
    )
    if found.unconfirmed:
        st.warning(tr("prog.unconfirmed", count=found.unconfirmed))
    key = repr((found.rounds, language))
    st.vega_lite_chart(_radar(key, found, language), width="stretch")
    columns = st.columns(len(found.areas) + 1)
    for column, change in zip(columns, [found.overall, *found.areas], strict=True):
        name = (
            tr("prog.overall") if change.id == "overall" else b.dimension(change.id).name(language)
        )
        column.metric(
            name,
            fmt_number(change.after, language) if change.after is not None else "–",
            delta=fmt_number(change.delta, language) if change.delta else None,
        )
    left, right = st.columns(2)
    with left:
        _moved("prog.improved", found.improved, language)
    with right:
        _moved("prog.fallen", found.fallen, language)
    st.subheader(tr("prog.done", count=len(found.done)))
    if not found.done:
        st.caption(tr("prog.none_done"))
    for action_id in found.done:
        st.markdown(f"- {plain(action_title(b, action_id, language))}")
    with st.expander(tr("prog.all_questions")):
        st.dataframe(
            _question_table(found.questions, language),
            hide_index=True,
            placeholder="",
            width="stretch",
        )


def _moved(key: str, changes: list[QuestionChange], language: Lang) -> None:
    st.subheader(tr(key))
    if not changes:
        st.caption(tr("prog.no_change"))
    for c in changes:
        title = bank().question(c.question_id).title(language)
        carried = f" · {tr('wsp.q.carried')}" if c.carried else ""
        st.markdown(f"**{plain(title)}**  \n{c.before} → {c.after}{carried}")


def _question_table(changes: list[QuestionChange], language: Lang) -> pd.DataFrame:
    b = bank()
    return pd.DataFrame(
        [
            {
                tr("prog.col.area"): b.dimension(c.dimension_id).name(language),
                tr("prog.col.question"): b.question(c.question_id).title(language),
                tr("prog.col.before"): _choice(c.before, language),
                tr("prog.col.now"): _choice(c.after, language),
                tr("prog.col.change"): "" if c.delta is None else f"{c.delta:+d}",
                tr("prog.col.carried"): t("ui.yes", language) if c.carried else "",
            }
            for c in changes
        ]
    )


def _choice(choice: Choice, language: Lang) -> str:
    if choice is None:
        return "–"
    if isinstance(choice, int):
        return str(choice)
    return t(f"ui.{choice}", language)
