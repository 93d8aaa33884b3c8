"""Targets: where the municipality wants to be in 12 months, per area; each change is stored."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import fmt_number
from assessment.records import set_target

from . import solo
from .context import bank, engine, lang, tr

STEPS = [x / 2 for x in range(9)]  # 0, 0.5, … 4


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    record = view.record
    b = bank()
    card, _ = solo.scored(record.response)
    language = lang()  # fixed for the run: a label must read back in the language it showed

    def label(value: float) -> str:
        return f"{fmt_number(value, language)} · {b.maturity_of(value).name(language)}"

    st.header(tr("ui.step.targets"))
    st.markdown(tr("ui.t.intro"))
    for d in card.dimensions:
        dim = b.dimension(d.dimension_id)
        today = (
            f"{fmt_number(d.level, lang())} ({d.maturity.name(lang())})"
            if d.level is not None and d.maturity
            else "–"
        )
        view.bind(
            f"t.{d.dimension_id}",
            d.target,
            record.revs.targets.get(d.dimension_id, 0),
            lambda d=d, dim=dim, **kw: st.select_slider(
                dim.name(lang()),
                options=STEPS,
                value=d.target,
                format_func=lambda v: (
                    f"{fmt_number(v, language)} · {b.maturity_of(v).name(language)}"
                ),
                disabled=opened.read_only,
                **kw,
            ),
            lambda value, base, dim_id=d.dimension_id: set_target(
                engine(), view.door, b, dim_id, float(value), base=base
            ),
            what=f"target {d.dimension_id}",
        )
        st.caption(tr("ui.t.now", level=today))
    solo.next_button("ui.t.to_results", "results", opened)
    view.finish()
