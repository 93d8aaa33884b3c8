"""A corpus of hostile inputs, one parametrised test per class of failure the security review
found: tracebacks, hangs, data loss, silent acceptance, broken exports and messages. Each case
goes through the core parser or loader and, where a user meets it, the CLI's `main()`."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from assessment import cli
from assessment.answers import AnswersError, check_answers, parse_answers
from assessment.bank import BankError, load_bank
from assessment.cli import main
from assessment.migration import migrate_answers
from assessment.models import Answer, Bank, Municipality, Response
from assessment.planning import plan
from assessment.report import build_report
from assessment.scoring import score
from assessment.tables import answers_table, plan_table, to_csv, to_excel
from tests.conftest import NOW, TINY_BANK_DIR
from tests.hostile import bank_copy, one_clean_line, replace_in, spoil, text, valid_file

TINY = ["--bank", str(TINY_BANK_DIR)]


def _refused(data: bytes) -> AnswersError:
    with pytest.raises(AnswersError) as exc:
        parse_answers(data)
    for lang in ("da", "en"):
        one_clean_line(exc.value.message(lang), lang)  # type: ignore[arg-type]
    return exc.value


def _deep_field(raw: dict[str, Any]) -> None:
    raw["respondent"]["deep"] = json.loads("[" * 500 + "]" * 500)


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """A change that sets the dotted `path` of the file's JSON to `value`."""

    def change(raw: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        for part in parents:
            raw = raw[part]
        raw[last] = value

    return change


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ class 1: tracebacks

TRACEBACKS = {
    "deep-array-100k": b"[" * 100_000,
    "deep-object-50k": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "deep-in-a-field-500": spoil(_deep_field),
    "int-5000-digits-as-level": spoil(_set("answers/alpha.one/level", 0)).replace(
        b'"level": 0', b'"level": ' + b"7" * 5000
    ),
    "int-4301-digits-as-schema": text(
        '{"format": "kommune-somemodenhed-answers", "schema_version": ' + "1" * 4301 + "}"
    ),
    "surrogate-escape-in-name": spoil(_set("respondent/name", "Anna \udfff")),
    "surrogate-escape-in-note": spoil(_set("answers/alpha.one/note", "\ud800 note")),
    "surrogate-escape-in-key": spoil(_set("answers/alpha.\udfff", {"level": 1})),
    "surrogate-raw-bytes": spoil(_set("respondent/role", "ROLE")).replace(b"ROLE", b"\xed\xbf\xbf"),
    "nan-literal": spoil(_set("targets/alpha", 0)).replace(b'"alpha": 0', b'"alpha": NaN'),
    "infinity-literal": spoil(_set("targets/alpha", 0)).replace(
        b'"alpha": 0', b'"alpha": Infinity'
    ),
    "float-overflowing-to-inf": spoil(_set("targets/alpha", 0)).replace(
        b'"alpha": 0', b'"alpha": 1e999'
    ),
    "empty-file": b"",
    "binary-garbage": bytes(range(256)) * 4,
    "top-level-array": b"[1, 2, 3]",
    "top-level-null": b"null",
    "nul-byte-in-json": b'{"format":\x00}',
    "utf16-without-bom-garbage": "{}".encode("utf-16-le") + b"\xff",
}


@pytest.mark.parametrize("name", sorted(TRACEBACKS))
def test_inputs_that_crashed_are_refused_in_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nesting, huge integers, surrogates, NaN and garbage end in one AnswersError line, in
    the core and in the CLI, never RecursionError, ValueError or UnicodeEncodeError."""
    _refused(TRACEBACKS[name])
    path = tmp_path / f"{name}.json"
    path.write_bytes(TRACEBACKS[name])
    code, out, err = _cli(capsys, "score", str(path), *TINY)
    assert (code, out, err.count("\n")) == (1, "", 1)
    assert "Traceback" not in err


# ------------------------------------------------------------------ class 2: hangs


def _fifo(tmp_path: Path) -> str:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return str(path)


def _link_to_dev_zero(tmp_path: Path) -> str:
    path = tmp_path / "zero.json"
    path.symlink_to("/dev/zero")
    return str(path)


HANGS: dict[str, Callable[[Path], str]] = {
    "dev-zero": lambda _: "/dev/zero",
    "symlink-to-dev-zero": _link_to_dev_zero,
    "named-pipe-nobody-writes": _fifo,
    "dev-random": lambda _: "/dev/random",
}


@pytest.mark.skipif(sys.platform == "win32", reason="devices and FIFOs are POSIX")
@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(HANGS))
def test_endless_or_blocking_files_are_refused_at_once(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`/dev/zero`, `/dev/random` and a pipe nobody writes to are not read at all: one line."""
    code, out, err = _cli(capsys, "score", HANGS[name](tmp_path), *TINY)
    assert (code, out, err.count("\n")) == (1, "", 1)
    assert "ikke en almindelig fil" in err


@pytest.mark.timeout(60)
def test_pdf_time_does_not_explode_with_a_long_name(tiny_bank: Bank) -> None:
    """A 100,000-character municipality name (past the model's limit) took 40 s and grew with
    its square: the running header measured the whole name on each of its pages."""
    raw = valid_file()
    response = parse_answers(json.dumps(raw))
    long = response.model_copy(
        update={"municipality": Municipality.model_construct(code=751, name="Å" * 100_000)}
    )
    card = score(tiny_bank, long)
    start = dt.datetime.now()
    pdf = build_report(tiny_bank, long, card, plan(tiny_bank, card, long), "da", generated=NOW)
    assert pdf.startswith(b"%PDF")
    assert (dt.datetime.now() - start).total_seconds() < 30


# ------------------------------------------------------------------ class 3: data loss


def _same(path: Path) -> str:
    return str(path)


def _dotted(path: Path) -> str:
    return os.path.join(str(path.parent), ".", path.name)


def _symlink(path: Path) -> str:
    link = path.parent / "link.pdf"
    link.symlink_to(path)
    return str(link)


def _hardlink(path: Path) -> str:
    link = path.parent / "hard.pdf"
    os.link(path, link)
    return str(link)


OVERWRITES: dict[str, Callable[[Path], str]] = {
    "same-path": _same,
    "dotted-path": _dotted,
    "symlink-to-answers": _symlink,
    "hardlink-of-answers": _hardlink,
}


@pytest.mark.parametrize("name", sorted(OVERWRITES))
def test_report_never_overwrites_its_answers_file(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report a.json -o a.json`, however the path is spelt, is refused and the file kept."""
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(valid_file()), encoding="utf-8")
    before = answers.read_bytes()
    code, _, err = _cli(capsys, "report", str(answers), "-o", OVERWRITES[name](answers), *TINY)
    assert code == 1
    assert err.startswith("Rapporten kan ikke gemmes oven i svarfilen")
    assert answers.read_bytes() == before


BANK_FILES_TO_OVERWRITE: dict[str, Callable[[Path], str]] = {
    "manifest": lambda bank: str(bank / "bank.yaml"),
    "dimension-file": lambda bank: str(bank / "alpha.yaml"),
    "sources-file": lambda bank: str(bank / "sources.yaml"),
    "migration-file": lambda bank: str(bank / "migrations" / "from-0.0.yaml"),
    "dotted-path": lambda bank: str(bank / "migrations" / ".." / "actions.yaml"),
    "symlink-to-manifest": lambda bank: (
        (bank.parent / "link.pdf").symlink_to(bank / "bank.yaml") or str(bank.parent / "link.pdf")
    ),
}


@pytest.mark.parametrize("name", sorted(BANK_FILES_TO_OVERWRITE))
def test_report_never_overwrites_a_file_of_its_bank(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`report a.json -o <bank>/bank.yaml --bank <bank>` replaced the bank's manifest with a PDF
    and exited 0: every file the command read is refused as output, in one Danish line."""
    bank = bank_copy(tmp_path)
    before = {p: p.read_bytes() for p in bank.rglob("*") if p.is_file()}
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(valid_file()), encoding="utf-8")
    output = BANK_FILES_TO_OVERWRITE[name](bank)
    code, out, err = _cli(capsys, "report", str(answers), "-o", output, "--bank", str(bank))
    assert (code, out) == (1, "")
    assert err.startswith("Rapporten kan ikke gemmes oven i ")
    assert err.endswith(", som er en fil i spørgsmålsbanken: vælg et andet filnavn med -o.\n")
    one_clean_line(re.sub(r"oven i .+, som", "oven i x, som", err.rstrip("\n")), "da")
    assert {p: p.read_bytes() for p in bank.rglob("*") if p.is_file()} == before
    load_bank(bank)  # still a bank


def test_a_failed_write_leaves_the_old_report_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fills up while the PDF is written leaves the earlier report and no stray
    temporary file: the PDF is written beside it and renamed into place."""
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(valid_file()), encoding="utf-8")
    report = tmp_path / "r.pdf"
    report.write_bytes(b"%PDF old report")

    def full_disk(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "fsync", full_disk)
    code, _, err = _cli(capsys, "report", str(answers), "-o", str(report), *TINY)
    assert code == 1
    assert err.startswith("Filen kan ikke skrives: …")  # a long path keeps its end
    assert err.endswith("/r.pdf (disken er fuld).\n")
    assert report.read_bytes() == b"%PDF old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "r.pdf"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices")
def test_report_onto_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o /dev/null` must not replace the device with a file (as root, a rename could)."""
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(valid_file()), encoding="utf-8")
    code, _, err = _cli(capsys, "report", str(answers), "-o", "/dev/null", *TINY)
    assert code == 1
    assert err == "Filen kan ikke skrives: /dev/null (det er ikke en almindelig fil).\n"
    assert Path("/dev/null").is_char_device()


# ------------------------------------------------------------------ class 4: silent acceptance

ACCEPTED_BEFORE = {
    "level-as-text": (_set("answers/alpha.one/level", "3"), "ugyldigt niveau"),
    "level-true": (_set("answers/alpha.one/level", True), "ugyldigt niveau"),
    "level-3.0": (_set("answers/alpha.one/level", 3.0), "ugyldigt niveau"),
    "code-as-text": (_set("municipality/code", "751"), "forkert type i municipality.code"),
    "code-751.0": (_set("municipality/code", 751.0), "forkert type i municipality.code"),
    "code-true": (_set("municipality/code", True), "forkert type i municipality.code"),
    "schema-version-true": (_set("schema_version", True), "skal være et helt tal"),
    "schema-version-text": (_set("schema_version", "2"), "skal være et helt tal"),
    "schema-version-2.0": (_set("schema_version", 2.0), "skal være et helt tal"),
    "target-as-text": (_set("targets/alpha", "3"), "forkert type i targets.alpha"),
    "target-true": (_set("targets/alpha", True), "forkert type i targets.alpha"),
    "hours-true": (_set("profile/hours_per_week", True), "forkert type"),
    "incident-yes": (_set("profile/recent_incident", "yes"), "true eller false"),
    "dropped-1": (_set("plan_edits/alpha.one.step2/dropped", 1), "true eller false"),
    "created-naive": (_set("created_at", "2026-11-24T09:30:00"), "mangler en tidszone"),
    "created-unix-number": (_set("created_at", 1764000000), "tidszone"),
    "deadline-with-time": (_set("plan_edits/alpha.one.step2/deadline", "2027-01-01T00:00"), "dato"),
    "name-not-the-codes": (_set("municipality/name", "Hackerby"), "men kommunenavnet »Hackerby«"),
    "name-markdown": (
        _set("municipality/name", "![x](https://evil.example/m.png) [Aarhus](https://x)"),
        "Ret koden eller navnet",
    ),
    "name-81": (_set("respondent/name", "N" * 81), "81 tegn, men højst 80"),
    "role-81": (_set("respondent/role", "R" * 81), "højst 80"),
    "municipality-name-101": (_set("municipality/name", "A" * 101), "højst 100"),
    "note-2001": (_set("answers/alpha.one/note", "n" * 2001), "højst 2000"),
    "owner-121": (_set("plan_edits/alpha.one.step2/owner", "o" * 121), "højst 120"),
    "platform-41": (_set("profile/platforms", ["p" * 41]), "højst 40"),
    "platforms-21": (_set("profile/platforms", ["Facebook"] * 21), "højst 20"),
    "key-101": (_set("answers/" + "k" * 101, {"level": 1}), "højst 100"),
    "unknown-field": (_set("evil", 1), "ikke kender: evil"),
    # times the app could not store (year 1 at +14:00 overflowed converting to UTC)
    "created-year-1-at-plus-14": (
        _set("created_at", "0001-01-01T00:00:00+14:00"),
        "Tidspunktet i created_at ligger uden for årene 2000–2100: 0001-01-01T00:00:00+14:00.",
    ),
    "updated-year-9999": (_set("updated_at", "9999-12-31T23:59:59Z"), "i updated_at ligger uden"),
    "created-1999": (_set("created_at", "1999-12-31T23:00:00-01:00"), "uden for årene 2000–2100"),
    "updated-before-created": (
        _set("updated_at", "2026-11-24T09:29:59Z"),
        "Svarfilen er ændret (updated_at), før den blev oprettet (created_at).",
    ),
    # profile lists that said nothing, or one thing twice
    "platform-empty": (_set("profile/platforms", [""]), "Feltet profile.platforms.0 i svarfilen"),
    "platform-nul": (
        _set("profile/platforms", ["Facebook", "\x00"]),
        "profile.platforms.1 i svarfilen er tomt",
    ),
    "platform-spaces": (_set("profile/platforms", [" \u202e "]), "er tomt"),
    "platforms-twice": (
        _set("profile/platforms", ["Facebook", "facebook"]),
        "Svarfilen nævner »facebook« to gange i profile.platforms.",
    ),
    "roles-twice": (_set("profile/roles", ["lead", "lead"]), "»lead« to gange i profile.roles"),
}
DUPLICATES = {
    "duplicate-answer": b'"alpha.one": {"level": 0}, "alpha.one"',
    "duplicate-top-level-key": b'"format": "other", "format"',
}


LONG_NUMBERS = {
    "target-1.5-million-digits": b"3." + b"0" * 1_500_000,
    "target-21-digits": b"3.00000000000000000000",
    "target-21-digits-with-exponent": b"3.00000000000000000e+000",
}


@pytest.mark.parametrize(
    "name", sorted(ACCEPTED_BEFORE) + sorted(DUPLICATES) + sorted(LONG_NUMBERS)
)
def test_bad_data_that_passed_silently_is_refused(name: str) -> None:
    """Lax coercion, duplicate keys, naive times, a name that is not its code's, overlong
    text, times outside 2000–2100, empty or repeated platforms and roles, and a number of more
    than 20 digits were accepted; each is now refused with a line that names the problem."""
    if name in DUPLICATES:
        first, key = DUPLICATES[name].split(b", ")
        data = spoil(lambda _: None).replace(key + b": ", first + b", " + key + b": ", 1)
        expected = "to gange samme sted"
    elif name in LONG_NUMBERS:
        data = spoil(_set("targets/alpha", 0)).replace(
            b'"alpha": 0', b'"alpha": ' + LONG_NUMBERS[name]
        )
        expected = "Svarfilen indeholder et tal, som ikke kan bruges: 3.0"
    else:
        change, expected = ACCEPTED_BEFORE[name]
        data = spoil(change)
    assert expected in _refused(data).message("da")


BANK_VERSIONS = {
    "newer-bank-version": "999.0",
    "unknown-bank-version": "banana",
    "older-version-that-never-was": "0.0.1",
    "older-version-without-a-migration": "0.0.9",
}


@pytest.mark.parametrize("name", sorted(BANK_VERSIONS))
def test_an_answers_file_from_a_bank_version_we_lack_is_refused(name: str, tiny_bank: Bank) -> None:
    """A file made with a newer or unknown bank version may mean other things by its ids."""
    response = parse_answers(spoil(_set("bank_version", BANK_VERSIONS[name])))
    with pytest.raises(AnswersError) as exc:
        check_answers(tiny_bank, response)
    assert "version" in exc.value.message("da")
    one_clean_line(exc.value.message("da"), "da")


@pytest.mark.parametrize("version", ["0.1", "0.0"])
def test_the_banks_version_and_one_it_migrates_from_still_open(
    version: str, tiny_bank: Bank
) -> None:
    """The tiny bank is 0.1 and has a migration from 0.0: both open, as README says."""
    response, _ = migrate_answers(tiny_bank, parse_answers(spoil(_set("bank_version", version))))
    check_answers(tiny_bank, response)


ROLES = {
    "path-like": (["../../etc"], "ikke kender: ../../etc."),
    "role-every-municipality-has": (
        ["lead", "director"],
        "ikke kan vælges til eller fra: director.",
    ),
    "unknown-and-fixed": (["comms", "x"], "ikke kender: x."),
    "markdown": (["[Log ind](https://x)"], "ikke kender: [Log ind](https://x)."),
}


@pytest.mark.parametrize("name", sorted(ROLES))
def test_profile_roles_the_bank_does_not_offer_are_refused(
    name: str, tiny_bank: Bank, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`profile.roles` of `["../../etc"]` or a role every municipality has ("director") passed
    the parser, `score` and the upload, and then broke the app's about page on every visit:
    `check_answers` now refuses it, naming the role, in the CLI as in the app."""
    roles, expected = ROLES[name]
    data = spoil(_set("profile/roles", roles))
    with pytest.raises(AnswersError) as exc:
        check_answers(tiny_bank, parse_answers(data))
    assert exc.value.message("da").endswith(expected)
    one_clean_line(exc.value.message("da"), "da")
    path = tmp_path / "a.json"
    path.write_bytes(data)
    code, out, err = _cli(capsys, "score", str(path), *TINY)
    assert (code, out) == (1, "")
    assert err == exc.value.message("da") + "\n"
    assert "roles" in exc.value.message("en") and expected.split(": ")[-1] in exc.value.message(
        "en"
    )


def test_roles_the_bank_offers_still_open(tiny_bank: Bank) -> None:
    """The roles a municipality may lack (those with a stand-in), none, or not stated: all open."""
    for roles in (["lead"], [], None):
        check_answers(tiny_bank, parse_answers(spoil(_set("profile/roles", roles))))


def _outside_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "secret.yaml"
    secret.write_text("SECRET-LINE-1: x\nSECRET-LINE-2: y\n", encoding="utf-8")
    return secret


def _list_file(bank: Path, listed: str) -> None:
    replace_in(bank / "bank.yaml", "- alpha.yaml", f"- {json.dumps(listed)}")


BANKS: dict[str, Callable[[Path, Path], object]] = {
    "weight-inf": lambda b, _: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: .inf"),
    "weight-nan": lambda b, _: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: .nan"),
    "weight-1e308": lambda b, _: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: 1e308"),
    "weight-true": lambda b, _: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: true"),
    "order-true": lambda b, _: replace_in(b / "alpha.yaml", "order: 1", "order: true"),
    "impact-true": lambda b, _: replace_in(b / "actions.yaml", "impact: 1", "impact: true"),
    "version-float": lambda b, _: replace_in(b / "bank.yaml", "version: '0.1'", "version: 1.10"),
    "version-int": lambda b, _: replace_in(b / "bank.yaml", "version: '0.1'", "version: 1"),
    "absolute-path": lambda b, t: _list_file(b, str(_outside_secret(t))),
    "dot-dot-path": lambda b, t: _list_file(b, f"../{_outside_secret(t).name}"),
    "symlink-out": lambda b, t: (
        (b / "link.yaml").symlink_to(_outside_secret(t)) or _list_file(b, "link.yaml")
    ),
    "symlink-to-dev-zero": lambda b, _: (
        (b / "zero.yaml").symlink_to("/dev/zero") or _list_file(b, "zero.yaml")
    ),
    "fifo-in-bank": lambda b, _: os.mkfifo(b / "pipe.yaml") or _list_file(b, "pipe.yaml"),
    "surrogate-escape": lambda b, _: replace_in(
        b / "alpha.yaml", "da: Spørgsmål alpha.one", 'da: "Spørgsmål \\udfff"'
    ),
    # tracebacks from YAML's own constructors
    "date-that-does-not-exist": lambda b, _: replace_in(
        b / "bank.yaml", "legal_status: '2026-11-24'", "legal_status: 2026-13-45"
    ),
    "date-year-0": lambda b, _: replace_in(
        b / "bank.yaml", "legal_status: '2026-11-24'", "legal_status: 0000-01-01"
    ),
    "timestamp-tag-on-text": lambda b, _: replace_in(
        b / "bank.yaml", "legal_status: '2026-11-24'", "legal_status: !!timestamp snart"
    ),
    "bool-tag-on-text": lambda b, _: replace_in(
        b / "alpha.yaml", "critical: true", "critical: !!bool måske"
    ),
    "int-5000-digits": lambda b, _: replace_in(
        b / "alpha.yaml", "order: 1", "order: " + "7" * 5000
    ),
    # numbers YAML 1.1 reads other than they look, or far too long
    "order-sexagesimal-1:30": lambda b, _: replace_in(b / "alpha.yaml", "order: 1", "order: 1:30"),
    "order-octal-017": lambda b, _: replace_in(b / "alpha.yaml", "order: 1", "order: 017"),
    "weight-hex": lambda b, _: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: 0x1"),
    "weight-underscores": lambda b, _: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: 1_0.0"),
    "weight-5000-digits": lambda b, _: replace_in(
        b / "alpha.yaml", "weight: 1.0", "weight: 1." + "0" * 5000
    ),
    # the manifest itself may not lead out of the folder
    "manifest-symlink-out": lambda b, t: (
        (b / "bank.yaml").unlink() or (b / "bank.yaml").symlink_to(_outside_secret(t))
    ),
}


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs")
@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(BANKS))
def test_banks_that_passed_or_leaked_are_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Non-finite, boolean or huge numbers, a float version and files outside the folder are
    problems `check-bank` lists (never echoing an outside file), and `score` stops on them."""
    bank = bank_copy(tmp_path)
    BANKS[name](bank, tmp_path)
    with pytest.raises(BankError):
        load_bank(bank)
    code, out, err = _cli(capsys, "check-bank", str(bank))
    assert (code, out) == (1, "")
    assert "SECRET-LINE" not in err
    answers = tmp_path / "a.json"
    answers.write_bytes(spoil(lambda _: None))
    code, out, err = _cli(capsys, "score", str(answers), "--bank", str(bank))
    assert (code, out, err.count("\n")) == (1, "", 1)
    assert err.startswith("Spørgsmålsbanken har") and "SECRET-LINE" not in err


def test_check_bank_refuses_a_file_that_is_not_a_manifest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`check-bank /some/file.yaml` does not parse and echo a file that is not `bank.yaml`."""
    code, _, err = _cli(capsys, "check-bank", str(_outside_secret(tmp_path)))
    assert code == 1
    assert "SECRET-LINE" not in err and "en spørgsmålsbank er en mappe med filen bank.yaml" in err


# ------------------------------------------------------------------ class 5: exports

HOSTILE_TEXT = {
    "form-feed": "Side 1 af referatet\fSide 2 af referatet",
    "nul-and-escape": "Anna\x00\x1b[31m B",
    "xml-non-character": "før\uffffefter",
    "lone-surrogate": "halv \udfff",
    "formula": '=HYPERLINK("http://evil.example","Klik")',
    "formula-after-space": "  =1+1",
    "formula-full-width": "＝1+1",
    "formula-plus-minus-at": "@SUM(1)",
    "dde": "=cmd|' /C calc'!A0",
    "tab-start": "\t=1",
    "cr-start": "\r=1",
    "lf-start": "\n=1",
}


def _no_formula(cells: list[object]) -> None:
    starts = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
    for cell in cells:
        if isinstance(cell, str):
            assert not cell.lstrip(" ").startswith(starts), cell


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXT))
def test_excel_and_csv_exports_open_whatever_was_typed(name: str) -> None:
    """A workbook with the text in a cell, an aware time and a tz-typed column opens in
    openpyxl and pandas; no cell is a formula; the CSV reads back without a formula start."""
    value = HOSTILE_TEXT[name]
    aware = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    frame = pd.DataFrame(
        {
            "name": pd.Series([value, "ok"], dtype=object),  # pandas' own strings refuse "\udfff"
            "updated_at": [aware, aware],
            "stamp": pd.to_datetime(["2026-11-24T09:30:00+01:00"] * 2),
            "level": [1, None],
        }
    )
    data = to_excel({"Svar": frame})
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for row in book["Svar"].iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert book["Svar"]["B2"].value == dt.datetime(2026, 11, 24, 8, 30)  # UTC, no zone
    read = pd.read_excel(io.BytesIO(data), sheet_name="Svar")
    assert len(read) == 2
    _no_formula(list(read["name"]))
    csv = to_csv(frame)
    back = pd.read_csv(io.BytesIO(csv), sep=";", encoding="utf-8-sig", dtype=str)
    _no_formula(list(back["name"]))


def test_answers_and_plan_exports_with_hostile_notes_open(tiny_bank: Bank) -> None:
    """The single-user Excel export failed silently on a form feed in a note (corpus 054/055)."""
    raw = valid_file()
    raw["answers"]["alpha.two"] = {"level": 1, "note": "a\fb\x00c =1"}
    response = parse_answers(json.dumps(raw)).model_copy(
        update={"answers": {"alpha.one": Answer.model_construct(level=1, note="=1\f\x00")}}
    )
    card = score(tiny_bank, response)
    tables = {
        "Svar": answers_table(tiny_bank, response, "da"),
        "Plan": plan_table(tiny_bank, plan(tiny_bank, card, response), response, "da"),
    }
    book = openpyxl.load_workbook(io.BytesIO(to_excel(tables)))
    assert book.sheetnames == ["Svar", "Plan"]
    assert not [c for row in book["Svar"].iter_rows() for c in row if c.data_type == "f"]
    assert len(pd.read_excel(io.BytesIO(to_excel(tables)), sheet_name=None)["Svar"]) == 5


def test_the_workshops_excel_export_opens(tmp_path: Path, tiny_bank: Bank) -> None:
    """Finding 1: "Alle svar (Excel)" always failed on the timezone-aware `updated_at`."""
    from assessment.records import ParticipantLink, set_choice, set_note
    from assessment.store import make_engine
    from assessment.workshop.export import workshop_rows
    from assessment.workshop.rooms import create_workshop, join_workshop

    engine = make_engine(None, data_dir=tmp_path / "db")
    key = create_workshop(
        engine,
        title="=Workshop",
        municipality=Municipality(code=461, name="Odense"),
        date=dt.date(2026, 11, 24),
        language="da",
        bank=tiny_bank,
    )
    person = ParticipantLink(join_workshop(engine, key.join_code, '=HYPERLINK("x")'))
    set_choice(engine, person, tiny_bank, "alpha.one", 2, base=None)
    set_note(engine, person, tiny_bank, "alpha.one", "Side 1\fSide 2", base=None)
    data = to_excel({"Svar": pd.DataFrame(workshop_rows(engine, tiny_bank, key))})
    read = pd.read_excel(io.BytesIO(data))
    assert list(read["name"]) == ['\'=HYPERLINK("x")']
    assert isinstance(read["updated_at"][0], pd.Timestamp)
    engine.dispose()


# ------------------------------------------------------------------ class 6: messages

MESSAGES: dict[str, tuple[bytes, str]] = {
    "schema-version-1mb-echo": (
        spoil(_set("schema_version", "A" * 1_000_000)),
        'Svarfilens skemaversion skal være et helt tal (1 eller 2), ikke "AAAA',
    ),
    "schema-version-markdown": (
        spoil(_set("schema_version", "![x](https://evil.example/s.png)")),
        'ikke "![x](https://evil.example/s.png)".',
    ),
    "schema-version-3": (
        spoil(_set("schema_version", 3)),
        "Svarfilen har skemaversion 3, men dette værktøj læser version 1 og 2.",
    ),
    "language-fr": (
        spoil(_set("language", "fr")),
        "Svarfilen har en ugyldig værdi i language: brug da eller en.",
    ),
    "status-bad": (
        spoil(_set("plan_edits/alpha.one.step2/status", "bad")),
        "brug todo, doing eller done.",
    ),
    "level-nan-as-target-range": (
        spoil(_set("targets/alpha", 4.5)),
        "Svarfilen har et tal uden for det tilladte i targets.alpha: det skal være højst 4.",
    ),
    "answers-as-list": (
        spoil(_set("answers", [])),
        "Svarfilen har en værdi af forkert type i answers: der skal stå et objekt i { }.",
    ),
    "missing-bank-id": (
        spoil(lambda raw: raw.pop("bank_id")),
        "Svarfilen mangler feltet bank_id.",
    ),
    "extra-field-1mb-key": (spoil(_set("x" * 1_000_000, 1)), "ikke kender: xxxxx"),
    "too-large": (b" " * 2_000_001, "(2001 kB; en svarfil fylder højst 2000 kB)."),
}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_messages_are_one_short_line_without_english(name: str) -> None:
    """No pydantic English in Danish ("Input should be …"), no 1 MB echo (it froze the browser
    for 105 s), no "version 1, men … version 1"; the English line is as clean."""
    data, expected = MESSAGES[name]
    error = _refused(data)
    assert expected in error.message("da")
    assert len(error.message("da")) <= 200


BANK_MESSAGES: dict[str, tuple[Callable[[Path], object], str, str]] = {
    "weight-negative": (
        lambda b: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: -1"),
        "alpha.yaml: weight: tallet skal være over 0",
        "alpha.yaml: weight: the number must be more than 0",
    ),
    "weight-as-text": (
        lambda b: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: tung"),
        "alpha.yaml: weight: der skal stå et tal",
        "alpha.yaml: weight: it must be a number",
    ),
    "unknown-field": (
        lambda b: replace_in(b / "alpha.yaml", "order: 1", "order: 1\nvægt: 2"),
        "alpha.yaml: vægt: et felt, som spørgsmålsbanken ikke kender",
        "alpha.yaml: vægt: a field the question bank does not know",
    ),
    "missing-field": (
        lambda b: replace_in(b / "alpha.yaml", "order: 1\n", ""),
        "alpha.yaml: order: feltet mangler",
        "alpha.yaml: order: the field is missing",
    ),
    "four-levels": (
        lambda b: replace_in(
            b / "alpha.yaml", "  - da: alpha.one niveau 4\n    en: alpha.one level 4\n", ""
        ),
        "alpha.yaml: questions[0].levels: for få elementer: mindst 5",
        "alpha.yaml: questions[0].levels: too few items: at least 5",
    ),
    "weight-infinite": (
        lambda b: replace_in(b / "alpha.yaml", "weight: 1.0", "weight: .inf"),
        "weight: der skal stå et almindeligt tal, ikke .inf eller .nan",
        "weight: it must be a finite number",
    ),
    "unknown-owner": (
        lambda b: replace_in(b / "actions.yaml", "owner: comms", "owner: nobody"),
        "actions.yaml: actions[0].owner: ukendt rolle »nobody«",
        "actions.yaml: actions[0].owner: unknown role 'nobody'",
    ),
    "yaml-colon": (
        lambda b: replace_in(b / "alpha.yaml", "order: 1", "order: 1: 2"),
        "alpha.yaml: linje 2: ugyldig YAML: et kolon står, hvor det ikke må",
        "alpha.yaml: line 2: invalid YAML: mapping values are not allowed",
    ),
    "yaml-control-character": (
        lambda b: replace_in(b / "alpha.yaml", "order: 1", "order: 1\x07"),
        "alpha.yaml: ugyldig YAML: filen rummer et styretegn (#x0007)",
        "alpha.yaml: invalid YAML: the file holds a control character (#x0007)",
    ),
    "yaml-sexagesimal": (
        lambda b: replace_in(b / "alpha.yaml", "order: 1", "order: 1:30"),
        "alpha.yaml: linje 2: YAML læser »1:30« som et andet tal, end det ligner",
        "alpha.yaml: line 2: YAML reads “1:30” as another number than it looks",
    ),
    "not-utf8": (
        lambda b: (b / "alpha.yaml").write_bytes(b"id: \xff\n"),
        "alpha.yaml: filen kan ikke læses: den er ikke gemt som UTF-8-tekst (byte 4)",
        "alpha.yaml: cannot read file: not UTF-8 text (byte 4)",
    ),
    "listed-file-missing": (
        lambda b: (b / "alpha.yaml").unlink(),
        "alpha.yaml: filen findes ikke",
        "alpha.yaml: file not found",
    ),
}


@pytest.mark.parametrize("name", sorted(BANK_MESSAGES))
def test_bank_problems_are_said_in_the_users_language(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`score --bank` said "Spørgsmålsbanken har 2 fejl, den første: …: Input should be greater
    than 0." and every `check-bank` line was pydantic's or YAML's English: each problem is now
    said in Danish (or English with --lang en), through the answers file's own mechanism."""
    change, danish, english = BANK_MESSAGES[name]
    bank = bank_copy(tmp_path)
    change(bank)
    answers = tmp_path / "a.json"
    answers.write_bytes(spoil(lambda _: None))
    for lang, expected in (("da", danish), ("en", english)):
        code, out, err = _cli(capsys, "check-bank", str(bank), "--lang", lang)
        assert (code, out) == (1, "")
        lines = err.replace(str(tmp_path), "").splitlines()
        assert expected in lines[0], lines
        for line in lines:
            one_clean_line(line, lang)
        code, out, err = _cli(capsys, "score", str(answers), "--bank", str(bank), "--lang", lang)
        assert (code, out, err.count("\n")) == (1, "", 1)
        assert expected in err
        one_clean_line(err.replace(str(tmp_path), "").rstrip("\n"), lang)


CLI_MESSAGES: dict[str, tuple[list[str], str]] = {
    "no-arguments": ([], "Fejl i kommandoen: der mangler kommandoen."),
    "unknown-command": (["hack"], "kommandoen kan ikke være 'hack'; vælg questions"),
    "bad-language": (["score", "a.json", "--lang", "fr"], "--lang kan ikke være 'fr'; vælg da"),
    "missing-output": (["report", "a.json"], "der mangler -o/--output."),
    "extra-arguments": (["score", "a", "b"], "ukendte argumenter: b."),
    "option-without-value": (["score", "a", "--bank"], "--bank skal efterfølges af en værdi."),
    "missing-file": (["score", "nope.json"], "Filen findes ikke: nope.json"),
    "huge-path": (["score", "x" * 100_000], "xxx (navnet er for langt)."),
    "newline-in-path": (["score", "a\nb.json"], "Filen findes ikke: a\\nb.json"),
    "broken-utf8-path": (["score", "a\udcff.json"], "Filen findes ikke: a\ufffd.json"),
    "folder-as-answers": (["score", "."], "Filen kan ikke læses: . (det er en mappe)."),
}


@pytest.mark.parametrize("name", sorted(CLI_MESSAGES))
def test_cli_errors_are_one_danish_line(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """argparse's English and OS errors ("Is a directory") are said in Danish, paths clipped
    and escaped so a newline or a broken byte cannot make a second line."""
    args, expected = CLI_MESSAGES[name]
    code, out, err = _cli(capsys, *args)
    assert code in (1, 2) and out == ""
    assert expected in err
    one_clean_line(err.rstrip("\n"), "da")


def test_cli_maps_memory_error_and_interrupt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An absurd input that exhausts memory gets one line; Ctrl-C ends with 130 and no text."""
    answers = tmp_path / "a.json"
    answers.write_bytes(spoil(lambda _: None))

    def no_memory(*_: object) -> Response:
        raise MemoryError

    monkeypatch.setattr(cli, "load_answers", no_memory)
    assert _cli(capsys, "score", str(answers), *TINY) == (
        1,
        "",
        "Der er ikke hukommelse nok til opgaven. Prøv med en mindre fil.\n",
    )

    def interrupted(*_: object) -> Response:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_answers", interrupted)
    assert _cli(capsys, "score", str(answers), *TINY) == (130, "", "")
