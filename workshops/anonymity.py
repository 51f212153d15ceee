"""The one place that decides which workshop figures anyone may see (dashboard, participant, PDF, XLSX).

Every group figure covers at least `min_people` people (`rules.yaml`, `workshop_anonymity`):

- group figures (distribution, mean and spread of a question, radar, min–max band) are computed
  over the participants who have started answering; a question's figures need `min_people`
  answers to it, a dimension's min–max band `min_people` individual scores;
- a role is shown apart only when it and the rest of the group both cover `min_people` people,
  and the people of the roles not shown number none or at least `min_people` (so no figure is
  the difference of two others over one or two people); the same rule holds per question;
- a question's comments appear once `min_people` people commented on it, in an order drawn
  from the texts (keyed hash), never the joining or alphabetical order;
- progress is counted, per shown role at most; no name, join number or time is shown (a name
  beside a progress, or the moment someone joins, would tell whose answer just moved a figure);
- a participant compares themselves with the group (the same cohort: those who started) only
  when at least `min_people` others than them started; finishing moves no figure.

Nothing returned here holds an individual answer, a join number or a first name beside a figure.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from scoring.engine import Scores, score
from scoring.group import QuestionStats, group_answers, mean_importance, question_stats
from scoring.loader import Catalogue
from scoring.models import Profile, Questionnaire, ResponseSet
from workshops.participants import Participant
from workshops.roles import role, roles

OTHER_ROLES = "Autres rôles"
"""The row gathering the roles not shown apart."""


def min_people(catalogue: Catalogue) -> int:
    """The smallest number of people a workshop figure may cover (`rules.yaml`)."""
    return catalogue.rules.workshop_anonymity.min_people


def room_min_people(catalogue: Catalogue) -> int:
    """What a screen the whole room sees needs: `min_people` answers besides those of any one person
    in the room, who knows their own and could take it out of the figure (as `comparison_figures`)."""
    return min_people(catalogue) + 1


def contributors(people: Sequence[Participant]) -> list[Participant]:
    """Participants who have given at least one answer."""
    return [p for p in people if p.started]


def shown_groups(sizes: Mapping[str, int], min_people: int, outside: int = 0) -> list[str]:
    """The groups that may be shown apart: each and its complement cover `min_people`, and the
    people left in no shown group (`outside` plus the groups not shown) are none or `min_people`."""
    total = sum(sizes.values()) + outside
    shown = [g for g, n in sizes.items() if n >= min_people and total - n >= min_people]
    while shown:
        left = total - sum(sizes[g] for g in shown)
        if left == 0 or left >= min_people:
            break
        shown.remove(min(shown, key=lambda g: (sizes[g], g)))  # merge the smallest into the rest
    return shown


def _given(stats: QuestionStats) -> int:
    """People who answered the question (a level, « je ne sais pas » or « non concerné »)."""
    return stats.answered + stats.dk + stats.na


@dataclass(frozen=True)
class GroupFigures:
    """What a group of at least `min_people` answered, as anyone may see it."""

    size: int
    """Participants covered (those who started answering)."""
    stats: dict[str, QuestionStats]
    """Questions at least `min_people` answered; the others are left out."""
    responses: ResponseSet
    """The group's answers: mean levels of the questions shown, rounded mean importances."""
    scores: Scores
    ranges: dict[str, tuple[float, float]]
    """Per dimension with `min_people` individual scores, the lowest and highest."""


def group_figures(
    catalogue: Catalogue, people: Sequence[Participant], min_people: int, profile: Profile | None = None
) -> GroupFigures | None:
    """The group's figures over those who started; None while fewer than `min_people` did."""
    group = contributors(people)
    if len(group) < max(min_people, 1):
        return None
    chosen = profile or group[0].responses.profile
    questionnaire = catalogue.questionnaire(group[0].responses.questionnaire)
    sets = [p.responses.model_copy(update={"profile": chosen}) for p in group]
    stats = {qid: s for qid, s in question_stats(questionnaire, sets).items() if _given(s) >= min_people}
    answers = group_answers(questionnaire, stats, chosen, mean_importance(questionnaire, sets, min_people))
    values: dict[str, list[float]] = {}
    for own in sets:
        for ds in score(catalogue, own).dimensions:
            if ds.score is not None:
                values.setdefault(ds.dimension.id, []).append(ds.score)
    ranges = {dim: (min(v), max(v)) for dim, v in values.items() if len(v) >= min_people}
    return GroupFigures(len(group), stats, answers, score(catalogue, answers), ranges)


def comparison_figures(catalogue: Catalogue, people: Sequence[Participant], min_people: int) -> GroupFigures | None:
    """What a participant compares themselves with: the group's figures over those who started,
    once `min_people` others than the viewer did (every figure then covers `min_people` people
    besides them). Who has finished plays no part, so saying « j'ai terminé » moves no figure."""
    return group_figures(catalogue, people, min_people + 1)


def _role_id(person: Participant) -> str:
    return role(person.role).id


def _role_order(role_id: str) -> int:
    known = [r.id for r in roles()]
    return known.index(role_id) if role_id in known else len(known)


def roster_roles(roster: Sequence[Participant], min_people: int) -> list[str]:
    """The roles shown apart, decided on who joined (not on who answered, which changes)."""
    sizes: dict[str, int] = {}
    for person in roster:
        sizes[_role_id(person)] = sizes.get(_role_id(person), 0) + 1
    ordered = dict(sorted(sizes.items(), key=lambda item: _role_order(item[0])))
    return shown_groups(ordered, min_people)


def role_stats(
    questionnaire: Questionnaire, roster: Sequence[Participant], min_people: int
) -> dict[str, dict[str, QuestionStats]]:
    """Per role shown apart (in display order), its stats on the questions it and the rest both
    answered `min_people` times, the roles not shown on a question none or `min_people` times."""
    roles = roster_roles(roster, min_people)
    group = contributors(roster)
    if not roles or not group:
        return {}
    per_role = {r: question_stats(questionnaire, [p.responses for p in group if _role_id(p) == r]) for r in roles}
    everyone = question_stats(questionnaire, [p.responses for p in group])
    kept: dict[str, dict[str, QuestionStats]] = {r: {} for r in roles}
    for qid, whole in everyone.items():
        sizes = {r: _given(per_role[r][qid]) for r in roles}
        for r in shown_groups(sizes, min_people, _given(whole) - sum(sizes.values())):
            kept[r][qid] = per_role[r][qid]
    return kept


def role_question_stats(
    questionnaire: Questionnaire, roster: Sequence[Participant], question_id: str, min_people: int
) -> dict[str, QuestionStats]:
    """The roles whose mean level on one question may be shown: shown apart on it (`role_stats`),
    with `min_people` levels given (« je ne sais pas » and « non concerné » have none)."""
    return {
        r: s
        for r, stats in role_stats(questionnaire, roster, min_people).items()
        if (s := stats.get(question_id)) is not None and s.mean is not None and s.answered >= min_people
    }


@dataclass(frozen=True)
class RoleFigures:
    """One role's scores, from its mean levels on the questions where it may be shown."""

    role_id: str
    size: int
    scores: Scores


def role_figures(
    catalogue: Catalogue, roster: Sequence[Participant], min_people: int, profile: Profile | None = None
) -> list[RoleFigures]:
    """The roles shown apart, each with the questions it and the rest both answered `min_people` times."""
    group = contributors(roster)
    if not group:
        return []
    chosen = profile or group[0].responses.profile
    questionnaire = catalogue.questionnaire(group[0].responses.questionnaire)
    out = []
    for r, kept in role_stats(questionnaire, roster, min_people).items():
        answers = group_answers(questionnaire, kept, chosen, {})
        out.append(RoleFigures(r, sum(_role_id(p) == r for p in group), score(catalogue, answers)))
    return out


@dataclass(frozen=True)
class Count:
    """Participants of one row of the participation table."""

    label: str
    joined: int
    started: int
    finished: int


def participation(roster: Sequence[Participant], min_people: int) -> list[Count]:
    """Counts per role shown apart, then the other roles together, then the total."""
    roles = roster_roles(roster, min_people)

    def count(label: str, people: Sequence[Participant]) -> Count:
        return Count(label, len(people), sum(p.started for p in people), sum(p.finished for p in people))

    rows = [count(role(r).plural, [p for p in roster if _role_id(p) == r]) for r in roles]
    rest = [p for p in roster if _role_id(p) not in roles]
    if roles and rest:
        rows.append(count(OTHER_ROLES, rest))
    return [*rows, count("Ensemble", roster)]


def visible_comments(question_id: str, people: Sequence[Participant], min_people: int, key: str) -> list[str] | None:
    """A question's comments once `min_people` people commented on it, in an order drawn from the
    texts with `key` (stable across refreshes, unrelated to who wrote them); None before."""
    texts = [c for p in people if (c := p.responses.comments.get(question_id, "").strip())]
    if len(texts) < min_people:
        return None
    secret = key.encode("utf-8")
    return sorted(texts, key=lambda t: hmac.new(secret, t.encode("utf-8"), hashlib.sha256).digest())
