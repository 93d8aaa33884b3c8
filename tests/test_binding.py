"""The widget callback of a page bound to a stored record, outside a Streamlit run."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit

from assessment import store
from assessment.models import Bank, Municipality
from assessment.records import PrivateLink, create_solo, load, set_choice
from assessment.ui import binding
from assessment.ui.feedback import FLASH

KEY = "q.alpha.one"


@pytest.fixture
def session(monkeypatch: pytest.MonkeyPatch) -> dict:
    """A plain dict as the session state: the callback only reads and writes keys in it."""
    state: dict = {}
    monkeypatch.setattr(streamlit, "session_state", state)
    return state


def _click(session: dict, record_id: int, save: binding.Save, level: int) -> None:
    session[KEY] = level
    binding._changed(record_id, KEY, save, "choice", lambda _value: True)


def test_a_quick_second_click_is_kept_and_another_windows_change_is_not_overwritten(
    session: dict, tmp_path: Path, tiny_bank: Bank
) -> None:
    """Two clicks on the same question before the page has redrawn: the second is based on the
    first one this session stored, so it is kept, not refused as a conflict. A change another
    window stored meanwhile is still protected."""
    engine = store.make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    door = PrivateLink(create_solo(engine, tiny_bank, Municipality(code=751, name="Aarhus")))
    record = load(engine, door)
    session[binding.SHOWN] = {record.id: record.revision}  # the page showed revision 0

    def save(value: int, base: int | None) -> int:
        return set_choice(engine, door, tiny_bank, "alpha.one", value, base=base)

    _click(session, record.id, save, 1)
    _click(session, record.id, save, 3)  # the page still shows revision 0
    assert load(engine, door).response.answers["alpha.one"].level == 3
    assert not session.get(FLASH)

    set_choice(engine, door, tiny_bank, "alpha.one", 2, base=2)  # another window
    _click(session, record.id, save, 4)
    assert load(engine, door).response.answers["alpha.one"].level == 2
    assert "error.record.conflict" in session[FLASH]  # one line; the page redraws what is stored
    engine.dispose()
