"""Keep queries and RDF reading closed: nothing is fetched, no other file is read, and a query has a time limit.

* SPARQL ``SERVICE`` (which sends bound local data to the endpoint it names, or opens a
  ``file:`` IRI) and ``FROM``/``FROM NAMED`` (which load a graph from an IRI) are refused with
  one line unless the caller opts in (``graphkit query --allow-remote``).
* JSON-LD is parsed with inline contexts only: a ``@context`` given as an IRI or file name, or
  an ``@import``, is refused with one line instead of being fetched or read.
* :func:`time_limit` stops a query after ``seconds`` (POSIX, main thread; elsewhere no limit).
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery


class ClosedError(ValueError):
    """The input would reach outside the files given."""


class QueryTimeout(ValueError):
    """The query ran past its time limit."""


def check_query(sparql: str, initNs: dict | None = None) -> None:
    """Raise ClosedError when ``sparql`` uses SERVICE or FROM; parse errors are left to the caller."""
    try:
        query = translateQuery(parseQuery(sparql), initNs=initNs or {})
    except Exception:  # a malformed query: rdflib reports it when run
        return
    clauses = query.algebra.get("datasetClause") or []
    for clause in clauses:
        kind = "FROM NAMED" if "named" in clause else "FROM"
        iri = clause["named"] if "named" in clause else clause["default"]
        raise ClosedError(f"{kind} <{iri}> would load a graph from outside the files given; "
                          "query the files directly (leave FROM out), or pass --allow-remote to let it load")
    for node in _walk(query.algebra):
        if getattr(node, "name", None) == "ServiceGraphPattern":
            raise ClosedError(f"SERVICE <{node.get('term')}> would send the query (and local data bound in it) to another endpoint; "
                              "graphkit query reads only the files given; pass --allow-remote to allow it")


def _walk(node, seen: set[int] | None = None) -> Iterator:
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    yield node
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value, seen)


def check_jsonld(data: bytes | str, where: str) -> str:
    """The JSON-LD text, once it is known to hold inline contexts only; ClosedError otherwise."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise ValueError(f"{where}: not valid JSON ({' '.join(str(error).split())[:200] or 'nested too deeply'}); expected JSON-LD graphkit wrote") from None
    for value in _contexts(document):
        if isinstance(value, str) or isinstance(value, list) and any(isinstance(item, str) for item in value):
            raise ClosedError(f"{where}: @context {json.dumps(value)[:120]} names a context elsewhere; graphkit reads JSON-LD "
                              "with inline contexts only and fetches nothing: put the context in the file")
        for context in value if isinstance(value, list) else [value]:
            if isinstance(context, dict) and "@import" in context:
                raise ClosedError(f"{where}: @import {json.dumps(context['@import'])[:120]} names a context elsewhere; "
                                  "graphkit fetches nothing: put the context in the file")
    return text


def _contexts(node, depth: int = 0) -> Iterator:
    if depth > 200:
        raise ValueError("JSON-LD nested too deeply")
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                yield value
                yield from _contexts(value, depth + 1)  # scoped contexts inside term definitions
            else:
                yield from _contexts(value, depth + 1)
    elif isinstance(node, list):
        for value in node:
            yield from _contexts(value, depth + 1)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise QueryTimeout in the block after ``seconds`` (no limit for None, off POSIX or off the main thread)."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise QueryTimeout(f"the query ran longer than {seconds:g} s and was stopped; narrow it (LIMIT, more specific patterns) or raise --timeout")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
