"""About the municipality: who answers, and a short profile that sizes the plan.

Population and municipality group come from the data; the comms hours, the platforms and a
recent incident are asked here and stored with the assessment.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.i18n import municipality_facts, t
from assessment.limits import MAX_RESPONDENT
from assessment.models import Profile
from assessment.municipalities import municipality
from assessment.records import set_profile, set_respondent

from . import sidebar, solo
from .binding import View
from .context import bank, engine, lang, tr
from .text import plain

PLATFORMS = (
    "Facebook", "Instagram", "LinkedIn", "YouTube", "TikTok", "X", "Threads", "Bluesky",
    "Snapchat",
)  # fmt: skip
INCIDENT = (True, False)


def render() -> None:
    opened = solo.open_view()
    if opened is None:
        return
    view = opened.view
    response = view.record.response
    st.header(tr("ui.step.about"))
    info = municipality(response.municipality.code)
    st.markdown(f"**{plain(info.name)}**")
    st.caption(municipality_facts(info, lang()))
    if opened.by_private_link:  # on a phone the sidebar, which also has it, is folded away
        with st.container(border=True):
            sidebar.private_link(opened)
    _respondent(view, opened.read_only)
    st.subheader(tr("ui.about.profile"))
    st.caption(tr("ui.about.profile_why"))
    _profile(view, opened.read_only)
    solo.next_button("ui.about.to_questions", "questions", opened)
    view.finish()


def _respondent(view: View, disabled: bool) -> None:
    who = view.record.response.respondent
    rev = view.record.revs.details
    door, b = view.door, bank()

    def save(field: str) -> Any:
        return lambda value, base: set_respondent(
            engine(), door, b, who.model_copy(update={field: (value or "").strip()}), base=base
        )

    left, right = st.columns(2)
    for column, field, label in ((left, "name", "ui.start.name"), (right, "role", "ui.start.role")):
        stored = getattr(who, field)
        with column:
            view.bind(
                f"about.{field}",
                stored,
                rev,
                lambda stored=stored, label=label, **kw: st.text_input(
                    tr(label), value=stored, max_chars=MAX_RESPONDENT, disabled=disabled, **kw
                ),
                save(field),
                what=f"respondent {field}",
            )


def _profile(view: View, disabled: bool) -> None:
    profile = view.record.response.profile
    rev = view.record.revs.profile
    language = lang()  # fixed for the run: a label must read back in the language it showed
    door, b = view.door, bank()

    def save(field: str) -> Any:
        def write(value: Any, base: int | None) -> int:
            changed = Profile.model_validate({**profile.model_dump(), field: value})
            return set_profile(engine(), door, b, changed, base=base)

        return write

    view.bind(
        "about.hours",
        profile.hours_per_week,
        rev,
        lambda **kw: st.number_input(
            tr("ui.about.hours"),
            min_value=0.0,
            max_value=400.0,
            step=0.5,
            value=profile.hours_per_week,
            help=tr("ui.about.hours_help"),
            disabled=disabled,
            **kw,
        ),
        save("hours_per_week"),
        what="profile hours",
    )
    view.bind(
        "about.platforms",
        list(profile.platforms),
        rev,
        lambda **kw: st.multiselect(
            tr("ui.about.platforms"),
            options=sorted({*PLATFORMS, *profile.platforms}),
            default=list(profile.platforms),
            placeholder=tr("ui.about.platforms_placeholder"),
            disabled=disabled,
            **kw,
        ),
        save("platforms"),
        what="profile platforms",
    )
    optional = b.optional_roles()
    names = {r.id: r.name(language) for r in optional}
    # Only roles the widget offers: a record imported before files were checked against the
    # bank may hold another ("director", "../x"), and Streamlit refuses such a default.
    has = (
        [r.id for r in optional]
        if profile.roles is None
        else [r for r in profile.roles if r in names]
    )
    view.bind(
        "about.roles",
        has,
        rev,
        lambda **kw: st.multiselect(
            tr("ui.about.roles"),
            options=[r.id for r in optional],
            default=has,
            format_func=names.__getitem__,
            help=tr("ui.about.roles_help"),
            disabled=disabled,
            **kw,
        ),
        save("roles"),
        what="profile roles",
        valid=lambda value: all(v in names for v in value),
    )
    view.bind(
        "about.incident",
        profile.recent_incident,
        rev,
        lambda **kw: st.radio(
            tr("ui.about.incident"),
            options=INCIDENT,
            index=None
            if profile.recent_incident is None
            else INCIDENT.index(profile.recent_incident),
            format_func=lambda v: t("ui.yes" if v else "ui.no", language),
            horizontal=True,
            help=tr("ui.about.incident_help"),
            disabled=disabled,
            **kw,
        ),
        save("recent_incident"),
        what="profile incident",
        valid=lambda value: value is None or value in INCIDENT,
    )
