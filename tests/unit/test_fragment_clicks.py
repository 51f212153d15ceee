"""Clicks Streamlit would drop or confine to a fragment run the whole page, so none is lost."""

from __future__ import annotations

from dataclasses import dataclass

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.WidgetStates_pb2 import WidgetState

from ui.fragment_clicks import as_full_run

COMMENT = "$$ID-1-c:ess_weight_knowledge"
NEXT = "$$ID-2-None"
CONFIRM = "$$ID-3-confirm:ess_weight_knowledge"


@dataclass
class Metadata:
    fragment_id: str | None


class WidgetsState:
    """Which fragment drew each widget (None: the page itself)."""

    def __init__(self, drawn_by: dict[str, str | None]) -> None:
        self.drawn_by = drawn_by

    def get_widget_metadata(self, widget_id: str) -> Metadata | None:
        return Metadata(self.drawn_by[widget_id]) if widget_id in self.drawn_by else None


class Session:
    """What `as_full_run` asks of an AppSession: the fragments it holds and its widgets."""

    def __init__(self, *held: str) -> None:
        self.held = set(held)
        self.session_state = WidgetsState({COMMENT: "frag-1", NEXT: None, CONFIRM: "frag-1"})

    def has_fragment(self, fragment_id: str) -> bool:
        return fragment_id in self.held


def _message(fragment_id: str, auto: bool = False, clicked: str | None = None) -> ClientState:
    state = ClientState(query_string="d=abc&etape=3", fragment_id=fragment_id, is_auto_rerun=auto)
    state.widget_states.widgets.append(WidgetState(id=COMMENT, string_value="Tapé puis suivant"))
    if clicked:
        state.widget_states.widgets.append(WidgetState(id=clicked, trigger_value=True))
    return state


def _is_page_run(run: ClientState | None) -> bool:
    return run is not None and not run.fragment_id and not run.is_auto_rerun


def test_a_change_in_a_fragment_the_session_holds_reruns_that_fragment_only() -> None:
    message = _message("frag-1")
    assert as_full_run(Session("frag-1"), message) is message


def test_a_button_of_the_same_fragment_reruns_that_fragment_only() -> None:
    message = _message("frag-1", clicked=CONFIRM)
    assert as_full_run(Session("frag-1"), message) is message


def test_a_page_button_clicked_right_after_typing_in_a_fragment_runs_the_page() -> None:
    run = as_full_run(Session("frag-1"), _message("frag-1", clicked=NEXT))
    assert _is_page_run(run)
    assert run is not None and [w.id for w in run.widget_states.widgets] == [COMMENT, NEXT]


def test_a_click_in_an_unknown_fragment_becomes_a_page_run_with_the_same_answer() -> None:
    run = as_full_run(Session(), _message("frag-1"))
    assert _is_page_run(run) and run is not None and run.query_string == "d=abc&etape=3"
    assert [(w.id, w.string_value) for w in run.widget_states.widgets] == [(COMMENT, "Tapé puis suivant")]


def test_an_auto_refresh_of_an_unknown_fragment_runs_the_page_again() -> None:
    assert _is_page_run(as_full_run(Session("other"), _message("dashboard", auto=True)))


def test_a_page_run_is_left_as_it_is() -> None:
    page = ClientState(query_string="d=abc")
    assert as_full_run(Session(), page) is page and as_full_run(Session(), None) is None
