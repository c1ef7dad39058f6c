"""Examples of using the command line: build, extract and evaluate, with good and bad input.

Every bad input gives one line on stderr naming the file (and line), the good articles of the
same run still reach the output, the end summary lists the skip, and the exit code says what
happened: 0 all input used, 2 some input skipped, 1 nothing usable or a fatal error.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import click
import networkx as nx
import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

import graphkit.pipeline
from graphkit.cli import app
from graphkit.ingest import content_id, read_articles
from graphkit.models import Article
from graphkit.nlp import DEFAULT_MODEL
from graphkit.pipeline import OUTPUT_FILES

import helpers
from helpers import SEED_ARTICLE as SEED, jsonl, write

DEV_GOLD = helpers.REPO / "tests" / "data" / "dev_gold.jsonl"

BLINKEN = "Russia had trained the North Korean soldiers for artillery battles, Blinken said.\n"
# GOLD_FORMAT.md section 3, plus what graphkit adds for debugging.
RECORD_KEYS = {
    "doc_id", "date", "sentence_index", "sentence", "char_span", "relation", "cameo", "plover",
    "source", "target", "negated", "modality", "attributed_to", "location", "quantity", "confidence",
} | {"trigger", "pattern", "rule"}
ACTOR_KEYS = {"id", "label", "type", "text"}
OPTIONAL_ACTOR_KEYS = {"country", "affiliation"}


@pytest.fixture(autouse=True)
def loaded_model(monkeypatch):
    """Hand the CLI the session's loaded pipeline, so the model loads once; other models load for real."""
    loaded, real = helpers.extractor(), graphkit.pipeline.Extractor

    def extractor(model=DEFAULT_MODEL, actor_files=()):
        return loaded if model == DEFAULT_MODEL and not actor_files else real(model, actor_files)

    monkeypatch.setattr(graphkit.pipeline, "Extractor", extractor)


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """Run in tmp_path, so the paths in messages are the short ones given on the command line."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "good.txt", BLINKEN)
    return tmp_path


def cli(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


def actor_labels(directory: Path) -> set[str]:
    with open(directory / "actors.csv", encoding="utf-8", newline="") as handle:
        return {row["label"] for row in csv.DictReader(handle)}


def assert_no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output, result.output


def stderr_lines(result) -> list[str]:
    return click.unstyle(result.stderr).splitlines()  # plain, even where the console is coloured


# --- bad input next to good input: exit 2 ----------------------------------------------

BAD_INPUTS = [
    # id, files to create, argument, where the message points, what it says
    ("missing path", {}, "missing.txt", "missing.txt", "no such file or directory"),
    ("latin-1 text", {"latin1.txt": "Le café: Russia condemned Ukraine.".encode("latin-1")}, "latin1.txt",
     "latin1.txt", "not valid UTF-8"),
    ("binary file", {"scan.txt": b"%PDF\x00\x01\x02 Russia condemned Ukraine."}, "scan.txt", "scan.txt", "binary file"),
    ("malformed JSONL line", {"wire.jsonl": jsonl({"id": "w1", "text": "France condemned Iran."}, "{not json",
                                                   {"id": "w3", "text": "Japan criticised China."})},
     "wire.jsonl", "wire.jsonl:2", "invalid JSON"),
    ("JSONL line not an object", {"wire.jsonl": jsonl({"id": "w1", "text": "France condemned Iran."}, "[1, 2]",
                                                       {"id": "w3", "text": "Japan criticised China."})},
     "wire.jsonl", "wire.jsonl:2", "expected a JSON object"),
    ("JSONL record without text", {"wire.jsonl": jsonl({"id": "w1", "text": "France condemned Iran."}, {"id": "w2"},
                                                        {"id": "w3", "text": "Japan criticised China."})},
     "wire.jsonl", "wire.jsonl:2", "no text"),
    ("empty file", {"empty.txt": ""}, "empty.txt", "empty.txt", "empty article"),
    ("date line only", {"dated.txt": "date 2024-10-31\n"}, "dated.txt", "dated.txt", "empty article"),
    ("blank JSONL text", {"wire.jsonl": jsonl({"id": "w1", "text": "France condemned Iran."}, {"text": "  \n "},
                                               {"id": "w3", "text": "Japan criticised China."})},
     "wire.jsonl", "wire.jsonl:2", "empty article"),
    ("directory without supported files", {"scans/report.pdf": b"%PDF", "scans/notes.docx": b"PK"}, "scans",
     "scans", "no supported files"),
]


@pytest.mark.parametrize("files, argument, origin, reason", [case[1:] for case in BAD_INPUTS],
                         ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_skipped_with_one_line_and_good_articles_still_built(workdir, files, argument, origin, reason):
    for name, content in files.items():
        write(workdir / name, content)

    result = cli("build", argument, "good.txt", "-o", "out")

    assert_no_traceback(result)
    assert result.exit_code == 2, result.output
    [message] = stderr_lines(result)
    assert message.startswith(f"skipped {origin}: {reason}"), message
    assert "Russia" in actor_labels(workdir / "out")
    assert f"skipped 1 input(s):\n  {origin}: {reason}" in click.unstyle(result.stdout)


def test_both_good_lines_around_a_malformed_jsonl_line_are_built(workdir):
    lines = [{"id": "w1", "text": "France condemned Iran."}, "{not json", {"id": "w3", "text": "Japan criticised China."}]
    write(workdir / "wire.jsonl", jsonl(*lines))

    result = cli("build", "wire.jsonl", "-o", "out")

    assert result.exit_code == 2, result.output
    assert {"France", "Iran", "Japan", "China"} <= actor_labels(workdir / "out")


# --- fatal errors: exit 1, one line, nothing written ----------------------------------

FATAL = [
    # id, files to create, arguments, what the one error line says
    ("unknown model", {}, ["good.txt", "--model", "no_such_model"],
     "spaCy model 'no_such_model' is not installed; install it with `pip install no-such-model`"),
    ("output under a regular file", {"blocker": "not a directory"}, ["good.txt", "-o", "blocker/out"],
     "cannot write to output directory 'blocker/out'"),
    # "[/draft]" is console markup; the message must show it as typed, not crash on it.
    ("output path with markup characters", {"[/draft]x": "a file"}, ["good.txt", "-o", "[/draft]x/out"],
     "cannot write to output directory '[/draft]x/out'"),
    ("only bad input", {"latin1.txt": "Café".encode("latin-1")}, ["missing.txt", "latin1.txt"],
     "no usable article in missing.txt, latin1.txt; nothing written"),
    ("missing actor list", {}, ["good.txt", "--actors", "mine.csv"], "actor list 'mine.csv' not found"),
]


@pytest.mark.parametrize("files, arguments, message", [case[1:] for case in FATAL], ids=[case[0] for case in FATAL])
def test_fatal_error_exits_1_with_one_line(workdir, files, arguments, message):
    for name, content in files.items():
        write(workdir / name, content)
    if "-o" not in arguments:
        arguments = [*arguments, "-o", "out"]

    result = cli("build", *arguments)

    assert_no_traceback(result)
    assert result.exit_code == 1, result.output
    [error] = [line for line in stderr_lines(result) if not line.startswith("skipped ")]
    assert error.startswith(f"error: {message}"), error
    assert not list(workdir.glob("out/*")), "nothing is written after a fatal error"


# --- good input: exit 0 and six files --------------------------------------------------


def test_build_writes_six_files_that_parse(workdir):
    write(workdir / "news" / "talks.md", "# Talks\n\nChina and Russia held talks in Beijing.\n")

    result = cli("build", "good.txt", "news/", "-o", "out")

    assert_no_traceback(result)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    out = workdir / "out"
    assert sorted(path.name for path in out.iterdir()) == sorted([*OUTPUT_FILES, "graphkit-manifest.json"])
    turtle = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert len(turtle) > 0 and isomorphic(turtle, rdflib.Graph().parse(out / "graph.jsonld", format="json-ld"))
    G = nx.read_graphml(out / "graph.graphml")
    assert {data["label"] for _, data in G.nodes(data=True)} >= {"Russia", "China", "Antony Blinken"}
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""<script[^>]*\ssrc\s*=\s*["']?https?://""", html, re.IGNORECASE)
    assert not re.search(r"""<link[^>]*\shref\s*=\s*["']?https?://""", html, re.IGNORECASE)
    assert "Russia" in actor_labels(out)


def test_summary_counts_what_was_written_with_min_confidence(workdir):
    write(workdir / "talks.txt", "China and Russia held talks.\n")  # a 0.7 statement

    result = cli("build", "good.txt", "talks.txt", "-o", "out", "--min-confidence", "0.8")

    assert result.exit_code == 0, result.output
    assert re.search(r"relations \(edges\)\s*│\s*1\s", result.stdout), result.stdout
    with open(workdir / "out" / "events.csv", encoding="utf-8", newline="") as handle:
        assert [row["relation"] for row in csv.DictReader(handle)] == ["trains"]


def test_build_the_shared_seed_article():
    if not SEED.exists():
        pytest.skip(f"shared seed article not found at {SEED}")
    kg = graphkit.pipeline.build([SEED], extractor=helpers.extractor())
    assert kg.articles == 1 and not kg.skipped
    labels = {data["label"] for _, data in kg.graph.nodes(data=True)}
    assert {"Russia", "Ukraine", "Antony Blinken"} <= labels


# --- extract -------------------------------------------------------------------------


def records(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def check_record(record: dict, article: Article) -> None:
    """The keys of GOLD_FORMAT.md section 3, and evidence that points into the article text."""
    assert set(record) == RECORD_KEYS
    for end in ("source", "target"):
        assert ACTOR_KEYS <= set(record[end]) <= ACTOR_KEYS | OPTIONAL_ACTOR_KEYS
    start, end = record["char_span"]
    assert record["sentence"] in article.text
    assert article.text[start:end] in record["sentence"]
    assert article.text.split("\n")[record["sentence_index"]] == record["sentence"]  # one sentence per line here


@pytest.mark.parametrize("arguments, stdin", [
    (["good.txt"], None),
    (["-"], BLINKEN),
    (["-"], "date 2024-10-31\nRussia trains troops\n\n" + BLINKEN),
], ids=["file", "stdin", "stdin with header"])
def test_extract_prints_one_gold_format_record_per_relation(workdir, arguments, stdin):
    result = cli("extract", *arguments, input=stdin)

    assert_no_traceback(result)
    assert result.exit_code == 0, result.output
    [record] = records(result)
    [article] = read_articles(["good.txt"] if stdin is None else ["-"], stdin=io.StringIO(stdin or ""))
    check_record(record, article)
    assert (record["source"]["label"], record["relation"], record["modality"], record["negated"]) == ("Russia", "trains", "reported", False)
    assert record["source"]["country"] == "RUS"
    assert {key: record["target"][key] for key in ("type", "affiliation", "country")} == {
        "type": "ArmedForce", "affiliation": "North Korea", "country": "PRK"}
    assert record["attributed_to"]["label"] == "Antony Blinken"
    assert record["doc_id"] == ("good" if stdin is None else content_id(article.text))


def test_extract_reports_a_malformed_line_and_prints_the_rest(workdir):
    write(workdir / "wire.jsonl", jsonl({"id": "w1", "text": "France condemned Iran."}, "{not json",
                                         {"id": "w3", "text": "Japan criticised China."}))

    result = cli("extract", "wire.jsonl")

    assert_no_traceback(result)
    assert result.exit_code == 2
    [message] = stderr_lines(result)
    assert message.startswith("skipped wire.jsonl:2: invalid JSON")
    assert [(r["doc_id"], r["source"]["label"], r["relation"], r["target"]["label"]) for r in records(result)] == [
        ("w1", "France", "condemns", "Iran"), ("w3", "Japan", "criticizes", "China")]


def test_extract_table(workdir):
    result = cli("extract", "good.txt", "--format", "table")

    assert result.exit_code == 0, result.output
    assert "trains" in result.stdout and "Russia" in result.stdout


# --- evaluate ------------------------------------------------------------------------

SCORE_LINE = re.compile(r"(strict|root|pair)\s+P=(\S+) R=(\S+) F1=(\S+)")


def scores(text: str) -> dict[str, tuple[float, float, float]]:
    return {m[1]: tuple(map(float, m.groups()[1:])) for m in map(SCORE_LINE.match, text.splitlines()) if m}


def test_evaluate_prints_strict_root_and_pair_scores():
    result = cli("evaluate", str(DEV_GOLD))

    assert_no_traceback(result)
    assert result.exit_code == 0, result.output
    found = scores(result.stdout)
    assert set(found) == {"strict", "root", "pair"}
    assert all(0.0 <= value <= 1.0 for triple in found.values() for value in triple)


def test_evaluate_as_json():
    result = cli("evaluate", str(DEV_GOLD), "--format", "json")

    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["passages"] == sum(1 for line in DEV_GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    for level in ("strict", "root", "pair"):
        assert all(0.0 <= report[level][name] <= 1.0 for name in ("precision", "recall", "f1"))


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_evaluate_reports_a_malformed_gold_line_and_scores_the_rest(workdir, output_format):
    first, second = DEV_GOLD.read_text(encoding="utf-8").splitlines()[:2]
    write(workdir / "gold.jsonl", f"{first}\n{{broken\n{second}\n")

    result = cli("evaluate", "gold.jsonl", "--format", output_format)

    assert_no_traceback(result)
    assert result.exit_code == 2, result.output
    [message] = stderr_lines(result)
    assert message.startswith("skipped gold.jsonl:2: malformed JSON")
    if output_format == "json":
        assert json.loads(result.stdout)["passages"] == 2
    else:
        assert "passages: 2" in result.stdout
        assert "skipped gold.jsonl:2: malformed JSON" in result.stdout


@pytest.mark.parametrize("files, argument, message", [
    ({}, "missing.jsonl", "gold file 'missing.jsonl' not found"),
    ({"gold/d.jsonl": "{}"}, "gold", "cannot read gold file 'gold'"),
    ({"latin1.jsonl": "{\"id\": \"café\"}".encode("latin-1")}, "latin1.jsonl", "cannot read gold file 'latin1.jsonl'"),
], ids=["missing", "directory", "latin-1"])
def test_evaluate_unreadable_gold_exits_1_with_one_line(workdir, files, argument, message):
    for name, content in files.items():
        write(workdir / name, content)

    result = cli("evaluate", argument)

    assert_no_traceback(result)
    assert result.exit_code == 1
    [error] = stderr_lines(result)
    assert error.startswith(f"error: {message}"), error


def graphkit_command(*args: str, **options) -> subprocess.CompletedProcess:
    """The installed entry point (graphkit.cli:main), as a shell runs it."""
    return subprocess.run([sys.executable, "-c", "from graphkit.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=helpers.REPO, **options)


@pytest.mark.parametrize("args, message", [
    (["build", "examples/", "--jobs", "0"], "error: Invalid value for '--jobs' / '-j': Input should be greater than or equal to 1; see "),
    (["build"], "error: Missing argument 'inputs'; see "),
    (["bogus"], "error: No such command 'bogus'; see "),
])
def test_a_wrong_command_line_is_one_line_and_exit_1(args, message):
    result = graphkit_command(*args)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(message) and line.endswith(" --help`"), line


def test_a_reader_that_stops_early_ends_extraction_quietly():
    command = [sys.executable, "-c", "from graphkit.cli import main; main()", "extract", "examples/"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=helpers.REPO) as process:
        assert process.stdout.readline().startswith('{"doc_id"')
        process.stdout.close()  # like `| head -1`
        errors = process.stderr.read()
        assert process.wait(timeout=120) == 0, errors
    assert errors == ""

