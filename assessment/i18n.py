"""User-facing strings in Danish (the default) and English.

One flat table keyed by dotted names (`cli.…`, `error.…`, `report.…`, `ui.…`); every entry has
both languages, which a test checks. Placeholders use str.format names.
"""

from __future__ import annotations

from .models import Lang
from .strings_ui import UI_STRINGS

DEFAULT_LANG: Lang = "da"

STRINGS: dict[str, dict[str, str]] = {
    # --- errors shared by the CLI, the app and the answers file
    "error.file_not_found": {"da": "Filen findes ikke: {path}", "en": "File not found: {path}"},
    "error.cannot_read": {
        "da": "Filen kan ikke læses: {path} ({detail})",
        "en": "Cannot read the file: {path} ({detail})",
    },
    "error.cannot_write": {
        "da": "Filen kan ikke skrives: {path} ({detail})",
        "en": "Cannot write the file: {path} ({detail})",
    },
    # --- the command line (assessment.cli)
    "cli.usage": {
        "da": "Fejl i kommandoen: {detail}. Se python -m assessment --help",
        "en": "Bad command line: {detail}. See python -m assessment --help",
    },
    "cli.bad_bank": {
        "da": "Spørgebanken har fejl: {problem}. Kør check-bank for at se dem alle.",
        "en": "The question bank has errors: {problem}. Run check-bank to see them all.",
    },
    "cli.bank_problems": {
        "da": "Spørgebanken har {count} fejl.",
        "en": "The question bank has {count} problem(s).",
    },
    "cli.bank_ok": {
        "da": "Spørgebanken {id} {version} er i orden: {dimensions} dimensioner, "
        "{questions} spørgsmål, {actions} handlinger.",
        "en": "Question bank {id} {version} is valid: {dimensions} dimensions, "
        "{questions} questions, {actions} actions.",
    },
    "cli.overall": {"da": "samlet niveau", "en": "overall level"},
    "cli.dimension_line": {
        "da": "mål {target}, afstand {gap}, besvaret {answered}/{total}, ved ikke {dont_know}",
        "en": "target {target}, gap {gap}, answered {answered}/{total}, don't know {dont_know}",
    },
    "cli.no_actions": {
        "da": "Ingen handlinger: alle besvarede spørgsmål er på eller over målet.",
        "en": "No actions: every answered question is at or above its target.",
    },
    "cli.quick_win": {"da": "hurtig gevinst", "en": "quick win"},
    "cli.plan_line": {
        "da": "{dimension} · {effort} indsats · effekt {impact}/3 · {horizon} mdr. · {owner}",
        "en": "{dimension} · {effort} effort · impact {impact}/3 · {horizon} months · {owner}",
    },
    "cli.report_written": {
        "da": "Rapporten er gemt i {path} ({kb} kB).",
        "en": "The report is saved to {path} ({kb} kB).",
    },
    "error.answers.too_large": {
        "da": "Filen er for stor til at være en svarfil ({size} kB; højst {limit} kB).",
        "en": "The file is too large to be an answers file ({size} kB; at most {limit} kB).",
    },
    "error.answers.not_json": {
        "da": "Filen er ikke en svarfil: den indeholder ikke gyldig JSON.",
        "en": "The file is not an answers file: it does not contain valid JSON.",
    },
    "error.answers.wrong_format": {
        "da": "Filen er ikke en svarfil fra dette værktøj (forventede formatet {expected}).",
        "en": "The file is not an answers file from this tool (expected format {expected}).",
    },
    "error.answers.schema_version": {
        "da": "Svarfilen har skemaversion {found}, men dette værktøj læser version {supported}.",
        "en": "The answers file has schema version {found}, but this tool reads version "
        "{supported}.",
    },
    "error.answers.level_range": {
        "da": "Svarfilen har et niveau uden for 0–4 i {field}.",
        "en": "The answers file has a level outside 0–4 in {field}.",
    },
    "error.answers.missing": {
        "da": "Svarfilen mangler feltet {field}.",
        "en": "The answers file is missing the field {field}.",
    },
    "error.answers.invalid": {
        "da": "Svarfilen har en ugyldig værdi i {field} ({detail}).",
        "en": "The answers file has an invalid value in {field} ({detail}).",
    },
    "error.answers.other_bank": {
        "da": "Svarfilen hører til spørgebanken {found}, ikke {expected}.",
        "en": "The answers file belongs to question bank {found}, not {expected}.",
    },
    "error.answers.unknown_question": {
        "da": "Svarfilen nævner spørgsmål, som spørgebanken ikke kender: {ids}.",
        "en": "The answers file names questions the question bank does not know: {ids}.",
    },
    "error.answers.unknown_dimension": {
        "da": "Svarfilen har mål for dimensioner, som spørgebanken ikke kender: {ids}.",
        "en": "The answers file has targets for dimensions the question bank does not know: {ids}.",
    },
    "error.answers.unknown_action": {
        "da": "Svarfilen har ændringer til handlinger, som spørgebanken ikke kender: {ids}.",
        "en": "The answers file edits actions the question bank does not know: {ids}.",
    },
    # --- why an action has its rank (assessment.planning)
    "plan.reason.gap": {
        "da": "Spørgsmålet står på niveau {level}, og målet for {dimension} er {target} "
        "(afstand {gap}).",
        "en": "The question is at level {level} and the target for {dimension} is {target} "
        "(gap {gap}).",
    },
    "plan.reason.critical": {
        "da": "Det er en grundlæggende pligt under niveau 2, så den vægter ekstra.",
        "en": "It is a basic duty below level 2, so it counts extra.",
    },
    "plan.reason.weight": {
        "da": "Spørgsmålet vægter {weight}.",
        "en": "The question has weight {weight}.",
    },
    "plan.reason.value": {
        "da": "{impact} effekt for {effort} indsats.",
        "en": "{impact} impact for {effort} effort.",
    },
    "plan.reason.quick_win": {"da": "En hurtig gevinst.", "en": "A quick win."},
    "plan.reason.pulled_forward": {
        "da": "Rykket frem, fordi {actions} bygger på den.",
        "en": "Moved up because {actions} builds on it.",
    },
    "plan.reason.after": {
        "da": "Kommer efter {actions}, som skal være på plads først.",
        "en": "Comes after {actions}, which must be in place first.",
    },
    "plan.reason.waits": {
        "da": "Bygger på {actions}, som endnu ikke er nået, og er derfor lagt sidst.",
        "en": "Builds on {actions}, which is not reached yet, so it is scheduled last.",
    },
    "plan.reason.capacity": {
        "da": "Skubbet en periode, fordi den forrige allerede er fuld.",
        "en": "Moved one period on because the earlier one is already full.",
    },
    "plan.impact.1": {"da": "Lille", "en": "Low"},
    "plan.impact.2": {"da": "Mellem", "en": "Medium"},
    "plan.impact.3": {"da": "Stor", "en": "High"},
    "plan.effort.low": {"da": "lille", "en": "low"},
    "plan.effort.medium": {"da": "mellemstor", "en": "medium"},
    "plan.effort.high": {"da": "stor", "en": "high"},
}


STRINGS.update(UI_STRINGS)


def t(key: str, lang: Lang = DEFAULT_LANG, /, **params: object) -> str:
    """The string for `key` in `lang`, with placeholders filled."""
    return STRINGS[key][lang].format(**params)


def fmt_number(value: float, lang: Lang = DEFAULT_LANG, digits: int = 1) -> str:
    """A level or weight as people write it: `2,5` in Danish, `2.5` in English, `3` not `3.0`."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"
    return text.replace(".", ",") if lang == "da" else text
