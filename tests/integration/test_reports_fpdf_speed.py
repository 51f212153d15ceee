"""fpdf2 speed-ups (`reports.fpdf_speed`): faster, and the same pages as fpdf2 alone would print."""

from __future__ import annotations

import subprocess
from pathlib import Path

from fpdf import FPDF, line_break

from reports.document import FAMILY, ReportDocument, font_files
from reports.fpdf_speed import IncrementalLine

FPDF2_LINE = IncrementalLine.__bases__[0]
TEXT = (
    "Le budget prévu : 15 000 € ; « œuvre » commune, très appréciée, reçue à l’unanimité — ça avance ! "
    "La collectivité soutient l’économie sociale et solidaire par la commande publique responsable, "
    "l’animation des acteurs, l’observation et la sensibilisation des élus. "
) * 6


def _lines(pdf: FPDF, width: float) -> list[str]:
    pdf.add_page()
    lines = pdf.multi_cell(width, 5, TEXT, dry_run=True, output="LINES")
    assert isinstance(lines, list)
    return [str(line) for line in lines]


def test_incremental_line_widths_break_paragraphs_exactly_where_fpdf2_does() -> None:
    ours = ReportDocument("CC", "t")
    original = FPDF()
    for style, path in font_files().items():
        original.add_font(FAMILY, style, str(path))
    for size, width in ((10, 174.0), (8.5, 60.0), (13, 95.5)):
        ours.set_font(FAMILY, "", size)
        original.set_font(FAMILY, "", size)
        fast = _lines(ours, width)
        line_break.CurrentLine = FPDF2_LINE  # fpdf2's own class, for the reference
        try:
            slow = _lines(original, width)
        finally:
            line_break.CurrentLine = IncrementalLine
        assert fast == slow and len(fast) > 3


def _text_of(data: bytes, tmp_path: Path, name: str) -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def test_reports_sharing_parsed_fonts_each_embed_the_characters_they_print(tmp_path: Path) -> None:
    texts = ("Œuvre commune : 15 000 € « très » appréciée", "Ça avance, déjà ŒÇ€ ? Oui !", "plain ascii only")
    built = []
    for text in texts:
        doc = ReportDocument("CC", "t")
        doc.add_page()
        doc.set_font(FAMILY, "B", 12)
        doc.multi_cell(0, 6, text)
        built.append(bytes(doc.output()))
    for n, (text, data) in enumerate(zip(texts, built, strict=True)):
        assert " ".join(text.split()) in " ".join(_text_of(data, tmp_path, f"d{n}").split())
    assert len(built[2]) < len(built[0])  # a font subset per document, not one growing subset for all
