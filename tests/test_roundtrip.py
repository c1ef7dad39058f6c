"""Examples of reading a stored graph back: round trips, incremental builds, idempotence, determinism.

The graph of examples/ is written, read back with ``graphkit.load.read_graph`` and compared with
the graph that was written; building into a directory that already holds a graph adds only the
new articles; the same input always gives the same bytes except one provenance timestamp.
"""

from __future__ import annotations

import io

import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

import graphkit.pipeline
from graphkit.cli import app
from graphkit.export.ntriples import term, write_nquads, write_ntriples
from graphkit.export.rdf import graph_to_rdf, write_turtle
from graphkit.load import read_graph
from graphkit.nlp import DEFAULT_MODEL
from graphkit.pipeline import build, write_outputs

import helpers
from demo_graph import EXAMPLES, demo_graph, snapshot
from graph_fixtures import HOSTILE_SENTENCE, sample_graph

RDF_AND_CSV = ("graph.ttl", "graph.nt", "graph.nq", "relations.csv", "actors.csv")
FIRST_ARTICLES = [EXAMPLES / "2024-01-12-red-sea-strikes.txt", EXAMPLES / "2023-wire-digest.jsonl"]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    directory = tmp_path_factory.mktemp("demo")
    write_outputs(demo_graph(), directory)
    return directory


# ---------------------------------------------------------------- round trip


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld", "."])
def test_reading_the_demo_back_gives_the_graph_that_was_written(demo_dir, name):
    assert snapshot(read_graph(demo_dir / name)) == snapshot(demo_graph())


def test_graph_attributes_survive_the_turtle_round_trip(demo_dir):
    G = demo_graph()
    assert read_graph(demo_dir).graph == G.graph
    assert set(G.graph) >= {"name", "articles", "documents", "graphkit_version", "model", "generated_at"}
    assert len(G.graph["documents"]) == G.graph["articles"]


def test_writing_the_read_graph_again_gives_an_isomorphic_rdf_graph(demo_dir):
    stored = rdflib.Graph().parse(demo_dir / "graph.ttl")
    again = io.BytesIO()
    write_turtle(read_graph(demo_dir), again)
    assert isomorphic(stored, rdflib.Graph().parse(data=again.getvalue(), format="turtle"))


def test_n_triples_and_n_quads_hold_the_same_rdf_graph_as_turtle(demo_dir):
    turtle = rdflib.Graph().parse(demo_dir / "graph.ttl")
    ntriples = rdflib.Graph().parse(demo_dir / "graph.nt", format="nt")
    dataset = rdflib.Dataset().parse(demo_dir / "graph.nq", format="nquads")
    [run] = turtle.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/graphkit/ontology#ExtractionRun"))
    assert isomorphic(turtle, ntriples)
    assert isomorphic(turtle, dataset.graph(run))
    assert len(list(dataset.quads())) == len(turtle)  # every triple in the run's named graph, none elsewhere


def test_n_triples_lines_are_unique_and_escape_hostile_text(tmp_path):
    G = sample_graph()
    evidence = G.edges[next(iter(G.edges(keys=True)))]["evidence"][0]
    evidence["sentence"] = 'tab\there, "quotes", back\\slash, new\nline, bell\x07, café'
    count = write_ntriples(G, tmp_path / "g.nt")
    lines = (tmp_path / "g.nt").read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == len(set(lines)) == len(graph_to_rdf(G))
    assert isomorphic(rdflib.Graph().parse(tmp_path / "g.nt", format="nt"), graph_to_rdf(G))
    assert term(rdflib.Literal(evidence["sentence"])) == r'"tab\there, \"quotes\", back\\slash, new\nline, bell\u0007, café"'
    assert any(HOSTILE_SENTENCE in line for line in lines)  # angle brackets stay literal text


def test_n_quads_name_the_extraction_run(tmp_path):
    G = sample_graph()
    write_nquads(G, tmp_path / "g.nq")
    graph_names = {line.rsplit(" ", 2)[-2] for line in (tmp_path / "g.nq").read_text().splitlines()}
    assert len(graph_names) == 1 and graph_names.pop().startswith("<https://w3id.org/graphkit/run/")


@pytest.mark.parametrize(("make", "message"), [
    (lambda tmp: tmp / "missing.ttl", "not found"),
    (lambda tmp: tmp, "holds no graph.ttl or graph.jsonld"),
    (lambda tmp: (tmp / "graph.graphml").write_text("<graphml/>") and tmp / "graph.graphml", "cannot read .graphml"),
    (lambda tmp: (tmp / "graph.ttl").write_text("this is not turtle") and tmp / "graph.ttl", "not a graph graphkit wrote"),
])
def test_read_graph_says_what_is_wrong_in_one_line(tmp_path, make, message):
    with pytest.raises(ValueError, match=message) as error:
        read_graph(make(tmp_path))
    assert "\n" not in str(error.value)


# ---------------------------------------------------------------- incremental build and idempotence


def test_building_the_same_articles_into_the_stored_graph_changes_nothing(demo_dir):
    G = read_graph(demo_dir)
    before = snapshot(G, without=("generated_at",))
    known = []
    kg = build([EXAMPLES], extractor=helpers.extractor(), graph=G, on_known=known.append)
    assert (kg.articles, kg.skipped, len(known)) == (0, [], G.graph["articles"])
    assert snapshot(G, without=("generated_at",)) == before


def test_an_incremental_build_gives_the_graph_of_a_build_in_one_go(tmp_path):
    build(FIRST_ARTICLES, extractor=helpers.extractor()).write(tmp_path)
    first = read_graph(tmp_path)
    kg = build([EXAMPLES], extractor=helpers.extractor(), graph=first, on_known=lambda article: None)
    assert 0 < kg.articles < first.graph["articles"]
    assert snapshot(kg.graph, without=("generated_at",)) == snapshot(demo_graph(), without=("generated_at",))


@pytest.fixture
def cli_extractor(monkeypatch):
    loaded = helpers.extractor()
    monkeypatch.setattr(graphkit.pipeline, "Extractor", lambda model=DEFAULT_MODEL, actor_files=(): loaded)


def test_cli_build_adds_new_articles_to_the_graph_in_the_output_directory(tmp_path, cli_extractor):
    runner = CliRunner()
    assert runner.invoke(app, ["build", *map(str, FIRST_ARTICLES), "-o", str(tmp_path)]).exit_code == 0
    first = read_graph(tmp_path).graph["articles"]
    result = runner.invoke(app, ["build", str(EXAMPLES), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"{first} article(s) in it were not read again" in " ".join(result.output.split())
    assert snapshot(read_graph(tmp_path), without=("generated_at",)) == snapshot(demo_graph(), without=("generated_at",))


def test_cli_build_of_articles_already_built_leaves_the_files_as_they_were(tmp_path, cli_extractor):
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(EXAMPLES), "-o", str(tmp_path)]).exit_code == 0
    files = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    result = runner.invoke(app, ["build", str(EXAMPLES), "-o", str(tmp_path)])
    assert result.exit_code == 0 and "nothing new" in result.output
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == files


def test_cli_build_fresh_starts_a_new_graph(tmp_path, cli_extractor):
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(EXAMPLES), "-o", str(tmp_path)]).exit_code == 0
    result = runner.invoke(app, ["build", str(FIRST_ARTICLES[0]), "-o", str(tmp_path), "--fresh"])
    assert result.exit_code == 0, result.output
    assert read_graph(tmp_path).graph["documents"] == ["2024-01-12-red-sea-strikes"]


def test_cli_build_into_a_directory_with_a_broken_graph_says_how_to_start_over(tmp_path, cli_extractor):
    (tmp_path / "graph.ttl").write_text("@prefix broken")
    result = CliRunner().invoke(app, ["build", str(FIRST_ARTICLES[0]), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "graph.ttl" in result.output and "--fresh" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- determinism


def test_the_same_input_twice_gives_identical_files_but_for_the_timestamp(tmp_path):
    stamps = []
    for name in ("one", "two"):
        kg = build([EXAMPLES], extractor=helpers.extractor())
        kg.graph.graph["generated_at"] = stamp = f"2024-11-0{len(stamps) + 1}T12:00:00+00:00"
        stamps.append(stamp)
        kg.write(tmp_path / name)
    for file in RDF_AND_CSV:
        one = (tmp_path / "one" / file).read_text(encoding="utf-8").splitlines()
        two = (tmp_path / "two" / file).read_text(encoding="utf-8").splitlines()
        changed = [(a, b) for a, b in zip(one, two, strict=False) if a != b]  # lengths compared below
        assert len(one) == len(two), file
        if file.endswith(".csv"):
            assert changed == [], file
        else:  # the one provenance timestamp, prov:startedAtTime
            assert len(changed) == 1, file
            assert "startedAtTime" in changed[0][0] and stamps[0] in changed[0][0] and stamps[1] in changed[0][1], file
