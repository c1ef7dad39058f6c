"""Real-news gold: records that name their article, the validator's checks, and evaluate with --texts.

The corpus articles here are our own sentences written to a temporary JSONL corpus; the committed
gold files are checked against ../shared/corpora, which CI has beside the clone.
"""

from __future__ import annotations

import gzip
import json
import re

import pytest
import yaml
from typer.testing import CliRunner

import graphkit.pipeline
from graphkit.cli import app
from graphkit.evaluate import evaluate, read_gold
from graphkit.gold import ArticleTexts, CorpusError, check_record, resolve_text, text_sha256
from graphkit.models import Skipped
from graphkit.nlp import DEFAULT_MODEL

import helpers
from helpers import jsonl, write

VOCABULARY = yaml.safe_load((helpers.REPO / "ontologies" / "relations.yaml").read_text(encoding="utf-8"))
NAMES = set(VOCABULARY)
SYMMETRIC = {name for name, entry in VOCABULARY.items() if entry.get("symmetric")}
CORPUS = helpers.SHARED / "corpora" / "reuters_2016_2017.jsonl.gz"
GOLD_FILES = [helpers.REPO / "tests" / "data" / name for name in ("reuters_dev.jsonl", "reuters_test.jsonl")]

TEXT = "PARIS - France condemned Russia on Monday. President Emmanuel Macron met Olaf Scholz in Berlin."
ACTORS = [
    {"name": "France", "type": "State", "aliases": ["France", "FRA"]},
    {"name": "Russia", "type": "State", "aliases": ["Russia"]},
    {"name": "Emmanuel Macron", "type": "Person", "affiliation": "France", "aliases": ["President Emmanuel Macron"]},
    {"name": "Olaf Scholz", "type": "Person", "affiliation": "Germany", "aliases": ["Olaf Scholz"]},
    {"name": "Berlin", "type": "Location", "aliases": ["Berlin"]},
]
RELATIONS = [
    {"source": "France", "relation": "condemns", "target": "Russia", "negated": False, "modality": "asserted", "evidence": [9, 42]},
    {"source": "Emmanuel Macron", "relation": "meets", "target": "Olaf Scholz", "negated": False, "modality": "asserted"},
]


def record(**changes) -> dict:
    return {"id": "art-2", "sha256": text_sha256(TEXT), "date": "2024-03-04", "actors": ACTORS, "relations": RELATIONS, **changes}


def problems(**changes) -> list[str]:
    return check_record(record(**changes), TEXT, NAMES, SYMMETRIC)


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(jsonl({"id": "art-2", "title": "Paris and Berlin", "date": "2024-03-04", "text": TEXT},
                           {"id": "art-4", "title": "Other", "date": "2024-03-05", "text": "Nothing happened."}))
    return path


# --- the validator's checks -------------------------------------------------------------------

def test_a_valid_record_has_no_problems():
    assert problems() == []


@pytest.mark.parametrize("changes, expected", [
    ({"actors": [*ACTORS, {"name": "Italy", "type": "State", "aliases": ["Rome"]}]}, "alias 'Rome' does not occur"),
    ({"actors": [*ACTORS[:4], {"name": "Berlin", "type": "Place", "aliases": []}]}, "type 'Place' is not one of"),
    ({"relations": [{**RELATIONS[0], "target": "Berlin"}]}, "'Berlin' is a Location, never an endpoint"),
    ({"relations": [{**RELATIONS[0], "target": "Germany"}]}, "'Germany' is not an actor of the record"),
    ({"relations": [{**RELATIONS[0], "target": "France"}]}, "a self-loop"),
    ({"relations": [{**RELATIONS[0], "relation": "hates"}]}, "'hates' is not in the relation vocabulary"),
    ({"relations": [{**RELATIONS[0], "modality": "rumoured"}]}, "modality 'rumoured' is not one of"),
    ({"relations": [{**RELATIONS[0], "negated": "no"}]}, "negated must be true or false"),
    ({"relations": [RELATIONS[1], {**RELATIONS[1], "source": "Olaf Scholz", "target": "Emmanuel Macron"}]}, "listed twice"),
    ({"actors": [*ACTORS, ACTORS[0]]}, "actor 'France' is listed twice"),
], ids=["alias", "type", "location", "unknown-actor", "self-loop", "vocabulary", "modality", "negated", "symmetric-duplicate", "actor-twice"])
def test_each_problem_is_named(changes, expected):
    assert any(expected in problem for problem in problems(**changes)), problems(**changes)


def test_a_directed_relation_both_ways_is_two_edges():
    both = [RELATIONS[0], {**RELATIONS[0], "source": "Russia", "target": "France"}]
    assert problems(relations=both) == []


def test_an_iso_code_of_a_state_need_not_occur_in_the_text():
    assert "FRA" not in TEXT.replace("France", "")
    assert problems() == []


# --- texts by id and sha256 -------------------------------------------------------------------

def test_texts_resolve_by_id_and_check_the_hash(corpus):
    texts = ArticleTexts([corpus])
    assert resolve_text(record(), texts) == TEXT
    with pytest.raises(LookupError, match="art-6: not found in"):
        resolve_text(record(id="art-6"), texts)
    with pytest.raises(LookupError, match="art-2: the text in the corpus has changed"):
        resolve_text(record(sha256="0" * 64), texts)
    with pytest.raises(LookupError, match="give the corpus with --texts"):
        resolve_text(record(), None)


def test_a_record_with_its_own_text_needs_no_corpus():
    assert resolve_text({"id": "p1", "text": "Own words."}, None) == "Own words."


def test_a_broken_corpus_names_its_file_and_line(tmp_path):
    path = write(tmp_path / "bad.jsonl", '{"id": "a", "text": "fine"}\n{broken\n')
    with pytest.raises(CorpusError, match=r"bad.jsonl:2: malformed JSON"):
        ArticleTexts([path]).get("a")


def test_read_gold_skips_unresolvable_records_with_the_reason(tmp_path, corpus):
    gold = write(tmp_path / "gold.jsonl", jsonl(record(), record(id="art-6"), record(id="art-4")))
    items = list(read_gold(gold, ArticleTexts([corpus])))
    assert items[0].text == TEXT and items[0].title == "Paris and Berlin" and items[0].from_corpus
    assert isinstance(items[1], Skipped) and "art-6: not found" in items[1].reason
    assert isinstance(items[2], Skipped) and "has changed since it was annotated" in items[2].reason


@pytest.mark.slow
def test_evaluate_scores_corpus_articles_with_rules_and_confidence_buckets(tmp_path, corpus):
    gold = write(tmp_path / "gold.jsonl", jsonl(record()))
    report = evaluate(gold, helpers.extractor(), ArticleTexts([corpus]))
    found = report.scores["strict"].tp + report.scores["strict"].fp
    assert report.passages == 1 and report.gold_total == 2
    assert sum(row["found"] for row in report.as_dict()["per_rule"].values()) >= found
    buckets = report.as_dict()["confidence"]
    assert sum(bucket["found"] for bucket in buckets) == found
    assert buckets[0]["found_at_least"] == found


# --- the command line -------------------------------------------------------------------------

@pytest.fixture
def cli(monkeypatch, tmp_path):
    loaded = helpers.extractor()
    monkeypatch.setattr(graphkit.pipeline, "Extractor", lambda model=DEFAULT_MODEL, actor_files=(): loaded)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


@pytest.mark.slow
def test_evaluate_with_texts_prints_levels_rules_and_confidence(cli, tmp_path, corpus):
    write(tmp_path / "gold.jsonl", jsonl(record()))
    result = cli("evaluate", "gold.jsonl", "--texts", str(corpus), "--show-errors")
    assert result.exit_code == 0, result.output
    for heading in (r"^strict\s+P=", r"^root\s+P=", r"^pair\s+P=", r"^rule\s+found", r"^confidence\s+found", r"^>= 0\.7|>= 0\.7"):
        assert re.search(heading, result.stdout, re.M), heading


@pytest.mark.slow
def test_evaluate_several_files_gives_a_summary_line_each(cli, tmp_path, corpus):
    write(tmp_path / "a.jsonl", jsonl(record()))
    write(tmp_path / "b.jsonl", jsonl({"id": "p1", "text": "Germany praised France.", "actors": ACTORS[:1], "relations": []}))
    result = cli("evaluate", "a.jsonl", "b.jsonl", "--texts", str(corpus))
    assert result.exit_code == 0, result.output
    summary = result.stdout.split("summary", 1)[1].splitlines()
    assert [line.split()[0] for line in summary[1:3]] == ["a.jsonl", "b.jsonl"]
    as_json = json.loads(cli("evaluate", "a.jsonl", "b.jsonl", "--texts", str(corpus), "--format", "json").stdout)
    assert [entry["gold"] for entry in as_json["files"]] == ["a.jsonl", "b.jsonl"]
    assert {"per_rule", "confidence", "strict"} <= set(as_json["files"][0])


@pytest.mark.slow
def test_evaluate_without_texts_says_which_ids_it_cannot_resolve(cli, tmp_path, corpus):
    write(tmp_path / "gold.jsonl", jsonl(record(), record(id="art-6")))
    result = cli("evaluate", "gold.jsonl", "--texts", str(corpus))
    assert result.exit_code == 2
    assert "gold.jsonl:2: cannot resolve the article: art-6: not found in" in result.stderr
    missing = cli("evaluate", "gold.jsonl")
    assert missing.exit_code == 1 and "give the corpus with --texts" in missing.stderr


def test_evaluate_with_a_missing_corpus_is_one_line(cli, tmp_path):
    write(tmp_path / "gold.jsonl", jsonl(record()))
    result = cli("evaluate", "gold.jsonl", "--texts", "nowhere.jsonl.gz")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: texts file 'nowhere.jsonl.gz' not found"


# --- the committed real-news gold -------------------------------------------------------------

@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpora is not beside the clone")
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_committed_gold_is_valid_even_ids_only_and_carries_no_text(path):
    texts = ArticleTexts([CORPUS])
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines
    for line in lines:
        entry = json.loads(line)
        assert "text" not in entry and "text_file" not in entry
        assert entry.get("source") in (None, "Reuters"), entry["id"]  # a headline is article text too
        assert int(entry["id"].rsplit("-", 1)[1]) % 2 == 0, entry["id"]
        assert check_record(entry, resolve_text(entry, texts), NAMES, SYMMETRIC) == [], entry["id"]


def test_the_split_is_a_function_of_the_id():
    import importlib.util

    spec = importlib.util.spec_from_file_location("sample", helpers.REPO / "scripts" / "sample_gold_articles.py")
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)
    for path, split in zip(GOLD_FILES, ("dev", "test"), strict=True):
        if path.exists():
            ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            assert {sample.split_of(i) for i in ids} == {split}
