"""What users do, through the application layer, on an in-memory database: the rules hold whoever calls."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from scoring.engine import score
from scoring.loader import Catalogue, default_catalogue
from scoring.models import Profile, ResponseSet
from scoring.plan import Action
from services import (
    AnswersClosed,
    DiagnosticNotFound,
    DiagnosticRecord,
    ProfileLocked,
    Store,
    diagnostics,
    params,
    plans,
    workshops,
)
from services.peers import own_chain
from services.workshops import JoinRefused

EXPRESS = "ess-territoires-express"
CC = Profile(name="CC du Val d’Essai", authority_type="communaute_communes", region="normandie")


@pytest.fixture(scope="module")
def cat() -> Catalogue:
    return default_catalogue()


@pytest.fixture
def store() -> Store:
    return Store("sqlite://")


def _first_question(cat: Catalogue) -> str:
    return cat.questionnaire(EXPRESS).questions()[0][1].id


def test_a_participant_of_a_closed_workshop_can_change_nothing_by_any_path(store: Store, cat: Catalogue) -> None:
    workshop = workshops.create(store, "Atelier", EXPRESS, CC)
    diag_id = workshops.join(store, workshop, "elu", "Anne")
    qid = _first_question(cat)
    diagnostics.save(store, diag_id, "answer", qid, 2)
    workshops.close(store, workshop.id)
    rec = diagnostics.find(store, diag_id)
    assert rec is not None
    for attempt in (
        lambda: diagnostics.save(store, diag_id, "answer", qid, 4),
        lambda: diagnostics.save(store, diag_id, "comment", qid, "Trop tard"),
        lambda: diagnostics.save(store, diag_id, "importance", "ess_weight", 3),
        lambda: diagnostics.import_into(store, rec, ResponseSet(questionnaire=EXPRESS, answers={qid: 0})),
        lambda: workshops.finish(store, diag_id),
    ):
        with pytest.raises(AnswersClosed, match="clos"):
            attempt()
    assert diagnostics.responses(store, diag_id).answers == {qid: 2}


def test_the_facilitator_still_records_the_group_answer_once_the_workshop_is_closed(
    store: Store, cat: Catalogue
) -> None:
    workshop = workshops.create(store, "Atelier", EXPRESS, CC)
    workshops.close(store, workshop.id)
    qid = _first_question(cat)
    workshops.consolidate(store, workshop, qid, "dk", "  Demander les chiffres à la CRESS  ")
    agreed = workshops.collegial_responses(store, workshop)
    assert agreed.answers == {qid: "dk"} and agreed.comments == {qid: "Demander les chiffres à la CRESS"}


def test_a_participant_cannot_change_the_workshops_profile_by_the_form_or_by_an_import(
    store: Store, cat: Catalogue
) -> None:
    workshop = workshops.create(store, "Atelier", EXPRESS, CC)
    diag_id = workshops.join(store, workshop, "technicien", "")
    rec = diagnostics.find(store, diag_id)
    assert rec is not None
    with pytest.raises(ProfileLocked):
        diagnostics.update_profile(store, diag_id, Profile(name="Autre", authority_type="region"))
    imported = ResponseSet(
        questionnaire=EXPRESS,
        profile=Profile(name="Région piratée", authority_type="region"),
        answers={_first_question(cat): 3},
    )
    diagnostics.import_into(store, rec, imported)
    saved = diagnostics.responses(store, diag_id)
    assert saved.profile == CC and saved.answers == imported.answers


def test_an_import_into_an_ordinary_diagnostic_takes_the_files_profile(store: Store, cat: Catalogue) -> None:
    diag_id = diagnostics.start(store, EXPRESS)
    rec = diagnostics.find(store, diag_id)
    assert rec is not None
    imported = ResponseSet(questionnaire=EXPRESS, profile=CC, answers={_first_question(cat): 1})
    diagnostics.import_into(store, rec, imported)
    assert diagnostics.responses(store, diag_id).profile == CC


def test_a_file_imported_from_the_home_page_becomes_a_new_diagnostic_with_its_profile(
    store: Store, cat: Catalogue
) -> None:
    imported = ResponseSet(questionnaire=EXPRESS, profile=CC, answers={_first_question(cat): "na"})
    diag_id = diagnostics.import_as_new(store, imported)
    saved = diagnostics.responses(store, diag_id)
    assert (saved.profile, saved.answers) == (CC, imported.answers)


def test_redoing_a_diagnostic_carries_every_answer_over_and_keeps_the_previous_one(
    store: Store, cat: Catalogue
) -> None:
    first = diagnostics.start(store, EXPRESS, CC)
    qid = _first_question(cat)
    diagnostics.save(store, first, "answer", qid, 1)
    diagnostics.save(store, first, "comment", qid, "En 2025")
    rec = diagnostics.find(store, first)
    assert rec is not None
    second = diagnostics.redo(store, rec)
    again = diagnostics.find(store, second)
    assert again is not None and again.previous_id == first and again.profile == rec.profile
    assert diagnostics.carried_over(store, again) == {qid}
    assert diagnostics.previous_responses(store, again) == diagnostics.responses(store, first)
    diagnostics.save(store, second, "answer", qid, 3)
    assert diagnostics.carried_over(store, again) == set()
    assert diagnostics.responses(store, first).answers == {qid: 1}


def test_redoing_a_diagnostic_that_does_not_exist_creates_nothing(store: Store) -> None:
    with pytest.raises(DiagnosticNotFound):
        store.redo_diagnostic("x" * 32)
    assert store.diagnostics_with_responses("communaute_communes") == []


@pytest.mark.parametrize("link", ["", "abc", "?d=court", "d=" + "é" * 30, "x" * 200])
def test_a_malformed_resume_link_finds_nothing_without_an_error(store: Store, link: str) -> None:
    assert diagnostics.find_by_link(store, link) is None
    assert diagnostics.find(store, link) is None


def test_a_resume_link_pasted_whole_finds_its_diagnostic(store: Store) -> None:
    diag_id = diagnostics.start(store, EXPRESS)
    found = diagnostics.find_by_link(store, f"  https://ess.example.fr/questionnaire?d={diag_id}&etape=3 ")
    assert found is not None and found.id == diag_id


def test_joining_needs_a_role_and_an_open_workshop(store: Store) -> None:
    workshop = workshops.create(store, "Atelier du 12 mars", EXPRESS, CC)
    with pytest.raises(JoinRefused, match="rôle"):
        workshops.join(store, workshop, None, "Anne")
    with pytest.raises(JoinRefused, match="rôle"):
        workshops.join(store, workshop, "president", "Anne")
    workshops.close(store, workshop.id)
    with pytest.raises(JoinRefused, match=r"Atelier du 12 mars.*clos"):
        workshops.join(store, workshop, "elu", "Anne")
    workshops.reopen(store, workshop.id)
    assert workshops.join(store, workshop, "elu", "Anne")


def test_a_join_code_is_found_as_people_type_it_and_only_then(store: Store) -> None:
    workshop = workshops.create(store, "Atelier", EXPRESS, CC)
    code = workshop.join_code
    for typed in (code.lower(), f"{code[:3]}-{code[3:]}", f" {code[:2]} {code[2:4]}.{code[4:]} "):
        assert workshops.find_by_code(store, typed) == workshop
    for typed in ("", code[:5], "²" * 6, code * 50):
        assert workshops.find_by_code(store, typed) is None


def test_a_facilitator_link_opens_only_its_own_workshop(store: Store) -> None:
    mine = workshops.create(store, "Mon atelier", EXPRESS, CC)
    workshops.create(store, "Un autre", EXPRESS, CC)
    assert workshops.for_facilitator(store, mine.facilitator_token) == mine
    token = mine.facilitator_token
    one_off = token[:-1] + ("B" if token.endswith("A") else "A")  # a random token may end with "A" itself
    for wrong in ("", mine.join_code, mine.id, one_off, "x" * 20):
        assert workshops.for_facilitator(store, wrong) is None


def test_consolidating_the_remaining_questions_keeps_those_already_agreed(store: Store, cat: Catalogue) -> None:
    workshop = workshops.create(store, "Atelier", EXPRESS, CC)
    ids = [q.id for _, q in cat.questionnaire(EXPRESS).questions()[:3]]
    workshops.consolidate(store, workshop, ids[0], 4, "")
    workshops.consolidate_remaining(store, workshop, {ids[1]: 2, ids[2]: "na"}, {"ess_weight": 3})
    agreed = workshops.collegial_responses(store, workshop)
    assert agreed.answers == {ids[0]: 4, ids[1]: 2, ids[2]: "na"} and agreed.importance == {"ess_weight": 3}


def test_an_action_saved_is_stamped_with_its_day_and_shown_when_the_plan_reopens(store: Store, cat: Catalogue) -> None:
    diag_id = diagnostics.start(store, EXPRESS, CC)
    for _, q in cat.questionnaire(EXPRESS).questions():
        diagnostics.save(store, diag_id, "answer", q.id, 1)
    scores = score(cat, diagnostics.responses(store, diag_id))
    ranked = [ds.dimension.id for ds in plans.ranked_dimensions(scores)]
    last = ranked[-1]
    plan = plans.save_action(store, diag_id, Action(id="a1", dimension_id=last, what="Réunir les acteurs"))
    assert plan.actions[0].updated_on == date.today()
    assert last in plans.preselected(scores, plans.load(store, diag_id))
    assert plans.delete_action(store, diag_id, "a1").actions == ()
    assert plans.preselected(scores, plans.load(store, diag_id)) == ranked[: plans.PRESELECTED]


def test_two_changes_to_a_plan_made_one_after_the_other_both_stay(store: Store) -> None:
    diag_id = diagnostics.start(store, EXPRESS, CC)
    plans.save_action(store, diag_id, Action(id="a1", dimension_id="ess_weight", what="Première"))
    plans.save_action(store, diag_id, Action(id="a2", dimension_id="ess_weight", what="Seconde"))
    plans.save_action(store, diag_id, Action(id="a1", dimension_id="ess_weight", what="Première, revue"))
    assert [a.what for a in plans.load(store, diag_id).actions] == ["Première, revue", "Seconde"]


def test_an_authoritys_own_earlier_and_later_diagnostics_are_never_its_peers() -> None:
    now = datetime.now(UTC)
    rec = DiagnosticRecord("b", EXPRESS, {}, now, now, "a", None, None, None, False)
    others = {"a": (None, {}), "b": ("a", {}), "c": ("b", {}), "d": (None, {}), "e": ("d", {})}
    assert own_chain(rec, others) == {"a", "b", "c"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("3", 3), ("²", 1), ("٣", 1), ("9" * 4301, 1), ("-2", 1), ("0", 1), ("99", 13), (["3"], 1), (None, 1), (" 4 ", 4)],
)
def test_a_step_in_the_address_is_always_a_valid_step(raw: object, expected: int) -> None:
    assert params.step(raw, 13) == expected
