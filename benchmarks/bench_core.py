"""Speed of the core and of one app rerun; prints medians of repeated runs.

    python benchmarks/bench_core.py [--repeat N]

Each PDF and chart run uses a slightly different response, so the chart cache never answers
and the figures are for real rendering (with the chart engine already started: "warm").
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_ms, tail_ms, times_ms  # noqa: E402 - benchmarks/ is on sys.path

from assessment.answers import new_response  # noqa: E402
from assessment.bank import load_bank  # noqa: E402
from assessment.charts import chart_png, gap_chart, radar_chart, warm_up  # noqa: E402
from assessment.models import Answer, Bank, Municipality, Response  # noqa: E402
from assessment.planning import plan  # noqa: E402
from assessment.report import build_report  # noqa: E402
from assessment.scoring import score  # noqa: E402

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)


def response_for(bank: Bank, seed: int) -> Response:
    questions = list(bank.questions_by_id())
    answers = {
        q: Answer(
            level="dont_know" if (i + seed) % 11 == 0 else (i * 7 + seed) % 5, note="Note – “æøå”"
        )
        for i, q in enumerate(questions)
    }
    base = new_response(bank, Municipality(code=751, name="Aarhus"), now=NOW)
    return base.model_copy(update={"answers": answers})


def core(repeat: int) -> None:
    bank = load_bank()
    print(f"bank: {sum(len(d.questions) for d in bank.dimensions)} questions, "
          f"{len(bank.actions)} actions")  # fmt: skip
    print(f"load + validate bank          {median_ms(lambda _: load_bank(), repeat):8.2f} ms")
    responses = [response_for(bank, i) for i in range(repeat)]

    def score_and_plan(i: int) -> None:
        card = score(bank, responses[i])
        plan(bank, card, responses[i])

    print(f"score + plan one response     {_many(score_and_plan, repeat):8.3f} ms")
    warm_up()

    def charts(i: int) -> None:
        card = score(bank, responses[i])
        chart_png(radar_chart(bank, card, "da"))
        chart_png(gap_chart(bank, card, "da"))

    print(f"two chart PNGs (warm)         {median_ms(charts, repeat):8.1f} ms")

    def pdf(i: int) -> None:
        r = response_for(bank, 1000 + i)
        card = score(bank, r)
        build_report(bank, r, card, plan(bank, card, r), "da", generated=NOW)

    print(f"whole PDF, charts incl. (warm){median_ms(pdf, repeat):8.1f} ms")


def _many(fn: Callable[[int], object], repeat: int) -> float:
    """Median over `repeat` batches of 20 calls each: one call is below the timer's comfort."""
    return median_ms(lambda i: [fn(i % repeat) for _ in range(20)], repeat) / 20


BARE_SCRIPT = textwrap.dedent(
    """
    import streamlit as st

    STEPS = ["about", "questions", "targets", "results", "plan", "downloads", "progress", "peers"]

    def questionnaire():
        st.text_input("revision", key="rev", label_visibility="collapsed")
        st.container()
        st.radio("Område", [f"area{i}" for i in range(5)], key="area", horizontal=True,
                 captions=[f"{i} af 7 besvaret" for i in range(5)])
        st.header("Område 1 af 5")
        st.caption("what the area is about")
        st.caption("pick the description that fits best")
        for i in range(N_QUESTIONS):
            with st.container(border=True):
                if i < 2:
                    st.badge("Grundkrav", color="orange")
                st.radio(f"q{i}", [0, 1, 2, 3, 4, "dont_know"], index=None, key=f"q{i}",
                         format_func=lambda o: f"{o} · a level description of about this length",
                         captions=["", "", "", "✓ one · ✓ two · ✓ three", "", ""],
                         help="help")
                st.caption("evidence")
                st.text_area("note", key=f"n{i}", height=68, max_chars=2000)
        back, forward = st.columns(2)
        back.button("back")
        forward.button("next")
        st.html("<script>/* focus */</script>", unsafe_allow_javascript=True)
        with st.expander("Ubesvarede spørgsmål"):
            for i in range(4):
                st.button(f"go {i}", key=f"go{i}")

    def elsewhere():
        pass

    pages = [st.Page(questionnaire, title="2. Spørgsmål", url_path="questions", default=True)]
    pages += [st.Page(elsewhere, title=name, url_path=name)
              for name in [*STEPS, "start", "workspace", "join", "workshop", "p", "facilitator",
                           "screen", "privacy"] if name != "questions"]
    page = st.navigation(pages, position="hidden")
    st.set_page_config(page_title="Somemodenhed", layout="centered")
    st.html("<style>.x { display: none; }</style>")
    st.sidebar.radio("Sprog", ["da", "en"], key="lang", horizontal=True)
    st.sidebar.caption("Aarhus")
    st.sidebar.progress(0.5, text="x")
    for p in pages[:8]:
        st.sidebar.page_link(p, label=p.title, query_params={"a": "x" * 43})
    st.sidebar.divider()
    st.sidebar.markdown("**Dit private link**")
    st.sidebar.caption("Med linket kan du fortsætte, hvor du slap.")
    st.sidebar.code("http://localhost:8501/?a=" + "x" * 43)
    page.run()
    """
)
"""The questionnaire page's navigation, elements and widgets with nothing behind them (no
database, no record, no revision bookkeeping): the floor a rerun cannot beat."""


def app_rerun(repeat: int) -> None:
    """Server-side time of one rerun after an answer click (the choice is written to the
    database and the page read back from it), against a bare script's floor."""
    from streamlit.testing.v1 import AppTest

    from assessment import store
    from assessment.models import Municipality
    from assessment.records import create_solo
    from assessment.ui import pages

    bank = load_bank()
    first = bank.dimensions[0]
    data = Path(tempfile.mkdtemp(prefix="bench-app-"))
    os.environ["SOMEMODENHED_DATA_DIR"] = str(data)
    engine = store.make_engine(None, data_dir=data)
    token = create_solo(engine, bank, Municipality(code=751, name="Aarhus"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["a"] = token
    at.query_params["area"] = first.id
    at.switch_page(pages.page_file("questions"))
    at.run()

    bare = AppTest.from_string(
        BARE_SCRIPT.replace("N_QUESTIONS", str(len(first.questions))), default_timeout=60
    )
    bare.run()
    app: list[float] = []
    floor: list[float] = []
    key = f"q.{first.questions[0].id}"
    for i in range(repeat * 4):  # interleaved, so both see the same load on a shared machine
        app.extend(times_ms(lambda _, i=i: _click(at, key, i), 1))
        floor.extend(times_ms(lambda _, i=i: _click(bare, "q0", i), 1))
    app_med, app_p90, _ = tail_ms(app)
    bare_med, bare_p90, _ = tail_ms(floor)
    print(f"app rerun after answer click  {app_med:8.1f} ms median, {app_p90:.1f} ms p90")
    print(f"bare script, same page        {bare_med:8.1f} ms median, {bare_p90:.1f} ms p90")
    print(f"ratio (medians)               {app_med / bare_med:8.2f}      goal ≤ 1.5")


def _click(at: object, key: str, i: int) -> None:
    at.radio(key=key).set_value(i % 5).run()  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    core(args.repeat)
    app_rerun(args.repeat)


if __name__ == "__main__":
    main()
