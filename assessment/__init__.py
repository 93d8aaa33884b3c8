"""Social-media maturity self-assessment for Danish municipalities: the pure core.

Nothing here imports Streamlit; the app in `app.py` and `assessment/ui/` and the command line in
`assessment/cli.py` are thin faces over these functions.
"""

from .answers import (
    AnswersError,
    answers_json_schema,
    check_answers,
    dump_answers,
    load_answers,
    new_response,
    parse_answers,
)
from .bank import BankError, load_bank
from .migration import Notice, migrate_answers
from .models import (
    ActionPlan,
    Answer,
    Bank,
    Municipality,
    PlanEdit,
    PlannedAction,
    Respondent,
    Response,
    Scorecard,
)
from .planning import plan
from .scoring import score

__all__ = [
    "ActionPlan",
    "Answer",
    "AnswersError",
    "Bank",
    "BankError",
    "Municipality",
    "Notice",
    "PlanEdit",
    "PlannedAction",
    "Respondent",
    "Response",
    "Scorecard",
    "answers_json_schema",
    "check_answers",
    "dump_answers",
    "load_answers",
    "load_bank",
    "migrate_answers",
    "new_response",
    "parse_answers",
    "plan",
    "score",
]
