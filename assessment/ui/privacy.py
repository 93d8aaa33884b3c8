"""The data statement: what a workshop stores, who sees what, for how long, in Danish and
English, short enough for a municipality's DPO to read and check against the tool. The text is
in `assessment/data/workshop-data.<lang>.md`, read from the installed package."""

from __future__ import annotations

from importlib import resources

import streamlit as st

from assessment.models import Lang

from .context import lang


def statement(language: Lang) -> str:
    return (resources.files("assessment") / "data" / f"workshop-data.{language}.md").read_text(
        encoding="utf-8"
    )


def render() -> None:
    st.markdown(statement(lang()))
