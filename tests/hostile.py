"""Shared pieces of the hostile-input tests: a valid answers file to spoil, a copy of the tiny
bank to break, and the check that a message is one clean line in its language."""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assessment.answers import dump_answers, new_response
from assessment.bank import load_bank
from assessment.limits import ECHO
from assessment.models import Answer, Municipality, PlanEdit, Respondent
from tests.conftest import NOW, TINY_BANK_DIR

ENGLISH = re.compile(
    r"\b(should|input|inputs|required|permitted|valid|invalid|error|expected|cannot|the|must|"
    r"value|not|is|and|or|of|file|string|number|integer|characters)\b",
    re.IGNORECASE,
)
"""English words that give a pydantic or OS fragment away inside a Danish message."""
MESSAGE_LIMIT = 240
"""A refusal is one sentence or two; with an echoed value cut to `ECHO` it stays under this."""


def valid_file() -> dict[str, Any]:
    """A complete, valid answers file for the tiny bank, as parsed JSON."""
    bank = load_bank(TINY_BANK_DIR)
    response = new_response(
        bank,
        Municipality(code=751, name="Aarhus"),
        now=NOW,
        respondent=Respondent(name="Mette Hansen", role="Kommunikationschef"),
    ).model_copy(
        update={
            "answers": {
                "alpha.one": Answer(level=2, note="Politik fra 2021"),
                "beta.one": Answer(level="dont_know"),
            },
            "targets": {"alpha": 3.0},
            "plan_edits": {"alpha.one.step2": PlanEdit(owner="Mette", status="doing")},
        }
    )
    return json.loads(dump_answers(response))


def spoil(change: Callable[[dict[str, Any]], object]) -> bytes:
    """A valid file with one change made to its parsed JSON, as bytes."""
    raw = copy.deepcopy(valid_file())
    change(raw)
    return json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")


def text(raw: str) -> bytes:
    return raw.encode("utf-8", "surrogatepass")


def one_clean_line(message: str, lang: str) -> None:
    """One line, short, and in Danish without English fragments."""
    assert message.strip() and "\n" not in message and "\r" not in message, message
    assert len(message) <= MESSAGE_LIMIT, (len(message), message)
    assert "Traceback" not in message
    if lang == "da":
        assert not ENGLISH.search(message), message


def bank_copy(tmp_path: Path) -> Path:
    """A writable copy of the tiny bank."""
    return Path(shutil.copytree(TINY_BANK_DIR, tmp_path / "bank"))


def replace_in(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, old
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


__all__ = ["ECHO", "bank_copy", "one_clean_line", "replace_in", "spoil", "text", "valid_file"]
