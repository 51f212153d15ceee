"""Nothing typed is lost and every tab shows what is saved: long comments, two tabs, resuming where one stopped."""

from __future__ import annotations

import pytest

from scoring.loader import default_catalogue
from scoring.models import Profile
from services import Store, diagnostics
from tests.app.conftest import html, open_page, query_param, texts

EXPRESS = "ess-territoires-express"
CAT = default_catalogue()
CC = Profile(name="CC du Val d’Essai", authority_type="communaute_communes")


def _diagnostic(store: Store) -> str:
    return diagnostics.start(store, EXPRESS, CC)


def _questions(step: int) -> list[str]:
    return [q.id for q in CAT.questionnaire(EXPRESS).dimensions[step - 1].questions]


@pytest.mark.usefixtures("database")
def test_a_comment_longer_than_the_limit_is_kept_up_to_it_with_a_french_word_under_it() -> None:
    store = Store()
    diag_id = _diagnostic(store)
    at = open_page("app_pages/diagnostic.py", diag_id)
    qid = _questions(1)[0]
    at.text_area(key=f"c:{qid}").input("é" * 4990 + "0123456789ABCDEF").run()
    assert not at.exception
    saved = store.load_responses(diag_id).comments[qid]
    assert saved == "é" * 4990 + "0123456789"
    assert at.text_area(key=f"c:{qid}").value == saved  # the box keeps what was saved, not nothing
    assert "Votre commentaire faisait 5\u202f006 caractères" in texts(at)


@pytest.mark.usefixtures("database")
def test_a_second_tab_shows_what_the_first_saved_at_its_next_rerun() -> None:
    store = Store()
    diag_id = _diagnostic(store)
    qid = _questions(1)[0]
    first, second = (open_page("app_pages/diagnostic.py", diag_id) for _ in range(2))
    first.radio(key=f"q:{qid}").set_value(3).run()
    assert second.radio(key=f"q:{qid}").value is None
    second.radio(key="imp:ess_weight").set_value(2).run()  # any click in the stale tab
    assert second.radio(key=f"q:{qid}").value == 3
    assert store.load_responses(diag_id).answers == {qid: 3}  # and the stale tab wrote nothing back


@pytest.mark.usefixtures("database")
def test_a_resume_link_opens_at_the_first_unfinished_step() -> None:
    store = Store()
    diag_id = _diagnostic(store)
    for step in (1, 2, 3):
        for qid in _questions(step):
            diagnostics.save(store, diag_id, "answer", qid, 2)
    at = open_page("app_pages/diagnostic.py", diag_id)
    assert not at.exception
    assert query_param(at, "etape") == "4"
    fourth = CAT.questionnaire(EXPRESS).dimensions[3]
    assert any(h.value.endswith(fourth.title) for h in at.header)


@pytest.mark.usefixtures("database")
def test_the_page_says_when_the_last_answer_was_saved() -> None:
    store = Store()
    at = open_page("app_pages/diagnostic.py", _diagnostic(store))
    assert "Chaque réponse est enregistrée dès qu’elle est donnée" in html(at)
    at.radio(key=f"q:{_questions(1)[0]}").set_value(1).run()
    assert "Dernière réponse enregistrée à" in html(at)


@pytest.mark.usefixtures("database")
def test_the_home_page_lists_the_diagnostics_opened_on_this_device_and_can_forget_one() -> None:
    store = Store()
    first, second = _diagnostic(store), diagnostics.start(store, EXPRESS, Profile(name="Pays du Bocage"))
    diagnostics.save(store, first, "answer", _questions(1)[0], 2)
    at = open_page("app_pages/diagnostic.py", first)
    at.switch_page("app_pages/home.py").run()
    at.query_params["d"] = second
    at.switch_page("app_pages/diagnostic.py").run()
    at.switch_page("app_pages/home.py").run()
    assert not at.exception
    page = texts(at)
    assert "Vos diagnostics sur cet appareil" in page
    assert "CC du Val d’Essai" in page and "Pays du Bocage" in page
    assert "1 question(s) renseignée(s) sur 15" in page
    at.button(key=f"forget:{first}").click().run()
    page = texts(at)
    assert "CC du Val d’Essai" not in page and "Pays du Bocage" in page
    assert "Diagnostic oublié sur cet appareil" in page
    assert store.get_diagnostic(first) is not None  # forgotten here, not deleted
