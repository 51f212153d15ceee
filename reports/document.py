"""The A4 PDF page furniture: DejaVu fonts, running header and footer, headings, text and tables."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode

from reports.fpdf_speed import add_parsed_font, install_incremental_lines
from scoring.french import plain, typeset

install_incremental_lines()

FONT_DIRS = (Path(os.environ.get("REPORTS_FONT_DIR", "/usr/share/fonts/truetype/dejavu")),)
FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
FAMILY = "DejaVu"
INK = (34, 34, 34)
MUTED = (100, 100, 100)
ACCENT = (0, 84, 140)  # darker Okabe–Ito blue, readable as text
RULE = (190, 190, 190)
HEAD_FILL = (225, 236, 245)
ZEBRA = (246, 246, 246)
MARGIN = 18.0


@dataclass(frozen=True)
class Para:
    """A paragraph to print later, so that a group of them can be kept on one page."""

    text: str
    size: float = 10
    style: str = ""
    colour: tuple[int, int, int] = INK
    user_text: bool = False
    indent: float = 0.0
    after: float = 1.5


# Named like `reports.images.ExportUnavailable`, which the app catches (N818 wants an "Error" suffix).
class FontUnavailable(RuntimeError):  # noqa: N818
    """The DejaVu Sans files are missing: the PDF cannot print French text faithfully."""


def font_files() -> dict[str, Path]:
    """Paths of DejaVu Sans regular, bold, oblique (and bold oblique when present)."""
    for folder in FONT_DIRS:
        found = {style: folder / name for style, name in FONT_FILES.items() if (folder / name).is_file()}
        if all(style in found for style in ("", "B", "I")):
            return found
    where = ", ".join(str(d) for d in FONT_DIRS)
    raise FontUnavailable(
        f"Police DejaVu Sans introuvable (cherchée dans {where}). Installez le paquet Debian "
        "« fonts-dejavu-core » (apt-get install fonts-dejavu-core) ou indiquez le dossier des polices "
        "dans la variable d’environnement REPORTS_FONT_DIR."
    )


class ReportDocument(FPDF):
    """An A4 report: running header with the authority's name after the cover, « page N / M » footer."""

    def __init__(self, authority: str, title: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        for style, path in font_files().items():
            add_parsed_font(self, FAMILY, style, path)
        self.authority = authority
        self.set_title(title)
        self.set_author("Autodiagnostic ESS des territoires")
        self.set_creator("Autodiagnostic ESS des territoires")
        self.set_lang("fr-FR")
        self.set_margins(MARGIN, 20, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.set_font(FAMILY, size=10)
        self.set_text_color(*INK)

    @property
    def body_width(self) -> float:
        """Width between the margins, in mm."""
        return float(self.w - self.l_margin - self.r_margin)

    def header(self) -> None:
        """Authority name and report title on every page but the cover."""
        if self.page_no() == 1:
            return
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.set_xy(self.l_margin, 9)
        self.cell(self.body_width / 2, 5, typeset(self.authority)[:90], align="L")
        self.cell(self.body_width / 2, 5, "Autodiagnostic ESS des territoires", align="R")
        self.set_draw_color(*RULE)
        self.line(self.l_margin, 14.5, self.w - self.r_margin, 14.5)
        self.set_xy(self.l_margin, 20)
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)

    def footer(self) -> None:
        """« page N / M », centred."""
        self.set_y(-12)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, f"page {self.page_no()} / {{nb}}", align="C")
        self.set_text_color(*INK)

    def ensure_space(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one (keeps headings with what follows)."""
        if self.will_page_break(height):
            self.add_page()

    def heading(self, text: str, level: int = 1, keep_with: float = 30.0) -> None:
        """A section (1), sub-section (2) or item (3) heading, never alone at the bottom of a page."""
        size, space = {1: (17, 4.0), 2: (13, 3.0), 3: (11, 2.0)}[level]
        self.ensure_space(space + size * 0.6 + keep_with)
        if self.get_y() > self.t_margin + 1:
            self.ln(space)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*(ACCENT if level < 3 else INK))
        self.multi_cell(0, size * 0.5, typeset(text), align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)
        self.ln(1.5 if level == 3 else 2.5)

    def paragraph(
        self,
        text: str,
        size: float = 10,
        style: str = "",
        colour: tuple[int, int, int] = INK,
        user_text: bool = False,
        indent: float = 0.0,
        after: float = 1.5,
    ) -> None:
        """A left-aligned paragraph; user text is printed as typed (control characters removed)."""
        self.set_font(FAMILY, style, size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        content = typeset(plain(text)) if user_text else typeset(text)
        self.multi_cell(self.body_width - indent, size * 0.48, content, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)
        if after:
            self.ln(after)

    def block(self, paras: Sequence[Para], after: float = 0.0) -> None:
        """Print paragraphs together: a new page first unless they all fit on this one (up to a page)."""
        room = self.page_break_trigger - self.get_y()
        if self._rough_height(paras) + after > room:  # measuring is as slow as printing: only near the end
            height = after + sum(self._height(para) for para in paras)
            if height < self.eph:
                self.ensure_space(height)
        for para in paras:
            self.paragraph(para.text, para.size, para.style, para.colour, para.user_text, para.indent, para.after)
        self.ln(after)

    def _rough_height(self, paras: Sequence[Para]) -> float:
        """An overestimate of the height of paragraphs (wide characters, one extra line each)."""
        total = 0.0
        for para in paras:
            per_line = max(1.0, (self.body_width - para.indent) / (0.3 * para.size))
            lines = sum(len(part) / per_line + 1 for part in para.text.split("\n")) + 1
            total += lines * para.size * 0.48 + para.after
        return total

    def _height(self, para: Para) -> float:
        """The exact printed height of a paragraph."""
        self.set_font(FAMILY, para.style, para.size)
        content = typeset(plain(para.text)) if para.user_text else typeset(para.text)
        measured = self.multi_cell(
            self.body_width - para.indent, para.size * 0.48, content, dry_run=True, output="HEIGHT"
        )
        assert isinstance(measured, float | int)
        return float(measured) + para.after

    def bullet(self, text: str, size: float = 10, indent: float = 4.0) -> None:
        """A bulleted line with a hanging indent."""
        self.set_font(FAMILY, "", size)
        self.set_x(self.l_margin + indent)
        self.cell(4, size * 0.48, "•")
        self.multi_cell(
            self.body_width - indent - 4, size * 0.48, typeset(text), align="L", new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(0.8)

    def data_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: Sequence[str] | None = None,
        size: float = 9,
        width: float | None = None,
        x: float | None = None,
        user_columns: Sequence[int] = (),
    ) -> None:
        """A ruled table with a shaded header repeated on each page; `user_columns` are printed as typed."""
        self.set_font(FAMILY, "", size)
        total = width or self.body_width
        aligns = aligns or ["L"] * len(header)
        self.ensure_space(size * 0.5 * 4 + 6)
        self.set_x(self.l_margin if x is None else x)
        with self.table(
            col_widths=tuple(widths),
            width=total,
            align="LEFT",
            text_align=tuple(aligns),
            line_height=size * 0.5,
            padding=(1.2, 1.5),
            cell_fill_color=ZEBRA,
            cell_fill_mode=TableCellFillMode.ROWS,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL, color=INK),
            borders_layout="HORIZONTAL_LINES",
            repeat_headings=1,
            v_align="TOP",
            first_row_as_headings=True,
        ) as table:
            table.row([typeset(h) for h in header])
            for row in rows:
                cells = table.row()
                for i, value in enumerate(row):
                    cells.cell(typeset(plain(value) if i in user_columns else value))
        self.set_font(FAMILY, "", 10)
        self.ln(2)
