"""`python -m assessment`: score, plan and report on answers files in batch, and check banks.

A thin face over the core. Every failure a user can cause ends as one line on stderr in the
chosen language and exit status 1 (2 for a bad command line), never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .answers import AnswersError, answers_json_schema, check_answers, load_answers
from .bank import BankError, load_bank
from .edited_plan import PlanRow, edited_plan
from .i18n import fmt_number, t
from .models import LANGS, Bank, Lang, Response
from .planning import plan
from .scoring import score


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting, so we print one line."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument("--bank", type=Path, help="question bank folder (default: questions/)")
    common.add_argument("--lang", choices=LANGS, help="language of the output (da or en)")
    parser = _Parser(prog="python -m assessment", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("questions", parents=[common], help="print the question bank")
    p.add_argument("--json", action="store_true", help="the whole bank as JSON")
    p = sub.add_parser("check-bank", parents=[common], help="validate a question bank")
    p.add_argument("path", type=Path)
    sub.add_parser("schema", parents=[common], help="print the answers file's JSON Schema")
    for name, what in (("score", "levels per dimension"), ("plan", "the prioritised action plan")):
        p = sub.add_parser(name, parents=[common], help=f"print {what} for an answers file")
        p.add_argument("answers", type=Path)
        p.add_argument("--json", action="store_true", help="machine-readable output")
    p = sub.add_parser("report", parents=[common], help="write the PDF report")
    p.add_argument("answers", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, help="the PDF file to write")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "en" if _flag_value(argv, "--lang") == "en" else "da"
    try:
        args = _parser().parse_args(argv)
        return _run(args)
    except _UsageError as exc:
        return _fail(t("cli.usage", lang, detail=str(exc)), status=2)
    except BankError as exc:
        return _fail(t("cli.bad_bank", lang, problem=str(exc)))
    except AnswersError as exc:
        return _fail(exc.message(lang))
    except OSError as exc:
        return _fail(t("error.cannot_read", lang, path=exc.filename or "", detail=exc.strerror))
    except KeyboardInterrupt:
        return 130


def _flag_value(argv: list[str], flag: str) -> str | None:
    for i, arg in enumerate(argv):
        if arg == flag and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(flag + "="):
            return arg.split("=", 1)[1]
    return None


def _fail(message: str, status: int = 1) -> int:
    print(message, file=sys.stderr)
    return status


def _run(args: argparse.Namespace) -> int:
    if args.command == "check-bank":
        return _check_bank(args.path, args.lang or "da")
    if args.command == "schema":
        print(json.dumps(answers_json_schema(), indent=2, ensure_ascii=False))
        return 0
    bank = load_bank(args.bank)
    if args.command == "questions":
        return _questions(bank, args.lang or "da", args.json)
    response = load_answers(args.answers)
    check_answers(bank, response)
    lang: Lang = args.lang or response.language
    if args.command == "score":
        return _score(bank, response, lang, args.json)
    if args.command == "plan":
        return _plan(bank, response, lang, args.json)
    return _report(bank, response, lang, args.output)


def _check_bank(path: Path, lang: Lang) -> int:
    try:
        bank = load_bank(path)
    except BankError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(t("cli.bank_problems", lang, count=len(exc.problems)), file=sys.stderr)
        return 1
    questions = sum(len(d.questions) for d in bank.dimensions)
    print(
        t(
            "cli.bank_ok",
            lang,
            id=bank.id,
            version=bank.version,
            dimensions=len(bank.dimensions),
            questions=questions,
            actions=len(bank.actions),
        )
    )
    return 0


def _questions(bank: Bank, lang: Lang, as_json: bool) -> int:
    if as_json:
        print(bank.model_dump_json(indent=2))
        return 0
    print(bank.title(lang))
    for dim in bank.dimensions:
        print(f"\n== {dim.name(lang)} [{dim.id}]")
        for q in dim.questions:
            print(f"\n  {q.id}: {q.text(lang)}")
            for level, anchor in enumerate(q.levels):
                print(f"    {level}  {anchor(lang)}")
    return 0


def _score(bank: Bank, response: Response, lang: Lang, as_json: bool) -> int:
    card = score(bank, response)
    if as_json:
        print(card.model_dump_json(indent=2))
        return 0
    print(f"{response.municipality.name}: {t('cli.overall', lang)} {_level(card.overall, lang)}")
    for d in card.dimensions:
        name = bank.dimension(d.dimension_id).name(lang)
        maturity = d.maturity.name(lang) if d.maturity else "–"
        print(
            f"  {name:<34} {_level(d.level, lang):>5}  {maturity:<12} "
            + t(
                "cli.dimension_line",
                lang,
                target=fmt_number(d.target, lang),
                gap=fmt_number(d.gap, lang),
                answered=d.answered,
                total=d.total,
                dont_know=d.dont_know,
            )
        )
    return 0


def _plan(bank: Bank, response: Response, lang: Lang, as_json: bool) -> int:
    """The plan as people edited it: dropped actions left out, their owners and deadlines."""
    rows = edited_plan(plan(bank, score(bank, response), response), response.plan_edits).kept
    if as_json:
        print(json.dumps([_plan_json(row, lang) for row in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(t("cli.no_actions", lang))
    for row in rows:
        p = row.planned
        win = f" [{t('cli.quick_win', lang)}]" if p.quick_win else ""
        dim = bank.dimension(p.dimension_id).name(lang)
        print(f"{row.number:>3}. {p.action.title(lang)}{win}")
        print(
            "     "
            + t(
                "cli.plan_line",
                lang,
                dimension=dim,
                effort=t(f"plan.effort.{p.action.effort.value}", lang),
                impact=p.action.impact,
                horizon=p.horizon,
                owner=row.owner(lang),
            )
        )
        if row.deadline is not None or row.status != "todo":
            deadline = row.deadline.isoformat() if row.deadline else "–"
            status = t(f"ui.status.{row.status}", lang)
            print("     " + t("cli.plan_progress", lang, deadline=deadline, status=status))
        print(f"     {p.reason(lang)}")
    return 0


def _plan_json(row: PlanRow, lang: Lang) -> dict[str, object]:
    p = row.planned
    return {
        "number": row.number,
        "action_id": p.action.id,
        "title": p.action.title(lang),
        "dimension_id": p.dimension_id,
        "question_id": p.action.question,
        "owner": row.owner(lang),
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "status": row.status,
        "horizon": p.horizon,
        "quick_win": p.quick_win,
        "priority": p.priority,
        "rank": p.rank,
        "reason": p.reason(lang),
    }


def _report(bank: Bank, response: Response, lang: Lang, output: Path) -> int:
    from .report import report_for  # fpdf2 and the chart engine load only when needed

    pdf = report_for(bank, response, lang, generated=dt.datetime.now(dt.UTC))
    try:
        output.write_bytes(pdf)
    except OSError as exc:
        return _fail(t("error.cannot_write", lang, path=str(output), detail=exc.strerror))
    print(t("cli.report_written", lang, path=str(output), kb=len(pdf) // 1024))
    return 0


def _level(level: float | None, lang: Lang) -> str:
    return fmt_number(level, lang) if level is not None else "–"
