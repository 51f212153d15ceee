"""Settings for the whole test suite."""

# CPython 3.11.7 (this machine's) has a race in building ASTs from two threads at once
# (python/cpython#106905, fixed in 3.11.8/3.12.2): "SystemError: AST constructor recursion
# depth mismatch". Streamlit's AppTest and the dashboard's timers compile page scripts in
# threads; hypothesis's pytest plugin imports hypothesis lazily at the end of the session, and
# pytest's assertion rewriting then parses its modules while such a thread may still run.
# Importing hypothesis here, before any thread starts, takes that parse out of the race.
import hypothesis  # noqa: F401
