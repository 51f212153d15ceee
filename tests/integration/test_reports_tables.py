"""CSV of scores, JSON of answers and export file names, read back the way a user's tools read them."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from reports.exports import CSV_HEADER, answers_json, export_filename, scores_csv, slug
from scoring.engine import score
from scoring.loader import Catalogue, default_catalogue, load_folder
from scoring.responses import parse_response_json
from tests.samples import sample_responses

MINI = Path(__file__).resolve().parents[1] / "unit" / "mini"
CASES = ("mini", "ess-territoires", "ess-territoires-express")


@pytest.fixture(scope="module", params=CASES)
def case(request: pytest.FixtureRequest) -> tuple[Catalogue, str]:
    """The tiny test catalogue and the real questionnaires."""
    if request.param == "mini":
        return load_folder(MINI), "mini"
    return default_catalogue(), request.param


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_scores_csv_opens_in_a_french_spreadsheet_one_row_per_dimension_plus_three_indices(
    case: tuple[Catalogue, str],
) -> None:
    catalogue, qid = case
    scores = score(catalogue, sample_responses(catalogue, qid))
    rows = _rows(scores_csv(scores))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 1 + len(scores.dimensions) + 3
    for row, ds in zip(rows[1:], scores.dimensions, strict=False):
        assert row[1] == ds.dimension.title
        if ds.score is None:
            assert row[2] == "" and row[8] in {"non évalué", "non concerné"}
        else:
            assert row[2] == f"{ds.score:.1f}".replace(".", ",")
            assert float(row[2].replace(",", ".")) == pytest.approx(ds.score, abs=0.05)
            assert row[3] == ds.band.label  # type: ignore[union-attr]
    assert [r[1] for r in rows[-3:]] == ["Indice global", "Indice motivation", "Indice ressources"]
    assert "." not in "".join(r[2] for r in rows[1:])


def test_scores_csv_has_a_decimal_comma_for_non_integer_scores() -> None:
    catalogue = load_folder(MINI)
    responses = sample_responses(catalogue, "mini").model_copy(update={"answers": {"m_a": 1, "m_b": 2, "o_a": 3}})
    rows = _rows(scores_csv(score(catalogue, responses)))
    motiv = next(r for r in rows if r[1] == "Titre motiv")
    assert motiv[2] == "41,7"  # (1/4 × 1 + 2/4 × 2) / 3 = 41.67


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_neutralised() -> None:
    from reports.exports import neutralise

    for hostile in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(hostile) == "'" + hostile
    assert neutralise("Commande publique") == "Commande publique"


def test_answers_json_reads_back_identically(case: tuple[Catalogue, str]) -> None:
    catalogue, qid = case
    responses = sample_responses(catalogue, qid)
    data = answers_json(responses)
    assert "Communauté".encode() in data and b"\\u00e9" not in data
    assert data.count(b"\n") > 10
    assert parse_response_json(data) == responses


def test_export_filename_is_an_ascii_slug_with_the_date() -> None:
    day = date(2026, 11, 22)
    assert export_filename("CC du Pays de Caux", "radar-ressources", "png", day) == (
        "diagnostic-ess_cc-du-pays-de-caux_radar-ressources_2026-11-22.png"
    )
    assert export_filename("Communauté d’agglomération Cœur d'Essonne", "rapport", "pdf", day) == (
        "diagnostic-ess_communaute-d-agglomeration-coeur-d-essonne_rapport_2026-11-22.pdf"
    )
    assert export_filename("", "scores", "csv", day) == "diagnostic-ess_collectivite_scores_2026-11-22.csv"
    assert export_filename("  ../../etc/passwd ", "x", "csv", day) == "diagnostic-ess_etc-passwd_x_2026-11-22.csv"
    long = slug("Établissement public territorial " * 5)
    assert len(long) <= 60 and long.isascii() and not long.endswith("-")
    assert slug("東京") == "collectivite"
