"""Command line: `python -m reports ANSWERS.json [--pdf F] [--xlsx F] [--png-dir D] [--csv F] [--plan F]`."""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

from reports.charts import Half, priority_matrix_figure, radar_figure, radar_for_export
from reports.document import FontUnavailable
from reports.exports import export_filename, scores_csv
from reports.images import ExportUnavailable, figure_png
from reports.model import ReportInput, build_report_input
from reports.narrative import index_text
from scoring.errors import ContentError
from scoring.intake import catalogue_problems
from scoring.loader import default_catalogue
from scoring.plan import ActionPlan
from scoring.responses import ResponseError, parse_response_json

MAX_PLAN_BYTES = 1_000_000


class InputError(Exception):
    """Bad input the user can fix: the message is French and printed as is."""


class FrenchParser(argparse.ArgumentParser):
    """argparse with exit status 2 (like `python -m scoring`) and a French preamble on usage errors."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"✗ Arguments invalides : {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="python -m reports",
        description="Produit les rapports d’un diagnostic ESS (PDF, XLSX, PNG, CSV) à partir d’un fichier de réponses.",
    )
    parser.add_argument("answers", help="fichier de réponses JSON exporté par l’application")
    parser.add_argument("--pdf", type=Path, help="rapport PDF à écrire")
    parser.add_argument("--xlsx", type=Path, help="classeur Excel à écrire")
    parser.add_argument("--png-dir", type=Path, help="dossier où écrire les radars et la matrice en PNG")
    parser.add_argument("--csv", type=Path, help="scores au format CSV (tableur français) à écrire")
    parser.add_argument("--plan", type=Path, help="plan d’action JSON : liste d’actions (dimension_id, what, lead…)")
    return parser


def _reason(exc: OSError) -> str:
    """A French reason for the common file errors."""
    if isinstance(exc, FileNotFoundError):
        return "fichier ou dossier introuvable"
    if isinstance(exc, PermissionError):
        return "permission refusée"
    if isinstance(exc, IsADirectoryError):
        return "c’est un dossier"
    return exc.strerror or type(exc).__name__


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path} : lecture du {what} impossible ({_reason(exc)}).") from None


def _plan(path: Path | None) -> ActionPlan:
    if path is None:
        return ActionPlan()
    raw = _read(path, "plan d’action")
    if len(raw) > MAX_PLAN_BYTES:
        raise InputError(f"{path} : plan d’action trop volumineux (1 Mo au plus).")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InputError(f"{path} : le plan d’action n’est pas un fichier JSON UTF-8 valide.") from None
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise InputError(f"{path} : le plan d’action doit être une liste d’objets [{{…}}, {{…}}].")
    try:
        return ActionPlan.model_validate({"actions": [{"id": f"a{i}", **item} for i, item in enumerate(data, 1)]})
    except ValidationError as exc:
        raise InputError(f"{path} : plan d’action invalide ({_plan_problems(exc)}).") from None


def _plan_problems(exc: ValidationError) -> str:
    """« action 2, champ « deadline » » for the first problems (dates are written AAAA-MM-JJ)."""
    problems = []
    for error in exc.errors()[:5]:
        loc = error["loc"]
        number = int(loc[1]) + 1 if len(loc) > 1 and isinstance(loc[1], int) else "?"
        problems.append(f"action {number}, champ « {loc[-1]} »")
    return " ; ".join(problems) + " ; les dates s’écrivent AAAA-MM-JJ"


def _write(path: Path, build: Callable[[], bytes]) -> None:
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    except OSError as exc:
        raise InputError(f"{path} : écriture impossible ({_reason(exc)}).") from None
    print(f"✓ {path} ({len(data) / 1024:.0f} Ko)")


def _pngs(report: ReportInput, folder: Path) -> None:
    name, day = report.authority_name, report.generated_on
    halves: tuple[tuple[Half, str], ...] = (("motivation", "motivation"), ("resource", "ressources"))
    figures = {
        f"radar-{label}": radar_for_export(
            radar_figure(report.scores, half, previous=report.previous, bands=report.catalogue.bands),
            report.scores,
            name,
            day,
        )
        for half, label in halves
    }
    figures["matrice-priorites"] = priority_matrix_figure(report.scores)
    for what, fig in figures.items():
        _write(folder / export_filename(name, what, "png", day), functools.partial(figure_png, fig))


def run(argv: list[str]) -> int:
    """Build the requested files; French messages on stderr and status 1 on bad input."""
    args = _parser().parse_args(argv)
    try:
        catalogue = default_catalogue()
        responses = parse_response_json(_read(Path(args.answers), "fichier de réponses"))
        problems = catalogue_problems(catalogue, responses)
        if problems:
            raise ResponseError(problems)
        report = build_report_input(catalogue, responses, _plan(args.plan), generated_on=date.today())
        scores = report.scores
        print(
            f"{report.authority_name} — indice global {index_text(scores.overall)}, motivation "
            f"{index_text(scores.motivation)}, ressources {index_text(scores.resource)}"
        )
        if args.csv:
            _write(args.csv, lambda: scores_csv(scores))
        if args.xlsx:
            from reports.xlsx import build_xlsx

            _write(args.xlsx, lambda: build_xlsx(report))
        if args.pdf:
            from reports.pdf import build_pdf

            _write(args.pdf, lambda: build_pdf(report))
        if args.png_dir:
            _pngs(report, args.png_dir)
    except ResponseError as exc:
        for problem in exc.problems:
            print(f"✗ {args.answers} : {problem}", file=sys.stderr)
        return 1
    except ContentError as exc:
        for issue in exc.issues:
            print(f"✗ {issue}", file=sys.stderr)
        return 1
    except (InputError, ExportUnavailable, FontUnavailable) as exc:
        print(f"✗ {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
