#!/usr/bin/env bash
# Install what the tests need (Chromium, PostgreSQL, LibreOffice, poppler, Python tools), then run
# the linters and the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-system.sh test
scripts/venv.sh requirements-dev.txt
scripts/install-axe.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
