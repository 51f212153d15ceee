"""Every page and state of the app, seeded in the database, for the accessibility browser tests.

`seed(store)` creates what the pages need (a finished express diagnostic with an action plan, a
workshop with four participants who answered); `STATES` says how to open each page and state
and what shows it is ready. Shared by test_accessibility.py (axe-core) and test_french.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from playwright.sync_api import Page, expect

from scoring.plan import Action, ActionPlan
from storage import Store
from tests.e2e.diagnostic_steps import EXPRESS, EXPRESS_ANSWERS, wait_for_app

PROFILE = {
    "name": "CC du Val d’Essai",
    "authority_type": "communaute_communes",
    "population_band": "de_10000_a_50000",
    "region": "bretagne",
}
PARTICIPANT_LEVELS = (0, 2, 4, 3)
UNKNOWN_ID = "A" * 32


@dataclass(frozen=True)
class Seeded:
    """Ids of what `seed` created."""

    diagnostic: str
    workshop_token: str
    join_code: str
    participant: str


def seed(store: Store) -> Seeded:
    """A finished express diagnostic with an action plan, and a workshop with four participants."""
    diag = store.create_diagnostic(EXPRESS, PROFILE)
    for question_id, value in EXPRESS_ANSWERS.items():
        store.save_answer(diag, question_id, value)
    store.save_comment(diag, "awareness_elected", "Formation suivie par deux élus.")
    store.save_importance(diag, "awareness", 3)
    store.save_action_plan(
        diag,
        ActionPlan(
            actions=(
                Action(
                    id="a1",
                    dimension_id="observation",
                    what="Réaliser un portrait de l’ESS",
                    lead="Service développement économique",
                    deadline=date(2027, 6, 30),
                    indicator="Portrait publié",
                ),
            )
        ),
    )
    store.set_finished(diag, True)
    workshop = store.create_workshop("Atelier d’essai", EXPRESS, PROFILE)
    participant = ""
    for n, level in enumerate(PARTICIPANT_LEVELS):
        participant = store.join_workshop(workshop.id, ("elu", "technicien")[n % 2], None)
        for question_id in list(EXPRESS_ANSWERS)[:6]:
            store.save_answer(participant, question_id, level)
        store.save_comment(participant, "ess_weight_knowledge", f"Remarque numéro {n + 1}.")
    return Seeded(diag, workshop.facilitator_token, workshop.join_code, participant)


def _heading(name: str) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        expect(page.get_by_role("heading", name=name, exact=True).first).to_be_visible()

    return ready


def _text(text: str) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        expect(page.get_by_text(re.compile(re.escape(text))).first).to_be_visible()

    return ready


def _open_dashboard_tab(name: str) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        _heading("Tableau de bord de l’atelier")(page)
        page.get_by_role("tab", name=name).click()
        wait_for_app(page)

    return ready


def _submit_empty(title: str, button: str) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        _heading(title)(page)
        page.get_by_role("button", name=button).click()
        # Streamlit checks required fields in the browser; if the click beats that check, the
        # server's own check answers: either way an error shows.
        expect(page.locator("[aria-invalid='true'], [data-testid='stAlert']").first).to_be_attached()

    return ready


def _profile_without_type(page: Page) -> None:
    _heading("Profil de la collectivité")(page)
    page.get_by_role("textbox", name="Nom de la collectivité").fill("")
    page.get_by_role("textbox", name="Nom de la collectivité").fill("Essai")
    page.keyboard.press("Tab")
    wait_for_app(page)


def _join_unknown_code(page: Page) -> None:
    _heading("Rejoindre un atelier")(page)
    page.get_by_role("textbox", name="Code de l’atelier").fill("ABC-DEF")
    page.get_by_text("Élu ou élue de la collectivité").click()
    page.get_by_role("button", name="Rejoindre l’atelier").click()
    expect(page.get_by_text("Aucun atelier ne correspond au code")).to_be_visible()


def _typing_comment(page: Page) -> None:
    _heading("Questionnaire")(page)
    page.get_by_text("Commentaire sur la question 1", exact=False).first.click()
    page.get_by_role("textbox", name=re.compile(r"^Commentaire sur la question 1\s:")).type("En cours de saisie")
    expect(page.get_by_text("Appuyez sur Ctrl+Entrée pour appliquer")).to_be_visible()


def _typing_in_form(page: Page) -> None:
    _heading("Profil de la collectivité")(page)
    page.get_by_role("textbox", name="Nom de la collectivité").fill("CC en cours de saisie")
    expect(page.get_by_text("Appuyez sur Entrée pour valider le formulaire")).to_be_visible()


def _open_join_panel(page: Page) -> None:
    _heading("Tableau de bord de l’atelier")(page)
    page.get_by_text("Code, lien et QR code pour rejoindre").click()
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()


def _open_select(label: str) -> Callable[[Page], None]:
    def ready(page: Page) -> None:
        _heading("Plan d’action")(page)
        page.get_by_role("combobox", name=label).first.click()
        page.keyboard.type("zzz")
        page.wait_for_timeout(300)

    return ready


def _open_date(page: Page) -> None:
    _heading("Plan d’action")(page)
    page.get_by_role("button", name="Choisir une date").first.click()
    page.wait_for_timeout(300)


@dataclass(frozen=True)
class State:
    """One page or state: its name, its path (with {d}, {token}, {code}, {p} filled in), how it is ready."""

    name: str
    path: str
    ready: Callable[[Page], None]

    def url(self, base: str, seeded: Seeded) -> str:
        """The full URL of this state for the seeded data."""
        return base + self.path.format(
            d=seeded.diagnostic, token=seeded.workshop_token, code=seeded.join_code, p=seeded.participant
        )


STATES: tuple[State, ...] = (
    State("accueil", "/", _heading("Autodiagnostic ESS des territoires")),
    State("profil", "/profil?d={d}", _heading("Profil de la collectivité")),
    State("profil-saisie-en-cours", "/profil?d={d}", _typing_in_form),
    State("questionnaire-etape-1", "/questionnaire?d={d}", _heading("Questionnaire")),
    State("questionnaire-etape-2", "/questionnaire?d={d}&etape=2", _heading("Questionnaire")),
    State("questionnaire-commentaire-en-cours", "/questionnaire?d={d}", _typing_comment),
    State("resultats", "/resultats?d={d}", _heading("Résultats")),
    State("plan-action", "/plan-action?d={d}", _heading("Plan d’action")),
    State("plan-action-liste-ouverte", "/plan-action?d={d}", _open_select("Partenaires")),
    State("plan-action-calendrier", "/plan-action?d={d}", _open_date),
    State("methode", "/methode", _heading("Méthode et calculs")),
    State("rejoindre", "/rejoindre", _heading("Rejoindre un atelier")),
    State("rejoindre-avec-code", "/rejoindre?code={code}", _heading("Rejoindre un atelier")),
    State("participant", "/questionnaire?d={p}", _heading("Questionnaire")),
    State("animer", "/animer", _heading("Animer un atelier")),
    State("animer-champs-manquants", "/animer", _submit_empty("Animer un atelier", "Créer l’atelier")),
    State("profil-champ-manquant", "/profil?d={d}", _profile_without_type),
    State("rejoindre-code-inconnu", "/rejoindre", _join_unknown_code),
    State("tableau-de-bord", "/tableau-de-bord?animation={token}", _heading("Tableau de bord de l’atelier")),
    State("tableau-de-bord-qr-code", "/tableau-de-bord?animation={token}", _open_join_panel),
    State(
        "tableau-de-bord-repartition",
        "/tableau-de-bord?animation={token}",
        _open_dashboard_tab("Répartition des réponses"),
    ),
    State("tableau-de-bord-ordre-du-jour", "/tableau-de-bord?animation={token}", _open_dashboard_tab("Ordre du jour")),
    State("tableau-de-bord-commentaires", "/tableau-de-bord?animation={token}", _open_dashboard_tab("Commentaires")),
    State("accessibilite", "/accessibilite", _heading("Déclaration d’accessibilité")),
    State("lien-inconnu", f"/resultats?d={UNKNOWN_ID}", _text("Ce lien ne correspond à aucun diagnostic")),
    State("page-introuvable", "/cette-page-n-existe-pas", _text("Page introuvable")),
)


def tall_viewport(page: Page) -> None:
    """Make the viewport as tall as the page (Streamlit scrolls inside its main area, not the body)."""
    height = page.evaluate(
        "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer],"
        " [data-testid=stSidebarContent], body')].map(e => e.scrollHeight))"
    )
    size = page.viewport_size or {"width": 1280, "height": 800}
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    page.wait_for_timeout(400)


def screenshot(page: Page, folder: Path, name: str) -> None:
    """A full-page screenshot under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)


# Words of the framework's English (Streamlit, baseweb, react-aria, plotly) that are not French
# words too (« page », « date », « table », « options », « menu », « file », « main », « sort », « stop »,
# « zoom », « record ») are left out.
# fmt: off
ENGLISH_WORDS = frozenset((
    "the", "to", "of", "and", "you", "your", "here", "drag", "drop", "upload", "uploads", "browse", "per", "select",
    "clear", "choose", "press", "enter", "submit", "apply", "found", "not", "connection", "connected", "skip",
    "copy", "copied", "clipboard", "icon", "link", "heading", "close", "open", "show", "hide", "password", "sidebar",
    "collapse", "expand", "search", "download", "fullscreen", "exit", "remove", "delete", "available", "results",
    "result", "month", "day", "year", "previous", "next", "running", "view", "more", "less", "help", "please",
    "wait", "try", "again", "anyway", "empty", "pan", "reset", "autoscale", "rerun", "settings", "print", "about",
    "deploy", "made", "with", "yyyy", "dd", "loading", "connecting", "invalid", "required", "columns", "rows",
    "ascending", "descending", "dismiss", "selected", "values", "limit", "app", "error", "is", "does",
    "seem", "exist", "requested",
))
# fmt: on
_WORD = re.compile(r"(?<![\w\-/.:?=&])[A-Za-z']+(?![\w\-/.:?=&])")
_URL = re.compile(r"https?://\S+")

# Every text node and accessible name a person or a screen reader meets: all text but icon
# ligatures (« upload », « expand_more », hidden from screen readers), and the aria-label, title,
# alt, placeholder… attributes.
_TEXTS_JS = """() => {
  const out = [];
  const hidden = (el) => el.closest('[data-testid="stIconMaterial"], script, style, noscript');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const text = node.nodeValue.trim();
    if (text && node.parentElement && !hidden(node.parentElement)) out.push(text);
  }
  const attrs = ['aria-label', 'title', 'alt', 'placeholder', 'aria-placeholder', 'aria-valuetext',
                 'aria-roledescription', 'aria-description'];
  for (const el of document.querySelectorAll('*')) {
    if (hidden(el)) continue;
    for (const a of attrs) { const v = el.getAttribute(a); if (v) out.push(a + '=' + v); }
  }
  out.push('title=' + document.title);
  return out;
}"""


def english_found(page: Page) -> list[str]:
    """The texts and accessible names of the page that hold an English word, with the word."""
    found = []
    for text in page.evaluate(_TEXTS_JS):
        words = {w.lower().strip("'") for w in _WORD.findall(_URL.sub(" ", text))}
        hits = sorted(words & ENGLISH_WORDS)
        if hits:
            found.append(f"{hits}: {text[:120]!r}")
    return found
