"""How a workshop is handed out: the big join code, the join link, its QR code, the facilitator link."""

from __future__ import annotations

import html

import streamlit as st

from services import WorkshopRecord
from workshops import links


def base_url(page_path: str) -> str:
    """The app's root URL as the browser sees it (st.context.url without the page path)."""
    return links.app_base(st.context.url, page_path)


def join_panel(workshop: WorkshopRecord, base: str) -> None:
    """Code, link and QR code to project on the wall."""
    code = links.display_code(workshop.join_code)
    link = links.join_link(base, workshop.join_code)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.markdown("**Code pour rejoindre l’atelier**")
        # The code comes from our own alphabet (letters and digits); escaped all the same.
        st.html(
            f'<p role="text" aria-label="Code {html.escape(" ".join(workshop.join_code))}" '
            f'style="font-size:4.5rem;font-weight:700;letter-spacing:0.12em;margin:0;'
            f'font-family:DejaVu Sans Mono,monospace">{html.escape(code)}</p>'
        )
        st.markdown("**Lien pour rejoindre**")
        st.code(link, language=None)
        st.caption(
            "Les participants ouvrent ce lien ou scannent le QR code, puis choisissent leur rôle. "
            "Le code peut aussi être saisi à la main, avec ou sans tiret, en majuscules ou minuscules."
        )
    with right:
        st.image(
            links.qr_png(link),
            caption=f"QR code du lien pour rejoindre ({code})",
            width=300,
            alt=f"QR code qui ouvre le lien pour rejoindre l’atelier, code {code}\u00a0; le même lien est écrit à côté.",
        )
        st.download_button(
            "Télécharger le QR code (SVG)",
            data=links.qr_svg(link),
            file_name=f"atelier-{workshop.join_code.lower()}-qr.svg",
            mime="image/svg+xml",
            on_click="ignore",
            icon=":material/qr_code_2:",
            key=f"qr_svg:{workshop.id}",
        )


def facilitator_panel(workshop: WorkshopRecord, base: str) -> None:
    """The private facilitator link, with a warning to keep it private."""
    link = links.facilitator_link(base, workshop.facilitator_token)
    st.markdown("**Votre lien d’animation (privé)**")
    st.code(link, language=None)
    st.warning(
        "Gardez ce lien pour vous : il ouvre le tableau de bord, la consolidation et la clôture de l’atelier. "
        "Ne le projetez pas et ne le donnez pas aux participants. Notez-le avant de fermer cette page : "
        "il ne sera plus affiché ailleurs.",
        icon=":material/lock:",
    )
