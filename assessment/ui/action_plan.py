"""The action plan: ranked next steps with their reasons; owner, deadline, status and drop are
edited in the table and each changed row is stored at once.

The table is a view of `edited_plan` (the one home of the plan as people edited it). A row
stored from another window after this page showed it is not overwritten: the edit is refused
with a message and the table is drawn again from the record.
"""

from __future__ import annotations

import datetime as dt
import zlib

import pandas as pd
import streamlit as st

from assessment.edited_plan import EditedPlan, edited_plan
from assessment.i18n import t, tn
from assessment.limits import MAX_OWNER
from assessment.models import ActionPlan, Bank, Lang, PlanEdit
from assessment.plan_cost import cost_text
from assessment.records import Door, set_plan_edit

from . import solo
from .binding import SHOWN, View
from .context import DAY_FORMAT, bank, engine, lang, tr
from .feedback import flash, write
from .text import plain

EDITOR = "p.editor"
EPOCH = "_plan_epoch"
"""Session: raised to draw the editor afresh (its own edits forgotten) after a refusal."""
REDRAWN = "_plan_redrawn"
OWN = "_plan_own"
"""Session: revisions this session stored in the plan (its own edits need no redraw)."""
STATUSES = ("todo", "doing", "done")
TOP_REASONS = 10
COLUMNS = (  # what people edit comes right after the action, before the details
    "number", "quick", "action", "owner", "deadline", "status", "drop",
    "horizon", "effort", "impact", "dimension", "why",
)  # fmt: skip
WIDTHS = {
    "number": 48, "quick": 56, "action": 300, "owner": 170, "deadline": 120, "status": 120,
    "drop": 80, "horizon": 100, "effort": 100, "impact": 70, "dimension": 180, "why": 480,
}  # fmt: skip
"""Column widths in pixels: wide enough for the Danish headers and the longest action titles."""


def plan_frame(bank: Bank, plan: EditedPlan, lang: Lang) -> pd.DataFrame:
    """The editor's rows: every planned action (dropped ones too) with what people edited."""
    rows = []
    for row in plan.rows:
        p = row.planned
        rows.append(
            {
                "id": row.action_id,
                "number": row.number,
                "quick": "★" if p.quick_win else "",
                "action": p.action.title(lang),
                "dimension": bank.dimension(p.dimension_id).name(lang),
                "effort": t(f"plan.effort.{p.action.effort.value}", lang),
                "impact": p.action.impact,
                "horizon": t("table.months", lang, horizon=p.horizon),
                "owner": row.owner(lang),
                "deadline": row.deadline,
                "status": row.status,
                "drop": row.dropped,
                "why": p.reason(lang),
            }
        )
    frame = pd.DataFrame(rows).set_index("id")
    frame["deadline"] = pd.to_datetime(frame["deadline"])  # an empty date shows empty, not None
    return frame


def edit_from(row: pd.Series, role: str) -> PlanEdit:
    """One edited table row as a plan edit; the suggested role as owner stores no owner."""
    owner = str(row["owner"] or "").strip()
    deadline = row["deadline"]
    if isinstance(deadline, str) and deadline:
        deadline = pd.Timestamp(deadline)
    if isinstance(deadline, pd.Timestamp | dt.datetime):
        deadline = None if pd.isna(deadline) else deadline.date()
    status = row["status"] if row["status"] in STATUSES else "todo"
    return PlanEdit(
        owner="" if owner == role else owner,
        deadline=deadline if isinstance(deadline, dt.date) else None,
        status=status,
        dropped=bool(row["drop"]),
    )


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    response = view.record.response
    _, plan = solo.scored(response)
    st.header(tr("ui.step.plan"))
    if not plan.actions:
        st.info(tr("ui.p.none"))
        view.finish()
        return
    st.markdown(tr("ui.p.intro"))
    edited = edited_plan(plan, response.plan_edits)
    quick = sum(r.planned.quick_win for r in edited.kept)
    language = lang()
    st.caption(
        tr(
            "ui.p.summary",
            actions=tn("ui.p.count", len(edited.kept), language),
            quick=tn("ui.p.quick", quick, language),
            dropped=len(edited.dropped),
        )
    )
    plan_editor(view, edited, disabled=opened.read_only)
    _cost(plan, edited)
    _details(edited)
    _backlog(plan)
    solo.next_button("ui.p.to_export", "downloads", opened)
    view.finish()


def _cost(plan: ActionPlan, edited: EditedPlan) -> None:
    """What the plan as edited costs against the hours the municipality has, in the PDF's words."""
    if plan.capacity is not None:
        st.caption(cost_text(plan, edited, lang()))


def _details(plan: EditedPlan) -> None:
    """What to do, why, and what done looks like, for each kept action (as in the PDF)."""
    language = lang()
    with st.expander(tr("ui.p.details"), expanded=True):
        for row in plan.kept[:TOP_REASONS]:
            action = row.planned.action
            st.markdown(f"**{row.number}. {plain(action.title(language))}**")
            st.caption(f"{t('report.label.do', language)}: {action.description(language)}")
            st.caption(f"{t('report.label.why', language)}: {row.planned.finding(language)}")
            st.caption(f"{t('report.label.done', language)}: {action.done_when(language)}")
        if len(plan.kept) > TOP_REASONS:
            st.caption(tr("ui.p.details_more", count=len(plan.kept) - TOP_REASONS))


def _backlog(plan: ActionPlan) -> None:
    """What does not fit in 12 months, read-only, in the order to take it."""
    if not plan.backlog:
        return
    language, b = lang(), bank()
    st.subheader(t("report.section.backlog", language))
    st.caption(t("report.backlog_intro", language))
    st.dataframe(
        pd.DataFrame(
            {
                tr("table.action"): [p.action.title(language) for p in plan.backlog],
                tr("table.dimension"): [
                    b.dimension(p.dimension_id).name(language) for p in plan.backlog
                ],
                tr("table.effort"): [
                    t(f"plan.effort.{p.action.effort.value}", language) for p in plan.backlog
                ],
                tr("table.owner"): [p.action.owner_role(language) for p in plan.backlog],
            }
        ),
        hide_index=True,
        placeholder="",  # an empty cell shows empty, not "None"
        width="stretch",
    )


def plan_editor(view: View, plan: EditedPlan, *, disabled: bool = False) -> None:
    """The editable table of the plan `view`s record holds; each changed row is stored.
    `disabled`: shown, not editable (a viewer's page)."""
    b, record = bank(), view.record
    own: set[int] = st.session_state.setdefault(OWN, set())
    changed_elsewhere = {
        rev for rev in record.revs.plan.values() if rev > view.shown_before and rev not in own
    }
    st.session_state.pop(REDRAWN, None)
    if changed_elsewhere and view.alive:
        st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1
    frame = plan_frame(b, plan, lang())
    ids = "|".join(frame.index)
    key = f"{EDITOR}.{zlib.crc32(ids.encode())}.{st.session_state.get(EPOCH, 0)}"
    roles = {r.action_id: r.planned.action.owner_role(lang()) for r in plan.rows}
    shown = [(r.action_id, r.edit, roles[r.action_id]) for r in plan.rows]
    column = st.column_config
    edited = st.data_editor(
        frame,
        key=key,
        on_change=_edited,
        args=(record.id, key, view.door, shown),
        hide_index=True,
        placeholder="",  # an empty cell shows empty, not "None"
        width="stretch",
        disabled=disabled
        or ["number", "quick", "action", "dimension", "effort", "impact", "horizon", "why"],
        column_order=COLUMNS,
        column_config={
            "number": column.NumberColumn(tr("table.rank"), width=WIDTHS["number"]),
            "quick": column.TextColumn(tr("table.quick_win"), width=WIDTHS["quick"]),
            "action": column.TextColumn(tr("table.action"), width=WIDTHS["action"]),
            "dimension": column.TextColumn(tr("table.dimension"), width=WIDTHS["dimension"]),
            "effort": column.TextColumn(tr("table.effort"), width=WIDTHS["effort"]),
            "impact": column.NumberColumn(tr("table.impact"), width=WIDTHS["impact"]),
            "horizon": column.TextColumn(tr("table.horizon"), width=WIDTHS["horizon"]),
            "owner": column.TextColumn(
                tr("table.owner"), max_chars=MAX_OWNER, width=WIDTHS["owner"]
            ),
            "deadline": column.DateColumn(
                tr("table.deadline"), format=DAY_FORMAT[lang()], width=WIDTHS["deadline"]
            ),
            "status": column.SelectboxColumn(
                tr("table.status"),
                width=WIDTHS["status"],
                options=STATUSES,
                required=True,
                format_func=lambda s: tr(f"ui.status.{s}"),
            ),
            "drop": column.CheckboxColumn(tr("ui.p.drop"), width=WIDTHS["drop"]),
            "why": column.TextColumn(tr("table.why"), width=WIDTHS["why"]),
        },
    )
    for row in plan.rows:  # after a restart no callback ran: store what the browser sent
        new = edit_from(edited.loc[row.action_id], roles[row.action_id])
        if new == row.edit:
            continue
        if record.revs.plan.get(row.action_id, 0) > view.shown_before:
            flash("error.record.conflict", level="warning")
            _redraw()
            view.wrote = True
            continue
        revision = write(
            lambda action_id=row.action_id, new=new: set_plan_edit(
                engine(), view.door, b, action_id, new, base=view.shown_before
            ),
            what=f"plan {row.action_id}",
            conflict=_redraw,
        )
        if revision is not None:
            own.add(revision)
            view.wrote = True
        elif st.session_state.get(REDRAWN):
            view.wrote = True


def _edited(record_id: int, key: str, door: Door, shown: list[tuple[str, PlanEdit, str]]) -> None:
    """The editor's callback: store each row whose edit differs from what the table showed,
    with the revision the page showed (before the page runs, so nothing needs a rerun)."""
    base = st.session_state.get(SHOWN, {}).get(record_id)
    own: set[int] = st.session_state.setdefault(OWN, set())
    for index, changes in st.session_state[key].get("edited_rows", {}).items():
        action_id, old, role = shown[int(index)]
        row = {"owner": old.owner or role, "deadline": old.deadline, "status": old.status,
               "drop": old.dropped, **changes}  # fmt: skip
        new = edit_from(pd.Series(row), role)
        if new == old:
            continue
        revision = write(
            lambda action_id=action_id, new=new: set_plan_edit(
                engine(), door, bank(), action_id, new, base=base
            ),
            what=f"plan {action_id}",
            conflict=_redraw,
        )
        if revision is not None:
            own.add(revision)


def _redraw() -> None:
    """Forget the editor's own edits: it is drawn again from the record on the next run."""
    st.session_state[EPOCH] = st.session_state.get(EPOCH, 0) + 1
    st.session_state[REDRAWN] = True
