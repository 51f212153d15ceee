#!/usr/bin/env bash
# Run N instances of the app behind nginx on one PostgreSQL, in the foreground (Ctrl-C stops all).
#   deploy/run.sh --instances 2 --database-url postgresql://user:password@db-host/autodiag --port 8080
# Options: deploy/run.sh --help. Details: deploy/launch.py and README.md, « Deploying ».
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system.sh deploy
[ -x .venv/bin/streamlit ] || scripts/venv.sh requirements.txt
exec .venv/bin/python -m deploy.launch "$@"
