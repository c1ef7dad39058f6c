"""Build into an output directory: add to the graph or the on-disk store already there, or start afresh.

A build into ``output`` goes one of three ways, chosen by :func:`choose_target`:

* **store**: the graph lives in ``output/graph.oxigraph`` (graphkit.store); new articles are
  added to it in place and nothing else is written. Chosen by ``store="oxigraph"``, or by
  ``"auto"`` when the store exists or the stored graph.ttl is over ``AUTO_STORE_BYTES``. A
  graph.ttl already there is moved into a new store once, verified against its manifest.
* **incremental**: the graph in ``output/graph.ttl``, verified against its manifest
  (graphkit.outputs), is read and the new articles are added; then every file is rewritten.
* **fresh**: an empty graph (``fresh=True``); a store is replaced only when the build succeeds.

Articles already in the graph or store are not read again: they are counted as ``known``.

>>> target = choose_target(Path("outputs"))                           # doctest: +SKIP
>>> done = build_into(target, ["examples/"], extractor)                # doctest: +SKIP
>>> done.nothing_new or write_into(target, done)                       # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .formats import STORED_GRAPH

if TYPE_CHECKING:  # imported when used: `graphkit build` imports this module to parse its options
    import networkx as nx

STORES = ("auto", "memory", "oxigraph")


@dataclass
class Target:
    """Where a build into ``output`` goes: the store at ``store``, or the graph read from graph.ttl (None: a new graph)."""

    output: Path
    fresh: bool = False
    store: Path | None = None
    graph: nx.MultiDiGraph | None = None
    sources: dict[str, dict] = field(default_factory=dict)  # the manifest's doc_id -> {"sha256", "origin"}


@dataclass
class StoreContents:
    """What the store holds after a build."""

    path: Path
    documents: int
    triples: int


@dataclass
class Built:
    """A build's KnowledgeGraph of new articles, how many articles were already in, and the store after it (if one)."""

    kg: object  # graphkit.pipeline.KnowledgeGraph
    known: int = 0
    store: StoreContents | None = None

    @property
    def usable(self) -> bool:
        """Some article was added or was already in: the inputs were not all unusable."""
        return self.kg.articles + self.known > 0

    @property
    def nothing_new(self) -> bool:
        """Every usable article was already in the graph: its files can be left as they were."""
        return self.kg.articles == 0 and self.known > 0


def store_path(store: str, output: Path, fresh: bool = False, min_confidence: float = 0.0) -> Path | None:
    """Where the on-disk store is, when this build uses one (see graphkit.store); ValueError when it cannot."""
    from .store import AUTO_STORE_BYTES, STORE_DIRECTORY

    if store not in STORES:
        raise ValueError(f"unknown store {store!r}; expected one of {', '.join(STORES)}")
    path, turtle = output / STORE_DIRECTORY, output / STORED_GRAPH
    chosen = store == "oxigraph" or store == "auto" and (path.exists() or not fresh and turtle.is_file() and turtle.stat().st_size > AUTO_STORE_BYTES)
    if chosen and min_confidence > 0:
        raise ValueError("--min-confidence filters the written files; the store keeps every statement (filter in SPARQL on gk:confidence), so leave one out")
    return path if chosen else None


def choose_target(output: Path, store: str = "auto", fresh: bool = False, min_confidence: float = 0.0) -> Target:
    """The store, the verified stored graph, or a new graph; ValueError (one line, with the fix) when the stored one cannot be trusted."""
    from .outputs import stored_graph

    output = Path(output)
    path = store_path(store, output, fresh, min_confidence)
    if fresh or path:
        return Target(output, fresh, path)
    graph, sources = stored_graph(output)
    return Target(output, fresh, None, graph, sources)


def build_into(target: Target, inputs: Sequence[str], extractor, on_known: Callable | None = None,
               on_move: Callable[[Path, Path], None] | None = None, **options) -> Built:
    """Extract the new articles of ``inputs`` and add them to the target's graph or store.

    ``options`` go to :func:`graphkit.pipeline.build` (on_article, on_skip, jobs, engine,
    scheduler). ``on_known`` is called with each article already in; ``on_move(graph.ttl,
    store)`` just before a graph.ttl is moved into a new store. A store build with no usable
    article raises ValueError and leaves the store as it was.
    """
    from .pipeline import build

    known = _Known(on_known)
    if target.store is not None:
        return _build_in_store(target, list(inputs), extractor, on_move, known, **options)
    kg = build(inputs, extractor=extractor, graph=target.graph, known_sources=target.sources, on_known=known, **options)
    return Built(kg, known.count)


def write_into(target: Target, built: Built, min_confidence: float = 0.0, excel_safe: bool = False) -> tuple[nx.MultiDiGraph, dict[str, Path]]:
    """Write every output file of the built graph (statements below ``min_confidence`` left out); the graph written and {name: path}."""
    from .graph import filter_confidence
    from .pipeline import write_outputs

    G = built.kg.graph if min_confidence <= 0 else filter_confidence(built.kg.graph, min_confidence)
    return G, write_outputs(G, target.output, built.kg.sources, excel_safe=excel_safe)


class _Known:
    """The on_known callback of graphkit.pipeline.build, counting the articles already in."""

    def __init__(self, then: Callable | None):
        self.then, self.count = then, 0

    def __call__(self, article) -> None:
        self.count += 1
        if self.then:
            self.then(article)


def _build_in_store(target: Target, inputs: list[str], extractor, on_move, known: _Known, **options) -> Built:
    from .outputs import stored_graph
    from .store import GraphStore, replacing

    path = target.store
    turtle = path.parent / STORED_GRAPH
    with replacing(path) if target.fresh else GraphStore(path) as store:
        if not target.fresh and not store.documents() and turtle.is_file():
            if on_move:
                on_move(turtle, path)
            store.add(stored_graph(path.parent)[0])  # verified against its manifest first
        built = Built(store.build(inputs, extractor, on_known=known, **options), known.count)
        if not built.usable:  # raised inside the block: a --fresh store is not put in place
            raise ValueError(f"no usable article in {', '.join(inputs)}; the store is left as it was")
        built.store = StoreContents(path, len(store.documents()), store.triple_count())
    return built
