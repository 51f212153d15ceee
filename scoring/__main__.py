"""Command line: `python -m scoring validate|score|schema` (see the README)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scoring.cli_table import render_table
from scoring.engine import score
from scoring.errors import ContentError
from scoring.intake import catalogue_problems
from scoring.loader import CONTENT_DIR, SCHEMAS, Catalogue, default_catalogue, load_file, load_folder
from scoring.method import method_markdown
from scoring.priorities import prioritise
from scoring.recommend import recommend
from scoring.responses import ResponseError, parse_response_json
from scoring.summary import scores_dict


def _validate(paths: list[str]) -> int:
    targets = [Path(p) for p in paths] or [CONTENT_DIR]
    failed = False
    for target in targets:
        try:
            if target.is_dir():
                catalogue = load_folder(target)
                print(f"✓ {target} : {len(catalogue.questionnaires)} questionnaire(s) et fichiers de référence valides")
            elif target.exists():
                loaded = load_file(target, str(target))
                print(f"✓ {target} : fichier « {loaded.doc.data['kind']} » valide")
            else:
                print(f"✗ {target} : fichier ou dossier introuvable", file=sys.stderr)
                failed = True
        except ContentError as exc:
            failed = True
            for issue in exc.issues:
                print(f"✗ {issue}", file=sys.stderr)
    return 1 if failed else 0


def _score(args: argparse.Namespace) -> int:
    catalogue: Catalogue = default_catalogue()
    path = Path(args.answers)
    try:
        raw = sys.stdin.buffer.read() if args.answers == "-" else path.read_bytes()
    except OSError as exc:
        print(f"✗ {path} : lecture impossible ({exc.strerror})", file=sys.stderr)
        return 1
    try:
        responses = parse_response_json(raw)
        if args.questionnaire and responses.questionnaire != args.questionnaire:
            raise ResponseError(
                [f"Le fichier répond au questionnaire « {responses.questionnaire} », pas à « {args.questionnaire} »."]
            )
        problems = catalogue_problems(catalogue, responses)
        if problems:
            raise ResponseError(problems)
        scores = score(catalogue, responses)
    except ResponseError as exc:
        for problem in exc.problems:
            print(f"✗ {path} : {problem}", file=sys.stderr)
        return 1
    advice = recommend(catalogue, scores)
    plan = prioritise(catalogue, responses, scores)
    if args.format == "table":
        print(render_table(scores, plan))
    else:
        print(json.dumps(scores_dict(scores, advice, plan), ensure_ascii=False, indent=2))
    return 0


def _schema(args: argparse.Namespace) -> int:
    schema = SCHEMAS[args.kind].model_json_schema()
    text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"Schéma « {args.kind} » écrit dans {args.output}")
    else:
        sys.stdout.write(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 1 invalid input, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m scoring", description="Autodiagnostic ESS : validation, calcul des scores, schéma."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_val = sub.add_parser("validate", help="valider des fichiers YAML ou des dossiers (par défaut : questionnaires/)")
    p_val.add_argument("paths", nargs="*")
    p_score = sub.add_parser(
        "score", help="calculer scores, paliers, indices et recommandations d’un fichier de réponses"
    )
    p_score.add_argument("answers", help="fichier JSON de réponses (ou - pour l’entrée standard)")
    p_score.add_argument("--questionnaire", help="identifiant attendu du questionnaire")
    p_score.add_argument("--format", choices=["json", "table"], default="json")
    sub.add_parser("method", help="écrire la méthode (Markdown), telle que la page Méthode et le rapport l’expliquent")
    p_schema = sub.add_parser("schema", help="écrire le schéma JSON d’un format de fichier")
    p_schema.add_argument("kind", nargs="?", default="questionnaire", choices=sorted(SCHEMAS))
    p_schema.add_argument("-o", "--output", help="fichier de sortie (par défaut : sortie standard)")
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return _validate(args.paths)
        if args.command == "score":
            return _score(args)
        if args.command == "method":
            sys.stdout.write(method_markdown(default_catalogue()))
            return 0
        return _schema(args)
    except ContentError as exc:
        for issue in exc.issues:
            print(f"✗ {issue}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
