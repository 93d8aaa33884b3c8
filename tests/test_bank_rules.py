"""Rules the shipped question bank keeps, each as its README or SOURCES.md states it: action
texts that fit every municipality, and no action told twice."""

from __future__ import annotations

import re

from assessment.models import Bank, Lang


def _optional_role_names(bank: Bank) -> dict[Lang, re.Pattern[str]]:
    """How a text names a role that a municipality may lack (a role with `otherwise`): by its
    name, and in Danish also by its last word without a definite ending, so »juristen« and
    »kommunikationschefen« name »Kommunens jurist« and »Kommunikationschef«."""
    names: dict[Lang, set[str]] = {"da": set(), "en": set()}
    for role in bank.roles:
        if role.otherwise is None:
            continue
        for lang in names:
            name = role.name(lang).lower()
            names[lang].add(name)
            if lang == "da":
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
