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

Each is written only when needed. Any GraphML reader (Gephi, yEd, ``networkx.read_graphml``)
can open the file; only the JSON strings stay strings there.
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

_SCALARS = (str, int, float, bool)
# Characters XML 1.0 keeps as written; "\r" is left out because parsers turn it into "\n".
_XML_UNSAFE = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def write_graphml(G: nx.MultiDiGraph, path: str | Path | IO) -> None:
    """Write ``G`` as GraphML with scalar attributes only; :func:`read_graphml` reverses it.

    >>> write_graphml(G, "graph.graphml")  # doctest: +SKIP
    >>> networkx.read_graphml("graph.graphml")  # doctest: +SKIP
    """
    encoded, nulls = _encoding(G)
    unsafe: list = []
    H = nx.MultiDiGraph()
    H.graph.update(_scalars(G.graph, ("graph", None), encoded, unsafe))
    for node, data in G.nodes(data=True):
        H.add_node(node, **_scalars(data, ("node", node), encoded, unsafe))
    for u, v, key, data in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=key, **_scalars(data, ("edge", [u, v, key]), encoded, unsafe))
    for name, marks in ((JSON_ATTRIBUTES, sorted(encoded)), (JSON_VALUES, unsafe), (NULL_ATTRIBUTES, sorted(nulls))):
        if marks:
            H.graph[name] = _json(marks)
    nx.write_graphml(H, path)


def read_graphml(path: str | Path | IO) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_graphml` back into the graph it came from."""
    H = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
    graph = {key: value for key, value in H.graph.items() if not (key in ("node_default", "edge_default") and value == {})}
    encoded = set(json.loads(graph.pop(JSON_ATTRIBUTES, "[]")))
    unsafe = {json.dumps(mark) for mark in json.loads(graph.pop(JSON_VALUES, "[]"))}
    nulls = set(json.loads(graph.pop(NULL_ATTRIBUTES, "[]")))
    G = nx.MultiDiGraph()
    G.graph.update(_decoded(graph, ("graph", None), encoded, unsafe, nulls))
    for node, data in H.nodes(data=True):
        G.add_node(node, **_decoded(data, ("node", node), encoded, unsafe, nulls))
    for u, v, key, data in H.edges(keys=True, data=True):
        G.add_edge(u, v, key=key, **_decoded(data, ("edge", [u, v, key]), encoded, unsafe, nulls))
    return G


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
    return values


def _json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return json.dumps(value) if _XML_UNSAFE.search(text) else text  # \uXXXX escapes for what XML cannot hold


def _decoded(data: dict, element: tuple, encoded: set[str], unsafe: set[str], nulls: set[str]) -> dict:
    scope, _ = element
    values = {name: json.loads(value) if f"{scope}:{name}" in encoded or json.dumps([*element, name]) in unsafe
              else value for name, value in data.items()}
    for attribute in sorted(nulls):
        null_scope, name = attribute.split(":", 1)
        if null_scope == scope:
            values.setdefault(name, None)
    return values
