"""Views of a stored graph: an actor's neighbourhood, a relation subset, a period, the top actors."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.export.rdf import write_turtle
from graphkit.view import ViewError, ego_network, find_actor, select_period, select_relations, select_view, top_actors

from graph_fixtures import iri, sample_graph


def labels(G) -> set[str]:
    return {data["label"] for _node, data in G.nodes(data=True)}


def relations(G) -> set[tuple[str, str, str]]:
    return {(G.nodes[u]["label"], key, G.nodes[v]["label"]) for u, v, key in G.edges(keys=True)}


@pytest.mark.parametrize("name, actor", [
    ("Russia", "russia"), ("russia", "russia"), ("  RUSSIA ", "russia"),  # label, any case
    ("pyongyang", "north_korea"), ("KPA", "kpa"), ("Hizbullah", "hezbollah"),  # aliases
])
def test_find_actor_by_label_or_alias_ignoring_case(name, actor):
    assert find_actor(sample_graph(), name) == iri(actor)


def test_find_actor_by_iri():
    assert find_actor(sample_graph(), iri("blinken").upper()) == iri("blinken")


def test_unknown_actor_suggests_close_names():
    with pytest.raises(ViewError) as error:
        find_actor(sample_graph(), "Rusia")
    assert str(error.value) == "no actor 'Rusia' in the graph; did you mean 'Russia'?"


def test_unknown_actor_with_a_common_word_lists_the_actors_containing_it():
    with pytest.raises(ViewError, match="did you mean ") as error:
        find_actor(sample_graph(), "korea")
    for label in ("North Korea", "South Korea", "Korean People's Army"):
        assert label in str(error.value)


def test_nothing_close_says_what_to_do():
    with pytest.raises(ViewError, match="no actor 'Zzyzx' in the graph; check the spelling"):
        find_actor(sample_graph(), "Zzyzx")


def test_an_alias_two_actors_share_is_ambiguous():
    G = sample_graph()
    G.nodes[iri("kpa")]["aliases"].append("Pyongyang")
    with pytest.raises(ViewError, match="'pyongyang' is ambiguous: .*Korean People's Army.*North Korea"):
        find_actor(G, "pyongyang")


def test_a_label_wins_over_another_actors_alias():
    G = sample_graph()
    G.nodes[iri("kpa")]["aliases"].append("North Korea")
    assert find_actor(G, "north korea") == iri("north_korea")


@pytest.mark.parametrize("depth, expected", [
    (0, {"Korean People's Army"}),
    (1, {"Korean People's Army", "Russia", "Ukraine"}),  # trains it (incoming), fights (outgoing)
    (2, {"Korean People's Army", "Russia", "Ukraine", "North Korea"}),
])
def test_ego_network_follows_edges_both_ways(depth, expected):
    assert labels(ego_network(sample_graph(), iri("kpa"), depth)) == expected


def test_ego_network_keeps_every_edge_among_its_actors():
    ego = ego_network(sample_graph(), iri("russia"), 1)
    assert relations(ego) == {("Russia", "trains", "Korean People's Army"), ("North Korea", "deploys", "Russia"),
                              ("North Korea", "supplies", "Russia")}


def test_select_relations_keeps_only_those_edges():
    H = select_relations(sample_graph(), ["trains", "Meets"])
    assert relations(H) == {("Russia", "trains", "Korean People's Army"), ("Antony Blinken", "meets", "South Korea")}
    assert H.number_of_nodes() == sample_graph().number_of_nodes()  # select_view drops the unrelated ones


def test_a_vocabulary_relation_absent_from_the_graph_selects_nothing():
    assert select_relations(sample_graph(), ["attacks"]).number_of_edges() == 0


def test_unknown_relation_lists_the_graphs_relations():
    with pytest.raises(ViewError) as error:
        select_relations(sample_graph(), ["train"])
    assert str(error.value) == ("unknown relation 'train'; this graph has "
                                "condemns, deploys, fights, meets, supplies, trains")


def test_select_period_trims_evidence_to_the_period():
    H = select_period(sample_graph(), since="2024-10-21", until="2024-10-30")
    assert relations(H) == {("Russia", "trains", "Korean People's Army"), ("North Korea", "deploys", "Russia"),
                            ("Israel", "condemns", "Hezbollah")}
    trains = H.edges[iri("russia"), iri("kpa"), "trains"]
    assert [item["date"] for item in trains["evidence"]] == ["2024-10-23"]
    assert (trains["count"], trains["articles"], trains["first_date"], trains["last_date"]) == (
        1, 1, "2024-10-23", "2024-10-23")


@pytest.mark.parametrize("since, until, edges", [
    ("2024-10", "2024-10", 6), ("2024", None, 6), (None, "2024-10-20", 2), ("2024-10-31", None, 2),
    ("2024-11", None, 0),
])
def test_period_bounds_can_be_years_months_or_days(since, until, edges):
    assert select_period(sample_graph(), since, until).number_of_edges() == edges


@pytest.mark.parametrize("since, until, message", [
    ("20-10-2024", None, "date '20-10-2024' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    ("2024-11", "2024-10", "--since 2024-11 is after --until 2024-10"),
])
def test_bad_period(since, until, message):
    with pytest.raises(ViewError, match=message):
        select_period(sample_graph(), since, until)


def test_undated_statements_fall_in_no_period():
    G = sample_graph()
    for item in G.edges[iri("israel"), iri("hezbollah"), "condemns"]["evidence"]:
        item["date"] = None
    assert not select_period(G, since="2000").has_edge(iri("israel"), iri("hezbollah"))


def test_top_actors_keeps_the_best_connected_and_counts_the_rest():
    H, left_out = top_actors(sample_graph(), 3)
    assert labels(H) == {"Russia", "North Korea", "Korean People's Army"}  # degrees 3, 2, 2
    assert left_out == sample_graph().number_of_nodes() - 3 == 6


def test_top_actors_always_keeps_the_focus():
    H, left_out = top_actors(sample_graph(), 2, keep=iri("un"))
    assert labels(H) == {"United Nations", "Russia"}
    assert left_out == 7


def test_top_actors_of_a_small_graph_leaves_nothing_out():
    H, left_out = top_actors(sample_graph(), 100)
    assert (H.number_of_nodes(), left_out) == (9, 0)


def test_select_view_combines_the_selections():
    view = select_view(sample_graph(), actor="russia", depth=1, relations=["trains", "supplies"],
                       since="2024-10-22")
    assert view.focus == iri("russia")
    assert relations(view.graph) == {("Russia", "trains", "Korean People's Army"),
                                     ("North Korea", "supplies", "Russia")}
    assert view.left_out == 0


def test_filtered_views_drop_actors_left_without_relations_but_keep_the_focus():
    view = select_view(sample_graph(), actor="United Nations", min_confidence=0.7)
    assert labels(view.graph) == {"United Nations"}
    unfocused = select_view(sample_graph(), min_confidence=0.7)
    assert "United Nations" not in labels(unfocused.graph)
    assert labels(unfocused.graph) >= {"Russia", "Korean People's Army", "Antony Blinken", "South Korea"}


def test_an_unfiltered_view_is_the_whole_graph():
    view = select_view(sample_graph())
    assert (view.graph.number_of_nodes(), view.graph.number_of_edges(), view.left_out) == (9, 6, 0)


def test_select_view_reports_actors_left_out():
    view = select_view(sample_graph(), max_nodes=4)
    assert (view.graph.number_of_nodes(), view.left_out) == (4, 5)


def test_views_leave_the_stored_graph_alone():
    G = sample_graph()
    select_view(G, actor="kpa", relations=["trains"], since="2024-10-22", min_confidence=0.5, max_nodes=1)
    assert (G.number_of_nodes(), G.number_of_edges()) == (9, 6)
    assert len(G.edges[iri("russia"), iri("kpa"), "trains"]["evidence"]) == 2


# ---- graphkit view ----

@pytest.fixture
def stored(tmp_path):
    """The sample graph as `graphkit build` stores it."""
    write_turtle(sample_graph(), tmp_path / "graph.ttl")
    return tmp_path


def view_cli(*args: str):
    return CliRunner().invoke(app, ["view", *map(str, args)])


def page_data(path) -> dict:
    """The page's graph data, each edge with its evidence (kept in a script of its own)."""
    text = path.read_text(encoding="utf-8")
    script = r'<script type="application/json" id="{}">(.*?)</script>'
    data = json.loads(re.search(script.format("graph-data"), text, re.S).group(1))
    evidence = json.loads(re.search(script.format("evidence-data"), text, re.S).group(1))
    for edge, items in zip(data["edges"], evidence, strict=True):
        edge["evidence"] = items
    return data


def test_view_writes_an_actors_neighbourhood(stored):
    result = view_cli(stored, "-o", stored / "kpa.html", "--actor", "kpa", "--depth", "1")
    assert (result.exit_code, result.output) == (0, f"wrote {stored / 'kpa.html'}: 3 actors, 2 relations\n")
    data = page_data(stored / "kpa.html")
    assert sorted(node["label"] for node in data["nodes"]) == ["Korean People's Army", "Russia", "Ukraine"]
    assert "<title>graphkit · Korean People&#x27;s Army</title>" in (stored / "kpa.html").read_text(encoding="utf-8")


def test_view_of_an_output_directory_with_every_selection(stored):
    result = view_cli(stored, "-o", stored / "v.html", "--relation", "trains", "--relation", "supplies",
                      "--since", "2024-10-22", "--until", "2024-10", "--min-confidence", "0.6")
    assert result.exit_code == 0, result.output
    data = page_data(stored / "v.html")
    assert sorted(edge["relation"] for edge in data["edges"]) == ["supplies", "trains"]
    assert sorted(item["date"] for edge in data["edges"] for item in edge["evidence"]) == ["2024-10-23", "2024-10-31"]


def test_view_reports_actors_left_out(stored):
    result = view_cli(stored / "graph.ttl", "-o", stored / "top.html", "--max-nodes", "3")
    assert result.output == f"wrote {stored / 'top.html'}: 3 actors, 3 relations; 6 actors left out (--max-nodes 3)\n"
    assert page_data(stored / "top.html")["left_out"] == 6


@pytest.mark.parametrize("args, message", [
    (["--actor", "Rusia"], "error: no actor 'Rusia' in the graph; did you mean 'Russia'?"),
    (["--relation", "train"], "error: unknown relation 'train'; this graph has condemns, deploys, fights, meets, "
                              "supplies, trains"),
    (["--since", "last week"], "error: date 'last week' is not YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--format", "svg"], "error: unknown format 'svg'; expected html or png"),
    (["--depth", "2"], "error: --depth needs --actor: the depth counts relations away from that actor"),
])
def test_view_errors_are_one_line(stored, args, message):
    result = view_cli(stored, "-o", stored / "v.html", *args)
    assert (result.exit_code, result.output.strip()) == (1, message)
    assert not (stored / "v.html").exists()


def test_view_of_a_missing_graph(tmp_path):
    result = view_cli(tmp_path / "nothing", "-o", tmp_path / "v.html")
    assert result.exit_code == 1
    assert result.output.startswith(f"error: '{tmp_path / 'nothing'}' not found")


def test_view_into_a_missing_directory(stored):
    result = view_cli(stored, "-o", stored / "no" / "v.html")
    assert (result.exit_code, result.output.strip()) == (
        1, f"error: cannot write '{stored / 'no' / 'v.html'}': No such file or directory; choose another path with -o")


def test_png_without_chromium_says_to_install_it(stored, monkeypatch):
    pytest.importorskip("playwright", reason="PNG output needs the png extra: pip install -e '.[png]'")  # asked for before Chromium
    monkeypatch.delenv("GRAPHKIT_CHROMIUM", raising=False)
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr("graphkit.export.png.SYSTEM_CHROMIUM", stored / "no-chromium-here")
    result = view_cli(stored, "-o", stored / "v.png")
    assert result.exit_code == 1
    assert result.output.strip() == ("error: PNG output needs Chromium, which is not installed: apt-get install "
                                     "chromium (or set GRAPHKIT_CHROMIUM to a Chromium executable)")


@pytest.mark.browser
def test_view_renders_png_with_headless_chromium(stored, browser):  # the fixture skips without Chromium
    result = view_cli(stored, "-o", stored / "kpa.png", "--actor", "kpa")
    assert result.exit_code == 0, result.output
    png = (stored / "kpa.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1600, 1000)
