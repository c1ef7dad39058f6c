"""Read a stored graph (graph.ttl, graph.jsonld, or an output directory) back into the networkx shape."""

from __future__ import annotations

import os
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from .closed import ClosedError, check_jsonld
from .formats import GRAPH_FILES, GRAPH_READERS, RDF_FORMATS

# What read_graph accepts, by suffix; a directory is read through the first of these it holds.
READERS = {suffix: f.rdf for suffix, f in GRAPH_READERS.items()}
DIRECTORY_FILES = GRAPH_FILES


class GraphNotFound(ValueError):
    """The path holds no graph graphkit can read; the message says what was looked for."""


def graph_file(path: str | os.PathLike) -> Path:
    """The graph file behind ``path``: the file itself, or graph.ttl (else graph.jsonld) in a directory."""
    path = Path(path)
    if path.is_dir():
        for name in DIRECTORY_FILES:
            if (path / name).is_file():
                return path / name
        raise GraphNotFound(f"{str(path)!r} holds no {' or '.join(DIRECTORY_FILES)}; build one with `graphkit build INPUT -o {path}`")
    if not path.exists():
        raise GraphNotFound(f"{str(path)!r} not found; give graph.ttl, graph.jsonld or an output directory of `graphkit build`")
    if path.suffix not in READERS:
        raise GraphNotFound(f"{str(path)!r}: cannot read {path.suffix or 'a file without suffix'} as a graph; "
                            f"expected one of {', '.join(READERS)} or an output directory")
    return path


def read_graph(path: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph stored at ``path`` (graph.ttl, graph.jsonld, or a directory holding graph.ttl).

    Gives the same node, edge and graph attributes as the graph that was written
    (docs/graph-schema.md), so it can be extended with ``graphkit.build(..., graph=G)``.

    >>> G = read_graph("outputs/")          # doctest: +SKIP
    >>> G.graph["documents"][:2]            # doctest: +SKIP
    """
    file = graph_file(path)
    reader = GRAPH_READERS[file.suffix].read_function()
    try:
        return reader(file)
    except OSError as error:
        raise ValueError(f"cannot read {file}: {error.strerror or error}") from None
    except Exception as error:  # rdflib raises SyntaxError, AssertionError, KeyError... on damaged files
        raise ValueError(f"{file}: not a graph graphkit wrote: {_one_line(error)}; rebuild it with `graphkit build`") from None


def read_rdf(path: str | os.PathLike) -> Graph:
    """The RDF graph in ``path``, parsed by its suffix; N-Quads are merged into one graph."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"{str(path)!r} not found; give an RDF file graphkit wrote ({', '.join(RDF_FORMATS)}) or an output directory")
    rdf_format = RDF_FORMATS.get(path.suffix)
    if rdf_format is None:
        raise ValueError(f"{str(path)!r}: cannot read {path.suffix or 'a file without suffix'} as RDF; expected one of {', '.join(RDF_FORMATS)}")
    try:
        if rdf_format == "nquads":
            dataset = Dataset()
            dataset.parse(path, format="nquads")
            merged = Graph()
            for quad in dataset.quads((None, None, None, None)):
                merged.add(quad[:3])
            return merged
        if rdf_format == "json-ld":  # inline contexts only: nothing fetched (graphkit.closed)
            return Graph().parse(data=check_jsonld(path.read_bytes(), str(path)), format="json-ld")
        return Graph().parse(path, format=rdf_format)
    except ClosedError:
        raise
    except OSError as error:
        raise ValueError(f"cannot read {path}: {error.strerror or error}") from None
    except Exception as error:  # Turtle errors are SyntaxErrors, N-Triples ParserErrors; truncated files raise others
        raise ValueError(f"{path}: not valid {rdf_format}: {_one_line(error)}") from None


def _one_line(error: Exception, limit: int = 300) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[:limit] + "..."
