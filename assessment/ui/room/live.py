"""Parts of a page that follow the room by themselves (`st.fragment(run_every=…)`).

A fragment that reruns on its own runs outside the page's `feedback.boundary`, so a failure in
it (the database gone for a moment) would show Streamlit's own English error. Each live part is
wrapped in the same boundary: one line in the user's language, and the next tick tries again.
A refusal (the workshop deleted, the key replaced in another window) is its own one line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

from assessment.records import RecordError

from ..context import tr
from ..feedback import boundary, end_run, fragment_run

P = ParamSpec("P")


def live(every: float) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """A fragment that reruns every `every` seconds, inside the app's error boundary."""

    def wrap(part: Callable[P, None]) -> Callable[P, None]:
        @functools.wraps(part)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
            def run() -> None:
                try:
                    part(*args, **kwargs)
                except RecordError as exc:
                    st.error(tr(exc.key, **exc.params))

            try:
                boundary(run, whole_page=False)
            finally:
                if fragment_run():  # a fragment's own run never reaches app.py's end_run
                    end_run()

        return st.fragment(guarded, run_every=every)

    return wrap
