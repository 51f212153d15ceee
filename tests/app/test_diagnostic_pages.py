"""The diagnostic as a user walks it in AppTest: start, profile, every step, results, resume."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from scoring.engine import applies, score, shown_score
from scoring.loader import default_catalogue
from scoring.method import method_sections
from scoring.models import ResponseSet
from storage import StorageUnavailable, Store
from tests.app.conftest import ROOT, new_app, open_page, query_param, texts

CAT = default_catalogue()


def _start(
    at: AppTest, questionnaire_id: str, name: str = "CC du Val d’Essai", authority_type: str = "communaute_communes"
) -> str:
    at.run()
    at.button(key=f"start:{questionnaire_id}").click().run()
    diag_id = query_param(at, "d")
    at.text_input(key="profile:name").input(name)
    at.selectbox(key="profile:authority_type").select(authority_type)
    at.button[0].click().run()
    assert not at.exception
    return diag_id


def _answer_everything(at: AppTest, questionnaire_id: str, authority_type: str) -> dict[str, object]:
    """Answer every applicable question: cycle through levels, one dk and one na; importance 0–3."""
    q = CAT.questionnaire(questionnaire_id)
    given: dict[str, object] = {}
    importance: dict[str, int] = {}
    k = 0
    for i, dim in enumerate(q.dimensions):
        at.radio(key=f"imp:{dim.id}").set_value(i % 4).run()
        importance[dim.id] = i % 4
        for question in dim.questions:
            if not applies(question, authority_type, CAT.territories):
                assert not any(r.key == f"q:{question.id}" for r in at.radio)
                continue
            value: object = "dk" if k == 3 else "na" if k == 5 else k % 5
            at.radio(key=f"q:{question.id}").set_value(value).run()
            given[question.id] = value
            k += 1
        assert not at.exception
        label = "Dimension suivante →" if i + 1 < len(q.dimensions) else "Voir les résultats →"
        next(b for b in at.button if b.label == label).click().run()
    return {"answers": given, "importance": importance}


@pytest.mark.usefixtures("database")
def test_a_new_user_walks_the_whole_express_diagnostic_and_sees_what_the_core_computes() -> None:
    at = new_app()
    diag_id = _start(at, "ess-territoires-express")
    given = _answer_everything(at, "ess-territoires-express", "communaute_communes")
    assert not at.exception
    expected = score(
        CAT,
        ResponseSet.model_validate(
            {"questionnaire": "ess-territoires-express", "profile": {"authority_type": "communaute_communes"}, **given}
        ),
    )
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Indice global"] == f"{shown_score(expected.overall.value)}/100"
    assert metrics["Indice ressources"] == f"{shown_score(expected.resource.value)}/100"
    page = texts(at)
    every = next(t.value for t in at.table if "Moitié" in t.value.columns)
    for ds in expected.dimensions:
        assert ds.dimension.title in every["Dimension"].tolist()
    assert "Vos priorités" in page
    saved = Store().load_responses(diag_id)
    assert saved.answers == given["answers"] and saved.importance == given["importance"]


@pytest.mark.usefixtures("database")
def test_regional_questions_are_asked_of_a_region_only() -> None:
    region_q = next(x for _, x in CAT.questionnaire("ess-territoires").questions() if x.audience == ["region"])
    dim_index = next(
        i for i, d in enumerate(CAT.questionnaire("ess-territoires").dimensions) if region_q in d.questions
    )
    for authority_type, shown in (("region", True), ("communaute_communes", False)):
        at = new_app()
        diag_id = _start(at, "ess-territoires", authority_type=authority_type)
        at.query_params["d"] = diag_id
        at.query_params["etape"] = str(dim_index + 1)
        at.switch_page("app_pages/diagnostic.py").run()
        assert any(r.key == f"q:{region_q.id}" for r in at.radio) is shown


@pytest.mark.usefixtures("database")
def test_reopening_the_link_in_a_new_session_restores_every_answer_and_comment() -> None:
    at = new_app()
    diag_id = _start(at, "ess-territoires")
    at.radio(key="q:ess_weight_knowledge").set_value(3).run()
    at.radio(key="q:ess_weight_dynamics").set_value("dk").run()
    at.radio(key="imp:ess_weight").set_value(2).run()
    at.text_area(key="c:ess_weight_knowledge").input("Chiffres de l’ORESS 2024").run()
    fresh = open_page("app_pages/diagnostic.py", diag_id)
    assert fresh.radio(key="q:ess_weight_knowledge").value == 3
    assert fresh.radio(key="q:ess_weight_dynamics").value == "dk"
    assert fresh.radio(key="imp:ess_weight").value == 2
    assert fresh.text_area(key="c:ess_weight_knowledge").value == "Chiffres de l’ORESS 2024"
    assert fresh.radio(key="q:ess_weight_shared").value is None


@pytest.mark.usefixtures("database")
def test_the_sidebar_jumps_to_a_dimension_and_marks_complete_ones() -> None:
    at = new_app()
    _start(at, "ess-territoires-express")
    first = CAT.questionnaire("ess-territoires-express").dimensions[0]
    for question in first.questions:
        at.radio(key=f"q:{question.id}").set_value(2).run()
    done = next(b for b in at.sidebar.button if b.label.startswith(f"1. {first.short_title} "))  # the current step
    assert (
        done.proto.type == "primary"
        and done.label.endswith(f"{len(first.questions)}/{len(first.questions)}")
        and "(complète)" in done.help
    )
    last = CAT.questionnaire("ess-territoires-express").dimensions[-1]
    at.sidebar.button(key=f"jump:{last.id}").click().run()
    assert query_param(at, "etape") == "13"
    assert any(b.label == "Voir les résultats →" for b in at.button)


@pytest.mark.usefixtures("database")
def test_an_unknown_link_gets_a_french_message_and_no_traceback() -> None:
    at = open_page("app_pages/diagnostic.py", "x" * 32)
    assert not at.exception
    assert "Ce lien ne correspond à aucun diagnostic" in texts(at)


@pytest.mark.usefixtures("database")
def test_a_name_typed_with_markdown_and_html_is_shown_literally() -> None:
    at = new_app()
    _start(at, "ess-territoires-express", name="**Gras** <img src=x onerror=alert(1)> [lien](https://evil.example)")
    caption = at.caption[0].value
    assert "\\*\\*Gras\\*\\*" in caption and "\\<img" in caption and "\\[lien\\]" in caption


@pytest.mark.usefixtures("database")
def test_an_answer_that_cannot_be_saved_is_announced_and_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    at = new_app()
    diag_id = _start(at, "ess-territoires-express")
    original = Store.save_answer

    def broken(self: Store, *args: object, **kwargs: object) -> None:
        raise StorageUnavailable()

    monkeypatch.setattr(Store, "save_answer", broken)
    first = CAT.questionnaire("ess-territoires-express").dimensions[0].questions[0]
    at.radio(key=f"q:{first.id}").set_value(4).run()
    assert not at.exception
    assert re.search("Votre réponse reste affichée", texts(at))
    monkeypatch.setattr(Store, "save_answer", original)
    at.run()
    assert Store().load_responses(diag_id).answers == {first.id: 4}
    assert "pas encore enregistrée" not in texts(at)


@pytest.mark.usefixtures("database")
def test_the_method_page_is_generated_from_the_bands_and_rules_files() -> None:
    at = new_app().run()
    at.switch_page("app_pages/method.py").run()
    assert not at.exception
    table = at.table[0].value
    assert table["Palier"].tolist() == [b.label for b in CAT.bands.bands]
    default = CAT.questionnaire("ess-territoires").importance_label(CAT.rules.default_importance)
    assert f"Sans réponse, elle compte comme «\u00a0{default}\u00a0»" in texts(at) and "(cible − score)" in texts(at)
    assert [s.title for s in method_sections(CAT)] == [h.value for h in at.header][: len(method_sections(CAT))]


def test_the_example_answers_file_is_the_format_the_app_exports() -> None:
    from reports.exports import answers_json

    text = (ROOT / "questionnaires" / "examples" / "cc-exemple.json").read_text(encoding="utf-8")
    assert json.loads(answers_json(ResponseSet.model_validate_json(text))) == json.loads(text)


@pytest.mark.usefixtures("database")
def test_answers_are_still_shown_after_going_to_the_next_step_and_back() -> None:
    at = new_app()
    _start(at, "ess-territoires-express")
    first = CAT.questionnaire("ess-territoires-express").dimensions[0].questions[0]
    at.radio(key=f"q:{first.id}").set_value(3).run()
    next(b for b in at.button if b.label == "Dimension suivante →").click().run()
    assert not any(r.key == f"q:{first.id}" for r in at.radio)
    dim = CAT.questionnaire("ess-territoires-express").dimensions[0]
    assert at.sidebar.button(key=f"jump:{dim.id}").label.endswith(f"1/{len(dim.questions)}")
    next(b for b in at.button if b.label == "← Dimension précédente").click().run()
    assert at.radio(key=f"q:{first.id}").value == 3


@pytest.mark.usefixtures("database")
def test_without_a_browser_the_results_page_explains_why_images_cannot_be_exported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BROWSER_PATH", "/nulle/part/chromium")
    store = Store()
    diag_id = store.create_diagnostic("ess-territoires-express", {"authority_type": "region"})
    store.save_answer(diag_id, "awareness_elected", 2)
    at = open_page("app_pages/results.py", diag_id)
    assert not at.exception
    assert "aucun navigateur Chrome ou Chromium n’a été trouvé" in texts(at)
    assert not any(b.label.startswith("Télécharger en") for b in at.get("download_button"))
    assert any(b.label == "Rapport PDF" for b in at.get("download_button"))


def test_with_debian_chromium_images_can_be_exported() -> None:
    from reports.images import unavailable_reason

    assert unavailable_reason() is None
