"""Static PNG/SVG export of plotly figures through one warm kaleido browser, shared by all threads.

kaleido's own `start_sync_server()` hangs forever when its browser fails to start (its worker
thread dies and the caller waits on a queue nobody serves), and it has no timeout. This module
keeps the same design — one browser, one event-loop thread, calls serialised — on kaleido's
public `Kaleido` class, so that a dead or missing browser becomes an error, not a hang.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import hashlib
import json
import os
import shutil
import threading
from collections import OrderedDict
from collections.abc import Coroutine
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, TypeVar

import kaleido
import plotly.graph_objects as go
from kaleido.errors import ChromeNotFoundError

DEBIAN_CHROMIUM = Path("/usr/bin/chromium")
RESTART_AFTER = 100  # images per browser before a restart (kaleido’s memory grows: PR #425; ~0.8 MiB an image here)
START_TIMEOUT = 60.0  # seconds
RENDER_TIMEOUT = 45.0  # seconds per image
CACHE_SIZE = 48  # rendered images kept, about 250 KB each
T = TypeVar("T")

NO_BROWSER = (
    "Export d’image impossible : aucun navigateur Chrome ou Chromium n’a été trouvé. "
    "Installez le paquet Debian « chromium » (apt-get install chromium) "
    "ou indiquez son chemin dans la variable d’environnement BROWSER_PATH."
)


# The name is part of the public API agreed with the app (N818 would want an "Error" suffix).
class ExportUnavailable(RuntimeError):  # noqa: N818
    """Static images cannot be produced here (no browser, or the browser keeps failing)."""


class _WarmBrowser:
    """One kaleido browser on its own event loop, restarted after `RESTART_AFTER` images or a failure."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: kaleido.Kaleido | None = None
        self._count = 0
        self.starts = 0

    def _run(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coro, self._loop)
        try:
            return future.result(timeout)
        except FutureTimeout:
            future.cancel()
            raise

    def _start(self) -> None:
        if self._loop is None or self._thread is None or not self._thread.is_alive():
            self._loop = asyncio.new_event_loop()
            self._thread = threading.Thread(target=self._loop.run_forever, name="kaleido-browser", daemon=True)
            self._thread.start()

        async def open_browser() -> kaleido.Kaleido:
            browser = kaleido.Kaleido(n=1, timeout=RENDER_TIMEOUT, mathjax=False)
            await browser.open()
            return browser

        try:
            self._kaleido = self._run(open_browser(), START_TIMEOUT)
        except ChromeNotFoundError as exc:
            raise ExportUnavailable(NO_BROWSER) from exc
        except Exception as exc:
            where = os.environ.get("BROWSER_PATH", "Chrome")
            raise ExportUnavailable(
                f"Export d’image impossible : le navigateur ({where}) n’a pas pu démarrer ({type(exc).__name__}). "
                "Vérifiez que le paquet Debian « chromium » est complet, ou indiquez un autre navigateur dans "
                "la variable d’environnement BROWSER_PATH."
            ) from exc
        self._count = 0
        self.starts += 1

    def _stop(self) -> None:
        browser, self._kaleido = self._kaleido, None
        if browser is not None and self._loop is not None:
            with contextlib.suppress(Exception):  # a browser that already died cannot be closed
                self._run(browser.close(), 15.0)

    def render(self, fig: dict[str, Any], opts: dict[str, Any]) -> bytes:
        """Render with the warm browser; restart it once if it died, then give up with ExportUnavailable."""
        with self._lock:
            _ensure_browser_path()
            for attempt in (1, 2):
                if self._kaleido is None or self._count >= RESTART_AFTER:
                    self._stop()
                    self._start()
                assert self._kaleido is not None
                try:
                    data = self._run(self._kaleido.calc_fig(fig, opts=opts), RENDER_TIMEOUT + 5)
                except Exception as exc:
                    self._stop()
                    if attempt == 2:
                        raise ExportUnavailable(
                            f"Le navigateur n’a pas pu produire l’image ({type(exc).__name__})."
                        ) from exc
                    continue
                self._count += 1
                return bytes(data) if not isinstance(data, str) else data.encode("utf-8")
        raise AssertionError("unreachable")

    def warm(self) -> None:
        """Start the browser now if it is not running (errors are left for the first real export)."""
        with self._lock:
            _ensure_browser_path()
            if self._kaleido is None:
                with contextlib.suppress(ExportUnavailable):
                    self._start()

    def shutdown(self) -> None:
        """Close the browser and stop the event loop (at exit, or to free memory)."""
        with self._lock:
            self._stop()
            if self._loop is not None:
                self._loop.call_soon_threadsafe(self._loop.stop)
                if self._thread is not None:
                    self._thread.join(5)
            self._loop, self._thread = None, None


_BROWSER = _WarmBrowser()
atexit.register(_BROWSER.shutdown)
# Recent images: a page rebuilding the same report (e.g. on every Streamlit rerun) renders each chart once.
_CACHE: OrderedDict[str, bytes] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def _ensure_browser_path() -> None:
    """Point kaleido at Debian's chromium unless BROWSER_PATH already says where Chrome is."""
    if not os.environ.get("BROWSER_PATH") and DEBIAN_CHROMIUM.exists():
        os.environ["BROWSER_PATH"] = str(DEBIAN_CHROMIUM)


def unavailable_reason() -> str | None:
    """A French sentence if no Chrome/Chromium can be found for exports, else None (cheap: no start)."""
    _ensure_browser_path()
    given = os.environ.get("BROWSER_PATH")
    if given:
        return None if Path(given).exists() else NO_BROWSER
    found = any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome", "chrome"))
    return None if found else NO_BROWSER


def _export(fig: go.Figure, fmt: str, width: int, height: int, scale: float) -> bytes:
    """Render, or reuse the bytes of the same figure rendered with the same options a moment ago."""
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    spec = fig.to_dict()
    key = hashlib.sha256(json.dumps([spec, opts], sort_keys=True, default=str).encode()).hexdigest()
    with _CACHE_LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    data = _BROWSER.render(spec, opts)
    with _CACHE_LOCK:
        _CACHE[key] = data
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return data


def figure_png(fig: go.Figure, width: int = 900, height: int = 700, scale: float = 2) -> bytes:
    """PNG bytes of a figure, `width × scale` by `height × scale` pixels."""
    return _export(fig, "png", width, height, scale)


def figure_svg(fig: go.Figure, width: int = 900, height: int = 700, scale: float = 1) -> bytes:
    """SVG bytes of a figure (UTF-8 XML)."""
    return _export(fig, "svg", width, height, scale)


def warm_up_in_background() -> threading.Thread:
    """Start the export browser in a background thread, so the first download does not wait for it."""
    thread = threading.Thread(target=_BROWSER.warm, name="kaleido-warm-up", daemon=True)
    thread.start()
    return thread


def browser_starts() -> int:
    """How many times the export browser has been started in this process (for benchmarks)."""
    return _BROWSER.starts


def browser_pid() -> int | None:
    """Process id of the warm browser, or None when none is running (for diagnostics and tests)."""
    browser = _BROWSER._kaleido
    process = getattr(browser, "subprocess", None)
    return int(process.pid) if process is not None else None


def shutdown_browser() -> None:
    """Close the export browser now and forget cached images; the next export starts a new browser."""
    _BROWSER.shutdown()
    clear_cache()


def clear_cache() -> None:
    """Forget the recently rendered images."""
    with _CACHE_LOCK:
        _CACHE.clear()
