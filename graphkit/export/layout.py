"""Place the explorer's actors before the page opens: a seeded force layout, components packed, loners in a grid.

Only actors that take part in a relation get the force layout (ForceAtlas2's forces, in numpy).
Each connected component is laid out on its own and the components are packed in rows, biggest
first, so a corpus's many small pairs do not ring the main cluster. Actors with no relation, which
the page hides by default, go in a grid under the rest. The same graph always gives the same
positions (a fixed seed, nodes in sorted order, coordinates rounded).

>>> positions = layout_positions(G)  # doctest: +SKIP
>>> positions["https://w3id.org/graphkit/actor/state/russia"]  # doctest: +SKIP
(412.0, -96.0)
"""

from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

SEED = 7
REPULSION = 0.5  # two leaves settle about sqrt(2 * REPULSION * 2) = 1.4 apart
EDGE_LENGTH = 70.0  # drawing units per layout unit; two leaves of one actor end up about 100 apart
ITERATIONS = 80
EXACT_MAX_NODES = 1500  # above this, each step repels from a sample of the actors
SAMPLE = 500
EXACT_FINISH = 2  # exact steps that end a sampled layout, to spread out what the sample missed
CHUNK = 512
PAIR_LENGTH = 2.5  # two actors alone: room for both labels side by side
GAP = 1.5  # between packed components, in edge lengths
ASPECT = 1.2  # width over height of the packed components: screens are wide
LONER_SPACING = 0.9  # grid step for actors with no relation, in edge lengths


def layout_positions(G: nx.MultiDiGraph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """``{node: (x, y)}`` in vis-network drawing units for every node of ``G``."""
    simple = nx.Graph()
    weights: dict[tuple, int] = defaultdict(int)
    for u, v in G.edges():
        if u != v:
            weights[tuple(sorted((u, v)))] += 1
    simple.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items()))
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes = [_component_layout(simple, nodes, seed) for nodes in components]
    # The biggest component's edges set the scale: the smaller ones, the gaps and the grid follow it,
    # so that actors sized for the first view do not pile up in the small components.
    unit = _median_edge_length(simple, boxes[0]) if boxes else 1.0
    boxes = boxes[:1] + [{node: (x * unit, y * unit) for node, (x, y) in box.items()} for box in boxes[1:]]
    positions, bottom = _pack(boxes, GAP * unit)
    loners = sorted((node for node in G if node not in simple),
                    key=lambda node: (-int(G.nodes[node].get("mentions") or 0), node))
    positions.update(_grid(loners, top=bottom + GAP * unit, width=_width(positions), step=LONER_SPACING * unit))
    return {node: (round(x * EDGE_LENGTH), round(y * EDGE_LENGTH)) for node, (x, y) in positions.items()}


def _component_layout(simple: nx.Graph, nodes: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Positions in edge lengths, with the component's box starting at (0, 0)."""
    if len(nodes) <= 2:
        xy = np.array([[0.0, 0.0], [PAIR_LENGTH, 0.0]][: len(nodes)])
    else:
        index = {node: i for i, node in enumerate(nodes)}
        edges = np.array([(index[u], index[v]) for u, v in simple.subgraph(nodes).edges()], dtype=np.int64)
        weight = np.array([simple.edges[nodes[i], nodes[j]]["weight"] for i, j in edges], dtype=np.float64)
        xy = force_layout(len(nodes), edges, np.log1p(weight), seed)
    xy = xy - xy.min(axis=0)
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, xy, strict=False)}


def force_layout(n: int, edges: np.ndarray, weight: np.ndarray, seed: int,
                 iterations: int = ITERATIONS) -> np.ndarray:
    """An ``n`` x 2 layout of a connected graph, about 1 apart for two leaves; edges are index pairs.

    ForceAtlas2's forces: an edge pulls in proportion to its length, and two actors push apart in
    proportion to the product of their degrees plus one over their distance, so a hub's many
    one-off partners spread around it instead of piling onto the hubs nearby.
    """
    rng = np.random.default_rng(seed)
    mass = np.bincount(edges.ravel(), minlength=n).astype(np.float64) + 1
    side = math.sqrt(mass.sum())
    xy = rng.uniform(0, side, size=(n, 2))
    sampled = n > EXACT_MAX_NODES
    temperature = side / 10
    for step in range(iterations):
        exact = not sampled or step >= iterations - EXACT_FINISH
        force = REPULSION * mass[:, None] * _repulsion(xy, mass, None if exact else rng.choice(n, SAMPLE, replace=False))
        delta = xy[edges[:, 0]] - xy[edges[:, 1]]
        pull = delta * weight[:, None]
        np.add.at(force, edges[:, 0], -pull)
        np.add.at(force, edges[:, 1], pull)
        force -= 0.02 * (xy - xy.mean(axis=0))  # a little gravity keeps stragglers near
        length = np.sqrt((force ** 2).sum(axis=1)) + 1e-9
        xy += force * (np.minimum(length, temperature) / length)[:, None]
        temperature = max(side / 10 * (1 - (step + 1) / iterations), 0.01)
    return xy


def _repulsion(xy: np.ndarray, mass: np.ndarray, sample: np.ndarray | None) -> np.ndarray:
    """Sum over other actors q of mass(q) (p - q) / |p - q|^2; from a sample (scaled up) when given."""
    others = xy if sample is None else xy[sample]
    scale = 1.0 if sample is None else len(xy) / len(sample)
    x, y = others[:, 0].astype(np.float32), others[:, 1].astype(np.float32)
    weights = (mass if sample is None else mass[sample]).astype(np.float32)
    force = np.zeros_like(xy)
    for start in range(0, len(xy), CHUNK):
        block = xy[start:start + CHUNK].astype(np.float32)
        dx = block[:, :1] - x[None, :]
        dy = block[:, 1:] - y[None, :]
        inverse = weights[None, :] / (dx * dx + dy * dy + 1e-3)
        force[start:start + CHUNK, 0] = (dx * inverse).sum(axis=1)
        force[start:start + CHUNK, 1] = (dy * inverse).sum(axis=1)
    return force * scale


def _median_edge_length(simple: nx.Graph, box: dict[str, tuple[float, float]]) -> float:
    lengths = sorted(math.dist(box[u], box[v]) for u, v in simple.subgraph(box).edges())
    return max(1.0, math.sqrt(lengths[len(lengths) // 2] / PAIR_LENGTH)) if lengths else 1.0  # halfway, on a log scale


def _pack(boxes: list[dict[str, tuple[float, float]]], gap: float) -> tuple[dict[str, tuple[float, float]], float]:
    """Components in rows, biggest first, rows as wide as the biggest one (or the square of the total area)."""
    sizes = [_size(box) for box in boxes]
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    row_width = max([sizes[0][0] if sizes else 0.0, math.sqrt(area * ASPECT)])
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for box, (w, h) in zip(boxes, sizes, strict=False):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        positions.update({node: (x + px, y + py) for node, (px, py) in box.items()})
        x += w + gap
        row_height = max(row_height, h)
    return positions, (y + row_height if boxes else -gap)


def _grid(nodes: list[str], top: float, width: float, step: float) -> dict[str, tuple[float, float]]:
    per_row = max(int(max(width, math.sqrt(len(nodes)) * step) / step), 1)
    return {node: ((i % per_row) * step, top + (i // per_row) * step) for i, node in enumerate(nodes)}


def _size(box: dict[str, tuple[float, float]]) -> tuple[float, float]:
    xs, ys = [x for x, _y in box.values()], [y for _x, y in box.values()]
    return max(xs) - min(xs), max(ys) - min(ys)


def _width(positions: dict[str, tuple[float, float]]) -> float:
    return max((x for x, _y in positions.values()), default=0.0)
