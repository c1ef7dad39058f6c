"""Select a view of a stored graph: an actor's neighbourhood, some relations, a period, the top actors.

Every function returns a new graph and leaves its input alone.

>>> view = select_view(G, actor="pyongyang", depth=2, since="2024-10", max_nodes=200)  # doctest: +SKIP
>>> view.graph.number_of_nodes(), view.left_out                                       # doctest: +SKIP
(57, 0)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches

import networkx as nx

from .graph import filter_confidence, keep_statements
from .relation_types import default_vocabulary

# A date bound is a prefix of an ISO date: a year, a month or a day.
_DATE_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
CLOSE_MATCHES = 5


class ViewError(ValueError):
    """A view that cannot be made from this graph; the message says what to change."""


@dataclass(frozen=True, slots=True)
class View:
    graph: nx.MultiDiGraph
    left_out: int = 0  # actors dropped to stay within max_nodes
    focus: str | None = None  # IRI of the actor the view is centred on


def select_view(G: nx.MultiDiGraph, *, actor: str | None = None, depth: int = 1, relations: Iterable[str] = (),
                since: str | None = None, until: str | None = None, min_confidence: float = 0.0,
                max_nodes: int | None = None) -> View:
    """Apply every selection the CLI offers, in a fixed order: statements, then actors.

    Statement filters (confidence, relations, period) run first. When one of them is given, actors
    left without any relation are dropped too, except the focus actor. Then the ego network of
    ``actor`` is taken, and finally the ``max_nodes`` actors of highest degree are kept.
    """
    focus = find_actor(G, actor) if actor is not None else None
    relations = list(relations)
    H = G
    if min_confidence > 0:
        H = filter_confidence(H, min_confidence)
    if relations:
        H = select_relations(H, relations)
    if since is not None or until is not None:
        H = select_period(H, since, until)
    if H is not G:
        H = drop_unrelated(H, keep={focus} if focus else set())
    if focus is not None:
        H = ego_network(H, focus, depth)
    left_out = 0
    if max_nodes is not None:
        H, left_out = top_actors(H, max_nodes, keep=focus)
    return View(H, left_out, focus)


def find_actor(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose IRI, label or alias is ``name``, ignoring case; else a ViewError with close matches.

    A label beats an alias, so "Russia" is Russia even when some other actor lists it as an alias.
    """
    wanted = name.strip().casefold()
    if wanted in {node.casefold() for node in G}:
        return next(node for node in G if node.casefold() == wanted)
    for field in ("label", "aliases"):
        hits = sorted(node for node, data in G.nodes(data=True) if wanted in _names(data, field))
        if len(hits) == 1:
            return hits[0]
        if hits:
            labels = "; ".join(f"{G.nodes[node].get('label')} ({node})" for node in hits)
            raise ViewError(f"actor {name!r} is ambiguous: {labels}; give the label or the IRI")
    raise ViewError(f"no actor {name!r} in the graph{_suggestions(G, wanted)}")


def ego_network(G: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """``actor`` and every actor within ``depth`` relations of it, either direction, with the edges among them."""
    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), actor, cutoff=depth)
    return G.subgraph(reach).copy()


def select_relations(G: nx.MultiDiGraph, relations: Iterable[str]) -> nx.MultiDiGraph:
    """A copy keeping only edges of these relations; an unknown name is a ViewError listing those present."""
    wanted = {name.strip().lower() for name in relations}
    present = {data.get("relation", key) for _u, _v, key, data in G.edges(keys=True, data=True)}
    unknown = sorted(wanted - present - set(default_vocabulary().relations))
    if unknown:
        raise ViewError(f"unknown relation {', '.join(map(repr, unknown))}; "
                        f"this graph has {', '.join(sorted(present)) or 'no relations'}")
    H = G.copy()
    H.remove_edges_from([(u, v, key) for u, v, key, data in G.edges(keys=True, data=True)
                         if data.get("relation", key) not in wanted])
    return H


def select_period(G: nx.MultiDiGraph, since: str | None = None, until: str | None = None) -> nx.MultiDiGraph:
    """A copy keeping only statements dated within [since, until]; edges left without one are dropped.

    Bounds are ISO dates or their prefixes: ``until="2024-10"`` includes the whole of October 2024.
    Undated statements fall in no period and are dropped.
    """
    for bound in (since, until):
        if bound is not None and not _DATE_BOUND.fullmatch(bound):
            raise ViewError(f"date {bound!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if since and until and since[:len(until)] > until:
        raise ViewError(f"--since {since} is after --until {until}")
    return keep_statements(G, lambda item: in_period(item.get("date"), since, until))


def in_period(date: str | None, since: str | None, until: str | None) -> bool:
    if not date:
        return False
    return (since is None or date[:len(since)] >= since) and (until is None or date[:len(until)] <= until)


def drop_unrelated(G: nx.MultiDiGraph, keep: set[str] = frozenset()) -> nx.MultiDiGraph:
    """A copy without actors that take part in no relation, except those in ``keep``."""
    H = G.copy()
    H.remove_nodes_from([node for node in G if G.degree(node) == 0 and node not in keep])
    return H


def top_actors(G: nx.MultiDiGraph, max_nodes: int, keep: str | None = None) -> tuple[nx.MultiDiGraph, int]:
    """The ``max_nodes`` actors with most relations (then most mentions, then label), and how many were left out.

    ``keep`` (the focus actor) is always among them.
    """
    if max_nodes < 1:
        raise ViewError(f"max_nodes must be 1 or more, not {max_nodes}")
    if G.number_of_nodes() <= max_nodes:
        return G.copy(), 0
    ranked = sorted(G.nodes(data=True), key=lambda item: (
        item[0] != keep, -G.degree(item[0]), -int(item[1].get("mentions") or 0), str(item[1].get("label") or ""),
        item[0]))
    chosen = [node for node, _data in ranked[:max_nodes]]
    return G.subgraph(chosen).copy(), G.number_of_nodes() - max_nodes


def _names(data: dict, field: str) -> set[str]:
    value = data.get(field)
    values = value if isinstance(value, (list, tuple, set)) else [value]
    return {str(item).casefold() for item in values if item}


def _suggestions(G: nx.MultiDiGraph, wanted: str) -> str:
    names: dict[str, str] = {}
    for _node, data in G.nodes(data=True):
        label = str(data.get("label") or _node)
        for name in [label, *(data.get("aliases") or [])]:
            names.setdefault(str(name).casefold(), label)
    close = get_close_matches(wanted, list(names), n=CLOSE_MATCHES * 2, cutoff=0.6)
    close += [name for name in sorted(names) if wanted and wanted in name and name not in close]
    labels = list(dict.fromkeys(names[name] for name in close))[:CLOSE_MATCHES]
    if not labels:
        return "; check the spelling, or open graph.html and use its search box"
    return f"; did you mean {', '.join(map(repr, labels))}?"
