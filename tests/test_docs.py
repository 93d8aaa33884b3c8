"""The README cannot drift: its commands are the ones CI runs and the CLI has."""

from __future__ import annotations

import re
from pathlib import Path

from assessment.cli import _parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _first_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", README)[:2]


def test_readme_starts_with_start_and_test_commands():
    """The first two commands install and start the app, and install and run the tests."""
    start, test = _first_commands()
    assert "pip install -r requirements.txt" in start and "streamlit run app.py" in start
    assert "pip install -r requirements-dev.txt" in test and "-m pytest" in test


def test_ci_runs_the_readme_test_command():
    """.ci/run calls exactly the README's test command."""
    _, test = _first_commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert any(line.startswith(test) for line in ci.splitlines())


def test_every_cli_subcommand_is_documented():
    """Each `python -m assessment` subcommand appears in the README."""
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"python -m assessment {name}" in README, name
