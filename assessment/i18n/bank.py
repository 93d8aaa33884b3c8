"""Strings of a question bank's problems (`check-bank`, and `--bank` on any command).

Each problem is shown after its file and field (`alpha.yaml: questions[0].weight: …`), so these
are the part after the colon, in lower case. Pydantic's refusals are said by kind
(`messages.validation_phrase`), the same kinds as the answers file's.
"""

from __future__ import annotations

BANK_STRINGS: dict[str, dict[str, str]] = {
    # --- reading a file
    "error.bank.not_found": {"da": "filen findes ikke", "en": "file not found"},
    "error.bank.is_dir": {"da": "det er en mappe, ikke en fil", "en": "is a folder, not a file"},
    "error.bank.not_regular": {
        "da": "det er ikke en almindelig fil",
        "en": "is not a regular file",
    },
    "error.bank.too_large": {
        "da": "filen er større end {limit} kB; en fil i en spørgsmålsbank er langt mindre",
        "en": "file is larger than {limit} kB; a bank file is far smaller",
    },
    "error.bank.not_utf8": {
        "da": "filen kan ikke læses: den er ikke gemt som UTF-8-tekst (byte {byte})",
        "en": "cannot read file: not UTF-8 text (byte {byte})",
    },
    "error.bank.cannot_read": {
        "da": "filen kan ikke læses ({detail})",
        "en": "cannot read file ({detail})",
    },
    # --- YAML
    "error.bank.yaml": {"da": "ugyldig YAML: {reason}", "en": "invalid YAML: {reason}"},
    "error.bank.yaml_line": {
        "da": "linje {line}: ugyldig YAML: {reason}",
        "en": "line {line}: invalid YAML: {reason}",
    },
    "error.bank.at_line": {"da": "linje {line}: {reason}", "en": "line {line}: {reason}"},
    "error.bank.yaml_syntax": {
        "da": "tjek indrykning, koloner og anførselstegn",
        "en": "check the indentation, colons and quotes",
    },
    "error.bank.yaml.colon": {
        "da": "et kolon står, hvor det ikke må; sæt teksten i anførselstegn, hvis den rummer »: «",
        "en": "a colon where none may be; put the text in quotes if it holds “: ”",
    },
    "error.bank.yaml.token": {
        "da": "et tegn, der ikke kan stå her (fx en tabulator i indrykningen, eller @ eller ` "
        "først i en tekst)",
        "en": "a character that cannot stand here (a tab in the indentation, or @ or ` at the "
        "start of a text)",
    },
    "error.bank.yaml.end": {
        "da": "filen slutter, før et anførselstegn eller en parentes er lukket",
        "en": "the file ends before a quote or a bracket is closed",
    },
    "error.bank.yaml.flow": {
        "da": "en liste i [ ] eller en tabel i { } er ikke lukket rigtigt",
        "en": "a list in [ ] or a mapping in { } is not closed properly",
    },
    "error.bank.yaml.indent": {
        "da": "indrykningen passer ikke: linjer på samme niveau skal stå lige under hinanden",
        "en": "the indentation does not fit: lines on one level must line up",
    },
    "error.bank.yaml.escape": {
        "da": "et ukendt tegn efter \\ i en tekst i dobbelte anførselstegn",
        "en": "an unknown character after \\ in a text in double quotes",
    },
    "error.bank.yaml.tag": {
        "da": "et mærke med ! eller !!, som en spørgsmålsbank ikke bruger; fjern det",
        "en": "a tag with ! or !! that a bank does not use; remove it",
    },
    "error.bank.yaml_bool": {
        "da": "»{value}« er hverken true eller false",
        "en": "“{value}” is neither true nor false",
    },
    "error.bank.yaml_character": {
        "da": "filen rummer et styretegn ({code}), som YAML ikke tillader",
        "en": "the file holds a control character ({code}) that YAML does not allow",
    },
    "error.bank.yaml_alias": {
        "da": "ankre og aliasser (& og *) kan ikke bruges i en spørgsmålsbank",
        "en": "anchors and aliases are not allowed in a bank",
    },
    "error.bank.yaml_merge": {
        "da": "flettenøgler (<<) kan ikke bruges i en spørgsmålsbank",
        "en": "merge keys (<<) are not allowed in a bank",
    },
    "error.bank.yaml_duplicate": {
        "da": "nøglen »{key}« står to gange samme sted, så den første værdi ville gå tabt",
        "en": "duplicate key '{key}': the first value would be lost",
    },
    "error.bank.yaml_surrogate": {
        "da": "teksten har et ødelagt tegn, som ikke kan gemmes som UTF-8",
        "en": "a lone surrogate cannot be written as UTF-8",
    },
    "error.bank.yaml_date": {
        "da": "»{value}« er ikke en dato, der findes; skriv den som 2026-11-24",
        "en": "“{value}” is not a date that exists; write it like 2026-11-24",
    },
    "error.bank.number_form": {
        "da": "YAML læser »{value}« som et andet tal, end det ligner (1:30 er 90, 017 er 15); "
        "skriv almindelige cifre, eller sæt tekst i anførselstegn",
        "en": "YAML reads “{value}” as another number than it looks (1:30 is 90, 017 is 15); "
        "write plain digits, or put text in quotes",
    },
    "error.bank.number_digits": {
        "da": "tallet har mere end {limit} cifre; intet i en spørgsmålsbank skal bruge så mange",
        "en": "the number has more than {limit} digits; nothing in a bank needs that many",
    },
    # --- the bank's files
    "error.bank.not_a_bank": {
        "da": "en spørgsmålsbank er en mappe med filen {manifest}",
        "en": "a question bank is a folder holding {manifest}",
    },
    "error.bank.manifest_outside": {
        "da": "{manifest} skal være en fil i spørgsmålsbankens mappe, ikke en genvej til en fil "
        "uden for den",
        "en": "{manifest} must be a file inside the bank folder, not a link to a file outside it",
    },
    "error.bank.not_mapping": {
        "da": "filen skal bestå af nøgler med værdier (id: …), ikke en liste eller en tekst",
        "en": "expected a mapping at the top of the file",
    },
    "error.bank.version_number": {
        "da": 'skal være tekst i anførselstegn, fx "1.10"; YAML læser 1.10 som 1.1',
        "en": 'must be text in quotes, like "1.10": YAML reads 1.10 as 1.1',
    },
    "error.bank.maturity_levels": {
        "da": "skal nævne niveauerne 0, 1, 2, 3 og 4 i den rækkefølge",
        "en": "must list levels 0, 1, 2, 3 and 4 in order",
    },
    "error.bank.outside": {
        "da": "»{name}« skal være en fil i spørgsmålsbankens mappe",
        "en": "'{name}' must be a file inside the bank folder",
    },
    "error.bank.one_key": {
        "da": "filen skal have én nøgle, {key}, med en liste",
        "en": "the file must hold one key, {key}, a list",
    },
    "error.bank.questions_list": {
        "da": "skal være en liste af spørgsmål",
        "en": "must be a list of questions",
    },
    "error.bank.no_questions": {
        "da": "et område skal have mindst ét spørgsmål",
        "en": "an area needs at least one question",
    },
    "error.bank.prefix": {
        "da": "»{id}« skal begynde med »{prefix}«",
        "en": "'{id}' must start with '{prefix}'",
    },
    "error.bank.red_flag_level": {
        "da": "kun niveau 0 kan være et rødt flag",
        "en": "only level 0 can be a red flag",
    },
    # --- links between the files (bank_links)
    "error.bank.dimension_twice": {
        "da": "området »{id}« står to gange",
        "en": "dimension id '{id}' appears twice",
    },
    "error.bank.question_twice": {
        "da": "spørgsmålet »{id}« står to gange",
        "en": "question id '{id}' appears twice",
    },
    "error.bank.role_twice": {
        "da": "rollen »{id}« står to gange",
        "en": "role id '{id}' appears twice",
    },
    "error.bank.unknown_role": {"da": "ukendt rolle »{id}«", "en": "unknown role '{id}'"},
    "error.bank.role_cycle": {
        "da": "»{id}« går i ring: otherwise fører tilbage til rollen selv",
        "en": "'{id}' is part of a cycle",
    },
    "error.bank.source_twice": {
        "da": "kilden »{id}« står to gange",
        "en": "source id '{id}' appears twice",
    },
    "error.bank.unknown_source": {"da": "ukendt kilde »{id}«", "en": "unknown source '{id}'"},
    "error.bank.action_twice": {
        "da": "handlingen »{id}« står to gange",
        "en": "action id '{id}' appears twice",
    },
    "error.bank.find_out": {
        "da": "id'er, der ender på »{suffix}«, er forbeholdt planlæggerens egne handlinger",
        "en": "ids ending in '{suffix}' are the planner's",
    },
    "error.bank.unknown_question": {
        "da": "ukendt spørgsmål »{id}«",
        "en": "unknown question '{id}'",
    },
    "error.bank.level_or_incident": {
        "da": "angiv enten from_level eller incident: true – ikke begge",
        "en": "give a from_level, or incident: true, not both",
    },
    "error.bank.unknown_action": {"da": "ukendt handling »{id}«", "en": "unknown action '{id}'"},
    "error.bank.requires_cycle": {
        "da": "forudsætningerne for »{id}« går i ring",
        "en": "prerequisites of '{id}' form a cycle",
    },
    "error.bank.no_step": {
        "da": "spørgsmålet »{id}« mangler en handling fra niveau {levels}",
        "en": "question '{id}' lacks an action from each of these levels: {levels}",
    },
    "error.bank.own_version": {
        "da": "er bankens egen version",
        "en": "is this bank's own version",
    },
    # --- a field's value (pydantic's refusals, by kind)
    "error.bank.missing": {"da": "feltet mangler", "en": "the field is missing"},
    "error.bank.unknown_field": {
        "da": "et felt, som spørgsmålsbanken ikke kender (en stavefejl?)",
        "en": "a field the question bank does not know (a typo?)",
    },
    "error.bank.wrong_type": {"da": "der skal stå {expected}", "en": "it must be {expected}"},
    "error.bank.too_long": {
        "da": "teksten er for lang: {length} tegn, men højst {limit}",
        "en": "the text is too long: {length} characters, at most {limit}",
    },
    "error.bank.too_many": {
        "da": "for mange elementer: højst {limit}",
        "en": "too many items: at most {limit}",
    },
    "error.bank.too_few": {
        "da": "for få elementer: mindst {limit}",
        "en": "too few items: at least {limit}",
    },
    "error.bank.empty": {"da": "feltet er tomt", "en": "the field is empty"},
    "error.bank.out_of_range": {
        "da": "tallet skal være {bound}",
        "en": "the number must be {bound}",
    },
    "error.bank.not_finite": {
        "da": "der skal stå et almindeligt tal, ikke .inf eller .nan",
        "en": "it must be a finite number, not .inf or .nan",
    },
    "error.bank.choice": {"da": "brug {choices}", "en": "use {choices}"},
    "error.bank.bad_date": {
        "da": "ugyldig dato; skriv den som 2026-11-24",
        "en": "invalid date; write it like 2026-11-24",
    },
    "error.bank.bad_id": {
        "da": "er ikke skrevet i den form, feltet kræver",
        "en": "is not in the form this field requires",
    },
    "error.bank.invalid": {"da": "ugyldig værdi", "en": "invalid value"},
}
