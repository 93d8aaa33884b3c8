"""Results: overall and per-area levels, radar and gap charts, weakest points, unknowns."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import fmt_number, t, tn
from assessment.scoring import weakest

from . import solo
from .context import bank, lang, tr
from .text import plain

THIN = 0.5
"""Below this share of questions answered with a level, the results carry a warning."""


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    response = view.record.response
    b = bank()
    card, action_plan = solo.scored(response)
    st.header(tr("ui.step.results"))
    if card.overall is None or card.overall_maturity is None:
        st.info(tr("ui.r.no_answers"))
        view.finish()
        return
    total = sum(d.total for d in card.dimensions)
    levelled = sum(d.answered for d in card.dimensions)
    if levelled < THIN * total:
        st.warning(tr("ui.r.thin", answered=levelled, total=total))
    st.metric(
        tr("ui.r.overall"),
        f"{fmt_number(card.overall, lang())} · {card.overall_maturity.name(lang())}",
    )
    st.caption(card.overall_maturity.description(lang()))
    flags = [p for p in action_plan.actions if p.red_flag]
    if flags:
        titles = "\n".join(f"- {plain(p.action.title(lang()))}" for p in flags)
        st.error(f"**{t('report.red_flags', lang())}**: "
                 f"{tn('report.red_flags_text', len(flags), lang())}\n{titles}")  # fmt: skip

    for d in card.dimensions:
        dim = b.dimension(d.dimension_id)
        with st.container(border=True):
            level = fmt_number(d.level, lang()) if d.level is not None else "–"
            maturity = d.maturity.name(lang()) if d.maturity else tr("ui.not_answered")
            st.markdown(f"**{dim.name(lang())}**: {level} · {maturity}")
            st.caption(
                tr("ui.r.target", target=fmt_number(d.target, lang()))
                + " · "
                + tr("ui.r.answered", answered=d.answered, total=d.total, dont_know=d.dont_know)
            )
            if d.maturity:
                st.caption(d.maturity.description(lang()))
            if d.capped_by:
                names = ", ".join(b.question(q).text(lang()) for q in d.capped_by)
                st.warning(tr("ui.r.capped", questions=names))

    st.subheader(tr("ui.r.charts"))
    radar, gap = solo.chart_specs(response.model_dump_json(), lang())
    st.vega_lite_chart(radar, width="stretch")
    st.vega_lite_chart(gap, width="stretch")

    st.subheader(tr("ui.r.weakest"))
    weak = weakest(b, response)
    if not weak:
        st.caption(tr("ui.r.weakest_none"))
    for q, level in weak:
        st.markdown(f"- **{q.text(lang())}** ({level}): {q.levels[level](lang())}")

    st.subheader(tr("ui.r.missing"))
    if not card.dont_know:
        st.caption(tr("ui.r.missing_none"))
    for qid in card.dont_know:
        st.markdown(f"- {b.question(qid).text(lang())}")
    if card.not_applicable:
        st.subheader(tr("ui.r.not_applicable"))
        for qid in card.not_applicable:
            st.markdown(f"- {b.question(qid).text(lang())}")
    solo.next_button("ui.r.to_plan", "plan", opened)
    view.finish()
