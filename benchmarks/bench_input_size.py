"""PDF time against the amount of text in an answers file: 1×, 10× and 100× a normal file.

    python benchmarks/bench_input_size.py [--repeat N]

Every text a person types (municipality and respondent names, role, notes, plan owners) is
made k times longer, once as words (text that wraps) and once as one unbroken word (the worst
case for line breaking). The models cap these fields (see assessment/limits.py), so the longer
texts are put in with `model_copy`, past validation: the report must stay linear even for a
response that did not come through the parser. Linear means the extra time from 10× to 100× is
about 11 times the extra time from 1× to 10× (99/9); quadratic would make it about 120 times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import tail_ms, times_ms  # noqa: E402 - benchmarks/ is on the path as a script

from assessment.answers import new_response  # noqa: E402
from assessment.bank import load_bank  # noqa: E402
from assessment.charts import warm_up  # noqa: E402
from assessment.models import (  # noqa: E402
    Answer,
    Bank,
    Municipality,
    PlanEdit,
    Respondent,
    Response,
)
from assessment.planning import plan  # noqa: E402
from assessment.report import build_report  # noqa: E402
from assessment.scoring import score  # noqa: E402

NOW = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
NOTE = "Vi har en strategi fra 2021, men den er ikke fulgt op i år."
"""A typical note: one sentence of about 60 characters."""
SCALES = (1, 10, 100)


def normal(bank: Bank) -> Response:
    """A filled-in answers file as people write them: a note on every question, owners on the
    first five actions."""
    questions = list(bank.questions_by_id())
    answers = {q: Answer(level=(i * 7) % 5, note=NOTE) for i, q in enumerate(questions)}
    base = new_response(
        bank,
        Municipality(code=751, name="Aarhus"),
        now=NOW,
        respondent=Respondent(name="Mette Hansen", role="Kommunikationschef"),
    ).model_copy(update={"answers": answers})
    card = score(bank, base)
    edits = {
        p.action.id: PlanEdit(owner="Mette Hansen") for p in plan(bank, card, base).actions[:5]
    }
    return base.model_copy(update={"plan_edits": edits})


def scaled(response: Response, k: int, *, unbroken: bool) -> Response:
    """Every typed text k times longer, as words or as one unbroken word."""

    def longer(text: str) -> str:
        return (text.replace(" ", "") if unbroken else text + " ") * k

    return response.model_copy(
        update={
            "municipality": response.municipality.model_copy(
                update={"name": longer(response.municipality.name)}
            ),
            "respondent": Respondent.model_construct(
                name=longer(response.respondent.name), role=longer(response.respondent.role)
            ),
            "answers": {
                q: a.model_copy(update={"note": longer(a.note)})
                for q, a in response.answers.items()
            },
            "plan_edits": {
                a: e.model_copy(update={"owner": longer(e.owner)})
                for a, e in response.plan_edits.items()
            },
        }
    )


def typed_chars(response: Response) -> int:
    return (
        len(response.municipality.name)
        + len(response.respondent.name)
        + len(response.respondent.role)
        + sum(len(a.note) for a in response.answers.values())
        + sum(len(e.owner) for e in response.plan_edits.values())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bank = load_bank()
    warm_up()
    base = normal(bank)
    print(f"PDF time by typed text, {args.repeat} runs each (ms: median, p90, max)")
    for unbroken in (False, True):
        medians = []
        for k in SCALES:
            response = scaled(base, k, unbroken=unbroken)
            card = score(bank, response)
            actions = plan(bank, card, response)

            def pdf(_: int, r: Response = response, c=card, a=actions) -> None:
                build_report(bank, r, c, a, "da", generated=NOW)

            median, p90, worst = tail_ms(times_ms(pdf, args.repeat))
            medians.append(median)
            kind = "unbroken" if unbroken else "words"
            print(
                f"{kind:<9}{k:>4}×  {typed_chars(response):>8} chars   "
                f"{median:8.0f} {p90:8.0f} {worst:8.0f}"
            )
        growth = (medians[2] - medians[0]) / max(medians[1] - medians[0], 1.0)
        print(f"{'':<9}(100× − 1×) / (10× − 1×) = {growth:.1f}   (linear ≈ 11, quadratic ≈ 110)")


if __name__ == "__main__":
    main()
