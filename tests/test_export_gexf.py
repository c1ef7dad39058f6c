"""The GEXF export: Gephi's dynamic format, read back with a plain XML parser and networkx."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from graphkit.export.gexf import GEXF_NAMESPACE, VIZ_NAMESPACE, write_gexf
from graphkit.export.html import TYPE_STYLES

from graph_fixtures import HOSTILE_ACTORS, HOSTILE_TEXT, iri, sample_graph

NS = {"g": GEXF_NAMESPACE, "viz": VIZ_NAMESPACE}
GROUP_LABEL = HOSTILE_ACTORS["group"][1]
GRAPHS = [pytest.param(lambda: sample_graph(hostile=HOSTILE_TEXT), id="hostile"), pytest.param(sample_graph, id="plain")]


def hostile_graph() -> nx.MultiDiGraph:
    return sample_graph(hostile=HOSTILE_TEXT)


def edges_by_relation(H: nx.MultiDiGraph) -> dict:
    """{(source, relation, target): data} of a graph read by networkx, whose edge keys are GEXF ids."""
    return {(u, data["relation"], v): data for u, v, data in H.edges(data=True)}


def test_plain_xml_parse_finds_a_dynamic_graph_with_dated_edges(tmp_path):
    G = hostile_graph()
    write_gexf(G, tmp_path / "graph.gexf")
    root = ET.parse(tmp_path / "graph.gexf").getroot()
    assert root.tag == f"{{{GEXF_NAMESPACE}}}gexf" and root.get("version") == "1.3"
    graph = root.find("g:graph", NS)
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "directed")
    edges = graph.findall("g:edges/g:edge", NS)
    assert len(edges) == G.number_of_edges()
    written = {(edge.get("source"), edge.get("kind"), edge.get("target")): edge for edge in edges}
    for u, v, key, data in G.edges(keys=True, data=True):
        edge = written[u, key, v]
        assert (edge.get("start"), edge.get("end")) == (data["first_date"], data["last_date"])
        assert edge.get("label") == key and edge.get("weight") == str(data["count"])
    assert written[iri("russia"), "trains", iri("kpa")].get("start") == "2024-10-20"
    assert written[iri("group"), "fights", iri("russia")].get("start") is None  # undated: always present


@pytest.mark.parametrize("build", GRAPHS)
def test_networkx_reads_it_back(build, tmp_path):
    G = build()
    write_gexf(G, tmp_path / "graph.gexf")
    H = nx.read_gexf(tmp_path / "graph.gexf")
    assert isinstance(H, nx.MultiDiGraph) and H.graph["mode"] == "dynamic"
    assert set(H) == set(G)
    written = edges_by_relation(H)
    assert set(written) == {(u, key, v) for u, v, key in G.edges(keys=True)}
    for u, v, key, data in G.edges(keys=True, data=True):
        got = written[u, key, v]
        for name in ("cameo", "plover", "quad_class", "goldstein", "count", "articles", "sources", "asserted",
                     "negated", "confidence"):
            assert got[name] == data[name] and type(got[name]) is type(data[name]), name
        assert got.get("start") == data["first_date"] and got.get("end") == data["last_date"]
        assert "evidence" not in got
    for node, data in G.nodes(data=True):
        got = H.nodes[node]
        assert got["type"] == data["type"] and got["mentions"] == data["mentions"]
        assert got.get("country") == data["country"] and got.get("wikidata") == data["wikidata"]
        assert json.loads(got["aliases"]) == data["aliases"] and json.loads(got["roles"]) == data["roles"]


def test_no_attribute_is_a_list(tmp_path):
    write_gexf(hostile_graph(), tmp_path / "graph.gexf")
    H = nx.read_gexf(tmp_path / "graph.gexf")
    values = [value for _, data in H.nodes(data=True) for name, value in data.items() if name != "viz"]
    values += [value for *_, data in H.edges(data=True) for name, value in data.items() if name != "viz"]
    assert values and all(isinstance(value, (str, int, float, bool)) for value in values)


def test_parallel_edges_of_different_relations_stay_apart(tmp_path):
    write_gexf(sample_graph(), tmp_path / "graph.gexf")
    H = nx.read_gexf(tmp_path / "graph.gexf")
    assert sorted(data["relation"] for data in H.get_edge_data(iri("north_korea"), iri("russia")).values()) == [
        "deploys", "supplies"]


def test_hostile_text_is_escaped_and_what_xml_cannot_hold_is_replaced(tmp_path):
    write_gexf(hostile_graph(), tmp_path / "graph.gexf")
    H = nx.read_gexf(tmp_path / "graph.gexf")
    assert H.nodes[iri("group")]["label"] == GROUP_LABEL.replace("\x0b", "\ufffd")
    assert json.loads(H.nodes[iri("group")]["aliases"]) == HOSTILE_ACTORS["group"][5]
    assert H.nodes[iri("blinken")]["roles"].count("<of>") == 1


def test_actors_are_coloured_by_type(tmp_path):
    write_gexf(sample_graph(), tmp_path / "graph.gexf")
    H = nx.read_gexf(tmp_path / "graph.gexf")
    colour = H.nodes[iri("russia")]["viz"]["color"]
    assert "#{r:02x}{g:02x}{b:02x}".format(**colour) == TYPE_STYLES["State"][1]


def test_open_files_and_empty_graph():
    binary, text = io.BytesIO(), io.StringIO()
    write_gexf(nx.MultiDiGraph(), binary)
    write_gexf(sample_graph(), text)
    binary.seek(0)
    assert nx.read_gexf(binary).number_of_nodes() == 0
    assert nx.read_gexf(io.BytesIO(text.getvalue().encode("utf-8"))).number_of_nodes() == 9
