"""The action plan: ranked next steps with reasons; owner, deadline, status, drop editable."""

from __future__ import annotations

import datetime as dt
import zlib

import pandas as pd
import streamlit as st

from assessment.i18n import t
from assessment.models import ActionPlan, Bank, Lang, PlanEdit, Response

from . import state
from .state import tr

EDITOR = "p.editor"
STATUSES = ("todo", "doing", "done")
TOP_REASONS = 10
COLUMNS = (  # what people edit comes right after the action, before the details
    "rank", "quick", "action", "owner", "deadline", "status", "drop",
    "horizon", "effort", "impact", "dimension", "why",
)  # fmt: skip


def plan_frame(bank: Bank, plan: ActionPlan, response: Response, lang: Lang) -> pd.DataFrame:
    """The editor's rows: the plan joined with what people have already edited."""
    rows = []
    for p in plan.actions:
        edit = response.plan_edits.get(p.action.id, PlanEdit())
        rows.append(
            {
                "id": p.action.id,
                "rank": p.rank,
                "quick": "★" if p.quick_win else "",
                "action": p.action.title(lang),
                "dimension": bank.dimension(p.dimension_id).name(lang),
                "effort": t(f"plan.effort.{p.action.effort.value}", lang),
                "impact": p.action.impact,
                "horizon": t("table.months", lang, horizon=p.horizon),
                "owner": edit.owner or p.action.owner_role(lang),
                "deadline": edit.deadline,
                "status": t(f"ui.status.{edit.status}", lang),
                "drop": edit.dropped,
                "why": p.reason(lang),
            }
        )
    return pd.DataFrame(rows).set_index("id")


def edits_from(frame: pd.DataFrame, plan: ActionPlan, lang: Lang) -> dict[str, PlanEdit]:
    """Turn the edited table back into plan edits; an untouched row stores nothing."""
    status_of = {t(f"ui.status.{s}", lang): s for s in STATUSES}
    roles = {p.action.id: p.action.owner_role(lang) for p in plan.actions}
    edits: dict[str, PlanEdit] = {}
    for action_id, row in frame.iterrows():
        owner = str(row["owner"] or "").strip()
        deadline = row["deadline"]
        if isinstance(deadline, pd.Timestamp | dt.datetime):
            deadline = deadline.date()
        edit = PlanEdit(
            owner="" if owner == roles[str(action_id)] else owner,
            deadline=deadline if isinstance(deadline, dt.date) else None,
            status=status_of.get(str(row["status"]), "todo"),  # type: ignore[arg-type]
            dropped=bool(row["drop"]),
        )
        if edit != PlanEdit():
            edits[str(action_id)] = edit
    return edits


def render() -> None:
    response = state.require_response()
    if response is None:
        return
    _, plan = state.scored(response)
    st.header(tr("ui.step.plan"))
    if not plan.actions:
        st.info(tr("ui.p.none"))
        return
    st.markdown(tr("ui.p.intro"))
    dropped = sum(e.dropped for e in response.plan_edits.values())
    quick = sum(p.quick_win for p in plan.actions)
    st.caption(tr("ui.p.summary", count=len(plan.actions), quick=quick, dropped=dropped))
    frame = plan_frame(state.bank(), plan, response, state.lang())
    column = st.column_config
    # A new editor per language and plan: its edits are stored by row position and label.
    ids = "|".join(frame.index)
    edited = st.data_editor(
        frame,
        key=f"{EDITOR}.{state.lang()}.{zlib.crc32(ids.encode())}",
        hide_index=True,
        width="stretch",
        disabled=["rank", "quick", "action", "dimension", "effort", "impact", "horizon", "why"],
        column_order=COLUMNS,
        column_config={
            "rank": column.NumberColumn(tr("table.rank"), width="small"),
            "quick": column.TextColumn(tr("table.quick_win"), width="small"),
            "action": column.TextColumn(tr("table.action"), width="large"),
            "dimension": column.TextColumn(tr("table.dimension")),
            "effort": column.TextColumn(tr("table.effort")),
            "impact": column.NumberColumn(tr("table.impact"), width="small"),
            "horizon": column.TextColumn(tr("table.horizon")),
            "owner": column.TextColumn(tr("table.owner"), max_chars=120),
            "deadline": column.DateColumn(tr("table.deadline"), format="YYYY-MM-DD"),
            "status": column.SelectboxColumn(
                tr("table.status"), options=[tr(f"ui.status.{s}") for s in STATUSES], required=True
            ),
            "drop": column.CheckboxColumn(tr("ui.p.drop")),
            "why": column.TextColumn(tr("table.why"), width="large"),
        },
    )
    kept = {k: v for k, v in response.plan_edits.items() if k not in frame.index}
    edits = kept | edits_from(edited, plan, state.lang())
    if edits != response.plan_edits:
        state.set_plan_edits(edits)
    with st.expander(tr("table.why"), expanded=True):
        for p in plan.actions[:TOP_REASONS]:
            st.markdown(f"**{p.rank}. {p.action.title(state.lang())}**")
            st.caption(p.reason(state.lang()))
    st.button(
        tr("ui.p.to_export"), key="p.next", type="primary", on_click=state.go, args=("export",)
    )
