"""Derived questionnaires (`based_on`): resolved from the base questionnaire's questions, never copied."""

from __future__ import annotations

from scoring.errors import ContentIssue
from scoring.models import Questionnaire, QuestionnaireExtract
from scoring.yamlfile import YamlDocument


def extract_issues(doc: YamlDocument, extract: QuestionnaireExtract) -> list[ContentIssue]:
    """Checks inside the file: each dimension and each question named once."""
    issues: list[ContentIssue] = []
    seen_dims: set[str] = set()
    seen_questions: set[str] = set()
    for i, dim in enumerate(extract.dimensions):
        if dim.id in seen_dims:
            issues.append(doc.issue(("dimensions", i, "id"), f"dimension « {dim.id} » en double"))
        seen_dims.add(dim.id)
        for k, qid in enumerate(dim.questions):
            if qid in seen_questions:
                issues.append(doc.issue(("dimensions", i, "questions", k), f"question « {qid} » en double"))
            seen_questions.add(qid)
    return issues


def resolve(
    doc: YamlDocument, extract: QuestionnaireExtract, bases: dict[str, Questionnaire]
) -> tuple[Questionnaire | None, list[ContentIssue]]:
    """The full questionnaire an extract describes, or the located reasons it cannot be built."""
    base = bases.get(extract.based_on)
    if base is None:
        known = ", ".join(sorted(bases)) or "aucun"
        message = f"questionnaire de base « {extract.based_on} » inconnu ; questionnaires complets : {known}"
        return None, [doc.issue(("based_on",), message)]
    base_dims = {d.id: d for d in base.dimensions}
    issues: list[ContentIssue] = []
    dimensions = []
    for i, ref in enumerate(extract.dimensions):
        dim = base_dims.get(ref.id)
        if dim is None:
            known = ", ".join(base_dims)
            issues.append(
                doc.issue(
                    ("dimensions", i, "id"), f"dimension « {ref.id} » absente de « {base.id} » ; dimensions : {known}"
                )
            )
            continue
        by_id = {q.id: q for q in dim.questions}
        for k, qid in enumerate(ref.questions):
            if qid not in by_id:
                issues.append(
                    doc.issue(
                        ("dimensions", i, "questions", k),
                        f"question « {qid} » absente de la dimension « {dim.id} » de « {base.id} » ; questions : {', '.join(by_id)}",
                    )
                )
        dimensions.append(dim.model_copy(update={"questions": [by_id[q] for q in ref.questions if q in by_id]}))
    if issues:
        return None, issues
    resolved = Questionnaire(
        kind="questionnaire",
        id=extract.id,
        version=extract.version,
        title=extract.title,
        description=extract.description,
        variant=extract.variant,
        estimated_minutes=extract.estimated_minutes,
        importance_scale=base.importance_scale,
        dimensions=dimensions,
    )
    return resolved, []
