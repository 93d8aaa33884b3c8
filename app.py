"""Somemodenhed: the Streamlit app. Page config, routing and the sidebar; nothing else.

Routes: `?ws=CODE&key=TOKEN` the facilitator's private pages, `?p=TOKEN` a workshop
participant, `?join=CODE` the join form; otherwise the single-user journey by step.
"""

import streamlit as st

from assessment.ui import (
    action_plan,
    export,
    facilitator,
    participant,
    questionnaire,
    results,
    sidebar,
    start,
    state,
    targets,
)

PAGES = {
    "start": start.render,
    "questions": questionnaire.render,
    "targets": targets.render,
    "results": results.render,
    "plan": action_plan.render,
    "export": export.render,
    "join": participant.join_page,
    "new_workshop": facilitator.create_page,
}

params = st.query_params
wide = state.step() == "plan" or ("ws" in params and "key" in params)  # tables need the room
st.set_page_config(page_title="Somemodenhed", page_icon="📣", layout="wide" if wide else "centered")
if "ws" in params and "key" in params:
    sidebar.language_only()
    facilitator.facilitator_page(params["ws"], params["key"])
elif "p" in params:
    sidebar.language_only()
    participant.participant_page(params["p"])
elif "join" in params:
    sidebar.language_only()
    participant.join_page(params["join"])
else:
    sidebar.render()
    PAGES[state.step()]()
