"""Attacks on workshop anonymity: from everything a facilitator or a participant sees, recover how
one participant answered or what they commented. Every test fails if an attack succeeds.

The attacker knows each participant's role (people see each other in the room) and, if a
participant, their own answers. They see, at one moment or two (before and after one more
answer, comment or « J'ai terminé »): the dashboard's counts, radar, distributions, role table
and comments, the participant's comparison, and the report model the PDF and XLSX are written
from. They do not know who is how far in the questionnaire: the app shows no name beside a progress;
one test also lets them know who has said « J'ai terminé ».

A participant is safe when at least `min_people` people, the attacker aside, are interchangeable
with them (swapping their answers and progress changes nothing anyone sees), or when nothing
anyone sees depends on their answers. That covers the arithmetic attacks: n × group − (n−1) ×
subgroup, a lone role beside a shown role, a group of three seen by one of the three, and the
difference between two refreshes. When everyone in such a set gave the same answer, the figures
say so: that is the group's answer, not a re-identification.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from reports.model import build_workshop
from scoring.engine import Scores
from scoring.loader import Catalogue, load_folder
from scoring.models import ResponseSet
from tests.unit.conftest import MINI
from workshops import anonymity
from workshops.participants import Participant
from workshops.roles import role, role_ids

CATALOGUE: Catalogue = load_folder(MINI)
QUESTIONS = ("m_a", "o_a", "a_a", "a_b")
ROLES = (*role_ids(), None)
KEY = "atelier-test"
K = anonymity.min_people(CATALOGUE)

World = list[list[Participant]]
"""Snapshots of the same roster, oldest first."""

# --- what each attacker sees ------------------------------------------------------------------


def canonical(value: Any) -> Any:
    """A comparable form of a view: floats rounded, mappings sorted, scores reduced to their numbers."""
    if isinstance(value, Scores):
        dims = tuple((d.dimension.id, canonical(d.score)) for d in value.dimensions)
        return dims, canonical((value.motivation.value, value.resource.value, value.overall.value))
    if isinstance(value, BaseModel):
        return canonical(value.model_dump())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, canonical(getattr(value, f.name))) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return tuple(sorted((str(k), canonical(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(canonical(v) for v in value)
    if isinstance(value, float):
        return round(value, 9)
    return value


def facilitator_view(people: Sequence[Participant]) -> Any:
    """Dashboard (counts, radar, distributions, agenda, roles, comments, consolidation) and report model."""
    figures = anonymity.group_figures(CATALOGUE, people, K)
    report = build_workshop(CATALOGUE, "mini", [p.responses for p in people], [role(p.role).plural for p in people])
    return canonical(
        (
            len(people),
            len(anonymity.contributors(people)),
            sum(p.finished for p in people),
            anonymity.participation(people, K),
            figures,
            anonymity.role_figures(CATALOGUE, people, K),
            [anonymity.visible_comments(q, people, K, KEY) for q in QUESTIONS],
            report,
        )
    )


def participant_view(viewer: int) -> Callable[[Sequence[Participant]], Any]:
    """What participant `viewer` sees beside their own answers: the comparison with the group."""

    def view(people: Sequence[Participant]) -> Any:
        return canonical(anonymity.comparison_figures(CATALOGUE, people, K))

    return view


# --- worlds -----------------------------------------------------------------------------------

values = st.sampled_from([0, 1, 2, 3, 4, "dk", "na"])
# mostly complete answers and three main roles, so that figures, role tables and comparisons show
maybe = st.one_of(values, values, values, st.none())
answers = st.tuples(*(maybe for _ in QUESTIONS)).map(
    lambda vs: {q: v for q, v in zip(QUESTIONS, vs, strict=True) if v is not None}
)
ROLE_COUNTS = st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(0, 2), st.integers(0, 1), st.integers(0, 1))


@st.composite
def participant(draw: st.DrawFn, role_id: str | None) -> Participant:
    given_answers = draw(answers)
    commented = draw(st.lists(st.sampled_from(sorted(given_answers) or [QUESTIONS[0]]), unique=True, max_size=2))
    comments = {q: f"avis {draw(st.integers(0, 5))} sur {q}" for q in commented}
    importance = draw(st.dictionaries(st.sampled_from(["achats", "motiv"]), st.integers(0, 3), max_size=1))
    rs = ResponseSet.model_validate(
        {
            "questionnaire": "mini",
            "profile": {"authority_type": "communaute_communes"},
            "answers": given_answers,
            "comments": comments,
            "importance": importance,
        }
    )
    finished = draw(st.sampled_from([True, True, False])) and bool(given_answers)
    return Participant(role_id, finished, rs)


def _one_step(person: Participant, step: int, question: str, value: Any) -> Participant:
    """The same person after one more answer (0), one more comment (1) or « J'ai terminé » (2)."""
    rs = person.responses
    if step == 0:
        rs = rs.model_copy(update={"answers": {**rs.answers, question: value}})
    elif step == 1:
        rs = rs.model_copy(update={"comments": {**rs.comments, question: f"nouvel avis sur {question}"}})
    else:
        return dataclasses.replace(person, finished=True)
    return dataclasses.replace(person, responses=rs)


@st.composite
def worlds(draw: st.DrawFn) -> World:
    """One or two snapshots of a workshop of 3 to 12 people, in any joining order; the second
    differs by one person's step."""
    counts = draw(ROLE_COUNTS.filter(lambda c: sum(c) >= 3))
    people = [draw(participant(r)) for r, n in zip(ROLES, counts, strict=True) for _ in range(n)]
    people = draw(st.permutations(people))
    if not draw(st.booleans()):
        return [people]
    who = draw(st.integers(0, len(people) - 1))
    step = draw(st.integers(0, 2))
    later = list(people)
    later[who] = _one_step(people[who], step, draw(st.sampled_from(QUESTIONS)), draw(values))
    return [people, later]


# --- the attack -------------------------------------------------------------------------------


ANSWERS, COMMENTS = "answers", "comments"
"""What a participant gave: answers (with importances), comments; each can be attributed apart."""


def _swap(world: World, i: int, j: int, aspect: str, knows_finished: bool) -> World:
    """The same roster where persons i and j exchanged their answers (and, unless the attacker
    knows who has finished, whether they finished) or their comments."""
    out = []
    for snapshot in world:
        people = list(snapshot)
        a, b = people[i], people[j]
        if aspect == COMMENTS:
            people[i] = dataclasses.replace(
                a, responses=a.responses.model_copy(update={"comments": b.responses.comments})
            )
            people[j] = dataclasses.replace(
                b, responses=b.responses.model_copy(update={"comments": a.responses.comments})
            )
        else:
            given = ("answers", "importance")
            a_rs = a.responses.model_copy(update={k: getattr(b.responses, k) for k in given})
            b_rs = b.responses.model_copy(update={k: getattr(a.responses, k) for k in given})
            people[i] = dataclasses.replace(a, responses=a_rs, finished=a.finished if knows_finished else b.finished)
            people[j] = dataclasses.replace(b, responses=b_rs, finished=b.finished if knows_finished else a.finished)
        out.append(people)
    return out


def _perturbed(world: World, i: int, aspect: str) -> list[World]:
    """Worlds where person i answered (same questions, same progress) or commented otherwise."""
    changes = ("comment",) if aspect == COMMENTS else ("answer", "importance")
    out = []
    for question in QUESTIONS:
        for change in changes:
            changed, snapshots = False, []
            for snapshot in world:
                people = list(snapshot)
                rs = people[i].responses
                if change == "answer" and question in rs.answers:
                    old = rs.answers[question]
                    new: Any = 4 - old if isinstance(old, int) and old != 2 else ("dk" if old != "dk" else 0)
                    rs = rs.model_copy(update={"answers": {**rs.answers, question: new}})
                elif change == "comment" and question in rs.comments:
                    rs = rs.model_copy(update={"comments": {**rs.comments, question: "autre chose"}})
                elif change == "importance" and question == QUESTIONS[0] and rs.importance:
                    rs = rs.model_copy(update={"importance": {k: 3 - v for k, v in rs.importance.items()}})
                else:
                    snapshots.append(people)
                    continue
                changed = True
                people[i] = dataclasses.replace(people[i], responses=rs)
                snapshots.append(people)
            if changed:
                out.append(snapshots)
    return out


def assert_nobody_singled_out(
    world: World,
    view: Callable[[Sequence[Participant]], Any],
    attacker: int | None,
    knows_finished: bool = False,
) -> None:
    """Fail if some participant's answers or comments show through `view` without enough look-alikes."""

    def seen(w: World) -> Any:
        return tuple(view(snapshot) for snapshot in w)

    base = seen(world)
    size = len(world[0])
    for target in range(size):
        if target == attacker:
            continue
        for aspect in (ANSWERS, COMMENTS):
            others = [o for o in range(size) if o not in (target, attacker)]
            alike = 1 + sum(seen(_swap(world, target, o, aspect, knows_finished)) == base for o in others)
            if alike >= K:
                continue
            for changed in _perturbed(world, target, aspect):
                assert seen(changed) == base, (
                    f"participant {target} ({world[-1][target].role}) can be told apart from all but {alike - 1} "
                    f"other(s), and their {aspect} change what the attacker sees"
                )


SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(worlds())
def test_the_facilitator_cannot_recover_a_participants_answers_from_the_dashboard_and_the_exports(
    world: World,
) -> None:
    assert_nobody_singled_out(world, facilitator_view, attacker=None)


@SETTINGS
@given(worlds(), st.integers(0, 11))
def test_a_participant_cannot_recover_another_participants_answers_from_their_comparison(
    world: World, viewer: int
) -> None:
    viewer %= len(world[0])
    assert_nobody_singled_out(world, participant_view(viewer), attacker=viewer)


@SETTINGS
@given(worlds(), st.integers(0, 11))
def test_even_knowing_who_has_finished_nobody_recovers_a_participants_answers(world: World, viewer: int) -> None:
    assert_nobody_singled_out(world, facilitator_view, attacker=None, knows_finished=True)
    viewer %= len(world[0])
    assert_nobody_singled_out(world, participant_view(viewer), attacker=viewer, knows_finished=True)


# --- the attack finds what the former rules let through ---------------------------------------


def _person(role_id: str, level: int, finished: bool = True, comment: str | None = None) -> Participant:
    rs = ResponseSet.model_validate(
        {
            "questionnaire": "mini",
            "profile": {"authority_type": "communaute_communes"},
            "answers": dict.fromkeys(QUESTIONS, level),
            "comments": {"a_a": comment} if comment else {},
        }
    )
    return Participant(role_id, finished, rs)


def test_the_attack_recovers_a_lone_role_when_the_other_role_is_shown_as_the_former_dashboard_did() -> None:
    people = [_person("technicien", lv) for lv in (1, 2, 3)] + [_person("elu", 4)]

    def former(snapshot: Sequence[Participant]) -> Any:  # roles shown from 3 people, whatever the rest
        techs = [p for p in snapshot if p.role == "technicien"]
        return canonical(
            (anonymity.group_figures(CATALOGUE, snapshot, K), anonymity.group_figures(CATALOGUE, techs, K))
        )

    try:
        assert_nobody_singled_out([people], former, attacker=None)
    except AssertionError as exc:
        assert "participant 3 (elu)" in str(exc)
    else:
        raise AssertionError("4 × group − 3 × techniciens went unnoticed")
    assert_nobody_singled_out([people], facilitator_view, attacker=None)


def test_the_attack_recovers_the_two_others_of_a_group_of_three_as_the_former_participant_view_did() -> None:
    people = [_person("elu", lv) for lv in (0, 2, 4)]

    def former(snapshot: Sequence[Participant]) -> Any:  # mean, min and max once three had finished
        return canonical(anonymity.group_figures(CATALOGUE, [p for p in snapshot if p.finished], K))

    try:
        assert_nobody_singled_out([people], former, attacker=0)
    except AssertionError:
        pass
    else:
        raise AssertionError("a group of three seen by one of the three went unnoticed")
    assert_nobody_singled_out([people], participant_view(0), attacker=0)


def test_the_attack_spots_a_named_progress_list_between_two_refreshes() -> None:
    before = [_person("elu", lv, finished=False) for lv in (1, 2, 3)] + [_person("elu", 0, finished=False)]
    before[3] = dataclasses.replace(before[3], responses=before[3].responses.model_copy(update={"answers": {}}))
    after = list(before)
    after[3] = _one_step(before[3], 0, "a_a", 4)

    def named(snapshot: Sequence[Participant]) -> Any:  # the former list: each person's progress
        return canonical(
            ([len(p.responses.answers) for p in snapshot], anonymity.group_figures(CATALOGUE, snapshot, K))
        )

    try:
        assert_nobody_singled_out([before, after], named, attacker=None)
    except AssertionError as exc:
        assert "participant 3" in str(exc)
    else:
        raise AssertionError("one new answer beside a named progress went unnoticed")
    assert_nobody_singled_out([before, after], facilitator_view, attacker=None)


def test_the_attack_spots_comments_shown_once_three_people_answered_but_one_commented() -> None:
    people = [_person("elu", lv) for lv in (1, 2)] + [_person("elu", 3, comment="je suis seule à le dire")]

    def former(snapshot: Sequence[Participant]) -> Any:  # comments once 3 answered, in join order
        return canonical([p.responses.comments.get("a_a") for p in snapshot])

    try:
        assert_nobody_singled_out([people], former, attacker=None)
    except AssertionError:
        pass
    else:
        raise AssertionError("comments in join order went unnoticed")
    assert_nobody_singled_out([people], facilitator_view, attacker=None)


def test_the_attack_spots_a_comparison_that_moves_when_someone_says_they_have_finished() -> None:
    before = [_person("elu", lv) for lv in (0, 1, 2, 3)] + [_person("elu", 4, finished=False)]
    after = [*before[:4], dataclasses.replace(before[4], finished=True)]

    def former(snapshot: Sequence[Participant]) -> Any:  # the comparison over those who finished
        return canonical(anonymity.group_figures(CATALOGUE, [p for p in snapshot if p.finished], K + 1))

    try:
        assert_nobody_singled_out([before, after], former, attacker=0, knows_finished=True)
    except AssertionError as exc:
        assert "participant 4" in str(exc)
    else:
        raise AssertionError("five × after − four × before went unnoticed")
    assert_nobody_singled_out([before, after], participant_view(0), attacker=0, knows_finished=True)
