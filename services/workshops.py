"""What a facilitator and participants do with a workshop: create, join, answer, close, consolidate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scoring.loader import Catalogue
from scoring.models import Profile, ResponseSet
from services import params
from services.params import normalize_join_code
from storage import DiagnosticRecord, Store, WorkshopClosed, WorkshopNotFound, WorkshopRecord
from workshops import access, anonymity
from workshops.anonymity import GroupFigures
from workshops.live_cache import LIVE
from workshops.participants import Participant
from workshops.roles import role, role_ids

TOKEN_MIN_LENGTH = 20
"""Facilitator tokens are 32 characters; anything much shorter is not worth a query."""


class JoinRefused(Exception):  # noqa: N818  a refusal, with its French reason
    """Joining was refused; `str(exc)` says why, in French, and `field` which field it is about."""

    def __init__(self, message: str, field: str = "code") -> None:
        super().__init__(message)
        self.field = field


def create(store: Store, title: str, questionnaire_id: str, profile: Profile) -> WorkshopRecord:
    """Open a workshop: join code, facilitator token and an empty collegial diagnostic."""
    return store.create_workshop(title, questionnaire_id, profile.model_dump(exclude_defaults=True))


def get(store: Store, workshop_id: str) -> WorkshopRecord | None:
    """The workshop of this id, fresh from the database, or None."""
    return store.get_workshop(workshop_id)


def of_participant(store: Store, rec: DiagnosticRecord) -> WorkshopRecord | None:
    """The workshop a participant's diagnostic belongs to (None for an ordinary diagnostic)."""
    return store.get_workshop(rec.workshop_id) if rec.workshop_id else None


def for_facilitator(store: Store, token: str) -> WorkshopRecord | None:
    """The workshop a private facilitator link opens, or None."""
    token = token.strip()
    if len(token) < TOKEN_MIN_LENGTH:
        return None
    return store.find_workshop_by_facilitator_token(token)


def find_by_code(store: Store, code: str) -> WorkshopRecord | None:
    """The workshop of a join code as typed (case, spaces and dashes ignored), or None."""
    normalized = normalize_join_code(code)
    return store.find_workshop_by_code(normalized) if normalized else None


def find_for_join(store: Store, code: str, client: str, now: datetime) -> WorkshopRecord:
    """The workshop a typed join code opens; `JoinRefused` says why not, in French.

    Wrong codes are counted per client address and server-wide (`workshops.access`), in the database
    so that every instance counts the same: past the limit, even a right code waits.
    """
    wait = access.join_wait(store, client, now)
    if wait > 0:
        raise JoinRefused(
            f"Trop de codes erronés ont été essayés récemment. Réessayez dans {int(wait // 60) + 1} min, "
            "ou demandez le lien à l’animateur."
        )
    if not normalize_join_code(code):
        raise JoinRefused("Saisissez le code de l’atelier : 6 caractères, affichés par l’animateur.")
    workshop = find_by_code(store, code)
    if workshop is None:
        access.record_failure(store, client, now)
        raise JoinRefused(
            f"Aucun atelier ne correspond au code « {params.text(code)[:20]} ». Vérifiez-le auprès de "
            "l’animateur : il compte 6 caractères (lettres et chiffres, sans 0, O, 1, I ni L)."
        )
    return workshop


def join(store: Store, workshop: WorkshopRecord, role_id: str | None, first_name: str) -> str:
    """A new participation in an open workshop; returns the participant's diagnostic id.

    Raises `JoinRefused` with the reason in French (no role, workshop closed or gone).
    """
    if role_id not in role_ids():
        raise JoinRefused(
            "Choisissez votre rôle : il permet de comparer les points de vue (élus, techniciens, acteurs de l’ESS).",
            field="role",
        )
    try:
        return store.join_workshop(workshop.id, role_id, first_name.strip() or None)
    except WorkshopClosed as exc:
        raise JoinRefused(
            f"L’atelier « {workshop.title} » est clos : il n’accepte plus de participants. "
            "Demandez à l’animateur de le rouvrir."
        ) from exc
    except WorkshopNotFound as exc:
        raise JoinRefused("Cet atelier n’existe plus. Vérifiez le code auprès de l’animateur.") from exc


def finish(store: Store, diag_id: str) -> None:
    """A participant says they have answered all they could."""
    store.set_finished(diag_id, True)


def close(store: Store, workshop_id: str) -> None:
    """Stop accepting participants and answers; everything stays readable."""
    store.close_workshop(workshop_id)


def reopen(store: Store, workshop_id: str) -> None:
    """Accept participants and answers again."""
    store.reopen_workshop(workshop_id)


def participants(store: Store, workshop_id: str) -> list[Participant]:
    """The workshop's participants with their answers (no join number, no time: see `workshops.anonymity`)."""
    return [
        Participant(rec.role, rec.finished, responses) for rec, responses in store.participant_responses(workshop_id)
    ]


@dataclass(frozen=True)
class LiveFigures:
    """What the live dashboard shows, at one revision of the workshop's data."""

    people: list[Participant]
    figures: GroupFigures | None
    threshold: int


def live_figures(store: Store, catalogue: Catalogue, workshop: WorkshopRecord) -> LiveFigures:
    """The dashboard's figures, computed once per change of the workshop's data and shared by every
    facilitator screen of the process (the projector and the laptop refresh every few seconds)."""

    def compute() -> LiveFigures:
        people = participants(store, workshop.id)
        threshold = anonymity.min_people(catalogue)
        return LiveFigures(people, anonymity.group_figures(catalogue, people, threshold), threshold)

    return LIVE.get((workshop.id, "live"), store.workshop_revision(workshop.id), compute)


def collegial_responses(store: Store, workshop: WorkshopRecord) -> ResponseSet:
    """The answers the group agreed on so far."""
    return store.load_responses(workshop.consolidated_id)


def consolidate(store: Store, workshop: WorkshopRecord, question_id: str, value: int | str, note: str) -> None:
    """Record the group's agreed answer to a question and the note kept with it."""
    store.save_many(workshop.consolidated_id, {question_id: value}, {question_id: note.strip() or None})


def consolidate_remaining(
    store: Store, workshop: WorkshopRecord, answers: dict[str, int | str | None], importance: dict[str, int | None]
) -> None:
    """Take the group's proposal for every question and importance not agreed yet."""
    store.save_many(workshop.consolidated_id, answers, importance_values=importance)


@dataclass(frozen=True)
class RosterEntry:
    """A participant as the facilitator may pick them: an id and « Prénom (rôle) », nothing else."""

    id: str
    label: str


def roster(store: Store, workshop_id: str) -> list[RosterEntry]:
    """Participants by first name and role, alphabetically; never with answers or progress."""
    entries = []
    for rec in store.participant_records(workshop_id):
        name = (rec.first_name or "").strip() or ("Questionnaire papier" if rec.paper else "Sans prénom")
        entries.append(RosterEntry(rec.id, f"{name} ({role(rec.role).short})"))
    return sorted(entries, key=lambda e: (e.label.casefold(), e.id))


def remove_participant(store: Store, workshop: WorkshopRecord, diag_id: str) -> None:
    """Remove a participant and their answers (e.g. an empty duplicate); group figures follow."""
    store.remove_participant(workshop.id, diag_id)


def merge_participants(store: Store, workshop: WorkshopRecord, keep_id: str, other_id: str) -> None:
    """Fold one participation into another (the same person joined twice), in one transaction."""
    store.merge_participants(workshop.id, keep_id, other_id)


def add_paper(store: Store, workshop: WorkshopRecord, role_id: str | None) -> str:
    """A participant for a paper questionnaire the facilitator types in; returns its diagnostic id."""
    if role_id not in role_ids():
        raise JoinRefused("Choisissez le rôle indiqué sur le questionnaire papier.")
    try:
        return store.add_paper_participant(workshop.id, role_id)
    except WorkshopClosed as exc:
        raise JoinRefused("L’atelier est clos : rouvrez-le pour saisir un questionnaire papier.") from exc


def resume(store: Store, workshop: WorkshopRecord, diag_id: object) -> str | None:
    """The participation remembered on a device, if it is one of this workshop's; else None."""
    if not isinstance(diag_id, str) or not diag_id or len(diag_id) > 64:
        return None
    rec = store.get_diagnostic(diag_id)
    return rec.id if rec is not None and rec.workshop_id == workshop.id else None
