"""Strings of the workshop pages and errors (merged into `i18n.STRINGS`)."""

from __future__ import annotations

WORKSHOP_STRINGS: dict[str, dict[str, str]] = {
    "error.workshop.not_found": {
        "da": "Der er ingen workshop med den kode. Tjek koden og prøv igen.",
        "en": "There is no workshop with that code. Check the code and try again.",
    },
    "error.workshop.closed": {
        "da": "Workshoppen er lukket: der kan ikke længere tilmeldes eller svares.",
        "en": "The workshop is closed: joining and answering are no longer possible.",
    },
    "error.workshop.wrong_bank": {
        "da": "Workshoppen er oprettet med en anden spørgsmålsbank.",
        "en": "The workshop was created with a different question bank.",
    },
    "error.workshop.invalid": {
        "da": "Feltet er for langt eller indeholder ugyldige tegn.",
        "en": "The field is too long or contains characters that are not allowed.",
    },
    # start page entry points
    "ws.start.title": {"da": "Workshop", "en": "Workshop"},
    "ws.start.text": {
        "da": "Kører I testen sammen, svarer hver deltager på sin egen telefon eller computer, "
        "og facilitatoren viser spredningen på skærmen, før I bliver enige.",
        "en": "When you take the assessment together, each participant answers on their own "
        "phone or laptop, and the facilitator shows the spread on screen before you agree.",
    },
    "ws.start.join": {"da": "Deltag i en workshop", "en": "Join a workshop"},
    "ws.start.create": {"da": "Opret en workshop", "en": "Create a workshop"},
    # join
    "ws.join.title": {"da": "Deltag i en workshop", "en": "Join a workshop"},
    "ws.join.code": {"da": "Workshopkode", "en": "Workshop code"},
    "ws.join.name": {
        "da": "Dit fornavn (valgfrit – du kan også være anonym)",
        "en": "Your first name (optional – you can stay anonymous)",
    },
    "ws.join.submit": {"da": "Deltag", "en": "Join"},
    "ws.join.back": {"da": "Tilbage til start", "en": "Back to start"},
    # participant
    "ws.p.title": {"da": "Dine svar", "en": "Your answers"},
    "ws.p.welcome": {
        "da": "Du deltager i »{title}« for {municipality}. Dine svar gemmes, så snart du vælger.",
        "en": "You are taking part in “{title}” for {municipality}. Your answers are saved as "
        "soon as you choose.",
    },
    "ws.p.privacy": {
        "da": "Hvem ser hvad: facilitatoren kan se dit fornavn ved dine svar og noter og kan "
        "hente dem som regneark. På den fælles skærm vises deltagernes samlede billede og noterne "
        "uden navne. Vil du ikke ses ved navn, så deltag uden navn.",
        "en": "Who sees what: the facilitator can see your first name beside your answers and "
        "notes and can download them as a spreadsheet. The shared screen shows the room as a "
        "whole and the notes without names. To stay unnamed, join without a name.",
    },
    "ws.p.link_text": {
        "da": "Linket er dit eget: med det kan du fortsætte, også på en anden enhed.",
        "en": "The link is yours alone: it lets you carry on, also on another device.",
    },
    "ws.p.done_missing": {
        "da": "Dine svar er gemt. Du har besvaret {answered} af {total} spørgsmål; de øvrige kan "
        "du nå, så længe workshoppen er åben.",
        "en": "Your answers are saved. You have answered {answered} of {total} questions; you can "
        "answer the rest while the workshop is open.",
    },
    "ws.p.back_to_questions": {"da": "Tilbage til spørgsmålene", "en": "Back to the questions"},
    "ws.p.link": {
        "da": "Gem dit personlige link, hvis du vil fortsætte senere eller på en anden enhed:",
        "en": "Keep your personal link to carry on later or on another device:",
    },
    "ws.p.done": {
        "da": "Tak! Alle dine svar er gemt. Facilitatoren samler op i plenum.",
        "en": "Thank you! All your answers are saved. The facilitator will take it from here.",
    },
    "ws.p.finish": {"da": "Jeg er færdig", "en": "I'm done"},
    "ws.p.closed_note": {
        "da": "Workshoppen er lukket. Du kan se dine svar, men ikke ændre dem.",
        "en": "The workshop is closed. You can see your answers but not change them.",
    },
    # create
    "ws.c.title": {"da": "Opret en workshop", "en": "Create a workshop"},
    "ws.c.name": {"da": "Titel", "en": "Title"},
    "ws.c.name_default": {
        "da": "Workshop om sociale medier",
        "en": "Social media workshop",
    },
    "ws.c.date": {"da": "Dato", "en": "Date"},
    "ws.c.language": {"da": "Workshoppens sprog", "en": "Language of the workshop"},
    "ws.c.submit": {"da": "Opret workshop", "en": "Create workshop"},
    "ws.c.need_municipality": {"da": "Vælg kommunen.", "en": "Choose the municipality."},
    # facilitator
    "ws.f.title": {"da": "Facilitator", "en": "Facilitator"},
    "ws.f.suggestion": {
        "da": "Deltagernes forslag (medianen rundet ned): {level}",
        "en": "The room's suggestion (the median rounded down): {level}",
    },
    "ws.f.code": {"da": "Kode: {code}", "en": "Code: {code}"},
    "ws.f.join_link": {"da": "Link for deltagere", "en": "Link for participants"},
    "ws.f.private_link": {
        "da": "Dit private facilitatorlink – del det ikke; det er eneste adgang til dashboardet:",
        "en": "Your private facilitator link – don't share it; it is the only way into the "
        "dashboard:",
    },
    "ws.f.tab.live": {"da": "Live", "en": "Live"},
    "ws.f.tab.consensus": {"da": "Enighed", "en": "Consensus"},
    "ws.f.tab.results": {"da": "Resultat og plan", "en": "Results and plan"},
    "ws.f.tab.manage": {"da": "Lukning og eksport", "en": "Close and export"},
    "ws.f.joined": {"da": "Deltagere", "en": "Participants"},
    "ws.f.anonymous": {"da": "Anonym {number}", "en": "Anonymous {number}"},
    "ws.f.progress_col": {"da": "Besvaret", "en": "Answered"},
    "ws.f.name_col": {"da": "Deltager", "en": "Participant"},
    "ws.f.disputed": {
        "da": "Størst uenighed – tag dem først",
        "en": "Most disagreement – discuss these first",
    },
    "ws.f.disputed_none": {
        "da": "Ingen markant uenighed endnu.",
        "en": "No marked disagreement yet.",
    },
    "ws.f.spread_line": {
        "da": "Fordeling 0–4: {counts} · ved ikke {dont_know} · median {median}",
        "en": "Spread 0–4: {counts} · don't know {dont_know} · median {median}",
    },
    "ws.f.room_radar": {"da": "Deltagernes median", "en": "Participants' median"},
    "ws.f.no_answers": {"da": "Ingen svar endnu.", "en": "No answers yet."},
    "ws.f.consensus_intro": {
        "da": "Vælg det niveau, deltagerne er enige om. Forslaget er deltagernes median "
        "(rundet ned). Spørgsmål med størst uenighed står først.",
        "en": "Pick the level the participants agree on. The suggestion is their median (rounded "
        "down). Questions with most disagreement come first.",
    },
    "ws.f.adopt": {
        "da": "Brug deltagernes forslag for alle spørgsmål, der endnu ikke har et fælles svar "
        "({count})",
        "en": "Use the participants' suggestion for every question without an agreed answer yet "
        "({count})",
    },
    "ws.f.agreed": {"da": "Enighed", "en": "Agreed level"},
    "ws.f.discussion": {"da": "Note fra drøftelsen", "en": "Note from the discussion"},
    "ws.f.decided": {
        "da": "{decided} af {total} spørgsmål har en fælles beslutning.",
        "en": "{decided} of {total} questions have an agreed answer.",
    },
    "ws.f.status_open": {"da": "Workshoppen er åben for svar.", "en": "The workshop is open."},
    "ws.f.status_closed": {
        "da": "Workshoppen er lukket for svar.",
        "en": "The workshop is closed to answers.",
    },
    "ws.f.close": {"da": "Luk for svar", "en": "Close to answers"},
    "ws.f.reopen": {"da": "Åbn igen", "en": "Reopen"},
    "ws.f.export_all": {"da": "Alle svar (CSV)", "en": "All answers (CSV)"},
    "ws.f.export_xlsx": {"da": "Alle svar (Excel)", "en": "All answers (Excel)"},
    "ws.f.export_consensus": {
        "da": "Fælles svarfil (JSON)",
        "en": "Consensus answers file (JSON)",
    },
    "ws.f.pdf": {
        "da": "Hent handlingsplan med spredningen i deltagernes svar (PDF)",
        "en": "Download action plan with the spread of participants' answers (PDF)",
    },
    "ws.f.targets": {"da": "Mål om 12 måneder", "en": "Targets in 12 months"},
}
