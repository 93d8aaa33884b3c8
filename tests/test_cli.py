"""The command line: each subcommand's output, and one line on stderr for every bad input."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.answers import dump_answers
from assessment.cli import main
from assessment.models import PlanEdit, Response
from tests.conftest import TINY_BANK_DIR, MakeResponse
from tests.hostile import ENGLISH

TINY = ["--bank", str(TINY_BANK_DIR)]


@pytest.fixture
def answers_file(tmp_path: Path, make_tiny: MakeResponse) -> Path:
    path = tmp_path / "answers.json"
    response = make_tiny({"alpha.one": 0, "alpha.two": 1, "beta.one": None}, targets={"beta": 2})
    path.write_text(dump_answers(response), encoding="utf-8")
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_questions_lists_every_question_with_its_levels(capsys):
    """The human listing shows each question and its five anchors; --json is the whole bank."""
    code, out, _ = run(capsys, "questions", *TINY, "--lang", "en")
    assert code == 0
    assert "alpha.one: Question alpha.one" in out
    assert "4  alpha.one level 4" in out
    code, out, _ = run(capsys, "questions", *TINY, "--json")
    assert json.loads(out)["id"] == "tiny"


def test_score_prints_levels_per_dimension(capsys, answers_file: Path):
    """Score shows the municipality, each dimension's level and its don't-know count."""
    code, out, _ = run(capsys, "score", str(answers_file), *TINY)
    assert code == 0
    assert out.startswith("København: samlet niveau 0,7")
    assert "ved ikke 1" in out
    code, out, _ = run(capsys, "score", str(answers_file), *TINY, "--json")
    assert json.loads(out)["dimensions"][0]["level"] == 0.67


def test_plan_prints_ranked_actions_with_reasons(capsys, answers_file: Path):
    """The plan lists the ranked next steps with quick wins marked and the reason."""
    code, out, _ = run(capsys, "plan", str(answers_file), *TINY, "--lang", "en")
    assert code == 0
    assert "  1. Lift alpha.one from 0 [quick win]" in out
    assert "“Ejer (alpha.one)”" not in out  # the English title is used in English
    assert "“Title alpha.one” is at level 0 (Absent): alpha.one level 0" in out
    assert out.rstrip().endswith(
        "12-month plan: 3 actions, about 34 of 230 hours; 0 in the backlog."
    )
    code, out, _ = run(capsys, "plan", str(answers_file), *TINY, "--json")
    first = json.loads(out)[0]
    assert (first["action_id"], first["hours"], first["kind"], first["red_flag"]) == (
        "alpha.one.step0",
        8.0,
        "step",
        False,
    )


def test_plan_is_the_plan_as_people_edited_it(capsys, tmp_path: Path, make_tiny: MakeResponse):
    """A dropped action is left out and the rest renumbered; a named owner, a deadline and a
    status are printed instead of the suggested role: the CLI shows what the PDF shows."""
    base = make_tiny({"alpha.one": 0, "alpha.two": 1}, targets={"alpha": 3})
    _, out, _ = run(capsys, "plan", _write(tmp_path, base), *TINY, "--json")
    before = json.loads(out)
    first, second = before[0]["action_id"], before[1]["action_id"]
    edits = {
        first: PlanEdit(dropped=True),
        second: PlanEdit(owner="Mette Ø", deadline=dt.date(2027, 2, 1), status="doing"),
    }
    path = _write(tmp_path, base.model_copy(update={"plan_edits": edits}))
    _, out, _ = run(capsys, "plan", path, *TINY, "--json")
    after = json.loads(out)
    assert [a["action_id"] for a in after] == [a["action_id"] for a in before[1:]]
    assert [a["number"] for a in after] == list(range(1, len(before)))
    assert (after[0]["owner"], after[0]["deadline"], after[0]["status"]) == (
        "Mette Ø",
        "2027-02-01",
        "doing",
    )
    _, out, _ = run(capsys, "plan", path, *TINY, "--lang", "da")
    assert "Mette Ø" in out and "frist 2027-02-01 · I gang" in out
    assert before[0]["title"] not in out


def _write(tmp_path: Path, response: Response) -> str:
    path = tmp_path / f"{response.updated_at:%H%M%S}-{len(response.plan_edits)}.json"
    path.write_text(dump_answers(response), encoding="utf-8")
    return str(path)


def test_schema_prints_json_schema(capsys):
    """`schema` prints a JSON Schema for the answers file."""
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["properties"]["schema_version"]["const"] == 2


def test_check_bank_reports_all_problems(capsys, tmp_path: Path):
    """A good bank is summarised; a broken one lists each problem and exits 1."""
    code, out, _ = run(capsys, "check-bank", str(TINY_BANK_DIR), "--lang", "en")
    assert code == 0
    assert "2 areas, 5 questions, 21 actions" in out
    (tmp_path / "bank.yaml").write_text("id: Bad Id\n", encoding="utf-8")
    code, _, err = run(capsys, "check-bank", str(tmp_path))
    assert code == 1
    assert "bank.yaml: id: er ikke skrevet i den form, feltet kræver" in err
    assert "bank.yaml: title: feltet mangler" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["score", "missing.json"], "Filen findes ikke: missing.json"),
        (["score", "{bad_json}"], "Filen er ikke en svarfil: den indeholder ikke gyldig JSON."),
        (
            ["score", "{level_9}"],
            "Svarfilen har et ugyldigt niveau i answers.alpha.one.level: brug et helt tal fra 0 "
            "til 4, »dont_know« eller »not_applicable«.",
        ),
        (
            ["plan", "{unknown_q}"],
            "Svarfilen nævner spørgsmål, som spørgsmålsbanken ikke kender: x.y.",
        ),
        (
            ["plan", "{version_3}"],
            "Svarfilen har skemaversion 3, men dette værktøj læser version 1 og 2.",
        ),
        (
            ["score", "{answers}", "--bank", "/nope"],
            "Spørgsmålsbanken har 1 fejl: /nope: filen findes ikke.",
        ),
        (
            ["scor"],
            "Fejl i kommandoen: kommandoen kan ikke være 'scor'; vælg questions, check-bank, "
            "schema, score, plan eller report.",
        ),
    ],
)
def test_bad_input_gives_one_line_and_nonzero_exit(capsys, tmp_path, answers_file, args, expected):
    """Missing file, bad JSON, level out of range, unknown question, wrong version, bad bank."""
    raw = json.loads(answers_file.read_text(encoding="utf-8"))
    variants = {
        "bad_json": "not json",
        "level_9": json.dumps({**raw, "answers": {"alpha.one": {"level": 9, "note": ""}}}),
        "unknown_q": json.dumps({**raw, "answers": {"x.y": {"level": 1, "note": ""}}}),
        "version_3": json.dumps({**raw, "schema_version": 3}),
    }
    for name, text in variants.items():
        (tmp_path / f"{name}.json").write_text(text, encoding="utf-8")
    args = [
        str(answers_file)
        if a == "{answers}"
        else str(tmp_path / f"{a[1:-1]}.json")
        if a.startswith("{")
        else a
        for a in args
    ]
    if "--bank" not in args and args[0] != "scor":
        args += TINY
    code, out, err = run(capsys, *args)
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(expected)


def test_report_writes_a_pdf(tmp_path: Path, answers_file: Path, capsys):
    """`report` writes a PDF in the chosen language and says where."""
    pdf = tmp_path / "plan.pdf"
    code, out, _ = run(capsys, "report", str(answers_file), *TINY, "-o", str(pdf), "--lang", "en")
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "The report is saved to" in out


def test_real_process_has_no_traceback(tmp_path: Path):
    """Run as users do: a bad file gives exit 1 and a single line, no Python traceback."""
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "assessment", "--lang", "en", "score", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 or proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--help"],
            ["brug: python -m assessment", "argumenter:", "valgmuligheder:", "gem PDF-rapporten"],
        ),
        (
            ["report", "--help"],
            ["brug: python -m assessment report", "--bank MAPPE", "-o FIL", "svarfilen"],
        ),
        (
            ["score", "-h", "--lang", "en"],
            ["usage: python -m assessment score", "options:", "the answers file"],
        ),
    ],
)
def test_help_is_in_the_users_language(capsys, args: list[str], expected: list[str]):
    """Every error line ends "Se python -m assessment --help", and the help was argparse's
    English: it is Danish by default, English with --lang en."""
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 0
    out, err = capsys.readouterr()
    assert err == ""
    for part in expected:
        assert part in out
    if "en" not in args:
        assert not ENGLISH.search(out), ENGLISH.search(out)
