"""Graph <-> node-link JSON, the shape of ``networkx.node_link_data(G, edges="links")``.

``graph.json`` holds everything the graph holds (evidence lists included) as plain JSON, for
``networkx.node_link_graph``, D3, Cytoscape.js or any JSON reader:

    {"directed": true, "multigraph": true, "graph": {...},
     "nodes": [{"id": IRI, "label": ..., ...}], "links": [{"source": IRI, "target": IRI, "key": relation, ...}]}

Nodes are sorted by id, links by source, key and target, and every object's keys are sorted,
so the same graph gives the same bytes whatever order it was built in. The file is UTF-8 with
non-ASCII text as written, one node or link per line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

import networkx as nx

from .files import write_utf8

LINKS = "links"


def node_link_data(G: nx.MultiDiGraph) -> dict:
    """``networkx.node_link_data(G, edges="links")``, with nodes and links in sorted order."""
    data = nx.node_link_data(G, edges=LINKS)
    data["nodes"] = sorted(data["nodes"], key=lambda node: str(node["id"]))
    data[LINKS] = sorted(data[LINKS], key=lambda link: (str(link["source"]), str(link.get("key")), str(link["target"])))
    return data


def write_node_link(G: nx.MultiDiGraph, path: str | Path | IO) -> None:
    """Write ``G`` as node-link JSON; ``networkx.node_link_graph(json.load(f), edges="links")`` reads it back.

    >>> write_node_link(G, "graph.json")                                          # doctest: +SKIP
    >>> networkx.node_link_graph(json.load(open("graph.json")), edges="links")   # doctest: +SKIP
    """
    write_utf8(_dumps(node_link_data(G)), path)


def read_node_link(path: str | Path | IO) -> nx.MultiDiGraph:
    """Read a file written by :func:`write_node_link` back into the graph it came from."""
    if hasattr(path, "read"):
        text = path.read()
        data = json.loads(text.decode("utf-8") if isinstance(text, bytes) else text)
    else:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges=LINKS)


def _dumps(data: dict) -> str:
    """Sorted keys, one node or link per line: small diffs between builds, still one JSON document."""
    def items(name: str) -> str:
        rows = [json.dumps(item, ensure_ascii=False, sort_keys=True, allow_nan=False) for item in data[name]]
        return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"

    head = {key: value for key, value in data.items() if key not in ("nodes", LINKS)}
    fields = [f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)}"
              for key, value in sorted(head.items())]
    fields += [f'"nodes": {items("nodes")}', f'"{LINKS}": {items(LINKS)}']
    return "{" + ",\n".join(fields) + "}\n"
