"""Rules the shipped question bank keeps, each as its README or SOURCES.md states it: action
texts that fit every municipality, and no action told twice."""

from __future__ import annotations

import re
from pathlib import Path

from assessment.models import Bank, Lang


def _optional_role_names(bank: Bank, *, strict: bool = False) -> dict[Lang, re.Pattern[str]]:
    """How a text names a role that a municipality may lack (a role with `otherwise`): by its
    name, and in Danish also by its last word without a definite ending, so »juristen« and
    »kommunikationschefen« name »Kommunens jurist« and »Kommunikationschef«. `strict`: only the
    name itself (»en jurist« is any lawyer, not the municipality's own)."""
    names: dict[Lang, set[str]] = {"da": set(), "en": set()}
    for role in bank.optional_roles():
        for lang in names:
            name = role.name(lang).lower()
            names[lang].add(name)
            if lang == "da" and not strict:
                names[lang].add(re.sub(r"(en|et)$", "", name.split()[-1]))
    return {
        lang: re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(found, key=len)[::-1]) + ")",
            re.IGNORECASE,
        )
        for lang, found in names.items()
    }


def test_no_action_names_a_role_the_municipality_may_lack(bank: Bank):
    """Læsø has no head of communications, lawyer or head of emergency management: an action
    whose done-line says "godkendt af kommunikationschefen" cannot be done there. Action texts
    name roles every municipality has, or say what is needed ("ejeren af kommunens sociale
    medier", "ledelsen", "en juridisk vurdering"); who owns the action is the owner column."""
    names = _optional_role_names(bank)
    assert names["da"].search("Send det til kommunikationschefen")
    assert names["da"].search("Få juristen til at se på det")
    found = [
        f"{a.id}.{field}.{lang}: {hit.group(0)}"
        for a in bank.actions
        for field in ("title", "description", "done_when")
        for lang in ("da", "en")
        if (hit := names[lang].search(getattr(a, field)(lang)))
    ]
    assert found == []


def test_no_level_above_0_asks_for_a_role_the_municipality_may_lack(bank: Bank):
    """A level describes a practice a municipality can reach: "reviewed by the municipal
    lawyer" is out of reach for one that buys its legal advice, "reviewed by a lawyer" is not.
    Level 0 may name a role, as it describes what is missing."""
    names = _optional_role_names(bank, strict=True)
    found = [
        f"{q.id}.{n}.{lang}: {hit.group(0)}"
        for d in bank.dimensions
        for q in d.questions
        for n, level in enumerate(q.levels)
        if n > 0
        for lang in ("da", "en")
        if (hit := names[lang].search(getattr(level, lang)))
    ]
    assert found == []


def test_one_action_says_to_switch_on_notifications(bank: Bank):
    """The review's duplicate pair: the daily check of the accounts (capacity) and the
    out-of-hours notifications (crisis readiness) both said "slå notifikationer til". Only the
    crisis step says it now, so a plan never asks for the same thing twice."""
    told = [
        a.id
        for a in bank.actions
        if any("notifikation" in getattr(a, f).da.lower() for f in ("title", "description"))
    ]
    assert told == ["crisis.monitoring.notifications"]


def test_the_readme_counts_the_bank_right(bank: Bank):
    """README: "Bank 2.0.0 has 43 questions and 176 actions"."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"Bank (\S+) has (\d+) questions and (\d+) actions", readme)
    assert stated is not None
    assert stated.groups() == ("2.0.0", "43", "176")
    assert (bank.version, len(bank.questions_by_id()), len(bank.actions)) == ("2.0.0", 43, 176)


def _listed(sources_md: str, heading: str) -> tuple[int, set[str]]:
    """The count a "Without a …" paragraph of SOURCES.md states, and the ids it lists."""
    found = re.search(rf"^{heading} \((\d+)\):\n(.*?)(?:\n\n|\Z)", sources_md, re.M | re.S)
    assert found is not None, heading
    return int(found.group(1)), set(re.findall(r"`([a-z0-9-]+)`", found.group(2)))


def test_sources_md_names_every_source_without_a_link_or_a_date(bank: Bank):
    """SOURCES.md: every source has the month it was read and how it was checked, and a link and
    a publication date except those it lists under "Without a link" and "Without a date", with
    the reason for each group. The lists and their counts are the bank's, no more, no less."""
    root = Path(__file__).resolve().parents[1]
    text = (root / "questions" / "SOURCES.md").read_text(encoding="utf-8")
    assert all(s.accessed and s.status for s in bank.sources)
    count, listed = _listed(text, "Without a link")
    assert listed == {s.id for s in bank.sources if s.url is None}
    assert count == len(listed)
    count, listed = _listed(text, "Without a date")
    assert listed == {s.id for s in bank.sources if s.date is None}
    assert count == len(listed)
    assert "holds every source with its date" not in text


def test_red_flags_are_the_practices_the_readme_names(bank: Bank):
    """README: a red flag is a level 0 at which the municipality itself acts against someone's
    rights in a way that is likely unlawful – deleting criticism or blocking without a time
    limit, restricting staff's statements, watching named citizens, answering in public with a
    citizen's own case, using images and music without rights or consent – and a missing
    routine (nothing recorded, personal data left in comments, a wrong post deleted quietly) is
    not one (the loader allows a red flag at level 0 only). Each one's first step undoes the
    practice quickly: low effort, the highest impact."""
    flagged = {q.id for q in bank.questions_by_id().values() if q.levels[0].red_flag}
    assert flagged == {
        "guidelines.moderation",
        "guidelines.staff_private",
        "inspiration.listening",
        "crisis.confidentiality",
        "guidelines.rights",
    }
    for question in flagged:
        (first,) = [a for a in bank.actions if a.question == question and a.from_level == 0]
        assert (first.impact, first.effort.value) == (3, "low"), question
