"""A workshop's data revision: it changes with every write a dashboard shows, on both databases."""

from __future__ import annotations

from storage import Store

EXPRESS = "ess-territoires-express"


def test_the_revision_changes_when_someone_joins_answers_comments_or_finishes(store: Store) -> None:
    workshop = store.create_workshop("Atelier", EXPRESS, {"name": "CC", "authority_type": "communaute_communes"})
    seen = [store.workshop_revision(workshop.id)]
    diag_id = store.join_workshop(workshop.id, "elu", None)
    seen.append(store.workshop_revision(workshop.id))
    for write in (
        lambda: store.save_answer(diag_id, "ess_weight_knowledge", 2),
        lambda: store.save_answer(diag_id, "ess_weight_knowledge", 3),
        lambda: store.save_comment(diag_id, "ess_weight_knowledge", "Un avis"),
        lambda: store.save_importance(diag_id, "ess_weight", 3),
        lambda: store.set_finished(diag_id, True),
    ):
        write()
        seen.append(store.workshop_revision(workshop.id))
    assert len(set(seen)) == len(seen)  # every write gave a new revision
    assert store.workshop_revision(workshop.id) == seen[-1]  # reading changes nothing


def test_a_write_in_another_workshop_leaves_the_revision_unchanged(store: Store) -> None:
    profile = {"name": "CC", "authority_type": "communaute_communes"}
    mine, other = (store.create_workshop(t, EXPRESS, profile) for t in ("A", "B"))
    store.join_workshop(mine.id, "elu", None)
    before = store.workshop_revision(mine.id)
    stranger = store.join_workshop(other.id, "elu", None)
    store.save_answer(stranger, "ess_weight_knowledge", 1)
    assert store.workshop_revision(mine.id) == before
