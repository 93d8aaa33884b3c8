"""Four municipalities from the bank review, as responses: the scenario tests assert what their
director would check, and `benchmarks/bench_pdf.py` prints their plan sizes and page counts.

- Læsø (1,683 inhabitants, one part-time person, no head of communications);
- Aarhus (a social media team at 2–3, a plan and an escalation chain, never an exercise);
- Holbæk just after a shitstorm (critics deleted and blocked, a loyalty clause, noticed on
  Monday), with targets of 3 for guidelines and 3.5 for crisis readiness;
- Vejle, mature: level 3 everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from assessment.answers import new_response
from assessment.models import Answer, Bank, Municipality, Profile, Response

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)


def _response(
    bank: Bank, code: int, name: str, levels: dict, profile: Profile, **fields
) -> Response:
    answers = {q: Answer(level="dont_know" if v is None else v) for q, v in levels.items()}
    base = new_response(bank, Municipality(code=code, name=name), now=NOW)
    return base.model_copy(update={"answers": answers, "profile": profile, **fields})


def laesoe(bank: Bank) -> Response:
    """Mostly 1, some 0, no crisis plan known; no campaigns or ads; six hours a week; only the
    roles every municipality has."""
    levels: dict = {q: (0 if i % 4 == 0 else 1) for i, q in enumerate(bank.questions_by_id())}
    levels.update(
        {
            "crisis.plan": None,
            "purpose.campaigns": "not_applicable",
            "purpose.paid_ads": "not_applicable",
            "guidelines.staff_private": 1,
            "inspiration.listening": 1,
            "guidelines.moderation": 1,
            "crisis.confidentiality": 1,
        }
    )
    profile = Profile(hours_per_week=6, roles=[], platforms=["Facebook"])
    return _response(bank, 825, "Læsø", levels, profile)


def aarhus(bank: Bank) -> Response:
    levels: dict = {q: 2 + (i % 3 == 0) for i, q in enumerate(bank.questions_by_id())}
    levels.update({"crisis.plan": 3, "crisis.escalation": 3, "crisis.exercise": 0})
    return _response(bank, 751, "Aarhus", levels, Profile(hours_per_week=120))


def holbaek(bank: Bank) -> Response:
    levels: dict = {q: (i % 4) % 3 for i, q in enumerate(bank.questions_by_id())}
    levels.update(
        {
            "guidelines.staff_private": 0,
            "guidelines.moderation": 0,
            "crisis.monitoring": 0,
            "crisis.review": 0,
            "inspiration.listening": 1,
            "crisis.confidentiality": 1,
        }
    )
    roles = ["comms-lead", "emergency", "lawyer", "hr", "it-security", "records"]
    profile = Profile(hours_per_week=25, recent_incident=True, roles=roles)
    targets = {"guidelines": 3.0, "crisis": 3.5}
    return _response(bank, 316, "Holbæk", levels, profile, targets=targets)


def vejle(bank: Bank) -> Response:
    levels = dict.fromkeys(bank.questions_by_id(), 3)
    return _response(bank, 630, "Vejle", levels, Profile(hours_per_week=40))


SCENARIOS: dict[str, Callable[[Bank], Response]] = {
    "laesoe": laesoe,
    "aarhus": aarhus,
    "holbaek": holbaek,
    "vejle": vejle,
}
