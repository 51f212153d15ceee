"""The authority-profile fields, shared by the profile page and the workshop creation form."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import streamlit as st

from scoring.models import Profile
from ui.resources import catalogue

PROFILE_FIELDS: tuple[str, ...] = tuple(Profile.model_fields)
"""The profile's fields, from its model: name, type, population band, région."""


def profile_fields(key: Callable[[str], str], *, preset: bool) -> dict[str, str | None]:
    """Name, type, population band and région inputs (inside a form); returns what they hold.

    `preset`: the widgets' values are already in session state (editing a saved profile), so no
    default is passed; otherwise the selects start empty.
    """
    terr = catalogue().territories
    choices = {
        "authority_type": (
            "Type de collectivité",
            {a.id: a.label for a in terr.authority_types},
            "Choisissez un type",
            "Il détermine les questions posées et le kit de fiches du RTES recommandé.",
        ),
        "population_band": (
            "Population",
            {b.id: b.label for b in terr.population_bands},
            "Choisissez une tranche",
            None,
        ),
        "region": ("Région", {r.id: r.label for r in terr.regions}, "Choisissez une région", None),
    }
    values: dict[str, str | None] = {
        "name": st.text_input(
            "Nom de la collectivité",
            max_chars=200,
            key=key("name"),
            placeholder="Ex.\u00a0: Communauté de communes du Pays de Caux",
        )
    }
    for field, (label, options, placeholder, help_text) in choices.items():
        # The type is required: Streamlit blocks the form and says so next to the field (and the
        # page checks it again on submit).
        # A preset widget takes its value from session state: passing `index` too would clash with it.
        select: Any = st.selectbox if preset else functools.partial(st.selectbox, index=None)
        values[field] = select(
            label,
            list(options),
            format_func=options.__getitem__,
            placeholder=placeholder,
            key=key(field),
            help=help_text,
            required=field == "authority_type",
        )
    return values


def as_profile(values: dict[str, str | None]) -> Profile:
    """The profile the fields hold: trimmed name, empty fields left out."""
    out = {k: (v.strip() if k == "name" and v else v) for k, v in values.items()}
    return Profile.model_validate({k: v for k, v in out.items() if v})
