"""The app's and the spreadsheets' strings (merged into `i18n.STRINGS`)."""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "ui.app_tagline": {
        "da": "Hvor moden er kommunens strategi for sociale medier?",
        "en": "How mature is the municipality's social media strategy?",
    },
    "ui.step.start": {"da": "Start", "en": "Start"},
    "ui.step.about": {"da": "1. Om kommunen", "en": "1. About the municipality"},
    "ui.step.questions": {"da": "2. Spørgsmål", "en": "2. Questions"},
    "ui.step.targets": {"da": "3. Mål", "en": "3. Targets"},
    "ui.step.results": {"da": "4. Resultat", "en": "4. Results"},
    "ui.step.plan": {"da": "5. Handlingsplan", "en": "5. Action plan"},
    "ui.step.downloads": {"da": "6. Hent filer", "en": "6. Downloads"},
    # the private link and pages opened without one
    "ui.link.title": {"da": "Dit private link", "en": "Your private link"},
    "ui.link.text": {
        "da": "Gem linket: med det kan du fortsætte, hvor du slap, også på en anden computer, og "
        "alle, der har det, kan se og ændre svarene – så del det kun med dem, der skal.",
        "en": "Keep this link: it takes you back to where you left off, also on another "
        "computer, and anyone who has it can see and change the answers – so share it only with "
        "those who should.",
    },
    "ui.solo.no_link": {
        "da": "Denne side hører til en bestemt selvevaluering. Åbn dit private link, eller start "
        "en ny på forsiden.",
        "en": "This page belongs to one assessment. Open your private link, or start a new one "
        "on the start page.",
    },
    "ui.solo.to_start": {"da": "Til forsiden", "en": "To the start page"},
    "ui.no": {"da": "Nej", "en": "No"},
    # about the municipality
    "ui.about.profile": {"da": "Kommunens udgangspunkt", "en": "Where the municipality starts"},
    "ui.about.profile_why": {
        "da": "Svarene bruges til at gøre handlingsplanen realistisk for jer: hvor meget der kan "
        "nås på et år, og hvad der skal tages først.",
        "en": "The answers make the action plan realistic for you: how much can be done in a "
        "year, and what comes first.",
    },
    "ui.about.hours": {
        "da": "Timer om ugen til sociale medier (alle medarbejdere tilsammen)",
        "en": "Hours a week spent on social media (all staff together)",
    },
    "ui.about.hours_help": {
        "da": "Et skøn er fint: opslag, svar, moderation og planlægning.",
        "en": "An estimate is fine: posting, replies, moderation and planning.",
    },
    "ui.about.platforms": {
        "da": "Platforme, kommunen bruger",
        "en": "Platforms the municipality uses",
    },
    "ui.about.platforms_placeholder": {"da": "Vælg platforme", "en": "Choose platforms"},
    "ui.about.roles": {
        "da": "Roller, kommunen har (fjern dem, I ikke har)",
        "en": "Roles the municipality has (remove those it lacks)",
    },
    "ui.about.roles_help": {
        "da": "Handlinger, der normalt ligger hos en rolle, I ikke har, får en anden ejer i "
        "planen, f.eks. kommunikationsmedarbejderen i stedet for en community manager.",
        "en": "Actions that would belong to a role you lack get another owner in the plan, e.g. "
        "the communications officer instead of a community manager.",
    },
    "ui.about.incident": {
        "da": "Har kommunen haft en alvorlig sag på sociale medier (en »shitstorm«) det "
        "seneste år?",
        "en": "Has the municipality had a serious incident on social media (a “shitstorm”) in "
        "the last year?",
    },
    "ui.about.incident_help": {
        "da": "Så kommer oprydningen efter sagen først i planen.",
        "en": "Then the clean-up after the incident comes first in the plan.",
    },
    "ui.about.to_questions": {"da": "Videre til spørgsmålene", "en": "On to the questions"},
    "ui.progress": {
        "da": "{answered} af {total} spørgsmål besvaret",
        "en": "{answered} of {total} questions answered",
    },
    "ui.yes": {"da": "Ja", "en": "Yes"},
    "ui.next": {"da": "Næste", "en": "Next"},
    "ui.back": {"da": "Tilbage", "en": "Back"},
    # start
    "ui.start.intro": {
        "da": "Selvevalueringen måler kommunens arbejde med sociale medier på fem områder: "
        "ansvar og bemanding, formål og strategi, indsigt, dialog og tilgængelighed, "
        "retningslinjer og jura samt kriseberedskab. For hvert spørgsmål vælger du den "
        "beskrivelse, der passer bedst på jeres praksis i dag – eller »Ved ikke«, hvis du ikke "
        "ved det.\n\n"
        "Regn med 45–60 minutter alene og lidt længere i en workshop. Svarene gemmes, mens du "
        "svarer, så du kan holde pause og fortsætte senere. Bagefter får du kommunens niveau "
        "fra 0 til 4 på hvert område, et billede af afstanden til jeres mål og en prioriteret "
        "handlingsplan, som du kan hente som PDF og tage med til direktionen.",
        "en": "The self-assessment measures the municipality's work with social media in five "
        "areas: ownership and staffing, purpose and strategy, insight, dialogue and "
        "accessibility, guidelines and legal compliance, and crisis readiness. For each "
        "question you pick the description that best fits your practice today – or “Don't "
        "know” if you don't.\n\n"
        "Allow 45–60 minutes on your own, a little longer in a workshop. Your answers are "
        "saved as you go, so you can pause and carry on later. You then get the "
        "municipality's level from 0 to 4 in each area, a picture of the gap to your targets "
        "and a prioritised action plan to download as a PDF and take to your director.",
    },
    "ui.start.municipality": {"da": "Kommune", "en": "Municipality"},
    "ui.start.municipality_placeholder": {
        "da": "Skriv eller vælg kommunen",
        "en": "Type or choose the municipality",
    },
    "ui.start.name": {"da": "Dit navn (valgfrit)", "en": "Your name (optional)"},
    "ui.start.role": {"da": "Din rolle (valgfrit)", "en": "Your role (optional)"},
    "ui.start.begin": {"da": "Start selvevalueringen", "en": "Start the assessment"},
    "ui.start.new": {"da": "Ny selvevaluering", "en": "A new assessment"},
    "ui.start.resume_link": {
        "da": "Har du dit private link, så åbn det: svarene er gemt der. Har du en svarfil fra "
        "værktøjet, kan du uploade den; den bliver til en ny selvevaluering med sit eget link.",
        "en": "If you have your private link, open it: the answers are stored there. If you have "
        "an answers file from this tool, upload it; it becomes a new assessment with its own "
        "link.",
    },
    "ui.start.resume": {
        "da": "Fortsæt en selvevaluering",
        "en": "Continue an assessment",
    },
    "ui.upload.browse": {"da": "Vælg fil", "en": "Choose file"},
    "ui.upload.limit": {
        "da": "Svarfil (JSON), højst 2 MB",
        "en": "Answers file (JSON), at most 2 MB",
    },
    "ui.start.upload": {
        "da": "Upload svarfilen (JSON), du hentede sidst",
        "en": "Upload the answers file (JSON) you downloaded last time",
    },
    "ui.start.loaded": {
        "da": "Svarfilen er indlæst ({answered} spørgsmål besvaret). Gem dit nye private link.",
        "en": "The answers file is loaded ({answered} questions answered). Keep your new "
        "private link.",
    },
    "ui.start.group": {
        "da": "{region} · {population} indbyggere · {group}",
        "en": "{region} · population {population} · {group}",
    },
    # questionnaire
    "ui.q.dimension_of": {
        "da": "Område {index} af {count}: {name}",
        "en": "Area {index} of {count}: {name}",
    },
    "ui.q.pick": {
        "da": "Vælg den beskrivelse, der passer bedst i dag",
        "en": "Pick the description that fits best today",
    },
    "ui.q.note": {
        "da": "Note eller dokumentation (valgfrit)",
        "en": "Note or evidence (optional)",
    },
    "ui.q.evidence": {"da": "Dokumentation: {text}", "en": "Evidence: {text}"},
    "ui.q.legal_basis": {"da": "Lovgrundlag: {text}", "en": "Legal basis: {text}"},
    "ui.q.not_applicable_when": {
        "da": "Vælg »Ikke relevant«, hvis dette gælder: {when}",
        "en": "Choose “Not applicable” if this is true: {when}",
    },
    "ui.q.critical": {"da": "Grundkrav", "en": "Core requirement"},
    "ui.q.area": {"da": "Område", "en": "Area"},
    "ui.q.area_count": {"da": "{done} af {total} besvaret", "en": "{done} of {total} answered"},
    "ui.q.unanswered_title": {
        "da": "Ubesvarede spørgsmål ({count})",
        "en": "Unanswered questions ({count})",
    },
    "ui.q.all_answered": {
        "da": "Alle spørgsmål er besvaret.",
        "en": "Every question is answered.",
    },
    "ui.q.go_to": {"da": "Gå til {name} ({count})", "en": "Go to {name} ({count})"},
    "ui.q.to_targets": {"da": "Videre til mål", "en": "On to targets"},
    "ui.dont_know": {"da": "Ved ikke", "en": "Don't know"},
    "ui.not_answered": {"da": "Ikke besvaret", "en": "Not answered"},
    "ui.not_applicable": {"da": "Ikke relevant", "en": "Not applicable"},
    # targets
    "ui.t.intro": {
        "da": "Hvor vil kommunen være om 12 måneder? Forslaget er niveau 3 (Etableret) eller et "
        "halvt trin over, hvor I allerede er der. Flyt skyderen, hvis I vil noget andet.",
        "en": "Where does the municipality want to be in 12 months? The suggestion is level 3 "
        "(Established), or half a step up where you are already there. Move the slider if you "
        "want something else.",
    },
    "ui.t.now": {"da": "I dag: {level}", "en": "Today: {level}"},
    "ui.t.to_results": {"da": "Se resultatet", "en": "See the results"},
    # results
    "ui.r.overall": {"da": "Samlet niveau", "en": "Overall level"},
    "ui.r.thin": {
        "da": "Resultatet bygger kun på {answered} af {total} spørgsmål. Besvar flere, før tallene "
        "bruges til beslutninger.",
        "en": "The result rests on only {answered} of {total} questions. Answer more before the "
        "figures are used for decisions.",
    },
    "ui.r.no_answers": {
        "da": "Der er endnu ingen besvarede spørgsmål.",
        "en": "No questions have been answered yet.",
    },
    "ui.r.target": {"da": "mål {target}", "en": "target {target}"},
    "ui.r.capped": {
        "da": "Holdes på 2, fordi et grundkrav er under niveau 2: {questions}",
        "en": "Held at 2 because a core requirement is below level 2: {questions}",
    },
    "ui.r.answered": {
        "da": "{answered} af {total} besvaret, {dont_know} × ved ikke",
        "en": "{answered} of {total} answered, {dont_know} × don't know",
    },
    "ui.r.charts": {"da": "Nu og mål", "en": "Now and target"},
    "ui.r.weakest": {"da": "Svageste punkter", "en": "Weakest points"},
    "ui.r.weakest_none": {
        "da": "Ingen besvarede spørgsmål ligger under niveau 3.",
        "en": "No answered question is below level 3.",
    },
    "ui.r.missing": {
        "da": 'Manglende viden ("ved ikke")',
        "en": 'Missing evidence ("don\'t know")',
    },
    "ui.r.missing_none": {
        "da": 'Ingen spørgsmål er besvaret med "ved ikke".',
        "en": 'No question is answered "don\'t know".',
    },
    "ui.r.not_applicable": {
        "da": "Ikke relevant for kommunen (tæller ikke med)",
        "en": "Not applicable to the municipality (left out)",
    },
    "ui.r.to_plan": {"da": "Se handlingsplanen", "en": "See the action plan"},
    # plan
    "ui.p.intro": {
        "da": "De næste skridt, vigtigste først. Skriv ansvarlig, frist og status direkte i "
        'tabellen, og sæt flueben i "Fravælg" for handlinger, I ikke vil tage med. '
        "Ændringerne kommer med i PDF'en og svarfilen.",
        "en": "The next steps, most important first. Type owner, deadline and status straight "
        'into the table, and tick "Drop" for actions you will not take on. The changes go '
        "into the PDF and the answers file.",
    },
    "ui.p.none": {
        "da": "Ingen handlinger: alle besvarede spørgsmål er på eller over målet.",
        "en": "No actions: every answered question is at or above its target.",
    },
    "ui.p.summary": {
        "da": "{actions}, {quick} · {dropped} fravalgt",
        "en": "{actions}, {quick} · {dropped} dropped",
    },
    "ui.p.count.one": {"da": "{count} handling", "en": "{count} action"},
    "ui.p.count.other": {"da": "{count} handlinger", "en": "{count} actions"},
    "ui.p.quick.one": {"da": "heraf {count} hurtig gevinst", "en": "{count} of them a quick win"},
    "ui.p.quick.other": {
        "da": "heraf {count} hurtige gevinster",
        "en": "{count} of them quick wins",
    },
    "ui.p.drop": {"da": "Fravælg", "en": "Drop"},
    "ui.p.details": {
        "da": "Hvad, hvorfor og hvornår det er færdigt",
        "en": "What, why and when it is done",
    },
    "ui.p.details_more": {
        "da": "De øvrige {count} står i PDF'en med samme oplysninger.",
        "en": "The other {count} are in the PDF with the same details.",
    },
    "ui.p.to_export": {"da": "Hent PDF og filer", "en": "Download PDF and files"},
    "ui.status.todo": {"da": "Ikke startet", "en": "Not started"},
    "ui.status.doing": {"da": "I gang", "en": "In progress"},
    "ui.status.done": {"da": "Færdig", "en": "Done"},
    # export
    "ui.e.intro": {
        "da": "Hent handlingsplanen som PDF til direktionen, svarfilen, så du kan fortsætte "
        "senere, og svar og plan som regneark.",
        "en": "Download the action plan as a PDF for your director, the answers file so you can "
        "carry on later, and the answers and plan as spreadsheets.",
    },
    "ui.e.pdf": {"da": "Hent handlingsplan (PDF)", "en": "Download action plan (PDF)"},
    "ui.e.json": {"da": "Hent svarfil (JSON)", "en": "Download answers file (JSON)"},
    "ui.e.csv_answers": {"da": "Svar (CSV)", "en": "Answers (CSV)"},
    "ui.e.csv_plan": {"da": "Handlingsplan (CSV)", "en": "Action plan (CSV)"},
    "ui.e.xlsx": {"da": "Svar og plan (Excel)", "en": "Answers and plan (Excel)"},
    "ui.e.sheet_answers": {"da": "Svar", "en": "Answers"},
    "ui.e.suffix_answers": {"da": "svar", "en": "answers"},
    "ui.e.suffix_plan": {"da": "plan", "en": "plan"},
    "ui.e.sheet_plan": {"da": "Handlingsplan", "en": "Action plan"},
    # table headings (app, CSV, Excel)
    "table.rank": {"da": "Nr.", "en": "Rank"},
    "table.action": {"da": "Handling", "en": "Action"},
    "table.dimension": {"da": "Område", "en": "Area"},
    "table.question_id": {"da": "Spørgsmåls-id", "en": "Question id"},
    "table.question": {"da": "Spørgsmål", "en": "Question"},
    "table.level": {"da": "Niveau", "en": "Level"},
    "table.level_text": {"da": "Beskrivelse", "en": "Description"},
    "table.note": {"da": "Note", "en": "Note"},
    "table.quick_win": {"da": "Hurtig gevinst", "en": "Quick win"},
    "table.effort": {"da": "Indsats", "en": "Effort"},
    "table.impact": {"da": "Effekt (1–3)", "en": "Impact (1–3)"},
    "table.horizon": {"da": "Tidshorisont", "en": "Horizon"},
    "table.months": {"da": "{horizon} mdr.", "en": "{horizon} months"},
    "table.owner": {"da": "Ansvarlig", "en": "Owner"},
    "table.deadline": {"da": "Frist", "en": "Deadline"},
    "table.status": {"da": "Status", "en": "Status"},
    "table.description": {"da": "Hvad skal der gøres", "en": "What to do"},
    "table.why": {"da": "Hvorfor denne plads", "en": "Why this rank"},
}
