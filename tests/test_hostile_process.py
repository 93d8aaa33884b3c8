"""Hostile cases that only a real process shows: a closed pipe, a terminal that is not UTF-8,
files that never end, and the modes of the files the app creates."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assessment.answers import answers_json_schema
from assessment.limits import echo
from assessment.store import make_engine
from tests.conftest import TINY_BANK_DIR
from tests.hostile import spoil

TINY = ("--bank", str(TINY_BANK_DIR))
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes, devices and modes")


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assessment", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


@POSIX
def test_piping_into_head_ends_quietly() -> None:
    """`questions | head` used to print "(Broken pipe)" and exit 1: now no text, status 141."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "assessment", "questions", "--bank", str(TINY_BANK_DIR)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141
    assert err == b""


@POSIX
@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("ascii", b"Sp?rgsm?l alpha.one"), ("latin-1", "Spørgsmål alpha.one".encode("latin-1"))],
)
def test_a_terminal_that_is_not_utf8_gets_replacement_marks(encoding: str, expected: bytes) -> None:
    """Danish letters and dashes on an ASCII or Latin-1 terminal: `?` instead of a crash."""
    proc = subprocess.run(
        [sys.executable, "-m", "assessment", "questions", "--bank", str(TINY_BANK_DIR)],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr
    assert expected in proc.stdout


@POSIX
@pytest.mark.parametrize("path", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_by_a_real_process(path: str) -> None:
    """`score /dev/zero` ended in MemoryError: now one line at once."""
    proc = _run("score", path, "--bank", str(TINY_BANK_DIR), "--lang", "en")
    assert proc.returncode == 1
    assert proc.stderr == (
        f"{path} is not a regular file (but a device or a pipe, say) and cannot be read.\n"
    )


@POSIX
def test_a_deeply_nested_file_gives_one_line_in_a_real_process(tmp_path: Path) -> None:
    """The review's shortest reproduction: `print("["*100000)` into a file, then `score`."""
    path = tmp_path / "d.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    proc = _run("score", str(path))
    assert (proc.returncode, proc.stdout) == (1, "")
    assert proc.stderr == (
        "Filen er ikke en svarfil: den er indlejret langt dybere, end en svarfil er.\n"
    )


@POSIX
def test_report_over_its_input_is_refused_by_a_real_process(tmp_path: Path) -> None:
    """`report a.json -o ./a.json` keeps the answers file and says why in one line."""
    path = tmp_path / "a.json"
    path.write_bytes(spoil(lambda _: None))
    before = path.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "assessment", "report", "a.json", "-o", "./a.json", *TINY],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "oven i svarfilen" in proc.stderr
    assert path.read_bytes() == before


@POSIX
def test_sqlite_folder_and_files_are_private(tmp_path: Path) -> None:
    """Names and notes are in the database: its new folder is 0700 and the file, with its
    -wal and -shm, 0600, whatever the umask."""
    old = os.umask(0o022)
    try:
        engine = make_engine(None, data_dir=tmp_path / "data" / "new")
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE probe (x)")
        folder = tmp_path / "data" / "new"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        files = sorted(folder.iterdir())
        assert [f.name for f in files] == [
            "somemodenhed.sqlite3",
            "somemodenhed.sqlite3-shm",
            "somemodenhed.sqlite3-wal",
        ]
        assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
        engine.dispose()
    finally:
        os.umask(old)


@POSIX
def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    """A database an older version left 0644 in an existing folder is set to 0600."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    for name in ("somemodenhed.sqlite3", "somemodenhed.sqlite3-wal"):
        (folder / name).touch(mode=0o644)
        (folder / name).chmod(0o644)
    (folder / "somemodenhed.sqlite3-wal").unlink()
    engine = make_engine(None, data_dir=folder)
    assert stat.S_IMODE((folder / "somemodenhed.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755  # a folder the user chose is theirs
    engine.dispose()


TEXT_FIELDS = {
    ("Respondent", "name"): 80,
    ("Respondent", "role"): 80,
    ("Municipality", "name"): 100,
    ("Answer", "note"): 2000,
    ("PlanEdit", "owner"): 120,
}


@pytest.mark.parametrize(("model", "field"), sorted(TEXT_FIELDS))
def test_every_text_field_has_its_limit_in_the_json_schema(model: str, field: str) -> None:
    """`python -m assessment schema` states each text field's maximum length."""
    schema = answers_json_schema()
    assert schema["$defs"][model]["properties"][field]["maxLength"] == TEXT_FIELDS[model, field]


def test_schema_limits_keys_platforms_and_bank_version() -> None:
    """Keys of the answers file's mappings, profile platforms and the bank version are bounded."""
    schema = answers_json_schema()
    assert schema["properties"]["answers"]["propertyNames"]["maxLength"] == 100
    platforms = schema["$defs"]["Profile"]["properties"]["platforms"]
    assert (platforms["maxItems"], platforms["items"]["maxLength"]) == (20, 40)
    assert schema["properties"]["bank_version"]["maxLength"] == 40
    assert json.dumps(schema)  # printable as the CLI prints it


@pytest.mark.parametrize(
    ("value", "keep_end", "expected"),
    [
        ("kort", False, "kort"),
        ("a" * 100, False, "a" * 59 + "…"),
        ("/x/" + "d" * 100 + "/fil.json", True, "…" + ("d" * 100 + "/fil.json")[-59:]),
        ("to\nlinjer", False, "to\\nlinjer"),
        ("skjult\u202eretning", False, "skjult\\u202eretning"),
        ("halv\udcff", False, "halv\ufffd"),
        ("\x00" * 1000, False, "\\x00" * 14 + "\\x0…"),
    ],
)
def test_echo_gives_one_short_line(value: str, keep_end: bool, expected: str) -> None:
    """An echoed value is one printable line of at most 60 characters."""
    shown = echo(value, keep_end=keep_end)
    assert shown == expected
    assert len(shown) <= 60
