"""The README stays in step with the code: every setting the code reads is documented, and only those."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE_DIRS = ("app_pages", "ui", "services", "storage", "reports", "scoring", "workshops")
READ = re.compile(r"""os\.environ(?:\.get)?[\(\[]\s*["']([A-Z][A-Z0-9_]+)["']""")
NAMED = re.compile(r"""^[A-Z_]*_ENV\s*=\s*["']([A-Z][A-Z0-9_]+)["']""", re.M)


def _settings_read() -> set[str]:
    files = [p for d in CODE_DIRS for p in (ROOT / d).rglob("*.py")] + [ROOT / "streamlit_app.py"]
    found: set[str] = set()
    for path in files:
        text = path.read_text(encoding="utf-8")
        found |= set(READ.findall(text)) | set(NAMED.findall(text))
    return found


def _settings_documented() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", section, re.M))


def test_every_environment_setting_the_code_reads_is_in_the_readme_configuration_table() -> None:
    assert _settings_read() - _settings_documented() == set()


def test_the_readme_configuration_table_documents_no_setting_the_code_ignores() -> None:
    assert _settings_documented() - _settings_read() == set()
