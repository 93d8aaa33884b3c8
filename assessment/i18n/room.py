"""Strings of running the room: the facilitator's page, the shared screen, the data statement
and the report's per-question section (merged into `i18n.STRINGS`)."""

from __future__ import annotations

FACILITATOR: dict[str, dict[str, str]] = {
    "ws.f.title": {"da": "Facilitator", "en": "Facilitator"},
    "ws.f.code": {"da": "Kode {code}", "en": "Code {code}"},
    "ws.f.to_create": {"da": "Opret en workshop", "en": "Create a workshop"},
    "ws.f.open_screen": {"da": "Åbn storskærmen", "en": "Open the shared screen"},
    "ws.f.localhost": {
        "da": "Deltagernes link peger på denne computer, som telefonerne i lokalet ikke kan nå. "
        "Start værktøjet med {variable} sat til en adresse, de kan nå.",
        "en": "The participants' link points at this computer, which the phones in the room "
        "cannot reach. Start the tool with {variable} set to an address they can reach.",
    },
    "ws.f.keep_link": {
        "da": "Gem dit facilitatorlink nu: det er den eneste vej tilbage til workshoppen, og "
        "ingen – heller ikke en administrator – kan finde det frem igen. Vis aldrig denne side "
        "på storskærmen; brug »Åbn storskærmen«.",
        "en": "Keep your facilitator link now: it is the only way back to the workshop, and "
        "nobody – not even an administrator – can retrieve it. Never show this page on the "
        "shared screen; use “Open the shared screen”.",
    },
    "ws.f.links_download": {"da": "Hent linkene som tekstfil", "en": "Download the links"},
    "ws.f.kept": {"da": "Jeg har gemt linket", "en": "I have kept the link"},
    "ws.f.kept_thanks": {
        "da": "Godt. Linket står også under »Data og adgang«.",
        "en": "Good. The link is also under “Data and access”.",
    },
    "ws.f.links_file": {
        "da": "{title}\nWorkshopkode: {code}\n\nDit private facilitatorlink (del det ikke):\n"
        "{facilitator}\n\nStorskærmen (kun visning):\n{presenter}\n\nLink for deltagere:\n{join}\n",
        "en": "{title}\nWorkshop code: {code}\n\nYour private facilitator link (do not share):\n"
        "{facilitator}\n\nShared screen (view only):\n{presenter}\n\nLink for participants:\n"
        "{join}\n",
    },
    "ws.f.tab.control": {"da": "Styring", "en": "Run the room"},
    "ws.f.tab.decisions": {"da": "Uenighed og beslutninger", "en": "Disagreement and decisions"},
    "ws.f.tab.roster": {"da": "Deltagere", "en": "Participants"},
    "ws.f.tab.results": {"da": "Resultat og plan", "en": "Results and plan"},
    "ws.f.tab.admin": {"da": "Data og adgang", "en": "Data and access"},
    # control
    "ws.f.mode": {"da": "Tempo", "en": "Pace"},
    "ws.f.mode.self": {"da": "Hver i sit tempo", "en": "Everyone at their own pace"},
    "ws.f.mode.question": {
        "da": "Samlet, ét spørgsmål ad gangen",
        "en": "Together, one question at a time",
    },
    "ws.f.mode.area": {"da": "Samlet, ét område ad gangen", "en": "Together, one area at a time"},
    "ws.f.mode_help": {
        "da": "Samlet: deltagernes skærme følger storskærmen, og resultatet er skjult, til du "
        "viser det, så ingen lader sig lede af de andres svar.",
        "en": "Together: the participants' screens follow the shared screen, and the results "
        "stay hidden until you show them, so nobody is led by the others' answers.",
    },
    "ws.f.on_screen": {"da": "På storskærmen", "en": "On the shared screen"},
    "ws.f.lobby_name": {"da": "Kode og QR-kode (velkomst)", "en": "Code and QR code (welcome)"},
    "ws.f.back": {"da": "◀ Forrige", "en": "◀ Previous"},
    "ws.f.forward": {"da": "Næste ▶", "en": "Next ▶"},
    "ws.f.lobby": {"da": "Vis koden", "en": "Show the code"},
    "ws.f.reveal": {"da": "Vis resultatet", "en": "Show the results"},
    "ws.f.hide": {"da": "Skjul resultatet", "en": "Hide the results"},
    "ws.f.names_on": {"da": "Vis navne", "en": "Show names"},
    "ws.f.names_off": {"da": "Skjul navne", "en": "Hide names"},
    "ws.f.names_hidden": {
        "da": "Storskærmen viser ingen navne.",
        "en": "The shared screen shows no names.",
    },
    "ws.f.names_shown": {
        "da": "Storskærmen viser navne ved niveauer og godkendte noter – deltagerne kan se det "
        "på deres skærm.",
        "en": "The shared screen shows names beside levels and approved notes – participants "
        "see this on their screen.",
    },
    "ws.f.jump": {"da": "Gå til", "en": "Go to"},
    "ws.f.go": {"da": "Vis", "en": "Show"},
    "ws.f.revote": {"da": "Genafstem dette spørgsmål", "en": "Vote again on this question"},
    "ws.f.revote_confirm": {
        "da": "Alle svar på spørgsmålet tages tilbage (noterne bliver), og alle svarer igen. "
        "Storskærmen viser før og efter side om side.",
        "en": "Every answer to the question is taken back (the notes stay), and everyone answers "
        "again. The shared screen shows before and after side by side.",
    },
    "ws.f.revote_yes": {"da": "Ja, genafstem", "en": "Yes, vote again"},
    "ws.f.cancel": {"da": "Fortryd", "en": "Cancel"},
    "ws.f.hidden_on_screen": {
        "da": "Skjult på storskærmen – kun du ser resultatet.",
        "en": "Hidden on the shared screen – only you see the results.",
    },
    "ws.f.notes": {"da": "Deltagernes noter", "en": "Participants' notes"},
    "ws.f.notes_help": {
        "da": "Kun noter, du viser, kommer på storskærmen, og uden navn. Retter deltageren "
        "noten, skal den vises igen.",
        "en": "Only notes you show reach the shared screen, and without a name. If the "
        "participant edits a note, it has to be shown again.",
    },
    "ws.f.note_show": {"da": "Vis", "en": "Show"},
    "ws.f.note_hide": {"da": "Fjern", "en": "Remove"},
    # decisions
    "ws.f.suggestion": {
        "da": "Ikke besluttet. Deltagernes forslag (medianen rundet ned): {level}",
        "en": "Not decided. The participants' suggestion (the median rounded down): {level}",
    },
    "ws.f.confirm": {"da": "Beslut {level}", "en": "Decide {level}"},
    "ws.f.decided_as": {"da": "Besluttet: **{level}**", "en": "Decided: **{level}**"},
    "ws.f.agreed": {"da": "Fælles niveau", "en": "Agreed level"},
    "ws.f.discussion": {"da": "Note fra drøftelsen", "en": "Note from the discussion"},
    "ws.f.decided": {
        "da": "**{decided} af {total}** spørgsmål har en fælles beslutning. Et forslag tæller "
        "først, når I har besluttet det.",
        "en": "**{decided} of {total}** questions have an agreed answer. A suggestion counts only "
        "once you have decided it.",
    },
    "ws.f.rule": {
        "da": "{flagged} spørgsmål er markeret og står først, mest omstridte øverst. »Uenige«: "
        "mindst en femtedel af deltagerne (mindst to) ligger to niveauer eller mere fra en "
        "anden femtedel – én, der skiller sig ud, er ikke nok. »Mange ved ikke«: mindst en "
        "tredjedel (mindst to) har svaret »ved ikke«.",
        "en": "{flagged} questions are marked and listed first, most disputed at the top. "
        "“Disputed”: at least a fifth of the participants (at least two) are two levels or more "
        "from another fifth – one person apart is not enough. “Many don't know”: at least a "
        "third (at least two) answered “don't know”.",
    },
    "ws.f.tag.disputed": {"da": "Uenige", "en": "Disputed"},
    "ws.f.tag.uncertain": {"da": "Mange ved ikke", "en": "Many don't know"},
    "ws.f.show": {"da": "Vis på storskærmen", "en": "Show on screen"},
    "ws.f.spread_line": {
        "da": "Niveau {counts} · ved ikke: {dont_know} · median {median}",
        "en": "Level {counts} · don't know: {dont_know} · median {median}",
    },
    "ws.f.no_answers": {"da": "Ingen svar endnu.", "en": "No answers yet."},
    # roster
    "ws.f.roster_count": {
        "da": "**{count}** deltagere · {done} har sagt, de er færdige",
        "en": "**{count}** participants · {done} have said they are done",
    },
    "ws.f.anonymous": {"da": "Anonym {number}", "en": "Anonymous {number}"},
    "ws.f.name_col": {"da": "Deltager", "en": "Participant"},
    "ws.f.progress_col": {"da": "Besvaret", "en": "Answered"},
    "ws.f.active_col": {"da": "Sidst aktiv", "en": "Last active"},
    "ws.f.done_col": {"da": "Færdig", "en": "Done"},
    "ws.f.just_now": {"da": "lige nu", "en": "just now"},
    "ws.f.minutes_ago": {"da": "for {minutes} min. siden", "en": "{minutes} min ago"},
    "ws.f.remove_title": {"da": "Fjern en deltager", "en": "Remove a participant"},
    "ws.f.remove_who": {"da": "Hvem?", "en": "Who?"},
    "ws.f.remove": {"da": "Fjern", "en": "Remove"},
    "ws.f.remove_confirm": {
        "da": "»{name}« slettes med navn, svar og noter, og deres link holder op med at virke.",
        "en": "“{name}” is deleted with name, answers and notes, and their link stops working.",
    },
    "ws.f.remove_yes": {"da": "Ja, fjern og slet", "en": "Yes, remove and delete"},
    "ws.f.merge_title": {"da": "Slå to deltagere sammen", "en": "Merge two participants"},
    "ws.f.merge_help": {
        "da": "Har én deltaget to gange (fx efter at have lukket fanen), så flet den gamle ind i "
        "den, personen bruger nu. Det nyeste svar på hvert spørgsmål gælder.",
        "en": "If someone joined twice (after closing the tab, say), merge the old entry into "
        "the one they use now. The newest answer to each question counts.",
    },
    "ws.f.merge_old": {"da": "Gammel (slettes)", "en": "Old (deleted)"},
    "ws.f.merge_new": {"da": "Den, der bruges nu (beholdes)", "en": "In use now (kept)"},
    "ws.f.merge": {"da": "Slå sammen", "en": "Merge"},
    "ws.f.seats": {"da": "Højst antal deltagere", "en": "Most participants"},
    "ws.f.save": {"da": "Gem", "en": "Save"},
    "ws.f.choose": {"da": "Vælg", "en": "Choose"},
    # results
    "ws.f.no_decisions": {
        "da": "Endnu ingen fælles beslutninger. Resultat og plan bygger på dem.",
        "en": "No agreed answers yet. Results and plan are built on them.",
    },
    "ws.f.targets": {"da": "Mål om 12 måneder", "en": "Targets in 12 months"},
    "ws.f.plan": {"da": "Handlingsplan", "en": "Action plan"},
    "ws.f.pdf": {
        "da": "Hent rapporten med deltagernes spredning (PDF)",
        "en": "Download the report with the participants' spread (PDF)",
    },
    # data and access
    "ws.f.status_open": {"da": "Åben for svar", "en": "Open to answers"},
    "ws.f.status_closed": {"da": "Lukket for svar", "en": "Closed to answers"},
    "ws.f.close": {"da": "Luk for svar", "en": "Close to answers"},
    "ws.f.reopen": {"da": "Åbn igen", "en": "Reopen"},
    "ws.f.access": {"da": "Adgang", "en": "Access"},
    "ws.f.private_link": {
        "da": "Dit private facilitatorlink – del det ikke, og vis det ikke på storskærmen:",
        "en": "Your private facilitator link – don't share it or show it on the shared screen:",
    },
    "ws.f.rotate_help": {
        "da": "Har andre set linket, så lav et nyt. Det gamle og storskærmens link holder op med "
        "at virke; åbn storskærmen igen bagefter.",
        "en": "If others have seen the link, make a new one. The old one and the shared screen's "
        "link stop working; open the shared screen again afterwards.",
    },
    "ws.f.rotate": {"da": "Lav et nyt facilitatorlink", "en": "Make a new facilitator link"},
    "ws.f.rotate_confirm": {
        "da": "Alle vinduer med det gamle link mister adgangen. Gem det nye link, når det vises.",
        "en": "Every window with the old link loses access. Keep the new link when it appears.",
    },
    "ws.f.rotate_yes": {"da": "Ja, lav et nyt link", "en": "Yes, make a new link"},
    "ws.f.rotated": {
        "da": "Nyt link lavet – det står i adresselinjen. Gem det.",
        "en": "New link made – it is in the address bar. Keep it.",
    },
    "ws.f.retention": {"da": "Opbevaring", "en": "Retention"},
    "ws.f.kept_until": {
        "da": "Workshoppen slettes med alle data efter {date}.",
        "en": "The workshop is deleted with all its data after {date}.",
    },
    "ws.f.kept_until_deleted": {
        "da": "Workshoppen gemmes, til du sletter den.",
        "en": "The workshop is kept until you delete it.",
    },
    "ws.f.retention_choice": {"da": "Slet automatisk", "en": "Delete automatically"},
    "ws.f.keep_days": {
        "da": "{days} dage efter workshoppen ({date})",
        "en": "{days} days after the workshop ({date})",
    },
    "ws.f.keep_forever": {"da": "Ikke automatisk", "en": "Not automatically"},
    "ws.f.exports": {"da": "Eksport", "en": "Export"},
    "ws.f.export_names": {"da": "Med deltagernes navne", "en": "With the participants' names"},
    "ws.f.export_names_help": {
        "da": "Uden navne skelnes deltagerne kun ved et nummer.",
        "en": "Without names, participants are told apart by a number only.",
    },
    "ws.f.export_all": {"da": "Alle svar (CSV)", "en": "All answers (CSV)"},
    "ws.f.export_xlsx": {"da": "Alle svar (Excel)", "en": "All answers (Excel)"},
    "ws.f.export_consensus": {"da": "Fælles svarfil (JSON)", "en": "Agreed answers file (JSON)"},
    "ws.f.delete_title": {"da": "Slet workshoppen", "en": "Delete the workshop"},
    "ws.f.delete_help": {
        "da": "Alt slettes med det samme: deltagere, navne, svar, noter, beslutninger og plan. "
        "Det kan ikke fortrydes.",
        "en": "Everything is deleted at once: participants, names, answers, notes, decisions and "
        "plan. It cannot be undone.",
    },
    "ws.f.delete_type": {
        "da": "Skriv koden {code} for at slette",
        "en": "Type the code {code} to delete",
    },
    "ws.f.delete": {
        "da": "Slet workshoppen og alle data",
        "en": "Delete the workshop and all data",
    },
    "ws.f.deleted": {
        "da": "Workshoppen og alle dens data er slettet.",
        "en": "The workshop and all its data are deleted.",
    },
}

SCREEN: dict[str, dict[str, str]] = {
    "ws.s.title": {"da": "Storskærm", "en": "Shared screen"},
    "ws.s.closed": {
        "da": "Workshoppen er lukket for svar.",
        "en": "The workshop is closed to answers.",
    },
    "ws.s.join_at": {"da": "Deltag på {url} med koden", "en": "Join at {url} with the code"},
    "ws.s.joined": {"da": "{count} er med", "en": "{count} have joined"},
    "ws.s.qr_alt": {"da": "QR-kode til workshoppen", "en": "QR code for the workshop"},
    "ws.s.question_of": {
        "da": "Spørgsmål {number} af {count} · {area}",
        "en": "Question {number} of {count} · {area}",
    },
    "ws.s.area": {"da": "Område: {area}", "en": "Area: {area}"},
    "ws.s.col.number": {"da": "Nr.", "en": "No."},
    "ws.s.col.question": {"da": "Spørgsmål", "en": "Question"},
    "ws.s.col.answered": {"da": "Svar", "en": "Answers"},
    "ws.s.col.agreed": {"da": "Fælles", "en": "Agreed"},
    "ws.s.corner": {"da": "Deltag: {url} · kode {code}", "en": "Join: {url} · code {code}"},
    "ws.s.answered": {
        "da": "**{answered} af {count}** har svaret",
        "en": "**{answered} of {count}** have answered",
    },
    "ws.s.answered_area": {
        "da": "**{answered} af {count}** har svaret på hele området",
        "en": "**{answered} of {count}** have answered the whole area",
    },
    "ws.s.hidden": {
        "da": "Resultatet vises, når facilitatoren viser det.",
        "en": "The results appear when the facilitator shows them.",
    },
    "ws.s.before": {"da": "Før genafstemningen", "en": "Before the new vote"},
    "ws.s.after": {"da": "Nu", "en": "Now"},
    "ws.s.agreed": {"da": "Fælles niveau: {level}", "en": "Agreed level: {level}"},
}

DATA: dict[str, dict[str, str]] = {
    "ws.d.title": {"da": "Data i workshops", "en": "Data in workshops"},
    "ws.d.link": {"da": "Hvad gemmes, og hvem ser det?", "en": "What is stored, and who sees it?"},
}

REPORT: dict[str, dict[str, str]] = {
    "report.room.title": {
        "da": "Svar pr. spørgsmål",
        "en": "Answers per question",
    },
    "report.room.intro": {
        "da": "Hvor mange af de {participants} deltagere der valgte hvert niveau, og hvor mange "
        "der svarede »ved ikke« eller »ikke relevant«. Deltagerne var uenige om {disputed} "
        "spørgsmål, og på {uncertain} svarede mindst en tredjedel »ved ikke«.",
        "en": "How many of the {participants} participants chose each level, and how many "
        "answered “don't know” or “not applicable”. The participants disagreed on {disputed} "
        "questions, and on {uncertain} at least a third answered “don't know”.",
    },
    "report.room.col.question": {"da": "Spørgsmål", "en": "Question"},
    "report.room.col.dont_know": {"da": "Ved ikke", "en": "Don't know"},
    "report.room.col.not_applicable": {"da": "Ikke relevant", "en": "Not applicable"},
    "report.room.col.mark": {"da": "Bemærk", "en": "Note"},
    "report.room.disputed": {"da": "uenige", "en": "disputed"},
    "report.room.uncertain": {"da": "mange ved ikke", "en": "many don't know"},
}

ROOM_STRINGS: dict[str, dict[str, str]] = {**FACILITATOR, **SCREEN, **DATA, **REPORT}
