"""Graph -> GEXF 1.3 for Gephi: a dynamic graph whose edges live from their first to their last date.

Open ``graph.gexf`` in Gephi and the timeline works at once: the graph is ``mode="dynamic"``
with ``timeformat="date"``, and every edge with an ISO first/last date (YYYY-MM-DD) has
``start``/``end``; an edge without dates is present at all times, and so is every node.

* Nodes carry their label and every attribute of docs/graph-schema.md (type, country,
  affiliation, wikidata, mentions, aliases, roles), and the explorer's colour for their type.
* Edges carry relation, cameo, plover, quad_class, goldstein, count, articles, sources,
  first_date, last_date, asserted, negated and confidence; ``label`` and ``kind`` are the
  relation, so Gephi keeps parallel edges of different relations apart; ``weight`` is the
  number of statements; the colour is the explorer's (quad class, red when negated). The
  evidence list stays out: it is in ``events.csv``, ``graph.graphml`` and ``graph.json``.
* Lists and dicts (aliases, roles) are JSON strings, None values are left out, and characters
  XML 1.0 cannot hold (NUL, vertical tab, ...) become U+FFFD, since Gephi cannot read them.

Nodes, edges and attributes are written in sorted order, so the same graph gives the same bytes
whatever order it was built in. ``networkx.read_gexf`` reads the file too.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .files import write_utf8
from .html import NEGATED_COLOUR, OTHER_EDGE_COLOUR, OTHER_TYPE_STYLE, QUAD_CLASS_COLOURS, TYPE_STYLES

GEXF_NAMESPACE = "http://gexf.net/1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"
GEXF_VERSION = "1.3"

# Attributes in this order first (docs/graph-schema.md), any others after them, alphabetically.
NODE_ATTRIBUTES = ("type", "country", "affiliation", "wikidata", "mentions", "mention_only", "aliases", "roles")
EDGE_ATTRIBUTES = ("relation", "cameo", "plover", "quad_class", "goldstein", "count", "articles", "sources",
                   "first_date", "last_date", "asserted", "negated", "confidence")
NOT_ATTRIBUTES = {"node": {"label"}, "edge": {"evidence"}}

_XML_UNSAFE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def write_gexf(G: nx.MultiDiGraph, path: str | Path | IO) -> None:
    """Write ``G`` as dynamic GEXF 1.3 with dated edges for Gephi's timeline.

    >>> write_gexf(G, "graph.gexf")             # doctest: +SKIP
    >>> networkx.read_gexf("graph.gexf")        # doctest: +SKIP
    """
    write_utf8(gexf_bytes(G), path)


def gexf_bytes(G: nx.MultiDiGraph) -> bytes:
    """The GEXF document of ``G`` as UTF-8 bytes."""
    nodes = sorted(G.nodes(data=True), key=lambda pair: str(pair[0]))
    edges = sorted(G.edges(keys=True, data=True), key=lambda edge: tuple(map(str, edge[:3])))
    root = ET.Element("gexf", {
        "xmlns": GEXF_NAMESPACE, "xmlns:viz": VIZ_NAMESPACE, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{GEXF_NAMESPACE} {GEXF_NAMESPACE}/gexf.xsd", "version": GEXF_VERSION,
    })
    root.append(_meta(G.graph))
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date",
                                          "timerepresentation": "interval"})
    node_types = _declare(graph, "node", [data for _, data in nodes], NODE_ATTRIBUTES)
    edge_types = _declare(graph, "edge", [data for *_, data in edges], EDGE_ATTRIBUTES)
    node_elements = ET.SubElement(graph, "nodes")
    for node, data in nodes:
        element = ET.SubElement(node_elements, "node", {"id": _text(node), "label": _text(data.get("label", node))})
        _attvalues(element, data, node_types)
        _colour(element, TYPE_STYLES.get(data.get("type"), OTHER_TYPE_STYLE)[1])
    edge_elements = ET.SubElement(graph, "edges")
    for index, (u, v, key, data) in enumerate(edges):
        relation = _text(data.get("relation", key))
        element = ET.SubElement(edge_elements, "edge", {"id": str(index), "source": _text(u), "target": _text(v),
                                                        "label": relation, "kind": relation})
        if isinstance(data.get("count"), int) and not isinstance(data.get("count"), bool):
            element.set("weight", str(data["count"]))
        for name, source in (("start", "first_date"), ("end", "last_date")):
            if isinstance(data.get(source), str) and _ISO_DATE.fullmatch(data[source]):
                element.set(name, data[source])
        _attvalues(element, data, edge_types)
        colour = NEGATED_COLOUR if data.get("negated") else QUAD_CLASS_COLOURS.get(data.get("quad_class"), OTHER_EDGE_COLOUR)
        _colour(element, colour)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _meta(graph: dict) -> ET.Element:
    """Creator and a one-line description; the run's timestamp, the one field that changes between runs, sits there."""
    meta = ET.Element("meta")
    ET.SubElement(meta, "creator").text = _text(f"graphkit {graph.get('graphkit_version', '')}".strip())
    described = [f"{graph['articles']} articles" if graph.get("articles") is not None else "",
                 f"spaCy model {graph['model']}" if graph.get("model") else "",
                 f"generated at {graph['generated_at']}" if graph.get("generated_at") else ""]
    ET.SubElement(meta, "description").text = _text("; ".join(part for part in described if part) or "graphkit graph")
    return meta


def _declare(graph: ET.Element, scope: str, elements: list[dict], order: tuple[str, ...]) -> dict[str, str]:
    """Declare the attributes that hold a value somewhere; returns {name: GEXF type}."""
    seen: dict[str, set[str]] = {}
    for data in elements:
        for name, value in data.items():
            if value is not None and name not in NOT_ATTRIBUTES[scope]:
                seen.setdefault(name, set()).add(_type(value))
    types = {name: _common_type(seen[name]) for name in sorted(seen, key=lambda name: _rank(name, order))}
    if types:
        declared = ET.SubElement(graph, "attributes", {"class": scope, "mode": "static"})
        for name, kind in types.items():
            ET.SubElement(declared, "attribute", {"id": _text(name), "title": _text(name), "type": kind})
    return types


def _rank(name: str, order: tuple[str, ...]) -> tuple:
    return (order.index(name), "") if name in order else (len(order), name)


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "double"
    return "string"


def _common_type(kinds: set[str]) -> str:
    if len(kinds) == 1:
        return next(iter(kinds))
    return "double" if kinds == {"integer", "double"} else "string"


def _attvalues(element: ET.Element, data: dict, types: dict[str, str]) -> None:
    values = [(name, data[name]) for name in types if data.get(name) is not None]
    if values:
        holder = ET.SubElement(element, "attvalues")
        for name, value in values:
            ET.SubElement(holder, "attvalue", {"for": _text(name), "value": _value(value, types[name])})


def _value(value: Any, kind: str) -> str:
    if isinstance(value, (list, tuple, dict)):
        return _text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return _text(value)


def _colour(element: ET.Element, hex_colour: str) -> None:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    ET.SubElement(element, "viz:color", {"r": str(red), "g": str(green), "b": str(blue)})


def _text(value: Any) -> str:
    return _XML_UNSAFE.sub("\ufffd", str(value))
