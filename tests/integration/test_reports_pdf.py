"""The PDF report read back with poppler: every number and title a reader looks for, in intact French."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from reports import document, images
from reports.document import FontUnavailable
from reports.images import ExportUnavailable
from reports.model import ReportInput, build_report_input, build_workshop
from reports.pdf import build_pdf
from scoring.engine import shown_score
from scoring.loader import Catalogue, default_catalogue, load_folder
from scoring.models import ResponseSet
from scoring.priorities import prioritise
from tests.samples import sample_action_plan, sample_participants, sample_responses

MINI = Path(__file__).resolve().parents[1] / "unit" / "mini"
CASES = ("mini", "ess-territoires", "ess-territoires-express")
FRENCH = "Budget prévu : 15 000 € ; « œuvre » commune, très appréciée, reçue à l’unanimité — ça avance !"


def _catalogue(name: str) -> Catalogue:
    return load_folder(MINI) if name == "mini" else default_catalogue()


def _answers(catalogue: Catalogue, qid: str) -> ResponseSet:
    responses = sample_responses(catalogue, qid, name="Communauté de communes Cœur de Caux")
    first = catalogue.questionnaire(qid).questions()[0][1].id
    comments = {**responses.comments, first: FRENCH}
    return responses.model_copy(update={"comments": comments})


def _text(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _flat(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) collapsed, as a reader sees the words."""
    return " ".join(text.split())


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.fixture(scope="module", params=CASES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[ReportInput, bytes, Path]:
    """A report for each questionnaire, with an action plan, built once."""
    qid = "mini" if request.param == "mini" else request.param
    catalogue = _catalogue(request.param)
    answers = _answers(catalogue, qid)
    report = build_report_input(
        catalogue, answers, sample_action_plan(catalogue, answers), generated_on=date(2026, 11, 22)
    )
    data = build_pdf(report)
    path = tmp_path_factory.mktemp("pdf") / f"{qid}.pdf"
    path.write_bytes(data)
    return report, data, path


def test_pdf_text_has_every_dimension_title_and_score(built: tuple[ReportInput, bytes, Path], tmp_path: Path) -> None:
    report, data, _ = built
    text = _flat(_text(data, tmp_path, "r"))
    for ds in report.scores.dimensions:
        assert _flat(ds.dimension.title) in text
        if ds.score is not None:
            assert f"{shown_score(ds.score)}/100" in text
    for index in (report.scores.overall, report.scores.motivation, report.scores.resource):
        assert index.value is not None and f"{shown_score(index.value)}/100" in text


def test_pdf_carries_the_priorities_of_the_results_page_with_their_weak_answers_and_next_steps(
    built: tuple[ReportInput, bytes, Path],
    tmp_path: Path,
) -> None:
    report, data, _ = built
    text = _flat(_text(data, tmp_path, "r"))
    expected = prioritise(report.catalogue, report.responses, report.scores)
    assert expected.priorities, "the sample answers should lead to priorities"
    chapter = text[text.index("Vos priorités Les fiches proposées") :]
    positions = [chapter.index(_flat(f"{n}. {p.score.dimension.title}")) for n, p in enumerate(expected.priorities, 1)]
    assert positions == sorted(positions)
    for item in expected.priorities + expected.others:
        assert _flat(item.reason) in chapter
        for weak in item.weak_answers:
            assert _flat(weak.question.text) in chapter and _flat(weak.next_step) in chapter
    for actor in {a.actor.id: a for item in expected.priorities for a in item.actors}.values():
        assert _flat(actor.actor.offers) in text and _flat(actor.name) in text


def test_pdf_names_every_confirmed_fiche_once_and_never_an_unconfirmed_one(
    built: tuple[ReportInput, bytes, Path],
    tmp_path: Path,
) -> None:
    report, data, _ = built
    text = _flat(_text(data, tmp_path, "r"))
    result = prioritise(report.catalogue, report.responses, report.scores)
    assert result.elu_fiches(), "the sample answers should lead to confirmed fiches"
    for use in result.fiches:
        if use.verified:
            assert _flat(use.fiche.title) in text
        else:
            assert f"{_flat(use.fiche.title)}" not in text
    assert "(titre non confirmé)" not in text


def test_pdf_keeps_french_characters_and_typography_intact(
    built: tuple[ReportInput, bytes, Path], tmp_path: Path
) -> None:
    _, data, _ = built
    text = _text(data, tmp_path, "r")
    for char in "éèçœ’«»€":
        assert char in text, char
    assert _flat(FRENCH).replace("’", "’") in _flat(text)
    assert "22 novembre 2026" in text
    # no-break spaces keep French punctuation with its word: no line starts with « : ; ! ? % » nor ends with «
    for line in text.splitlines():
        assert not line.strip().startswith((":", ";", "!", "?", "%", "»")), line
        assert not line.strip().endswith("«"), line


def test_pdf_has_a_sane_page_count_and_a_header_with_the_name(built: tuple[ReportInput, bytes, Path]) -> None:
    report, _, path = built
    pages = _pages(path)
    assert 4 <= pages < 40
    second = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert report.authority_name in second
    assert f"page 2 / {pages}" in second


def test_pdf_first_page_renders_to_a_non_trivial_image(built: tuple[ReportInput, bytes, Path], tmp_path: Path) -> None:
    _, _, path = built
    subprocess.run(
        ["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(path), str(tmp_path / "p")], check=True, timeout=60
    )
    pngs = list(tmp_path.glob("p*.png"))
    assert len(pngs) == 1 and pngs[0].stat().st_size > 5_000


def test_pdf_action_plan_and_method_annex_come_from_the_data(
    built: tuple[ReportInput, bytes, Path], tmp_path: Path
) -> None:
    report, data, _ = built
    text = _flat(_text(data, tmp_path, "r"))
    for action in report.action_plan.actions:
        assert _flat(action.what).replace("'", "’") in text
        assert "30 juin 2027" in text  # deadlines are French dates
    assert "En cours" in text and "Pays du Bocage" in text
    for band in report.catalogue.bands.bands:
        assert band.label in text and _flat(band.description) in text
    bands = report.catalogue.bands.bands
    assert f"de {bands[1].min:.0f} à moins de {bands[2].min:.0f}" in text
    assert "Sans cible, la cible est 100." in text and "(cible − score), et 0 quand la cible est atteinte" in text


def test_pdf_of_a_workshop_shows_participation_and_divergent_questions(tmp_path: Path) -> None:
    catalogue = default_catalogue()
    people, roles = sample_participants(catalogue, "ess-territoires", count=9)
    agreed = _answers(catalogue, "ess-territoires")
    workshop = build_workshop(catalogue, "ess-territoires", people, roles, consolidated=agreed)
    report = build_report_input(catalogue, agreed, workshop=workshop)
    text = _flat(_text(build_pdf(report), tmp_path, "atelier"))
    assert "Atelier : 9 participants (3 élus, 3 techniciens, 3 acteurs ESS)" in text
    assert "Questions les plus discutées" in text
    assert "Réponse retenue et moyenne du groupe" in text
    assert "Participant 1" not in text  # the PDF never lists participants one by one


def test_pdf_draws_its_radars_and_matrix_without_any_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_browser(*_: object, **__: object) -> bytes:
        raise ExportUnavailable("Export d’image impossible : aucun navigateur.")

    monkeypatch.setattr(images._BROWSER, "render", no_browser)
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    catalogue = default_catalogue()
    report = build_report_input(catalogue, _answers(catalogue, "ess-territoires"))
    path = tmp_path / "vectoriel.pdf"
    path.write_bytes(build_pdf(report))
    text = _flat(_text(path.read_bytes(), tmp_path, "vectoriel"))
    assert "Graphiques non disponibles" not in text
    for words in ("À prioriser", "Points d’appui", "Score de maturité (0 à 100)", "Importance pour la collectivité"):
        assert words in text  # the matrix is drawn, its words are real text
    subprocess.run(["pdftoppm", "-r", "60", "-f", "2", "-l", "2", "-png", str(path), str(tmp_path / "s")], check=True)
    (page,) = tmp_path.glob("s*.png")
    pixels = Image.open(page).convert("RGB").get_flattened_data()
    radar_blue = sum(abs(r - 0) + abs(g - 114) + abs(b - 178) < 60 for r, g, b in pixels)
    assert radar_blue > 300  # the radars' lines and markers (Okabe–Ito blue)


def test_pdf_with_a_previous_edition_compares_its_indices_and_draws_it_on_the_radars(tmp_path: Path) -> None:
    catalogue = default_catalogue()
    now = _answers(catalogue, "ess-territoires")
    lower = {qid: v - 1 if isinstance(v, int) and v > 0 else v for qid, v in now.answers.items()}
    before = now.model_copy(update={"answers": lower})
    report = build_report_input(catalogue, now, previous=before)
    text = _flat(_text(build_pdf(report), tmp_path, "precedent"))
    assert "Précédent" in text
    assert text.count("Diagnostic précédent") >= 2  # the legend of each radar


def test_pdf_of_a_workshop_draws_the_group_range_on_its_radars(tmp_path: Path) -> None:
    catalogue = default_catalogue()
    people, roles = sample_participants(catalogue, "ess-territoires", count=6)
    agreed = _answers(catalogue, "ess-territoires")
    report = build_report_input(
        catalogue, agreed, workshop=build_workshop(catalogue, "ess-territoires", people, roles, consolidated=agreed)
    )
    text = _flat(_text(build_pdf(report), tmp_path, "atelier-radar"))
    assert text.count("Étendue du groupe (min–max)") == 2  # one legend per radar
    assert text.count("Réponses retenues") >= 2


def test_pdf_prints_user_text_as_plain_text_even_with_odd_characters(tmp_path: Path) -> None:
    catalogue = load_folder(MINI)
    answers = _answers(catalogue, "mini")
    odd = {"m_a": '=HYPERLINK("http://x") <b>gras</b> **étoiles** \x07 fin\ttab', "motiv": "🙂 émoji"}
    report = build_report_input(catalogue, answers.model_copy(update={"comments": odd}))
    text = _flat(_text(build_pdf(report), tmp_path, "odd"))
    assert '=HYPERLINK("http://x") <b>gras</b> **étoiles** fin tab' in text
    assert "émoji" in text


def test_french_typography_binds_punctuation_and_quotes_to_their_words() -> None:
    from scoring.french import typeset

    assert typeset("Score : 50 % ; « ESS » l'équipe !") == (
        "Score\u00a0: 50\u00a0%\u202f; «\u00a0ESS\u00a0» l’équipe\u202f!"
    )
    assert typeset("https://www.rtes.fr/kit?fiche=7") == "https://www.rtes.fr/kit?fiche=7"


def test_missing_dejavu_fonts_give_a_french_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(document, "FONT_DIRS", (tmp_path,))
    catalogue = load_folder(MINI)
    with pytest.raises(FontUnavailable, match="fonts-dejavu-core"):
        build_pdf(build_report_input(catalogue, _answers(catalogue, "mini")))
