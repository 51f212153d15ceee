"""Who may see which workshop figure: the rules of `workshops.anonymity`, on hand-built groups."""

from __future__ import annotations

from typing import Any

import pytest

from scoring.loader import Catalogue, default_catalogue
from tests.unit.conftest import responses
from workshops import anonymity
from workshops.anonymity import (
    comparison_figures,
    group_figures,
    participation,
    role_figures,
    shown_groups,
    visible_comments,
)
from workshops.participants import Participant


def person(
    answers: dict[str, Any],
    role: str = "elu",
    *,
    finished: bool = False,
    comments: dict[str, str] | None = None,
) -> Participant:
    rs = responses(answers).model_copy(update={"comments": comments or {}})
    return Participant(role, finished, rs)


def test_the_threshold_comes_from_the_rules_file() -> None:
    assert anonymity.min_people(default_catalogue()) == 3


@pytest.mark.parametrize(
    ("sizes", "outside", "expected"),
    [
        ({"elu": 3, "technicien": 3}, 0, ["elu", "technicien"]),
        ({"elu": 3}, 0, []),  # its complement is empty
        ({"elu": 3, "technicien": 2}, 0, []),  # the complement of élus is 2 people
        ({"elu": 3, "technicien": 3, "acteur_ess": 1}, 0, ["technicien"]),  # a lone role is never left alone
        ({"elu": 4, "technicien": 3, "acteur_ess": 1}, 0, ["elu"]),
        ({"elu": 3, "technicien": 3, "acteur_ess": 3}, 0, ["elu", "technicien", "acteur_ess"]),
        ({"elu": 3, "technicien": 3}, 2, ["technicien"]),  # two left outside: a role joins them (ties by id)
        ({"elu": 3, "technicien": 3}, 3, ["elu", "technicien"]),
        ({}, 5, []),
    ],
)
def test_a_role_is_shown_apart_only_when_it_its_complement_and_the_rest_cover_three_people(
    sizes: dict[str, int], outside: int, expected: list[str]
) -> None:
    assert shown_groups(sizes, 3, outside) == expected


def test_group_figures_need_three_people_who_started(mini: Catalogue) -> None:
    two = [person({"a_a": 0}), person({"a_a": 4}), person({})]
    assert group_figures(mini, two, 3) is None
    figures = group_figures(mini, [*two, person({"a_a": 2, "a_b": 2})], 3)
    assert figures is not None and figures.size == 3


def test_a_question_answered_by_fewer_than_three_people_has_no_figure_and_does_not_count_in_the_radar(
    mini: Catalogue,
) -> None:
    people = [person({"a_a": 0, "o_a": 4}), person({"a_a": 4}), person({"a_a": 2, "a_b": 1})]
    figures = group_figures(mini, people, 3)
    assert figures is not None
    assert set(figures.stats) == {"a_a"}  # o_a and a_b have one answer each
    assert figures.scores.dimension("achats").score == pytest.approx(50.0)  # a_a alone: mean 2 of 4
    assert figures.scores.dimension("observation").score is None
    assert "observation" not in figures.ranges  # one individual score only


def test_the_group_radar_is_the_mean_with_the_band_from_the_lowest_to_the_highest_score(mini: Catalogue) -> None:
    people = [person({"a_a": 0, "a_b": 0}), person({"a_a": 4, "a_b": 4}), person({"a_a": 2, "a_b": 4})]
    figures = group_figures(mini, people, 3)
    assert figures is not None
    assert figures.scores.dimension("achats").score == pytest.approx(100 * (2 / 4 + (8 / 3) / 4) / 2)
    assert figures.ranges["achats"] == pytest.approx((0.0, 100.0))


def test_a_participant_compares_with_the_group_only_once_three_others_have_started(mini: Catalogue) -> None:
    three = [person({"a_a": v}) for v in (0, 2, 4)]
    assert comparison_figures(mini, three, min_people=3) is None  # the viewer and two others
    four = [*three, person({"a_a": 1})]
    figures = comparison_figures(mini, four, min_people=3)
    assert figures is not None and figures.size == 4
    assert figures.ranges["achats"] == pytest.approx((0.0, 100.0))  # a_a alone: 0, 50, 100 and 25


def test_saying_j_ai_termine_moves_no_figure_a_participant_sees(mini: Catalogue) -> None:
    before = [person({"a_a": v}) for v in (0, 2, 4, 1)]
    after = [*before[:3], person({"a_a": 1}, finished=True)]
    assert comparison_figures(mini, before, 3) == comparison_figures(mini, after, 3)


def test_role_scores_use_only_questions_the_role_and_the_others_each_answered_three_times(mini: Catalogue) -> None:
    roster = [person({"a_a": 4, "a_b": 4}, "elu") for _ in range(3)]
    roster += [person({"a_a": 0}, "technicien") for _ in range(3)]
    shown = role_figures(mini, roster, 3)
    assert [(f.role_id, f.size) for f in shown] == [("elu", 3), ("technicien", 3)]
    by_role = {f.role_id: f for f in shown}
    # a_b: three élus, no technicien: left out for both
    assert by_role["elu"].scores.dimension("achats").score == pytest.approx(100.0)
    assert by_role["technicien"].scores.dimension("achats").score == pytest.approx(0.0)


def test_a_lone_role_hides_the_role_table_when_no_other_role_can_absorb_it(mini: Catalogue) -> None:
    roster = [person({"a_a": 4}, "elu") for _ in range(3)] + [person({"a_a": 0}, "acteur_ess")]
    assert role_figures(mini, roster, 3) == []


def test_roles_are_decided_on_who_joined_so_a_late_starter_does_not_change_which_roles_show(
    mini: Catalogue,
) -> None:
    roster = [person({"a_a": 4}, "elu") for _ in range(3)] + [person({"a_a": 1}, "technicien") for _ in range(3)]
    roster.append(person({}, "acteur_ess"))  # joined, no answer yet
    assert [f.role_id for f in role_figures(mini, roster, 3)] == ["technicien"]


def test_participation_counts_people_per_shown_role_and_the_other_roles_together() -> None:
    roster = [person({"a_a": 1}, "elu", finished=True) for _ in range(3)]
    roster += [person({}, "technicien") for _ in range(3)]
    roster.append(person({"a_a": 1}, "acteur_ess"))
    rows = participation(roster, 3)
    assert [(r.label, r.joined, r.started, r.finished) for r in rows] == [
        ("Techniciens", 3, 0, 0),
        ("Autres rôles", 4, 4, 3),
        ("Ensemble", 7, 4, 3),
    ]


def test_comments_show_once_three_people_commented_in_an_order_that_is_neither_joining_nor_alphabetical() -> None:
    people = [person({"a_a": 1}, comments={"a_a": "premier"}), person({"a_a": 2}), person({"a_a": 3})]
    assert visible_comments("a_a", people, 3, "k") is None  # three answers, one comment
    people += [person({}, comments={"a_a": "  "}), person({}, comments={"a_a": "deuxième"})]
    assert visible_comments("a_a", people, 3, "k") is None
    texts = [f"avis {i:02d}" for i in range(12)]
    crowd = [person({}, comments={"a_a": t}) for t in texts]
    shown = visible_comments("a_a", crowd, 3, "atelier-1")
    assert shown is not None and sorted(shown) == texts
    assert shown != texts and shown != sorted(texts, reverse=True)
    assert visible_comments("a_a", list(reversed(crowd)), 3, "atelier-1") == shown  # who joined first is irrelevant
    assert visible_comments("a_a", crowd, 3, "atelier-2") != shown  # each workshop draws its own order
