"""Load and validate the content files: one model per `kind`, then cross-references."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from scoring import checks
from scoring.errors import ContentError, ContentIssue
from scoring.extracts import resolve
from scoring.models import (
    ActorCatalogue,
    AnswersFile,
    Bands,
    FicheCatalogue,
    Questionnaire,
    QuestionnaireExtract,
    Territories,
)
from scoring.rules_model import Rules
from scoring.wording_model import Wording
from scoring.yamlfile import YamlDocument, read

CONTENT_DIR = Path(__file__).resolve().parent.parent / "questionnaires"

MODELS: dict[str, type[BaseModel]] = {
    "questionnaire": Questionnaire,
    "fiches": FicheCatalogue,
    "actors": ActorCatalogue,
    "territories": Territories,
    "bands": Bands,
    "rules": Rules,
    "wording": Wording,
}
SCHEMAS: dict[str, type[BaseModel]] = {
    **MODELS,
    "questionnaire-extract": QuestionnaireExtract,
    "answers": AnswersFile,
}
M = TypeVar("M", bound=BaseModel)
SINGLETONS = ("fiches", "actors", "territories", "bands", "rules", "wording")


@dataclass(frozen=True)
class Catalogue:
    """Everything the engine needs: questionnaires and the reference files."""

    questionnaires: dict[str, Questionnaire]
    fiches: FicheCatalogue
    actors: ActorCatalogue
    territories: Territories
    bands: Bands
    rules: Rules
    wording: Wording

    def questionnaire(self, questionnaire_id: str) -> Questionnaire:
        """The questionnaire with this id (KeyError if absent)."""
        return self.questionnaires[questionnaire_id]


@dataclass(frozen=True)
class LoadedFile:
    """A validated content file with its parsed document (for line numbers)."""

    doc: YamlDocument
    model: BaseModel


def validate_document(doc: YamlDocument) -> LoadedFile:
    """Validate one parsed document against the model its `kind` names."""
    kind = doc.data.get("kind")
    model_cls = MODELS.get(kind) if isinstance(kind, str) else None
    if model_cls is Questionnaire and "based_on" in doc.data:
        model_cls = QuestionnaireExtract
    if model_cls is None:
        known = ", ".join(sorted(MODELS))
        raise ContentError([doc.issue(("kind",), f"« kind » absent ou inconnu ; valeurs possibles : {known}")])
    try:
        model = model_cls.model_validate(doc.data)
    except ValidationError as exc:
        raise ContentError(checks.pydantic_issues(doc, exc)) from None
    issues = checks.file_checks(doc, model)
    if issues:
        raise ContentError(issues)
    return LoadedFile(doc, model)


def load_file(path: Path, name: str | None = None) -> LoadedFile:
    """Read, parse and validate one content file (checks inside the file only)."""
    return validate_document(read(path, name))


def content_files(folder: Path) -> list[Path]:
    """The YAML content files of a folder (not its sub-folders), sorted."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_folder(folder: Path, display_root: Path | None = None) -> Catalogue:
    """Load every content file of a folder and check the references between them."""
    issues: list[ContentIssue] = []
    loaded: list[LoadedFile] = []
    for path in content_files(folder):
        name = str(path.relative_to(display_root)) if display_root else path.name
        try:
            loaded.append(load_file(path, name))
        except ContentError as exc:
            issues.extend(exc.issues)
    if issues:
        raise ContentError(issues)
    by_kind: dict[str, list[LoadedFile]] = {}
    for item in loaded:
        by_kind.setdefault(item.doc.data["kind"], []).append(item)
    folder_name = str(folder.relative_to(display_root)) if display_root else folder.name
    for kind in SINGLETONS:
        count = len(by_kind.get(kind, []))
        if count != 1:
            names = ", ".join(i.doc.name for i in by_kind.get(kind, []))
            what = "aucun fichier" if count == 0 else f"{count} fichiers ({names})"
            issues.append(
                ContentIssue(folder_name, "", None, f"il faut exactement un fichier « kind: {kind} » ; trouvé : {what}")
            )
    questionnaires = by_kind.get("questionnaire", [])
    if not questionnaires:
        issues.append(ContentIssue(folder_name, "", None, "aucun questionnaire (« kind: questionnaire ») trouvé"))
    ids = Counter(q.doc.data["id"] for q in questionnaires)
    for q in questionnaires:
        if ids[q.doc.data["id"]] > 1:
            issues.append(
                q.doc.issue(
                    ("id",),
                    f"l’identifiant de questionnaire « {q.doc.data['id']} » est déjà utilisé par un autre fichier",
                )
            )
    if issues:
        raise ContentError(issues)
    full = [q for q in questionnaires if isinstance(q.model, Questionnaire)]
    issues = checks.cross_checks({**by_kind, "questionnaire": full})
    resolved = _resolve_extracts(
        questionnaires, {q.model.id: q.model for q in full if isinstance(q.model, Questionnaire)}
    )
    issues += [issue for item in resolved if isinstance(item, list) for issue in item]
    if issues:
        raise ContentError(issues)
    return Catalogue(
        questionnaires={q.id: q for q in resolved if isinstance(q, Questionnaire)},
        fiches=_as(by_kind["fiches"][0], FicheCatalogue),
        actors=_as(by_kind["actors"][0], ActorCatalogue),
        territories=_as(by_kind["territories"][0], Territories),
        bands=_as(by_kind["bands"][0], Bands),
        rules=_as(by_kind["rules"][0], Rules),
        wording=_as(by_kind["wording"][0], Wording),
    )


def _resolve_extracts(
    questionnaires: list[LoadedFile], bases: dict[str, Questionnaire]
) -> list[Questionnaire | list[ContentIssue]]:
    """Every questionnaire in file order, extracts resolved from their base (or their located issues)."""
    out: list[Questionnaire | list[ContentIssue]] = []
    for item in questionnaires:
        if isinstance(item.model, QuestionnaireExtract):
            resolved, issues = resolve(item.doc, item.model, bases)
            out.append(resolved if resolved is not None else issues)
        else:
            out.append(_as(item, Questionnaire))
    return out


def _as(item: LoadedFile, cls: type[M]) -> M:
    assert isinstance(item.model, cls)
    return item.model


@cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped in `questionnaires/`, loaded once per process."""
    return load_folder(CONTENT_DIR, CONTENT_DIR.parent)
