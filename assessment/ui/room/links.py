"""The room's addresses: the join link and QR code for phones in the room, the presenter link,
the facilitator's link, and the cookie that lets a device rejoin as the same participant.

Phones in the room cannot reach `localhost`: when the app runs on a consultant's laptop, set
`SOMEMODENHED_PUBLIC_URL` to the address the room can reach (e.g. `http://192.168.1.20:8501/`),
and the join link and QR code use it.
"""

from __future__ import annotations

import io
import os
from urllib.parse import urlencode, urlsplit

import qrcode
import streamlit as st

from assessment.models import Lang
from assessment.records import FacilitatorKey
from assessment.workshop.access import presenter_token

from ..context import base_url

PUBLIC_URL = "SOMEMODENHED_PUBLIC_URL"
COOKIE_PREFIX = "somemodenhed_p_"
"""One cookie per workshop (`somemodenhed_p_<CODE>`): the participant's own link token."""
COOKIE_DAYS = 30
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}

COOKIE_SCRIPT = """<script>
(function () {
  var secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = "%s=%s; Path=/; Max-Age=%d; SameSite=Strict" + secure;
})();
</script>"""
"""Sets the rejoin cookie; it holds only a code and a token (letters, digits, - and _)."""


def public_root() -> str:
    """The address phones in the room use: SOMEMODENHED_PUBLIC_URL, else the browser's."""
    configured = os.environ.get(PUBLIC_URL, "").strip()
    if configured:
        return configured if configured.endswith("/") else configured + "/"
    return base_url()


def reachable_from_the_room() -> bool:
    """False when the join link points at the facilitator's own computer."""
    return urlsplit(public_root()).hostname not in LOCAL_HOSTS


def join_url(code: str, language: Lang) -> str:
    query = {"code": code} | ({"lang": language} if language != "da" else {})
    return f"{public_root()}join?{urlencode(query)}"


def join_address(language: Lang) -> str:
    """The join page's address as the shared screen shows it to be typed: without the code
    (shown beside it in large type), with the language where the workshop is not Danish."""
    query = f"?{urlencode({'lang': language})}" if language != "da" else ""
    return f"{public_root()}join{query}"


def presenter_url(key: FacilitatorKey, language: Lang) -> str:
    query = {"s": presenter_token(key)} | ({"lang": language} if language != "da" else {})
    return f"{base_url()}screen?{urlencode(query)}"


def facilitator_url(key: FacilitatorKey) -> str:
    return f"{base_url()}facilitator?{urlencode({'ws': key.join_code, 'key': key.token})}"


def participant_url(token: str, language: Lang) -> str:
    return f"{base_url()}p?{urlencode({'t': token, 'lang': language})}"


@st.cache_data(max_entries=256, show_spinner=False)
def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(text, box_size=10, border=2).save(buffer, format="PNG")
    return buffer.getvalue()


def cookie_name(code: str) -> str:
    return COOKIE_PREFIX + code


def remember_device(code: str, token: str) -> None:
    """Let this device rejoin as the same participant (a cookie with their own link's token)."""
    if code.isalnum() and all(c.isalnum() or c in "-_" for c in token):
        script = COOKIE_SCRIPT % (cookie_name(code), token, COOKIE_DAYS * 86_400)
        with st.container(key="sm-cookie"):
            st.html(script, unsafe_allow_javascript=True)


def remembered(code: str) -> str | None:
    """The token this device's cookie holds for the workshop, if any."""
    value = st.context.cookies.get(cookie_name(code))
    return value if isinstance(value, str) and value else None
