"""A click in a fragment the server no longer holds (after a restart) runs the page, not nothing."""

from __future__ import annotations

from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.WidgetStates_pb2 import WidgetState

from ui.lost_fragments import as_full_run


class Session:
    """What `as_full_run` asks of an AppSession: which fragments it holds."""

    def __init__(self, *held: str) -> None:
        self.held = set(held)

    def has_fragment(self, fragment_id: str) -> bool:
        return fragment_id in self.held


def _click(fragment_id: str, auto: bool = False) -> ClientState:
    state = ClientState(query_string="d=abc&etape=3", fragment_id=fragment_id, is_auto_rerun=auto)
    state.widget_states.widgets.append(WidgetState(id="$$ID-1-q:ess_weight_knowledge", string_value="3"))
    return state


def test_a_click_in_a_fragment_the_session_holds_reruns_that_fragment_only() -> None:
    click = _click("frag-1")
    assert as_full_run(Session("frag-1"), click) is click


def test_a_click_in_an_unknown_fragment_becomes_a_page_run_with_the_same_answer() -> None:
    run = as_full_run(Session(), _click("frag-1"))
    assert run is not None and not run.fragment_id and not run.is_auto_rerun
    assert run.query_string == "d=abc&etape=3"
    assert [(w.id, w.string_value) for w in run.widget_states.widgets] == [("$$ID-1-q:ess_weight_knowledge", "3")]


def test_an_auto_refresh_of_an_unknown_fragment_runs_the_page_again() -> None:
    run = as_full_run(Session("other"), _click("dashboard", auto=True))
    assert run is not None and not run.fragment_id and not run.is_auto_rerun


def test_a_page_run_is_left_as_it_is() -> None:
    page = ClientState(query_string="d=abc")
    assert as_full_run(Session(), page) is page and as_full_run(Session(), None) is None
