"""The links a workshop hands out (join, facilitator) and the QR code projected on the wall."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit, urlunsplit

import segno

from services import params

JOIN_PATH = "rejoindre"
DASHBOARD_PATH = "tableau-de-bord"
NEW_PATH = "animer"
PRESENTER_PATH = "projection"
FALLBACK_BASE = "http://localhost:8501"


def app_base(url: str | None, page_path: str) -> str:
    """The app's root URL from the URL of one of its pages (query and page path removed)."""
    if not url:
        return FALLBACK_BASE
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    if path.endswith("/" + page_path) or path == page_path:
        path = path[: -len(page_path)].rstrip("/")
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def join_link(base: str, code: str) -> str:
    """`<base>/rejoindre?code=ABC234`."""
    return f"{base}/{JOIN_PATH}?{urlencode({params.JOIN_CODE: code})}"


def facilitator_link(base: str, token: str) -> str:
    """`<base>/tableau-de-bord?animation=<token>`: whoever has it runs the workshop."""
    return f"{base}/{DASHBOARD_PATH}?{urlencode({params.FACILITATOR: token})}"


def presenter_link(base: str, token: str) -> str:
    """`<base>/projection?ecran=<token>`: the read-only view to project, safe to show to the room."""
    return f"{base}/{PRESENTER_PATH}?{urlencode({params.PRESENTER: token})}"


def display_code(code: str) -> str:
    """« ABC-234 »: easier to read aloud and to copy from a wall (dashes are ignored when typed)."""
    return f"{code[:3]}-{code[3:]}" if len(code) == 6 else code


def qr_png(link: str, scale: int = 10) -> bytes:
    """The QR code of a link as a PNG (segno, error correction M, quiet zone of 4 modules)."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_svg(link: str) -> bytes:
    """The QR code as an SVG file, to print or project at any size."""
    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(
        buffer, kind="svg", scale=10, border=4, title="QR code pour rejoindre l’atelier", encoding="utf-8"
    )
    return buffer.getvalue()
