"""The sidebar: language, progress and the steps of the journey."""

from __future__ import annotations

import streamlit as st

from . import state
from .state import tr


def _on_language() -> None:
    state.set_language(st.session_state[state.LANG])


def language_only() -> None:
    """The sidebar of the workshop pages: only the language switch."""
    with st.sidebar:
        _language()


def _language() -> None:
    st.radio(
        "Sprog / Language",
        options=["da", "en"],
        format_func=lambda code: {"da": "Dansk", "en": "English"}[code],
        key=state.LANG,
        horizontal=True,
        on_change=_on_language,
    )


def render() -> None:
    with st.sidebar:
        _language()
        response = state.response()
        if response is not None:
            total = len(state.bank().questions_by_id())
            answered = len(response.answers)
            st.progress(answered / total, text=tr("ui.progress", answered=answered, total=total))
            st.caption(response.municipality.name)
        st.markdown(f"**{tr('ui.steps')}**")
        for step in state.STEPS:  # the workshop pages are reached from the start page
            st.button(
                tr(f"ui.step.{step}"),
                key=f"nav.{step}",
                on_click=state.go,
                args=(step,),
                disabled=response is None and step != "start",
                type="primary" if state.step() == step else "secondary",
                width="stretch",
            )
