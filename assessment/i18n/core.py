"""Strings of the core: errors, the command line, the plan's reasons, the report and charts."""

from __future__ import annotations

CORE_STRINGS: dict[str, dict[str, str]] = {
    # --- errors shared by the CLI, the app and the answers file
    "error.file_not_found": {"da": "Filen findes ikke: {path}", "en": "File not found: {path}"},
    "error.cannot_read": {
        "da": "Filen kan ikke læses: {path} ({detail}).",
        "en": "Cannot read the file: {path} ({detail}).",
    },
    "error.cannot_write": {
        "da": "Filen kan ikke skrives: {path} ({detail}).",
        "en": "Cannot write the file: {path} ({detail}).",
    },
    # --- stored records and the database (assessment.records, the app)
    "error.record.access_denied": {
        "da": "Linket giver ikke adgang. Brug det link, du fik.",
        "en": "The link gives no access. Use the link you were given.",
    },
    "error.record.conflict": {
        "da": "Det blev ændret i et andet vindue, mens du så på det. Her er det, der er gemt; "
        "ret det igen, hvis det skal være anderledes.",
        "en": "It was changed in another window while you were looking at it. This is what is "
        "saved; change it again if it should be different.",
    },
    "error.record.too_long": {
        "da": "Ikke gemt: teksten er for lang (højst {limit} tegn). Det, du skrev, står der "
        "stadig, så du kan korte det ned.",
        "en": "Not saved: the text is too long (at most {limit} characters). What you typed is "
        "still there, so you can shorten it.",
    },
    "error.record.invalid": {
        "da": "Det kunne ikke gemmes: feltet er for langt eller har et ugyldigt indhold.",
        "en": "It could not be saved: the field is too long or has invalid content.",
    },
    "error.db.not_saved": {
        "da": "Ikke gemt: databasen svarer ikke lige nu. Prøv igen om lidt – det, du har "
        "skrevet, står der stadig.",
        "en": "Not saved: the database is not answering right now. Try again in a moment – what "
        "you typed is still there.",
    },
    "error.db.unavailable": {
        "da": "Databasen svarer ikke lige nu. Prøv igen om lidt.",
        "en": "The database is not answering right now. Try again in a moment.",
    },
    "error.db.retry": {"da": "Prøv igen nu", "en": "Try again now"},
    "error.db.retrying": {
        "da": "Siden prøver selv igen hvert {seconds}. sekund. Det, der er gemt, er ikke væk.",
        "en": "The page tries again by itself every {seconds} seconds. What is saved is not lost.",
    },
    "error.config": {
        "da": "Værktøjet er ikke sat rigtigt op. Administratoren kan se årsagen i loggen.",
        "en": "The tool is not set up correctly. The administrator can see why in the log.",
    },
    "error.unexpected": {
        "da": "Noget gik galt på denne side. Dine gemte svar er ikke berørt; prøv igen, eller "
        "kontakt administratoren.",
        "en": "Something went wrong on this page. Your saved answers are not affected; try "
        "again, or contact the administrator.",
    },
    "error.not_a_file": {
        "da": "{path} er ikke en almindelig fil (men fx en enhed eller et rør) og kan ikke læses.",
        "en": "{path} is not a regular file (but a device or a pipe, say) and cannot be read.",
    },
    "error.out_of_memory": {
        "da": "Der er ikke hukommelse nok til opgaven. Prøv med en mindre fil.",
        "en": "There is not enough memory for the task. Try a smaller file.",
    },
    "error.os.access": {"da": "ingen adgang", "en": "permission denied"},
    "error.os.is_dir": {"da": "det er en mappe", "en": "it is a folder"},
    "error.os.not_dir": {
        "da": "en del af stien er ikke en mappe",
        "en": "part of the path is not a folder",
    },
    "error.os.missing": {
        "da": "filen eller mappen findes ikke",
        "en": "the file or folder does not exist",
    },
    "error.os.name_too_long": {"da": "navnet er for langt", "en": "the name is too long"},
    "error.os.loop": {"da": "for mange genveje i stien", "en": "too many symbolic links"},
    "error.os.disk_full": {"da": "disken er fuld", "en": "the disk is full"},
    "error.os.read_only": {"da": "drevet er skrivebeskyttet", "en": "the drive is read-only"},
    "error.os.not_regular": {
        "da": "det er ikke en almindelig fil",
        "en": "it is not a regular file",
    },
    "error.os.io": {"da": "fejl ved læsning fra drevet", "en": "input/output error"},
    "error.os.other": {"da": "systemfejl {code}", "en": "system error {code}"},
    # --- the command line (assessment.cli)
    "cli.usage": {
        "da": "Fejl i kommandoen: {detail} Se python -m assessment --help",
        "en": "Bad command line: {detail} See python -m assessment --help",
    },
    "cli.usage.required": {"da": "der mangler {args}.", "en": "{args} is missing."},
    "cli.usage.choice": {
        "da": "{arg} kan ikke være {value}; vælg {choices}.",
        "en": "{arg} cannot be {value}; choose {choices}.",
    },
    "cli.usage.unrecognised": {
        "da": "ukendte argumenter: {args}.",
        "en": "unrecognised arguments: {args}.",
    },
    "cli.usage.expects_value": {
        "da": "{arg} skal efterfølges af en værdi.",
        "en": "{arg} must be followed by a value.",
    },
    "cli.usage.ambiguous": {
        "da": "{arg} kan betyde flere ting: {matches}.",
        "en": "{arg} is ambiguous: {matches}.",
    },
    "cli.usage.other": {
        "da": "kommandoen kan ikke forstås.",
        "en": "the command cannot be understood.",
    },
    "cli.arg.command": {"da": "kommandoen", "en": "the command"},
    "cli.arg.answers": {"da": "svarfilen", "en": "the answers file"},
    "cli.arg.path": {"da": "mappen med spørgsmålsbanken", "en": "the question bank's folder"},
    "cli.help.usage": {"da": "brug: ", "en": "usage: "},
    "cli.help.arguments": {"da": "argumenter", "en": "positional arguments"},
    "cli.help.options": {"da": "valgmuligheder", "en": "options"},
    "cli.help.help": {"da": "vis denne hjælp, og stop", "en": "show this help message and exit"},
    "cli.help.description": {
        "da": "Niveauer, handlingsplan og PDF-rapport ud fra svarfiler – og tjek af "
        "spørgsmålsbanker.",
        "en": "Levels, action plan and PDF report from answers files, and checks of question "
        "banks.",
    },
    "cli.help.folder": {"da": "MAPPE", "en": "FOLDER"},
    "cli.help.file": {"da": "FIL", "en": "FILE"},
    "cli.help.bank": {
        "da": "mappen med spørgsmålsbanken (standard: questions/)",
        "en": "question bank folder (default: questions/)",
    },
    "cli.help.lang": {
        "da": "sproget i output og fejlbeskeder (da eller en)",
        "en": "language of the output and the errors (da or en)",
    },
    "cli.help.questions": {"da": "vis spørgsmålsbanken", "en": "print the question bank"},
    "cli.help.questions_json": {"da": "hele banken som JSON", "en": "the whole bank as JSON"},
    "cli.help.check_bank": {"da": "tjek en spørgsmålsbank", "en": "validate a question bank"},
    "cli.help.schema": {
        "da": "vis svarfilens JSON Schema",
        "en": "print the answers file's JSON Schema",
    },
    "cli.help.score": {
        "da": "vis niveauet for hvert område i en svarfil",
        "en": "print the level of each area for an answers file",
    },
    "cli.help.plan": {
        "da": "vis den prioriterede handlingsplan for en svarfil",
        "en": "print the prioritised action plan for an answers file",
    },
    "cli.help.json": {
        "da": "output som JSON til andre programmer",
        "en": "machine-readable output",
    },
    "cli.help.report": {"da": "gem PDF-rapporten", "en": "write the PDF report"},
    "cli.help.output": {"da": "PDF-filen, der skal gemmes", "en": "the PDF file to write"},
    "cli.output_is_input": {
        "da": "Rapporten kan ikke gemmes oven i svarfilen {path}: vælg et andet filnavn med -o.",
        "en": "The report cannot be saved over the answers file {path}: choose another file "
        "name with -o.",
    },
    "cli.output_is_bank": {
        "da": "Rapporten kan ikke gemmes oven i {path}, som er en fil i spørgsmålsbanken: vælg "
        "et andet filnavn med -o.",
        "en": "The report cannot be saved over {path}, a file of the question bank: choose "
        "another file name with -o.",
    },
    "cli.bad_bank.one": {
        "da": "Spørgsmålsbanken har 1 fejl: {problem}.",
        "en": "The question bank has 1 problem: {problem}.",
    },
    "cli.bad_bank.other": {
        "da": "Spørgsmålsbanken har {count} fejl, den første: {problem}. Kør check-bank for at "
        "se dem alle.",
        "en": "The question bank has {count} problems, the first: {problem}. Run check-bank to "
        "see them all.",
    },
    "cli.bank_problems.one": {
        "da": "Spørgsmålsbanken har 1 fejl.",
        "en": "The question bank has 1 problem.",
    },
    "cli.bank_problems.other": {
        "da": "Spørgsmålsbanken har {count} fejl.",
        "en": "The question bank has {count} problems.",
    },
    "cli.bank_ok": {
        "da": "Spørgsmålsbanken {id} {version} er i orden: {dimensions} områder, "
        "{questions} spørgsmål, {actions} handlinger.",
        "en": "Question bank {id} {version} is valid: {dimensions} areas, "
        "{questions} questions, {actions} actions.",
    },
    "cli.overall": {"da": "samlet niveau", "en": "overall level"},
    "cli.dimension_line": {
        "da": "mål {target}, afstand {gap}, besvaret {answered}/{total}, ved ikke {dont_know}",
        "en": "target {target}, gap {gap}, answered {answered}/{total}, don't know {dont_know}",
    },
    "cli.no_actions": {
        "da": "Ingen handlinger: alle besvarede spørgsmål er på eller over målet.",
        "en": "No actions: every answered question is at or above its target.",
    },
    "cli.quick_win": {"da": "hurtig gevinst", "en": "quick win"},
    "cli.plan_line": {
        "da": "{dimension} · {effort} indsats (ca. {hours} timer) · effekt {impact}/3 · "
        "{horizon} mdr. · {owner}",
        "en": "{dimension} · {effort} effort (about {hours} hours) · impact {impact}/3 · "
        "{horizon} months · {owner}",
    },
    "cli.plan_total.one": {
        "da": "12-månedersplan: 1 handling, ca. {hours} af {budget} timer; {backlog} i backloggen.",
        "en": "12-month plan: 1 action, about {hours} of {budget} hours; {backlog} in the backlog.",
    },
    "cli.plan_total.other": {
        "da": "12-månedersplan: {count} handlinger, ca. {hours} af {budget} timer; {backlog} i "
        "backloggen.",
        "en": "12-month plan: {count} actions, about {hours} of {budget} hours; {backlog} in the "
        "backlog.",
    },
    "cli.plan_progress": {
        "da": "frist {deadline} · {status}",
        "en": "deadline {deadline} · {status}",
    },
    "cli.report_written": {
        "da": "Rapporten er gemt i {path} ({kb} kB).",
        "en": "The report is saved to {path} ({kb} kB).",
    },
    "error.answers.too_large": {
        "da": "Filen er for stor til at være en svarfil ({size} kB; en svarfil fylder højst "
        "{limit} kB).",
        "en": "The file is too large to be an answers file ({size} kB; an answers file is at "
        "most {limit} kB).",
    },
    "error.answers.not_json": {
        "da": "Filen er ikke en svarfil: den indeholder ikke gyldig JSON.",
        "en": "The file is not an answers file: it does not contain valid JSON.",
    },
    "error.answers.too_deep": {
        "da": "Filen er ikke en svarfil: den er indlejret langt dybere, end en svarfil er.",
        "en": "The file is not an answers file: it is nested far deeper than an answers file.",
    },
    "error.answers.bad_number": {
        "da": "Svarfilen indeholder et tal, som ikke kan bruges: {value}.",
        "en": "The answers file holds a number that cannot be used: {value}.",
    },
    "error.answers.duplicate_key": {
        "da": "Svarfilen har feltet »{key}« to gange samme sted, så den ene værdi ville gå tabt.",
        "en": "The answers file has the field “{key}” twice in one place, so one value would "
        "be lost.",
    },
    "error.answers.surrogate": {
        "da": "Svarfilen har et ødelagt tegn i {field}. Ret tegnet, eller gem filen igen.",
        "en": "The answers file has a damaged character in {field}. Fix the character or save "
        "the file again.",
    },
    "error.answers.wrong_format": {
        "da": "Filen er ikke en svarfil fra dette værktøj (forventede formatet {expected}).",
        "en": "The file is not an answers file from this tool (expected format {expected}).",
    },
    "error.answers.schema_version": {
        "da": "Svarfilen har skemaversion {found}, men dette værktøj læser version 1 og "
        "{supported}.",
        "en": "The answers file has schema version {found}, but this tool reads versions 1 "
        "and {supported}.",
    },
    "error.answers.schema_version_type": {
        "da": "Svarfilens skemaversion skal være et helt tal (1 eller {supported}), ikke {found}.",
        "en": "The answers file's schema version must be a whole number (1 or {supported}), "
        "not {found}.",
    },
    "error.answers.level_range": {
        "da": "Svarfilen har et ugyldigt niveau i {field}: brug et helt tal fra 0 til 4, "
        "»dont_know« eller »not_applicable«.",
        "en": "The answers file has an invalid level in {field}: use a whole number from 0 to 4, "
        "“dont_know” or “not_applicable”.",
    },
    "error.answers.missing": {
        "da": "Svarfilen mangler feltet {field}.",
        "en": "The answers file is missing the field {field}.",
    },
    "error.answers.unknown_field": {
        "da": "Svarfilen har et felt, som dette værktøj ikke kender: {field}.",
        "en": "The answers file has a field this tool does not know: {field}.",
    },
    "error.answers.wrong_type": {
        "da": "Svarfilen har en værdi af forkert type i {field}: der skal stå {expected}.",
        "en": "The answers file has a value of the wrong type in {field}: it must be {expected}.",
    },
    "error.answers.expect.int": {"da": "et helt tal", "en": "a whole number"},
    "error.answers.expect.number": {"da": "et tal", "en": "a number"},
    "error.answers.expect.bool": {"da": "true eller false", "en": "true or false"},
    "error.answers.expect.text": {"da": "en tekst i anførselstegn", "en": "text in quotes"},
    "error.answers.expect.object": {"da": "et objekt i {{ }}", "en": "an object in {{ }}"},
    "error.answers.expect.list": {"da": "en liste i [ ]", "en": "a list in [ ]"},
    "error.answers.expect.date": {
        "da": 'en dato som "2027-03-01"',
        "en": 'a date like "2027-03-01"',
    },
    "error.answers.expect.datetime": {
        "da": 'et tidspunkt med tidszone som "2026-11-24T09:30:00+01:00"',
        "en": 'a time with a time zone like "2026-11-24T09:30:00+01:00"',
    },
    "error.answers.too_long": {
        "da": "Teksten i {field} er for lang: {length} tegn, men højst {limit} er tilladt.",
        "en": "The text in {field} is too long: {length} characters, but at most {limit} are "
        "allowed.",
    },
    "error.answers.too_many": {
        "da": "Svarfilen har for mange elementer i {field}: højst {limit}.",
        "en": "The answers file has too many items in {field}: at most {limit}.",
    },
    "error.answers.empty": {
        "da": "Feltet {field} i svarfilen er tomt.",
        "en": "The field {field} in the answers file is empty.",
    },
    "error.answers.out_of_range": {
        "da": "Svarfilen har et tal uden for det tilladte i {field}: det skal være {bound}.",
        "en": "The answers file has a number out of range in {field}: it must be {bound}.",
    },
    "error.answers.bound.greater_than_equal": {"da": "mindst {n}", "en": "at least {n}"},
    "error.answers.bound.less_than_equal": {"da": "højst {n}", "en": "at most {n}"},
    "error.answers.bound.greater_than": {"da": "over {n}", "en": "more than {n}"},
    "error.answers.bound.less_than": {"da": "under {n}", "en": "less than {n}"},
    "error.answers.choice": {
        "da": "Svarfilen har en ugyldig værdi i {field}: brug {choices}.",
        "en": "The answers file has an invalid value in {field}: use {choices}.",
    },
    "error.answers.bad_date": {
        "da": 'Svarfilen har en ugyldig dato i {field}: skriv den som "2027-03-01".',
        "en": 'The answers file has an invalid date in {field}: write it like "2027-03-01".',
    },
    "error.answers.bad_time": {
        "da": "Svarfilen har et ugyldigt tidspunkt i {field}: skriv det med tidszone som "
        '"2026-11-24T09:30:00+01:00".',
        "en": "The answers file has an invalid time in {field}: write it with a time zone like "
        '"2026-11-24T09:30:00+01:00".',
    },
    "error.answers.no_timezone": {
        "da": "Tidspunktet i {field} mangler en tidszone: skriv det som "
        '"2026-11-24T09:30:00+01:00".',
        "en": 'The time in {field} has no time zone: write it like "2026-11-24T09:30:00+01:00".',
    },
    "error.answers.bad_id": {
        "da": "Svarfilen har et ugyldigt id i {field}.",
        "en": "The answers file has an invalid id in {field}.",
    },
    "error.answers.invalid": {
        "da": "Svarfilen har en ugyldig værdi i {field}.",
        "en": "The answers file has an invalid value in {field}.",
    },
    "error.answers.time_range": {
        "da": "Tidspunktet i {field} ligger uden for årene {first}–{last}: {value}.",
        "en": "The time in {field} lies outside the years {first}–{last}: {value}.",
    },
    "error.answers.updated_before_created": {
        "da": "Svarfilen er ændret (updated_at), før den blev oprettet (created_at). Ret et af de "
        "to tidspunkter.",
        "en": "The answers file was changed (updated_at) before it was created (created_at). "
        "Correct one of the two times.",
    },
    "error.answers.duplicate_item": {
        "da": "Svarfilen nævner »{value}« to gange i {field}.",
        "en": "The answers file names “{value}” twice in {field}.",
    },
    "error.answers.unknown_role": {
        "da": "Svarfilen nævner roller, som spørgsmålsbanken ikke kender: {ids}.",
        "en": "The answers file names roles the question bank does not know: {ids}.",
    },
    "error.answers.fixed_role": {
        "da": "Svarfilen nævner roller, som alle kommuner har, og som derfor ikke kan vælges til "
        "eller fra: {ids}.",
        "en": "The answers file names roles every municipality has, which cannot be chosen or "
        "left out: {ids}.",
    },
    "error.answers.other_bank": {
        "da": "Svarfilen hører til spørgsmålsbanken {found}, ikke {expected}.",
        "en": "The answers file belongs to question bank {found}, not {expected}.",
    },
    "error.answers.bank_version": {
        "da": "Svarfilen er lavet med version {found} af spørgsmålsbanken, men dette værktøj har "
        "version {current}.",
        "en": "The answers file was made with version {found} of the question bank, but this "
        "tool has version {current}.",
    },
    "error.answers.unknown_municipality": {
        "da": "Svarfilen nævner en kommune, der ikke findes: {code}.",
        "en": "The answers file names a municipality that does not exist: {code}.",
    },
    "error.answers.municipality_mismatch": {
        "da": "Svarfilen har kommunekode {code}, som er {official}, men kommunenavnet »{name}«. "
        "Ret koden eller navnet.",
        "en": "The answers file has municipality code {code}, which is {official}, but the name "
        "“{name}”. Correct the code or the name.",
    },
    "error.answers.unknown_question": {
        "da": "Svarfilen nævner spørgsmål, som spørgsmålsbanken ikke kender: {ids}.",
        "en": "The answers file names questions the question bank does not know: {ids}.",
    },
    "error.answers.unknown_dimension": {
        "da": "Svarfilen har mål for områder, som spørgsmålsbanken ikke kender: {ids}.",
        "en": "The answers file has targets for areas the question bank does not know: {ids}.",
    },
    "error.answers.unknown_action": {
        "da": "Svarfilen har ændringer til handlinger, som spørgsmålsbanken ikke kender: {ids}.",
        "en": "The answers file edits actions the question bank does not know: {ids}.",
    },
    "error.answers.not_applicable": {
        "da": "Svarfilen svarer »ikke relevant« på spørgsmål, der altid er relevante: {ids}.",
        "en": "The answers file answers “not applicable” to questions that always apply: {ids}.",
    },
    # --- opening an answers file of an older bank version (assessment.migration)
    "notice.migrated": {
        "da": "Svarfilen er lavet med spørgsmålsbank {old} og er åbnet med version {new}; "
        "alle svar og planændringer er overført.",
        "en": "The answers file was made with question bank {old} and is opened with version "
        "{new}; every answer and plan edit is carried over.",
    },
    "notice.migrated_lost": {
        "da": "Svarene er lavet med spørgsmålsbank {old} og er åbnet med version {new}. Ikke alt "
        "kunne overføres, fordi spørgsmål er ændret eller handlinger slået sammen – se disse "
        "igen: {ids}.",
        "en": "The answers were made with question bank {old} and are opened with version {new}. "
        "Not everything could be carried over, because questions changed or actions were "
        "merged – look at these again: {ids}.",
    },
    # --- why an action is in the plan (assessment.plan_reasons)
    "plan.finding.step": {
        "da": "{question} står på niveau {level} ({maturity}): {anchor}",
        "en": "{question} is at level {level} ({maturity}): {anchor}",
    },
    "plan.finding.red_flag": {
        "da": "Rødt flag: {question} står på niveau 0: {anchor}",
        "en": "Red flag: {question} is at level 0: {anchor}",
    },
    "plan.finding.find_out": {
        "da": "{question} er besvaret med »ved ikke«. Uden et svar kan planen ikke vælge det "
        "rigtige næste skridt.",
        "en": "{question} was answered “don't know”. Without an answer the plan cannot choose "
        "the right next step.",
    },
    "plan.finding.incident": {
        "da": "Kommunen har haft en alvorlig sag på de sociale medier inden for de seneste 12 "
        "måneder. Handlingen følger den op under {question}.",
        "en": "The municipality has had a serious incident on social media in the last 12 "
        "months. This action follows it up under {question}.",
    },
    "plan.reason.gap": {
        "da": "Målet for {dimension} er {target} (afstand {gap}).",
        "en": "The target for {dimension} is {target} (gap {gap}).",
    },
    "plan.reason.red_flag": {
        "da": "Praksis kan være i strid med loven, så handlingen står før alt andet, uanset "
        "regnestykket.",
        "en": "The practice may be unlawful, so this action comes before everything else, "
        "whatever the arithmetic.",
    },
    "plan.reason.incident": {
        "da": "Opfølgning på en hændelse kommer lige efter eventuelle røde flag, mens sagen er "
        "frisk.",
        "en": "Following up an incident comes right after any red flags, while it is fresh.",
    },
    "plan.reason.find_out": {
        "da": "Det koster et par timer at finde ud af, og svaret afgør de næste skridt.",
        "en": "Finding out takes a couple of hours, and the answer decides the next steps.",
    },
    "plan.reason.critical": {
        "da": "Spørgsmålet er et grundkrav og står under niveau 2, så det vægter ekstra.",
        "en": "This core requirement is below level 2, so it gets extra weight.",
    },
    "plan.reason.critical_unknown": {
        "da": "Spørgsmålet er et grundkrav, så det vægter ekstra.",
        "en": "This is a core requirement, so it gets extra weight.",
    },
    "plan.reason.weight": {
        "da": "Spørgsmålet vægter {weight}.",
        "en": "The question has weight {weight}.",
    },
    "plan.reason.value": {
        "da": "{impact} effekt for {effort} indsats (ca. {hours} timer).",
        "en": "{impact} impact for {effort} effort (about {hours} hours).",
    },
    "plan.reason.quick_win": {"da": "En hurtig gevinst.", "en": "A quick win."},
    "plan.reason.pulled_forward": {
        "da": "Rykket frem, fordi {actions} bygger på den.",
        "en": "Moved up because {actions} builds on it.",
    },
    "plan.reason.after": {
        "da": "Kommer efter {actions}, som skal være på plads først.",
        "en": "Comes after {actions}, which must be in place first.",
    },
    "plan.reason.waits": {
        "da": "Bygger på {actions}, som endnu ikke er på plads, og ligger derfor tidligst i "
        "perioden 6–12 måneder.",
        "en": "Builds on {actions}, which is not in place yet, so it is in the 6–12-month "
        "period at the earliest.",
    },
    "plan.reason.capacity": {
        "da": "Flyttet til en senere periode, fordi timerne i den første er brugt.",
        "en": "Moved to a later period; the hours of the earlier one are used up.",
    },
    "plan.reason.backlog": {
        "da": "Ligger i backloggen: de timer, kommunen har sat af, rækker ikke til den inden "
        "for 12 måneder.",
        "en": "In the backlog: the hours the municipality has set aside do not stretch to it "
        "within 12 months.",
    },
    "plan.reason.full": {
        "da": "Ligger i backloggen: planen for de næste 12 måneder har allerede 20 handlinger.",
        "en": "In the backlog: the plan for the next 12 months already has 20 actions.",
    },
    "plan.reason.backlog_prerequisite": {
        "da": "Ligger i backloggen, fordi noget, den bygger på, også gør det.",
        "en": "In the backlog, because something it builds on is there too.",
    },
    "plan.find_out.title": {
        "da": "Find ud af, hvor I står: {question}",
        "en": "Find out where you stand: {question}",
    },
    "plan.find_out.description": {
        "da": "Find dokumentationen frem: {evidence} Vælg derefter det niveau, der passer, så "
        "planen kan tage det rigtige næste skridt.",
        "en": "Find the evidence: {evidence} Then choose the level that fits, so the plan can "
        "take the right next step.",
    },
    "plan.find_out.done": {
        "da": "{question}: spørgsmålet er besvaret med et niveau, og dokumentationen ligger "
        "sammen med selvevalueringen.",
        "en": "{question}: the question is answered with a level, and the evidence is kept "
        "with the self-assessment.",
    },
    "plan.impact.1": {"da": "Lille", "en": "Low"},
    "plan.impact.2": {"da": "Mellem", "en": "Medium"},
    "plan.impact.3": {"da": "Stor", "en": "High"},
    "plan.effort.low": {"da": "lille", "en": "low"},
    "plan.effort.medium": {"da": "mellemstor", "en": "medium"},
    "plan.effort.high": {"da": "stor", "en": "high"},
    # --- the PDF report (assessment.report)
    "report.page": {"da": "Side {page} af {pages}", "en": "Page {page} of {pages}"},
    "report.section.brief": {"da": "Direktionens resumé", "en": "Brief for the executive board"},
    "report.section.decision": {
        "da": "Direktionen bedes beslutte",
        "en": "The executive board is asked to decide",
    },
    "report.section.plan": {
        "da": "Handlingsplan for de næste 12 måneder",
        "en": "Action plan for the next 12 months",
    },
    "report.appendix": {"da": "Bilag {letter}: {name}", "en": "Appendix {letter}: {name}"},
    "report.section.backlog": {"da": "Backlog", "en": "Backlog"},
    "report.section.charts": {"da": "Nu og mål", "en": "Now and target"},
    "report.section.spread": {
        "da": "Spredning i deltagernes svar",
        "en": "Spread of participants' answers",
    },
    "report.section.dimensions": {"da": "Områderne", "en": "The areas"},
    "report.section.answers": {"da": "Alle svar", "en": "All answers"},
    "report.brief_subtitle": {"da": "{title}, {date}.", "en": "{title}, {date}."},
    "report.respondent": {"da": "Udfyldt af {names}.", "en": "Completed by {names}."},
    "report.standing": {"da": "Hvor kommunen står", "en": "Where the municipality stands"},
    "report.summary_intro": {
        "da": "{municipality} står samlet på niveau {level} af {top} ({maturity}).",
        "en": "{municipality} stands at level {level} of {top} overall ({maturity}).",
    },
    "report.no_level": {
        "da": "Intet niveau endnu: ingen spørgsmål er besvaret med et niveau.",
        "en": "No level yet: no question has been answered with a level.",
    },
    # What the level leaves out, one part per kind (joined as a list), then what the plan does
    # about it: only what is true of this plan (`report.brief._evidence`).
    "report.evidence.dont_know.one": {
        "da": "{count} spørgsmål er besvaret med »ved ikke«",
        "en": "{count} question was answered “don't know”",
    },
    "report.evidence.dont_know.other": {
        "da": "{count} spørgsmål er besvaret med »ved ikke«",
        "en": "{count} questions were answered “don't know”",
    },
    "report.evidence.unanswered.one": {
        "da": "{count} spørgsmål er ikke besvaret",
        "en": "{count} question was not answered",
    },
    "report.evidence.unanswered.other": {
        "da": "{count} spørgsmål er ikke besvaret",
        "en": "{count} questions were not answered",
    },
    "report.evidence.not_applicable.one": {
        "da": "{count} spørgsmål er ikke relevant",
        "en": "{count} question does not apply",
    },
    "report.evidence.not_applicable.other": {
        "da": "{count} spørgsmål er ikke relevante",
        "en": "{count} questions do not apply",
    },
    "report.evidence.left_out.one": {
        "da": "Det tæller ikke med i niveauet.",
        "en": "It does not count towards the level.",
    },
    "report.evidence.left_out.other": {
        "da": "De tæller ikke med i niveauet.",
        "en": "They do not count towards the level.",
    },
    "report.evidence.find_out_first.one": {
        "da": "Planen begynder med at undersøge spørgsmålet med »ved ikke« (nr. {numbers}).",
        "en": "The plan starts by looking into the question answered “don't know” (action "
        "{numbers}).",
    },
    "report.evidence.find_out_first.other": {
        "da": "Planen begynder med at undersøge spørgsmålene med »ved ikke« (nr. {numbers}).",
        "en": "The plan starts by looking into the questions answered “don't know” (actions "
        "{numbers}).",
    },
    "report.evidence.find_out_later.one": {
        "da": "Spørgsmålet med »ved ikke« undersøges i planens nr. {numbers}.",
        "en": "The question answered “don't know” is looked into by action {numbers} of the plan.",
    },
    "report.evidence.find_out_later.other": {
        "da": "Spørgsmålene med »ved ikke« undersøges i planens nr. {numbers}.",
        "en": "The questions answered “don't know” are looked into by actions {numbers} of the "
        "plan.",
    },
    "report.evidence.no_step.one": {
        "da": "Det ubesvarede spørgsmål får ikke et næste skridt i planen, før det er besvaret.",
        "en": "The unanswered question gets no next step in the plan until it is answered.",
    },
    "report.evidence.no_step.other": {
        "da": "De ubesvarede spørgsmål får ikke et næste skridt i planen, før de er besvaret.",
        "en": "The unanswered questions get no next step in the plan until they are answered.",
    },
    "report.red_flags": {"da": "Røde flag", "en": "Red flags"},
    "report.red_flags_text.one": {
        "da": "{count} forhold kan være i strid med loven. Det står først i planen og bør "
        "stoppes straks:",
        "en": "{count} practice may be unlawful. It comes first in the plan and should be "
        "stopped at once:",
    },
    "report.red_flags_text.other": {
        "da": "{count} forhold kan være i strid med loven. De står først i planen og bør "
        "stoppes straks:",
        "en": "{count} practices may be unlawful. They come first in the plan and should be "
        "stopped at once:",
    },
    "report.priorities": {"da": "De tre vigtigste handlinger", "en": "The three priorities"},
    "report.priorities_all": {"da": "Handlingerne i planen", "en": "The actions in the plan"},
    "report.priority_line": {
        "da": "{owner} · ca. {hours} timer · frist {deadline}",
        "en": "{owner} · about {hours} hours · by {deadline}",
    },
    "report.cost": {"da": "Hvad det koster", "en": "What it costs"},
    "report.cost_top": {
        "da": "De tre vigtigste handlinger koster ca. {top} timer.",
        "en": "The three priorities cost about {top} hours.",
    },
    "report.cost_text.one": {
        "da": "Hele planen for de næste 12 måneder har {count} handling og koster ca. {hours} "
        "af de {budget} timer, kommunen har til at udvikle sine sociale medier.",
        "en": "The whole plan for the next 12 months has {count} action and costs about "
        "{hours} of the {budget} hours the municipality has to develop its social media.",
    },
    "report.cost_text.other": {
        "da": "Hele planen for de næste 12 måneder har {count} handlinger og koster ca. {hours} "
        "af de {budget} timer, kommunen har til at udvikle sine sociale medier.",
        "en": "The whole plan for the next 12 months has {count} actions and costs about "
        "{hours} of the {budget} hours the municipality has to develop its social media.",
    },
    "report.cost_basis": {
        "da": "Timerne bygger på kommunens {weekly} timer om ugen til sociale medier, hvoraf "
        "{share} % går til udvikling.",
        "en": "The hours rest on the municipality's {weekly} hours a week for social media, of "
        "which {share}% go to development.",
    },
    "report.cost_basis_assumed": {
        "da": "Kommunen har ikke oplyst sine timer til sociale medier, så planen er regnet med "
        "{weekly} timer om ugen, hvoraf {share} % går til udvikling. Oplys timerne for en plan, "
        "der passer.",
        "en": "The municipality has not given its hours for social media, so the plan assumes "
        "{weekly} hours a week, of which {share}% go to development. Give the hours for a plan "
        "that fits.",
    },
    "report.backlog_waiting.one": {
        "da": "{count} handling venter i backloggen (bilag A).",
        "en": "{count} action waits in the backlog (appendix A).",
    },
    "report.backlog_waiting.other": {
        "da": "{count} handlinger venter i backloggen (bilag A).",
        "en": "{count} actions wait in the backlog (appendix A).",
    },
    "report.decide.approve.one": {
        "da": "at godkende handlingsplanen for de næste 12 måneder: {count} handling, ca. "
        "{hours} timer;",
        "en": "to approve the action plan for the next 12 months: {count} action, about "
        "{hours} hours;",
    },
    "report.decide.approve.other": {
        "da": "at godkende handlingsplanen for de næste 12 måneder: {count} handlinger, ca. "
        "{hours} timer;",
        "en": "to approve the action plan for the next 12 months: {count} actions, about "
        "{hours} hours;",
    },
    "report.decide.owners": {
        "da": "at de ansvarlige, planen nævner, får opgaverne og tiden til dem;",
        "en": "that the owners the plan names are given the tasks and the time for them;",
    },
    "report.decide.stop": {
        "da": "straks at stoppe den praksis, de røde flag beskriver;",
        "en": "to stop at once the practices the red flags describe;",
    },
    "report.decide.follow_up": {
        "da": "at planen følges op på et direktionsmøde senest {date}.",
        "en": "that the plan is followed up at a board meeting by {date}.",
    },
    "report.signoff": {"da": "Godkendelse", "en": "Approval"},
    "report.signoff_text": {
        "da": "Handlingsplanen for {municipality} er godkendt som beskrevet ovenfor.",
        "en": "The action plan for {municipality} is approved as described above.",
    },
    "report.sign.name": {"da": "Navn", "en": "Name"},
    "report.sign.title": {"da": "Titel", "en": "Title"},
    "report.sign.date": {"da": "Dato", "en": "Date"},
    "report.sign.signature": {"da": "Underskrift", "en": "Signature"},
    "report.bank": {
        "da": "Spørgsmålsbank {id}, version {version}.",
        "en": "Question bank {id}, version {version}.",
    },
    "report.legal_status": {
        "da": "Retstilstand pr. {date}. De juridiske tekster er et sammendrag og ikke juridisk "
        "rådgivning.",
        "en": "Law as at {date}. The legal notes are a summary, not legal advice.",
    },
    "report.plan_intro": {
        "da": "Handlingerne står i den rækkefølge, de bør tages. Hver handling siger, hvad der "
        "skal gøres, hvorfor (spørgsmålet og svaret), og hvornår den er færdig. Fristen er den, "
        "I har sat, ellers slutningen af handlingens periode.",
        "en": "The actions are in the order to take them. Each says what to do, why (the "
        "question and the answer) and when it is done. The deadline is the one you set, or "
        "else the end of the action's period.",
    },
    "report.dropped_one": {
        "da": "1 fravalgt handling er udeladt.",
        "en": "1 dropped action is left out.",
    },
    "report.dropped_many": {
        "da": "{count} fravalgte handlinger er udeladt.",
        "en": "{count} dropped actions are left out.",
    },
    "report.no_actions": {
        "da": "Ingen handlinger: alle besvarede spørgsmål er på eller over målet.",
        "en": "No actions: every answered question is at or above its target.",
    },
    "report.action_facts": {
        "da": "Ansvarlig: {owner} · frist {deadline} · {status} · ca. {hours} timer · {area}",
        "en": "Owner: {owner} · by {deadline} · {status} · about {hours} hours · {area}",
    },
    "report.deadline_horizon": {"da": "{date} ({horizon} mdr.)", "en": "{date} ({horizon} months)"},
    "report.red_flag_mark": {"da": "Rødt flag", "en": "Red flag"},
    "report.quick_win_mark": {"da": "Hurtig gevinst", "en": "Quick win"},
    "report.label.do": {"da": "Det skal gøres", "en": "What to do"},
    "report.label.why": {"da": "Hvorfor", "en": "Why"},
    "report.label.done": {"da": "Færdig, når", "en": "Done when"},
    "report.status.todo": {"da": "ikke startet", "en": "not started"},
    "report.status.doing": {"da": "i gang", "en": "in progress"},
    "report.status.done": {"da": "færdig", "en": "done"},
    "report.backlog_intro": {
        "da": "Det, de afsatte timer ikke rækker til inden for 12 måneder, i den rækkefølge det "
        "bør tages, når der bliver tid.",
        "en": "What the hours set aside do not stretch to within 12 months, in the order to "
        "take it when there is time.",
    },
    "report.no_backlog": {
        "da": "Backloggen er tom: alt kan nås inden for 12 måneder.",
        "en": "The backlog is empty: everything fits in 12 months.",
    },
    "report.backlog_line": {
        "da": "{title} ({area}, ca. {hours} timer)",
        "en": "{title} ({area}, about {hours} hours)",
    },
    "report.charts_intro": {
        "da": "Den blå figur viser, hvor kommunen står nu, den orange stiplede figur målet. "
        "Jo længere der er mellem dem, jo mere er der at gøre i området.",
        "en": "The blue shape shows where the municipality stands now, the dashed orange shape "
        "the target. The further apart they are, the more there is to do in that area.",
    },
    "report.dimensions_intro": {
        "da": "For hvert område: niveauet og hvad det betyder, og de spørgsmål, der står "
        "stærkest og svagest.",
        "en": "For each area: the level and what it means, and the questions that stand "
        "strongest and weakest.",
    },
    "report.dimension_no_level": {
        "da": "Intet niveau: ingen af områdets spørgsmål er besvaret med et niveau.",
        "en": "No level: none of the area's questions has been answered with a level.",
    },
    "report.level_of": {"da": "Niveau {level} af {top}", "en": "Level {level} of {top}"},
    "report.dimension_facts": {
        "da": "Mål {target} · afstand {gap} · besvaret {answered} af {total} · ved ikke "
        "{dont_know} · ikke relevant {not_applicable}",
        "en": "Target {target} · gap {gap} · answered {answered} of {total} · don't know "
        "{dont_know} · not applicable {not_applicable}",
    },
    "report.capped": {
        "da": "Niveauet er sat ned til 2, fordi et grundkrav står under niveau 2: {questions}",
        "en": "The level is capped at 2 because a core requirement is below level 2: {questions}",
    },
    "report.strongest": {"da": "Stærkest", "en": "Strongest"},
    "report.weakest": {"da": "Svagest", "en": "Weakest"},
    "report.level_answer": {"da": "Niveau {level}: {text}", "en": "Level {level}: {text}"},
    "report.dont_know": {"da": "Ved ikke", "en": "Don't know"},
    "report.not_answered": {"da": "Ikke besvaret", "en": "Not answered"},
    "report.not_applicable": {"da": "Ikke relevant", "en": "Not applicable"},
    "report.unknown": {"da": "Ukendt", "en": "Unknown"},
    "report.note": {"da": "Note", "en": "Note"},
    "report.col.dimension": {"da": "Område", "en": "Area"},
    "report.col.level": {"da": "Nu", "en": "Now"},
    "report.col.maturity": {"da": "Modenhed", "en": "Maturity"},
    "report.col.target": {"da": "Mål", "en": "Target"},
    "report.col.gap": {"da": "Afstand", "en": "Gap"},
    "report.col.participants": {"da": "Deltagere", "en": "Participants"},
    "report.col.min": {"da": "Laveste", "en": "Lowest"},
    "report.col.median": {"da": "Median", "en": "Median"},
    "report.col.max": {"da": "Højeste", "en": "Highest"},
    "report.spread_intro": {
        "da": "{participants} deltagere svarede hver for sig. Tabellen viser, hvor langt de lå "
        "fra hinanden i hvert område: stor spredning er et godt sted at starte samtalen.",
        "en": "{participants} participants answered on their own. The table shows how far "
        "apart they were in each area: a wide spread is a good place to start the conversation.",
    },
    "report.spread_widest": {
        "da": "Størst spredning: {area}, hvor svarene gik fra {low} til {high}.",
        "en": "Widest spread: {area}, where the answers ran from {low} to {high}.",
    },
    "report.appendix_intro": {
        "da": "Alle spørgsmål med det valgte niveau og noterne, som de blev skrevet.",
        "en": "Every question with the chosen level and the notes as they were written.",
    },
    # --- charts (assessment.charts)
    "chart.current": {"da": "Nu", "en": "Current"},
    "chart.target": {"da": "Mål", "en": "Target"},
    "chart.room_median": {"da": "Deltagernes median", "en": "Participants' median"},
    "chart.room_range": {
        "da": "Deltagernes spænd (min–maks)",
        "en": "Participants' range (min–max)",
    },
    "chart.radar_title": {"da": "Modenhed nu og mål", "en": "Maturity now and target"},
    "chart.gap_title": {"da": "Afstand til målet", "en": "Gap to the target"},
    "chart.dimension": {"da": "Område", "en": "Area"},
    "chart.series": {"da": "Serie", "en": "Series"},
    "chart.level": {"da": "Niveau", "en": "Level"},
    "chart.level_axis": {"da": "Niveau (0–4)", "en": "Level (0–4)"},
    "chart.gap": {"da": "Afstand", "en": "Gap"},
    "chart.gap_value": {"da": "Afstand {gap}", "en": "Gap {gap}"},
    "chart.reached": {"da": "Mål nået", "en": "Target reached"},
    "chart.unknown_note": {
        "da": "? = ingen besvarede spørgsmål i området; vist som 0",
        "en": "? = no answered questions in the area; shown as 0",
    },
}
