"""Errors raised while reading content files, worded in French for the people who edit them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentIssue:
    """One problem in a content file: where it is and what is wrong."""

    file: str
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.path:
            where += f", {self.path}"
        if self.line is not None:
            where += f" (ligne {self.line})"
        return f"{where} : {self.message}"


class ContentError(Exception):
    """One or more content files are invalid; `issues` lists every problem found."""

    def __init__(self, issues: list[ContentIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def format_path(loc: tuple[str | int, ...]) -> str:
    """Render a location such as ('dimensions', 3, 'questions') as `dimensions[3].questions`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_PYDANTIC_MESSAGES = {
    "missing": "champ obligatoire absent",
    "extra_forbidden": "clé inconnue (vérifiez l’orthographe)",
    "string_type": "texte attendu",
    "int_type": "nombre entier attendu",
    "int_parsing": "nombre entier attendu",
    "int_from_float": "nombre entier attendu",
    "float_type": "nombre attendu",
    "float_parsing": "nombre attendu",
    "bool_type": "valeur vrai/faux attendue (true ou false)",
    "bool_parsing": "valeur vrai/faux attendue (true ou false)",
    "list_type": "liste attendue",
    "dict_type": "table clé : valeur attendue",
    "model_type": "table clé : valeur attendue",
    "string_too_short": "texte vide",
    "string_too_long": "texte trop long",
    "string_pattern_mismatch": "identifiant invalide",
    "url_parsing": "adresse invalide",
}


def translate_pydantic(error_type: str, ctx: dict[str, object] | None, msg: str) -> str:
    """French wording for one pydantic error."""
    ctx = ctx or {}
    if error_type in ("too_short", "too_long"):
        n = ctx.get("min_length" if error_type == "too_short" else "max_length")
        bound = "au moins" if error_type == "too_short" else "au plus"
        return f"il faut {bound} {n} élément(s)"
    if error_type in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        word = {
            "greater_than": "strictement supérieure à",
            "greater_than_equal": "supérieure ou égale à",
            "less_than": "strictement inférieure à",
            "less_than_equal": "inférieure ou égale à",
        }[error_type]
        limit = next(iter(ctx.values()), "?")
        shown = f"{limit:g}" if isinstance(limit, int | float) else str(limit)
        return f"la valeur doit être {word} {shown}"
    if error_type == "literal_error":
        return f"valeur non reconnue, valeurs possibles : {ctx.get('expected', '?')}"
    if error_type == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^https"):
            return "adresse invalide : elle doit commencer par https://"
        return "identifiant invalide : minuscules sans accents, chiffres, « _ » ou « - », 64 caractères au plus"
    if error_type == "value_error":
        return str(ctx.get("error", msg))
    return _PYDANTIC_MESSAGES.get(error_type, msg)
