"""Safe reading of one YAML content file, keeping line numbers for error messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml

from scoring.errors import ContentError, ContentIssue, format_path

MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML file: its data and its node tree (for line numbers)."""

    name: str
    data: Any
    root: yaml.Node

    def line_of(self, loc: tuple[str | int, ...]) -> int | None:
        """1-based line of the deepest node reachable along `loc`."""
        node: yaml.Node = self.root
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def issue(self, loc: tuple[str | int, ...], message: str) -> ContentIssue:
        """A ContentIssue located at `loc` in this file."""
        return ContentIssue(self.name, format_path(loc), self.line_of(loc), message)


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return cast(yaml.Node, value)
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return cast(yaml.Node, node.value[part])
    return None


def _fail(name: str, message: str, line: int | None = None, path: str = "") -> ContentError:
    return ContentError([ContentIssue(name, path, line, message)])


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 content, refusing empty, oversized or non-UTF-8 files in French."""
    if len(raw) > MAX_BYTES:
        size = f"{len(raw) / 1_000_000:.1f}".replace(".", ",")
        raise _fail(name, f"fichier trop volumineux ({size} Mo ; 1 Mo au plus)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(
            name,
            f"le fichier n’est pas encodé en UTF-8 (octet invalide 0x{raw[exc.start]:02x}) ; enregistrez-le en UTF-8",
            line,
        ) from None
    if not text.strip():
        raise _fail(name, "le fichier est vide")
    return text.removeprefix("\ufeff")


def parse(text: str, name: str) -> YamlDocument:
    """Parse YAML text: no anchors or aliases, no duplicate keys, one mapping document."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            anchored = isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None)
            if anchored:
                raise _fail(
                    name,
                    "les ancres et alias YAML (& et *) ne sont pas acceptés : écrivez chaque valeur en entier",
                    event.start_mark.line + 1 if event.start_mark else None,
                )
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "syntaxe invalide"
        raise _fail(
            name,
            f"syntaxe YAML invalide : vérifiez l’indentation, les deux-points, guillemets et crochets (détail : {problem})",
            line,
        ) from None
    except yaml.YAMLError as exc:
        raise _fail(name, f"syntaxe YAML invalide ({exc})") from None
    if root is None or not isinstance(root, yaml.MappingNode) or not isinstance(data, dict):
        raise _fail(name, "le fichier doit contenir une table clé : valeur (avec une clé « kind »)", 1)
    duplicate = _first_duplicate_key(root)
    if duplicate is not None:
        key, line = duplicate
        raise _fail(name, f"la clé « {key} » apparaît deux fois dans la même table", line)
    return YamlDocument(name, data, root)


def _first_duplicate_key(node: yaml.Node) -> tuple[str, int] | None:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key.value, key.start_mark.line + 1
                    seen.add(key.value)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return None


def read(path: Path, name: str | None = None) -> YamlDocument:
    """Read and parse a YAML file from disk."""
    label = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(
                label, f"fichier trop volumineux ({size / 1_000_000:.1f} Mo ; 1 Mo au plus)".replace(".", ",", 1)
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(label, f"lecture impossible ({exc.strerror})") from None
    return parse(decode(raw, label), label)
