"""Graph <-> GraphML: lists and dicts travel as JSON strings, None values are dropped, and read_graphml undoes both.

GraphML holds only scalars (str, int, float, bool). :func:`write_graphml` stores every attribute
that holds a list or dict anywhere (``aliases``, ``roles``, ``evidence``) as a JSON string, and
drops None values. Graph attributes record what it did, so that :func:`read_graphml` gives back
the very graph that was written:

* ``graphml_json_attributes``: JSON list of ``"scope:name"`` (scope ``graph``, ``node`` or
  ``edge``) of the attributes stored as JSON strings everywhere.
* ``graphml_json_values``: JSON list of ``[scope, element, name]`` of single strings stored as
  JSON because XML cannot hold them unchanged (carriage returns, control characters); element
  is null for the graph, the node id, or ``[u, v, key]`` for an edge.
* ``graphml_null_attributes``: JSON list of ``"scope:name"`` of the attributes that were None
  somewhere; read back, an element without such an attribute gets None.
* ``graphml_derived_attributes``: JSON list of ``"edge:start"`` and ``"edge:end"`` when the
  writer added them (below); read back, they are dropped again.

Each is written only when needed. For timelines, every edge whose ``first_date``/``last_date``
is an ISO date (YYYY-MM-DD) also gets ``start``/``end`` with the same value, unless some edge
of the graph already has attributes of those names. Any GraphML reader (Gephi, yEd, Cytoscape,
``networkx.read_graphml``) can open the file; only the JSON strings stay strings there. Gephi
reads ``start``/``end`` as text columns (Data Laboratory, "Merge columns", "Create time
interval" turns them into a timeline); ``graph.gexf`` carries the timeline directly.

Nodes, edges and each element's attributes are written in sorted order, so the same graph gives
the same bytes whatever order it was built in.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any

import networkx as nx

JSON_ATTRIBUTES = "graphml_json_attributes"
JSON_VALUES = "graphml_json_values"
NULL_ATTRIBUTES = "graphml_null_attributes"
DERIVED_ATTRIBUTES = "graphml_derived_attributes"
TIMELINE = {"start": "first_date", "end": "last_date"}

_SCALARS = (str, int, float, bool)
# Characters XML 1.0 keeps as written; "\r" is left out because parsers turn it into "\n".
_XML_UNSAFE = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def write_graphml(G: nx.MultiDiGraph, path: str | Path | IO) -> None:
    """Write ``G`` as GraphML with scalar attributes only; :func:`read_graphml` reverses it.

    >>> write_graphml(G, "graph.graphml")  # doctest: +SKIP
    >>> networkx.read_graphml("graph.graphml")  # doctest: +SKIP
    """
    encoded, nulls = _encoding(G)
    unsafe: list = []
    derived: set[str] = set()
    timeline = not any(name in data for *_, data in G.edges(keys=True, data=True) for name in TIMELINE)
    H = nx.MultiDiGraph()
    H.graph.update(_scalars(G.graph, ("graph", None), encoded, unsafe))
    for node, data in sorted(G.nodes(data=True), key=lambda pair: str(pair[0])):
        H.add_node(node, **_scalars(data, ("node", node), encoded, unsafe))
    for u, v, key, data in sorted(G.edges(keys=True, data=True), key=lambda edge: tuple(map(str, edge[:3]))):
        values = _scalars(data, ("edge", [u, v, key]), encoded, unsafe)
        if timeline:
            values.update(_timeline(data, derived))
        H.add_edge(u, v, key=key, **dict(sorted(values.items())))
    marks = ((DERIVED_ATTRIBUTES, sorted(derived)), (JSON_ATTRIBUTES, sorted(encoded)), (JSON_VALUES, unsafe),
             (NULL_ATTRIBUTES, sorted(nulls)))
    for name, values in marks:
        if values:
            H.graph[name] = _json(values)
    H.graph = dict(sorted(H.graph.items()))
    nx.write_graphml(H, path)


def read_graphml(path: str | Path | IO) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_graphml` back into the graph it came from."""
    H = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
    graph = {key: value for key, value in H.graph.items() if not (key in ("node_default", "edge_default") and value == {})}
    encoded = set(json.loads(graph.pop(JSON_ATTRIBUTES, "[]")))
    unsafe = {json.dumps(mark) for mark in json.loads(graph.pop(JSON_VALUES, "[]"))}
    nulls = set(json.loads(graph.pop(NULL_ATTRIBUTES, "[]")))
    derived = {mark.split(":", 1)[1] for mark in json.loads(graph.pop(DERIVED_ATTRIBUTES, "[]"))}
    G = nx.MultiDiGraph()
    G.graph.update(_decoded(graph, ("graph", None), encoded, unsafe, nulls))
    for node, data in H.nodes(data=True):
        G.add_node(node, **_decoded(data, ("node", node), encoded, unsafe, nulls))
    for u, v, key, data in H.edges(keys=True, data=True):
        data = {name: value for name, value in data.items() if name not in derived}
        G.add_edge(u, v, key=key, **_decoded(data, ("edge", [u, v, key]), encoded, unsafe, nulls))
    return G


def _timeline(data: dict, derived: set[str]) -> dict:
    """``start``/``end`` of an edge from its first and last ISO dates; notes in ``derived`` what it added."""
    values = {}
    for name, source in TIMELINE.items():
        date = data.get(source)
        if isinstance(date, str) and _ISO_DATE.fullmatch(date):
            values[name] = date
            derived.add(f"edge:{name}")
    return values


def _elements(G: nx.MultiDiGraph):
    yield "graph", G.graph
    for _, data in G.nodes(data=True):
        yield "node", data
    for *_, data in G.edges(keys=True, data=True):
        yield "edge", data


def _encoding(G: nx.MultiDiGraph) -> tuple[set[str], set[str]]:
    """The ``scope:name`` of attributes to store as JSON, and of attributes that are None somewhere."""
    encoded: set[str] = set()
    nulls: set[str] = set()
    for scope, data in _elements(G):
        for name, value in data.items():
            if value is None:
                nulls.add(f"{scope}:{name}")
            elif isinstance(value, (list, tuple, dict)):
                encoded.add(f"{scope}:{name}")
            elif not isinstance(value, _SCALARS):
                raise TypeError(f"{scope} attribute {name!r} is a {type(value).__name__}; "
                                "GraphML export handles str, int, float, bool, None, list and dict")
    return encoded, nulls


def _scalars(data: dict, element: tuple, encoded: set[str], unsafe: list) -> dict:
    """GraphML-ready attributes of one element; notes in ``unsafe`` the strings it had to store as JSON."""
    scope, _ = element
    values = {}
    for name, value in data.items():
        if value is None:
            continue
        if f"{scope}:{name}" in encoded:
            value = _json(value)
        elif isinstance(value, str) and _XML_UNSAFE.search(value):
            unsafe.append([*element, name])
            value = _json(value)
        values[name] = value
    return dict(sorted(values.items()))


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return json.dumps(value, sort_keys=True) if _XML_UNSAFE.search(text) else text  # \uXXXX escapes for what XML cannot hold


def _decoded(data: dict, element: tuple, encoded: set[str], unsafe: set[str], nulls: set[str]) -> dict:
    scope, _ = element
    values = {name: json.loads(value) if f"{scope}:{name}" in encoded or json.dumps([*element, name]) in unsafe
              else value for name, value in data.items()}
    for attribute in sorted(nulls):
        null_scope, name = attribute.split(":", 1)
        if null_scope == scope:
            values.setdefault(name, None)
    return values
