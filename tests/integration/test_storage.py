"""What users rely on the storage for, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text, update

from scoring.models import ResponseSet
from scoring.plan import Action, ActionPlan
from storage import DiagnosticNotFound, Stamp, Store
from storage.tables import diagnostics

PROFILE = {"name": "CC du Val", "authority_type": "communaute_communes", "region": "bretagne"}


def test_an_answer_given_is_found_again_after_reopening_the_store(database_url: str) -> None:
    first = Store(database_url)
    diag_id = first.create_diagnostic("complet", PROFILE)
    first.save_answer(diag_id, "q1", 3)
    first.save_importance(diag_id, "awareness", 2)
    first.save_comment(diag_id, "q1", "Voté en conseil communautaire « à l'unanimité »")
    first.dispose()

    reopened = Store(database_url)
    assert reopened.load_responses(diag_id) == ResponseSet.model_validate(
        {
            "questionnaire": "complet",
            "profile": PROFILE,
            "importance": {"awareness": 2},
            "answers": {"q1": 3},
            "comments": {"q1": "Voté en conseil communautaire « à l'unanimité »"},
        }
    )
    reopened.dispose()


def test_a_new_diagnostic_has_an_unguessable_id_and_utc_timestamps(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    record = store.get_diagnostic(diag_id)
    assert record is not None
    assert len(diag_id) == 32
    assert record.created_at.tzinfo is not None
    assert record.created_at.utcoffset() == UTC.utcoffset(None)
    assert record.profile == PROFILE
    assert record.finished is False
    assert (record.previous_id, record.workshop_id, record.role) == (None, None, None)
    assert store.get_diagnostic("no-such-id") is None


def test_dont_know_and_not_applicable_are_kept_apart_from_levels(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    store.save_answer(diag_id, "q0", 0)
    store.save_answer(diag_id, "q1", "dk")
    store.save_answer(diag_id, "q2", "na")
    assert store.load_responses(diag_id).answers == {"q0": 0, "q1": "dk", "q2": "na"}


def test_changing_or_removing_an_answer_keeps_only_the_last_choice(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    store.save_answer(diag_id, "q1", 1)
    store.save_answer(diag_id, "q1", "dk")
    store.save_answer(diag_id, "q2", 2)
    store.save_answer(diag_id, "q2", None)
    store.save_importance(diag_id, "awareness", 3)
    store.save_importance(diag_id, "awareness", None)
    store.save_comment(diag_id, "q1", "D'abord")
    store.save_comment(diag_id, "q1", "Ensuite")
    store.save_comment(diag_id, "q3", "À effacer")
    store.save_comment(diag_id, "q3", "")
    responses = store.load_responses(diag_id)
    assert responses.answers == {"q1": "dk"}
    assert responses.importance == {}
    assert responses.comments == {"q1": "Ensuite"}


@pytest.mark.parametrize("value", [-1, 11, True, "maybe", 2.5])
def test_an_impossible_answer_is_refused_and_nothing_is_written(store: Store, value: object) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    with pytest.raises(ValueError):
        store.save_answer(diag_id, "q1", value)  # type: ignore[arg-type]
    assert store.load_responses(diag_id).answers == {}


def test_an_id_longer_than_the_content_format_allows_is_refused(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    with pytest.raises(ValueError):
        store.save_answer(diag_id, "q" * 65, 1)
    with pytest.raises(ValueError):
        store.save_comment(diag_id, "", "Sans question")


def test_an_importance_outside_zero_to_three_is_refused(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    with pytest.raises(ValueError):
        store.save_importance(diag_id, "awareness", 4)
    store.save_importance(diag_id, "awareness", 0)
    assert store.load_responses(diag_id).importance == {"awareness": 0}


def test_writing_to_an_unknown_diagnostic_raises_not_found_in_french(store: Store) -> None:
    with pytest.raises(DiagnosticNotFound, match="introuvable"):
        store.save_answer("no-such-id", "q1", 2)
    with pytest.raises(DiagnosticNotFound):
        store.load_responses("no-such-id")
    with pytest.raises(DiagnosticNotFound):
        store.create_diagnostic("complet", PROFILE, previous_id="no-such-id")


def test_every_change_moves_the_last_modified_time(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    seen = [store.get_diagnostic(diag_id).updated_at]  # type: ignore[union-attr]
    for change in (
        lambda: store.save_answer(diag_id, "q1", 2),
        lambda: store.save_comment(diag_id, "q1", "Oui"),
        lambda: store.save_importance(diag_id, "awareness", 1),
        lambda: store.update_profile(diag_id, {**PROFILE, "name": "CC du Val d'Oust"}),
        lambda: store.set_finished(diag_id, True),
        lambda: store.save_action_plan(diag_id, ActionPlan()),
    ):
        change()
        seen.append(store.get_diagnostic(diag_id).updated_at)  # type: ignore[union-attr]
    assert seen == sorted(seen) and seen[0] < seen[-1]
    record = store.get_diagnostic(diag_id)
    assert record is not None and record.finished and record.profile["name"].endswith("Oust")


def test_carried_over_answers_are_marked_until_changed(store: Store) -> None:
    previous = store.create_diagnostic("complet", PROFILE)
    store.save_answer(previous, "q1", 2)
    store.save_answer(previous, "q2", "dk")
    store.save_importance(previous, "awareness", 3)
    store.save_comment(previous, "q1", "En 2024")

    new = store.redo_diagnostic(previous)
    assert store.load_responses(new) == store.load_responses(previous)
    assert store.carried_over(new) == {"q1", "q2"}

    store.save_answer(new, "q1", 2)  # confirmed, even with the same level
    assert store.carried_over(new) == {"q2"}
    store.save_answer(new, "q2", None)
    assert store.carried_over(new) == set()
    assert store.carried_over(previous) == set()
    assert store.load_responses(previous).answers == {"q1": 2, "q2": "dk"}
    assert store.get_diagnostic(new).previous_id == previous  # type: ignore[union-attr]


def test_redoing_carries_unfinished_actions_over_with_their_status_in_the_same_transaction(store: Store) -> None:
    previous = store.create_diagnostic("complet", PROFILE)
    statuses = ("a_venir", "en_cours", "realisee", "en_pause", "abandonnee")
    actions = tuple(Action(id=f"a{i}", dimension_id="awareness", what=s, status=s) for i, s in enumerate(statuses))  # type: ignore[arg-type]
    store.save_action_plan(previous, ActionPlan(actions=actions))
    new = store.redo_diagnostic(previous)
    assert [(a.id, a.status) for a in store.load_action_plan(new).actions] == [
        ("a0", "a_venir"),
        ("a1", "en_cours"),
        ("a3", "en_pause"),
    ]
    assert store.load_action_plan(previous).actions == actions


def test_import_replaces_all_answers_atomically(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    store.save_answer(diag_id, "old", 1)
    store.save_comment(diag_id, "old", "Ancien")
    before = store.load_responses(diag_id)

    with pytest.raises(ValueError):
        store.replace_responses(diag_id, ResponseSet(questionnaire="express", answers={"q1": 2}))
    assert store.load_responses(diag_id) == before

    imported = ResponseSet(
        questionnaire="complet",
        answers={"q1": 2, "q2": "na"},
        importance={"awareness": 1},
        comments={"q2": "Pas de compétence", "q1": ""},
    )
    store.replace_responses(diag_id, imported)
    saved = store.load_responses(diag_id)
    assert saved.profile.model_dump(exclude_defaults=True) == PROFILE
    assert (saved.answers, saved.importance, saved.comments) == (
        {"q1": 2, "q2": "na"},
        {"awareness": 1},
        {"q2": "Pas de compétence"},
    )
    assert store.carried_over(diag_id) == set()


def test_peer_comparison_lists_diagnostics_of_one_type_without_participants(store: Store) -> None:
    commune = {**PROFILE, "authority_type": "commune"}
    mine = store.create_diagnostic("complet", commune)
    store.create_diagnostic("complet", {**PROFILE, "authority_type": "region"})
    express = store.create_diagnostic("express", commune)
    workshop = store.create_workshop("Atelier", "complet", commune)
    store.join_workshop(workshop.id, "elu", "Anne")

    same_type = {rec.id for rec, _ in store.diagnostics_with_responses("commune")}
    assert same_type == {mine, express, workshop.consolidated_id}


def test_an_action_plan_is_found_again_as_saved(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    assert store.load_action_plan(diag_id) == ActionPlan()
    plan = ActionPlan(
        actions=(
            Action(
                id="a1",
                dimension_id="procurement",
                what="Insérer des clauses sociales dans deux marchés",
                lead="Service achats",
                partners=("cress", "facilitateur_clauses"),
                other_partners="Pays du Bocage",
                deadline=date(2026, 6, 30),
                fiches=("municipaless-12",),
                indicator="Heures d'insertion réalisées",
                status="en_cours",
            ),
        )
    )
    store.save_action_plan(diag_id, plan)
    assert store.load_action_plan(diag_id) == plan
    with pytest.raises(DiagnosticNotFound):
        store.load_action_plan("no-such-id")


def test_two_threads_writing_answers_at_once_lose_nothing(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    threads, writes = 8, 50
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def write(thread: int) -> None:
        start.wait()
        try:
            for i in range(writes):
                store.save_answer(diag_id, f"t{thread}-q{i}", i % 5)
                if i % 10 == 0:
                    store.save_comment(diag_id, f"t{thread}-q{i}", f"Fil {thread}")
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    workers = [threading.Thread(target=write, args=(t,)) for t in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert errors == []
    responses = store.load_responses(diag_id)
    assert len(responses.answers) == threads * writes
    assert responses.answers["t7-q49"] == 4
    assert len(responses.comments) == threads * writes // 10


def test_a_save_waiting_for_another_write_to_its_diagnostic_reports_it_did_not_follow_the_copy_read_before(
    store: Store,
) -> None:
    """The save status relies on it: a session whose copy predates another write must read again."""
    diag_id = store.create_diagnostic("complet", PROFILE)
    other_write = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    saved: list[Stamp] = []
    with store.engine.connect() as other, other.begin():
        other.execute(update(diagnostics).where(diagnostics.c.id == diag_id).values(updated_at=other_write))
        saver = threading.Thread(target=lambda: saved.append(store.save_answer(diag_id, "q1", 2)))
        saver.start()
        _wait_until_waiting_for_a_lock(store)
    saver.join(timeout=30)
    assert len(saved) == 1
    assert saved[0].before == other_write
    assert store.load_responses(diag_id).answers == {"q1": 2}


def _wait_until_waiting_for_a_lock(store: Store) -> None:
    """Until another session waits for a row lock (PostgreSQL), or a moment (SQLite: a file lock)."""
    if store.engine.dialect.name != "postgresql":
        time.sleep(0.3)
        return
    waiting = text("SELECT count(*) FROM pg_locks WHERE NOT granted")
    for _ in range(200):
        with store.engine.connect() as conn:
            if conn.execute(waiting).scalar():
                return
        time.sleep(0.05)
    raise AssertionError("the save never waited for the other write's lock")


answer_values = st.one_of(st.integers(0, 10), st.sampled_from(["dk", "na"]), st.none())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["q1", "q2", "q3"]), answer_values), max_size=12))
def test_the_answers_read_back_are_the_last_ones_written(
    store: Store, writes: list[tuple[str, int | str | None]]
) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    expected: dict[str, int | str] = {}
    for question_id, value in writes:
        store.save_answer(diag_id, question_id, value)
        if value is None:
            expected.pop(question_id, None)
        else:
            expected[question_id] = value
    assert store.load_responses(diag_id).answers == expected


def test_targets_are_saved_found_again_carried_over_and_replaced_by_an_import(store: Store) -> None:
    diag_id = store.create_diagnostic("complet", PROFILE)
    store.save_target(diag_id, "procurement", "consolidation")
    store.save_target(diag_id, "awareness", 70)
    store.save_target(diag_id, "observation", 55.5)
    store.save_target(diag_id, "observation", None)
    assert store.load_responses(diag_id).targets == {"procurement": "consolidation", "awareness": 70}
    with pytest.raises(ValueError):
        store.save_target(diag_id, "awareness", 120)
    again = store.redo_diagnostic(diag_id)
    assert store.load_responses(again).targets == {"procurement": "consolidation", "awareness": 70}
    store.replace_responses(again, ResponseSet(questionnaire="complet", targets={"skills": 40}))
    assert store.load_responses(again).targets == {"skills": 40}
    assert store.load_responses(diag_id).targets == {"procurement": "consolidation", "awareness": 70}
