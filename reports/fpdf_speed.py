"""Two speed-ups for fpdf2 2.8.9 (pinned), measured in BENCHMARKS.md: together about half of a report's build.

- `add_parsed_font`: a TrueType font is parsed once per process (about 20 ms a style, four styles
  per report); each document gets a copy with its own per-document state (font number, subset of
  used glyphs, a fresh lazily-read fontTools object, since `output()` subsets that one in place).
- `IncrementalLine`: fpdf2's line breaker re-measures the whole line for every character it adds
  (quadratic in the line length: 2 million width look-ups for a full report); this subclass only
  measures the characters added since the last call. Same widths whenever they are additive (no
  text shaping, no font stretching), which is all this project uses; otherwise it measures as fpdf2.
"""

from __future__ import annotations

import copy
import functools
import threading
from pathlib import Path

from fontTools import ttLib
from fpdf import FPDF, line_break
from fpdf.fonts import SubsetMap, TTFFont

_PARSE_LOCK = threading.Lock()


@functools.cache
def _parsed(path: Path, fontkey: str, style: str) -> TTFFont:
    """The font as fpdf2 parses it, for a throwaway document (only its read-only parts are reused)."""
    return TTFFont(FPDF(), path, fontkey, style)


def _fresh_ttfont(parsed: ttLib.TTFont, path: Path) -> ttLib.TTFont:
    """A new fontTools font on the file, given copies of the two tables fpdf2 parsed (output() prunes them)."""
    fresh = ttLib.TTFont(path, recalcTimestamp=False, lazy=True)
    hmtx = copy.copy(parsed["hmtx"])
    hmtx.metrics = dict(parsed["hmtx"].metrics)
    cmap = copy.copy(parsed["cmap"])
    cmap.tables = [copy.copy(table) for table in parsed["cmap"].tables]
    for table in cmap.tables:
        table.cmap = dict(table.cmap)
    fresh.tables["hmtx"], fresh.tables["cmap"] = hmtx, cmap
    return fresh


def add_parsed_font(pdf: FPDF, family: str, style: str, path: Path) -> None:
    """`pdf.add_font(family, style, path)` without parsing the file again in this process."""
    fontkey = f"{family.lower()}{style}"
    with _PARSE_LOCK:
        parsed = _parsed(path, fontkey, style)
    font = copy.copy(parsed)  # shares cmap, glyph ids, widths and descriptor (never written after parsing)
    font.i = len(pdf.fonts) + 1
    font.ttfont = _fresh_ttfont(parsed.ttfont, path)
    font.missing_glyphs = []
    font.biggest_size_pt = 0
    font._hbfont = None
    font.subset = SubsetMap(font)
    pdf.fonts[fontkey] = font


class IncrementalLine(line_break.CurrentLine):
    """A line whose width is kept up to date as characters are added, instead of re-measured."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._measured: list[tuple[line_break.Fragment, int, float]] = []

    @property
    def width(self) -> float:
        total = 0.0
        for i, fragment in enumerate(self.fragments):
            count = len(fragment.characters)
            known = self._measured[i] if i < len(self._measured) else None
            additive = not fragment.text_shaping_parameters and fragment.font_stretching == 100
            if known is not None and known[0] is fragment and known[1] <= count and additive:
                width = known[2] + (fragment.get_width(start=known[1]) if count > known[1] else 0.0)
            else:
                width = fragment.get_width(initial_cs=i > 0)
            entry = (fragment, count, width)
            if i < len(self._measured):
                self._measured[i] = entry
            else:
                self._measured.append(entry)
            total += width
        del self._measured[len(self.fragments) :]
        return total


def install_incremental_lines() -> None:
    """Make fpdf2's line breaker use `IncrementalLine` (idempotent, process-wide)."""
    line_break.CurrentLine = IncrementalLine  # type: ignore[misc]
