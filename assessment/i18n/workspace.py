"""Strings of the workspace, the rounds over time and the peer comparison (merged into
`i18n.STRINGS`)."""

from __future__ import annotations

WORKSPACE_STRINGS: dict[str, dict[str, str]] = {
    # sign-in
    "wsp.auth.login": {"da": "Log ind", "en": "Sign in"},
    "wsp.auth.logout": {"da": "Log ud", "en": "Sign out"},
    "wsp.auth.signed_in_as": {"da": "Logget ind som {email}", "en": "Signed in as {email}"},
    "wsp.auth.no_address": {
        "da": "Dit log-ind gav ikke en bekræftet e-mailadresse, så dit overblik kan ikke åbnes. "
        "Bed IT om at sende e-mailadressen med ved log-ind.",
        "en": "Your sign-in did not include a verified e-mail address, so your workspace cannot "
        "open. Ask IT to include the e-mail address in the sign-in.",
    },
    # the workspace page
    "wsp.title": {"da": "Mit overblik", "en": "My workspace"},
    "wsp.not_configured": {
        "da": "Log-ind er ikke sat op her. Alle vurderinger åbnes med deres private link.",
        "en": "Sign-in is not set up here. Every assessment opens with its private link.",
    },
    "wsp.intro": {
        "da": "Log ind for at se dine kommuner og deres vurderinger år for år, åbne dem uden det "
        "private link og dele dem med kolleger.",
        "en": "Sign in to see your municipalities and their assessments year by year, open them "
        "without the private link and share them with colleagues.",
    },
    "wsp.empty": {
        "da": "Du har ingen vurderinger endnu. Vælg en kommune ovenfor for at starte.",
        "en": "You have no assessments yet. Choose a municipality above to start.",
    },
    "wsp.new.title": {"da": "Ny vurdering", "en": "New assessment"},
    "wsp.start.owned": {
        "da": "Du er logget ind, så vurderingen lægges i dit overblik. Den får intet privat link: "
        "du deler den med kolleger fra overblikket.",
        "en": "You are signed in, so the assessment goes into your workspace. It gets no private "
        "link: you share it with colleagues from the workspace.",
    },
    "wsp.new.button": {"da": "Start", "en": "Start"},
    "wsp.clients.title": {"da": "Dine kommuner", "en": "Your municipalities"},
    "wsp.clients.show": {"da": "Vis kommune", "en": "Show municipality"},
    "wsp.col.workshops": {"da": "Workshops", "en": "Workshops"},
    "wsp.client.none": {"da": "Ingen vurderinger endnu.", "en": "No assessments yet."},
    "wsp.round": {"da": "Runde {number}", "en": "Round {number}"},
    "wsp.kind.solo": {"da": "selvevaluering", "en": "self-assessment"},
    "wsp.kind.consensus": {"da": "workshop (fælles svar)", "en": "workshop (agreed answers)"},
    "wsp.kind.participant": {"da": "deltager", "en": "participant"},
    "wsp.started": {"da": "startet {date}", "en": "started {date}"},
    "wsp.answered": {
        "da": "{answered} af {total} besvaret",
        "en": "{answered} of {total} answered",
    },
    "wsp.level": {"da": "niveau {level}", "en": "level {level}"},
    "wsp.unconfirmed": {
        "da": "{count} overførte svar venter på at blive bekræftet",
        "en": "{count} carried-over answers wait for confirmation",
    },
    "wsp.sharing_peers": {"da": "deler anonymt til sammenligning", "en": "shared with peers"},
    "wsp.open": {"da": "Åbn", "en": "Open"},
    "wsp.progress": {"da": "Se udviklingen", "en": "See progress"},
    "wsp.workshops": {"da": "Workshops", "en": "Workshops"},
    "wsp.workshops.open": {
        "da": "De fælles svar står ovenfor og åbnes og deles som en vurdering. Har du mistet "
        "facilitatorlinket, giver knappen et nyt; det gamle link og præsentationslinket holder "
        "så op med at virke.",
        "en": "The agreed answers are listed above and open and share like an assessment. If you "
        "lost the facilitator link, the button gives you a new one; the old link and the "
        "presenter link then stop working.",
    },
    "wsp.workshop.room": {"da": "Åbn facilitatorsiden", "en": "Open the facilitator page"},
    "wsp.claim.workshop": {
        "da": "Læg workshoppen i mit overblik",
        "en": "Add the workshop to my workspace",
    },
    "wsp.claim.workshop_done": {
        "da": "Workshoppen ligger nu i dit overblik.",
        "en": "The workshop is now in your workspace.",
    },
    "wsp.workshop.open": {"da": "åben", "en": "open"},
    "wsp.workshop.closed": {"da": "lukket", "en": "closed"},
    "wsp.role.owner": {"da": "ejer", "en": "owner"},
    "wsp.role.editor": {"da": "kan redigere", "en": "can edit"},
    "wsp.role.viewer": {"da": "kan se", "en": "can view"},
    "wsp.shared.title": {"da": "Delt med dig", "en": "Shared with you"},
    "wsp.shared.text": {
        "da": "Vurderinger, som kolleger har delt med dig.",
        "en": "Assessments colleagues have shared with you.",
    },
    # sharing
    "wsp.share.title": {
        "da": "Del med kolleger ({count})",
        "en": "Share with colleagues ({count})",
    },
    "wsp.share.email": {"da": "Kollegaens e-mailadresse", "en": "Colleague's e-mail address"},
    "wsp.share.role": {"da": "Adgang", "en": "Access"},
    "wsp.share.help": {
        "da": "Kollegaen ser vurderingen her, næste gang vedkommende logger ind med adressen. Der "
        "sendes ingen mail, så sig det selv.",
        "en": "Your colleague sees the assessment here next time they sign in with that address. "
        "No e-mail is sent, so tell them yourself.",
    },
    "wsp.share.button": {"da": "Del", "en": "Share"},
    "wsp.share.done": {"da": "Delt med {email}.", "en": "Shared with {email}."},
    "wsp.share.revoke": {"da": "Fjern", "en": "Remove"},
    "wsp.share.revoked": {
        "da": "{email} har ikke længere adgang.",
        "en": "{email} no longer has access.",
    },
    # opening an assessment from the workspace
    "wsp.open.sign_in": {
        "da": "Log ind for at åbne denne vurdering.",
        "en": "Sign in to open this assessment.",
    },
    "wsp.open.read_only": {
        "da": "Du kan se denne vurdering, men ikke ændre den.",
        "en": "You can view this assessment but not change it.",
    },
    "wsp.open.role_editor": {
        "da": "Åbnet fra dit overblik. Kun du og dem, den er delt med, kan åbne den.",
        "en": "Opened from your workspace. Only you and those it is shared with can open it.",
    },
    "wsp.open.role_viewer": {
        "da": "Åbnet fra dit overblik: du kan se, men ikke ændre.",
        "en": "Opened from your workspace: you can view, not change.",
    },
    "wsp.claim.text": {
        "da": "Læg vurderingen i dit overblik, så du kan finde den uden linket. Linket virker "
        "stadig.",
        "en": "Add the assessment to your workspace to find it without the link. The link keeps "
        "working.",
    },
    "wsp.claim.button": {"da": "Læg i mit overblik", "en": "Add to my workspace"},
    "wsp.claim.done": {
        "da": "Vurderingen ligger nu i dit overblik.",
        "en": "The assessment is now in your workspace.",
    },
    # deleting a client
    "wsp.delete.title": {
        "da": "Slet {name} og alle data",
        "en": "Delete {name} and all its data",
    },
    "wsp.delete.text": {
        "da": "Alle kommunens vurderinger, svar, noter, handlingsplaner og workshops slettes for "
        "altid, også for dem, du har delt dem med. Det kan ikke fortrydes. Hent evt. filerne "
        "først.",
        "en": "All the municipality's assessments, answers, notes, action plans and workshops "
        "are deleted for good, also for those you shared them with. This cannot be undone. "
        "Download the files first if you need them.",
    },
    "wsp.delete.confirm": {
        "da": "Skriv {name} for at bekræfte",
        "en": "Type {name} to confirm",
    },
    "wsp.delete.button": {"da": "Slet for altid", "en": "Delete for good"},
    "wsp.delete.done": {
        "da": "{name} er slettet med {assessments} og {workshops}.",
        "en": "{name} was deleted with {assessments} and {workshops}.",
    },
    "wsp.count.assessments.one": {"da": "1 vurdering", "en": "1 assessment"},
    "wsp.count.assessments.other": {"da": "{count} vurderinger", "en": "{count} assessments"},
    "wsp.count.workshops.one": {"da": "1 workshop", "en": "1 workshop"},
    "wsp.count.workshops.other": {"da": "{count} workshops", "en": "{count} workshops"},
    # export across clients
    "wsp.export.title": {"da": "Eksport af alle kommuner", "en": "Export of all municipalities"},
    "wsp.export.text": {
        "da": "Én række pr. vurdering i dine kommuner med niveauer pr. område.",
        "en": "One row per assessment of your municipalities, with the level of each area.",
    },
    "wsp.export.csv": {"da": "Hent CSV", "en": "Download CSV"},
    "wsp.export.xlsx": {"da": "Hent Excel", "en": "Download Excel"},
    "wsp.export.sheet": {"da": "Vurderinger", "en": "Assessments"},
    "wsp.export.file": {"da": "alle-kommuner", "en": "all-municipalities"},
    "wsp.col.municipality": {"da": "Kommune", "en": "Municipality"},
    "wsp.col.code": {"da": "Kommunekode", "en": "Municipality code"},
    "wsp.col.region": {"da": "Region", "en": "Region"},
    "wsp.col.group": {"da": "Kommunegruppe", "en": "Municipality group"},
    "wsp.col.round": {"da": "Runde", "en": "Round"},
    "wsp.col.kind": {"da": "Type", "en": "Kind"},
    "wsp.col.started": {"da": "Startet", "en": "Started"},
    "wsp.col.changed": {"da": "Senest ændret", "en": "Last changed"},
    "wsp.col.respondent": {"da": "Besvaret af", "en": "Answered by"},
    "wsp.col.answered": {"da": "Besvarede spørgsmål", "en": "Questions answered"},
    "wsp.col.unconfirmed": {"da": "Ikke bekræftet", "en": "Not confirmed"},
    "wsp.col.overall": {"da": "Samlet niveau", "en": "Overall level"},
    "wsp.col.peers": {"da": "Deler til sammenligning", "en": "Shared with peers"},
    # carried-over answers in the questionnaire
    "wsp.q.carried": {"da": "Overført", "en": "Carried over"},
    "wsp.q.carried_help": {
        "da": "Svaret fra sidste runde. Passer det stadig?",
        "en": "Last round's answer. Is it still right?",
    },
    "wsp.q.confirm": {"da": "Bekræft", "en": "Confirm"},
    "wsp.q.carried_intro": {
        "da": "{count} svar er overført fra sidste runde. Bekræft dem, der stadig passer, og ret "
        "resten.",
        "en": "{count} answers were carried over from the last round. Confirm those that still "
        "hold and change the rest.",
    },
    # refusals
    "error.workspace.bad_email": {
        "da": "Det ligner ikke en e-mailadresse.",
        "en": "That does not look like an e-mail address.",
    },
    "error.workspace.read_only": {
        "da": "Du kan kun se denne vurdering. Intet er ændret.",
        "en": "You can only view this assessment. Nothing was changed.",
    },
    "error.workspace.already_owned": {
        "da": "Vurderingen ligger allerede i en andens overblik.",
        "en": "The assessment is already in someone else's workspace.",
    },
    "error.workspace.no_client": {
        "da": "Kommunen findes ikke i dit overblik (måske er den allerede slettet).",
        "en": "The municipality is not in your workspace (it may have been deleted already).",
    },
    "error.workspace.self_share": {
        "da": "Du har allerede adgang som ejer.",
        "en": "You already have access as the owner.",
    },
    "error.workspace.not_latest": {
        "da": "Der er allerede startet en ny runde fra denne; åbn den nyeste.",
        "en": "A new round has already been started from this one; open the latest.",
    },
    "error.peers.sign_in": {
        "da": "Kun en vurdering i et overblik, åbnet derfra af en, der er logget ind, kan dele "
        "sine niveauer. Intet er ændret.",
        "en": "Only an assessment in a workspace, opened from there by someone signed in, can "
        "share its levels. Nothing was changed.",
    },
    # progress
    "ui.step.progress": {"da": "7. Udvikling", "en": "7. Progress"},
    "prog.first_round": {
        "da": "Det her er første runde, så der er ikke noget at sammenligne med endnu. Når I "
        "starter næste runde, fx om et år, viser siden, hvad der har flyttet sig.",
        "en": "This is the first round, so there is nothing to compare with yet. When you start "
        "the next round, say in a year, this page shows what has moved.",
    },
    "prog.intro": {
        "da": "Runde {number} ({now}) sammenlignet med runden før ({before}).",
        "en": "Round {number} ({now}) compared with the round before ({before}).",
    },
    "prog.unconfirmed": {
        "da": "{count} svar er stadig overført fra sidste runde og ikke bekræftet, så "
        "fremgangen kan være større, end den ser ud.",
        "en": "{count} answers are still carried over from the last round and not confirmed, so "
        "the progress may be larger than it looks.",
    },
    "prog.overall": {"da": "Samlet", "en": "Overall"},
    "prog.improved": {"da": "Størst fremgang", "en": "Most improved"},
    "prog.fallen": {"da": "Størst tilbagegang", "en": "Most fallen"},
    "prog.no_change": {"da": "Ingen.", "en": "None."},
    "prog.done": {
        "da": "Gennemført siden sidste runde ({count})",
        "en": "Done since the last round ({count})",
    },
    "prog.none_done": {
        "da": "Ingen handlinger er markeret som udført siden sidste runde.",
        "en": "No actions have been marked done since the last round.",
    },
    "prog.all_questions": {"da": "Alle spørgsmål", "en": "All questions"},
    "prog.col.area": {"da": "Område", "en": "Area"},
    "prog.col.question": {"da": "Spørgsmål", "en": "Question"},
    "prog.col.before": {"da": "Før", "en": "Before"},
    "prog.col.now": {"da": "Nu", "en": "Now"},
    "prog.col.change": {"da": "Ændring", "en": "Change"},
    "prog.col.carried": {"da": "Overført", "en": "Carried over"},
    "prog.next.title": {"da": "Næste runde", "en": "Next round"},
    "prog.next.text": {
        "da": "Start næste runde, når I vil måle igen. Svar, noter, mål og handlingsplanens "
        "status følger med som udgangspunkt, og svarene er markeret, indtil I bekræfter dem.",
        "en": "Start the next round when you want to measure again. Answers, notes, targets and "
        "the plan's status come along as a starting point, and the answers are marked until "
        "you confirm them.",
    },
    "prog.next.button": {"da": "Start næste runde", "en": "Start next round"},
    "prog.next.exists": {
        "da": "Der er allerede startet en ny runde fra denne. Næste runde startes fra den nyeste.",
        "en": "A new round has already been started from this one. The next round is started "
        "from the latest.",
    },
    "prog.next.done": {"da": "Næste runde er startet.", "en": "The next round has started."},
    "prog.next.done_link": {
        "da": "Næste runde er startet. Den har sit eget private link i menuen: gem det.",
        "en": "The next round has started. It has its own private link in the menu: keep it.",
    },
    # peers
    "ui.step.peers": {"da": "8. Sammenlign", "en": "8. Compare"},
    "peers.consent.title": {
        "da": "Del jeres niveauer anonymt",
        "en": "Share your levels anonymously",
    },
    "peers.consent.what": {
        "da": "Deler I, indgår jeres niveau pr. område i sammenligningen for jeres kommunegruppe "
        "og region. Kun niveauerne deles: ingen svar, noter, navne eller handlingsplan. Tal "
        "vises kun, når mindst {k} kommuner har delt fra mindst {k} forskellige log-ins, og "
        "aldrig med navne eller som rangliste.",
        "en": "If you share, your level per area counts in the comparison for your municipality "
        "group and region. Only the levels are shared: no answers, notes, names or action "
        "plan. Figures are shown only where at least {k} municipalities shared, from at least "
        "{k} different sign-ins, never with names or as a ranking.",
    },
    "peers.consent.sign_in": {
        "da": "Kun en vurdering i et overblik, åbnet derfra af en, der er logget ind, kan dele "
        "sine niveauer, så alt delt har en kendt afsender; her ser I sammenligningen.",
        "en": "Only an assessment in a workspace, opened from there by someone signed in, can "
        "share its levels, so everything shared has a known sender; here you see the "
        "comparison.",
    },
    "peers.consent.on": {"da": "I deler lige nu.", "en": "You are sharing now."},
    "peers.consent.off": {"da": "I deler ikke.", "en": "You are not sharing."},
    "peers.consent.start": {"da": "Del anonymt", "en": "Share anonymously"},
    "peers.consent.stop": {"da": "Stop med at dele", "en": "Stop sharing"},
    "peers.consent.started": {
        "da": "Jeres niveauer indgår nu anonymt i sammenligningen.",
        "en": "Your levels now count anonymously in the comparison.",
    },
    "peers.consent.stopped": {
        "da": "Jeres niveauer indgår ikke længere i sammenligningen.",
        "en": "Your levels no longer count in the comparison.",
    },
    "peers.compare.title": {"da": "Sammenligning", "en": "Comparison"},
    "peers.compare.rule": {
        "da": "Den blå bjælke er den midterste halvdel af niveauerne hos de kommuner, der har "
        "delt (jeres egne med, hvis I deler), stregen er medianen, og prikken er jer. Alle ser "
        "de samme tal. Et område vises kun, når mindst {k} kommuner har delt fra mindst {k} "
        "forskellige log-ins. Hver kommune tæller én gang med sin seneste delte runde.",
        "en": "The blue bar is the middle half of the levels of the municipalities that shared "
        "(yours included if you share), the line is the median and the dot is you. Everyone "
        "sees the same figures. An area is shown only where at least {k} municipalities "
        "shared, from at least {k} different sign-ins. Each municipality counts once, with its "
        "latest shared round.",
    },
    "peers.scope.group": {"da": "Kommunegruppen: {name}", "en": "Municipality group: {name}"},
    "peers.scope.region": {"da": "Regionen: {name}", "en": "Region: {name}"},
    "peers.too_few": {
        "da": "Endnu ikke nok kommuner (der skal mindst {k} fra {k} forskellige log-ins til), "
        "så der vises intet.",
        "en": "Not enough municipalities yet (at least {k} from {k} different sign-ins are "
        "needed), so nothing is shown.",
    },
    "peers.simulated.toggle": {
        "da": "Vis et simuleret eksempel",
        "en": "Show a simulated example",
    },
    "peers.simulated.label": {"da": "SIMULERET", "en": "SIMULATED"},
    "peers.simulated.banner": {
        "da": "SIMULEREDE DATA: tallene nedenfor er opdigtede og handler ikke om rigtige "
        "kommuner. De viser, hvordan sammenligningen og reglen om mindst fem kommuner virker.",
        "en": "SIMULATED DATA: the figures below are made up and are not about real "
        "municipalities. They show how the comparison and the rule of at least five "
        "municipalities work.",
    },
    "peers.simulated.count": {
        "da": "{count} opdigtede kommuner har 'delt'.",
        "en": "{count} made-up municipalities have 'shared'.",
    },
    "peers.simulated.download": {
        "da": "Hent de simulerede data (CSV)",
        "en": "Download the simulated data (CSV)",
    },
    "peers.simulated.file": {"da": "SIMULERET-sammenligning", "en": "SIMULATED-comparison"},
    "peers.col.simulated": {"da": "Data", "en": "Data"},
    "peers.claim.title": {
        "da": "Halter de mellemstore kommuner bagefter?",
        "en": "Do mid-sized municipalities lag behind?",
    },
    "peers.claim.method": {
        "da": "Påstanden er, at landkommuner og storbyer klarer sig godt, mens de mellemstore "
        "halter. Sådan testes den, når rigtige kommuner har delt:\n\n"
        "- **Enhed:** én kommune, med samlet niveau fra dens seneste delte runde.\n"
        "- **Grupper:** Danmarks Statistiks kommunegrupper. Mellemstore er provinsby- og "
        "oplandskommuner; de andre er hovedstads-, storby- og landkommuner.\n"
        "- **Forskel:** gennemsnittet for de mellemstore minus de andres, med et 95 %-"
        "interval (bootstrap).\n"
        "- **Test:** ensidet permutationstest af, om de mellemstore ligger lavere.\n"
        "- **Kun med nok data:** mindst {k} kommuner på hver side.\n"
        "- **Forbehold:** kommunerne vælger selv at dele, så de ivrigste kan være "
        "overrepræsenteret, og en forskel viser en sammenhæng, ikke en årsag.",
        "en": "The claim is that rural municipalities and big cities do well while the mid-sized "
        "lag behind. This is how it is tested once real municipalities have shared:\n\n"
        "- **Unit:** one municipality, with the overall level of its latest shared round.\n"
        "- **Groups:** Statistics Denmark's municipality groups. Mid-sized are the "
        "provincial-town and commuter-belt municipalities; the others are the capital-area, "
        "large-city and rural ones.\n"
        "- **Difference:** the mean of the mid-sized minus that of the others, with a 95 % "
        "interval (bootstrap).\n"
        "- **Test:** one-sided permutation test of whether the mid-sized are lower.\n"
        "- **Only with enough data:** at least {k} municipalities on each side.\n"
        "- **Caveats:** municipalities choose to share, so the keenest may be "
        "over-represented, and a difference shows an association, not a cause.",
    },
    "peers.claim.result": {
        "da": "{mid} mellemstore kommuner i gennemsnit {mid_mean}, {others} andre {others_mean}; "
        "forskel {difference} (95 %-interval {low} til {high}), p = {p}.",
        "en": "{mid} mid-sized municipalities average {mid_mean}, {others} others {others_mean}; "
        "difference {difference} (95 % interval {low} to {high}), p = {p}.",
    },
    "peers.claim.too_few": {
        "da": "For få kommuner til testen: {mid} mellemstore og {others} andre (der skal mindst "
        "{k} på hver side).",
        "en": "Too few municipalities for the test: {mid} mid-sized and {others} others (at "
        "least {k} are needed on each side).",
    },
    "peers.claim.no_conclusion": {
        "da": "Tallene er simulerede uden indbygget forskel. De viser metoden og siger intet om "
        "rigtige kommuner.",
        "en": "The figures are simulated with no built-in difference. They show the method and "
        "say nothing about real municipalities.",
    },
    # charts
    "chart.round": {"da": "Runde {number} · {date}", "en": "Round {number} · {date}"},
    "chart.rounds_title": {"da": "Runderne oven på hinanden", "en": "The rounds overlaid"},
    "chart.peers_title": {
        "da": "Jer og kommunerne, der har delt, pr. område",
        "en": "You and the municipalities that shared, per area",
    },
    "chart.peers_legend": {
        "da": "Bjælke: midterste halvdel · streg: median · prik: jer",
        "en": "Bar: middle half · line: median · dot: you",
    },
    "chart.peers_middle": {"da": "Kommuner, der har delt", "en": "Municipalities that shared"},
    "chart.peers_own": {"da": "Jer", "en": "You"},
    "chart.peers_spread": {
        "da": "midterste halvdel {lower}–{upper}, median {median}",
        "en": "middle half {lower}–{upper}, median {median}",
    },
    "chart.peers_too_few": {
        "da": "for få kommuner til at vise noget",
        "en": "too few municipalities to show anything",
    },
    # the report's progress page
    "report.section.progress": {
        "da": "Udvikling siden sidste runde",
        "en": "Progress since the last round",
    },
    "report.progress_intro": {
        "da": "Runde {number} ({now}) sammenlignet med runden før ({before}).",
        "en": "Round {number} ({now}) compared with the round before ({before}).",
    },
    "report.progress_unconfirmed": {
        "da": "{count} svar er overført fra sidste runde og endnu ikke bekræftet; fremgangen kan "
        "være større, end den ser ud.",
        "en": "{count} answers are carried over from the last round and not yet confirmed; the "
        "progress may be larger than it looks.",
    },
    "report.progress_overall": {"da": "Samlet", "en": "Overall"},
    "report.col.before": {"da": "Før", "en": "Before"},
    "report.col.now": {"da": "Nu", "en": "Now"},
    "report.col.change": {"da": "Ændring", "en": "Change"},
    "report.progress_improved": {"da": "Størst fremgang", "en": "Most improved"},
    "report.progress_fallen": {"da": "Størst tilbagegang", "en": "Most fallen"},
    "report.progress_no_change": {"da": "Ingen.", "en": "None."},
    "report.progress_levels": {"da": "Niveau {before} → {after}", "en": "Level {before} → {after}"},
    "report.progress_carried": {
        "da": "overført, ikke bekræftet",
        "en": "carried over, not confirmed",
    },
    "report.progress_done": {
        "da": "Gennemført siden sidste runde ({count})",
        "en": "Done since the last round ({count})",
    },
    "report.progress_none_done": {
        "da": "Ingen handlinger er markeret som udført.",
        "en": "No actions have been marked done.",
    },
    "report.progress_more": {"da": "… og {count} flere.", "en": "… and {count} more."},
}
