"""What a test needs from the machine: in CI a missing piece fails the test, elsewhere it skips it."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

from tests.pg import PostgresServer, PostgresStartError


def in_ci() -> bool:
    """Whether we run in continuous integration, where nothing may be skipped for want of a tool."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def missing(message: str) -> NoReturn:
    """Fail in CI, skip elsewhere, with the reason."""
    if in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def started_postgres() -> PostgresServer:
    """A started throwaway PostgreSQL server; when it cannot start, `missing`."""
    try:
        return PostgresServer().start()
    except PostgresStartError as exc:
        missing(f"PostgreSQL could not start: {exc}")
