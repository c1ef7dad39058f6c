"""Node-link JSON: networkx.node_link_graph reads it back to an equal graph."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from graphkit.export.nodelink import read_node_link, write_node_link

from graph_fixtures import HOSTILE_ACTORS, HOSTILE_TEXT, iri, sample_graph

GRAPHS = [pytest.param(lambda: sample_graph(hostile=HOSTILE_TEXT), id="hostile"), pytest.param(sample_graph, id="plain")]


def assert_same_graph(H: nx.MultiDiGraph, G: nx.MultiDiGraph) -> None:
    assert isinstance(H, nx.MultiDiGraph)
    assert nx.utils.graphs_equal(H, G)  # nodes, edges with keys, every attribute, graph attributes


@pytest.mark.parametrize("build", GRAPHS)
def test_plain_networkx_reads_it_back_to_an_equal_graph(build, tmp_path):
    G = build()
    write_node_link(G, tmp_path / "graph.json")
    with open(tmp_path / "graph.json", encoding="utf-8") as handle:
        H = nx.node_link_graph(json.load(handle), edges="links")
    assert_same_graph(H, G)
    assert H.edges[iri("russia"), iri("kpa"), "trains"]["evidence"] == G.edges[iri("russia"), iri("kpa"), "trains"]["evidence"]


@pytest.mark.parametrize("build", GRAPHS)
def test_read_node_link_round_trip(build, tmp_path):
    G = build()
    write_node_link(G, tmp_path / "graph.json")
    assert_same_graph(read_node_link(tmp_path / "graph.json"), G)


def test_it_is_utf8_node_link_json_with_links(tmp_path):
    write_node_link(sample_graph(hostile=HOSTILE_TEXT), tmp_path / "graph.json")
    raw = (tmp_path / "graph.json").read_bytes()
    data = json.loads(raw.decode("utf-8"))
    assert "北京".encode() in raw and "\\u5317" not in raw.decode("utf-8")  # non-ASCII text as written
    assert (data["directed"], data["multigraph"]) == (True, True)
    assert [node["id"] for node in data["nodes"]] == sorted(node["id"] for node in data["nodes"])
    assert {link["key"] for link in data["links"]} >= {"trains", "meets", "fights"}
    group = next(node for node in data["nodes"] if node["id"] == iri("group"))
    assert group["label"] == HOSTILE_ACTORS["group"][1]


def test_open_files_and_empty_graph():
    text, binary = io.StringIO(), io.BytesIO()
    write_node_link(sample_graph(), text)
    write_node_link(nx.MultiDiGraph(), binary)
    assert_same_graph(read_node_link(io.StringIO(text.getvalue())), sample_graph())
    assert read_node_link(io.BytesIO(binary.getvalue())).number_of_nodes() == 0
