"""A participant's browser, as far as the server can tell: a client that speaks Streamlit's
websocket protocol (protobuf `BackMsg` up, `ForwardMsg` down) for `bench_room.py`.

It opens a page as the browser does (a `rerun_script` with the page's name and query), keeps
the widgets the server draws, "clicks" by sending a widget's new value, and reruns each
fragment on the interval the server asks for (`auto_rerun`), as Streamlit's frontend does. It
draws nothing, so its "rendered" is the moment the server has sent the whole redrawn page.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FULL_RUN = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_SUCCESSFULLY")


@dataclass
class Radio:
    id: str
    options: list[str]


@dataclass
class Session:
    """One browser tab on one page of the app."""

    base: str
    page: str
    query: str
    radios: dict[str, Radio] = field(default_factory=dict)
    """The latest radio of each user key (`q.<question id>`), as the server last drew it."""
    finished: list[float] = field(default_factory=list)
    """Arrival times of every full run's end."""
    seen: dict[str, float] = field(default_factory=dict)
    """When a radio key was first drawn."""
    page_hash: str = ""
    """The page's script hash, as the server names it (the frontend sends it back each time)."""
    _ws: object = None
    _fragments: dict[str, asyncio.Task[None]] = field(default_factory=dict)
    _announced: set[str] = field(default_factory=set)
    """Fragments the current full run announced; the others' timers stop when it ends, as
    Streamlit's frontend stops them."""
    _reader: asyncio.Task[None] | None = None
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    async def open(self) -> None:
        url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        self._ws = await websockets.connect(url, subprotocols=["streamlit"], max_size=None)
        self._reader = asyncio.create_task(self._read())
        start = time.time()
        await self._send()
        await self.full_run_after(start)

    async def close(self) -> None:
        for task in self._fragments.values():
            task.cancel()
        if self._reader is not None:
            self._reader.cancel()
        await self._ws.close()  # type: ignore[attr-defined]

    async def click(self, key: str, option: int) -> float:
        """Choose `option` on the radio with user key `key`; returns when it was sent."""
        radio = self.radios[key]
        sent = time.time()
        await self._send(widget=(radio.id, radio.options[option]))
        return sent

    async def full_run_after(self, moment: float, timeout: float = 60) -> float:
        """When the first full run that ended after `moment` ended."""
        deadline = time.monotonic() + timeout
        while True:
            done = [t for t in self.finished if t > moment]
            if done:
                return done[0]
            self._changed.clear()
            await asyncio.wait_for(self._changed.wait(), max(0.01, deadline - time.monotonic()))

    async def drawn(self, key: str, timeout: float = 60) -> float:
        """When the radio `key` was first drawn (waits for it)."""
        deadline = time.monotonic() + timeout
        while key not in self.seen:
            self._changed.clear()
            await asyncio.wait_for(self._changed.wait(), max(0.01, deadline - time.monotonic()))
        return self.seen[key]

    async def _send(self, *, widget: tuple[str, str] | None = None, fragment: str = "") -> None:
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query
        state.page_name = self.page
        state.page_script_hash = self.page_hash
        if widget is not None:
            entry = state.widget_states.widgets.add()
            entry.id, entry.string_value = widget
        if fragment:
            state.fragment_id = fragment
            state.is_auto_rerun = True
        await self._ws.send(msg.SerializeToString())  # type: ignore[attr-defined]

    async def _read(self) -> None:
        async for data in self._ws:  # type: ignore[attr-defined]
            arrived = time.time()
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "navigation":  # with st.navigation, the page's own hash is here
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                if element.WhichOneof("type") == "radio":
                    key = element.radio.id.rsplit("-", 1)[-1]
                    self.radios[key] = Radio(element.radio.id, list(element.radio.options))
                    self.seen.setdefault(key, arrived)
            elif kind == "auto_rerun":
                fragment, every = msg.auto_rerun.fragment_id, msg.auto_rerun.interval
                self._announced.add(fragment)
                if fragment not in self._fragments:
                    self._fragments[fragment] = asyncio.create_task(self._tick(fragment, every))
            elif kind == "script_finished" and msg.script_finished == FULL_RUN:
                self.finished.append(arrived)
                for gone in set(self._fragments) - self._announced:
                    self._fragments.pop(gone).cancel()
                self._announced = set()
            self._changed.set()

    async def _tick(self, fragment: str, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            await self._send(fragment=fragment)
