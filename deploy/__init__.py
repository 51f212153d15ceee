"""Deployment: N app instances behind nginx on one PostgreSQL (`deploy/run.sh`)."""
