"""Examples of the library API: articles in, one aggregated knowledge graph out."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
import graphkit.pipeline
from graphkit.graph import merge_graphs
from graphkit.models import Article
from graphkit.nlp import DEFAULT_MODEL
from graphkit.pipeline import OUTPUT_FILES

import helpers

RUSSIA = "https://w3id.org/graphkit/actor/state/russia"
CHINA = "https://w3id.org/graphkit/actor/state/china"
UKRAINE = "https://w3id.org/graphkit/actor/state/ukraine"


def build(*articles: Article, **options) -> graphkit.KnowledgeGraph:
    return graphkit.build(list(articles), extractor=helpers.extractor(), **options)


def events_csv(directory: Path) -> list[dict]:
    """One row per statement."""
    with open(directory / "events.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the API in three lines -----------------------------------------------------------


def test_build_a_graph_and_write_it_in_three_lines(tmp_path):
    (tmp_path / "kursk.txt").write_text("Russia had trained the North Korean soldiers, Blinken said.\n", encoding="utf-8")

    kg = graphkit.build([tmp_path / "kursk.txt"], extractor=helpers.extractor())
    G = kg.graph
    written = kg.write(tmp_path / "out")

    assert RUSSIA in G and G.nodes[RUSSIA]["label"] == "Russia"
    assert (kg.articles, kg.skipped, G.graph["articles"], G.graph["documents"]) == (1, [], 1, ["kursk"])
    assert sorted(written) == sorted(OUTPUT_FILES)
    assert all(path.is_file() and path.parent == tmp_path / "out" for path in written.values())


def test_the_package_exports_the_api_lazily():
    assert (graphkit.build, graphkit.extract) == (graphkit.pipeline.build, graphkit.pipeline.extract)
    assert (graphkit.Extractor, graphkit.KnowledgeGraph) == (graphkit.pipeline.Extractor, graphkit.pipeline.KnowledgeGraph)
    assert {"build", "extract", "Extractor", "KnowledgeGraph"} <= set(dir(graphkit))
    with pytest.raises(AttributeError, match="no attribute 'biuld'"):
        graphkit.biuld  # noqa: B018


def test_import_graphkit_is_cheap():
    code = "import sys, graphkit; print(sorted(m for m in ('spacy', 'networkx', 'rdflib', 'graphkit.pipeline') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_extract_yields_gold_format_records(tmp_path, monkeypatch):
    monkeypatch.setattr(graphkit.pipeline, "Extractor", lambda model=DEFAULT_MODEL, actor_files=(): helpers.extractor())
    (tmp_path / "a.txt").write_text("Russia condemned Ukraine.\n", encoding="utf-8")

    [record] = graphkit.extract([tmp_path / "a.txt"])

    assert (record["doc_id"], record["source"]["label"], record["relation"], record["target"]["label"]) == (
        "a", "Russia", "condemns", "Ukraine")


# --- aggregation ------------------------------------------------------------------------


def test_building_the_same_article_twice_adds_no_evidence():
    article = Article("a1", "Russia condemned Ukraine.", date="2024-01-01")
    kg = build(article)
    again = build(article, graph=kg.graph)

    G = kg.graph
    assert G.edges[RUSSIA, UKRAINE, "condemns"]["count"] == 1
    assert (G.nodes[RUSSIA]["mentions"], G.nodes[UKRAINE]["mentions"]) == (1, 1)
    assert (G.graph["articles"], G.graph["documents"]) == (1, ["a1"])
    assert again.articles == 0
    [skipped] = again.skipped
    assert "doc_id 'a1' is already in the graph" in str(skipped)


def test_a_repeated_doc_id_in_one_run_is_skipped_with_a_message():
    kg = build(Article("w1", "Russia condemned Ukraine."), Article("w1", "France condemned Iran."))

    assert kg.articles == 1
    assert [str(item) for item in kg.skipped] == [
        "w1: id collision: doc_id 'w1' is already in this build, from 'w1', with a different text; "
        "give one of them its own id (rename the file, or set \"id\" in JSONL), or rebuild with --fresh"]


def test_two_articles_stating_the_same_relation_give_one_edge_with_two_evidence_items():
    kg = build(Article("late", "Russia condemned Ukraine.", date="2024-03-05"),
               Article("early", "Moscow condemned Kyiv on Monday.", date="2023-11-20"))

    [(u, v, key, data)] = kg.graph.edges(keys=True, data=True)
    assert (u, v, key) == (RUSSIA, UKRAINE, "condemns")
    assert (data["count"], data["articles"], data["first_date"], data["last_date"]) == (2, 2, "2023-11-20", "2024-03-05")
    assert [item["doc_id"] for item in data["evidence"]] == ["early", "late"]  # in date order


@pytest.mark.parametrize("forward, backward, edges", [
    ("Russia met China.", "China met Russia.", [(CHINA, RUSSIA, "meets")]),
    ("Russia negotiated with China.", "China negotiated with Russia.", [(CHINA, RUSSIA, "negotiates")]),
    ("Russia cooperated with China.", "China cooperated with Russia.", [(CHINA, RUSSIA, "cooperates")]),
    ("Russia fought Ukraine.", "Ukraine fought Russia.", [(RUSSIA, UKRAINE, "fights")]),
    # Not symmetric: one edge each way.
    ("Russia condemned Ukraine.", "Ukraine condemned Russia.", [(RUSSIA, UKRAINE, "condemns"), (UKRAINE, RUSSIA, "condemns")]),
])
def test_symmetric_relations_are_stored_once_from_the_first_iri(forward, backward, edges):
    kg = build(Article("a", forward), Article("b", backward))

    assert sorted(kg.graph.edges(keys=True)) == edges
    assert sum(data["count"] for *_, data in kg.graph.edges(keys=True, data=True)) == 2


def test_min_confidence_drops_low_statements_from_the_files(tmp_path):
    # a direct object and a noun preposition: the fitted model (ontologies/confidence.yaml) gives
    # them different confidences; a threshold between the two keeps only the higher one
    kg = build(Article("a", "Russia had trained the North Korean soldiers."),
               Article("b", "Russia's invasion of Ukraine continued."))
    scores = {relation: max(item["confidence"] for item in data["evidence"]) for *_, relation, data in kg.graph.edges(keys=True, data=True)}
    assert sorted(scores) == ["attacks", "trains"] and scores["attacks"] != scores["trains"]
    higher, lower = sorted(scores, key=scores.get, reverse=True)

    for min_confidence, kept in [(0.0, sorted(scores)), ((scores[higher] + scores[lower]) / 2, [higher]), (scores[higher] + 0.01, [])]:
        out = tmp_path / str(min_confidence)
        kg.write(out, min_confidence=min_confidence)
        assert sorted(row["relation"] for row in events_csv(out)) == kept
    assert kg.graph.number_of_edges() == 2  # the graph in memory keeps everything


def test_written_files_are_readable_like_any_file_the_user_creates(tmp_path):
    umask = os.umask(0o022)
    try:
        build(Article("a", "Russia condemned Ukraine.")).write(tmp_path)
    finally:
        os.umask(umask)

    assert {name: oct(stat.S_IMODE((tmp_path / name).stat().st_mode)) for name in OUTPUT_FILES} == {
        name: oct(0o644) for name in OUTPUT_FILES}
    assert not [path.name for path in tmp_path.iterdir() if path.name.startswith(".")], "no temporary files left"


def test_merging_two_graphs_gives_the_graph_of_both_builds():
    first = Article("a", "Russia attacked Ukraine. Iran supplied Russia with drones.", date="2024-01-02")
    second = Article("b", "Russia attacked Ukraine again on Monday.", date="2024-02-03")

    merged = merge_graphs(build(first).graph, build(second).graph)
    together = build(first, second).graph

    assert sorted(merged.nodes(data=True)) == sorted(together.nodes(data=True))
    assert sorted(merged.edges(keys=True, data=True), key=repr) == sorted(together.edges(keys=True, data=True), key=repr)
