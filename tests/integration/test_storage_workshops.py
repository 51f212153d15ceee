"""Workshops as facilitators and participants use them, on SQLite and on PostgreSQL."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from services import workshops
from storage import AnswersClosed, Store, WorkshopClosed, WorkshopNotFound
from storage.workshops import JOIN_CODE_ALPHABET

PROFILE = {"name": "Pays de Redon", "authority_type": "pays", "region": "bretagne"}


def test_a_workshop_opens_with_a_join_code_a_token_and_a_consolidated_diagnostic(
    store: Store,
) -> None:
    workshop = store.create_workshop("  Atelier du 12 mars  ", "complet", PROFILE)
    assert workshop.title == "Atelier du 12 mars"
    assert len(workshop.facilitator_token) == 32 and not workshop.closed
    assert store.get_workshop(workshop.id) == workshop
    consolidated = store.get_diagnostic(workshop.consolidated_id)
    assert consolidated is not None
    assert (consolidated.questionnaire_id, consolidated.profile) == ("complet", PROFILE)
    assert consolidated.workshop_id is None  # not a participant
    assert [rec for rec, _ in store.participant_responses(workshop.id)] == []
    assert store.get_workshop("no-such-id") is None


def test_join_codes_use_six_unambiguous_characters_and_never_repeat(store: Store) -> None:
    codes = [store.create_workshop(f"Atelier {i}", "express", PROFILE).join_code for i in range(60)]
    assert len(set(codes)) == len(codes)
    for code in codes:
        assert re.fullmatch(f"[{JOIN_CODE_ALPHABET}]{{6}}", code)
    assert not set("".join(codes)) & set("0O1IL")


def test_join_codes_are_found_whatever_the_case_and_dashes(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    code = workshop.join_code
    for typed in (
        code,
        code.lower(),
        f"{code[:3]}-{code[3:]}",
        f" {code[:2]} {code[2:4]} {code[4:]} ",
    ):
        assert workshops.find_by_code(store, typed) == workshop, typed
    assert workshops.find_by_code(store, "") is None
    assert workshops.find_by_code(store, code[:5]) is None


def test_a_workshop_is_opened_by_its_facilitator_token_not_by_its_join_code(
    store: Store,
) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    assert store.find_workshop_by_facilitator_token(workshop.facilitator_token) == workshop
    assert store.find_workshop_by_facilitator_token(workshop.join_code) is None
    assert store.find_workshop_by_facilitator_token(workshop.id) is None


def test_participants_answer_the_workshops_questionnaire_about_its_authority(
    store: Store,
) -> None:
    workshop = store.create_workshop("Atelier", "express", PROFILE)
    anne = store.join_workshop(workshop.id, "élue", "Anne")
    anonymous = store.join_workshop(workshop.id, "technicien", "")
    participants = [rec for rec, _ in store.participant_responses(workshop.id)]
    assert [p.id for p in participants] == [anne, anonymous]
    first, second = participants
    assert (first.questionnaire_id, first.profile, first.workshop_id) == (
        "express",
        PROFILE,
        workshop.id,
    )
    assert (first.role, first.first_name) == ("élue", "Anne")
    assert (second.role, second.first_name) == ("technicien", None)


def test_a_participant_diagnostic_created_directly_obeys_the_same_rules(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "express", PROFILE)
    diag_id = store.create_diagnostic("express", PROFILE, workshop_id=workshop.id, participant={"role": "élu"})
    assert [p.id for p in [rec for rec, _ in store.participant_responses(workshop.id)]] == [diag_id]
    store.close_workshop(workshop.id)
    with pytest.raises(WorkshopClosed):
        store.create_diagnostic("express", PROFILE, workshop_id=workshop.id, participant={"role": "élu"})
    with pytest.raises(WorkshopNotFound):
        store.create_diagnostic("express", PROFILE, workshop_id="no-such-id")


def test_a_closed_workshop_refuses_new_participants_and_their_answers(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    early = store.join_workshop(workshop.id, "élu", "Paul")
    store.save_answer(early, "q1", 1)
    store.close_workshop(workshop.id)
    assert store.get_workshop(workshop.id).closed  # type: ignore[union-attr]
    with pytest.raises(WorkshopClosed, match="clos"):
        store.join_workshop(workshop.id, "élu", "Retardataire")
    with pytest.raises(AnswersClosed, match="clos"):
        store.save_answer(early, "q1", 2)
    assert store.load_responses(early).answers == {"q1": 1}
    store.save_answer(workshop.consolidated_id, "q1", 2)  # the facilitator still records the group's answer
    assert len([rec for rec, _ in store.participant_responses(workshop.id)]) == 1

    store.reopen_workshop(workshop.id)
    store.join_workshop(workshop.id, "élu", "Retardataire")
    assert len([rec for rec, _ in store.participant_responses(workshop.id)]) == 2
    with pytest.raises(WorkshopNotFound):
        store.join_workshop("no-such-id", "élu", None)
    with pytest.raises(WorkshopNotFound):
        store.close_workshop("no-such-id")


def test_a_workshops_participants_are_not_visible_through_another_workshop(
    store: Store,
) -> None:
    morning = store.create_workshop("Matin", "complet", PROFILE)
    afternoon = store.create_workshop("Après-midi", "complet", PROFILE)
    alice = store.join_workshop(morning.id, "élue", "Alice")
    bruno = store.join_workshop(afternoon.id, "agent", "Bruno")
    store.save_answer(alice, "q1", 3)
    store.save_answer(bruno, "q1", 0)

    assert [p.id for p in [rec for rec, _ in store.participant_responses(morning.id)]] == [alice]
    assert [p.id for p in [rec for rec, _ in store.participant_responses(afternoon.id)]] == [bruno]
    ((record, responses),) = store.participant_responses(morning.id)
    assert record.id == alice and responses.answers == {"q1": 3}


def test_all_participants_responses_load_in_a_fixed_number_of_queries(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def queries_for_all_participants() -> int:
        statements.clear()
        loaded = store.participant_responses(workshop.id)
        assert all(responses.questionnaire == "complet" for _, responses in loaded)
        return len(statements)

    for i in range(2):
        diag_id = store.join_workshop(workshop.id, "élu", f"P{i}")
        store.save_answer(diag_id, "q1", i)
    with_two = queries_for_all_participants()
    for i in range(2, 25):
        diag_id = store.join_workshop(workshop.id, "élu", f"P{i}")
        store.save_answer(diag_id, "q1", i % 4)
        store.save_importance(diag_id, "awareness", i % 4)
        store.save_comment(diag_id, "q1", f"Avis {i}")
    assert (
        queries_for_all_participants() == with_two <= 6
    )  # records, then answers, importances, targets, comments (and SQLite's BEGIN)

    loaded = store.participant_responses(workshop.id)
    assert len(loaded) == 25
    last_record, last = loaded[-1]
    assert last_record.first_name == "P24"
    assert last.answers == {"q1": 0} and last.comments == {"q1": "Avis 24"}
    assert loaded[0][1].importance == {}


def test_a_collegial_diagnostic_leads_back_to_its_workshop(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    found = store.find_workshop_by_consolidated(workshop.consolidated_id)
    assert found is not None and found.id == workshop.id
    diag_id = store.create_diagnostic("complet", PROFILE)
    assert store.find_workshop_by_consolidated(diag_id) is None


def test_peers_load_with_their_answers_in_a_fixed_number_of_queries_without_participants(store: Store) -> None:
    workshop = store.create_workshop("Atelier", "complet", PROFILE)
    store.join_workshop(workshop.id, "elu", None)  # a participant is never a peer
    other_type = store.create_diagnostic("complet", {"authority_type": "region"})
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    def queries() -> int:
        statements.clear()
        store.diagnostics_with_responses(PROFILE["authority_type"])
        return len(statements)

    ids = [store.create_diagnostic("complet", PROFILE)]
    store.save_answer(ids[0], "q1", 1)
    with_one = queries()
    for i in range(20):
        ids.append(store.create_diagnostic("complet", PROFILE))
        store.save_answer(ids[-1], "q1", i % 4)
        store.save_importance(ids[-1], "awareness", i % 4)
    assert queries() == with_one <= 6  # records, then answers, importances, targets, comments (and SQLite's BEGIN)
    loaded = {record.id: data for record, data in store.diagnostics_with_responses(PROFILE["authority_type"])}
    assert set(loaded) == {*ids, workshop.consolidated_id}
    assert other_type not in loaded
    assert loaded[ids[-1]].answers == {"q1": 19 % 4} and loaded[ids[-1]].importance == {"awareness": 19 % 4}
