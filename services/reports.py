"""What a report of a saved diagnostic shows: its answers, plan, previous edition and workshop."""

from __future__ import annotations

from reports.model import ReportInput, Workshop, build_report_input, build_workshop
from scoring.loader import Catalogue
from scoring.models import ResponseSet
from services.diagnostics import previous_responses
from storage import DiagnosticRecord, Store
from workshops import anonymity
from workshops.participants import Participant
from workshops.roles import role


def _participation(roles: list[str | None], shown: list[str]) -> str:
    """« Atelier : 14 participants (5 élus, 6 techniciens, 2 autres) »: a role is counted
    apart only where the dashboard shows it apart (`anonymity.roster_roles`), never a lone person."""
    ids = [role(r).id for r in roles]
    parts = []
    for role_id in shown:
        n, r = ids.count(role_id), role(role_id)
        parts.append(f"{n} {r.short if n == 1 else r.plural[0].lower() + r.plural[1:]}")
    if parts and (rest := sum(i not in shown for i in ids)):
        parts.append(f"{rest} {'autre' if rest == 1 else 'autres'}")
    total = len(roles)
    detail = f" ({', '.join(parts)})" if parts else ""
    return f"Atelier\u00a0: {total} participant{'s' if total > 1 else ''}{detail}"


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
    roster = [Participant(r, False, responses) for r, responses in zip(roles, participants, strict=True)]
    shown = anonymity.roster_roles(roster, anonymity.min_people(catalogue))
    # the report's participation table reads « Élus », not « elu »; small roles together, as on the dashboard
    rest = anonymity.OTHER_ROLES if shown else "Ensemble"
    labels = [role(r).plural if role(r).id in shown else rest for r in roles]
    group = build_workshop(
        catalogue, workshop.questionnaire_id, participants, labels, consolidated=agreed, profile=agreed.profile
    )
    return group, _participation(roles, shown)


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
