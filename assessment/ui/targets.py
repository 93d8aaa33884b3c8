"""Targets: where the municipality wants to be in 12 months, per dimension."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import fmt_number

from . import state
from .state import tr

STEPS = [x / 2 for x in range(9)]  # 0, 0.5, … 4


def _on_target(dimension_id: str) -> None:
    state.set_target(dimension_id, st.session_state[f"t.{dimension_id}"])


def render() -> None:
    response = state.require_response()
    if response is None:
        return
    lang = state.lang()
    bank = state.bank()
    card, _ = state.scored(response)
    st.header(tr("ui.step.targets"))
    st.markdown(tr("ui.t.intro"))
    for d in card.dimensions:
        dim = bank.dimension(d.dimension_id)
        today = (
            f"{fmt_number(d.level, lang)} ({d.maturity.name(lang)})"
            if d.level is not None and d.maturity
            else "–"
        )
        st.select_slider(
            dim.name(lang),
            options=STEPS,
            value=d.target,
            format_func=lambda v: f"{fmt_number(v, lang)} · {bank.maturity_of(v).name(lang)}",
            key=f"t.{d.dimension_id}",
            help=tr("ui.t.now", level=today),
            on_change=_on_target,
            args=(d.dimension_id,),
        )
        st.caption(tr("ui.t.now", level=today))
    st.button(
        tr("ui.t.to_results"), key="t.next", type="primary", on_click=state.go, args=("results",)
    )
