"""Presenter state, participant removal and merging, paper participants: services on an in-memory store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scoring.completion import question_numbers
from scoring.group import question_stats
from scoring.loader import default_catalogue
from scoring.models import ResponseSet
from services import DiagnosticNotFound, Store, WorkshopRecord, presenter, workshops
from services.workshops import JoinRefused
from storage import ParticipantHasAnswers
from workshops import anonymity
from workshops.participants import Participant
from workshops.presenting import neighbour, next_divergent, order, role_means

CAT = default_catalogue()
NOW = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
EXPRESS = "ess-territoires-express"
PROFILE = {"name": "CC du Val d’Essai", "authority_type": "communaute_communes"}
QUESTIONNAIRE = CAT.questionnaire(EXPRESS)
Q1, Q2, Q3 = (q.id for _, q in QUESTIONNAIRE.questions()[:3])


@pytest.fixture
def store() -> Store:
    return Store("sqlite://")


@pytest.fixture
def workshop(store: Store) -> WorkshopRecord:
    return store.create_workshop("Atelier", EXPRESS, PROFILE)


def _people(store: Store, workshop: WorkshopRecord) -> list[Participant]:
    return workshops.participants(store, workshop.id)


def test_the_presenter_link_opens_its_workshop_and_the_facilitator_token_does_not(
    store: Store, workshop: WorkshopRecord
) -> None:
    state = presenter.state(store, workshop)
    assert not state.started and state.token != workshop.facilitator_token
    opened = presenter.for_presenter(store, state.token)
    assert opened is not None and opened[0].id == workshop.id
    assert presenter.for_presenter(store, workshop.facilitator_token) is None
    assert presenter.for_presenter(store, workshop.id) is None
    assert presenter.for_presenter(store, ["x"]) is None
    assert presenter.state(store, workshop).token == state.token  # created once


def test_the_dashboard_starts_moves_reveals_and_times_what_the_presenter_shows(
    store: Store, workshop: WorkshopRecord, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(presenter, "utc_now", lambda: NOW)  # the clock stands still: 2 minutes left exactly
    presenter.start(store, workshop, Q1)
    presenter.reveal(store, workshop)
    assert presenter.state(store, workshop).revealed
    presenter.show(store, workshop, Q2)
    state = presenter.state(store, workshop)
    assert (state.started, state.question_id, state.revealed) == (True, Q2, False)
    presenter.start_timer(store, workshop, 2)
    left = presenter.seconds_left(presenter.state(store, workshop))
    assert left == 120
    presenter.stop_timer(store, workshop)
    assert presenter.seconds_left(presenter.state(store, workshop)) is None
    presenter.back_to_join(store, workshop)
    assert not presenter.state(store, workshop).started


def test_an_elapsed_timer_shows_zero_seconds(store: Store, workshop: WorkshopRecord) -> None:
    state = presenter.state(store, workshop)
    past = state.updated_at - timedelta(minutes=5)
    store.update_presenter(workshop.id, timer_ends_at=past)
    assert presenter.seconds_left(presenter.state(store, workshop)) == 0


def test_two_stores_on_one_database_see_the_same_presenter_state(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/shared.sqlite3"
    a, b = Store(url), Store(url)
    workshop = a.create_workshop("Atelier", EXPRESS, PROFILE)
    presenter.start(a, workshop, Q3)
    assert presenter.state(b, workshop).question_id == Q3


def test_the_agenda_order_puts_divergent_questions_first_then_the_rest_by_number() -> None:
    numbers = question_numbers(QUESTIONNAIRE, CAT.territories, "communaute_communes")
    sets = [ResponseSet(questionnaire=EXPRESS, answers={Q1: 2, Q2: level, Q3: 1}) for level in (0, 4, 2)]
    stats = question_stats(QUESTIONNAIRE, sets)
    ids = order(QUESTIONNAIRE, numbers, {k: v for k, v in stats.items() if k in (Q1, Q2, Q3)})
    assert ids[0] == Q2 and set(ids) == set(numbers) and len(ids) == len(numbers)
    assert neighbour(ids, Q2, 1) == ids[1] and neighbour(ids, Q2, -1) is None
    assert neighbour(ids, "unknown", 1) == ids[0]
    assert next_divergent(ids, ids[3], stats, set()) == Q2  # wraps round to the divergent one
    assert next_divergent(ids, Q2, stats, {Q2}) == ids[1]  # none left divergent: the next pending one


def test_a_question_is_split_by_role_only_when_each_role_and_the_rest_have_three_answers(
    store: Store, workshop: WorkshopRecord
) -> None:
    for role, level in (("elu", 4), ("elu", 4), ("elu", 3), ("technicien", 0), ("technicien", 1)):
        diag = store.join_workshop(workshop.id, role, None)
        store.save_answer(diag, Q1, level)
    assert role_means(QUESTIONNAIRE, _people(store, workshop), Q1, 3) == []
    diag = store.join_workshop(workshop.id, "technicien", None)
    store.save_answer(diag, Q1, 2)
    means = {m.label: (m.size, round(m.mean, 2)) for m in role_means(QUESTIONNAIRE, _people(store, workshop), Q1, 3)}
    assert means == {"Élus": (3, 3.67), "Techniciens": (3, 1.0)}


def test_the_roster_lists_first_names_and_roles_alphabetically_without_answers(
    store: Store, workshop: WorkshopRecord
) -> None:
    store.join_workshop(workshop.id, "elu", "Zoé")
    store.join_workshop(workshop.id, "technicien", None)
    paper = workshops.add_paper(store, workshop, "autre")
    labels = [e.label for e in workshops.roster(store, workshop.id)]
    assert labels == ["Questionnaire papier (autre)", "Sans prénom (technicien)", "Zoé (élu)"]
    assert store.get_diagnostic(paper).paper  # type: ignore[union-attr]


def test_removing_someone_who_answered_is_refused_so_the_figures_cannot_give_them_away(
    store: Store, workshop: WorkshopRecord
) -> None:
    ids = []
    for level in (0, 2, 4, 4):
        ids.append(store.join_workshop(workshop.id, "elu", None))
        store.save_answer(ids[-1], Q1, level)
    before = anonymity.group_figures(CAT, _people(store, workshop), 3)
    with pytest.raises(ParticipantHasAnswers, match="laisserait deviner"):
        workshops.remove_participant(store, workshop, ids[0])
    assert anonymity.group_figures(CAT, _people(store, workshop), 3) == before
    empty = store.join_workshop(workshop.id, "elu", None)  # a rescan's empty duplicate goes
    workshops.remove_participant(store, workshop, empty)
    with pytest.raises(DiagnosticNotFound):
        store.load_responses(empty)


def test_a_participant_of_another_workshop_cannot_be_removed_or_merged(store: Store, workshop: WorkshopRecord) -> None:
    other = store.create_workshop("Autre", EXPRESS, PROFILE)
    theirs = store.join_workshop(other.id, "elu", None)
    ours = store.join_workshop(workshop.id, "elu", None)
    with pytest.raises(DiagnosticNotFound):
        workshops.remove_participant(store, workshop, theirs)
    with pytest.raises(DiagnosticNotFound):
        workshops.merge_participants(store, workshop, ours, theirs)
    assert store.get_diagnostic(theirs) is not None


def test_merging_fills_the_kept_participation_and_counts_one_person(store: Store, workshop: WorkshopRecord) -> None:
    keep = store.join_workshop(workshop.id, "elu", "Ana")
    twice = store.join_workshop(workshop.id, "elu", "Ana")
    store.save_many(twice, {Q1: 4, Q2: 3}, {Q2: "Vu en commission"}, {"awareness": 2})
    store.set_finished(twice, True)
    workshops.merge_participants(store, workshop, keep, twice)
    merged = store.load_responses(keep)
    assert merged.answers == {Q1: 4, Q2: 3}
    assert merged.comments == {Q2: "Vu en commission"} and merged.importance == {"awareness": 2}
    assert store.get_diagnostic(keep).finished and store.get_diagnostic(twice) is None  # type: ignore[union-attr]
    assert len(_people(store, workshop)) == 1
    with pytest.raises(ValueError):
        workshops.merge_participants(store, workshop, keep, keep)


def test_a_paper_questionnaire_needs_a_role_and_an_open_workshop(store: Store, workshop: WorkshopRecord) -> None:
    with pytest.raises(JoinRefused):
        workshops.add_paper(store, workshop, None)
    store.close_workshop(workshop.id)
    with pytest.raises(JoinRefused, match="clos"):
        workshops.add_paper(store, workshop, "elu")


def test_a_device_resumes_only_a_participation_of_the_same_workshop(store: Store, workshop: WorkshopRecord) -> None:
    mine = store.join_workshop(workshop.id, "elu", None)
    other = store.create_workshop("Autre", EXPRESS, PROFILE)
    theirs = store.join_workshop(other.id, "elu", None)
    assert workshops.resume(store, workshop, mine) == mine
    assert workshops.resume(store, workshop, theirs) is None
    assert workshops.resume(store, workshop, "x" * 500) is None
    assert workshops.resume(store, workshop, None) is None
