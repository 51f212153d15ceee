"""Server-side rerun time of the questionnaire page when a user clicks an answer (AppTest).

Three scripts, each driven the same way (`at.radio(key=...).set_value(v).run()`, median of
`--runs` timed reruns after a warm-up):

- floor:   an empty Streamlit script (`import streamlit as st`), rerun with `at.run()`;
- radios:  a script with just as many radios as the questionnaire step (same keys, options
           and captions), one of them clicked;
- page:    the real app on the questionnaire step (SQLite in a temp dir), one answer clicked:
           this includes the save to the database, the sidebar and the progress bar.

AppTest compiles the scripts again on every run (it makes a new `ScriptCache` per run, with
Streamlit's "magic" AST pass), which `streamlit run` does once per server. The "server-like"
column shares one script cache between runs, as the server does; "AppTest as is" does not.

Streamlit's `runner.postScriptGC` (a full `gc.collect(2)` after every run) cannot be switched
in AppTest: `st.set_option` refuses it (not scriptable) and AppTest's runner never calls it
(`LocalScriptRunner._on_script_finished` skips that step). So the "with postScriptGC" column
adds a timed `gc.collect(2)` after each rerun, in this process, to emulate what `streamlit run`
does when the option is on (our `.streamlit/config.toml` turns it off).

Run: .venv/bin/python bench/bench_app.py [--runs 30] [--cpu]
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)  # the app opens assets/ and questionnaires/ relative to the repository

WARM_UP = 5
CLOCK = time.perf_counter  # --cpu: time.process_time (this process's CPU, robust to other load on the machine)
TIMEOUT_S = 60
AUTHORITY_TYPE = "communaute_communes"


class _SharedScriptCache:
    """Makes AppTest reuse one compiled-script cache between runs, as `streamlit run` does."""

    def __init__(self) -> None:
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import app_test

        self._module = app_test
        self._original = ScriptCache
        self._shared = ScriptCache()
        self.enabled = False
        app_test.ScriptCache = self  # type: ignore[assignment,attr-defined]  # AppTest calls ScriptCache() in each run

    def __call__(self) -> ScriptCache:
        return self._shared if self.enabled else self._original()


SCRIPT_CACHE: _SharedScriptCache | None = None


def timed_reruns(rerun: Callable[[int], object], runs: int) -> tuple[list[float], list[float], list[float]]:
    """Milliseconds per rerun: as AppTest runs it; with the script cache shared (server-like);
    server-like followed by a `gc.collect(2)` (postScriptGC emulated)."""
    assert SCRIPT_CACHE is not None
    SCRIPT_CACHE.enabled = False
    for i in range(WARM_UP):
        rerun(i)
    as_is = []
    for i in range(runs):
        start = CLOCK()
        rerun(WARM_UP + i)
        as_is.append((CLOCK() - start) * 1000)
    SCRIPT_CACHE.enabled = True
    for i in range(WARM_UP):
        rerun(i)
    plain, with_gc = [], []
    for i in range(runs):
        start = CLOCK()
        rerun(WARM_UP + i)
        middle = CLOCK()
        gc.collect(2)
        end = CLOCK()
        plain.append((middle - start) * 1000)
        with_gc.append((end - start) * 1000)
    SCRIPT_CACHE.enabled = False
    return as_is, plain, with_gc


def radios_script(spec: list[tuple[str, int, bool]]) -> str:
    """A script with one radio per (key, number of options, captions) of the questionnaire step."""
    lines = ["import streamlit as st", ""]
    for n, (key, count, captions) in enumerate(spec, 1):
        caps = f", captions=['Description du niveau {{}}'.format(i) for i in range({count})]" if captions else ""
        lines.append(f"st.radio('Question {n}', list(range({count})), key={key!r}{caps})")
    return "\n".join(lines) + "\n"


def bench_step(questionnaire_id: str, step: int, runs: int, folder: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from scoring.engine import applies
    from scoring.loader import default_catalogue
    from storage import Store

    cat = default_catalogue()
    q = cat.questionnaire(questionnaire_id)
    dim = q.dimensions[step - 1]
    questions = [x for x in dim.questions if applies(x, AUTHORITY_TYPE, cat.territories)]
    spec = [(f"imp:{dim.id}", len(q.importance_scale), False)]
    spec += [(f"q:{x.id}", len(x.levels) + 2, True) for x in questions]
    clicked = questions[0]
    values: list[int | str] = [lv.value for lv in clicked.levels] + ["dk", "na"]

    # floor: the empty script
    empty = folder / "empty_app.py"
    empty.write_text("import streamlit as st\n")
    floor_at = AppTest.from_file(str(empty), default_timeout=TIMEOUT_S)
    floor_at.run()
    floor_raw, floor, floor_gc = timed_reruns(lambda i: floor_at.run(), runs)

    # the same number of radios, nothing else
    radios_path = folder / "radios_app.py"
    radios_path.write_text(radios_script(spec))
    radios_at = AppTest.from_file(str(radios_path), default_timeout=TIMEOUT_S)
    radios_at.run()
    key = f"q:{clicked.id}"
    radios_raw, radios, radios_gc = timed_reruns(
        lambda i: radios_at.radio(key=key).set_value(i % len(values)).run(), runs
    )

    # the real questionnaire page
    store = Store(os.environ["DATABASE_URL"])
    diag_id = store.create_diagnostic(
        questionnaire_id, {"name": "CC du Banc d’Essai", "authority_type": AUTHORITY_TYPE}
    )
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT_S)
    at.query_params["d"] = diag_id
    at.query_params["etape"] = str(step)
    at.run()
    at.switch_page("app_pages/diagnostic.py").run()
    assert not at.exception, at.exception
    assert any(r.key == key for r in at.radio), f"{key} is not on step {step}"
    page_raw, page, page_gc = timed_reruns(lambda i: at.radio(key=key).set_value(values[i % len(values)]).run(), runs)
    assert not at.exception, at.exception
    saved = store.load_responses(diag_id).answers.get(clicked.id)
    assert saved == values[(WARM_UP + runs - 1) % len(values)], f"the last click was not saved ({saved!r})"
    # (the last timed loop ends on the same value index as the first: WARM_UP + runs - 1)

    med = statistics.median

    def q90(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=10)[-1]

    print(
        f"\n## {q.title}, step {step} ({dim.short_title}): {len(spec)} radios "
        f"(importance + {len(questions)} questions), median of {runs} reruns"
    )
    print(
        f"{'script':<28}{'AppTest ms':>11}{'× floor':>9}{'server-like ms':>15}{'p90':>7}{'× floor':>9}"
        f"{'+ gc(2) ms':>12}{'× floor':>9}"
    )
    for label, raw, xs, gs in (
        ("floor: empty script", floor_raw, floor, floor_gc),
        ("radios only, same count", radios_raw, radios, radios_gc),
        ("questionnaire page (app)", page_raw, page, page_gc),
    ):
        print(
            f"{label:<28}{med(raw):>11.1f}{med(raw) / med(floor_raw):>9.2f}{med(xs):>15.1f}{q90(xs):>7.1f}{med(xs) / med(floor):>9.2f}"
            f"{med(gs):>12.1f}{med(gs) / med(floor_gc):>9.2f}"
        )
    print(
        f"server-like: page / radios-only {med(page) / med(radios):.2f}×; "
        f"gc.collect(2) alone after the page run: {med(g - p for g, p in zip(page_gc, page, strict=True)):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="timed reruns per script (default 30)")
    parser.add_argument("--cpu", action="store_true", help="measure CPU time instead of wall time (shared machines)")
    args = parser.parse_args()
    if args.cpu:
        global CLOCK
        CLOCK = time.process_time
        print("CPU time of this process (time.process_time), not wall time")

    folder = Path(tempfile.mkdtemp(prefix="bench-app-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import streamlit  # imported once DATABASE_URL is set

    global SCRIPT_CACHE
    SCRIPT_CACHE = _SharedScriptCache()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # AppTest calls Streamlit from the main thread, which warns "missing ScriptRunContext" each time.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )

    from scoring.engine import applies
    from scoring.loader import default_catalogue

    cat = default_catalogue()
    print(
        f"python {sys.version.split()[0]}, streamlit {streamlit.__version__}, {os.cpu_count()} CPUs; "
        "AppTest times include AppTest's own message handling (the same for every script)."
    )
    print(
        textwrap.fill(
            "postScriptGC: not settable in AppTest (st.set_option refuses it; AppTest's runner never "
            "runs it); '+ gc(2)' adds a timed gc.collect(2) after each rerun to emulate it.",
            100,
        )
    )
    full = cat.questionnaire("ess-territoires")
    largest = max(
        range(len(full.dimensions)),
        key=lambda i: sum(applies(x, AUTHORITY_TYPE, cat.territories) for x in full.dimensions[i].questions),
    )
    bench_step("ess-territoires-express", 8, args.runs, folder)
    bench_step("ess-territoires", 1, args.runs, folder)
    bench_step("ess-territoires", largest + 1, args.runs, folder)


if __name__ == "__main__":
    main()
