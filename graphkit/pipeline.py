"""The library API: articles in, relations and a knowledge graph out.

>>> import graphkit                                            # doctest: +SKIP
>>> kg = graphkit.build(["examples/"])                         # doctest: +SKIP
>>> kg.graph.number_of_nodes(), kg.write("outputs/")           # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import chain
from pathlib import Path

import networkx as nx

from . import __version__, engines
from .actors import resolve_mentions
from .descriptions import ActorKnowledge
from .graph import add_mentions, add_relation, filter_confidence, finish_graph, new_graph
from .ingest import read_articles
from .knowledge import load_knowledge_base
from .models import Actor, Article, Mention, Relation, Skipped
from .nlp import DEFAULT_MODEL, load_pipeline, model_description
from .relations import extract_relations, relation_record
from .relation_types import Vocabulary, default_vocabulary

OUTPUT_FILES = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.html", "relations.csv", "actors.csv",
                "graph.nt", "graph.nq", "graph.gexf", "graph.json", "events.csv")


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    mentions: list[Mention]
    relations: list[Relation]


class Extractor:
    """A loaded pipeline: spaCy model, actor knowledge base and relation vocabulary."""

    def __init__(self, model: str = DEFAULT_MODEL, actor_files: Sequence[str | os.PathLike] = (), vocabulary: Vocabulary | None = None):
        self.knowledge_base = load_knowledge_base(actor_files)
        self.vocabulary = vocabulary or default_vocabulary()
        self.knowledge = ActorKnowledge(self.knowledge_base)
        self.nlp = load_pipeline(model, self.knowledge_base)
        self.model = model_description(self.nlp)
        self.event_nouns = frozenset(self.vocabulary.noun_index)
        # What a worker process needs to load the same pipeline (see graphkit.engines).
        self.settings = (model, tuple(str(path) for path in actor_files), vocabulary)

    def process(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleResult]:
        """Parse articles lazily and yield their actors and relations, one article at a time."""
        pairs = ((article.text, article) for article in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self.analyse(doc, article)

    def analyse(self, doc, article: Article) -> ArticleResult:
        mentions = resolve_mentions(doc, article, self.knowledge_base, self.event_nouns)
        relations = list(extract_relations(doc, mentions, article, self.vocabulary, self.knowledge))
        return ArticleResult(article, mentions, relations)

    def record(self, relation: Relation) -> dict:
        return relation_record(relation, self.vocabulary)


@dataclass
class KnowledgeGraph:
    """The result of a build: the graph, and what was skipped on the way."""

    graph: nx.MultiDiGraph
    skipped: list[Skipped] = field(default_factory=list)
    articles: int = 0
    statements: int = 0

    def write(self, directory: str | os.PathLike, min_confidence: float = 0.0) -> dict[str, Path]:
        """Write every output format into ``directory``; returns {file name: path}."""
        G = filter_confidence(self.graph, min_confidence) if min_confidence > 0 else self.graph
        return write_outputs(G, directory)


def _writers() -> dict[str, Callable]:
    from .export.graphml import write_graphml
    from .export.html import write_html
    from .export.rdf import write_jsonld, write_turtle
    from .export.ntriples import write_nquads, write_ntriples
    from .export.gexf import write_gexf
    from .export.nodelink import write_node_link
    from .export.tables import write_actors_csv, write_events_csv, write_relations_csv

    return {
        "graph.ttl": write_turtle, "graph.jsonld": write_jsonld, "graph.graphml": write_graphml,
        "graph.html": write_html, "relations.csv": write_relations_csv, "actors.csv": write_actors_csv,
        "graph.nt": write_ntriples, "graph.nq": write_nquads,
        "graph.gexf": write_gexf, "graph.json": write_node_link, "events.csv": write_events_csv,
    }


def check_writable(directory: str | os.PathLike) -> Path:
    """Create ``directory`` if needed and make sure files can be written there, before any work."""
    path = Path(directory)
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path, prefix=".graphkit-check-"):
            pass
    except OSError as error:
        raise OSError(f"cannot write to output directory {str(path)!r}: {error.strerror or error}; choose another with -o") from None
    return path


def write_outputs(G: nx.MultiDiGraph, directory: str | os.PathLike) -> dict[str, Path]:
    """Write all formats; each file appears whole or not at all (temporary file, then rename)."""
    out = check_writable(directory)
    mode = 0o666 & ~_umask()  # what open() would give; mkstemp's files are private (0600)
    written = {}
    for name, writer in _writers().items():
        final = out / name
        handle, temporary = tempfile.mkstemp(dir=out, prefix=f".{name}.", suffix=".tmp")
        os.close(handle)
        try:
            writer(G, temporary)
            os.chmod(temporary, mode)
            os.replace(temporary, final)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
        written[name] = final
    return written


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _articles_only(inputs, on_skip: Callable[[Skipped], None]) -> Iterator[Article]:
    for item in inputs:
        if isinstance(item, Skipped):
            on_skip(item)
        else:
            yield item


def build(
    inputs: Iterable[str | os.PathLike] | Iterable[Article],
    model: str = DEFAULT_MODEL,
    actors: Sequence[str | os.PathLike] = (),
    extractor: Extractor | None = None,
    graph: nx.MultiDiGraph | None = None,
    on_article: Callable[[ArticleResult], None] | None = None,
    on_skip: Callable[[Skipped], None] | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler=None,
    on_known: Callable[[Article], None] | None = None,
) -> KnowledgeGraph:
    """Read articles (paths, or Article records), extract, and aggregate into a graph.

    Pass ``graph`` to add to an existing graph. The doc_ids of the articles in a graph are
    kept, sorted, in ``G.graph["documents"]``; an article whose doc_id is already there
    (built before, or a repeated id in the input) is not added again, so its statements
    and mentions are never counted twice. It is reported as skipped instead, or, when
    ``on_known`` is given and ``graph`` already held it, passed to ``on_known`` and not
    counted as skipped (an incremental build into a stored graph).

    Articles stream through the parser; only the graph grows with the corpus. ``jobs``,
    ``engine`` and ``scheduler`` choose where extraction runs (see graphkit.engines); the
    graph is the same whichever runs it.

    >>> kg = build(["examples/"])                       # doctest: +SKIP
    >>> kg.write("outputs/")                            # doctest: +SKIP
    """
    extractor = extractor or Extractor(model, actors)
    G = graph if graph is not None else new_graph()
    G.graph.update(graphkit_version=__version__, model=extractor.model, generated_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat())
    result = KnowledgeGraph(G)
    items = iter([inputs] if isinstance(inputs, (str, os.PathLike)) else inputs)
    first = next(items, None)
    items = chain([first], items) if first is not None else iter(())
    stream = items if isinstance(first, Article) else read_articles(items)

    def skip(item: Skipped) -> None:
        result.skipped.append(item)
        if on_skip:
            on_skip(item)

    documents = set(G.graph.get("documents", ()))
    built_before = frozenset(documents)

    def new_articles(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            if on_known is not None and article.doc_id in built_before:
                on_known(article)
            elif article.doc_id in documents:
                skip(Skipped(article.origin or article.doc_id, f"doc_id {article.doc_id!r} is already in the graph; not added twice (give each article its own id)"))
            else:
                documents.add(article.doc_id)
                yield article

    for article_result in engines.run(extractor, new_articles(_articles_only(stream, skip)), engine, jobs, scheduler):
        add_mentions(G, article_result.mentions)
        for relation in article_result.relations:
            add_relation(G, relation, extractor.vocabulary)
        result.articles += 1
        result.statements += len(article_result.relations)
        if on_article:
            on_article(article_result)
    finish_graph(G, known=lambda node: extractor.knowledge_base.by_id(node) is not None)
    G.graph["articles"] = G.graph.get("articles", 0) + result.articles
    G.graph["documents"] = sorted(documents)
    return result


def extract(
    inputs: Iterable[str | os.PathLike],
    model: str = DEFAULT_MODEL,
    actors: Sequence[str | os.PathLike] = (),
    on_skip: Callable[[Skipped], None] | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler=None,
) -> Iterator[dict]:
    """Extraction records (GOLD_FORMAT.md section 3) for every relation in the inputs, in input order."""
    extractor = Extractor(model, actors)
    articles = _articles_only(read_articles(list(inputs)), on_skip or (lambda item: None))
    for article_result in engines.run(extractor, articles, engine, jobs, scheduler):
        for relation in article_result.relations:
            yield extractor.record(relation)
