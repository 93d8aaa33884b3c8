"""The workshop pages a participant and the shared screen see, with AppTest: create, join,
answer at one's own pace or the room's, the presenter view, what a wrong link, a closed room or
a guessing client gets, and the data statement. Each test checks the page and the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from assessment import records
from assessment.records import FacilitatorKey, ParticipantLink, set_choice, set_note
from assessment.store.schema import workshops
from assessment.workshop import throttle
from assessment.workshop.access import presenter_token
from assessment.workshop.consensus import close_workshop
from assessment.workshop.notes import approve_note, notes_for
from assessment.workshop.pacing import set_mode, set_revealed, set_show_names, set_step
from assessment.workshop.rooms import join_workshop, participant_view
from tests.app_workshop import (
    BANK,
    FIRST,
    QUESTIONS,
    app_engine,
    forget_join_failures,
    new_workshop,
    open_page,
    shown,
    within,
)

WRONG_CODE = "RRRRRR"


@pytest.fixture(scope="module")
def engine() -> Iterator[sa.Engine]:
    made = app_engine()
    yield made
    made.dispose()


@pytest.fixture
def key(engine: sa.Engine) -> FacilitatorKey:
    forget_join_failures(engine)
    return new_workshop(engine)


def test_a_facilitator_creates_a_workshop_and_is_asked_to_keep_the_link(engine: sa.Engine):
    """The form makes a workshop kept 30 days with 60 seats, and its private page asks to keep
    the link, which is the only way back."""
    at = open_page("workshop")
    at.selectbox(key="ws.c.municipality").set_value(461)
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    code, token = at.query_params["ws"], at.query_params["key"]
    assert len(code) == 6 and len(token) >= 43  # 32 random bytes, base64url
    assert "Gem dit facilitatorlink nu" in shown(at)
    assert any(f"key={token}" in c.value for c in at.code)
    with engine.connect() as conn:
        row = conn.execute(sa.select(workshops).where(workshops.c.join_code == code)).one()
    assert (row.max_participants, row.delete_after) == (60, row.date + (within(30) - within(0)))


def test_a_participant_joins_by_code_and_answers_are_stored(engine: sa.Engine, key: FacilitatorKey):
    """Typing the code loosely and a name opens the participant's own page; a choice is stored."""
    at = open_page("join")
    at.text_input(key="join.code").input(key.join_code.lower()[:3] + "-" + key.join_code[3:])
    at.text_input(key="join.name").input("Ida")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception
    token = at.query_params["t"]
    at.radio(key=f"q.{FIRST[0].id}").set_value(2).run()
    view = participant_view(engine, token)
    assert (view.name, view.response.answers[FIRST[0].id].level) == ("Ida", 2)
    page = shown(open_page("p", t=token))
    assert "Storskærmen viser kun, hvor mange der har valgt hvert niveau" in page


def test_a_join_link_prefills_the_code(key: FacilitatorKey):
    """The QR code's link (`/join?code=…`) opens the form with the code filled in."""
    at = open_page("join", code=key.join_code)
    assert at.text_input(key="join.code").value == f"{key.join_code[:3]} {key.join_code[3:]}"


def test_a_participant_continues_after_a_refresh(engine: sa.Engine, key: FacilitatorKey):
    """A new session on the participant's link shows their stored answers and notes."""
    token = join_workshop(engine, key.join_code, "Bo")
    door = ParticipantLink(token)
    set_choice(engine, door, BANK, FIRST[0].id, 3, base=None)
    set_note(engine, door, BANK, FIRST[1].id, "kun en note", base=None)
    at = open_page("p", t=token)
    assert at.radio(key=f"q.{FIRST[0].id}").value == 3
    assert at.text_area(key=f"n.{FIRST[1].id}").value == "kun en note"


def test_an_english_workshop_speaks_english_to_participants_and_on_screen(engine: sa.Engine):
    """Joining an English workshop opens the participant's page in English, and its shared
    screen speaks English too; an old link without a language gets the workshop's."""
    english = new_workshop(engine, language="en", title="Strategy day")
    at = open_page("join", code=english.join_code)
    at.get("form_submit_button")[0].click().run()
    assert at.query_params["lang"] == "en"
    assert at.header[0].value.startswith("Area 1 of 5")
    old_link = open_page("p", t=at.query_params["t"])
    assert old_link.query_params["lang"] == "en"
    assert "Join at" in shown(open_page("screen", s=presenter_token(english)))


def test_the_typed_join_address_keeps_an_english_workshop_english(engine: sa.Engine):
    """Someone who types the address on the shared screen of an English workshop gets the English
    join page: the address shown carries `?lang=en` (a Danish one has none), in the lobby and in
    the corner while a question is on screen."""
    english = new_workshop(engine, language="en", title="Strategy day")
    lobby = shown(open_page("screen", s=presenter_token(english))).replace("\\", "")
    assert "join?lang=en with the code" in lobby
    set_step(engine, BANK, english, QUESTIONS[0], base=None)
    step = shown(open_page("screen", s=presenter_token(english))).replace("\\", "")
    assert "join?lang=en · code" in step
    danish = new_workshop(engine)
    assert "join med koden" in shown(open_page("screen", s=presenter_token(danish)))


def test_unknown_and_closed_codes_get_the_same_reply(engine: sa.Engine, key: FacilitatorKey):
    """A code nobody has and a closed room's code are refused with the same line."""
    replies = []
    for code in (WRONG_CODE if key.join_code != WRONG_CODE else "TTTTTT", key.join_code):
        if code == key.join_code:
            close_workshop(engine, key)
        at = open_page("join", code=code)
        at.get("form_submit_button")[0].click().run()
        assert not at.exception
        replies.append(at.error[0].value)
    assert (
        replies[0] == replies[1] == "Der er ingen workshop med den kode. Tjek koden og prøv igen."
    )


def test_guessing_codes_is_throttled_even_for_the_right_code(
    engine: sa.Engine, key: FacilitatorKey
):
    """After ten wrong codes from one browser the right code is refused too, with a line that
    says how long to wait; the count is in the database, not in this server's memory."""
    at = open_page("join")
    for _ in range(throttle.DEVICE_FAILURES):
        at.text_input(key="join.code").input(WRONG_CODE)
        at.get("form_submit_button")[0].click().run()
    at.text_input(key="join.code").input(key.join_code)
    at.get("form_submit_button")[0].click().run()
    assert "for mange gange" in at.error[0].value
    assert "t" not in at.query_params
    with engine.connect() as conn:
        people = conn.scalar(sa.text("SELECT count(*) FROM participants"))
        assert conn.scalar(sa.text("SELECT max(failures) FROM join_throttle")) == 10
    forget_join_failures(engine)
    at.get("form_submit_button")[0].click().run()
    assert "t" in at.query_params
    with engine.connect() as conn:
        assert conn.scalar(sa.text("SELECT count(*) FROM participants")) == people + 1


def test_one_persons_typos_do_not_lock_out_the_room_behind_one_address(
    engine: sa.Engine, key: FacilitatorKey
):
    """Everyone in a municipality's room shares one internet address (here: every AppTest
    session is the same local client). Ten wrong codes in one window refuse that window, with
    advice that works: the next person's QR link and a typed code in a new window join."""
    typist = open_page("join")
    for _ in range(throttle.DEVICE_FAILURES):
        typist.text_input(key="join.code").input(WRONG_CODE)
        typist.get("form_submit_button")[0].click().run()
    typist.text_input(key="join.code").input(key.join_code)
    typist.get("form_submit_button")[0].click().run()
    assert typist.error[0].value.startswith(
        "Der er tastet forkert kode for mange gange i dette vindue."
    )
    assert "scan QR-koden på storskærmen" in typist.error[0].value
    scanned = open_page("join", code=key.join_code)
    scanned.get("form_submit_button")[0].click().run()
    assert "t" in scanned.query_params and not scanned.error
    typed = open_page("join")
    typed.text_input(key="join.code").input(key.join_code)
    typed.get("form_submit_button")[0].click().run()
    assert "t" in typed.query_params and not typed.error


def test_a_full_room_says_so(engine: sa.Engine):
    small = new_workshop(engine, max_participants=1)
    join_workshop(engine, small.join_code, "Ida")
    at = open_page("join", code=small.join_code)
    at.get("form_submit_button")[0].click().run()
    assert "Workshoppen er fuld" in at.error[0].value


def test_a_tap_after_closing_is_not_shown_as_kept(engine: sa.Engine, key: FacilitatorKey):
    """The page was open when the room closed: the tap is refused, the radio shows the stored
    level again beside the message, and the next run shows the answers locked."""
    token = join_workshop(engine, key.join_code, "Ida")
    set_choice(engine, ParticipantLink(token), BANK, FIRST[0].id, 2, base=None)
    at = open_page("p", t=token)
    close_workshop(engine, key)
    at.radio(key=f"q.{FIRST[0].id}").set_value(4).run()
    assert "Workshoppen er lukket" in shown(at)
    radio = at.radio(key=f"q.{FIRST[0].id}")
    assert (radio.value, radio.disabled) == (2, True)
    assert participant_view(engine, token).response.answers[FIRST[0].id].level == 2


def _database_down(monkeypatch: pytest.MonkeyPatch, fail: list[bool]) -> None:
    """The participant page's reads fail while `fail[0]` is true (the next `fail` entries first,
    one per read), as when PostgreSQL is restarted."""
    real = participant_view

    def flaky(engine: sa.Engine, token: str) -> object:
        down = fail.pop(0) if len(fail) > 1 else fail[0]
        if down:
            raise sa.exc.OperationalError("SELECT", {}, Exception("connection refused"))
        return real(engine, token)

    monkeypatch.setattr("assessment.ui.participant.participant_view", flaky)


def test_a_participant_page_comes_back_by_itself_after_a_database_outage(
    engine: sa.Engine, key: FacilitatorKey, monkeypatch: pytest.MonkeyPatch
):
    """While the database does not answer the page says so in one line, that it tries again by
    itself, and offers a button; the page's own retry (a timer, no click) redraws the questions
    as soon as the database answers."""
    token = join_workshop(engine, key.join_code, "Ida")
    _database_down(monkeypatch, [True])
    at = open_page("p", t=token)
    assert at.error[0].value == "Databasen svarer ikke lige nu. Prøv igen om lidt."
    assert "prøver selv igen" in shown(at)
    assert not [r for r in at.radio if r.key.startswith("q.")]
    at.button(key="db.retry").click().run()  # still down: the same line, no traceback
    assert not at.exception and len(at.error) == 1

    _database_down(monkeypatch, [True, False])  # the page's read fails, the timer's read works
    back = open_page("p", t=token)
    assert not back.error
    assert back.radio(key=f"q.{FIRST[0].id}").value is None
    assert "Du deltager i" in shown(back)


def test_a_participant_retries_by_the_button_after_a_database_outage(
    engine: sa.Engine, key: FacilitatorKey, monkeypatch: pytest.MonkeyPatch
):
    token = join_workshop(engine, key.join_code, "Bo")
    _database_down(monkeypatch, [True])
    at = open_page("p", t=token)
    assert at.error
    monkeypatch.undo()
    at.button(key="db.retry").click().run()
    assert not at.error and "Du deltager i" in shown(at)


def test_a_participant_token_opens_only_its_own_answers(engine: sa.Engine, key: FacilitatorKey):
    """A made-up token gets one line and a way to join; a real one shows only its answers."""
    ida = join_workshop(engine, key.join_code, "Ida")
    bo = join_workshop(engine, key.join_code, "Bo")
    set_choice(engine, ParticipantLink(ida), BANK, FIRST[0].id, 4, base=None)
    assert open_page("p", t=bo).radio(key=f"q.{FIRST[0].id}").value is None
    wrong = open_page("p", t="not-a-token")
    assert wrong.error[0].value == "Linket giver ikke adgang. Brug det link, du fik."


def test_a_paced_participant_sees_only_the_step_on_screen(engine: sa.Engine, key: FacilitatorKey):
    """In the lobby the participant waits; then only the question on screen is there, and a
    choice on it is stored."""
    token = join_workshop(engine, key.join_code, "Ida")
    set_mode(engine, BANK, key, "paced", "question", base=None)
    waiting = open_page("p", t=token)
    assert "Facilitatoren går igennem spørgsmålene" in shown(waiting)
    assert not [r for r in waiting.radio if r.key.startswith("q.")]
    set_step(engine, BANK, key, QUESTIONS[2], base=None)
    at = open_page("p", t=token)
    assert [r.key for r in at.radio if r.key.startswith("q.")] == [f"q.{QUESTIONS[2]}"]
    at.radio(key=f"q.{QUESTIONS[2]}").set_value(1).run()
    assert participant_view(engine, token).response.answers[QUESTIONS[2]].level == 1
    assert "Dit svar er gemt" in shown(at)


def test_the_presenter_link_shows_code_and_count_and_no_key(engine: sa.Engine, key: FacilitatorKey):
    """The lobby: join code in two groups, how many have joined, the QR code; the facilitator's
    key appears nowhere on the page."""
    join_workshop(engine, key.join_code, "Ida")
    at = open_page("screen", s=presenter_token(key))
    text = shown(at)
    assert f"{key.join_code[:3]} {key.join_code[3:]}" in text and "1 er med" in text
    assert at.get("image")
    assert key.token not in text and "Ida" not in text
    wrong = open_page("screen", s=key.token)  # the facilitator's token opens no screen
    assert wrong.error[0].value == "Linket giver ikke adgang. Brug det link, du fik."


def test_the_screen_hides_results_until_revealed_and_never_names_unasked(
    engine: sa.Engine, key: FacilitatorKey
):
    """Hidden, then revealed: counts per level and "x af y"; a note only once approved, and
    no name beside it or beside a level until the facilitator turns names on."""
    tokens = [join_workshop(engine, key.join_code, n) for n in ("Kirsten", "Bo", "")]
    for token, level in zip(tokens, (0, 4, 4), strict=True):
        set_choice(engine, ParticipantLink(token), BANK, QUESTIONS[0], level, base=None)
    set_note(engine, ParticipantLink(tokens[0]), BANK, QUESTIONS[0], "Ingen ejer", base=None)
    set_step(engine, BANK, key, QUESTIONS[0], base=None)
    hidden = shown(open_page("screen", s=presenter_token(key)))
    assert "3 af 3" in hidden and "Resultatet vises, når facilitatoren viser det" in hidden
    assert 'class="sm-count">2<' not in hidden

    set_revealed(engine, key, True, base=None)
    revealed = shown(open_page("screen", s=presenter_token(key)))
    assert 'class="sm-count">2<' in revealed and "Ingen ejer" not in revealed
    note = notes_for(engine, key, [QUESTIONS[0]])[0]
    approve_note(engine, key, note.participant_id, QUESTIONS[0], note.revision)
    approved = shown(open_page("screen", s=presenter_token(key)))
    assert "»Ingen ejer«" in approved and "Kirsten" not in approved and "Bo" not in approved

    set_show_names(engine, key, True, base=None)
    named = shown(open_page("screen", s=presenter_token(key)))
    assert "»Ingen ejer« – Kirsten" in named and "Bo" in named
    assert "Lige nu er navne slået til" in shown(open_page("p", t=tokens[1]))


def test_an_agreed_not_applicable_reads_so_on_the_screen(engine: sa.Engine, key: FacilitatorKey):
    """The room may agree that a question does not apply; the screen says "ikke relevant", not
    "ved ikke"."""
    question = next(q.id for q in BANK.questions_by_id().values() if q.not_applicable_when)
    set_choice(engine, key, BANK, question, "not_applicable", base=None)
    set_step(engine, BANK, key, question, base=None)
    set_revealed(engine, key, True, base=None)
    screen = shown(open_page("screen", s=presenter_token(key)))
    assert "Fælles niveau: Ikke relevant" in screen
    assert "Fælles niveau: Ved ikke" not in screen


def test_an_area_on_the_screen_is_one_line_per_question(engine: sa.Engine, key: FacilitatorKey):
    """Paced by area: one table row per question of the area (number, short title, how many
    answered), the counts only once revealed, the agreed level in the last column."""
    tokens = [join_workshop(engine, key.join_code, n) for n in ("Ida", "Bo")]
    for token, level in zip(tokens, (1, 3), strict=True):
        set_choice(engine, ParticipantLink(token), BANK, FIRST[0].id, level, base=None)
    set_choice(engine, key, BANK, FIRST[0].id, 2, base=None)
    set_mode(engine, BANK, key, "paced", "area", base=None)
    set_step(engine, BANK, key, BANK.dimensions[0].id, base=None)
    hidden = open_page("screen", s=presenter_token(key)).get("html")
    (table,) = [h.proto.body for h in hidden if "<table" in h.proto.body]
    assert table.count("<tr>") == len(FIRST) + 1  # the heading and a row per question
    assert f'<td class="sm-nr">1.1</td><td class="sm-q">{FIRST[0].title("da")}</td>' in table
    assert '<td class="sm-n">2</td>' in table and "Resultatet vises, når" in table
    assert 'class="sm-lv" style' not in table  # no counts yet
    set_revealed(engine, key, True, base=None)
    shown_html = open_page("screen", s=presenter_token(key)).get("html")
    (table,) = [h.proto.body for h in shown_html if "<table" in h.proto.body]
    first = table.split("<tr>")[2]
    assert '<td class="sm-lv sm-zero sm-agreed" style="">0</td>' in first  # nobody chose 2
    assert first.count('">1</td>') == 2 and first.endswith('<td class="sm-ag">2</td></tr>')


def test_the_data_statement_reads_in_danish_and_english():
    """A DPO can read what is stored, who sees it and for how long, in either language."""
    danish = shown(open_page("privacy"))
    english = shown(open_page("privacy", lang="en"))
    for heading in ("Hvad gemmes", "Hvem ser hvad", "Hvor længe", "Cookie"):
        assert heading in danish
    for heading in ("What is stored", "Who sees what", "How long", "Cookie"):
        assert heading in english
    # what the sweep really does: no promise of a deletion "on the date" or "within a day"
    assert "den første side, der åbnes en senere dag" in danish
    assert "the first such page opened on a later day" in english
    assert "nøglet hash" in danish and "keyed hash" in english
    assert "slettes senest efter et døgn" not in danish and "deleted within a day" not in english


def test_the_workshop_title_is_shown_as_typed(engine: sa.Engine):
    """A title made of Markdown (an image and a link) is escaped on every page."""
    title = "![x](https://evil.example/t.png) [Log ind med MitID](https://evil.example)"
    made = new_workshop(engine, title=title)
    token = join_workshop(engine, made.join_code)
    for at in (
        open_page("facilitator", ws=made.join_code, key=made.token),
        open_page("p", t=token),
        open_page("screen", s=presenter_token(made)),
    ):
        texts = [*(t.value for t in at.subheader), *(i.value for i in at.info)]
        texts += [t.value for t in at.text]
        assert all("](" not in s or "\\]\\(" in s or s == title for s in texts)
        assert any("evil" in s for s in texts)


def test_records_of_one_room_stay_in_it(engine: sa.Engine, key: FacilitatorKey):
    """The facilitator's key opens the room's agreed answers, not a participant's sheet."""
    person = join_workshop(engine, key.join_code)
    assert records.load(engine, key).kind == "consensus"
    assert records.load(engine, ParticipantLink(person)).kind == "participant"


def test_opening_a_workshop_page_deletes_workshops_past_their_last_day(engine: sa.Engine):
    """Retention is kept without anyone pressing a button: the next workshop page sweeps (by
    the server's own clock, so the dates are around the real today, not the tests' NOW), and
    deletes failed-join counts older than a day with them, also when no join failed since."""
    from assessment.ui.room import sweep

    today = dt.datetime.now(dt.UTC).date()
    expired = new_workshop(engine, delete_after=today - dt.timedelta(days=1))
    kept = new_workshop(engine, delete_after=today + dt.timedelta(days=1))
    token = join_workshop(engine, expired.join_code, "Ida")
    guesser = throttle.Client(throttle.device_key(engine, "tab"), throttle.address_key(engine, "x"))
    throttle.record_failure(engine, guesser, dt.datetime.now(dt.UTC) - dt.timedelta(days=5))
    sweep._swept.clear()
    open_page("join")
    with engine.connect() as conn:
        codes = set(conn.execute(sa.select(workshops.c.join_code)).scalars())
        counts = conn.scalar(sa.text("SELECT count(*) FROM join_throttle"))
    assert expired.join_code not in codes and kept.join_code in codes
    assert counts == 0
    assert (
        open_page("p", t=token).error[0].value == "Linket giver ikke adgang. Brug det link, du fik."
    )
