"""Issue 17: no silent data loss, atomic output sets, closed queries, bounded work on hostile input.

Each section is one numbered defect of the issue; each test failed before the fix.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import click
import pytest
from typer.testing import CliRunner

import graphkit.pipeline
from graphkit import outputs
from graphkit.bounds import MAX_SENTENCE_TOKENS, window_starts
from graphkit.cli import app
from graphkit.closed import ClosedError, check_jsonld
from graphkit.display import display_graph, printable
from graphkit.export.rdf import _article_iri
from graphkit.export.tables import read_events_csv, write_events_csv
from graphkit.ingest import content_id, read_articles
from graphkit.knowledge import load_knowledge_base
from graphkit.load import read_graph
from graphkit.models import Article, Skipped, actor_iri, slugify
from graphkit.outputs import MANIFEST, StoredGraphError, stored_graph
from graphkit.query import load, run_query

import helpers
from graph_fixtures import sample_graph
from helpers import BLINKEN, jsonl, write

CONDEMN = "France condemned Iran on Monday.\n"
SET = ("graph.ttl", "graph.jsonld", "graph.graphml", "graph.html", "relations.csv", "actors.csv",
       "graph.nt", "graph.nq", "graph.gexf", "graph.json", "events.csv", MANIFEST)


pytestmark = pytest.mark.usefixtures("loaded_model")  # conftest: the session's loaded pipeline


@pytest.fixture
def workdir(workdir: Path) -> Path:
    """conftest's working directory, with a second article."""
    write(workdir / "more.txt", CONDEMN)
    return workdir


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to fetch fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"graphkit tried to fetch {args[:1]}")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)


def cli(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


PROGRESS_LINE = re.compile(r"^\w+ done: ")


def one_error_line(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    # skips have their own lines; so has the progress summary printed when stderr is no terminal
    lines = [line for line in click.unstyle(result.stderr).splitlines() if not line.startswith("skipped ") and not PROGRESS_LINE.match(line)]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


def snapshot(directory: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir())}


def documents(directory: Path) -> list[str]:
    return sorted(json.loads((directory / MANIFEST).read_text())["documents"])


# --- 1. the output set is atomic ----------------------------------------------------------


def failing_writer(error: Exception, name: str = "graph.gexf"):
    real = graphkit.pipeline._writers

    def writers(excel_safe=False):
        table = dict(real(excel_safe))

        def broken(G, path):
            Path(path).write_text("half")
            raise error

        table[name] = broken
        return table

    return writers


def test_a_writer_that_raises_mid_set_leaves_the_whole_earlier_set_and_a_later_build_still_adds(workdir, monkeypatch):
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    before = snapshot(workdir / "out")
    assert sorted(before) == sorted(SET)

    with monkeypatch.context() as patch:
        patch.setattr(graphkit.pipeline, "_writers", failing_writer(UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")))
        result = cli("build", "more.txt", "-o", "out")
    line = one_error_line(result)
    assert result.exit_code == 1
    assert "cannot write graph.gexf into 'out'" in line and "left as they were" in line
    assert snapshot(workdir / "out") == before  # nothing replaced, no temporary file left behind

    result = cli("build", "more.txt", "-o", "out")  # not "nothing new": the article was never stored
    assert result.exit_code == 0, result.output
    assert documents(workdir / "out") == ["good", "more"]


def test_a_full_disk_names_the_file_and_changes_nothing(workdir, monkeypatch):
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    before = snapshot(workdir / "out")
    monkeypatch.setattr(graphkit.pipeline, "_writers", failing_writer(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "graph.html"))

    result = cli("build", "more.txt", "-o", "out")

    line = one_error_line(result)
    assert "cannot write graph.html into 'out': the disk is full" in line
    assert snapshot(workdir / "out") == before


def test_an_interrupted_swap_is_incomplete_and_the_next_build_refuses_until_fresh(workdir, monkeypatch):
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    real, moved = os.replace, []

    def replace_then_die(src, dst):
        if len(moved) == 3:
            raise KeyboardInterrupt
        moved.append(dst)
        real(src, dst)

    with monkeypatch.context() as patch:
        patch.setattr(outputs.os, "replace", replace_then_die)
        cli("build", "more.txt", "-o", "out")
    assert (workdir / "out" / outputs.INCOMPLETE).exists()
    assert not list((workdir / "out").glob(".graphkit-staging-*")), "the staging directory is removed"

    result = cli("build", "more.txt", "-o", "out")
    assert result.exit_code == 1
    assert "incomplete" in one_error_line(result) and "--fresh" in one_error_line(result)

    assert cli("build", "good.txt", "more.txt", "-o", "out", "--fresh").exit_code == 0
    assert not (workdir / "out" / outputs.INCOMPLETE).exists()
    assert documents(workdir / "out") == ["good", "more"]


def test_temporary_files_of_a_killed_build_are_removed_on_start(workdir):
    write(workdir / "out" / ".graphkit-staging-abc" / "graph.ttl", "partial")
    write(workdir / "out" / ".graph.gexf.x1y2.tmp", "partial")

    assert cli("build", "good.txt", "-o", "out").exit_code == 0

    assert sorted(path.name for path in (workdir / "out").iterdir()) == sorted(SET)


def test_a_lone_surrogate_in_a_jsonl_title_no_longer_breaks_the_writers(workdir):
    write(workdir / "feed.jsonl", '{"id": "s", "title": "Bad \\ud800 title", "text": "France condemned Iran."}\n')

    result = cli("build", "feed.jsonl", "-o", "out")

    assert result.exit_code == 0, result.output
    assert "Bad \ufffd title" in (workdir / "out" / "events.csv").read_text(encoding="utf-8")


# --- 2. a damaged graph.ttl is never taken for the earlier graph --------------------------

DAMAGE = {
    "emptied": lambda data: b"",
    "cut to 5%": lambda data: data[: len(data) // 20],
    "cut to 99%": lambda data: data[: len(data) * 99 // 100],
    "another Turtle file": lambda data: b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n",
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_an_incremental_build_refuses_a_graph_ttl_that_does_not_match_its_manifest(workdir, damage):
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    turtle = workdir / "out" / "graph.ttl"
    turtle.write_bytes(damage(turtle.read_bytes()))
    before = snapshot(workdir / "out")

    result = cli("build", "more.txt", "-o", "out")

    assert result.exit_code == 1
    line = one_error_line(result)
    assert "graph.ttl does not match graphkit-manifest.json" in line and "--fresh" in line and "restore" in line
    assert snapshot(workdir / "out") == before
    with pytest.raises(StoredGraphError):
        stored_graph(workdir / "out")


def test_a_truncated_graph_without_manifest_gives_one_line_not_a_traceback(tmp_path):
    G = sample_graph()
    graphkit.pipeline.write_outputs(G, tmp_path)
    (tmp_path / MANIFEST).unlink()  # as written by graphkit before manifests
    data = (tmp_path / "graph.ttl").read_bytes()
    for cut in (len(data) // 3, len(data) // 2 + 7, len(data) - 40):
        (tmp_path / "graph.ttl").write_bytes(data[:cut])
        with pytest.raises(ValueError) as error:
            read_graph(tmp_path)
        assert "\n" not in str(error.value)


def test_the_manifest_lists_articles_counts_and_file_hashes(workdir):
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    manifest = json.loads((workdir / "out" / MANIFEST).read_text())

    assert manifest["articles"] == 1 and list(manifest["documents"]) == ["good"]
    assert manifest["documents"]["good"]["origin"] == "good.txt"
    assert set(manifest["files"]) == set(SET) - {MANIFEST}
    assert manifest["files"]["graph.ttl"]["sha256"] == outputs.file_sha256(workdir / "out" / "graph.ttl")
    G, sources = stored_graph(workdir / "out")
    assert G.graph["documents"] == ["good"] and sources["good"]["sha256"] == outputs.text_sha256(BLINKEN.strip())


# --- 3. ids do not collide by accident ----------------------------------------------------


def test_a_second_day_with_the_same_file_name_is_an_id_collision_naming_both_files(workdir):
    write(workdir / "day1" / "report.txt", BLINKEN)
    write(workdir / "day2" / "report.txt", CONDEMN)
    assert cli("build", "day1/", "-o", "out").exit_code == 0

    result = cli("build", "day2/", "-o", "out")

    assert result.exit_code != 0
    [line] = [line for line in click.unstyle(result.stderr).splitlines() if "report" in line]
    assert line.startswith("skipped day2/report.txt: id collision: doc_id 'report' is already in the graph, from 'day1/report.txt'")


def test_the_same_file_again_is_known_not_a_collision(workdir):
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    result = cli("build", "good.txt", "-o", "out")
    assert result.exit_code == 0 and "nothing new" in result.stdout


def test_two_stdin_builds_of_different_texts_both_count(workdir):
    assert cli("build", "-", "-o", "out", input=BLINKEN).exit_code == 0
    result = cli("build", "-", "-o", "out", input=CONDEMN)

    assert result.exit_code == 0, result.output
    assert documents(workdir / "out") == sorted([content_id(BLINKEN.strip()), content_id(CONDEMN.strip())])


def test_stdin_jsonl_lines_without_id_get_ids_from_their_text():
    items = list(read_articles(["-"], stdin=io.StringIO(jsonl({"text": "One."}, {"text": "Two."}))))
    assert [item.doc_id for item in items] == [content_id("One."), content_id("Two.")]


def test_article_iris_are_injective_for_crafted_ids():
    crafted = _article_iri("A B").rsplit("/", 1)[1]  # a-b-<hash>
    assert _article_iri(crafted) != _article_iri("A B")
    assert _article_iri("plain-id").endswith("/plain-id")


# --- 4. concurrent builds into one directory -----------------------------------------------


def test_a_second_build_while_another_process_holds_the_directory_stops_with_one_line(workdir):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom graphkit.outputs import output_lock\nwith output_lock('out'):\n"
                               "    print('locked', flush=True)\n    sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=workdir)
    try:
        assert holder.stdout.readline().strip() == "locked"
        result = cli("build", "good.txt", "-o", "out")
        assert result.exit_code == 1
        line = one_error_line(result)
        assert f"another graphkit build (pid {holder.pid}) is writing to 'out'" in line
        assert not (workdir / "out" / "graph.ttl").exists()
    finally:
        holder.communicate("")
    assert cli("build", "good.txt", "-o", "out").exit_code == 0
    assert not (workdir / "out" / outputs.LOCK_FILE).exists()


def test_the_lock_is_reentrant_within_one_process(tmp_path):
    with outputs.output_lock(tmp_path), outputs.output_lock(tmp_path):
        pass
    with outputs.output_lock(tmp_path):
        pass


# --- 5. an article over spaCy's limit is parsed in parts, never aborts the run -------------

LONG = "".join(f"Russia condemned Ukraine on day {n}.\n" for n in range(40))


def records(result) -> list[tuple]:
    return [(r.relation, r.source.label, r.target.label, r.evidence.sentence_index, r.evidence.char_span, r.evidence.sentence)
            for r in result.relations]


def test_an_article_over_the_model_limit_gives_the_relations_it_gives_whole(monkeypatch):
    whole = helpers.analyse(LONG)
    monkeypatch.setattr(helpers.extractor().nlp, "max_length", 300)

    parted = helpers.analyse(LONG)

    assert len(whole.relations) == 40
    assert records(parted) == records(whole)
    assert [(m.start_char, m.end_char, m.sentence_index) for m in parted.mentions] == [
        (m.start_char, m.end_char, m.sentence_index) for m in whole.mentions]
    for r in parted.relations:
        start, end = r.evidence.char_span
        assert "condemned" in LONG[start:end]


def test_an_article_over_the_model_limit_no_longer_aborts_build_or_extract(workdir, monkeypatch):
    monkeypatch.setattr(helpers.extractor().nlp, "max_length", 300)
    write(workdir / "long.txt", LONG)
    write(workdir / "oneline.txt", "Russia condemned Ukraine. " * 40)  # no line break: cut at a space

    result = cli("build", "long.txt", "oneline.txt", "good.txt", "-o", "out")
    assert result.exit_code == 0, result.output
    assert documents(workdir / "out") == ["good", "long", "oneline"]

    result = cli("extract", "long.txt", "good.txt")
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 41


# --- 6. directory walking: loops, FIFOs, devices, huge files --------------------------------


def finishes(function, seconds: float = 20):
    """Run ``function`` in a thread; None if it did not return (a hang), else its result."""
    box = []
    thread = threading.Thread(target=lambda: box.append(function()), daemon=True)
    thread.start()
    thread.join(seconds)
    return box[0] if box else None


def test_a_symlink_loop_in_a_directory_is_skipped_and_the_rest_is_read(tmp_path):
    write(tmp_path / "news" / "a.txt", BLINKEN)
    (tmp_path / "news" / "loop.txt").symlink_to(tmp_path / "news" / "loop.txt")
    (tmp_path / "news" / "sub").symlink_to(tmp_path / "news")  # a directory loop: not followed

    items = list(read_articles([tmp_path / "news"]))

    assert [item.doc_id for item in items if isinstance(item, Article)] == ["a"]
    [skipped] = [item for item in items if isinstance(item, Skipped)]
    assert skipped.origin.endswith("loop.txt") and "symbolic link loop" in skipped.reason


def test_a_fifo_in_a_directory_is_skipped_not_waited_on(tmp_path):
    write(tmp_path / "news" / "a.txt", BLINKEN)
    os.mkfifo(tmp_path / "news" / "pipe.txt")

    items = finishes(lambda: list(read_articles([tmp_path / "news"])))

    assert items is not None, "reading the directory hung on the FIFO"
    assert [str(item) for item in items if isinstance(item, Skipped)] == [
        f"{tmp_path / 'news' / 'pipe.txt'}: a FIFO (named pipe), not a regular file; left out of the directory (name it on its own to read it)"]


def test_the_binary_check_reads_a_prefix_before_the_rest(tmp_path):
    items = finishes(lambda: list(read_articles(["/dev/zero"])))  # endless NUL bytes: read whole, never ends
    assert items is not None and "binary file (NUL byte at offset 0)" in items[0].reason


def test_a_text_file_over_the_size_bound_is_skipped_unread(tmp_path, monkeypatch):
    import graphkit.ingest as ingest

    monkeypatch.setattr(ingest, "MAX_TEXT_BYTES", 1000)
    write(tmp_path / "huge.txt", "Russia condemned Ukraine. " * 100)
    [item] = read_articles([tmp_path / "huge.txt"])
    assert isinstance(item, Skipped) and "split it into articles" in item.reason


# --- 7. sentence work is bounded ------------------------------------------------------------


def test_a_200k_character_sentence_is_cut_into_windows_before_parsing():
    from spacy.tokens import Doc

    words = ("officials", "met", "the", "delegates", ",", "and") * 6000  # about 200,000 characters, no full stop
    doc = Doc(helpers.extractor().nlp.vocab, words=list(words))
    assert len(doc.text) > 200_000

    starts = [0, *window_starts(doc, MAX_SENTENCE_TOKENS), len(doc)]

    assert max(b - a for a, b in zip(starts, starts[1:], strict=False)) <= MAX_SENTENCE_TOKENS
    assert len(starts) - 1 <= 2 * len(doc) // MAX_SENTENCE_TOKENS + 1  # windows are at least half full: linear work


def test_relation_extraction_is_handed_sentences_of_bounded_length(monkeypatch):
    longest = []
    real = graphkit.pipeline.extract_relations

    def spy(doc, *args, **kwargs):
        longest.append(max(len(sent) for sent in doc.sents))
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(graphkit.pipeline, "extract_relations", spy)
    assert graphkit.pipeline.Extractor is not None
    nlp = helpers.extractor().nlp
    assert nlp.pipe_names.index("graphkit_sentence_window") < nlp.pipe_names.index("parser")
    text = "Russia condemned Ukraine, " + "and officials met the delegates, " * 400 + "France condemned Iran."

    helpers.analyse(text)

    assert longest and longest[0] <= MAX_SENTENCE_TOKENS


def test_ordinary_sentences_are_not_cut():
    result = helpers.analyse("Russia had trained the North Korean soldiers for artillery battles, Blinken said.")
    assert [(r.source.label, r.relation) for r in result.relations] == [("Russia", "trains")]


# --- 8. queries and JSON-LD stay closed ---------------------------------------------------


@pytest.fixture
def demo(tmp_path):
    graphkit.pipeline.write_outputs(sample_graph(), tmp_path / "demo")
    return tmp_path / "demo"


@pytest.mark.parametrize("sparql, refused", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE <http://127.0.0.1:9/sparql>"),
    ("SELECT * WHERE { ?a rdfs:label ?l SERVICE <file:///etc/passwd> { ?l ?p ?o } }", "SERVICE <file:///etc/passwd>"),
    ("SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }", "FROM <http://example.org/data.ttl>"),
    ("SELECT * FROM NAMED <file:///etc/hosts> WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM NAMED <file:///etc/hosts>"),
])
def test_service_and_from_are_refused_with_one_line(demo, no_network, sparql, refused):
    with pytest.raises(ClosedError, match=refused.replace("?", r"\?")):
        run_query(load([demo]), sparql)
    result = cli("query", str(demo), sparql)
    assert result.exit_code == 1 and "--allow-remote" in one_error_line(result)


def test_graph_patterns_and_timeouts_are_one_line(demo):
    result = cli("query", str(demo), "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    result = cli("query", str(demo), heavy, "--timeout", "0.05")
    assert result.exit_code == 1 and "ran longer than 0.05 s" in one_error_line(result)


@pytest.mark.parametrize("context", ["http://127.0.0.1:9/context.jsonld", "file:///etc/passwd", ["x.jsonld", {"@vocab": "http://e/"}],
                                     {"@import": "http://127.0.0.1:9/c.jsonld"}, {"term": {"@id": "http://e/t", "@context": "http://e/c"}}])
def test_json_ld_with_a_context_elsewhere_is_refused_in_query_validate_and_view(tmp_path, no_network, context):
    path = write(tmp_path / "graph.jsonld", json.dumps({"@context": context, "@id": "http://e/a", "http://e/p": "x"}))
    with pytest.raises(ClosedError):
        check_jsonld(path.read_bytes(), str(path))
    for args in (["query", str(path), "SELECT * WHERE { ?s ?p ?o }"], ["validate", str(path)], ["view", str(path), "-o", str(tmp_path / "v.html")]):
        result = cli(*args)
        assert result.exit_code == 1, (args, result.output)
        assert "fetch" in click.unstyle(result.stderr) and "Traceback" not in result.output


def test_graphkits_own_json_ld_still_reads(demo, no_network):
    assert read_graph(demo / "graph.jsonld").number_of_nodes() == sample_graph().number_of_nodes()


@pytest.mark.parametrize("command", ["query", "validate", "view"])
def test_truncated_rdf_is_one_line_in_query_validate_and_view(tmp_path, demo, command):
    data = (demo / "graph.ttl").read_bytes()
    path = write(tmp_path / "cut.ttl", data[: len(data) // 2 + 3])
    args = {"query": ["query", str(path), "SELECT * WHERE { ?s ?p ?o }"], "validate": ["validate", str(path)],
            "view": ["view", str(path), "-o", str(tmp_path / "v.html")]}[command]
    result = cli(*args)
    assert result.exit_code == 1
    lines = click.unstyle(result.stderr).splitlines()
    assert len(lines) == 1 and "cut.ttl" in lines[0] and "Traceback" not in result.output


# --- 9. names in every script -------------------------------------------------------------

NAMES = ["Владимир Путин", "Владимир Зеленский", "محمد بن سلمان", "عبد الله الثاني", "习近平", "李强"]


def test_non_latin_names_give_distinct_stable_actor_iris():
    iris = [actor_iri("Person", name) for name in NAMES]
    assert len(set(iris)) == len(NAMES)
    assert iris == [actor_iri("Person", name) for name in NAMES]
    assert not any(iri.endswith("/unnamed") for iri in iris)
    assert [slugify(name).split("-")[0] for name in NAMES] == ["cyrillic"] * 2 + ["arabic"] * 2 + ["cjk"] * 2
    assert slugify("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"  # Latin script as before


# --- 10. every message one line, naming the file --------------------------------------------

ACTOR_LISTS = [
    ("syntax.yaml", "- label: Foo\n  type: [Person\n", "syntax.yaml:3: YAML syntax error"),
    ("tag.yaml", "- !!python/object:os.system {}\n", "the tag !!python/object:os.system is not allowed"),
    ("nested.yaml", "- label: [a, b]\n  type: Person\n", "nested.yaml record 1: 'label' is a list"),
    ("roles.yaml", "- label: A\n  type: Person\n  roles: [5]\n", "roles.yaml record 1: a field has the wrong kind of value"),
    ("wikidata.yaml", "- label: A\n  type: Person\n  wikidata: Putin\n", "wikidata 'Putin' of 'A' is not a Wikidata id"),
    ("bad.json", '[{"label": "A", "type": "Person",]', "bad.json:1: invalid JSON"),
]


@pytest.mark.parametrize("name, content, message", ACTOR_LISTS, ids=[case[0] for case in ACTOR_LISTS])
def test_a_bad_actor_list_is_one_line_naming_the_file(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    with pytest.raises(ValueError) as error:
        load_knowledge_base([path])
    assert message in str(error.value) and name in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_excel_csv_with_bom_and_utf16_csv_are_read(tmp_path, encoding):
    path = tmp_path / "mine.csv"
    path.write_bytes("label,type,country\nIvan Example,Person,RUS\n".encode(encoding))
    kb = load_knowledge_base([path])
    assert [actor.label for actor in kb.lookup("Ivan Example")] == ["Ivan Example"]


def test_an_oversize_id_gets_the_right_reason():
    stdin = io.StringIO(jsonl('{"id": ' + "9" * 5000 + ', "text": "One."}', {"id": "x" * 600, "text": "Two."}))
    first, second = read_articles(["-"], stdin=stdin)
    assert "4300-digit" in first.reason and "nested" not in first.reason
    assert second.reason.startswith("'id' is 600 characters long")


# --- 11. terminal safety, the explorer, CSV, metadata ------------------------------------------


def test_control_characters_from_file_names_and_labels_are_escaped_in_the_terminal(workdir):
    write(workdir / "evil\x1b[2J.txt", "\x00")

    result = cli("build", "evil\x1b[2J.txt", "good.txt", "-o", "out")

    assert "\x1b[2J" not in result.stderr and "\x1b[2J" not in result.stdout
    assert "evil\\x1b[2J.txt" in click.unstyle(result.stderr)
    assert printable("a\x1b[31mb\u202ec\n") == "a\\x1b[31mb\\u202ec\\x0a"


def test_the_query_table_escapes_labels(tmp_path):
    G = sample_graph(hostile="\x1b[2J\u202eevil")
    graphkit.pipeline.write_outputs(G, tmp_path)
    result = cli("query", str(tmp_path), 'SELECT ?o WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), "evil")) }')
    assert result.exit_code == 0 and "\x1b[2J" not in result.stdout and "\\x1b[2J" in result.stdout


def test_the_explorer_shows_bidi_controls_and_cuts_long_labels(tmp_path):
    G = sample_graph()
    node = next(iter(G.nodes))
    G.nodes[node]["label"] = "abc\u202egpj.exe" + "x" * 300_000
    H = display_graph(G)
    assert H.nodes[node]["label"].startswith("abc[U+202E]gpj.exe") and len(H.nodes[node]["label"]) < 300
    assert len(G.nodes[node]["label"]) > 300_000  # the graph itself is unchanged

    graphkit.pipeline.write_outputs(G, tmp_path)
    html = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert "[U+202E]" in html and "\u202e" not in html and "x" * 1000 not in html
    assert "x" * 300_000 in (tmp_path / "actors.csv").read_text(encoding="utf-8")


def test_excel_safe_csv_neutralises_formula_cells_but_not_numbers(tmp_path, workdir):
    G = sample_graph(hostile="=HYPERLINK(\"http://x\")")
    write_events_csv(G, tmp_path / "plain.csv")
    write_events_csv(G, tmp_path / "safe.csv", excel_safe=True)
    plain, safe = read_events_csv(tmp_path / "plain.csv"), read_events_csv(tmp_path / "safe.csv")
    risky = [(row, cell) for row in plain for cell in row.values() if isinstance(cell, str) and cell[:1] in "=+-@"]
    assert risky
    for row in safe:
        assert not any(isinstance(cell, str) and cell[:1] in "=+-@" for cell in row.values())
    assert [row["goldstein"] for row in safe] == [row["goldstein"] for row in plain]

    assert cli("build", "good.txt", "-o", "out", "--excel-safe").exit_code == 0


def test_jsonl_metadata_is_carried_into_the_manifest(workdir):
    write(workdir / "feed.jsonl", jsonl({"id": "m1", "text": "France condemned Iran.", "source": "Reuters", "section": "World"}))
    assert cli("build", "feed.jsonl", "-o", "out").exit_code == 0
    manifest = json.loads((workdir / "out" / MANIFEST).read_text())
    assert manifest["documents"]["m1"]["metadata"] == {"source": "Reuters", "section": "World"}
