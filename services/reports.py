"""What a report of a saved diagnostic shows: its answers, plan, previous edition and workshop."""

from __future__ import annotations

from reports.model import ReportInput, Workshop, build_report_input, build_workshop
from scoring.loader import Catalogue
from scoring.models import ResponseSet
from services.diagnostics import previous_responses
from storage import DiagnosticRecord, Store
from workshops.roles import role


def _participation(roles: list[str | None]) -> str:
    """« Atelier : 14 participants (5 élus, 6 techniciens, 3 acteurs ESS) »."""
    counts: dict[str, int] = {}
    for role_id in roles:
        counts[role_id or ""] = counts.get(role_id or "", 0) + 1
    parts = []
    for role_id, n in counts.items():
        r = role(role_id)
        noun = r.short if n == 1 else r.plural[0].lower() + r.plural[1:]
        parts.append(f"{n} {noun}")
    total = len(roles)
    return f"Atelier\u00a0: {total} participant{'s' if total > 1 else ''} ({', '.join(parts)})"


def workshop_of(
    store: Store, catalogue: Catalogue, rec: DiagnosticRecord, agreed: ResponseSet
) -> tuple[Workshop, str] | None:
    """The group data of the workshop whose collegial diagnostic `rec` is, with its participation line."""
    workshop = store.find_workshop_by_consolidated(rec.id)
    if workshop is None:
        return None
    pairs = store.participant_responses(workshop.id)
    if not pairs:
        return None
    participants = [responses for _, responses in pairs]
    roles = [record.role for record, _ in pairs]
    labels = [role(r).plural for r in roles]  # the report's participation table reads « Élus », not « elu »
    group = build_workshop(
        catalogue, workshop.questionnaire_id, participants, labels, consolidated=agreed, profile=agreed.profile
    )
    return group, _participation(roles)


def report_input(store: Store, catalogue: Catalogue, rec: DiagnosticRecord) -> ReportInput:
    """Answers, action plan, previous diagnostic and, for a workshop's collegial diagnostic, its group data."""
    responses = store.load_responses(rec.id)
    group = workshop_of(store, catalogue, rec, responses)
    return build_report_input(
        catalogue,
        responses,
        action_plan=store.load_action_plan(rec.id),
        workshop=group[0] if group else None,
        respondents=group[1] if group else None,
        previous=previous_responses(store, rec),
    )
