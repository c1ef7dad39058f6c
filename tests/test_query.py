"""Examples of `graphkit query`: SPARQL over the RDF graphkit writes, as a table, CSV or JSON.

Every query in README.md's "Queries" section runs here against the graph of examples/ and must
return rows, so the README cannot drift from what the files hold.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.export.rdf import write_turtle
from graphkit.query import load, run_query, to_csv, to_json

from graph_fixtures import iri, sample_graph
from helpers import REPO


def readme_queries() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Queries\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sparql\n(.*?)```", section, re.S)




@pytest.fixture(scope="module")
def sample_ttl(tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "graph.ttl"
    write_turtle(sample_graph(), path)
    return path


def test_readme_has_at_least_five_queries():
    assert len(readme_queries()) >= 5


@pytest.mark.parametrize("sparql", readme_queries(), ids=lambda q: q.split("WHERE")[0].strip()[:40])
def test_each_readme_query_returns_rows_on_the_demo(demo_dir, sparql):
    result = run_query(load([demo_dir]), sparql)
    assert result.rows
    assert all(any(value for value in row) for row in result.rows)


def test_direct_triples_are_only_the_asserted_facts(sample_ttl):
    rows = run_query(load([sample_ttl]), "SELECT ?s ?o WHERE { ?s gk:trains ?o }").rows
    assert rows == [[iri("russia"), iri("kpa")]]
    assert run_query(load([sample_ttl]), "SELECT ?s WHERE { ?s gk:fights ?o }").rows == []


def test_a_negated_statement_is_still_there_with_its_speaker(sample_ttl):
    sparql = """SELECT ?speaker ?sentence WHERE {
      ?s gk:negated true ; gk:attributedTo/rdfs:label ?speaker ; gk:evidenceText ?sentence }"""
    assert run_query(load([sample_ttl]), sparql).rows == [
        ["North Korea", "North Korea denied that its troops were fighting in Ukraine."]]


def test_ask_gives_true_or_false(sample_ttl):
    assert run_query(load([sample_ttl]), "ASK { ?s gk:condemns ?o }").answer is True
    assert to_json(run_query(load([sample_ttl]), "ASK { ?s gk:kills ?o }")) == "false"


def test_csv_and_json_carry_the_same_rows(sample_ttl):
    result = run_query(load([sample_ttl]), "SELECT ?label ?iso3 WHERE { ?a rdfs:label ?label . OPTIONAL { ?a gk:iso3 ?iso3 } } ORDER BY ?label")
    table = list(csv.reader(io.StringIO(to_csv(result))))
    records = json.loads(to_json(result))
    assert table[0] == ["label", "iso3"] and len(table) - 1 == len(records) == len(result.rows)
    assert {"label": "United Nations", "iso3": None} in records and ["United Nations", ""] in table


@pytest.mark.parametrize("output_format", ["table", "csv", "json"])
def test_cli_query_prints_each_format(sample_ttl, output_format):
    result = CliRunner().invoke(app, ["query", str(sample_ttl), "SELECT ?label WHERE { ?a a gk:State ; rdfs:label ?label } ORDER BY ?label",
                                      "--format", output_format])
    assert result.exit_code == 0, result.output
    states = ["Israel", "North Korea", "Russia", "South Korea", "Ukraine"]
    if output_format == "json":
        assert [row["label"] for row in json.loads(result.output)] == states
    elif output_format == "csv":
        assert result.output.splitlines() == ["label", *states]
    else:
        assert all(state in result.output for state in states) and "5 row(s)" in result.output


def test_cli_query_keeps_iris_in_the_query_intact(sample_ttl):
    result = CliRunner().invoke(app, ["query", str(sample_ttl), "--format", "csv",
                                      "SELECT ?a WHERE { ?a owl:sameAs <http://www.wikidata.org/entity/Q159> }"])
    assert result.output.splitlines() == ["a", iri("russia")]


@pytest.mark.parametrize(("arguments", "message"), [
    (["SELEC ?x"], "SPARQL error"),
    (["SELECT ?x WHERE { ?x ?p ?o }", "--format", "xml"], "unknown format 'xml'"),
])
def test_cli_query_errors_are_one_line(sample_ttl, arguments, message):
    result = CliRunner().invoke(app, ["query", str(sample_ttl), *arguments])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
