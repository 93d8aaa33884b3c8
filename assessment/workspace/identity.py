"""Who is signed in. A user is their e-mail address as the sign-in provider vouches for it:
sharing works by address, so the address is the identity, written one way (lower case).

The operator's log never holds an address: `User.tag` is a short pseudonym (a hash prefix), the
same in every record, so one person's sign-ins, shares and deletions can be followed without
the log becoming a list of people.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..limits import MAX_EMAIL
from ..records import RecordError, TooLong

_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f.]+$")
"""One `@`, a dot in the domain, no white space or control characters: enough to catch a typo;
the provider, not this pattern, says whether an address is real."""


class BadEmail(RecordError):
    """Text that is not an e-mail address (a name, a typo, two addresses)."""

    key = "error.workspace.bad_email"


def parse_email(text: str) -> str:
    """An address as stored and compared: trimmed and lower case; BadEmail or TooLong if not one."""
    address = text.strip().lower()
    if len(address) > MAX_EMAIL:
        raise TooLong(MAX_EMAIL)
    if not _EMAIL.fullmatch(address):
        raise BadEmail
    return address


@dataclass(frozen=True)
class User:
    """A signed-in person; `email` is already parsed (`parse_email`)."""

    email: str

    @property
    def tag(self) -> str:
        """What the log calls this user: `u:` and 10 hex digits of the address's SHA-256."""
        return tag(self.email)


def tag(email: str) -> str:
    return "u:" + hashlib.sha256(email.encode()).hexdigest()[:10]


def user_from_claims(claims: Mapping[str, object]) -> User | None:
    """The user an OpenID Connect sign-in names, or None: no `email` claim, an address the
    provider says it has not verified (`email_verified: false`), or one that is not an address."""
    email = claims.get("email")
    if not isinstance(email, str) or claims.get("email_verified") is False:
        return None
    try:
        return User(parse_email(email))
    except RecordError:
        return None
