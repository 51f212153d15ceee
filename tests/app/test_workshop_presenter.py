"""The presenter view in AppTest: opened by its own link only, shows what the dashboard chose."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from streamlit.testing.v1 import AppTest

from scoring.completion import question_numbers
from scoring.loader import default_catalogue
from services import presenter, workshops
from storage import Store, WorkshopRecord
from tests.app.conftest import open_link, texts

CAT = default_catalogue()
EXPRESS = "ess-territoires-express"
NOW = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
QUESTIONS = {q.id: q for _, q in CAT.questionnaire(EXPRESS).questions()}
NUMBERS = question_numbers(CAT.questionnaire(EXPRESS), CAT.territories, PROFILE["authority_type"])


def _everything(at: AppTest) -> str:
    return texts(at) + "".join(str(e.proto) for e in at.get("html")) + "".join(str(e.proto) for e in at.get("imgs"))


def _workshop(store: Store, levels: tuple[int, ...] = (0, 2, 4, 4)) -> WorkshopRecord:
    workshop = store.create_workshop("Atelier du 12 mars", EXPRESS, PROFILE)
    for i, level in enumerate(levels):
        diag = store.join_workshop(workshop.id, "elu", f"Prénom{i}")
        store.save_answer(diag, "ess_weight_knowledge", level)
        store.save_answer(diag, "jobs_creation_support", 2)
        store.save_comment(diag, "ess_weight_knowledge", f"Remarque {i}")
    return workshop


def _showing_first_question(store: Store) -> tuple[WorkshopRecord, str]:
    """A workshop whose presenter view has started on its first question, and that view's token."""
    workshop = _workshop(store)
    store.update_presenter(workshop.id, started=True, question_id="ess_weight_knowledge")
    return workshop, store.presenter_state(workshop.id).token


@pytest.mark.usefixtures("database")
def test_the_presenter_view_shows_the_join_code_until_the_start_and_no_secret() -> None:
    store = Store()
    workshop = _workshop(store)
    token = store.presenter_state(workshop.id).token
    at = open_link("workshop_presenter", ecran=token)
    page = _everything(at)
    assert f"{workshop.join_code[:3]}-{workshop.join_code[3:]}" in page and "4 participants connectés" in page
    assert workshop.facilitator_token not in page and "animation=" not in page
    assert "Prénom" not in page and workshop.consolidated_id not in page
    assert at.toggle(key="presenter:paused").value is False


@pytest.mark.usefixtures("database")
def test_the_presenter_view_refuses_the_facilitator_token_and_unknown_links() -> None:
    store = Store()
    workshop = _workshop(store)
    for value in (workshop.facilitator_token, workshop.join_code, workshop.id, "x" * 300):
        at = open_link("workshop_presenter", ecran=value)
        page = _everything(at)
        assert "s’ouvre avec le lien de projection" in page
        assert workshop.title not in page and workshop.join_code not in page


@pytest.mark.usefixtures("database")
def test_the_presenter_hides_results_until_revealed_then_shows_figures_and_comments() -> None:
    store = Store()
    workshop, token = _showing_first_question(store)
    at = open_link("workshop_presenter", ecran=token)
    page = _everything(at)
    number = NUMBERS["ess_weight_knowledge"]
    assert f"Q{number}. {QUESTIONS['ess_weight_knowledge'].text}" in page
    assert "4 réponses sur 4" in page and "résultats s’afficheront quand l’animateur les révélera" in page
    assert not at.get("plotly_chart") and "Remarque" not in page
    store.update_presenter(workshop.id, revealed=True)
    at.run()
    page = _everything(at)
    assert at.get("plotly_chart") and "Moyenne 2,5 · écart 4 · à discuter" in page
    assert all(f"Remarque {i}" in page for i in range(4))
    assert "Prénom" not in page
    workshops.consolidate(store, workshop, "ess_weight_knowledge", 2, "")  # the group agreed: the wall says so
    at.run()
    assert "Réponse retenue par le groupe\u00a0: 2 · Chiffres ponctuels" in _everything(at)


@pytest.mark.usefixtures("database")
def test_the_dashboard_drives_the_presenter_through_the_database() -> None:
    store = Store()
    workshop = _workshop(store)
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    at.button(key="presenter:start").click().run()
    assert not at.exception
    state = store.presenter_state(workshop.id)
    assert state.started and state.question_id == "ess_weight_knowledge"  # the divergent one first
    at.button(key="presenter:reveal").click().run()
    assert store.presenter_state(workshop.id).revealed
    at.button(key="presenter:next").click().run()
    state = store.presenter_state(workshop.id)
    assert state.question_id != "ess_weight_knowledge" and not state.revealed
    assert at.selectbox(key="consolidation:question").value == state.question_id
    at.button(key="presenter:previous").click().run()
    assert store.presenter_state(workshop.id).question_id == "ess_weight_knowledge"


@pytest.mark.usefixtures("database")
def test_the_dashboard_links_to_the_presenter_view_and_the_join_panel_has_no_private_link() -> None:
    store = Store()
    workshop = _workshop(store)
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    token = store.presenter_state(workshop.id).token
    buttons = [str(b.proto) for b in at.get("link_button")]
    assert any(f"projection?ecran={token}" in b for b in buttons)
    assert all(workshop.facilitator_token not in str(c.value) for c in at.code)


@pytest.mark.usefixtures("database")
def test_the_facilitator_removes_a_duplicate_and_the_list_shows_no_answer() -> None:
    store = Store()
    workshop = _workshop(store, (0, 2, 4))
    empty = store.join_workshop(workshop.id, "technicien", "Doublon")
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    options = at.selectbox(key="participants:remove").options
    assert sorted(options) == ["Doublon (technicien)", "Prénom0 (élu)", "Prénom1 (élu)", "Prénom2 (élu)"]
    at.selectbox(key="participants:remove").select_index(options.index("Doublon (technicien)"))
    at.button(key="participants:remove_go").click().run()
    assert not at.exception
    assert store.get_diagnostic(empty) is None
    assert "Doublon (technicien) a été retiré de l’atelier" in texts(at)
    assert "3 participants ·" in texts(at).replace("**", "")


@pytest.mark.usefixtures("database")
def test_the_facilitator_merges_an_empty_duplicate_but_never_two_answered_participations() -> None:
    store = Store()
    workshop = _workshop(store, (0, 2, 4))
    again = store.join_workshop(workshop.id, "elu", "Prénom0 bis")  # joined twice, answered once
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)

    def merge(keep: str, other: str) -> None:
        options = at.selectbox(key="participants:keep").options
        at.selectbox(key="participants:keep").select_index(options.index(keep))
        at.selectbox(key="participants:other").select_index(options.index(other))
        at.button(key="participants:merge_go").click().run()

    merge("Prénom0 (élu)", "Prénom0 bis (élu)")
    assert not at.exception
    assert store.get_diagnostic(again) is None and len(store.participant_records(workshop.id)) == 3
    assert "fusionnées en «\u00a0Prénom0 (élu)\u00a0»" in texts(at)
    merge("Prénom0 (élu)", "Prénom1 (élu)")  # both answered: the figures would give one away
    assert "laisserait deviner ses réponses" in texts(at)
    assert len(store.participant_records(workshop.id)) == 3


@pytest.mark.usefixtures("database")
def test_the_facilitator_types_in_a_paper_questionnaire_as_a_participant_of_the_chosen_role() -> None:
    store = Store()
    workshop = _workshop(store, (0, 2, 4))
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    at.button(key="paper:add").click().run()
    assert "Choisissez le rôle indiqué sur le questionnaire papier." in texts(at)
    at.radio(key="paper:role").set_value("acteur_ess")
    at.button(key="paper:add").click().run()
    assert not at.exception
    (paper,) = [r for r in store.participant_records(workshop.id) if r.paper]
    assert paper.role == "acteur_ess" and paper.first_name is None
    assert any(f"questionnaire?d={paper.id}" in str(b.proto) for b in at.get("link_button"))


@pytest.mark.usefixtures("database")
def test_the_presenter_shows_the_countdown_the_dashboard_started(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(presenter, "utc_now", lambda: NOW)  # the clock stands still: 3 minutes left exactly
    store = Store()
    workshop, token = _showing_first_question(store)
    dashboard = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    dashboard.selectbox(key="presenter:timer").set_value(3)
    dashboard.button(key="presenter:timer_start").click().run()
    assert not dashboard.exception
    page = _everything(open_link("workshop_presenter", ecran=token))
    assert "temps restant 03:00" in page


@pytest.mark.usefixtures("database")
def test_the_results_page_and_the_dashboard_offer_the_restitution_deck() -> None:
    store = Store()
    workshop = _workshop(store)
    plain = store.create_diagnostic(EXPRESS, PROFILE)
    store.save_answer(plain, "ess_weight_knowledge", 2)
    for at in (
        open_link("results", d=plain),
        open_link("workshop_dashboard", animation=workshop.facilitator_token),
    ):
        labels = [str(b.proto.label) for b in at.get("download_button")]
        assert "Diaporama de restitution" in labels and "Rapport PDF" in labels
