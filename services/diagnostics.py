"""What a person does with one diagnostic: start it, find it, answer, import, redo it a year later."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from scoring.completion import Completion, asked, completion
from scoring.loader import Catalogue
from scoring.models import Profile, ResponseSet
from storage import DiagnosticRecord, Stamp, Store

Item = Literal["answer", "importance", "target", "comment"]

_ID = re.compile(r"(?:[?&]d=)?([A-Za-z0-9_-]{20,64})")


def start(store: Store, questionnaire_id: str, profile: Profile | None = None) -> str:
    """A new empty diagnostic of this questionnaire; returns its id (the key to its link)."""
    return store.create_diagnostic(questionnaire_id, (profile or Profile()).model_dump(exclude_defaults=True))


@dataclass(frozen=True)
class Summary:
    """A diagnostic as a list of them shows it: who, when, how far."""

    record: DiagnosticRecord
    questionnaire_title: str
    done: Completion


def summaries(store: Store, catalogue: Catalogue, ids: list[str]) -> list[Summary]:
    """The diagnostics of these ids that still exist, in the order of `ids` (e.g. those opened on a device)."""
    valid = [d for d in ids if _ID.fullmatch(d)]
    found = {rec.id: (rec, responses) for rec, responses in store.diagnostics_by_ids(valid)}
    out = []
    for diag_id in valid:
        if diag_id not in found or found[diag_id][0].questionnaire_id not in catalogue.questionnaires:
            continue
        rec, responses = found[diag_id]
        questionnaire = catalogue.questionnaire(rec.questionnaire_id)
        done = completion(
            asked(questionnaire, catalogue.territories, rec.profile.get("authority_type")), responses.answers
        )
        out.append(Summary(rec, questionnaire.title, done))
    return out


def find(store: Store, diag_id: str | None) -> DiagnosticRecord | None:
    """The diagnostic of this id, or None if the id is absent, malformed or unknown."""
    if not diag_id or not _ID.fullmatch(diag_id):
        return None
    return store.get_diagnostic(diag_id)


def find_by_link(store: Store, link: str) -> DiagnosticRecord | None:
    """The diagnostic a pasted resume link (or bare id) opens, or None."""
    match = _ID.search(link.strip())
    return find(store, match.group(1)) if match else None


def responses(store: Store, diag_id: str) -> ResponseSet:
    """The saved answers, importances, comments and profile of a diagnostic."""
    return store.load_responses(diag_id)


def save(store: Store, diag_id: str, kind: Item, item_id: str, value: object) -> Stamp:
    """Save one answer, importance, target or comment as it is given (None or blank removes it).

    Raises `AnswersClosed` for a participant of a closed workshop, `StorageError` when the
    database fails: the caller keeps the value and says so.
    """
    if kind == "answer":
        return store.save_answer(diag_id, item_id, value)  # type: ignore[arg-type]  # checked by storage
    if kind == "importance":
        return store.save_importance(diag_id, item_id, value)  # type: ignore[arg-type]  # checked by storage
    if kind == "target":
        return store.save_target(diag_id, item_id, value)  # type: ignore[arg-type]  # checked by storage
    return store.save_comment(diag_id, item_id, value if isinstance(value, str) else None)


def update_profile(store: Store, diag_id: str, profile: Profile) -> None:
    """Replace the authority's profile (`ProfileLocked` for a workshop participant)."""
    store.update_profile(diag_id, profile.model_dump(exclude_defaults=True))


def import_as_new(store: Store, answers: ResponseSet) -> str:
    """A new diagnostic holding an imported answers file (profile included); returns its id."""
    return store.import_diagnostic(answers)


def import_into(store: Store, rec: DiagnosticRecord, answers: ResponseSet) -> None:
    """Replace a diagnostic's answers by an imported file's, in one transaction.

    The file's profile replaces the saved one only on an ordinary diagnostic: a participant
    answers about the workshop's authority, whatever the file says.
    """
    keep_profile = rec.workshop_id is not None or not answers.profile.authority_type
    store.replace_responses(rec.id, answers, with_profile=not keep_profile)


def redo(store: Store, rec: DiagnosticRecord) -> str:
    """A new diagnostic of the same authority a year later, answers carried over; returns its id."""
    return store.redo_diagnostic(rec.id)


def carried_over(store: Store, rec: DiagnosticRecord) -> set[str]:
    """The questions whose answer was carried over from the previous diagnostic and not yet confirmed."""
    return store.carried_over(rec.id) if rec.previous_id else set()


def previous_responses(store: Store, rec: DiagnosticRecord) -> ResponseSet | None:
    """The answers of the diagnostic this one was redone from (same questionnaire only), or None."""
    if not rec.previous_id:
        return None
    previous = store.get_diagnostic(rec.previous_id)
    if previous is None or previous.questionnaire_id != rec.questionnaire_id:
        return None
    return store.load_responses(previous.id)
