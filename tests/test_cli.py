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

import graphkit
import graphkit.pipeline
from graphkit.cli import app
from graphkit.ingest import content_id, read_articles
from graphkit.models import Article
from graphkit.pipeline import OUTPUT_FILES

import helpers
from helpers import BLINKEN, SEED_ARTICLE as SEED, jsonl, write

DEV_GOLD = helpers.REPO / "tests" / "data" / "dev_gold.jsonl"

# GOLD_FORMAT.md section 3, plus what graphkit adds for debugging.
RECORD_KEYS = {
    "doc_id", "date", "sentence_index", "sentence", "char_span", "relation", "cameo", "plover",
    "source", "target", "negated", "modality", "attributed_to", "location", "quantity", "confidence",
} | {"trigger", "pattern", "rule"}
ACTOR_KEYS = {"id", "label", "type", "text"}
OPTIONAL_ACTOR_KEYS = {"country", "affiliation"}


pytestmark = pytest.mark.usefixtures("loaded_model")  # conftest: the session's loaded pipeline



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


def skip_lines(result) -> list[str]:
    return [line for line in stderr_lines(result) if line.startswith("skipped ")]


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
    [message] = skip_lines(result)
    assert message.startswith(f"skipped {origin}: {reason}"), message
    assert re.match(r"extracting done: \d+ article\(s\)", stderr_lines(result)[-1])  # not a terminal: one line, no bar
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
     "spaCy model 'no_such_model' is not installed; check the name or path, or pass --model"),
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
    [progress] = stderr_lines(result)
    assert re.fullmatch(r"extracting done: 2 article\(s\), \d+ words in \d+\.\d s \(\d+\.\d articles/s\)", progress), progress
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


def confidence_of(path: str) -> float:
    """The confidence of the one statement ``path`` states (the fitted table sets it, so read it)."""
    [relation] = helpers.analyse((Path.cwd() / path).read_text(encoding="utf-8")).relations
    return relation.confidence


def test_summary_counts_what_was_written_with_min_confidence(workdir):
    # two statements of different confidence (the fitted table sets them, so read them): a threshold
    # between them keeps the higher one only
    write(workdir / "invasion.txt", "Russia's invasion of Ukraine continued.\n")
    confidences = {"trains": confidence_of("good.txt"), "attacks": confidence_of("invasion.txt")}
    assert confidences["trains"] != confidences["attacks"]
    threshold = sum(confidences.values()) / 2
    result = cli("build", "good.txt", "invasion.txt", "-o", "out", "--min-confidence", f"{threshold:.3f}")

    assert result.exit_code == 0, result.output
    assert re.search(r"relations \(edges\)\s*│\s*1\s", result.stdout), result.stdout
    with open(workdir / "out" / "events.csv", encoding="utf-8", newline="") as handle:
        assert [row["relation"] for row in csv.DictReader(handle)] == [max(confidences, key=confidences.get)]


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
    [message] = skip_lines(result)
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
    (["build"], "error: Missing argument 'INPUT'; see "),
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



# --- help, options and dates ---------------------------------------------------------

def all_commands():
    import typer.main

    group = typer.main.get_command(app)
    return group, [group.get_command(None, name) for name in group.list_commands(None)]


@pytest.mark.parametrize("command", ["", "build", "extract", "evaluate", "validate", "query", "view"])
def test_help_shows_metavars_choices_and_no_python_types(command):
    result = cli(*command.split(), "--help")

    assert result.exit_code == 0, result.output
    assert not re.search(r"<(bool|str|int|float|path|list\[)", result.stdout), result.stdout
    if command == "build":
        assert re.search(r"^  --fresh  +Start a new graph", result.stdout, re.M), "a flag takes no value"
        assert "--engine [local|dask]" in result.stdout and "--store [auto|memory|oxigraph]" in result.stdout
    if command == "extract":
        assert "--format [jsonl|table]" in result.stdout and "--min-confidence X" in result.stdout


def test_every_option_and_argument_is_documented():
    group, commands = all_commands()
    for command in commands:
        assert command.help and command.short_help, command.name
        for param in command.params:
            assert param.help, f"graphkit {command.name} {param.name} has no help"


def test_version():
    result = graphkit_command("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"graphkit {graphkit.__version__} (graphkit-news)"


@pytest.mark.parametrize("option, value, message", [
    ("--since", "2024-13", "is not on the calendar"), ("--until", "2024-02-30", "is not on the calendar"),
    ("--until", "2023-02-29", "is not on the calendar"), ("--since", "2024-00", "is not on the calendar"),
    ("--since", "2024-1", "is not YYYY, YYYY-MM or YYYY-MM-DD"), ("--since", "24-01-01", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ("--since", "last week", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_view_rejects_a_date_that_is_not_on_the_calendar(tmp_path, option, value, message):
    result = graphkit_command("view", "outputs/", "-o", str(tmp_path / "v.html"), option, value)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: date {value!r} {message}"), line
    assert not (tmp_path / "v.html").exists()


@pytest.mark.parametrize("since", ["2024", "2024-02", "2024-02-29"])
def test_view_takes_a_year_a_month_or_a_day(demo_dir, tmp_path, since):
    result = cli("view", str(demo_dir), "-o", str(tmp_path / "v.html"), "--since", since)
    assert result.exit_code == 0, result.output


def test_a_flag_given_a_value_says_flags_take_none(workdir):
    result = cli("build", "--fresh", "true", "good.txt", "-o", "out")
    assert result.exit_code == 1
    [line] = stderr_lines(result)
    assert line.startswith("error: 'true' is not a file; flags such as --fresh")


# --- install hints -------------------------------------------------------------------

def our_distribution_names() -> set[str]:
    import tomllib

    project = tomllib.loads((helpers.REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *(r for extra in project["optional-dependencies"].values() for r in extra)]
    return {project["name"]} | {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower() for r in requirements}


# Well-known projects a README example uses on top of ours, named as they are on PyPI.
THIRD_PARTY = {"pandas"}
PIP_INSTALL = re.compile(r"pip install ((?:-[-\w]+ )*)(['\"]?)([^\s'\"`]+)\2")


def test_the_distribution_is_graphkit_news_and_installs_this_project():
    from importlib.metadata import distribution

    dist = distribution("graphkit-news")
    [script] = [entry for entry in dist.entry_points if entry.name == "graphkit"]
    assert script.value == "graphkit.cli:main"
    assert "graphkit-news" in our_distribution_names()


def test_no_message_or_readme_recommends_a_name_that_is_not_ours():
    ours = our_distribution_names() | THIRD_PARTY
    texts = {path: path.read_text(encoding="utf-8") for path in [helpers.REPO / "README.md", *helpers.REPO.glob("graphkit/**/*.py")]}
    found = 0
    for path, text in texts.items():
        for options, _, target in PIP_INSTALL.findall(text):
            found += 1
            name = re.split(r"[\[<>=]", target, maxsplit=1)[0].lower()
            assert target.startswith(".") or name in ours, f"{path.name}: `pip install {options}{target}` is not ours"
        assert not re.search(r"pip install en[-_]core", text), f"{path.name}: spaCy models come with `python -m spacy download`"
    assert found >= 4


def test_a_missing_spacy_model_is_downloaded_the_spacy_way():
    from graphkit.nlp import ModelNotFound, load_pipeline

    with pytest.raises(ModelNotFound, match=r"download it with `python -m spacy download en_core_web_trf`"):
        load_pipeline("en_core_web_trf", helpers.extractor().knowledge_base)


# --- progress, summaries, reproducible timestamps -----------------------------------

@pytest.fixture
def terminal(monkeypatch):
    """stderr as a terminal, recorded."""
    from rich.console import Console

    import graphkit.cli.common

    console = Console(file=io.StringIO(), force_terminal=True, width=120, highlight=False)
    monkeypatch.setattr(graphkit.cli.common, "err", console)
    return console.file


def test_the_progress_bar_counts_articles_towards_a_total_with_rate_and_time_left():
    from rich.console import Console

    from graphkit.cli.progress import ExtractionProgress, Total

    examples = str(helpers.REPO / "examples")
    total = Total([examples])
    assert (total.unit, total.amount) == ("articles", 6 + 3)  # six article files, three JSONL lines
    console = Console(file=io.StringIO(), force_terminal=True, width=160)
    with ExtractionProgress([examples], console) as progress:
        graphkit.pipeline.build([examples], extractor=helpers.extractor(), on_article=progress.article)
        progress.bar.refresh()
    shown = click.unstyle(console.file.getvalue())
    assert "9/9" in shown and "articles/s" in shown and "left" in shown


def test_build_on_a_terminal_and_quiet(workdir, terminal):
    result = cli("build", "good.txt", "-o", "out")
    assert result.exit_code == 0, result.output
    assert "1/1" in click.unstyle(terminal.getvalue())
    terminal.truncate(0)
    result = cli("build", "good.txt", "-o", "out2", "--quiet")
    assert result.exit_code == 0 and terminal.getvalue().strip("\x00") == "" and result.stderr == ""


def test_large_jsonl_input_is_measured_in_bytes(workdir, monkeypatch):
    import gzip

    from graphkit.cli import progress

    lines = jsonl(*({"id": f"a{n}", "text": "France condemned Iran. " * n} for n in range(1, 40)))
    with gzip.open(workdir / "wire.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(lines)
    monkeypatch.setattr(progress, "COUNT_ARTICLES_BELOW_BYTES", 0)
    total = progress.Total(["good.txt", "wire.jsonl.gz"])
    size = (workdir / "wire.jsonl.gz").stat().st_size
    assert total.unit == "bytes" and total.amount == len(BLINKEN) + size
    assert total.done_at("good.txt") == len(BLINKEN)
    done = [total.done_at(f"wire.jsonl.gz:{n}") for n in (1, 20, 39)]
    assert done == sorted(done) and done[-1] == len(BLINKEN) + size
    total.close()


def test_summary_says_time_articles_added_and_in_the_graph_and_one_output_line(workdir):
    write(workdir / "talks.txt", "China and Russia held talks.\n")
    cli("build", "good.txt", "-o", "out")

    result = cli("build", "good.txt", "talks.txt", "-o", "out")

    text = click.unstyle(result.stdout)
    assert result.exit_code == 0, result.output
    assert re.search(r"elapsed\s*│\s*\d+\.\d s", text)
    assert re.search(r"articles added\s*│\s*1\s", text) and re.search(r"articles in the graph\s*│\s*2\s", text)
    assert re.search(r"actors \(nodes\)\s*│\s*\d+: \d+ with relations, \d+ without", text)
    assert re.search(r"output\s*│\s*out/ \(11 files", text) and "graph.ttl" not in text
    verbose = click.unstyle(cli("build", "talks.txt", "-o", "out3", "--verbose").stdout)
    assert all(name in verbose for name in OUTPUT_FILES)


def test_extract_ends_with_a_summary_on_stderr(workdir):
    result = cli("extract", "good.txt", "--min-confidence", "0.99")
    assert result.exit_code == 0
    [line] = stderr_lines(result)
    assert re.fullmatch(r"extracting done: 1 article\(s\), 12 words in \d+\.\d s \(\d+\.\d articles/s\); 0 relation\(s\) "
                        r"printed \(1 below --min-confidence 0.99 left out\); 0 input\(s\) skipped", line), line
    assert cli("extract", "good.txt", "--quiet").stderr == ""


def test_extract_table_in_a_pipe_is_not_cut_and_has_date_and_sentence(workdir):
    long = "date 2024-10-31\n" + "Russia had trained the North Korean soldiers for artillery battles in a long and winding sentence " \
           "that goes on well past eighty columns, Blinken said.\n"
    write(workdir / "long.txt", long)
    result = cli("extract", "long.txt", "--format", "table")
    assert result.exit_code == 0, result.output
    [row] = [line for line in result.stdout.splitlines() if "trains" in line]
    assert "2024-10-31" in row and long.splitlines()[1] in row and len(row) > 200


def test_source_date_epoch_stamps_the_run(workdir, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    assert 'prov:startedAtTime "2001-09-09T01:46:40+00:00"' in (workdir / "out" / "graph.ttl").read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = cli("build", "good.txt", "-o", "out2")
    assert result.exit_code == 1
    assert stderr_lines(result)[-1].startswith("error: SOURCE_DATE_EPOCH='yesterday' is not a whole number of seconds")
