"""Presenter state, merging and removing participants, paper participants: on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from storage import DiagnosticNotFound, Store, WorkshopClosed

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


def test_merging_keeps_the_first_answers_and_deletes_the_duplicate_in_one_go(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    keep = store.join_workshop(workshop.id, "elu", "Ana")
    other = store.join_workshop(workshop.id, "elu", "Ana")
    store.save_many(keep, {"q1": 1}, {"q1": "mien"})
    store.save_many(other, {"q1": 4, "q2": "dk"}, {"q1": "doublon", "q2": "ajout"}, {"awareness": 3})
    store.merge_participants(workshop.id, keep, other)
    merged = store.load_responses(keep)
    assert merged.answers == {"q1": 1, "q2": "dk"}
    assert merged.comments == {"q1": "mien", "q2": "ajout"} and merged.importance == {"awareness": 3}
    assert [rec.id for rec in store.participant_records(workshop.id)] == [keep]


def test_removing_a_participant_deletes_their_answers_and_nobody_elses(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    gone = store.join_workshop(workshop.id, "elu", None)
    stays = store.join_workshop(workshop.id, "elu", None)
    for diag in (gone, stays):
        store.save_answer(diag, "q1", 2)
    store.remove_participant(workshop.id, gone)
    assert [rec.id for rec, _ in store.participant_responses(workshop.id)] == [stays]
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
