"""Check RDF files graphkit wrote against the SHACL shapes in ontologies/shapes.ttl (pyshacl, no inference)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from .export.rdf import PREFIXES
from .formats import RDF_FILES, RDF_FORMATS
from .load import read_rdf
from .resources import ontology_file

# a directory is checked through the files of these names it holds
DIRECTORY_FILES = RDF_FILES


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: which node, which property, what is wrong, and the offending value."""

    focus: str
    path: str | None
    message: str
    value: str | None = None
    severity: str = "Violation"

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value: {self.value})" if self.value is not None and self.value != self.focus else ""
        return f"{where}: {self.message}{value}"


@dataclass
class Report:
    """The result of validating one file."""

    file: Path
    triples: int
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        return not self.violations


def rdf_files(paths: list[str | os.PathLike]) -> list[Path]:
    """The files to check: each file as given, and the graph.* files of each directory."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [path / name for name in DIRECTORY_FILES if (path / name).is_file()]
            if not found:
                raise ValueError(f"{str(path)!r} holds none of {', '.join(DIRECTORY_FILES)}; "
                                 "give an output directory of `graphkit build` or an RDF file")
            files += found
        elif not path.exists():
            raise ValueError(f"{str(path)!r} not found; check the path")
        elif path.suffix not in RDF_FORMATS:
            raise ValueError(f"{str(path)!r}: validate reads RDF ({', '.join(RDF_FORMATS)}), not {path.suffix or 'a file without suffix'}")
        else:
            files.append(path)
    return files


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The shapes graph, ontologies/shapes.ttl."""
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


def validate_graph(rdf: Graph) -> list[Violation]:
    """Every SHACL result for ``rdf``, sorted by focus node and path; empty when it conforms."""
    from pyshacl import validate

    conforms, results, _ = validate(rdf, shacl_graph=shapes(), inference="none", advanced=False,
                                    allow_warnings=False, abort_on_first=False)
    if conforms:
        return []
    return sorted(_violations(rdf, results), key=lambda v: (v.focus, v.path or "", v.message, v.value or ""))


def validate_file(path: str | os.PathLike) -> Report:
    """Parse ``path`` (Turtle, JSON-LD, N-Triples or N-Quads) and check it against the shapes."""
    rdf = read_rdf(path)
    for prefix, namespace in PREFIXES.items():  # N-Triples and N-Quads carry no prefixes; the report uses them
        rdf.bind(prefix, namespace, override=False)
    return Report(Path(path), len(rdf), validate_graph(rdf))


def _violations(rdf: Graph, results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(SH.resultSeverity, None):
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        messages = sorted(str(message) for message in results.objects(result, SH.resultMessage))
        found.append(Violation(
            focus=_short(rdf, results.value(result, SH.focusNode)),
            path=_short(rdf, path) if isinstance(path, URIRef) else None,
            message="; ".join(messages) or _short(rdf, results.value(result, SH.sourceConstraintComponent)),
            value=_short(rdf, value) if value is not None else None,
            severity=str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
        ))
    return found


def _short(rdf: Graph, term) -> str:
    if isinstance(term, URIRef):
        try:
            return rdf.namespace_manager.normalizeUri(term)
        except Exception:  # rdflib refuses some IRIs as QNames; the full IRI is still readable
            return f"<{term}>"
    return term.n3(rdf.namespace_manager) if hasattr(term, "n3") else str(term)
