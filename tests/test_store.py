"""Examples of keeping the graph in the on-disk store: builds add to it in place, and it holds
the same graph as one build of everything."""

from __future__ import annotations

import networkx as nx
import pytest
from typer.testing import CliRunner

import graphkit
from graphkit.cli import app
from graphkit.ingest import read_articles
from graphkit.models import Article
from graphkit.store import STORE_DIRECTORY, GraphStore

import helpers

pytest.importorskip("pyoxigraph", reason="the on-disk store needs the store extra: pip install -e '.[store]'")

EXAMPLES = helpers.REPO / "examples"


def example_articles() -> list[Article]:
    return [item for item in read_articles([EXAMPLES]) if isinstance(item, Article)]


def graph_content(G: nx.MultiDiGraph) -> tuple:
    return sorted(G.nodes(data=True)), sorted(G.edges(keys=True, data=True), key=lambda edge: edge[:3])


@pytest.fixture(scope="module")
def everything_at_once() -> nx.MultiDiGraph:
    return graphkit.build(example_articles(), extractor=helpers.extractor()).graph


def statement_count(store: GraphStore) -> int:
    [row] = store.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a gk:Statement }")
    return int(row["n"].value)


def test_two_builds_into_the_store_hold_the_graph_of_one_build(tmp_path, everything_at_once):
    articles = example_articles()
    with GraphStore(tmp_path / "graph.oxigraph") as store:
        first = store.build(articles[:4], helpers.extractor())
        second = store.build(articles[4:], helpers.extractor())
        assert (first.articles, second.articles) == (4, len(articles) - 4)
        assert store.documents() == sorted(article.doc_id for article in articles)
        assert graph_content(store.to_graph()) == graph_content(everything_at_once)
        assert statement_count(store) == sum(data["count"] for _, _, data in everything_at_once.edges(data=True))


def test_building_the_same_articles_again_adds_nothing(tmp_path):
    articles = example_articles()[:3]
    with GraphStore(tmp_path / "graph.oxigraph") as store:
        store.build(articles, helpers.extractor())
        triples, statements = store.triple_count(), statement_count(store)
        again = store.build(articles, helpers.extractor())
        assert again.articles == 0
        assert (store.triple_count(), statement_count(store)) == (triples, statements)
        assert triples > statements > 0


def test_the_store_persists_between_opens(tmp_path):
    path = tmp_path / "graph.oxigraph"
    with GraphStore(path) as store:
        store.build(example_articles()[:2], helpers.extractor())
        triples = store.triple_count()
    with GraphStore(path) as store:
        assert store.triple_count() == triples
        assert len(store.documents()) == 2


def test_build_with_store_writes_the_store_and_later_builds_use_it(tmp_path):
    runner, out = CliRunner(), tmp_path / "out"
    first = runner.invoke(app, ["build", str(EXAMPLES / "2023-wire-digest.jsonl"), "-o", str(out), "--store", "oxigraph"])
    assert first.exit_code == 0, first.output
    assert sorted(path.name for path in out.iterdir()) == [STORE_DIRECTORY]
    # No --store: the directory already holds a store, so the build adds to it.
    second = runner.invoke(app, ["build", str(EXAMPLES), "-o", str(out)])
    assert second.exit_code == 0, second.output
    assert sorted(path.name for path in out.iterdir()) == [STORE_DIRECTORY]
    with GraphStore(out / STORE_DIRECTORY) as store:
        assert store.documents() == sorted(article.doc_id for article in example_articles())


def test_fresh_replaces_the_store(tmp_path):
    runner, out = CliRunner(), tmp_path / "out"
    runner.invoke(app, ["build", str(EXAMPLES), "-o", str(out), "--store", "oxigraph"])
    result = runner.invoke(app, ["build", str(EXAMPLES / "2024-01-12-red-sea-strikes.txt"), "-o", str(out), "--fresh"])
    assert result.exit_code == 0, result.output
    with GraphStore(out / STORE_DIRECTORY) as store:
        assert store.documents() == ["2024-01-12-red-sea-strikes"]
    assert sorted(path.name for path in out.iterdir()) == [STORE_DIRECTORY]
