"""The layers stay apart: pages and UI glue reach the database only through the application layer."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PURE = ("scoring",)
SHELL = ("app_pages", "ui")


def _imports(path: Path) -> set[str]:
    """Every module a file imports (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _files(*packages: str) -> list[Path]:
    return [p for package in packages for p in sorted((ROOT / package).rglob("*.py"))] + (
        [ROOT / "streamlit_app.py"] if "app_pages" in packages else []
    )


def test_no_page_nor_ui_module_imports_storage_or_sqlalchemy() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.split(".")[0] in ("storage", "sqlalchemy"))
        for path in _files(*SHELL)
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


def test_the_scoring_core_imports_no_framework() -> None:
    banned = ("streamlit", "sqlalchemy", "plotly", "storage", "services", "ui", "app_pages", "reports")
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imports(path) if m.split(".")[0] in banned)
        for path in _files(*PURE)
    }
    assert {path: mods for path, mods in offenders.items() if mods} == {}


def test_the_application_layer_never_imports_streamlit() -> None:
    offenders = [
        str(p.relative_to(ROOT)) for p in _files("services") if "streamlit" in {m.split(".")[0] for m in _imports(p)}
    ]
    assert offenders == []
