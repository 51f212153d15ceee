#!/usr/bin/env bash
# Install everything the app needs, then start it on http://localhost:8501 (SQLite by default).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-system.sh app
scripts/venv.sh requirements.txt
exec .venv/bin/streamlit run app.py "$@"
