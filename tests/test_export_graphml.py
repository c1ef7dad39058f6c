"""Round trips of the GraphML export, and that plain GraphML readers can open it."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from graphkit.export.graphml import DERIVED_ATTRIBUTES, JSON_ATTRIBUTES, NULL_ATTRIBUTES, read_graphml, write_graphml

from graph_fixtures import HOSTILE_ACTORS, HOSTILE_TEXT, iri, sample_graph, snapshot

GROUP_LABEL = HOSTILE_ACTORS["group"][1]
GRAPHS = [pytest.param(lambda: sample_graph(hostile=HOSTILE_TEXT), id="hostile"), pytest.param(sample_graph, id="plain")]


def hostile_graph() -> nx.MultiDiGraph:
    return sample_graph(hostile=HOSTILE_TEXT)


@pytest.mark.parametrize("build", GRAPHS)
def test_round_trip_gives_the_same_graph(build, tmp_path):
    G = build()
    write_graphml(G, tmp_path / "g.graphml")
    H = read_graphml(tmp_path / "g.graphml")
    assert isinstance(H, nx.MultiDiGraph)
    assert snapshot(H) == snapshot(G)


def test_round_trip_keeps_types_exactly(tmp_path):
    write_graphml(hostile_graph(), tmp_path / "g.graphml")
    H = read_graphml(tmp_path / "g.graphml")
    data = H.edges[iri("russia"), iri("kpa"), "trains"]
    assert type(data["goldstein"]) is float and type(data["count"]) is int and data["asserted"] is True
    assert data["evidence"][-1]["confidence"] == 0.30000000000000004
    assert data["evidence"][-1]["sentence"] == HOSTILE_TEXT
    assert H.nodes[iri("group")]["label"] == GROUP_LABEL
    assert H.nodes[iri("group")]["country"] is None


def test_plain_networkx_reads_it_and_every_attribute_is_a_scalar(tmp_path):
    G = hostile_graph()
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert set(H) == set(G)
    assert H.number_of_edges() == G.number_of_edges()
    values = [*H.graph.values()]
    values += [value for _, data in H.nodes(data=True) for value in data.values()]
    values += [value for *_, data in H.edges(data=True) for value in data.values()]
    values = [value for value in values if value != {}]  # networkx's own node_default / edge_default
    assert values and all(isinstance(value, (str, int, float, bool)) for value in values)
    assert "None" not in values
    assert H.nodes[iri("russia")]["label"] == "Russia" and H.nodes[iri("russia")]["mentions"] == 6
    assert "wikidata" not in H.nodes[iri("kpa")]  # None values are dropped


def test_edges_carry_start_and_end_dates_for_timelines(tmp_path):
    G = hostile_graph()
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    for u, v, key, data in G.edges(keys=True, data=True):
        written = H.edges[u, v, key]
        if data["first_date"]:
            assert (written["start"], written["end"]) == (data["first_date"], data["last_date"])
        else:
            assert "start" not in written and "end" not in written
    assert H.edges[iri("russia"), iri("kpa"), "trains"]["start"] == "2024-10-20"
    assert json.loads(H.graph[DERIVED_ATTRIBUTES]) == ["edge:end", "edge:start"]


def test_a_graph_with_its_own_start_attribute_keeps_it(tmp_path):
    G = sample_graph()
    G.edges[iri("russia"), iri("kpa"), "trains"]["start"] = "during the war"
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert H.edges[iri("russia"), iri("kpa"), "trains"]["start"] == "during the war"
    assert "start" not in H.edges[iri("blinken"), iri("south_korea"), "meets"]
    assert DERIVED_ATTRIBUTES not in H.graph
    assert snapshot(read_graphml(tmp_path / "g.graphml")) == snapshot(G)


def test_non_iso_dates_give_no_timeline(tmp_path):
    G = sample_graph()
    G.edges[iri("russia"), iri("kpa"), "trains"]["first_date"] = "20 Oct 2024"
    write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    written = H.edges[iri("russia"), iri("kpa"), "trains"]
    assert "start" not in written and written["end"] == "2024-10-23"


def test_only_strings_xml_cannot_hold_become_json(tmp_path):
    write_graphml(hostile_graph(), tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes[iri("group")]["label"] == json.dumps(GROUP_LABEL, ensure_ascii=False)
    assert H.nodes[iri("russia")]["label"] == "Russia"


def test_lists_and_dicts_are_json_strings(tmp_path):
    write_graphml(hostile_graph(), tmp_path / "g.graphml")
    H = nx.read_graphml(tmp_path / "g.graphml")
    assert H.nodes[iri("russia")]["aliases"] == '["Moscow", "Russia", "Russian Federation"]'
    assert "node:aliases" in H.graph[JSON_ATTRIBUTES] and "edge:evidence" in H.graph[JSON_ATTRIBUTES]
    assert "node:wikidata" in H.graph[NULL_ATTRIBUTES]


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
