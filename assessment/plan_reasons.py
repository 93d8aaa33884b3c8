"""Why each planned action is in the plan, in words a director can check, in both languages.

A finding names the question and what the answers say about it; the reason adds why the
action has its rank and its period. Reasons speak of periods, never of places in the list, so
they cannot contradict the rank a reader sees after people have dropped actions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import fmt_number, t
from .models import LANGS, Bank, Kind, Lang, Text

QUOTE = {"da": "»{}«", "en": "“{}”"}


@dataclass(frozen=True)
class Facts:
    """What a reason is made of: the planner's view of one candidate and its period."""

    kind: Kind
    question_id: str
    dimension_id: str
    level: int | None
    target: float
    gap: float
    weight: float
    critical: bool
    red_flag: bool
    impact: int
    effort: str
    hours: float
    quick_win: bool
    pulled_by: list[str]
    after: list[str]
    waits_for: list[str]
    why_period: str


def finding(bank: Bank, f: Facts) -> Text:
    """The question and what was found: the first thing a reader of the plan needs."""
    return Text(**{lang: _finding(bank, f, lang) for lang in LANGS})


def reason(bank: Bank, f: Facts) -> Text:
    """The finding, then why this rank and this period."""
    return Text(
        **{lang: " ".join([_finding(bank, f, lang), *_parts(bank, f, lang)]) for lang in LANGS}
    )


def quoted(text: str, lang: Lang) -> str:
    """Text in the language's quotation marks: »…« in Danish, “…” in English."""
    return QUOTE[lang].format(text)


def _finding(bank: Bank, f: Facts, lang: Lang) -> str:
    q = bank.question(f.question_id)
    title = quoted(q.title(lang), lang)
    if f.kind == "find_out":
        return t("plan.finding.find_out", lang, question=title)
    if f.kind == "incident":
        return t("plan.finding.incident", lang, question=title)
    assert f.level is not None  # noqa: S101 - a step always starts from a known level
    key = "plan.finding.red_flag" if f.red_flag else "plan.finding.step"
    return t(
        key,
        lang,
        question=title,
        level=f.level,
        maturity=bank.maturity[f.level].name(lang),
        anchor=q.levels[f.level](lang),
    )


def _parts(bank: Bank, f: Facts, lang: Lang) -> list[str]:
    parts: list[str] = []
    dimension = bank.dimension(f.dimension_id).name(lang)
    if f.kind == "step":
        target = fmt_number(f.target, lang)
        parts.append(
            t(
                "plan.reason.gap",
                lang,
                dimension=dimension,
                target=target,
                gap=fmt_number(f.gap, lang),
            )
        )
    if f.red_flag:
        parts.append(t("plan.reason.red_flag", lang))
    elif f.kind == "incident":
        parts.append(t("plan.reason.incident", lang))
    elif f.kind == "find_out":
        parts.append(t("plan.reason.find_out", lang))
    if f.critical and f.kind == "find_out":
        parts.append(t("plan.reason.critical_unknown", lang))
    elif f.critical:
        parts.append(t("plan.reason.critical", lang))
    elif f.weight != 1.0:
        parts.append(t("plan.reason.weight", lang, weight=fmt_number(f.weight, lang)))
    parts.append(
        t(
            "plan.reason.value",
            lang,
            impact=t(f"plan.impact.{f.impact}", lang),
            effort=t(f"plan.effort.{f.effort}", lang),
            hours=fmt_number(f.hours, lang, digits=0),
        )
    )
    if f.quick_win:
        parts.append(t("plan.reason.quick_win", lang))
    if f.pulled_by:
        parts.append(
            t("plan.reason.pulled_forward", lang, actions=_titles(bank, f.pulled_by, lang))
        )
    if f.after:
        parts.append(t("plan.reason.after", lang, actions=_titles(bank, f.after, lang)))
    if f.waits_for:
        parts.append(t("plan.reason.waits", lang, actions=_titles(bank, f.waits_for, lang)))
    if f.why_period in ("capacity", "backlog", "full", "backlog_prerequisite"):
        parts.append(t(f"plan.reason.{f.why_period}", lang))
    return parts


def _titles(bank: Bank, ids: list[str], lang: Lang) -> str:
    """Action titles in quotation marks; a find-out step is named by its question."""
    names = []
    for aid in ids:
        qid, _, last = aid.rpartition(".")
        if last == "find-out":
            names.append(t("plan.find_out.title", lang, question=bank.question(qid).title(lang)))
        else:
            names.append(bank.action(aid).title(lang))
    return ", ".join(quoted(name, lang) for name in names)
