"""Presenter state, merging and removing participants, paper participants: on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from storage import DiagnosticNotFound, ParticipantHasAnswers, Store, WorkshopClosed

PROFILE = {"name": "CC", "authority_type": "communaute_communes"}


def test_the_presenter_state_is_created_once_and_changed_in_place(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    first = store.presenter_state(workshop.id)
    assert store.presenter_state(workshop.id).token == first.token
    store.update_presenter(workshop.id, started=True, question_id="q1", revealed=True)
    state = store.presenter_state(workshop.id)
    assert (state.started, state.question_id, state.revealed) == (True, "q1", True)
    assert store.find_workshop_by_presenter_token(first.token) == workshop
    with pytest.raises(ValueError):
        store.update_presenter(workshop.id, token="x")


def test_merging_folds_an_empty_duplicate_and_refuses_two_answered_participations(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    keep = store.join_workshop(workshop.id, "elu", "Ana")
    empty = store.join_workshop(workshop.id, "elu", "Ana")
    answered = store.join_workshop(workshop.id, "elu", "Ana")
    store.save_many(answered, {"q1": 4, "q2": "dk"}, {"q1": "doublon"}, {"awareness": 3})
    store.merge_participants(workshop.id, keep, answered)  # keep is empty: it takes the answers
    assert store.load_responses(keep).answers == {"q1": 4, "q2": "dk"}
    store.merge_participants(workshop.id, keep, empty)
    assert [rec.id for rec in store.participant_records(workshop.id)] == [keep]
    other = store.join_workshop(workshop.id, "elu", "Ana")
    store.save_answer(other, "q1", 0)
    with pytest.raises(ParticipantHasAnswers):  # the figures before and after would give one of them away
        store.merge_participants(workshop.id, keep, other)
    assert store.load_responses(other).answers == {"q1": 0}


def test_only_a_participation_without_answers_can_be_removed(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    gone = store.join_workshop(workshop.id, "elu", None)
    stays = store.join_workshop(workshop.id, "elu", None)
    store.save_answer(stays, "q1", 2)
    store.remove_participant(workshop.id, gone)
    assert [rec.id for rec, _ in store.participant_responses(workshop.id)] == [stays]
    with pytest.raises(ParticipantHasAnswers):
        store.remove_participant(workshop.id, stays)
    assert store.load_responses(stays).answers == {"q1": 2}
    with pytest.raises(DiagnosticNotFound):
        store.remove_participant(workshop.id, workshop.consolidated_id)  # not a participant


def test_a_paper_participant_is_marked_and_needs_an_open_workshop(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    paper = store.add_paper_participant(workshop.id, "technicien")
    record = store.get_diagnostic(paper)
    assert record is not None and record.paper and record.role == "technicien"
    assert not any(r.paper for r in store.participant_records(workshop.id) if r.id != paper)
    store.close_workshop(workshop.id)
    with pytest.raises(WorkshopClosed):
        store.add_paper_participant(workshop.id, "elu")
