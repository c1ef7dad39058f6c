"""Write the graph as one self-contained HTML explorer (vis-network inlined, works offline)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

import networkx as nx

from ..relation_types import default_vocabulary
from .layout import layout_positions

# Colours from the Okabe-Ito palette, which readers with any common colour-vision deficiency tell apart.
# Actor type -> (vis-network shape, colour); the shape tells types apart in greyscale too.
TYPE_STYLES = {
    "State": ("dot", "#0072b2"),
    "Person": ("diamond", "#e69f00"),
    "Organization": ("square", "#009e73"),
    "ArmedForce": ("triangle", "#d55e00"),
    "NonStateArmedGroup": ("star", "#cc79a7"),
    "Location": ("hexagon", "#999999"),
}
OTHER_TYPE_STYLE = ("dot", "#bbbbbb")
OTHER_TYPE = "Other"
MODALITIES = ("asserted", "planned", "hypothetical", "reported")

# Edge families, one hue each: cooperation blue and green, conflict orange and vermilion.
QUAD_CLASS_COLOURS = {
    "verbal_cooperation": "#56b4e9",
    "material_cooperation": "#009e73",
    "verbal_conflict": "#e69f00",
    "material_conflict": "#d55e00",
}
OTHER_EDGE_COLOUR = "#999999"
NEGATED_COLOUR = "#000000"
UNASSERTED_DASHES = [8, 6]  # hypothetical, planned or reported only
NEGATED_DASHES = [2, 6]  # every statement denies the relation

HIDE_EDGES_ON_ZOOM_MIN_EDGES = 500
NODE_SIZE_MIN = 12  # radius of the least-mentioned actor, in drawing units
NODE_SIZE_PER_EXTENT = 160  # at least 1/160 of the layout's extent, so about 5 px at the first fit
PARALLEL_EDGE_BEND = 0.4  # roundness step between edges joining the same two actors

_VIS_DIR = "templates/lib/vis-9.1.2"
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
# Inside <script type="application/json"> these would let text close the tag or open a comment.
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, title: str = "graphkit", left_out: int = 0) -> Path:
    """Write ``G`` as one HTML file that explores the graph offline; return its path.

    The page inlines vis-network from the installed pyvis package, so it makes no
    network requests. The same graph always gives the same bytes. ``left_out`` is the
    number of actors a view dropped (``graphkit.view.top_actors``); the page says so.

    >>> write_html(G, "graph.html", title="Korean peninsula")  # doctest: +SKIP
    PosixPath('graph.html')
    """
    out = Path(path)
    out.write_text(render_html(G, title, left_out), encoding="utf-8", newline="\n")
    return out


def render_html(G: nx.MultiDiGraph, title: str = "graphkit", left_out: int = 0) -> str:
    """The explorer page for ``G`` as a string."""
    vis_js = _inline_script(_vis_text("vis-network.min.js"))
    app_js = _inline_script(_package_text("explorer.js"))
    data = graph_data(G, left_out)
    evidence = [edge.pop("evidence") for edge in data["edges"]]  # the bulk; the page parses it when first needed
    values = {
        "CSP": _content_security_policy([vis_js, app_js]),
        "TITLE": html.escape(title),
        "VIS_CSS": _vis_text("vis-network.css").replace("</style", "<\\/style"),
        "GRAPH_DATA": script_json(data),
        "EVIDENCE_DATA": script_json(evidence),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], _package_text("explorer.html"))


def graph_data(G: nx.MultiDiGraph, left_out: int = 0) -> dict:
    """Everything the page needs, JSON-ready and in a stable order."""
    edges = sorted(G.edges(keys=True, data=True), key=lambda edge: (edge[0], edge[1], str(edge[2])))
    curves = _parallel_edge_curves(edges)
    labels = {node: str(data.get("label") or node) for node, data in G.nodes(data=True)}
    positions = layout_positions(G)
    ranks = _label_ranks(G, labels)
    nodes = [_node_record(node, G.nodes[node], G.degree(node), positions[node], ranks[node]) for node in sorted(G.nodes)]
    records = [_edge_record(i, edge, curves[i], labels) for i, edge in enumerate(edges)]
    return {
        "nodes": nodes,
        "edges": records,
        "relations": _relation_counts(edges),
        "types": _type_counts(nodes),
        "modalities": _modalities(records),
        "statement_counts": _statement_counts(records),
        "dates": sorted({item["date"] for edge in records for item in edge["evidence"] if item.get("date")}),
        "size_by": "mentions" if any(node["mentions"] for node in nodes) else "degree",
        "left_out": left_out,
        "legend": _legend(nodes, records),
        "options": network_options(len(nodes), len(records), _extent(nodes)),  # G.number_of_edges() walks every node
    }


def network_options(n_nodes: int, n_edges: int, extent: float = 0.0) -> dict:
    """vis-network options: positions come from the page data, so physics stays off and nothing moves.

    Actors are sized in drawing units; ``extent`` (the width or height of the related actors'
    layout, whichever is larger) scales them up so the first view of a big graph shows them.
    """
    smallest = max(NODE_SIZE_MIN, round(extent / NODE_SIZE_PER_EXTENT))
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_edges >= HIDE_EDGES_ON_ZOOM_MIN_EDGES,
                        "hideEdgesOnZoom": n_edges >= HIDE_EDGES_ON_ZOOM_MIN_EDGES, "multiselect": False},
        # Labels are drawn by the page itself (explorer.js, drawLabels), not by vis-network.
        "nodes": {"borderWidth": 1.5, "scaling": {"min": smallest, "max": 4 * smallest}},
        "edges": {"smooth": False, "selectionWidth": 2},  # arrows per edge: none on symmetric relations
    }


def _extent(nodes: list[dict]) -> float:
    related = [node for node in nodes if node["degree"]]
    if not related:
        return 0.0
    xs, ys = [node["x"] for node in related], [node["y"] for node in related]
    return float(max(max(xs) - min(xs), max(ys) - min(ys)))


def script_json(value: object) -> str:
    """JSON that is safe between ``<script type="application/json">`` tags."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return re.sub("[<>&\u2028\u2029]", lambda match: _JSON_ESCAPES[match.group()], text)


def _label_ranks(G: nx.MultiDiGraph, labels: dict[str, str]) -> dict[str, int]:
    """0 for the actor whose label the page draws first: most relations, then most mentions, then by name."""
    order = sorted(G.nodes, key=lambda node: (-G.degree(node), -int(G.nodes[node].get("mentions") or 0),
                                              labels[node], node))
    return {node: rank for rank, node in enumerate(order)}


def _node_record(node: str, data: dict, degree: int, position: tuple[float, float], rank: int) -> dict:
    shape, colour = TYPE_STYLES.get(data.get("type"), OTHER_TYPE_STYLE)
    return {
        "id": node,
        "x": position[0],
        "y": position[1],
        "rank": rank,
        "label": str(data.get("label") or node),
        "type": data.get("type") or OTHER_TYPE,
        "mentions": int(data.get("mentions") or 0),
        "mention_only": degree == 0 if data.get("mention_only") is None else bool(data["mention_only"]),
        "degree": degree,
        "aliases": sorted(data.get("aliases") or []),
        "country": data.get("country"),
        "affiliation": data.get("affiliation"),
        "wikidata": data.get("wikidata"),
        "roles": list(data.get("roles") or []),
        "shape": shape,
        "color": colour,
    }


def _edge_record(index: int, edge: tuple, smooth: dict | bool, labels: dict[str, str]) -> dict:
    u, v, key, data = edge
    relation = str(data.get("relation") or key)
    known = default_vocabulary().relations.get(relation)
    quad_class = data.get("quad_class") or (known.quad_class if known else None)
    negated = bool(data.get("negated", False))
    asserted = bool(data.get("asserted", not negated))
    return {
        "id": f"e{index}",
        "from": u,
        "to": v,
        "from_label": labels[u],
        "to_label": labels[v],
        "relation": relation,
        "symmetric": bool(known and known.symmetric),
        "quad_class": quad_class,
        "cameo": data.get("cameo"),
        "plover": data.get("plover"),
        "goldstein": data.get("goldstein"),
        "count": int(data.get("count") or len(data.get("evidence") or []) or 1),
        "articles": data.get("articles"),
        "sources": data.get("sources"),
        "first_date": data.get("first_date"),
        "last_date": data.get("last_date"),
        "asserted": asserted,
        "negated": negated,
        "confidence": data.get("confidence"),
        "evidence": list(data.get("evidence") or []),
        "color": NEGATED_COLOUR if negated else QUAD_CLASS_COLOURS.get(quad_class, OTHER_EDGE_COLOUR),
        "dashes": NEGATED_DASHES if negated else (False if asserted else UNASSERTED_DASHES),
        "smooth": smooth,
    }


def _parallel_edge_curves(edges: list[tuple]) -> list[dict | bool]:
    """Bend edges that join the same two actors apart, so none hides another."""
    pairs: dict[tuple, list[int]] = defaultdict(list)
    for i, (u, v, _key, _data) in enumerate(edges):
        pairs[tuple(sorted((u, v)))].append(i)
    curves: list[dict | bool] = [False] * len(edges)
    for (first, second), members in pairs.items():
        for rank, i in enumerate(members):
            bend = PARALLEL_EDGE_BEND * (rank - (len(members) - 1) / 2)
            reversed_pair = edges[i][0] != first
            curves[i] = _curve(-bend if reversed_pair else bend) if first != second else False
    return curves


def _curve(bend: float) -> dict | bool:
    if bend == 0:
        return False
    return {"enabled": True, "type": "curvedCW" if bend > 0 else "curvedCCW", "roundness": round(abs(bend), 3)}


def _type_counts(nodes: list[dict]) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    for node in nodes:
        counts[node["type"]] += 1
    order = [*TYPE_STYLES, *sorted(set(counts) - set(TYPE_STYLES))]
    return [{"name": name, "actors": counts[name]} for name in order if counts[name]]


def _modalities(edges: list[dict]) -> list[str]:
    """The modalities the statements have, in the vocabulary's order; others (if any) after."""
    present = {item.get("modality") or "asserted" for edge in edges for item in edge["evidence"]}
    return [name for name in MODALITIES if name in present] + sorted(present - set(MODALITIES))


def _statement_counts(edges: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        for item in edge["evidence"]:
            counts[item.get("modality") or "asserted"] += 1
    return dict(sorted(counts.items()))


def _relation_counts(edges: list[tuple]) -> list[dict]:
    counts: dict[str, int] = defaultdict(int)
    for _u, _v, key, data in edges:
        counts[str(data.get("relation") or key)] += 1
    return [{"name": name, "edges": counts[name]} for name in sorted(counts)]


def _legend(nodes: list[dict], edges: list[dict]) -> dict:
    """Only what the graph holds: its actor types, edge families, and dashed or dotted edges if any."""
    types = {node["type"]: (node["shape"], node["color"]) for node in nodes}
    families = {edge["quad_class"] or "other": edge["color"] for edge in edges if not edge["negated"]}
    type_order = [*TYPE_STYLES, *sorted(set(types) - set(TYPE_STYLES))]
    family_order = [*QUAD_CLASS_COLOURS, *sorted(set(families) - set(QUAD_CLASS_COLOURS))]
    return {
        "types": [{"type": name, "shape": types[name][0], "color": types[name][1]} for name in type_order
                  if name in types],
        "quad_classes": [{"quad_class": name, "color": families[name]} for name in family_order if name in families],
        "negated_color": NEGATED_COLOUR if any(edge["negated"] for edge in edges) else None,
        "unasserted_dashes": UNASSERTED_DASHES if any(not edge["asserted"] and not edge["negated"] for edge in edges)
        else None,
        "negated_dashes": NEGATED_DASHES,
    }


def _content_security_policy(scripts: list[str]) -> str:
    """Only our own inline scripts may run, and nothing may be fetched but data: images."""
    hashes = " ".join(f"'sha256-{_sha256(script)}'" for script in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _inline_script(source: str) -> str:
    """Source that cannot end its <script> element early; newlines as the HTML parser sees them."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _package_text(name: str) -> str:
    return files("graphkit.export").joinpath(name).read_text(encoding="utf-8")


def _vis_text(name: str) -> str:
    resource = files("pyvis").joinpath(f"{_VIS_DIR}/{name}")
    if not resource.is_file():
        raise FileNotFoundError(f"{name} not found in the installed pyvis at {resource}; "
                                "graphkit needs pyvis 0.3.2: pip install 'pyvis==0.3.2'")
    return resource.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
