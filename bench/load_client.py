"""A load client speaking Streamlit's websocket protocol: simulated participants and dashboards.

A session connects to `ws://HOST:PORT/_stcore/stream` (subprotocol `streamlit`, Origin header),
sends `BackMsg.rerun_script` as a browser does (widget states, button triggers, auto-rerun
fragments) and reads `ForwardMsg`s until `script_finished`. Used by `bench/load_workshop.py`.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

CLICK_TIMEOUT_S = 60.0
NEXT_LABEL = "Dimension suivante →"
ANSWER_LABEL = "Question "  # the answer radios are named « Question N : <text> »
FINISHED = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


class ProtocolError(RuntimeError):
    """The server answered something a browser would not expect."""


@dataclass
class Widget:
    """A widget of the last run, as the server described it."""

    id: str
    label: str
    options: list[str] = field(default_factory=list)
    fragment: str = ""  # the fragment that drew it: a change re-runs that fragment, as in a browser


@dataclass
class Participant:
    """One simulated participant: a websocket session on their own diagnostic."""

    diag_id: str
    uri: str
    origin: str
    query_string: str = ""
    page_name: str = "questionnaire"
    page_hash: str = ""
    fragments: dict[str, float] = field(default_factory=dict)  # auto-rerun fragment id -> interval (s)
    widgets: dict[str, Widget] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)
    expected: dict[str, int | str] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    sent: int = 0
    acknowledged: int = 0
    errors: list[str] = field(default_factory=list)
    done: bool = False

    def __post_init__(self) -> None:
        self.query_string = self.query_string or f"d={self.diag_id}"


def key_of(widget_id: str) -> str:
    """The user key at the end of an element id (`$$ID-<hash>-<key>`)."""
    parts = widget_id.split("-", 2)
    return parts[2] if len(parts) == 3 else widget_id


def _value_of(option: str) -> int | str:
    """What the questionnaire stores for a formatted radio option."""
    if option == "Je ne sais pas":
        return "dk"
    if option == "Non concerné":
        return "na"
    return int(option.split(" ", 1)[0])


async def rerun(
    ws: Any, p: Participant, trigger: str | None = None, fragment: str | None = None, clicked: str | None = None
) -> float:
    """Send a rerun as the browser does (of the page; of an auto-rerun `fragment`; of the fragment that
    drew the widget `clicked`, if any) and read until the script has finished; returns seconds."""
    msg = BackMsg()
    state = msg.rerun_script
    state.query_string = p.query_string
    state.page_script_hash = p.page_hash
    if not p.page_hash:
        state.page_name = p.page_name
    if fragment is not None:
        state.fragment_id = fragment
        state.is_auto_rerun = True
    elif clicked is not None and p.widgets[clicked].fragment:
        state.fragment_id = p.widgets[clicked].fragment
    for widget_id, value in p.values.items():
        if widget_id in p.widgets:
            state.widget_states.widgets.append(WidgetState(id=widget_id, string_value=value))
    if trigger is not None:
        state.widget_states.widgets.append(WidgetState(id=trigger, trigger_value=True))
    started = time.perf_counter()
    await ws.send(msg.SerializeToString())
    seen: dict[str, Widget] = {}
    while True:
        raw = await asyncio.wait_for(ws.recv(), CLICK_TIMEOUT_S)
        fwd = ForwardMsg.FromString(raw)
        kind = fwd.WhichOneof("type")
        if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element, drawn_by = fwd.delta.new_element, fwd.delta.fragment_id
            which = element.WhichOneof("type")
            if which == "radio":
                radio = element.radio
                seen[radio.id] = Widget(radio.id, radio.label, list(radio.options), drawn_by)
            elif which == "button":
                seen[element.button.id] = Widget(element.button.id, element.button.label, fragment=drawn_by)
            elif which == "exception":
                p.errors.append(element.exception.message)
            elif which == "alert" and element.alert.format == 1:  # ERROR: e.g. a refused save
                p.errors.append(element.alert.body)
        elif kind == "navigation" and fwd.navigation.page_script_hash:
            p.page_hash = fwd.navigation.page_script_hash
        elif kind == "page_info_changed":
            p.query_string = fwd.page_info_changed.query_string
        elif kind == "auto_rerun":
            p.fragments[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
        elif kind == "script_finished":
            if fwd.script_finished not in FINISHED:
                raise ProtocolError(f"script finished with status {fwd.script_finished}")
            if fragment is None and clicked is None:
                p.widgets = seen
            else:  # a fragment's rerun redraws that fragment's widgets only
                p.widgets.update(seen)
            return time.perf_counter() - started


def _next_action(p: Participant, rng: random.Random) -> tuple[str, str | None] | None:
    """(widget id, option) of the next unanswered question, (button id, None) to go on, or None."""
    for widget in sorted(p.widgets.values(), key=lambda w: w.label):
        if widget.label.startswith(ANSWER_LABEL) and widget.id not in p.values and widget.options:
            weights = [8] * (len(widget.options) - 2) + [1, 1]  # levels mostly, sometimes dk / na
            return widget.id, rng.choices(widget.options, weights)[0]
    button = next((w for w in p.widgets.values() if w.label == NEXT_LABEL), None)
    return (button.id, None) if button else None


@dataclass
class Clock:
    """When clicking stops; set once every session has loaded its page."""

    deadline: float = float("inf")


async def participant_loop(
    p: Participant, pause: float, clock: Clock, ready: asyncio.Barrier, go: asyncio.Event, seed: int
) -> None:
    """Load the questionnaire, then click until the deadline or the end of the questionnaire."""
    rng = random.Random(seed)
    async with connect(p) as ws:
        await rerun(ws, p)
        await ready.wait()
        await go.wait()
        if pause:
            await asyncio.sleep(rng.uniform(0, pause))  # participants do not click in step
        while time.monotonic() < clock.deadline:
            action = _next_action(p, rng)
            if action is None:
                p.done = True
                break
            widget_id, option = action
            if option is None:
                p.latencies.append(await rerun(ws, p, trigger=widget_id))
            else:
                p.values[widget_id] = option
                p.sent += 1
                p.expected[key_of(widget_id).removeprefix("q:")] = _value_of(option)
                p.latencies.append(await rerun(ws, p, clicked=widget_id))
                p.acknowledged += 1
            if pause:
                await asyncio.sleep(rng.uniform(0.5 * pause, 1.5 * pause))


async def viewer_loop(v: Participant, clock: Clock, ready: asyncio.Barrier, go: asyncio.Event) -> None:
    """A facilitator's screen: open the dashboard, then rerun its auto-refresh fragments as the browser does."""
    async with connect(v) as ws:
        await rerun(ws, v)
        if not v.fragments:
            raise ProtocolError("the dashboard asked for no auto-refresh")
        await ready.wait()
        await go.wait()
        interval = min(v.fragments.values())
        while time.monotonic() + interval < clock.deadline:
            await asyncio.sleep(interval)
            for fragment in list(v.fragments):
                v.latencies.append(await rerun(ws, v, fragment=fragment))


def session(url: str, diag_id: str, query_string: str = "", page_name: str = "questionnaire") -> Participant:
    """A session on the app or proxy at `url` (http://host:port)."""
    host = url.removeprefix("http://")
    return Participant(diag_id, f"ws://{host}/_stcore/stream", url, query_string=query_string, page_name=page_name)


def connect(p: Participant) -> Any:
    """The websocket of a session, as a browser opens it (loopback, no ping)."""
    return websockets.connect(
        p.uri, subprotocols=[websockets.Subprotocol("streamlit")], origin=websockets.Origin(p.origin),
        max_size=None, ping_interval=None, open_timeout=30,
    )  # fmt: skip
