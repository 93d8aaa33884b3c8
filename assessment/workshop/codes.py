"""Join codes: short, read aloud from a projector, typed on a phone without mistakes."""

from __future__ import annotations

import re
import secrets

from ..records import RecordError

JOIN_ALPHABET = "34679ACDEFHJKMNPRTWXY"
"""Join-code characters nobody mistakes for another when reading a projector or typing on a
phone: 0/O/Q, 1/I/L, 2/Z, 5/S, 8/B, G (6) and U/V are left out. 21⁶ ≈ 86 million codes."""
JOIN_CODE_LENGTH = 6


class WorkshopNotFound(RecordError):
    """No open workshop has the join code that was typed (a closed one gets the same reply)."""

    key = "error.workshop.not_found"


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(typed: str) -> str:
    """`k7r-mxp`, ` K7R MXP ` and `K7RMXP` are one code; raise WorkshopNotFound if it can't be."""
    code = re.sub(r"[\s\-_.]", "", typed[:40]).upper()
    if len(code) != JOIN_CODE_LENGTH or any(c not in JOIN_ALPHABET for c in code):
        raise WorkshopNotFound
    return code


def format_join_code(code: str) -> str:
    """The code as shown and read aloud: two groups of three (`K7R MXP`)."""
    return f"{code[:3]} {code[3:]}"
