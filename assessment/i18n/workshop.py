"""Strings of the workshop's entry points, its participants and its errors (merged into
`i18n.STRINGS`); the facilitator's, the shared screen's and the data statement's are in
`i18n.room`."""

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
    "error.workshop.throttled": {
        "da": "Der er tastet forkert kode for mange gange i dette vindue. Prøv igen om {minutes} "
        "min., eller åbn linket eller scan QR-koden på storskærmen.",
        "en": "A wrong code has been typed too many times in this window. Try again in {minutes} "
        "min, or open the link or scan the QR code on the shared screen.",
    },
    "error.workshop.throttled_network": {
        "da": "Der er tastet forkerte koder for mange gange fra dette netværk. Prøv igen om "
        "{minutes} min.",
        "en": "Too many wrong codes have been typed from this network. Try again in {minutes} min.",
    },
    "error.workshop.throttled_network_hours": {
        "da": "Der er tastet forkerte koder for mange gange fra dette netværk i dag. Prøv igen om "
        "{hours} t.",
        "en": "Too many wrong codes have been typed from this network today. Try again in "
        "{hours} h.",
    },
    "error.workshop.full": {
        "da": "Workshoppen er fuld. Sig det til facilitatoren, som kan give plads til flere.",
        "en": "The workshop is full. Tell the facilitator, who can make room for more.",
    },
    "error.workshop.busy": {
        "da": "Mange tilmelder sig lige nu. Vent et øjeblik, og tryk så på »Deltag« igen.",
        "en": "Many people are joining right now. Wait a moment, then press “Join” again.",
    },
    # start page entry points
    "ws.start.title": {"da": "Workshop", "en": "Workshop"},
    "ws.start.text": {
        "da": "Tager I testen sammen, svarer hver deltager på sin egen telefon eller computer, "
        "og facilitatoren viser spredningen på storskærmen, før I bliver enige.",
        "en": "When you take the assessment together, each participant answers on their own "
        "phone or laptop, and the facilitator shows the spread on the shared screen before you "
        "agree.",
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
    "ws.join.anonymous": {"da": "anonym", "en": "anonymous"},
    "ws.join.known": {
        "da": "Denne enhed er allerede med i workshoppen som »{name}«.",
        "en": "This device is already in the workshop as “{name}”.",
    },
    "ws.join.continue": {"da": "Fortsæt som »{name}«", "en": "Carry on as “{name}”"},
    "ws.join.someone_else": {
        "da": "Er du en anden person, der låner enheden? Så deltag som ny herunder.",
        "en": "Are you someone else borrowing the device? Then join as a new participant below.",
    },
    "ws.join.welcome_back": {
        "da": "Velkommen tilbage, {name} – du fortsætter, hvor du slap.",
        "en": "Welcome back, {name} – you carry on where you left off.",
    },
    "ws.join.privacy": {
        "da": "Dine svar og noter gemmes i værktøjet, til workshoppen slettes. Facilitatoren ser "
        "dem; storskærmen viser kun antal og de noter, facilitatoren godkender.",
        "en": "Your answers and notes are kept in the tool until the workshop is deleted. The "
        "facilitator sees them; the shared screen shows only counts and the notes the "
        "facilitator approves.",
    },
    # participant
    "ws.p.title": {"da": "Dine svar", "en": "Your answers"},
    "ws.p.welcome": {
        "da": "Du deltager i »{title}« for {municipality}. Dine svar gemmes, så snart du vælger.",
        "en": "You are taking part in “{title}” for {municipality}. Your answers are saved as "
        "soon as you choose.",
    },
    "ws.p.privacy": {
        "da": "Hvem ser hvad: facilitatoren kan se dit fornavn ved dine svar og noter og kan "
        "hente svarene som regneark. Storskærmen viser kun, hvor mange der har valgt hvert "
        "niveau, og kun de noter, facilitatoren har godkendt – uden navne, medmindre "
        "facilitatoren slår navne til (så står det her). Vil du ikke ses ved navn, så deltag "
        "uden navn.",
        "en": "Who sees what: the facilitator can see your first name beside your answers and "
        "notes and can download the answers as a spreadsheet. The shared screen shows only how "
        "many chose each level, and only the notes the facilitator approved – without names, "
        "unless the facilitator turns names on (it will say so here). To stay unnamed, join "
        "without a name.",
    },
    "ws.p.names_on_screen": {
        "da": "Lige nu er navne slået til: storskærmen viser navne ved niveauer og godkendte "
        "noter.",
        "en": "Names are on right now: the shared screen shows names beside levels and approved "
        "notes.",
    },
    "ws.p.deleted_on": {
        "da": "Workshoppen slettes med alle svar senest {date}.",
        "en": "The workshop is deleted with all answers by {date} at the latest.",
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
    "ws.p.to_join": {"da": "Deltag i en workshop", "en": "Join a workshop"},
    "ws.p.wait": {
        "da": "Facilitatoren går igennem spørgsmålene med jer. Det første kommer her om lidt – "
        "du behøver ikke genindlæse siden.",
        "en": "The facilitator takes you through the questions. The first one appears here in a "
        "moment – you don't need to reload the page.",
    },
    "ws.p.paced_question": {
        "da": "Spørgsmål {number} af {count} · {area}",
        "en": "Question {number} of {count} · {area}",
    },
    "ws.p.paced_saved": {
        "da": "Dit svar er gemt. Næste spørgsmål kommer her, når facilitatoren går videre; indtil "
        "da kan du ændre dit svar.",
        "en": "Your answer is saved. The next question appears here when the facilitator moves "
        "on; until then you can change your answer.",
    },
    "ws.p.paced_area_saved": {
        "da": "Du har svaret på hele området. Vent på, at facilitatoren går videre.",
        "en": "You have answered the whole area. Wait for the facilitator to move on.",
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
    "ws.c.keep": {
        "da": "Slet workshoppen med alle svar automatisk",
        "en": "Delete the workshop with all answers automatically",
    },
    "ws.c.keep_days": {"da": "{days} dage efter workshoppen", "en": "{days} days after it"},
    "ws.c.submit": {"da": "Opret workshop", "en": "Create workshop"},
    "ws.c.need_municipality": {"da": "Vælg kommunen.", "en": "Choose the municipality."},
    "ws.c.privacy": {
        "da": "Kommunen er dataansvarlig for deltagernes svar. Læs, hvad der gemmes og hvor "
        "længe, før I går i gang.",
        "en": "The municipality is the data controller for the participants' answers. Read what "
        "is stored and for how long before you start.",
    },
    # Streamlit's own connection dialog, rewritten by assessment/ui/connection.py
    "ws.connection.title": {"da": "Forbindelsen er afbrudt", "en": "Connection lost"},
    "ws.connection.body": {
        "da": "Værktøjet kan ikke nås lige nu. Siden prøver selv igen, og dine gemte svar er "
        "ikke tabt. Vent et øjeblik, eller genindlæs siden.",
        "en": "The tool cannot be reached right now. The page keeps trying, and your saved "
        "answers are not lost. Wait a moment, or reload the page.",
    },
}
