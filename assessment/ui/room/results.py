"""The room's results and plan: targets per area, the charts with the participants' spread, the
consensus plan edited in the workshop (owner, deadline, status, drop), and the PDF with the
spread per question."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from assessment.edited_plan import edited_plan
from assessment.i18n import fmt_number
from assessment.records import FacilitatorKey, set_target
from assessment.report import report_for
from assessment.workshop.stats import dashboard

from .. import solo
from ..action_plan import plan_editor
from ..binding import View
from ..context import bank, engine, lang, tr

TARGET_STEPS = [x / 2 for x in range(9)]


def render(view: View, key: FacilitatorKey) -> None:
    b, record, language = bank(), view.record, lang()
    board = dashboard(engine(), b, key)
    response = record.response
    card, action_plan = solo.scored(response)
    if card.overall is None or card.overall_maturity is None:
        st.info(tr("ws.f.no_decisions"))
        return
    st.metric(
        tr("ui.r.overall"),
        f"{fmt_number(card.overall, language)} · {card.overall_maturity.name(language)}",
    )
    st.markdown(f"**{tr('ws.f.targets')}**")
    for d in card.dimensions:
        view.bind(
            f"ct.{d.dimension_id}",
            d.target,
            record.revs.targets.get(d.dimension_id, 0),
            lambda d=d, **kw: st.select_slider(
                b.dimension(d.dimension_id).name(language),
                options=TARGET_STEPS,
                value=d.target,
                format_func=lambda v: fmt_number(v, language),
                **kw,
            ),
            lambda value, base, dim_id=d.dimension_id: set_target(
                engine(), view.door, b, dim_id, float(value), base=base
            ),
            what=f"consensus target {d.dimension_id}",
        )
    spread = board.room.model_dump_json()
    radar, gap = solo.chart_specs(response.model_dump_json(), language, spread)
    st.vega_lite_chart(radar, width="stretch")
    st.vega_lite_chart(gap, width="stretch", height=60 * len(b.dimensions))
    if action_plan.actions:
        st.markdown(f"**{tr('ws.f.plan')}**")
        plan_editor(view, edited_plan(action_plan, response.plan_edits))
    st.download_button(
        tr("ws.f.pdf"),
        data=lambda: report_for(
            b, response, language, generated=dt.datetime.now(dt.UTC), spread=board.room
        ),
        file_name=f"somemodenhed-workshop-{board.workshop.join_code}.pdf",
        mime="application/pdf",
        key="c.pdf",
        type="primary",
        on_click="ignore",
    )
