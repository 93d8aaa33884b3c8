"""The consultant's export across clients: one row per assessment of every client, with its
levels, for a spreadsheet. Written through `tables`, which neutralises every text cell."""

from __future__ import annotations

import pandas as pd

from ..i18n import t
from ..models import Bank, Lang
from ..municipalities import municipality
from ..scoring import score
from .clients import Workspace
from .rounds import as_current


def clients_table(bank: Bank, space: Workspace, lang: Lang) -> pd.DataFrame:
    """Every assessment of the user's own clients, oldest first per client: who, when, which
    round, how far answered, the overall level and each area's level."""
    rows = []
    for client in space.clients:
        info = municipality(client.municipality.code)
        for listed in client.assessments:
            record = listed.record
            response = as_current(bank, record.response)
            card = score(bank, response)
            levels = {bank.dimension(d.dimension_id).name(lang): d.level for d in card.dimensions}
            answered = sum(a.chosen for a in response.answers.values())
            rows.append(
                {
                    t("wsp.col.municipality", lang): client.municipality.name,
                    t("wsp.col.code", lang): client.municipality.code,
                    t("wsp.col.region", lang): info.region,
                    t("wsp.col.group", lang): info.group_name(lang),
                    t("wsp.col.round", lang): listed.round_number,
                    t("wsp.col.kind", lang): t(f"wsp.kind.{record.kind}", lang),
                    t("wsp.col.started", lang): record.response.created_at.date().isoformat(),
                    t("wsp.col.changed", lang): record.response.updated_at.date().isoformat(),
                    t("wsp.col.respondent", lang): record.response.respondent.name,
                    t("wsp.col.answered", lang): answered,
                    t("wsp.col.unconfirmed", lang): len(record.round.carried),
                    t("wsp.col.overall", lang): card.overall,
                    **levels,
                    t("wsp.col.peers", lang): t(
                        "ui.yes" if record.round.share_peers else "ui.no", lang
                    ),
                }
            )
    return pd.DataFrame(rows)
