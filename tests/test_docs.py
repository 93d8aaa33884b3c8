"""The README cannot drift: its commands are the ones CI runs and the CLI has."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from assessment.cli import _parser, main
from assessment.peers.distribution import K

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


def _json_examples() -> list[str]:
    return re.findall(r"```json\n(.+?)\n```", README, flags=re.DOTALL)


def test_the_readme_has_a_json_example():
    """The answers-file section shows one (a test below runs it)."""
    assert _json_examples()


@pytest.mark.parametrize("example", _json_examples())
def test_every_json_example_in_the_readme_works_with_the_cli(
    example: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    """Each JSON example is an answers file the CLI scores and plans, and the plan shows the
    example's edits: the README cannot show a file the tool refuses."""
    path = tmp_path / "example.json"
    path.write_text(example, encoding="utf-8")
    for command in ("score", "plan"):
        assert main([command, str(path)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    assert main(["plan", str(path), "--json"]) == 0
    planned = {row["action_id"]: row for row in json.loads(capsys.readouterr().out)}
    for action_id, edit in json.loads(example).get("plan_edits", {}).items():
        if edit.get("dropped"):
            assert action_id not in planned
        else:
            assert planned[action_id]["owner"] == edit["owner"]
            assert planned[action_id]["deadline"] == edit["deadline"]


def test_the_readmes_sign_in_example_is_what_st_login_needs():
    """The `[auth]` example is valid TOML with the five settings Streamlit requires, and the
    k threshold the README promises is the one the code applies."""
    (example,) = re.findall(r"```toml\n(.+?)\n```", README, flags=re.DOTALL)
    auth = tomllib.loads(example)["auth"]
    assert set(auth) == {
        "redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url",
    }  # fmt: skip
    assert auth["redirect_uri"].endswith("/oauth2callback")
    assert f"at least {K} distinct" in README and f"k ≥ {K}" in README
