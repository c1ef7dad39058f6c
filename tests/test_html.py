"""The HTML explorer as a file: self-contained, escaped, deterministic (no browser needed)."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import networkx as nx
import pytest

from graphkit.export.html import NEGATED_COLOUR, NEGATED_DASHES, QUAD_CLASS_COLOURS, UNASSERTED_DASHES, network_options, script_json, write_html

from graph_fixtures import HOSTILE_SENTENCE, HOSTILE_TITLE, iri, sample_graph

DATA_SCRIPT = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.DOTALL)
EVIDENCE_SCRIPT = re.compile(r'<script type="application/json" id="evidence-data">(.*?)</script>', re.DOTALL)
# Anything that would make the page fetch from elsewhere.
EXTERNAL = [
    r"<script[^>]*\ssrc\s*=", r"<link\b[^>]*\shref\s*=", r"@import", r"url\(\s*['\"]?\s*(https?:)?//",
    r"<img\b", r"<iframe\b", r"\ssrc\s*=\s*['\"]?(https?:)?//", r"\shref\s*=\s*['\"]?(https?:)?//",
]


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> str:
    path = write_html(sample_graph(), tmp_path_factory.mktemp("html") / "graph.html")
    return path.read_text(encoding="utf-8")


def page_data(page: str) -> dict:
    """The page's graph data, each edge with its evidence (which the page keeps in a script of its own)."""
    data = json.loads(DATA_SCRIPT.search(page).group(1))
    for edge, evidence in zip(data["edges"], json.loads(EVIDENCE_SCRIPT.search(page).group(1)), strict=True):
        edge["evidence"] = evidence
    return data


def edge_by_relation(data: dict, relation: str) -> dict:
    return next(edge for edge in data["edges"] if edge["relation"] == relation)


def test_write_html_writes_one_page(tmp_path):
    out = write_html(sample_graph(), str(tmp_path / "graph.html"), title="Korea")
    assert out == tmp_path / "graph.html"
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "<title>Korea</title>" in text
    assert "vis-network" in text and "graph-data" in text


@pytest.mark.parametrize("pattern", EXTERNAL)
def test_page_references_nothing_outside_itself(page, pattern):
    assert re.search(pattern, page, re.IGNORECASE) is None


def test_content_security_policy_allows_only_our_scripts(page):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 2  # vis-network, then the explorer
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_data_has_every_node_and_edge(page):
    G, data = sample_graph(), page_data(page)
    assert len(data["nodes"]) == G.number_of_nodes() == 9
    assert len(data["edges"]) == G.number_of_edges() == 6
    assert {node["id"] for node in data["nodes"]} == set(G.nodes)
    assert {(edge["from"], edge["relation"], edge["to"]) for edge in data["edges"]} == {
        (u, key, v) for u, v, key in G.edges(keys=True)}


def test_data_round_trips_the_graph(page):
    G, data = sample_graph(), page_data(page)
    for node in data["nodes"]:
        attrs = G.nodes[node["id"]]
        assert (node["label"], node["type"], node["aliases"], node["country"]) == (
            attrs["label"], attrs["type"], attrs["aliases"], attrs["country"])
    for edge in data["edges"]:
        attrs = G.edges[edge["from"], edge["to"], edge["relation"]]
        assert edge["evidence"] == attrs["evidence"]
        for name in ("count", "asserted", "negated", "quad_class", "first_date", "last_date"):
            assert edge[name] == attrs[name], name


def test_hostile_text_is_escaped(page):
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    evidence = edge_by_relation(page_data(page), "condemns")["evidence"][0]
    assert (evidence["title"], evidence["sentence"]) == (HOSTILE_TITLE, HOSTILE_SENTENCE)


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!-- x -->", "a & b", "\u2028"])
def test_script_json_has_no_markup_characters(text):
    encoded = script_json({"text": text})
    assert not set("<>&\u2028") & set(encoded)
    assert json.loads(encoded) == {"text": text}


def test_title_is_escaped(tmp_path):
    text = write_html(nx.MultiDiGraph(), tmp_path / "g.html", title="<b>Korea</b> & co").read_text(encoding="utf-8")
    assert "<b>Korea" not in text
    assert "&lt;b&gt;Korea&lt;/b&gt; &amp; co" in text


def test_same_graph_gives_same_bytes(tmp_path):
    first = write_html(sample_graph(), tmp_path / "a.html").read_bytes()
    second = write_html(sample_graph(), tmp_path / "b.html").read_bytes()
    assert first == second


def test_insertion_order_does_not_change_the_page(tmp_path):
    G = sample_graph()
    shuffled = nx.MultiDiGraph(**G.graph)
    shuffled.add_nodes_from(reversed(list(G.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert write_html(G, tmp_path / "a.html").read_bytes() == write_html(shuffled, tmp_path / "b.html").read_bytes()


def test_generated_at_is_not_in_the_page(page):
    assert sample_graph().graph["generated_at"] not in page


def test_edge_styles(page):
    data = page_data(page)
    negated, hypothetical = edge_by_relation(data, "fights"), edge_by_relation(data, "deploys")
    assert (negated["negated"], negated["dashes"], negated["color"]) == (True, NEGATED_DASHES, NEGATED_COLOUR)
    assert hypothetical["dashes"] == UNASSERTED_DASHES
    assert edge_by_relation(data, "trains")["dashes"] is False
    assert edge_by_relation(data, "meets")["symmetric"] is True
    assert edge_by_relation(data, "trains")["symmetric"] is False


def test_parallel_edges_bend_apart(page):
    data = page_data(page)
    curves = {edge_by_relation(data, name)["smooth"]["type"] for name in ("deploys", "supplies")}
    assert curves == {"curvedCW", "curvedCCW"}
    assert edge_by_relation(data, "trains")["smooth"] is False


def test_node_styles(page):
    nodes = {node["id"]: node for node in page_data(page)["nodes"]}
    assert nodes[iri("russia")]["shape"] != nodes[iri("blinken")]["shape"]
    assert nodes[iri("russia")]["mentions"] == 6


@pytest.mark.parametrize("n_nodes", [10, 5000])
def test_the_page_lays_nothing_out(n_nodes):
    options = network_options(n_nodes, 3 * n_nodes)
    assert options["physics"] == {"enabled": False}
    assert options["layout"]["improvedLayout"] is False
    assert options["interaction"]["hideEdgesOnDrag"] is (n_nodes == 5000)


def test_every_actor_has_a_position_and_a_label_rank(page):
    nodes = page_data(page)["nodes"]
    assert all(isinstance(node["x"], int) and isinstance(node["y"], int) for node in nodes)
    assert len({(node["x"], node["y"]) for node in nodes}) == len(nodes)
    assert sorted(node["rank"] for node in nodes) == list(range(len(nodes)))
    ranked = sorted(nodes, key=lambda node: node["rank"])
    assert ranked[0]["label"] == "Russia" and ranked[-1]["label"] == "United Nations"  # no relation: last


def test_related_actors_sit_closer_than_strangers(page):
    at = {node["label"]: (node["x"], node["y"]) for node in page_data(page)["nodes"]}
    near = abs(complex(*at["Russia"]) - complex(*at["Korean People's Army"]))
    far = abs(complex(*at["Russia"]) - complex(*at["Antony Blinken"]))
    assert near < far


def test_quad_classes_have_four_distinct_colours():
    assert len(set(QUAD_CLASS_COLOURS.values())) == 4


def test_legend_lists_only_what_the_graph_holds(page):
    legend = page_data(page)["legend"]
    assert [item["type"] for item in legend["types"]] == [
        "State", "Person", "Organization", "ArmedForce", "NonStateArmedGroup"]  # no Location
    assert [item["quad_class"] for item in legend["quad_classes"]] == [
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    assert legend["negated_color"] == NEGATED_COLOUR and legend["unasserted_dashes"] == UNASSERTED_DASHES


def test_legend_of_a_graph_of_one_family(tmp_path):
    G = sample_graph()
    G.remove_edges_from([(u, v, key) for u, v, key in list(G.edges(keys=True)) if key != "trains"])
    legend = page_data(write_html(G, tmp_path / "g.html").read_text(encoding="utf-8"))["legend"]
    assert [item["quad_class"] for item in legend["quad_classes"]] == ["material_cooperation"]
    assert legend["negated_color"] is None and legend["unasserted_dashes"] is None


def test_empty_graph(tmp_path):
    data = page_data(write_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text(encoding="utf-8"))
    assert (data["nodes"], data["edges"], data["relations"]) == ([], [], [])


def test_data_lists_what_the_filters_offer(page):
    data = page_data(page)
    assert data["types"] == [{"name": "State", "actors": 5}, {"name": "Person", "actors": 1},
                             {"name": "Organization", "actors": 1}, {"name": "ArmedForce", "actors": 1},
                             {"name": "NonStateArmedGroup", "actors": 1}]
    assert data["modalities"] == ["asserted", "hypothetical", "reported"]  # no planned statement in the sample
    assert data["dates"] == sorted({item["date"] for _u, _v, attrs in sample_graph().edges(data=True)
                                    for item in attrs["evidence"]})
    assert (data["size_by"], data["left_out"]) == ("mentions", 0)


def test_node_degree_sizes_actors_when_nothing_counts_mentions(tmp_path):
    G = sample_graph()
    for _node, attrs in G.nodes(data=True):
        attrs["mentions"] = 0
    data = page_data(write_html(G, tmp_path / "g.html").read_text(encoding="utf-8"))
    assert data["size_by"] == "degree"
    assert {node["id"]: node["degree"] for node in data["nodes"]} == dict(G.degree())


def test_actors_left_out_by_a_view_reach_the_page(tmp_path):
    data = page_data(write_html(sample_graph(), tmp_path / "g.html", left_out=4200).read_text(encoding="utf-8"))
    assert data["left_out"] == 4200


def test_actors_with_no_relation_sit_in_a_grid_under_the_rest(page):
    nodes = page_data(page)["nodes"]
    lowest_related = max(node["y"] for node in nodes if node["degree"])
    assert all(node["y"] > lowest_related for node in nodes if not node["degree"])


def test_layout_is_seeded_and_independent_of_insertion_order():
    from graphkit.export.layout import layout_positions

    from graph_fixtures import reordered

    G = sample_graph()
    assert layout_positions(G) == layout_positions(reordered(G)) == layout_positions(G.copy())
