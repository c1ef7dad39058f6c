"""The graph of the repository's examples/, built once per test session with the shared extractor."""

from __future__ import annotations

import copy
from functools import lru_cache

import networkx as nx

import helpers

EXAMPLES = helpers.REPO / "examples"


@lru_cache(maxsize=1)
def _demo():
    from graphkit.pipeline import build

    return build([EXAMPLES], extractor=helpers.extractor())


def demo_graph() -> nx.MultiDiGraph:
    """A fresh copy of the examples/ graph, free to change."""
    return copy.deepcopy(_demo().graph)


def snapshot(G: nx.MultiDiGraph, without: tuple[str, ...] = ()) -> tuple:
    """Everything in ``G`` as plain comparable data; ``without`` drops graph attributes."""
    return (
        {key: value for key, value in G.graph.items() if key not in without},
        sorted((node, sorted(data.items())) for node, data in G.nodes(data=True)),
        sorted((u, key, v, repr(sorted(data.items()))) for u, v, key, data in G.edges(keys=True, data=True)),
    )
