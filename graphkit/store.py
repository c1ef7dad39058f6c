"""Keep a graph in an embedded on-disk triple store (Oxigraph), and add builds to it in place.

The triples are those of graph.ttl (:func:`graphkit.export.rdf.iter_triples`), filed in named
graphs by what they describe, so that a build rewrites only what it changes:

* each actor's description (type, labels, mention count, roles) in the graph named by its IRI;
* each edge (counts, dates, the direct ``actor gk:<relation> actor`` triple) with its
  statements in the graph named by the edge's IRI;
* each article, with its sentences, in the graph named by the article's IRI;
* each build's ``gk:ExtractionRun`` in the graph named by the run's IRI; relation concepts in
  theirs.

An incremental build extracts only articles the store does not hold, reads back only the
actors and edges they touch, merges, and replaces those named graphs; everything else stays
on disk untouched. Query the union of all graphs with SPARQL (:meth:`GraphStore.query`).
Statements keep the run that first produced them.

>>> with GraphStore("outputs/graph.oxigraph") as store:          # doctest: +SKIP
...     store.build(["news.jsonl.gz"], extractor)
...     store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s a gk:Statement }")
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF

from .export.rdf import BASE, PREFIXES, iter_triples
from .export.rdf_read import rdf_to_graph
from .graph import merge_graphs, new_graph
from .ontology_terms import GK, relation_name, relation_property

STORE_DIRECTORY = "graph.oxigraph"
# Above this size, a graph.ttl in the output directory is moved into a store the first time it
# is built on: about a million triples (benchmarks/bench_scale.py store), which take minutes to
# read and rewrite whole on every build.
AUTO_STORE_BYTES = 50 * 1024 * 1024

_STATEMENT, _EDGE, _ARTICLE = BASE + "statement/", BASE + "edge/", BASE + "article/"
_SPARQL_PREFIXES = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())


def _oxigraph():
    try:
        import pyoxigraph
    except ImportError:
        raise ImportError("the on-disk store needs pyoxigraph; install it with `pip install 'graphkit-news[store]'`") from None
    return pyoxigraph


class GraphStore:
    """A graphkit graph in an Oxigraph store directory, created on first use."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        ox = _oxigraph()
        try:
            self.store = ox.Store(str(self.path))
        except OSError as error:
            raise OSError(f"cannot open the store {str(self.path)!r}: {error}; is another graphkit build using it?") from None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.store.flush()
        del self.store  # releases the directory lock

    # ------------------------------------------------------------ reading

    def query(self, sparql: str):
        """Run SPARQL over the union of all the store's graphs; graphkit's prefixes are declared."""
        return self.store.query(_SPARQL_PREFIXES + sparql, use_default_graph_as_union=True)

    def documents(self) -> list[str]:
        """doc_ids of every article in the store, sorted."""
        rows = self.query("SELECT DISTINCT ?id WHERE { ?article a gk:Article ; dcterms:identifier ?id }")
        return sorted(row["id"].value for row in rows)

    def triple_count(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def to_graph(self) -> nx.MultiDiGraph:
        """The whole graph in networkx's shape (reads everything: for export, not for every build)."""
        G = rdf_to_graph(self._rdf(graph for graph in self.store.named_graphs() if not _is_run(graph.value)))
        documents = self.documents()
        G.graph.update(name="graphkit", articles=len(documents), documents=documents, **self._latest_run())
        return G

    def _latest_run(self) -> dict:
        rows = self.query("SELECT ?version ?model ?time WHERE { ?run a gk:ExtractionRun ; prov:startedAtTime ?time "
                          "OPTIONAL { ?run gk:graphkitVersion ?version } OPTIONAL { ?run gk:model ?model } } ORDER BY DESC(?time) LIMIT 1")
        row = next(iter(rows), None)
        if row is None:
            return {}
        values = {"graphkit_version": row["version"], "model": row["model"], "generated_at": row["time"]}
        return {key: value.value for key, value in values.items() if value is not None}

    # ------------------------------------------------------------ writing

    def add(self, delta: nx.MultiDiGraph) -> None:
        """Merge a graph of new articles (``graphkit.build`` output) into the store.

        Reads back only the actors and edges ``delta`` touches, merges the evidence and
        mention counts as one build would have, and replaces their named graphs.
        """
        ox = _oxigraph()
        edges = [s for s, p, o in iter_triples(delta) if p == RDF.type and o == GK.Edge]
        actors = [URIRef(node) for node in delta.nodes]
        old = self._touched(actors, edges)
        merged = merge_graphs(rdf_to_graph(old), delta)
        merged.graph.update(delta.graph)
        first_runs = {statement: run for statement, run in old.subject_objects(PROV.wasGeneratedBy)}
        if not len(old) and next(iter(self.store.named_graphs()), None) is None:
            # A first build or a migration, maybe large: streamed in, in one transaction.
            self.store.extend(ox.Quad(_term(ox, s), _term(ox, p), _term(ox, o), ox.NamedNode(graph))
                              for graph, (s, p, o) in filed(iter_triples(merged), merged))
            self.store.flush()
            return
        # One SPARQL update is one transaction: an interrupted build leaves the store as it was.
        drops = "".join(f"DROP SILENT GRAPH <{name}> ;\n" for name in [*actors, *edges])
        quads = "".join(
            f"GRAPH <{graph}> {{ {_term(ox, s)} {_term(ox, p)} {_term(ox, first_runs.get(s, o) if p == PROV.wasGeneratedBy else o)} }}\n"
            for graph, (s, p, o) in filed(iter_triples(merged), merged)
        )
        self.store.update(f"{drops}INSERT DATA {{\n{quads}}}")
        self.store.flush()

    def build(self, inputs, extractor, **options):
        """``graphkit.build`` of the articles the store does not hold yet, added to the store.

        Returns the KnowledgeGraph of the new articles only (its ``graph`` is what was added).
        """
        from .pipeline import build

        known = self.documents()
        kg = build(inputs, extractor=extractor, graph=new_graph(documents=known), **options)
        kg.graph.graph["documents"] = sorted(set(kg.graph.graph["documents"]) - set(known))
        kg.graph.graph["articles"] = kg.articles
        if kg.articles:
            self.add(kg.graph)
        return kg

    def _touched(self, actors: Sequence[URIRef], edges: Sequence[URIRef]) -> Graph:
        """The stored description of these actors and edges, with the articles, speakers and
        relation concepts their statements refer to."""
        graphs = self._rdf([*actors, *edges])
        referred = {o for p in (PROV.hadPrimarySource, GK.attributedTo, GK.relationType) for o in graphs.objects(None, p)}
        for triple in self._rdf(referred - set(actors)):
            graphs.add(triple)
        return graphs

    def _rdf(self, names: Iterable) -> Graph:
        ox, rdf = _oxigraph(), Graph()
        for name in names:
            node = name if isinstance(name, ox.NamedNode) else ox.NamedNode(str(name))
            for quad in self.store.quads_for_pattern(None, None, None, node):
                rdf.add((URIRef(quad.subject.value), URIRef(quad.predicate.value), _rdflib(quad.object)))
        return rdf


@contextmanager
def replacing(path: str | os.PathLike) -> Iterator[GraphStore]:
    """A new, empty store that takes the place of the one at ``path`` only once the block ends
    without error (``--fresh``): until then the old store is left as it was."""
    path = Path(path)
    staging = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}."))
    try:
        with GraphStore(staging) as store:
            yield store
        retired = staging.with_name(staging.name + ".old")
        if path.exists():
            path.rename(retired)
        staging.rename(path)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def filed(triples: Iterable[tuple], G: nx.MultiDiGraph) -> Iterator[tuple[str, tuple]]:
    """(named graph, triple) for each triple of ``iter_triples(G)``: see the module docstring.

    Relies on iter_triples giving an edge's own triples (its statements, its direct triple,
    labels of speakers outside ``G``) after its ``rdf:type gk:Edge`` and before the next edge's.
    """
    edge = direct = None
    for s, p, o in triples:
        subject = str(s)
        if p == RDF.type and o == GK.Edge:
            edge, direct = subject, None
        elif subject == edge and p == GK.relationType:
            direct = relation_property(relation_name(o))
        yield _named_graph(subject, p, G, edge, direct), (s, p, o)


def _named_graph(subject: str, predicate: URIRef, G: nx.MultiDiGraph, edge: str | None, direct: URIRef | None) -> str:
    if subject.startswith((_STATEMENT, _EDGE)) or predicate == direct:
        return edge
    if subject.startswith(_ARTICLE):
        return subject.split("/sentence/")[0]  # an article and its sentences
    actor = subject.split("/role/")[0]
    if actor in G:
        return actor  # an actor and its roles
    if _is_run(subject) or subject.startswith(str(GK)):
        return subject  # a run, a relation or quad-class concept
    return edge  # the label of a speaker who is not a node


def _is_run(iri: str) -> bool:
    return iri.startswith(BASE + "run/")


def _term(ox, node):
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype))) if node.datatype else ox.Literal(str(node))
    return ox.NamedNode(str(node))


def _rdflib(term):
    if hasattr(term, "datatype"):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return URIRef(term.value)
