"""One line for every failure (`assessment/ui/feedback.py`), checked on small scripts that fail
the way the app's pages and live parts do."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _page_and_live_part_both_down() -> None:
    import sqlalchemy as sa

    from assessment.ui.feedback import boundary

    def down() -> None:
        raise sa.exc.OperationalError("SELECT", {}, Exception("connection refused"))

    boundary(down, whole_page=False)  # a live part of the page, drawn first
    boundary(down)


def test_a_page_and_its_live_part_both_down_give_two_lines_and_one_button():
    """A live part that fails says so in one line and tries again on its next tick; only the
    page offers "Prøv igen nu" (two such buttons in one run were Streamlit's own error)."""
    at = AppTest.from_function(_page_and_live_part_both_down, default_timeout=30).run()
    assert not at.exception
    assert [e.value for e in at.error] == ["Databasen svarer ikke lige nu. Prøv igen om lidt."] * 2
    assert [b.label for b in at.button] == ["Prøv igen nu"]


def _a_bug_in_a_write() -> None:
    import sqlalchemy as sa
    import streamlit as st

    from assessment.ui.feedback import DOWN, show_flash, write

    def broken() -> int:
        raise sa.exc.ProgrammingError("UPDATE", {}, Exception("no such column: levl"))

    kept: list[str] = []
    write(broken, what="choice", unsaved=lambda: kept.append("kept"))
    st.text(f"down={bool(st.session_state.get(DOWN))} kept={kept}")
    show_flash()


def test_a_bug_in_a_write_is_unexpected_not_a_database_outage():
    """A wrong statement is not the database being away: it is not kept to be tried again on
    every run, and the user is not told to wait."""
    at = AppTest.from_function(_a_bug_in_a_write, default_timeout=30).run()
    assert not at.exception
    assert at.text[0].value == "down=False kept=[]"
    assert at.error[0].value.startswith("Noget gik galt på denne side.")
