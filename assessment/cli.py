"""`python -m assessment`: score, plan and report on answers files in batch, and check banks.

A thin face over the core. Every failure a user can cause ends as one line on stderr in the
chosen language and exit status 1 (2 for a bad command line), never a traceback. Output piped
into `head` ends quietly with status 141 (128 + SIGPIPE), as `cat` would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import io
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from .answers import AnswersError, answers_json_schema, check_answers, load_answers
from .bank import BankError, load_bank, load_bank_and_files
from .edited_plan import PlanRow, edited_plan
from .files import NotRegularFile, os_reason
from .i18n import fmt_list, fmt_number, t, tn
from .limits import echo
from .messages import Choices
from .migration import migrate_answers
from .models import LANGS, Bank, Lang, Response
from .planning import plan
from .scoring import score

BROKEN_PIPE = 128 + 13
"""The status a shell reports for a program ended by SIGPIPE."""
PROBLEM_ECHO = 300
"""Characters of one bank problem printed (its file, field and message)."""


class _UsageError(Exception):
    pass


class _Formatter(argparse.HelpFormatter):
    """argparse's help with its own words ("usage:") in the user's language."""

    def __init__(self, prog: str, *, lang: Lang = "da") -> None:
        super().__init__(prog)
        self._lang = lang

    def add_usage(self, usage, actions, groups, prefix=None) -> None:  # type: ignore[no-untyped-def]
        if prefix is None:  # argparse's own "usage: " (a subcommand's prog passes "")
            prefix = t("cli.help.usage", self._lang)
        super().add_usage(usage, actions, groups, prefix)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting, so we print one line, and
    whose `--help` is in the user's language."""

    def __init__(
        self,
        *args: Any,
        lang: Lang = "da",
        add_help: bool = True,
        parents: Sequence[argparse.ArgumentParser] = (),
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("formatter_class", partial(_Formatter, lang=lang))
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = t("cli.help.arguments", lang)
        self._optionals.title = t("cli.help.options", lang)
        if add_help:
            self.add_argument("-h", "--help", action="help", help=t("cli.help.help", lang))
        for parent in parents:  # after the titles, so a parent's options join the same group
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _parser(lang: Lang = "da") -> _Parser:
    def h(key: str) -> str:
        return t(f"cli.help.{key}", lang)

    common = _Parser(add_help=False, lang=lang)
    common.add_argument("--bank", type=Path, metavar=h("folder"), help=h("bank"))
    common.add_argument("--lang", choices=LANGS, help=h("lang"))
    parser = _Parser(prog="python -m assessment", description=h("description"), lang=lang)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    p = sub.add_parser("questions", parents=[common], help=h("questions"), lang=lang)
    p.add_argument("--json", action="store_true", help=h("questions_json"))
    p = sub.add_parser("check-bank", parents=[common], help=h("check_bank"), lang=lang)
    p.add_argument("path", type=Path, help=t("cli.arg.path", lang))
    sub.add_parser("schema", parents=[common], help=h("schema"), lang=lang)
    for name in ("score", "plan"):
        p = sub.add_parser(name, parents=[common], help=h(name), lang=lang)
        p.add_argument("answers", type=Path, help=t("cli.arg.answers", lang))
        p.add_argument("--json", action="store_true", help=h("json"))
    p = sub.add_parser("report", parents=[common], help=h("report"), lang=lang)
    p.add_argument("answers", type=Path, help=t("cli.arg.answers", lang))
    p.add_argument("-o", "--output", type=Path, required=True, metavar=h("file"), help=h("output"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang: Lang = "en" if _flag_value(argv, "--lang") == "en" else "da"
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # a terminal that is not UTF-8 gets "?"
            stream.reconfigure(errors="replace")
    try:
        args = _parser(lang).parse_args(argv)
        status = _run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at exit as "Exception ignored"
        return status
    except _UsageError as exc:
        return _fail(t("cli.usage", lang, detail=_usage_detail(str(exc), lang)), status=2)
    except BankError as exc:
        first = echo(exc.problems[0].text(lang) if exc.problems else "", PROBLEM_ECHO)
        return _fail(tn("cli.bad_bank", len(exc.problems), lang, problem=first))
    except AnswersError as exc:
        return _fail(exc.message(lang))
    except BrokenPipeError:
        _drop_stdout()
        return BROKEN_PIPE
    except OSError as exc:
        key, params = os_reason(exc)
        path = echo(exc.filename or "", keep_end=True)
        return _fail(t("error.cannot_read", lang, path=path, detail=t(key, lang, **params)))
    except MemoryError:
        return _fail(t("error.out_of_memory", lang))
    except KeyboardInterrupt:
        return 130


def _drop_stdout() -> None:
    """Point stdout at the null device, so Python's flush at exit has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file (a test's capture): nothing to flush
        pass


_ARGPARSE = (
    (r"the following arguments are required: (?P<args>.+)", "cli.usage.required"),
    (
        r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
        "cli.usage.choice",
    ),
    (r"unrecognized arguments: (?P<args>.+)", "cli.usage.unrecognised"),
    (r"argument (?P<arg>\S+): expected one argument", "cli.usage.expects_value"),
    (r"ambiguous option: (?P<arg>\S+) could match (?P<matches>.+)", "cli.usage.ambiguous"),
)
"""argparse's messages (Python 3.11–3.13), matched so they can be said in Danish too."""
_ARG_NAMES = ("command", "answers", "path")
"""Positional arguments named in words (`cli.arg.…`); options are shown as typed."""


def _usage_detail(message: str, lang: Lang) -> str:
    """argparse's English complaint as a short sentence in `lang`, user values cut short."""
    for pattern, key in _ARGPARSE:
        found = re.fullmatch(pattern, message, flags=re.DOTALL)
        if found is None:
            continue
        params = found.groupdict()
        if "args" in params:
            names = [_arg_name(a.strip(), lang) for a in params["args"].split(",")]
            params["args"] = echo(fmt_list(names, lang))
        if "arg" in params:
            params["arg"] = _arg_name(params["arg"], lang)
        if "choices" in params:
            params["choices"] = Choices(tuple(re.findall(r"'([^']*)'", params["choices"])))(lang)
        for name in ("value", "matches"):
            if name in params:
                params[name] = echo(params[name])
        return t(key, lang, **params)
    return t("cli.usage.other", lang)


def _arg_name(name: str, lang: Lang) -> str:
    return t(f"cli.arg.{name}", lang) if name in _ARG_NAMES else echo(name)


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
    bank, bank_files = load_bank_and_files(args.bank)
    if args.command == "questions":
        return _questions(bank, args.lang or "da", args.json)
    response, notices = migrate_answers(bank, load_answers(args.answers))
    lang: Lang = args.lang or response.language
    for notice in notices:  # on stderr, so `--json` output stays clean
        print(notice.message(lang), file=sys.stderr)
    check_answers(bank, response)
    if args.command == "score":
        return _score(bank, response, lang, args.json)
    if args.command == "plan":
        return _plan(bank, response, lang, args.json)
    shown = echo(args.output, keep_end=True)
    if _same_file(args.answers, args.output):
        return _fail(t("cli.output_is_input", lang, path=shown))
    if any(_same_file(read, args.output) for read in bank_files):
        return _fail(t("cli.output_is_bank", lang, path=shown))
    return _report(bank, response, lang, args.output)


def _same_file(read: Path, output: Path) -> bool:
    """Whether writing `output` would replace the file `read` (the answers file, a bank file):
    the same path written another way (`./a.json`), a symbolic link to it or a hard link of it."""
    try:
        if read.resolve() == output.resolve():
            return True
        return output.exists() and os.path.samefile(read, output)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (before Python 3.13)
        return False


def _check_bank(path: Path, lang: Lang) -> int:
    try:
        bank = load_bank(path)
    except BankError as exc:
        for problem in exc.problems:
            print(echo(problem.text(lang), PROBLEM_ECHO), file=sys.stderr)
        print(tn("cli.bank_problems", len(exc.problems), lang), file=sys.stderr)
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
    """The plan as people edited it: dropped actions left out, their owners and deadlines; the
    backlog is counted at the end (the PDF lists it)."""
    result = plan(bank, score(bank, response), response)
    rows = edited_plan(result, response.plan_edits).kept
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
                hours=fmt_number(p.hours, lang, 0),
            )
        )
        if row.deadline is not None or row.status != "todo":
            deadline = row.deadline.isoformat() if row.deadline else "–"
            status = t(f"ui.status.{row.status}", lang)
            print("     " + t("cli.plan_progress", lang, deadline=deadline, status=status))
        print(f"     {p.reason(lang)}")
    if result.capacity is not None:
        hours = sum(row.planned.hours for row in rows)
        print(
            tn(
                "cli.plan_total",
                len(rows),
                lang,
                hours=fmt_number(hours, lang, 0),
                budget=fmt_number(result.capacity.yearly_hours, lang, 0),
                backlog=len(result.backlog),
            )
        )
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
        "kind": p.kind,
        "red_flag": p.red_flag,
        "hours": p.hours,
        "quick_win": p.quick_win,
        "priority": p.priority,
        "rank": p.rank,
        "reason": p.reason(lang),
    }


def _report(bank: Bank, response: Response, lang: Lang, output: Path) -> int:
    from .report import report_for  # fpdf2 and the chart engine load only when needed

    pdf = report_for(bank, response, lang, generated=dt.datetime.now(dt.UTC))
    try:
        write_atomically(output, pdf)
    except OSError as exc:
        key, params = os_reason(exc)
        shown = echo(output, keep_end=True)
        return _fail(t("error.cannot_write", lang, path=shown, detail=t(key, lang, **params)))
    print(t("cli.report_written", lang, path=echo(output, keep_end=True), kb=len(pdf) // 1024))
    return 0


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it and a rename, so a failure
    (a full disk, Ctrl-C) leaves the old file or none, never half a file. A symbolic link is
    written through, as `open` would; anything but a regular file is refused."""
    target = path.resolve()
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if target.exists() and not target.is_file():  # /dev/null: a rename would replace the device
        raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    done = False
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
        done = True
    finally:
        if not done:
            Path(tmp).unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _level(level: float | None, lang: Lang) -> str:
    return fmt_number(level, lang) if level is not None else "–"
