"""Run SPARQL over the RDF files graphkit writes; results as rows for a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef

from .closed import check_query, time_limit
from .export.rdf import PREFIXES
from .load import graph_file, read_rdf

FORMATS = ("table", "csv", "json")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The answer to a SELECT (columns and rows), an ASK (``answer``) or a CONSTRUCT/DESCRIBE (``graph``)."""

    columns: list[str]
    rows: list[list[str | None]]
    answer: bool | None = None
    graph: Graph | None = None


def load(paths: list[str | os.PathLike]) -> Graph:
    """One RDF graph holding every file in ``paths`` (a directory stands for its graph.ttl)."""
    rdf = Graph()
    for prefix, namespace in PREFIXES.items():
        rdf.bind(prefix, namespace, override=True, replace=True)
    for path in paths:
        rdf += read_rdf(path if not os.path.isdir(path) else graph_file(path))
    return rdf


def run_query(rdf: Graph, sparql: str, timeout: float | None = None, allow_remote: bool = False) -> QueryResult:
    """Run ``sparql`` on ``rdf``; the prefixes gk, rdf, rdfs, owl, skos, prov, dcterms, schema, xsd, wd need no PREFIX line.

    The query stays closed (graphkit.closed): SERVICE and FROM are refused unless
    ``allow_remote``; ``timeout`` (seconds) stops a query that runs longer. Every error is a
    one-line ValueError.

    >>> result = run_query(load(["outputs/graph.ttl"]), "SELECT ?label WHERE { ?a rdfs:label ?label } LIMIT 3")  # doctest: +SKIP
    """
    if not allow_remote:
        check_query(sparql, PREFIXES)
    try:
        with time_limit(timeout):
            answer = rdf.query(sparql, initNs=PREFIXES)
            if answer.type == "ASK":
                return QueryResult(["answer"], [["true" if answer.askAnswer else "false"]], answer=bool(answer.askAnswer))
            if answer.type in ("CONSTRUCT", "DESCRIBE"):
                return QueryResult([], [], graph=answer.graph)
            columns = [str(name) for name in answer.vars]
            return QueryResult(columns, [[_text(row[name]) for name in columns] for row in answer])
    except ValueError as error:  # QueryTimeout among them
        if type(error).__name__ == "QueryTimeout":
            raise
        raise ValueError(_sparql_error(error)) from None
    except Exception as error:  # pyparsing and rdflib raise many kinds, while parsing or evaluating; all mean the query is wrong
        raise ValueError(_sparql_error(error)) from None


def _sparql_error(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return f"SPARQL error: {text[:300]}; the prefixes {', '.join(PREFIXES)} are predefined"


def to_csv(result: QueryResult) -> str:
    """SELECT rows as CSV with a header line (empty cell for an unbound variable)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([["" if value is None else value for value in row] for row in result.rows])
    return buffer.getvalue()


def to_json(result: QueryResult) -> str:
    """SELECT rows as a JSON array of objects (null for an unbound variable); ASK as true or false."""
    if result.answer is not None:
        return json.dumps(result.answer)
    return json.dumps([dict(zip(result.columns, row, strict=True)) for row in result.rows], ensure_ascii=False, indent=2)


def _text(term) -> str | None:
    if term is None:
        return None
    if isinstance(term, (URIRef, Literal)):
        return str(term)
    return term.n3()  # a blank node

