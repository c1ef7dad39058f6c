"""Examples of `graphkit validate`: every RDF file the demo writes conforms to ontologies/shapes.ttl,
and a broken file fails with one readable line per violation (focus node, property, message)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.export.rdf import graph_to_rdf
from graphkit.validate import rdf_files, validate_file, validate_graph

from graph_fixtures import sample_graph

RDF_FILES = ("graph.ttl", "graph.jsonld", "graph.nt", "graph.nq")
STATEMENT = re.compile(r"^(<https://w3id.org/graphkit/statement/[0-9a-f]+>) ")




@pytest.fixture(scope="module")
def broken(demo_dir, tmp_path_factory):
    """The demo's N-Triples with three faults in one statement: confidence 1.7, an unknown
    modality, and no extraction run. Returns the file and that statement's IRI."""
    lines = (demo_dir / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
    statement = next(STATEMENT.match(line).group(1) for line in lines if STATEMENT.match(line))
    faults = {"#confidence>": '"1.7"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n', "#modality>": '"rumoured" .\n'}
    broken_lines = []
    for line in lines:
        if line.startswith(statement + " "):
            if "wasGeneratedBy" in line:
                continue
            for predicate, value in faults.items():
                if predicate in line:
                    line = line[:line.index(predicate) + len(predicate)] + " " + value
        broken_lines.append(line)
    path = tmp_path_factory.mktemp("broken") / "broken.nt"
    path.write_text("".join(broken_lines), encoding="utf-8")
    return path, statement


@pytest.mark.parametrize("name", RDF_FILES)
def test_every_rdf_file_of_the_demo_conforms(demo_dir, name):
    report = validate_file(demo_dir / name)
    assert report.triples > 1000
    assert report.violations == []


def test_the_hostile_sample_graph_conforms():
    assert validate_graph(graph_to_rdf(sample_graph())) == []


def test_a_broken_file_gives_one_violation_per_fault_naming_node_and_property(broken):
    path, statement = broken
    report = validate_file(path)
    assert not report.conforms
    assert sorted((v.focus, v.path) for v in report.violations) == [
        (statement, "gk:confidence"), (statement, "gk:modality"), (statement, "prov:wasGeneratedBy")]
    messages = {v.path: str(v) for v in report.violations}
    assert "from 0 to 1" in messages["gk:confidence"] and '"1.7"' in messages["gk:confidence"]
    assert "asserted, reported, hypothetical, planned" in messages["gk:modality"]
    assert "gk:ExtractionRun" in messages["prov:wasGeneratedBy"]


def test_cli_validate_passes_on_the_demo_directory(demo_dir):
    result = CliRunner().invoke(app, ["validate", str(demo_dir)])
    assert result.exit_code == 0, result.output
    assert [line.split(": ")[1].split(" (")[0] for line in result.output.splitlines()] == ["conforms"] * 4


def test_cli_validate_fails_on_a_broken_file_with_a_readable_report(demo_dir, broken):
    path, statement = broken
    result = CliRunner().invoke(app, ["validate", str(demo_dir / "graph.ttl"), str(path)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{demo_dir / 'graph.ttl'}: conforms (")
    assert lines[1].startswith(f"{path}: 3 violation(s) in ")
    assert all(line.startswith(f"  {statement} ") for line in lines[2:]) and len(lines) == 5
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("content", "name", "message"), [
    ("<graphml/>", "graph.graphml", "validate reads RDF (.ttl, .jsonld, .nt, .nq), not .graphml"),
    ("<a> <b> c", "graph.nt", "not valid nt"),
    (None, "missing.ttl", "not found"),
])
def test_cli_validate_refuses_what_it_cannot_read_in_one_line(tmp_path, content, name, message):
    if content is not None:
        (tmp_path / name).write_text(content)
    result = CliRunner().invoke(app, ["validate", str(tmp_path / name)])
    assert result.exit_code == 1
    assert message in " ".join(result.output.split()) and "Traceback" not in result.output


def test_a_directory_stands_for_its_rdf_files(demo_dir):
    assert [path.name for path in rdf_files([demo_dir])] == list(RDF_FILES)
