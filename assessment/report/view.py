"""What a report is built from: the computed results and how they read in one language.

A `ReportView` is made once per report; every section reads from it and writes to the PDF.
Numbers and dates go through Babel (`i18n.fmt_number`, `i18n.fmt_date`); deadlines the people
did not set are the end of the action's period, counted from the report's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ..edited_plan import EditedPlan, PlanRow
from ..i18n import fmt_date, fmt_list, fmt_number, t, tn
from ..models import ActionPlan, Bank, Horizon, Lang, Question, Response, RoomSpread, Scorecard

CELL_LIMIT = 300
"""Characters of free text (an owner's name) shown in a line; the rest is cut with '…'."""
HORIZON_MONTHS: dict[Horizon, int] = {"0-3": 3, "3-6": 6, "6-12": 12}
FOLLOW_UP_MONTHS = 6
"""When the director is asked to follow the plan up."""


@dataclass(frozen=True)
class ReportView:
    bank: Bank
    response: Response
    card: Scorecard
    plan: ActionPlan
    edited: EditedPlan
    lang: Lang
    generated: dt.datetime
    spread: RoomSpread | None = None

    def t(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def tn(self, key: str, count: int, **params: object) -> str:
        """`key` in its singular or plural form for `count` (`i18n.tn`)."""
        return tn(key, count, self.lang, **params)

    def list(self, items: list[str]) -> str:
        return fmt_list(items, self.lang)

    def number(self, value: float, digits: int = 1) -> str:
        return fmt_number(value, self.lang, digits)

    def hours(self, value: float) -> str:
        return fmt_number(value, self.lang, 0)

    def date(self, day: dt.date) -> str:
        return fmt_date(day, self.lang)

    @property
    def today(self) -> dt.date:
        return self.generated.date()

    def owner(self, row: PlanRow) -> str:
        return clip(row.owner(self.lang))

    def deadline(self, row: PlanRow) -> str:
        """The deadline people set, or the end of the action's period."""
        if row.deadline is not None:
            return self.date(row.deadline)
        horizon = row.planned.horizon or "6-12"
        end = add_months(self.today, HORIZON_MONTHS[horizon])
        span = horizon.replace("-", "–")
        return self.t("report.deadline_horizon", date=self.date(end), horizon=span)

    def follow_up(self) -> str:
        return self.date(add_months(self.today, FOLLOW_UP_MONTHS))

    def answer(self, q: Question) -> str:
        answer = self.response.answers.get(q.id)
        if answer is None or not answer.chosen:
            return self.t("report.not_answered")
        if answer.dont_know:
            return self.t("report.dont_know")
        if answer.not_applicable:
            return self.t("report.not_applicable")
        level = answer.value or 0
        return self.t("report.level_answer", level=level, text=q.levels[level](self.lang))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 January + 1 → 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """Free text cut to a length a line of the report can hold."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
