"""Graph -> N-Triples and N-Quads, written line by line as the triples are made (flat memory for large graphs).

The triples are those of :func:`graphkit.export.rdf.graph_to_rdf` (the same RDF graph as
graph.ttl), in a fixed order: the same graph always gives the same bytes. N-Quads puts every
triple in one named graph, the extraction run, so several builds can share one triple store
and still be told apart.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from .rdf import Triple, _run_iri, iter_triples

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_LINES_PER_WRITE = 4096  # batch lines so the cost is the triples, not the write calls


def write_ntriples(G: nx.MultiDiGraph, path: str | Path | IO) -> int:
    """Write ``G`` as N-Triples (UTF-8); returns the number of triples written.

    >>> write_ntriples(G, "outputs/graph.nt")  # doctest: +SKIP
    """
    return write_lines((ntriples_line(triple) for triple in iter_triples(G)), path)


def write_nquads(G: nx.MultiDiGraph, path: str | Path | IO) -> int:
    """Write ``G`` as N-Quads, every triple in the named graph of its extraction run; returns the count."""
    graph_name = " " + term(_run_iri(G.graph)) + " .\n"
    return write_lines((ntriples_line(triple)[:-3] + graph_name for triple in iter_triples(G)), path)


def ntriples_line(triple: Triple) -> str:
    """One N-Triples line, ``<s> <p> <o> .`` and a newline."""
    subject, predicate, obj = triple
    return f"{term(subject)} {term(predicate)} {term(obj)} .\n"


def term(node: URIRef | Literal) -> str:
    """N-Triples form of an IRI or a literal (canonical escapes, datatypes written out, xsd:string implicit)."""
    if isinstance(node, Literal):
        text = '"' + _escape(str(node)) + '"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype is not None and node.datatype != XSD.string and node.datatype != RDF.langString:
            return f"{text}^^<{node.datatype}>"
        return text
    if isinstance(node, URIRef):
        return f"<{node}>"
    raise ValueError(f"cannot write {node!r} in N-Triples: graphkit exports only IRIs and literals, no blank nodes")


def write_lines(lines: Iterable[str], path: str | Path | IO) -> int:
    """Write ``lines`` as UTF-8 in batches to a path or an open file; returns how many were written."""
    count = 0
    with _sink(path) as write:
        batch: list[str] = []
        for line in lines:
            batch.append(line)
            if len(batch) == _LINES_PER_WRITE:
                write("".join(batch))
                count += len(batch)
                batch.clear()
        write("".join(batch))
        count += len(batch)
    return count


def _escape(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return text
    return _NEEDS_ESCAPE.sub(lambda match: _ESCAPES.get(match.group(), f"\\u{ord(match.group()):04X}"), text)


@contextmanager
def _sink(path: str | Path | IO) -> Iterator[Callable[[str], object]]:
    """A function that writes text as UTF-8 to ``path``, or to an open binary or text file."""
    if not hasattr(path, "write"):
        with open(path, "wb") as handle:
            yield lambda text: handle.write(text.encode("utf-8"))
    elif isinstance(path, io.TextIOBase):
        yield path.write
    else:
        yield lambda text: path.write(text.encode("utf-8"))
