"""Workshop mode in AppTest: create, join, answer, close, dashboard access, consolidation."""

from __future__ import annotations

import json
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from scoring.completion import question_numbers
from scoring.engine import score
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from storage import Store, WorkshopRecord
from tests.app.conftest import html, new_app, open_link, texts
from ui.live_panel import TABS
from workshops.access import LIMITS, client_key, record_failure
from workshops.analysis import consolidation_prefill
from workshops.anonymity import group_figures
from workshops.live_cache import LIVE
from workshops.participants import Participant

CAT = default_catalogue()
EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes", "region": "bretagne"}


def _workshop(store: Store, title: str = "Atelier du 12 mars") -> WorkshopRecord:
    return store.create_workshop(title, EXPRESS, PROFILE)


def _participant(store: Store, workshop: WorkshopRecord, role: str, answers: dict[str, Any], **extra: Any) -> str:
    diag_id = store.join_workshop(workshop.id, role, extra.get("first_name"))
    for qid, value in answers.items():
        store.save_answer(diag_id, qid, value)
    for qid, text in extra.get("comments", {}).items():
        store.save_comment(diag_id, qid, text)
    if extra.get("finished"):
        store.set_finished(diag_id, True)
    return diag_id


def _codes(at: AppTest) -> list[str]:
    return [str(c.value) for c in at.code]


# --- creating -------------------------------------------------------------------------------


@pytest.mark.usefixtures("database")
def test_creating_a_workshop_shows_the_join_code_the_qr_image_and_the_private_facilitator_link() -> None:
    at = open_link("workshop_new")
    at.text_input(key="new_workshop:title").input("Atelier <b>ESS</b> *du* 12 mars")
    at.text_input(key="new_workshop:profile:name").input("CC du Val d’Essai")
    at.selectbox(key="new_workshop:profile:authority_type").select("communaute_communes")
    at.radio(key="new_workshop:questionnaire").set_value(EXPRESS)
    at.button[0].click().run()
    assert not at.exception
    store = Store()
    workshop = store.find_workshop_by_facilitator_token(_codes(at)[1].split("animation=")[1])
    assert workshop is not None and workshop.title == "Atelier <b>ESS</b> *du* 12 mars"
    assert workshop.profile == {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
    assert f"{workshop.join_code[:3]}-{workshop.join_code[3:]}" in html(at)
    assert _codes(at) == [
        f"http://localhost:8501/rejoindre?code={workshop.join_code}",
        f"http://localhost:8501/tableau-de-bord?animation={workshop.facilitator_token}",
    ]
    (image,) = at.image
    assert image.captions == [f"QR code du lien pour rejoindre ({workshop.join_code[:3]}-{workshop.join_code[3:]})"]
    assert any(b.label == "Télécharger le QR code (SVG)" for b in at.get("download_button"))
    page = texts(at)
    assert "Gardez ce lien pour vous" in page
    assert "Atelier « Atelier <b>ESS</b> *du* 12 mars » créé" in page  # typed text shown as typed, not as HTML
    assert "<b>" not in html(at)


@pytest.mark.usefixtures("database")
def test_a_workshop_needs_a_title_and_an_authority_type() -> None:
    at = open_link("workshop_new")
    at.button[0].click().run()
    page = texts(at)
    assert "Donnez un titre à l’atelier" in page and "Choisissez le type de collectivité" in page


@pytest.mark.usefixtures("database")
def test_a_facilitator_password_from_the_environment_guards_creation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUTODIAG_FACILITATOR_PASSWORD", "atelier-2026")
    at = open_link("workshop_new")
    assert not any(t.key == "new_workshop:title" for t in at.text_input)
    at.text_input(key="facilitator_password_input").input("mauvais")
    at.button[0].click().run()
    assert "Mot de passe incorrect" in texts(at)
    at.text_input(key="facilitator_password_input").input("atelier-2026")
    at.button[0].click().run()
    assert any(t.key == "new_workshop:title" for t in at.text_input)


# --- joining --------------------------------------------------------------------------------


@pytest.mark.usefixtures("database")
def test_joining_with_a_wrong_code_says_so_in_french() -> None:
    at = open_link("workshop_join")
    at.text_input(key="join:code").input("ZZZ-999")
    at.radio(key="join:role").set_value("elu")
    at.button[0].click().run()
    assert not at.exception
    assert "Aucun atelier ne correspond au code « ZZZ-999 »" in texts(at)


@pytest.mark.usefixtures("database")
def test_wrong_codes_are_counted_in_the_database_so_a_new_session_is_held_back_by_the_server_wide_limit() -> None:
    store = Store()
    workshop = _workshop(store)
    at = open_link("workshop_join")
    at.text_input(key="join:code").input("ZZZ-999")
    at.radio(key="join:role").set_value("elu")
    at.button[0].click().run()
    now = datetime.now(UTC)
    _, everyone = store.recent_join_failures("", now - timedelta(minutes=10), 20)
    assert len(everyone) == 1
    for i in range(LIMITS.server_wide - 1):  # wrong codes from elsewhere, up to the server-wide limit
        record_failure(store, client_key(f"198.51.100.{i % 250}"), now)
    fresh = open_link("workshop_join")  # a new browser session
    fresh.text_input(key="join:code").input(workshop.join_code)
    fresh.radio(key="join:role").set_value("elu")
    fresh.button[0].click().run()
    assert not fresh.exception
    assert "Trop de codes erronés ont été essayés récemment" in texts(fresh)
    assert store.participant_responses(workshop.id) == []


@pytest.mark.usefixtures("database")
def test_joining_a_closed_workshop_says_so_in_french() -> None:
    store = Store()
    workshop = _workshop(store)
    store.close_workshop(workshop.id)
    at = open_link("workshop_join", code=workshop.join_code.lower())
    at.radio(key="join:role").set_value("technicien")
    at.button[0].click().run()
    assert "L’atelier « Atelier du 12 mars » est clos : il n’accepte plus de participants." in texts(at)
    assert [rec for rec, _ in store.participant_responses(workshop.id)] == []


@pytest.mark.usefixtures("database")
def test_joining_from_the_qr_link_opens_the_questionnaire_about_the_workshops_authority() -> None:
    store = Store()
    workshop = _workshop(store)
    at = open_link("workshop_join", code=workshop.join_code)
    assert at.text_input(key="join:code").value == f"{workshop.join_code[:3]}-{workshop.join_code[3:]}"
    at.radio(key="join:role").set_value("acteur_ess")
    at.text_input(key="join:first_name").input("Camille")
    at.button[0].click().run()
    assert not at.exception
    (participant,) = [rec for rec, _ in store.participant_responses(workshop.id)]
    assert (participant.role, participant.first_name, participant.profile) == ("acteur_ess", "Camille", PROFILE)
    assert at.query_params["d"] in (participant.id, [participant.id])
    # the questionnaire, straight away: no profile step for a participant
    assert any(r.key == "q:ess_weight_knowledge" for r in at.radio)
    assert "Atelier « Atelier du 12 mars » · vous répondez en tant que acteur ESS" in texts(at)
    at.radio(key="q:ess_weight_knowledge").set_value(3).run()
    assert store.load_responses(participant.id).answers == {"ess_weight_knowledge": 3}


@pytest.mark.usefixtures("database")
def test_a_participant_cannot_answer_once_the_workshop_is_closed_and_every_control_is_read_only() -> None:
    store = Store()
    workshop = _workshop(store)
    diag_id = _participant(store, workshop, "elu", {"ess_weight_knowledge": 1})
    at = open_link("diagnostic", d=diag_id, etape="1")
    store.close_workshop(workshop.id)
    at.radio(key="q:ess_weight_knowledge").set_value(4).run()
    assert not at.exception
    page = texts(at)
    assert "Cet atelier est clos : les réponses ne sont plus modifiables" in page
    assert store.load_responses(diag_id).answers == {"ess_weight_knowledge": 1}
    assert at.radio(key="q:ess_weight_knowledge").value == 1  # the saved answer is shown again
    assert at.radio(key="q:ess_weight_knowledge").disabled  # read-only now, and said so
    assert "ne peuvent plus être modifiées" in page
    store.reopen_workshop(workshop.id)
    at.run()
    at.radio(key="q:ess_weight_knowledge").set_value(4).run()
    assert store.load_responses(diag_id).answers == {"ess_weight_knowledge": 4}


@pytest.mark.usefixtures("database")
def test_a_participant_says_they_have_finished_on_the_last_step() -> None:
    store = Store()
    workshop = _workshop(store)
    diag_id = _participant(store, workshop, "elu", {"ess_weight_knowledge": 2})
    last = len(CAT.questionnaire(EXPRESS).dimensions)
    at = open_link("diagnostic", d=diag_id, etape=str(last))
    assert not any(b.label == "Voir les résultats →" for b in at.button)
    at.button(key="participant_finished").click().run()
    assert not at.exception
    assert store.get_diagnostic(diag_id).finished  # type: ignore[union-attr]
    assert "Votre atelier" in texts(at)


@pytest.mark.usefixtures("database")
def test_a_participant_sees_the_group_radar_only_once_three_others_have_started_answering() -> None:
    store = Store()
    workshop = _workshop(store)
    me = _participant(store, workshop, "elu", {"ess_weight_knowledge": 4}, finished=True)
    _participant(store, workshop, "technicien", {"ess_weight_knowledge": 0}, finished=True)
    _participant(store, workshop, "technicien", {"ess_weight_knowledge": 1})
    late = store.join_workshop(workshop.id, "autre", None)
    at = open_link("results", d=me)
    page = texts(at)
    assert "Le radar du groupe s’affichera quand au moins 3 autres participants auront commencé à répondre" in page
    assert not any(getattr(c, "key", None) == "group_radar:resource" for c in at.get("plotly_chart"))
    store.save_answer(late, "ess_weight_knowledge", 2)
    store.save_comment(late, "ess_weight_knowledge", "secret")
    at = open_link("results", d=me)
    names = [[t.get("name") for t in json.loads(c.proto.spec)["data"]] for c in at.get("plotly_chart")]
    group = [n for n in names if "Moyenne du groupe (4 personnes)" in n]
    assert len(group) == 2  # one radar per half
    assert {"Vos réponses", "Étendue du groupe (min–max)"} <= set(group[0])
    assert "secret" not in texts(at)  # never another participant's comment


# --- dashboard access -----------------------------------------------------------------------


@pytest.mark.usefixtures("database")
def test_a_participant_link_does_not_open_the_dashboard() -> None:
    store = Store()
    workshop = _workshop(store)
    diag_id = _participant(store, workshop, "elu", {"ess_weight_knowledge": 2})
    for params in (
        {"d": diag_id},
        {"animation": diag_id},
        {"animation": workshop.join_code},
        {"animation": workshop.id},
    ):
        at = open_link("workshop_dashboard", **params)
        page = texts(at)
        assert "Tableau de bord de l’atelier" in page
        assert ("s’ouvre uniquement avec le lien d’animation privé" in page) or (
            "ne correspond à aucun atelier" in page
        )
        assert workshop.title not in page and workshop.join_code not in page
        assert "ont commencé" not in texts(at) and not at.dataframe
        assert not any(b.key == "close_workshop" for b in at.button)


@pytest.mark.usefixtures("database")
def test_another_workshops_token_opens_that_workshop_only() -> None:
    store = Store()
    ours = _workshop(store, "Atelier Nord")
    theirs = _workshop(store, "Atelier Sud")
    for i in range(4):
        _participant(store, ours, "elu", {"ess_weight_knowledge": i}, first_name=f"Nordiste{i}")
    _participant(store, theirs, "elu", {"ess_weight_knowledge": 1}, first_name="Sudiste")
    at = open_link("workshop_dashboard", animation=theirs.facilitator_token)
    page = texts(at)
    assert "Atelier Sud" in page and "Atelier Nord" not in page
    assert "1 participant ·" in texts(at).replace("**", "")
    assert "Nordiste" not in texts(at) + "\n".join(str(t.value) for t in at.text)
    # the consolidation writes into that workshop's collegial diagnostic only
    assert any(theirs.consolidated_id in str(link.proto) for link in at.get("page_link"))
    assert not any(ours.consolidated_id in str(link.proto) for link in at.get("page_link"))


# --- dashboard content ----------------------------------------------------------------------


@pytest.mark.usefixtures("database")
def test_the_dashboard_counts_participants_and_shows_no_name_and_no_individual_progress() -> None:
    store = Store()
    workshop = _workshop(store)
    _participant(store, workshop, "elu", {"ess_weight_knowledge": 0}, first_name="Zoé")
    _participant(store, workshop, "technicien", {"ess_weight_knowledge": 4}, finished=True)
    _participant(store, workshop, "elu", {}, first_name="Camille")
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    counts = texts(at).replace("**", "")
    assert "3 participants · 2 ont commencé · 1 a terminé · – questions divergentes" in counts
    table = at.table[0].value
    assert table.to_dict("records") == [{"Rôle": "Ensemble", "Ont rejoint": 3, "Ont commencé": 2, "Ont terminé": 1}]
    shown = texts(at) + "\n".join(str(t.value) for t in at.text)
    assert "Camille" not in shown and "Zoé" not in shown  # no name beside live counts
    assert "1/15" not in texts(at) and not at.dataframe


def _tab(workshop: WorkshopRecord, label: str) -> AppTest:
    """The dashboard with one tab open (the tabs track their state in the session)."""
    at = new_app()
    at.query_params["animation"] = workshop.facilitator_token
    at.run()
    at.session_state["dashboard:tabs"] = label
    at.switch_page("app_pages/workshop_dashboard.py").run()
    assert not at.exception
    return at


@pytest.mark.usefixtures("database")
def test_the_group_radar_on_the_dashboard_is_the_mean_with_a_min_max_band() -> None:
    store = Store()
    workshop = _workshop(store)
    for level in (0, 2, 4):
        _participant(store, workshop, "elu", {"ess_weight_knowledge": level, "jobs_creation_support": 1})
    at = _tab(workshop, "Radar du groupe")
    assert "1 question divergente ·" in texts(at).replace("**", "")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    motivation = next(
        s
        for s in specs
        if any(t.get("name") == "Moyenne du groupe (3 personnes)" for t in s["data"])
        and "motivation" in json.dumps(s["layout"]["title"]).lower()
    )
    traces = {t["name"]: t for t in motivation["data"]}
    assert traces["Minimum du groupe"]["r"][0] == 0 and traces["Étendue du groupe (min–max)"]["r"][0] == 100
    assert traces["Moyenne du groupe (3 personnes)"]["r"][0] == 50


@pytest.mark.usefixtures("database")
def test_the_agenda_puts_divergent_questions_first() -> None:
    store = Store()
    workshop = _workshop(store)
    for level in (0, 2, 4):
        _participant(store, workshop, "elu", {"ess_weight_knowledge": 2, "jobs_creation_support": level})
    agenda = _tab(workshop, "Ordre du jour").table[0].value
    numbers = question_numbers(CAT.questionnaire(EXPRESS), CAT.territories, PROFILE["authority_type"])
    assert agenda["Q."].tolist()[:2] == [
        f"Q{numbers[qid]}" for qid in ("jobs_creation_support", "ess_weight_knowledge")
    ]
    assert agenda["Écart"].tolist()[:2] == [4, 0] and agenda["À discuter"].tolist()[:2] == ["oui", ""]


@pytest.mark.usefixtures("database")
def test_roles_and_comments_are_shown_to_the_facilitator_only_from_three_people() -> None:
    store = Store()
    workshop = _workshop(store)
    for i in range(3):
        _participant(
            store, workshop, "elu", {"ess_weight_knowledge": 4}, comments={"ess_weight_knowledge": f"avis élu {i}"}
        )
    for i in range(3):
        comments = {"jobs_creation_support": f"avis technicien {i}"} if i < 2 else {}
        _participant(store, workshop, "technicien", {"ess_weight_knowledge": 1}, comments=comments)
    roles = _tab(workshop, "Par rôle")
    assert list(roles.table[0].value.columns) == ["Dimension", "Élus (3)", "Techniciens (3)"]
    comments = _tab(workshop, "Commentaires")
    page = texts(comments) + "\n".join(str(t.value) for t in comments.text)
    assert "avis élu 0" in page and "avis élu 2" in page
    assert "avis technicien" not in page  # two comments only
    _participant(store, workshop, "acteur_ess", {"ess_weight_knowledge": 0})  # a lone role cannot be shown apart
    roles = _tab(workshop, "Par rôle")
    assert [list(t.value.columns) for t in roles.table] == [["Dimension", "Techniciens (3)"]]


@pytest.mark.usefixtures("database")
def test_the_facilitator_closes_the_workshop_after_confirming_and_reopens_it() -> None:
    store = Store()
    workshop = _workshop(store)
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    at.button(key="close_ask").click().run()
    assert not store.get_workshop(workshop.id).closed  # type: ignore[union-attr]  # asked first
    at.button(key="close_cancel").click().run()
    assert not any(b.key == "close_workshop" for b in at.button)
    at.button(key="close_ask").click().run()
    at.button(key="close_workshop").click().run()
    assert store.get_workshop(workshop.id).closed  # type: ignore[union-attr]
    assert "Atelier clos" in texts(at)
    at.button(key="reopen_workshop").click().run()
    assert not store.get_workshop(workshop.id).closed  # type: ignore[union-attr]


# --- consolidation --------------------------------------------------------------------------


def _people(store: Store, workshop: WorkshopRecord) -> list[Participant]:
    return [
        Participant(rec.role, rec.finished, ResponseSet.model_validate(data))
        for rec, data in store.participant_responses(workshop.id)
    ]


@pytest.mark.usefixtures("database")
def test_consolidation_is_prefilled_with_the_rounded_group_mean_and_saved_with_its_note() -> None:
    store = Store()
    workshop = _workshop(store)
    for level in (1, 2, 2, 4):  # mean 2.25 → 2
        _participant(store, workshop, "elu", {"ess_weight_knowledge": level, "jobs_creation_support": "dk"})
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    figures = group_figures(CAT, _people(store, workshop), 3)
    assert figures is not None
    stats = figures.stats
    assert at.selectbox(key="consolidation:question").value == "ess_weight_knowledge"
    assert (
        at.radio(key="cons:q:ess_weight_knowledge").value == consolidation_prefill(stats["ess_weight_knowledge"]) == 2
    )
    at.radio(key="cons:q:ess_weight_knowledge").set_value("dk")
    at.text_input(key="cons:c:ess_weight_knowledge").input("Personne n’a les chiffres : demander à la CRESS.")
    next(b for b in at.button if b.label == "Enregistrer et suivante").click().run()
    assert not at.exception
    saved = store.load_responses(workshop.consolidated_id)
    assert saved.answers == {"ess_weight_knowledge": "dk"}
    assert saved.comments == {"ess_weight_knowledge": "Personne n’a les chiffres : demander à la CRESS."}
    assert "Réponse du groupe enregistrée pour la question Q1." in texts(at)
    assert "Consolidées\u00a0: 1 sur 15, dont 1 divergente(s) sur 1" in str(at.get("progress")[0].proto)
    next_question = at.selectbox(key="consolidation:question").value
    assert next_question != "ess_weight_knowledge"
    assert at.radio(key=f"cons:q:{next_question}").value == consolidation_prefill(stats[next_question])


@pytest.mark.usefixtures("database")
def test_consolidated_answers_give_the_same_results_page_as_any_diagnostic() -> None:
    store = Store()
    workshop = _workshop(store)
    levels = ((0, 1, 2), (2, 3, 4), (4, 4, 3))
    questionnaire = CAT.questionnaire(EXPRESS)
    qids = [q.id for _, q in questionnaire.questions()]
    for person in zip(*levels, strict=True):
        _participant(store, workshop, "elu", {qid: person[i % 3] for i, qid in enumerate(qids)})
    at = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    next(b for b in at.button if b.label.startswith("Reprendre la proposition du groupe")).click().run()
    assert not at.exception
    consolidated = store.load_responses(workshop.consolidated_id)
    assert len(consolidated.answers) == len([q for q in qids if q in consolidated.answers]) > 10
    # the same answers typed into an ordinary diagnostic
    plain = store.create_diagnostic(EXPRESS, PROFILE)
    store.replace_responses(plain, consolidated)
    results = [open_link("results", d=diag) for diag in (workshop.consolidated_id, plain)]
    metrics = [{m.label: m.value for m in r.metric} for r in results]
    assert metrics[0] == metrics[1]
    expected = score(CAT, ResponseSet.model_validate(consolidated))
    assert metrics[0]["Indice global"] == f"{expected.overall.value:.0f}/100"
    assert [t.value.to_dict() for t in results[0].table] == [t.value.to_dict() for t in results[1].table]
    assert "Vos priorités" in texts(results[0])


# --- exports from the screen ----------------------------------------------------------------


@pytest.mark.usefixtures("database")
def test_no_dashboard_tab_draws_a_framework_table_with_its_own_csv_download() -> None:
    store = Store()
    workshop = _workshop(store)
    for role, level in (("elu", 0), ("elu", 2), ("elu", 4), ("technicien", 1), ("technicien", 3), ("technicien", 4)):
        _participant(store, workshop, role, {"ess_weight_knowledge": level}, comments={"ess_weight_knowledge": "=1+1"})
    for label in TABS:
        at = _tab(workshop, label)
        assert not at.dataframe, label  # st.table: no download button
    config = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["client"]["disableDataExport"] is True  # nor for any st.dataframe someone adds later


@pytest.mark.usefixtures("database")
def test_two_facilitator_screens_share_the_dashboards_computations_until_someone_answers() -> None:
    store = Store()
    workshop = _workshop(store)
    diag_id = _participant(store, workshop, "elu", {"ess_weight_knowledge": 1})
    before = LIVE.computations
    projector = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    computed_once = LIVE.computations - before
    laptop = open_link("workshop_dashboard", animation=workshop.facilitator_token)
    assert computed_once > 0 and LIVE.computations - before == computed_once  # the laptop reused them
    assert "1 participant · 1 a commencé" in texts(laptop).replace("**", "")
    _participant(store, workshop, "technicien", {"ess_weight_knowledge": 3})
    store.save_answer(diag_id, "jobs_creation_support", 2)
    projector.run()
    assert LIVE.computations - before > computed_once  # new data: computed again, once
    assert "2 participants · 2 ont commencé" in texts(projector).replace("**", "")


@pytest.mark.usefixtures("database")
def test_after_closing_the_last_step_offers_no_finish_button_and_no_promise_of_changes() -> None:
    store = Store()
    workshop = _workshop(store)
    diag_id = _participant(store, workshop, "elu", {"ess_weight_knowledge": 2})
    store.close_workshop(workshop.id)
    last = len(CAT.questionnaire(EXPRESS).dimensions)
    at = open_link("diagnostic", d=diag_id, etape=str(last))
    finish = at.button(key="participant_finished")
    assert finish.disabled and finish.label == "Atelier clos"
    assert all(r.disabled for r in at.radio) and all(t.disabled for t in at.text_area)
    assert "Vous pouvez encore les modifier" not in texts(at)


@pytest.mark.usefixtures("database")
def test_a_failed_save_is_reported_under_the_question_that_caused_it() -> None:
    store = Store()
    workshop = _workshop(store)
    diag_id = _participant(store, workshop, "elu", {})
    at = open_link("diagnostic", d=diag_id)
    store.close_workshop(workshop.id)
    at.radio(key="q:ess_weight_knowledge").set_value(3).run()
    tree = [
        (type(e).__name__, getattr(e, "key", None) or str(getattr(e, "value", ""))[:40])
        for e in at.main
        if type(e).__name__ in ("Radio", "Error")
    ]
    radio = tree.index(("Radio", "q:ess_weight_knowledge"))
    assert tree[radio + 1][0] == "Error" and tree[radio + 1][1].startswith("Cet atelier est clos")
