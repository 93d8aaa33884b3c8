"""Who is in the room and for how long: telling people apart, removing and merging them,
seats, the join throttle, the same device rejoining, retention and exports without names."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import sqlalchemy as sa
from rooms import DAY, answer, create, people

from assessment import store
from assessment.models import Bank
from assessment.records import AccessDenied, FacilitatorKey, ParticipantLink, set_choice
from assessment.store.schema import (
    assessments,
    join_throttle,
    participants,
    server_secrets,
    workshops,
)
from assessment.workshop import throttle
from assessment.workshop.codes import WorkshopNotFound
from assessment.workshop.export import workshop_rows
from assessment.workshop.retention import delete_after, purge_expired, set_retention
from assessment.workshop.rooms import (
    JOINS_PER_MINUTE,
    RoomBusy,
    RoomFull,
    join_workshop,
    mark_finished,
    participant_view,
    rejoin,
)
from assessment.workshop.roster import (
    SameParticipant,
    merge_participants,
    remove_participant,
    set_seats,
)
from assessment.workshop.stats import dashboard, people_of

pytest_plugins = ["room_fixtures"]  # the `key` fixture (a workshop on the tiny bank)
NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)


def _ids(engine: sa.Engine, tokens: list[str]) -> list[int]:
    return [participant_view(engine, t).participant_id for t in tokens]


def test_two_people_of_one_name_and_the_anonymous_are_told_apart() -> None:
    """»Mette (1)« and »Mette (2)« by joining order, the anonymous numbered among themselves; a
    unique name stays as typed."""
    rows = [
        (i, name, NOW, NOW, False) for i, name in enumerate(["Mette", "", "Søren", "mette ", ""])
    ]
    labels = [p.label("da") for p in people_of(rows)]
    assert labels == ["Mette (1)", "Anonym 1", "Søren", "mette (2)", "Anonym 2"]
    assert people_of(rows)[1].label("en") == "Anonymous 1"


def test_removing_a_participant_deletes_their_answers_and_closes_their_link(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    test, _ = people(engine, key, "Test", "Ida")
    answer(engine, tiny_bank, test, "alpha.one", 4, "prøve")
    remove_participant(engine, key, _ids(engine, [test])[0])
    with pytest.raises(AccessDenied):
        participant_view(engine, test)
    board = dashboard(engine, tiny_bank, key)
    assert [p.person.name for p in board.participants] == ["Ida"]
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(assessments)) == 2  # Ida + room


def test_a_participant_of_another_workshop_cannot_be_removed(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    other = create(engine, tiny_bank)
    (stranger,) = people(engine, other, "Ida")
    with pytest.raises(AccessDenied):
        remove_participant(engine, key, _ids(engine, [stranger])[0])
    assert participant_view(engine, stranger).name == "Ida"


def test_merging_keeps_the_device_in_use_and_the_newest_answers(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """Jørgen lost his tab and joined again: the old entry's answers fill the new one, where the
    new one answered the same question the newer answer wins, and one person is counted once."""
    old, new = people(engine, key, "Jørgen", "")
    answer(engine, tiny_bank, old, "alpha.one", 1, "gammel note")
    answer(engine, tiny_bank, old, "alpha.two", 2)
    answer(engine, tiny_bank, new, "alpha.one", 3)
    mark_finished(engine, old)
    old_id, new_id = _ids(engine, [old, new])
    shown = participant_view(engine, new).record.revision

    merge_participants(engine, key, keep=new_id, absorb=old_id)

    merged = participant_view(engine, new)
    answers = merged.response.answers
    assert (answers["alpha.one"].level, answers["alpha.one"].note) == (3, "")
    assert answers["alpha.two"].level == 2
    assert (merged.name, merged.finished) == ("Jørgen", True)
    assert merged.record.revision > shown  # its open page draws the merged answers
    assert merged.record.revs.levels["alpha.two"] > shown
    with pytest.raises(AccessDenied):
        participant_view(engine, old)
    board = dashboard(engine, tiny_bank, key)
    alpha_one = next(q for q in board.questions if q.question_id == "alpha.one")
    assert (len(board.participants), alpha_one.counts) == (1, (0, 0, 0, 1, 0))


def test_a_participant_is_not_merged_into_themselves(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    (ida,) = people(engine, key, "Ida")
    (pid,) = _ids(engine, [ida])
    with pytest.raises(SameParticipant):
        merge_participants(engine, key, keep=pid, absorb=pid)


def test_a_full_room_refuses_the_next_person(engine: sa.Engine, tiny_bank: Bank) -> None:
    """The seats the facilitator set are a hard limit; the refused join leaves no trace."""
    key = create(engine, tiny_bank, max_participants=2)
    people(engine, key, "Ida", "Bo")
    with pytest.raises(RoomFull):
        join_workshop(engine, key.join_code, "Anna")
    set_seats(engine, key, 3)
    join_workshop(engine, key.join_code, "Anna")
    with engine.connect() as conn:
        assert conn.scalar(sa.select(sa.func.count()).select_from(participants)) == 3
        assert conn.scalar(sa.select(sa.func.count()).select_from(assessments)) == 4


def test_a_workshop_takes_sixty_people_unless_told_otherwise(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    with engine.connect() as conn:
        assert conn.scalar(sa.select(workshops.c.max_participants)) == 60
    with pytest.raises(ValueError, match="1–500"):
        set_seats(engine, key, 0)


def test_more_joins_in_a_minute_than_a_room_makes_are_refused(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The count lives on the workshop's row; the limit holds whichever replica serves."""
    with engine.begin() as conn:
        minute = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
        conn.execute(
            sa.update(workshops).values(join_window=minute, joins_in_window=JOINS_PER_MINUTE)
        )
    with pytest.raises(RoomBusy):
        join_workshop(engine, key.join_code, "Ida")


def _client(engine: sa.Engine, session: str, address: str = "198.51.100.7") -> throttle.Client:
    return throttle.Client(
        throttle.device_key(engine, session), throttle.address_key(engine, address)
    )


def _wrong(key: FacilitatorKey) -> str:
    return "TTTTTT" if key.join_code != "TTTTTT" else "RRRRRR"


def test_a_browser_that_keeps_guessing_codes_is_throttled(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    """After ten wrong codes a browser is refused even with the right one, until the window
    ends; a browser on another address is not affected, and neither an address nor a session id
    is stored, only keyed hashes of them."""
    guesser = _client(engine, "tab-1")
    for _ in range(throttle.DEVICE_FAILURES):
        with pytest.raises(WorkshopNotFound):
            join_workshop(engine, _wrong(key), client=guesser)
    with pytest.raises(throttle.TooManyAttempts) as refused:
        join_workshop(engine, key.join_code, "Ida", client=guesser)
    assert type(refused.value) is throttle.TooManyAttempts  # this browser, not the network
    assert 1 <= refused.value.params["minutes"] <= 10
    join_workshop(engine, key.join_code, "Bo", client=_client(engine, "tab-9", "203.0.113.9"))
    with engine.connect() as conn:
        stored = conn.execute(sa.select(join_throttle)).all()
    assert {r.client for r in stored} == {guesser.device, guesser.address}
    assert all(r.failures == throttle.DEVICE_FAILURES for r in stored)
    assert not any("198.51.100.7" in r.client or "tab-1" in r.client for r in stored)


def test_typos_in_one_browser_do_not_lock_out_the_room_behind_the_same_address(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    """A municipality's room shares one internet address: the person who mistyped ten times
    waits (or opens the link), everyone else on that address, the QR code's link included,
    still joins."""
    typist = _client(engine, "typist")
    for _ in range(throttle.DEVICE_FAILURES):
        with pytest.raises(WorkshopNotFound):
            join_workshop(engine, _wrong(key), client=typist)
    with pytest.raises(throttle.TooManyAttempts):
        join_workshop(engine, key.join_code, client=typist)
    for n in range(20):
        join_workshop(engine, key.join_code, f"P{n}", client=_client(engine, f"phone-{n}"))


def test_an_address_gets_a_room_sized_allowance_then_everyone_behind_it_waits(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    """Sixty wrong codes from one address within ten minutes, spread over many browsers (a
    room's typos, or someone opening new tabs to guess), are allowed; then every browser on it
    is refused with a line that blames the network and says how long to wait; another address
    still joins."""
    for n in range(throttle.ADDRESS_FAILURES):
        with pytest.raises(WorkshopNotFound):
            join_workshop(engine, _wrong(key), client=_client(engine, f"tab-{n // 3}"))
    with pytest.raises(throttle.NetworkThrottled) as refused:
        join_workshop(engine, key.join_code, client=_client(engine, "a-fresh-tab"))
    assert refused.value.key == "error.workshop.throttled_network"
    assert 1 <= refused.value.params["minutes"] <= 10
    join_workshop(engine, key.join_code, client=_client(engine, "elsewhere", "203.0.113.9"))


def test_an_address_that_guesses_all_day_is_held_to_its_daily_allowance(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    """Staying under the ten-minute allowance window after window still stops at the day's
    allowance, and the wait is said in hours."""
    per_window = throttle.ADDRESS_FAILURES - 1
    windows = -(-throttle.ADDRESS_DAILY // per_window)
    for w in range(windows):
        for n in range(per_window):
            stamp = NOW - dt.timedelta(minutes=11 * (windows - w), seconds=n)
            throttle.record_failure(engine, _client(engine, f"tab-{w}-{n}"), stamp)
    with engine.connect() as conn, pytest.raises(throttle.NetworkThrottledHours) as refused:
        throttle.check(conn, _client(engine, "new-tab"), NOW)
    assert 22 <= refused.value.params["hours"] <= 24


def test_the_throttle_window_slides(engine: sa.Engine, key: FacilitatorKey) -> None:
    """Failures spread over the last ten minutes add up; older ones no longer count."""
    client = _client(engine, "tab", "198.51.100.10")
    for minutes_ago in (11, *range(9, 0, -1)):  # one too old, then nine within the window
        throttle.record_failure(engine, client, NOW - dt.timedelta(minutes=minutes_ago))
    with engine.connect() as conn:
        throttle.check(conn, client, NOW)  # nine count: still allowed
    throttle.record_failure(engine, client, NOW)
    with engine.connect() as conn, pytest.raises(throttle.TooManyAttempts) as refused:
        throttle.check(conn, client, NOW)
    assert refused.value.params["minutes"] == 1  # the oldest of the ten goes out of date next


def test_a_closed_workshop_counts_as_a_wrong_code(engine: sa.Engine, key: FacilitatorKey) -> None:
    """Closed and unknown codes get the same reply, and both count against the client."""
    from assessment.workshop.consensus import close_workshop

    close_workshop(engine, key)
    client = _client(engine, "tab", "198.51.100.8")
    with pytest.raises(WorkshopNotFound):
        join_workshop(engine, key.join_code, client=client)
    with engine.connect() as conn:
        assert conn.scalars(sa.select(join_throttle.c.failures)).all() == [1, 1]


def test_failed_join_counts_are_deleted_by_the_sweep_a_day_on(engine: sa.Engine) -> None:
    """A count a day old is deleted by the retention sweep even when no later attempt fails
    (the data statement says so); a newer one stays."""
    client = _client(engine, "tab", "203.0.113.7")
    throttle.record_failure(engine, client, NOW - dt.timedelta(days=5))
    throttle.record_failure(engine, client, NOW - dt.timedelta(hours=25))
    throttle.record_failure(engine, client, NOW - dt.timedelta(hours=23))
    purge_expired(engine, NOW.date(), NOW)
    with engine.connect() as conn:
        kept = conn.scalars(sa.select(join_throttle.c.window_start)).all()
    assert kept == [throttle.bucket_start(NOW - dt.timedelta(hours=23))] * 2


@pytest.mark.parametrize(
    ("forwarded", "peer", "counted"),
    [
        ("203.0.113.9", "10.0.0.2", "203.0.113.9"),
        # a guesser sends a new first entry each time; the proxy appends the real address
        ("1.2.3.4, 203.0.113.9", "10.0.0.2", "203.0.113.9"),
        ("made-up, 2001:db8::1", "10.0.0.2", "2001:db8::1"),
        ("203.0.113.9, not-an-address", "10.0.0.2", "10.0.0.2"),
        (None, "10.0.0.2", "10.0.0.2"),
    ],
)
def test_behind_a_proxy_the_address_the_proxy_added_is_counted(
    forwarded: str | None, peer: str, counted: str
) -> None:
    """Only the forwarding header's last entry comes from the deployment's own proxy: a client
    that puts a new address in front of it each time still counts as one address."""
    assert throttle.client_address(forwarded, peer) == counted


def test_an_address_is_stored_as_a_hash_keyed_by_the_database(
    engine: sa.Engine, tmp_path: Path
) -> None:
    """Not an unsalted hash anyone could recompute for every IPv4 address: a keyed hash whose
    key is made once in the database, so a second replica on the same database counts the same
    address alike and another database does not; an IPv6 address counts by its /64."""
    address = "198.51.100.7"
    stored = throttle.address_key(engine, address)
    for guess in (address, f"somemodenhed join client {address}"):
        assert stored != hashlib.sha256(guess.encode()).hexdigest()
    with engine.connect() as conn:
        (key,) = conn.execute(sa.select(server_secrets)).all()
    assert key.name == throttle.KEY_NAME and len(bytes.fromhex(key.value)) == 32
    replica = store.make_engine(engine.url.render_as_string(hide_password=False))
    try:
        assert throttle.address_key(replica, address) == stored
    finally:
        replica.dispose()
    elsewhere = store.make_engine(None, data_dir=tmp_path / "elsewhere")
    try:
        assert throttle.address_key(elsewhere, address) != stored
    finally:
        elsewhere.dispose()
    assert throttle.address_key(engine, "2001:db8:1:2::7") == throttle.address_key(
        engine, "2001:db8:1:2:ffff::1"
    )
    assert throttle.address_key(engine, "::ffff:198.51.100.7") == stored


def test_the_same_device_rejoins_as_the_same_participant(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    """The token its cookie holds resumes the participant, only for this workshop's code and
    only while it is open."""
    (ida,) = people(engine, key, "Ida")
    seen = rejoin(engine, key.join_code.lower(), ida)
    assert seen is not None and seen.name == "Ida"
    other = create(engine, tiny_bank)
    assert rejoin(engine, other.join_code, ida) is None
    assert rejoin(engine, key.join_code, "not-a-token") is None
    from assessment.workshop.consensus import close_workshop

    close_workshop(engine, key)
    assert rejoin(engine, key.join_code, ida) is None


def test_done_is_stored_for_the_facilitator(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    ida, _ = people(engine, key, "Ida", "Bo")
    mark_finished(engine, ida)
    board = dashboard(engine, tiny_bank, key)
    assert [(p.person.name, p.person.finished) for p in board.participants] == [
        ("Ida", True),
        ("Bo", False),
    ]
    with pytest.raises(AccessDenied):
        mark_finished(engine, "not-a-token")


def test_a_workshop_is_kept_a_month_by_default_and_then_deleted_with_everything(
    engine: sa.Engine, tiny_bank: Bank
) -> None:
    """The purge deletes expired workshops with their people and answers, and nothing else."""
    old = create(engine, tiny_bank, delete_after=delete_after(DAY))
    kept = create(engine, tiny_bank, delete_after=None)
    (ida,) = people(engine, old, "Ida")
    answer(engine, tiny_bank, ida, "alpha.one", 2, "en note")
    people(engine, kept, "Bo")
    assert delete_after(DAY) == dt.date(2026, 12, 31)
    assert purge_expired(engine, dt.date(2026, 12, 31)) == []
    assert len(purge_expired(engine, dt.date(2027, 1, 1))) == 1
    with pytest.raises(AccessDenied):
        participant_view(engine, ida)
    with engine.connect() as conn:
        names = conn.execute(sa.select(participants.c.name)).scalars().all()
    assert names == ["Bo"]


def test_the_facilitator_changes_how_long_the_workshop_is_kept(
    engine: sa.Engine, key: FacilitatorKey
) -> None:
    set_retention(engine, key, dt.date(2027, 3, 1))
    assert purge_expired(engine, dt.date(2027, 2, 1)) == []
    set_retention(engine, key, dt.date(2027, 1, 1))
    assert len(purge_expired(engine, dt.date(2027, 2, 1))) == 1
    with pytest.raises(AccessDenied):
        set_retention(engine, key, None)


def test_the_export_leaves_names_out_unless_asked(
    engine: sa.Engine, tiny_bank: Bank, key: FacilitatorKey
) -> None:
    (ida,) = people(engine, key, "Ida")
    set_choice(engine, ParticipantLink(ida), tiny_bank, "alpha.one", 2, base=None)
    assert [r["name"] for r in workshop_rows(engine, tiny_bank, key, names=False)] == [""]
    assert [r["participant"] for r in workshop_rows(engine, tiny_bank, key, names=False)] == [1]
    assert [r["name"] for r in workshop_rows(engine, tiny_bank, key, names=True)] == ["Ida"]
