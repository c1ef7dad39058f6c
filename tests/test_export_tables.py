"""The CSV tables: one row per statement (events), per edge (relations) and per actor; hostile text intact."""

from __future__ import annotations

import csv
import io
import re

import networkx as nx
import pytest

from graphkit.export.tables import (
    ACTOR_COLUMNS,
    EVENT_COLUMNS,
    RELATION_COLUMNS,
    format_role,
    read_actors_csv,
    read_events_csv,
    read_relations_csv,
    write_actors_csv,
    write_events_csv,
    write_relations_csv,
)

from graph_fixtures import HOSTILE_ACTORS, HOSTILE_ROLE, HOSTILE_TEXT, iri, sample_graph

GROUP_LABEL = HOSTILE_ACTORS["group"][1]
GRAPHS = [pytest.param(lambda: sample_graph(hostile=HOSTILE_TEXT), id="hostile"), pytest.param(sample_graph, id="plain")]


def hostile_graph() -> nx.MultiDiGraph:
    return sample_graph(hostile=HOSTILE_TEXT)


def plain_rows(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- events.csv ------------------------------------------------------------------------


@pytest.mark.parametrize("build", GRAPHS)
def test_one_event_row_per_evidence_item(build, tmp_path):
    G = build()
    write_events_csv(G, tmp_path / "events.csv")
    rows = read_events_csv(tmp_path / "events.csv")
    assert len(rows) == sum(len(data["evidence"]) for *_, data in G.edges(data=True))
    assert all(tuple(row) == EVENT_COLUMNS for row in rows)


def test_events_start_with_the_event_data_columns():
    assert EVENT_COLUMNS[:15] == (
        "date", "source_label", "source_iso3", "relation", "cameo_root", "plover_type", "goldstein",
        "target_label", "target_iso3", "negated", "modality", "confidence", "doc_id", "url", "sentence")


@pytest.mark.parametrize("build", GRAPHS)
def test_event_rows_round_trip_with_their_types(build, tmp_path):
    G = build()
    write_events_csv(G, tmp_path / "events.csv")
    rows = read_events_csv(tmp_path / "events.csv")
    expected = sorted(
        (item["doc_id"], item["sentence_index"], item["sentence"], item["title"], item["negated"], item["modality"],
         item["confidence"], item["attributed_to"], item["attributed_to_id"], item["location"], item["quantity"],
         item["date"], item["url"], *item["char_span"], item["trigger"], data["relation"], data["cameo"],
         data["plover"], data["goldstein"], G.nodes[u]["label"], G.nodes[u]["country"], G.nodes[v]["label"],
         G.nodes[v]["country"], u, v)
        for u, v, data in G.edges(data=True) for item in data["evidence"]
    )
    got = sorted(
        (row["doc_id"], row["sentence_index"], row["sentence"], row["title"], row["negated"], row["modality"],
         row["confidence"], row["attributed_to"], row["attributed_to_id"], row["location"], row["quantity"],
         row["date"], row["url"], row["char_start"], row["char_end"], row["trigger"], row["relation"],
         row["cameo_root"], row["plover_type"], row["goldstein"], row["source_label"], row["source_iso3"],
         row["target_label"], row["target_iso3"], row["source_id"], row["target_id"])
        for row in rows
    )
    assert got == expected


def test_plain_csv_reading_gets_typed_cells(tmp_path):
    """No pandas needed: every cell parses as its column's type."""
    write_events_csv(hostile_graph(), tmp_path / "events.csv")
    rows = plain_rows(tmp_path / "events.csv")
    assert list(rows[0]) == list(EVENT_COLUMNS)
    for row in rows:
        assert row["date"] == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"])
        assert re.fullmatch(r"\d\d", row["cameo_root"]) and row["plover_type"].isupper()
        assert -10.0 <= float(row["goldstein"]) <= 10.0 and 0.0 < float(row["confidence"]) <= 1.0
        assert row["negated"] in ("true", "false")
        assert row["modality"] in ("asserted", "reported", "hypothetical", "planned")
        assert int(row["sentence_index"]) >= 0 and int(row["char_start"]) < int(row["char_end"])
        assert row["source_iso3"] == "" or re.fullmatch(r"[A-Z]{3}", row["source_iso3"])


def test_hostile_text_survives_plain_csv_reading(tmp_path):
    write_events_csv(hostile_graph(), tmp_path / "events.csv")
    rows = plain_rows(tmp_path / "events.csv")
    assert sum(row["sentence"] == HOSTILE_TEXT for row in rows) == 3
    assert [row["title"] for row in rows].count(HOSTILE_TEXT) == 1
    assert GROUP_LABEL in {row["source_label"] for row in rows}
    assert 'https://example.org/a?b=1&c="2"<x>' in {row["url"] for row in rows}
    assert 'Kursk, "oblast"' in {row["location"] for row in rows}


def test_event_rows_are_sorted_by_date_article_and_sentence(tmp_path):
    write_events_csv(hostile_graph(), tmp_path / "events.csv")
    rows = read_events_csv(tmp_path / "events.csv")
    order = [(row["date"] or "", row["doc_id"], row["sentence_index"], row["char_start"]) for row in rows]
    assert order == sorted(order)
    assert [row["date"] for row in rows[:2]] == [None, None]  # undated statements first
    assert [row["negated"] for row in rows[:2]] == [False, True]  # a tie is broken by the other cells


# --- relations.csv ---------------------------------------------------------------------


@pytest.mark.parametrize("build", GRAPHS)
def test_one_relation_row_per_edge_with_its_counts(build, tmp_path):
    G = build()
    write_relations_csv(G, tmp_path / "relations.csv")
    rows = read_relations_csv(tmp_path / "relations.csv")
    assert all(tuple(row) == RELATION_COLUMNS for row in rows)
    got = {(row["source_id"], row["relation"], row["target_id"]): row for row in rows}
    assert len(got) == len(rows) == G.number_of_edges()
    for u, v, key, data in G.edges(keys=True, data=True):
        row = got[u, key, v]
        assert (row["count"], row["articles"], row["sources"]) == (data["count"], data["articles"], data["sources"])
        assert (row["first_date"], row["last_date"]) == (data["first_date"], data["last_date"])
        assert (row["asserted"], row["negated"], row["confidence"]) == (data["asserted"], data["negated"], data["confidence"])
        assert (row["source_label"], row["target_label"]) == (G.nodes[u]["label"], G.nodes[v]["label"])
    assert [(row["source_id"], row["relation"], row["target_id"]) for row in rows] == sorted(got)


# --- actors.csv ------------------------------------------------------------------------


def test_actors_table(tmp_path):
    G = hostile_graph()
    write_actors_csv(G, tmp_path / "actors.csv")
    rows = {row["id"]: row for row in read_actors_csv(tmp_path / "actors.csv")}
    assert set(rows) == set(G)
    assert all(tuple(row) == ACTOR_COLUMNS for row in rows.values())
    blinken = rows[iri("blinken")]
    assert blinken["roles"] == ["Secretary of State (USA) 2021-01-26–2025-01-20", format_role(HOSTILE_ROLE)]
    assert blinken["aliases"] == ["Antony Blinken", "Blinken"] and blinken["mentions"] == 2 and blinken["degree"] == 1
    russia = rows[iri("russia")]
    assert russia["degree"] == 4 and russia["wikidata"] == "Q159" and russia["affiliation"] is None
    assert rows[iri("group")]["label"] == GROUP_LABEL
    assert rows[iri("group")]["aliases"] == ['Groupe "Armé"', 'the "elite", <b>troops</b>']
    assert rows[iri("un")]["degree"] == 0 and rows[iri("un")]["roles"] == []


@pytest.mark.parametrize(("role", "text"), [
    ({"title": "Secretary of State", "country": "USA", "start": "2021-01-26", "end": "2025-01-20"},
     "Secretary of State (USA) 2021-01-26–2025-01-20"),
    ({"title": "President", "country": "RUS", "start": "2012-05-07", "end": None}, "President (RUS) 2012-05-07–"),
    ({"title": "Envoy", "country": None, "start": None, "end": "2020-01-01"}, "Envoy –2020-01-01"),
    ({"title": "Spokesman", "country": None, "start": None, "end": None}, "Spokesman"),
])
def test_format_role(role, text):
    assert format_role(role) == text


# --- all tables ------------------------------------------------------------------------


def test_open_files(tmp_path):
    G = hostile_graph()
    text = io.StringIO(newline="")
    write_events_csv(G, text)
    binary = io.BytesIO()
    write_actors_csv(G, binary)
    statements = sum(len(data["evidence"]) for *_, data in G.edges(data=True))
    assert len(read_events_csv(io.StringIO(text.getvalue(), newline=""))) == statements
    assert len(read_actors_csv(io.BytesIO(binary.getvalue()))) == G.number_of_nodes()


@pytest.mark.parametrize(("write", "columns"), [
    (write_events_csv, EVENT_COLUMNS), (write_relations_csv, RELATION_COLUMNS), (write_actors_csv, ACTOR_COLUMNS)])
def test_empty_graph_gives_headers_only(write, columns, tmp_path):
    write(nx.MultiDiGraph(), tmp_path / "table.csv")
    assert (tmp_path / "table.csv").read_bytes() == (",".join(columns) + "\r\n").encode()
