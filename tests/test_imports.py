"""Data flows one way: the import graph of graphkit (top-level and function-level imports) has no
cycles but the listed ones, and the list may only shrink."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "graphkit"
# (descriptions and actors were one: descriptions now imports national_forces from actors.bodies,
# which imports nothing of the actors stage.)
KNOWN_CYCLES: list[set[str]] = []


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else [])) if node.level else node.module
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in known and m != name}


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_but_the_known_ones():
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    # the walk sees function-level imports ("from ..pipeline import build" inside the build command)
    assert "graphkit.pipeline" in graph["graphkit.cli.build"] and "graphkit.engines" in graph["graphkit.cli.extract"]
    found = cycles(graph)
    new = [c for c in found if c not in KNOWN_CYCLES]
    assert not new, f"import cycles: {new}; an early stage must not import a later one"
    assert all(c in found for c in KNOWN_CYCLES), "a known cycle is gone: remove it from KNOWN_CYCLES"


def test_engines_do_not_import_the_pipeline():
    known = modules()
    assert "graphkit.pipeline" not in imports("graphkit.engines", known["graphkit.engines"], known)
