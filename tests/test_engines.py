"""Examples of running extraction on several processes or a Dask cluster: the same graph, in
the same order, as one process gives."""

from __future__ import annotations

import networkx as nx
import pytest
from typer.testing import CliRunner

import graphkit
from graphkit import engines
from graphkit.cli import app
from graphkit.ingest import read_articles
from graphkit.models import Article

import helpers

EXAMPLES = helpers.REPO / "examples"


@pytest.fixture
def small_tasks(monkeypatch):
    # Two articles per task, so the nine examples make five tasks that finish out of order.
    monkeypatch.setattr(engines, "CHUNK_SIZE", 2)


def example_articles() -> list[Article]:
    return [item for item in read_articles([EXAMPLES]) if isinstance(item, Article)]


def graph_content(G: nx.MultiDiGraph) -> tuple:
    """Everything in a graph except when it was generated."""
    nodes = sorted(G.nodes(data=True))
    edges = sorted(G.edges(keys=True, data=True), key=lambda edge: edge[:3])
    return nodes, edges, G.graph["documents"], G.graph["articles"]


@pytest.fixture(scope="module")
def one_process_graph() -> nx.MultiDiGraph:
    return graphkit.build([EXAMPLES], extractor=helpers.extractor()).graph


def test_two_processes_yield_the_same_results_in_input_order(small_tasks):
    articles = example_articles()
    one = list(helpers.extractor().process(articles))
    two = list(engines.run(helpers.extractor(), articles, jobs=2))
    assert [result.article.doc_id for result in two] == [article.doc_id for article in articles]
    assert two == one
    assert sum(len(result.relations) for result in two) > 0


def test_build_with_two_jobs_gives_the_same_graph(small_tasks, one_process_graph):
    kg = graphkit.build([EXAMPLES], extractor=helpers.extractor(), jobs=2)
    assert graph_content(kg.graph) == graph_content(one_process_graph)


def test_dask_engine_on_a_two_worker_local_cluster_gives_the_same_graph(small_tasks, one_process_graph):
    # Worker threads in this process (processes=False): each loads its own pipeline once, and
    # the test does not pay for starting Python twice more. Tasks still go through the
    # scheduler, out of order, and results are merged here.
    distributed = pytest.importorskip("distributed", reason="the dask engine needs the dask extra: pip install -e '.[dask]'")
    LocalCluster, Client = distributed.LocalCluster, distributed.Client
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, Client(cluster) as client:
        kg = graphkit.build([EXAMPLES], extractor=helpers.extractor(), engine="dask", scheduler=client)
        assert len(client.nthreads()) == 2
    assert graph_content(kg.graph) == graph_content(one_process_graph)


def test_extract_with_two_jobs_prints_the_same_records():
    runner = CliRunner()
    one = runner.invoke(app, ["extract", str(EXAMPLES)])
    two = runner.invoke(app, ["extract", str(EXAMPLES), "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert two.stdout == one.stdout
    assert one.stdout.count("\n") > 0


@pytest.mark.parametrize("options, message", [
    (["--engine", "spark"], "unknown engine 'spark'; expected one of local, dask"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
])
def test_a_wrong_engine_option_is_one_line(options, message):
    result = CliRunner().invoke(app, ["extract", str(EXAMPLES / "2022-09-02-iaea-zaporizhzhia.txt"), *options])
    assert result.exit_code == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("jobs", [1, 2])
def test_articles_are_read_as_they_are_needed_not_all_at_once(jobs):
    total, consumed, seen_at_first_result = 200, [0], []

    def articles():
        for number in range(total):
            consumed[0] += 1
            yield Article(f"a{number}", f"Russia attacked Ukraine on day {number}.", date="2024-01-01")

    def on_article(result) -> None:
        if not seen_at_first_result:
            seen_at_first_result.append(consumed[0])

    kg = graphkit.build(articles(), extractor=helpers.extractor(), on_article=on_article, jobs=jobs)
    assert kg.articles == total
    assert seen_at_first_result[0] < total / 2
