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
from itertools import chain
from pathlib import Path

import networkx as nx

from . import __version__, engines
from .actors import resolve_mentions
from .bounds import add_sentence_window, article_parts, shift_mentions, shift_relations
from .clock import run_timestamp
from .descriptions import ActorKnowledge
from .formats import (
    OUTPUT_FILES as OUTPUT_FILES,  # the names of the output set, re-exported
    writers,
)
from .graph import add_mentions, add_relation, filter_confidence, finish_graph, new_graph
from .ingest import read_articles
from .knowledge import load_knowledge_base
from .models import Article, Mention, Relation, Skipped
from .nlp import DEFAULT_MODEL, load_pipeline, model_description
from .outputs import text_sha256, write_set
from .references import resolve_descriptions
from .relation_types import Vocabulary, default_vocabulary
from .relations import extract_relations, relation_record
from .tokens import TokenView


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
        add_sentence_window(self.nlp)  # relations are read from sentences of bounded length (graphkit.bounds)
        self.model = model_description(self.nlp)
        self.event_nouns = frozenset(self.vocabulary.noun_index)
        # What a worker process needs to load the same pipeline (see graphkit.engines).
        self.settings = (model, tuple(str(path) for path in actor_files), vocabulary)

    def process(self, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleResult]:
        """Parse articles lazily and yield their actors and relations, one article at a time.

        An article over the model's ``max_length`` is parsed in parts and given as one result
        (graphkit.bounds.article_parts).
        """
        parts = ((part.text, (article, offset, part)) for article in articles
                 for offset, part in article_parts(article, self.nlp.max_length))
        whole: ArticleResult | None = None  # the parts of a long article read so far
        sentences = 0
        for doc, (article, offset, part) in self.nlp.pipe(parts, as_tuples=True, batch_size=batch_size):
            if whole is not None and whole.article is not article:
                yield whole
                whole = None
            if part is article:
                yield self.analyse(doc, article)
                continue
            if whole is None:
                whole, sentences = ArticleResult(article, [], []), 0
            result = self.analyse(doc, part)
            whole.mentions.extend(shift_mentions(result.mentions, offset, sentences))
            whole.relations.extend(shift_relations(result.relations, offset, sentences))
            sentences += sum(1 for _ in doc.sents)
        if whole is not None:
            yield whole

    def analyse(self, doc, article: Article) -> ArticleResult:
        view = TokenView.of(doc)  # the token attributes every stage reads, taken from spaCy once
        mentions = resolve_descriptions(doc, resolve_mentions(doc, article, self.knowledge_base, self.event_nouns, view), view)
        relations = list(extract_relations(doc, mentions, article, self.vocabulary, self.knowledge, view))
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
    # doc_id -> {"sha256": of the text, "origin": where it was read}, for the manifest
    sources: dict[str, dict] = field(default_factory=dict)

    def write(self, directory: str | os.PathLike, min_confidence: float = 0.0, excel_safe: bool = False) -> dict[str, Path]:
        """Write every output format into ``directory``; returns {file name: path}."""
        G = filter_confidence(self.graph, min_confidence) if min_confidence > 0 else self.graph
        return write_outputs(G, directory, self.sources, excel_safe=excel_safe)


def _writers(excel_safe: bool = False) -> dict[str, Callable]:
    """{file name: writer} for the whole output set (graphkit.formats)."""
    return writers(excel_safe)


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


def write_outputs(G: nx.MultiDiGraph, directory: str | os.PathLike, sources: dict[str, dict] | None = None,
                  excel_safe: bool = False) -> dict[str, Path]:
    """Write all formats as one set, with the manifest (graphkit.outputs): all new files or none.

    ``sources`` (doc_id -> {"sha256", "origin"}) goes into the manifest; ``excel_safe``
    neutralises CSV cells a spreadsheet would read as a formula (graphkit.export.tables).
    """
    out = check_writable(directory)
    return write_set(G, out, _writers(excel_safe), sources)


def _articles_only(inputs, on_skip: Callable[[Skipped], None]) -> Iterator[Article]:
    for item in inputs:
        if isinstance(item, Skipped):
            on_skip(item)
        else:
            yield item


def usable_articles(inputs, extractor: Extractor, on_skip: Callable[[Skipped], None]) -> Iterator[Article]:
    """The articles among ``inputs``; a Skipped line for the rest (an article over the model's limit is parsed in parts)."""
    return _articles_only(inputs, on_skip)


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
    known_sources: dict[str, dict] | None = None,
) -> KnowledgeGraph:
    """Read articles (paths, or Article records), extract, and aggregate into a graph.

    Pass ``graph`` to add to an existing graph. The doc_ids of the articles in a graph are
    kept, sorted, in ``G.graph["documents"]``; an article whose doc_id is already there
    (built before, or a repeated id in the input) is not added again, so its statements
    and mentions are never counted twice. It is reported as skipped instead, or, when
    ``on_known`` is given and ``graph`` already held it, passed to ``on_known`` and not
    counted as skipped (an incremental build into a stored graph). ``known_sources`` (the
    manifest's doc_id -> {"sha256", "origin"}) tells a new article whose id is taken by a
    different text: that is an id collision, skipped with a line naming both sources, never
    taken for the article built before.

    Articles longer than the model's ``max_length`` are parsed in parts (graphkit.bounds).

    Articles stream through the parser; only the graph grows with the corpus. ``jobs``,
    ``engine`` and ``scheduler`` choose where extraction runs (see graphkit.engines); the
    graph is the same whichever runs it.

    >>> kg = build(["examples/"])                       # doctest: +SKIP
    >>> kg.write("outputs/")                            # doctest: +SKIP
    """
    extractor = extractor or Extractor(model, actors)
    G = graph if graph is not None else new_graph()
    G.graph.update(graphkit_version=__version__, model=extractor.model, generated_at=run_timestamp())
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
    sources = result.sources
    sources.update({doc_id: dict(known_sources[doc_id]) for doc_id in built_before if known_sources and doc_id in known_sources})

    def new_articles(articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            digest, origin = text_sha256(article.text), article.origin or article.doc_id
            earlier = sources.get(article.doc_id)
            if earlier and earlier.get("sha256") not in (None, digest):
                where = "in the graph" if article.doc_id in built_before else "in this build"
                skip(Skipped(origin, f"id collision: doc_id {article.doc_id!r} is already {where}, from {earlier.get('origin')!r}, with a different text; "
                                     "give one of them its own id (rename the file, or set \"id\" in JSONL), or rebuild with --fresh"))
            elif on_known is not None and article.doc_id in built_before:
                on_known(article)
            elif article.doc_id in documents:
                skip(Skipped(origin, f"doc_id {article.doc_id!r} is already in the graph, same text; not added twice"))
            else:
                documents.add(article.doc_id)
                sources[article.doc_id] = {"sha256": digest, "origin": origin, **({"metadata": article.metadata} if article.metadata else {})}
                yield article

    articles = new_articles(usable_articles(stream, extractor, skip))
    for article_result in engines.run(extractor, articles, engine, jobs, scheduler):
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
    articles = usable_articles(read_articles(list(inputs)), extractor, on_skip or (lambda item: None))
    for article_result in engines.run(extractor, articles, engine, jobs, scheduler):
        for relation in article_result.relations:
            yield extractor.record(relation)
