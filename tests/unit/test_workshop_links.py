"""Links, QR codes and the facilitator password (the join-code limit: `test_join_throttle.py`)."""

from __future__ import annotations

import segno

from workshops import access, links


def test_the_app_base_is_the_page_url_without_its_page_path_and_query() -> None:
    assert links.app_base("http://127.0.0.1:8501/animer", "animer") == "http://127.0.0.1:8501"
    assert links.app_base("https://ess.example.fr/outil/animer/", "animer") == "https://ess.example.fr/outil"
    assert (
        links.app_base("https://ess.example.fr/tableau-de-bord?animation=x", "tableau-de-bord")
        == "https://ess.example.fr"
    )
    assert links.app_base(None, "animer") == links.FALLBACK_BASE


def test_join_and_facilitator_links_point_at_their_pages() -> None:
    assert links.join_link("https://x.fr", "ABC234") == "https://x.fr/rejoindre?code=ABC234"
    assert links.facilitator_link("https://x.fr", "tok-en_1") == "https://x.fr/tableau-de-bord?animation=tok-en_1"
    assert links.display_code("ABC234") == "ABC-234"


def test_the_qr_code_is_a_png_and_an_svg_of_the_join_link() -> None:
    link = "https://x.fr/rejoindre?code=ABC234"
    png = links.qr_png(link)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(png[16:20], "big")  # IHDR: 10 px a module, quiet zone of 4 modules each side
    assert width == segno.make(link, error="m", micro=False).symbol_size(scale=10, border=4)[0]
    svg = links.qr_svg(link).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "rejoindre l’atelier" in svg


def test_the_facilitator_password_is_compared_exactly() -> None:
    assert access.password_matches("clé secrète", "clé secrète")
    assert not access.password_matches("clé secrete", "clé secrète")
    assert not access.password_matches("", "x")
