"""Parts of a page that follow the room by themselves (`st.fragment(run_every=…)`).

A fragment that reruns on its own runs outside the page's `feedback.boundary`, so a failure in
it (the database gone for a moment) would show Streamlit's own English error. Each live part is
wrapped in the same boundary: one line in the user's language, and the next tick tries again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec

import streamlit as st

from ..feedback import boundary

P = ParamSpec("P")


def live(every: float) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """A fragment that reruns every `every` seconds, inside the app's error boundary."""

    def wrap(part: Callable[P, None]) -> Callable[P, None]:
        @functools.wraps(part)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
            boundary(lambda: part(*args, **kwargs))

        return st.fragment(guarded, run_every=every)

    return wrap
