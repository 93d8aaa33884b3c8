"""Somemodenhed: the Streamlit app. Page config, the sidebar and the current step; nothing else."""

import streamlit as st

from assessment.ui import (
    action_plan,
    export,
    questionnaire,
    results,
    sidebar,
    start,
    state,
    targets,
)

st.set_page_config(page_title="Somemodenhed", page_icon="📣", layout="centered")

PAGES = {
    "start": start.render,
    "questions": questionnaire.render,
    "targets": targets.render,
    "results": results.render,
    "plan": action_plan.render,
    "export": export.render,
}

sidebar.render()
PAGES[state.step()]()
