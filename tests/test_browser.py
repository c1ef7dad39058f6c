"""The HTML explorer in headless Chromium, offline: loads cleanly, filters, searches, shows evidence safely."""

from __future__ import annotations

import networkx as nx
import pytest

from graphkit.export.html import write_html

from graph_fixtures import HOSTILE_SENTENCE, HOSTILE_TITLE, iri, sample_graph

pytestmark = pytest.mark.browser

READY = "body[data-ready='true']"
VISIBLE_EDGE_IDS = "graphkit.visibleEdges.getIds().sort()"
DRAWN = "({nodes: graphkit.network.body.nodeIndices.length, edges: graphkit.network.body.edgeIndices.length})"
# Page coordinates of a point of the drawing, e.g. a node or the middle of an edge.
TO_PAGE = """(point) => {
  const dom = graphkit.network.canvasToDOM(point);
  const box = document.getElementById("graph").getBoundingClientRect();
  return {x: box.left + dom.x, y: box.top + dom.y};
}"""


def open_explorer(offline, G: nx.MultiDiGraph, tmp_path):
    path = write_html(G, tmp_path / "graph.html", title="graphkit test")
    offline.page.goto(path.as_uri())
    offline.page.wait_for_selector(READY, state="attached", timeout=60_000)
    return offline.page


@pytest.fixture
def page(offline_page, tmp_path):
    return open_explorer(offline_page, sample_graph(), tmp_path)


def edge_id(page, relation: str) -> str:
    return page.evaluate("(name) => graphkit.data.edges.find((edge) => edge.relation === name).id", relation)


def node_point(page, node: str) -> dict:
    position = page.evaluate("(id) => graphkit.network.getPositions([id])[id]", node)
    return page.evaluate(f"(point) => ({TO_PAGE})(point)", position)


def edge_midpoint(page, relation: str) -> dict:
    return page.evaluate(f"""(name) => {{
      const edge = graphkit.data.edges.find((item) => item.relation === name);
      const at = graphkit.network.getPositions([edge.from, edge.to]);
      return ({TO_PAGE})({{x: (at[edge.from].x + at[edge.to].x) / 2, y: (at[edge.from].y + at[edge.to].y) / 2}});
    }}""", relation)


def details_text(page) -> str:
    return page.locator("#details").inner_text()


def assert_clean(offline) -> None:
    assert offline.external_requests() == []
    assert offline.console_errors == []
    assert offline.page_errors == []
    assert offline.dialogs == []


def test_page_loads_offline_without_errors(page, offline_page):
    assert_clean(offline_page)
    assert page.title() == "graphkit test"
    assert page.locator("#legend").is_visible()
    assert "NonStateArmedGroup" in page.locator("#legend").inner_text()
    assert page.evaluate("graphkit.network.physics.options.enabled") is False  # stopped once stable


def test_counts_match_the_graph(page, offline_page):
    G = sample_graph()
    negated = sum(1 for _u, _v, data in G.edges(data=True) if data["negated"])
    assert negated == 1
    # The DataSets hold everything; the view (and so the drawing) leaves negated edges out by default.
    assert page.evaluate("graphkit.nodes.length") == G.number_of_nodes()
    assert page.evaluate("graphkit.edges.length") == G.number_of_edges()
    # The United Nations (no relation) and Ukraine (only a negated one) are not drawn at first.
    assert page.evaluate("graphkit.visibleEdges.length") == G.number_of_edges() - negated
    assert page.evaluate(DRAWN) == {"nodes": G.number_of_nodes() - 2, "edges": G.number_of_edges() - negated}
    page.check("#show-negated")
    assert page.evaluate(DRAWN) == {"nodes": G.number_of_nodes() - 1, "edges": G.number_of_edges()}
    page.check("#show-unrelated")
    assert page.evaluate(DRAWN) == {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
    assert_clean(offline_page)


@pytest.mark.parametrize("query, actor", [("Antony Blinken", "blinken"), ("pyongyang", "north_korea"),
                                          ("korean people", "kpa")])
def test_search_focuses_and_selects_the_actor(page, query, actor):
    page.fill("#search", query)
    page.press("#search", "Enter")
    assert page.evaluate("graphkit.network.getSelectedNodes()") == [iri(actor)]
    page.wait_for_function("""(id) => {
      const view = graphkit.network.getViewPosition(), at = graphkit.network.getPositions([id])[id];
      return Math.hypot(view.x - at.x, view.y - at.y) < 1;
    }""", arg=iri(actor), timeout=5_000)
    assert page.locator("#details h2").inner_text() == sample_graph().nodes[iri(actor)]["label"]


def test_picking_a_label_from_the_list_selects_at_once(page):
    page.fill("#search", "South Korea")  # what choosing a <datalist> option does: an input event
    assert page.evaluate("graphkit.network.getSelectedNodes()") == [iri("south_korea")]


def test_search_says_when_nothing_matches(page):
    page.fill("#search", "Atlantis")
    page.press("#search", "Enter")
    assert "No actor matches" in page.locator("#search-status").inner_text()
    assert page.evaluate("graphkit.network.getSelectedNodes()") == []


def test_datalist_offers_every_actor(page):
    labels = page.eval_on_selector_all("#actor-list option", "(options) => options.map((option) => option.value)")
    assert sorted(labels) == sorted(data["label"] for _node, data in sample_graph().nodes(data=True))


def test_relation_filter_hides_exactly_those_edges(page, offline_page):
    page.check("#show-negated")
    everything = page.evaluate(VISIBLE_EDGE_IDS)
    relations = page.evaluate("graphkit.data.relations.map((relation) => relation.name)")
    for relation in relations:
        hidden = page.evaluate("(name) => graphkit.data.edges.filter((e) => e.relation === name).map((e) => e.id)",
                               relation)
        box = f"#relation-filter input[value='{relation}']"
        page.uncheck(box)
        assert page.evaluate(VISIBLE_EDGE_IDS) == sorted(set(everything) - set(hidden)), relation
        assert page.evaluate(DRAWN)["edges"] == len(everything) - len(hidden)
        page.check(box)
        assert page.evaluate(VISIBLE_EDGE_IDS) == everything
    assert_clean(offline_page)


def test_clicking_a_node_shows_it_and_highlights_its_neighbours(page):
    russia = node_point(page, iri("russia"))
    page.mouse.click(russia["x"], russia["y"])
    assert page.evaluate("graphkit.network.getSelectedNodes()") == [iri("russia")]
    text = details_text(page)
    for fact in ("State", "RUS", "Russian Federation", "Moscow", "trains"):
        assert fact in text
    opacity = "(id) => graphkit.nodes.get(id).opacity"
    assert page.evaluate(opacity, iri("kpa")) == 1
    assert page.evaluate(opacity, iri("north_korea")) == 1
    assert page.evaluate(opacity, iri("israel")) < 1
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 3, box["y"] + 3)  # empty canvas: clear
    assert page.evaluate(opacity, iri("israel")) == 1
    assert "Click an actor" in details_text(page)


def test_clicking_an_edge_shows_its_evidence(page, offline_page):
    trains = edge_id(page, "trains")
    middle = edge_midpoint(page, "trains")
    page.mouse.click(middle["x"], middle["y"])
    assert page.evaluate("graphkit.network.getSelectedEdges()") == [trains]
    assert page.locator("#details").get_attribute("data-id") == trains
    evidence = sample_graph().edges[iri("russia"), iri("kpa"), "trains"]["evidence"]
    assert page.locator("#details ol.evidence > li").count() == len(evidence) == 2
    text = details_text(page)
    for item in evidence:
        assert item["sentence"] in text and item["title"] in text and item["date"] in text
    assert "asserted" in text
    hrefs = page.eval_on_selector_all("#details ol.evidence a", "(links) => links.map((link) => link.href)")
    assert hrefs == [item["url"] for item in evidence]
    assert_clean(offline_page)


def test_evidence_shows_modality_negation_and_attribution(page):
    page.check("#show-negated")
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "fights"))
    text = details_text(page)
    assert "negated" in text and "reported" in text and "according to North Korea" in text
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "deploys"))
    assert "hypothetical" in details_text(page) and "not asserted" in details_text(page)


def test_hostile_article_renders_as_text_and_runs_nothing(page, offline_page):
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "condemns"))
    text = page.evaluate("document.getElementById('details').textContent")
    assert HOSTILE_SENTENCE in text and HOSTILE_TITLE in text
    assert "<script>" in text and "<img src=x onerror=alert(2)>" in text
    assert page.locator("#details script, #details img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert_clean(offline_page)


def test_only_web_urls_become_links(offline_page, tmp_path):
    G = sample_graph()
    G.edges[iri("israel"), iri("hezbollah"), "condemns"]["evidence"][0]["url"] = "javascript:window.__pwned=3"
    page = open_explorer(offline_page, G, tmp_path)
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "condemns"))
    assert page.locator("#details a").count() == 0
    page.get_by_text(HOSTILE_TITLE).click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert_clean(offline_page)


def big_graph(n_nodes: int = 150, n_edges: int = 300) -> nx.MultiDiGraph:
    """A random graph with the schema's attributes, big enough to switch off improvedLayout."""
    shape = nx.gnm_random_graph(n_nodes, n_edges, seed=3, directed=True)
    G = nx.MultiDiGraph(name="graphkit")
    for node in shape.nodes:
        G.add_node(f"https://w3id.org/graphkit/actor/state/s{node}", label=f"State {node}", type="State",
                   aliases=[], mentions=1 + node % 7, country=None, affiliation=None, wikidata=None, roles=[])
    for u, v in shape.edges:
        relation = ("meets", "trains", "criticizes", "attacks")[(u + v) % 4]
        G.add_edge(f"https://w3id.org/graphkit/actor/state/s{u}", f"https://w3id.org/graphkit/actor/state/s{v}",
                   key=relation, relation=relation, count=1, asserted=True, negated=False, evidence=[])
    return G


def test_big_graph_is_drawn_where_python_placed_it(offline_page, tmp_path):
    G = big_graph()
    page = open_explorer(offline_page, G, tmp_path)
    assert page.evaluate("graphkit.network.physics.options.enabled") is False
    related = sum(1 for node in G if G.degree(node))
    assert page.evaluate(DRAWN) == {"nodes": related, "edges": G.number_of_edges()}
    placed = page.evaluate("graphkit.data.nodes.find((node) => node.degree > 0)")
    drawn = page.evaluate("(id) => graphkit.network.getPositions([id])[id]", placed["id"])
    assert drawn == {"x": placed["x"], "y": placed["y"]}
    assert_clean(offline_page)


# ---- filters, period, node evidence, left-out note, PNG ----

COUNTS = "graphkit.visibleCounts()"


def slide(page, slider: str, date: str) -> None:
    """Move a period slider to ``date``, as dragging it does (an input event)."""
    page.evaluate("""([slider, date]) => {
      const input = document.querySelector(slider);
      input.value = String(graphkit.data.dates.indexOf(date));
      input.dispatchEvent(new Event("input", {bubbles: true}));
    }""", [slider, date])


def expected_counts(G: nx.MultiDiGraph, shown) -> dict:
    """Visible edges: those with a statement ``shown(u, v, statement)`` accepts."""
    edges = [(u, v) for u, v, data in G.edges(data=True) if any(shown(u, v, item) for item in data["evidence"])]
    return {"nodes": len({node for edge in edges for node in edge}), "edges": len(edges)}


def test_visible_counts_leave_negated_edges_out_by_default(page):
    G = sample_graph()
    assert page.is_checked("#show-negated") is False
    asserted_or_not = sum(1 for _u, _v, data in G.edges(data=True) if not data["negated"])
    assert page.evaluate(COUNTS) == {"nodes": 7, "edges": asserted_or_not}
    assert page.locator("#summary").inner_text().startswith(f"7 of 9 actors · {asserted_or_not} of 6 relations")


@pytest.mark.parametrize("modality", ["hypothetical", "reported", "asserted"])
def test_modality_filter_hides_edges_with_no_other_statement(page, offline_page, modality):
    G = sample_graph()
    page.uncheck(f"#modality-filter input[value='{modality}']")
    kept = [key for _u, _v, key, data in G.edges(keys=True, data=True)
            if any(item["modality"] != modality and not item["negated"] for item in data["evidence"])]
    assert page.evaluate(COUNTS) == expected_counts(G, lambda _u, _v, item: item["modality"] != modality
                                                    and not item["negated"])
    assert page.evaluate(COUNTS)["edges"] == len(kept)
    assert sorted(page.evaluate("graphkit.visibleEdges.get().map((edge) => edge.relation)")) == sorted(kept)
    assert_clean(offline_page)


def test_actor_type_filter_hides_actors_and_their_edges(page):
    G = sample_graph()
    page.check("#show-unrelated")
    page.uncheck("#type-filter input[value='State']")
    others = {node for node, data in G.nodes(data=True) if data["type"] != "State"}
    edges = [(u, v) for u, v, data in G.edges(data=True) if {u, v} <= others and not data["negated"]]
    assert page.evaluate("graphkit.visibleNodes.getIds().sort()") == sorted(others)
    assert page.evaluate(COUNTS) == {"nodes": len(others), "edges": len(edges)}
    page.check("#type-filter input[value='State']")
    assert page.evaluate(COUNTS)["nodes"] == G.number_of_nodes()


def test_date_slider_shows_only_statements_in_the_period(page, offline_page):
    G = sample_graph()
    assert page.evaluate("graphkit.data.dates") == ["2024-10-20", "2024-10-23", "2024-10-27", "2024-10-31"]
    slide(page, "#date-from", "2024-10-23")
    slide(page, "#date-to", "2024-10-27")
    assert page.locator("#period-label").inner_text() == "2024-10-23 – 2024-10-27"
    expected = expected_counts(G, lambda _u, _v, item: "2024-10-23" <= item["date"] <= "2024-10-27"
                               and not item["negated"])
    assert page.evaluate(COUNTS) == expected == {"nodes": 5, "edges": 3}
    page.check("#show-negated")  # the negated statement is dated 2024-10-20, outside the period
    assert page.evaluate(COUNTS) == expected
    slide(page, "#date-from", "2024-10-20")
    slide(page, "#date-to", "2024-10-31")
    assert page.evaluate(COUNTS) == {"nodes": G.number_of_nodes() - 1, "edges": G.number_of_edges()}  # not the UN
    assert_clean(offline_page)


def test_period_and_modality_filters_combine(page):
    slide(page, "#date-from", "2024-10-31")
    assert page.evaluate(COUNTS) == {"nodes": 4, "edges": 2}  # meets (asserted), supplies (reported)
    page.uncheck("#modality-filter input[value='reported']")
    assert page.evaluate("graphkit.visibleEdges.get().map((edge) => edge.relation)") == ["meets"]
    assert page.evaluate(COUNTS)["nodes"] == 2


def test_the_page_period_agrees_with_graphkit_view(page):
    from graphkit.view import select_view

    view = select_view(sample_graph(), since="2024-10-21", until="2024-10-30")
    slide(page, "#date-from", "2024-10-23")
    slide(page, "#date-to", "2024-10-27")
    assert page.evaluate("graphkit.visibleNodes.getIds().sort()") == sorted(view.graph.nodes)


def test_clicking_a_node_lists_every_sentence_about_it(page):
    G = sample_graph()
    russia = node_point(page, iri("russia"))
    page.mouse.click(russia["x"], russia["y"])
    sentences = [item["sentence"] for u, v, data in G.edges(data=True) if iri("russia") in (u, v)
                 for item in data["evidence"]]
    assert page.locator("#details ol.evidence > li").count() == len(sentences) == 4
    text = details_text(page)
    for u, v, data in G.edges(data=True):
        for item in data["evidence"]:
            assert (item["sentence"] in text) == (iri("russia") in (u, v))
            if iri("russia") in (u, v):
                assert item["title"] in text and item["date"] in text


def test_search_for_a_hidden_actor_says_it_is_filtered(page):
    page.uncheck("#type-filter input[value='Person']")
    page.fill("#search", "Antony Blinken")
    page.press("#search", "Enter")
    assert page.locator("#search-status").inner_text() == "Antony Blinken is hidden by the filters"
    assert page.evaluate("graphkit.network.getSelectedNodes()") == []


def test_a_view_with_actors_left_out_says_how_many(offline_page, tmp_path):
    from graphkit.view import select_view

    view = select_view(sample_graph(), max_nodes=4)
    path = write_html(view.graph, tmp_path / "view.html", left_out=view.left_out)
    offline_page.page.goto(path.as_uri())
    offline_page.page.wait_for_selector(READY, state="attached", timeout=60_000)
    note = offline_page.page.locator("#left-out")
    assert note.is_visible()
    assert note.inner_text() == "Showing the 4 actors with most relations; 5 actors left out (graphkit view --max-nodes)"
    offline_page.page.check("#show-unrelated")
    assert offline_page.page.evaluate(COUNTS)["nodes"] == 4
    assert_clean(offline_page)


def test_no_note_when_nothing_is_left_out(page):
    assert page.locator("#left-out").is_hidden()


def test_save_png_downloads_the_drawing(page, offline_page, tmp_path):
    with page.expect_download() as download:
        page.click("#save-png")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "graphkit-test.png"
    assert saved.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert saved.stat().st_size > 5_000  # a drawing, not an empty canvas
    assert_clean(offline_page)


def test_hostile_labels_and_ids_render_as_text(offline_page, tmp_path):
    from graph_fixtures import HOSTILE_TEXT

    G = sample_graph(hostile=HOSTILE_TEXT)
    page = open_explorer(offline_page, G, tmp_path)
    page.check("#show-unrelated")
    assert page.evaluate(COUNTS)["nodes"] == G.number_of_nodes()
    page.evaluate("(id) => graphkit.selectNode(id)", iri("group"))
    assert G.nodes[iri("group")]["label"] in page.evaluate("document.getElementById('details').textContent")
    assert page.evaluate("document.querySelectorAll('#details script, #details b, img').length") == 0
    assert_clean(offline_page)


# ---- issue 15: first view, focus, reset, panel wording, PNG ----

SHOWN_NODES = "graphkit.visibleNodes.getIds().sort()"
# Every drawn actor's position on the page, and the drawing area's box.
ON_SCREEN = """() => {
  const box = document.getElementById("graph").getBoundingClientRect();
  const at = graphkit.network.getPositions(graphkit.visibleNodes.getIds());
  return Object.values(at).every((point) => {
    const dom = graphkit.network.canvasToDOM(point);
    return dom.x >= 0 && dom.y >= 0 && dom.x <= box.width && dom.y <= box.height;
  });
}"""


def test_actors_with_no_relation_are_hidden_until_asked(page, offline_page):
    assert iri("un") not in page.evaluate(SHOWN_NODES)
    assert page.locator("#unrelated-label").inner_text() == "Show 1 actor with no relation"
    assert page.is_checked("#show-unrelated") is False
    page.check("#show-unrelated")
    assert iri("un") in page.evaluate(SHOWN_NODES)
    assert page.evaluate(ON_SCREEN)
    assert_clean(offline_page)


def test_the_view_fits_what_a_filter_leaves(page):
    page.click("#relations-none")
    page.check("#relation-filter input[value='meets']")
    assert page.evaluate(SHOWN_NODES) == sorted([iri("blinken"), iri("south_korea")])
    assert page.evaluate(ON_SCREEN)
    # the two actors fill the view: they are far apart on the page, not a dot in a corner
    points = [node_point(page, iri(name)) for name in ("blinken", "south_korea")]
    assert abs(points[0]["x"] - points[1]["x"]) + abs(points[0]["y"] - points[1]["y"]) > 150


def test_reset_restores_the_first_view(page, offline_page):
    first = page.evaluate(COUNTS)
    page.evaluate("(id) => graphkit.selectNode(id)", iri("russia"))
    page.click("#details button[data-depth='1']")
    page.uncheck("#type-filter input[value='Person']")
    page.uncheck("#modality-filter input[value='reported']")
    page.check("#show-negated")
    page.check("#show-unrelated")
    slide(page, "#date-from", "2024-10-23")
    assert page.evaluate(COUNTS) != first
    page.click("#reset")
    assert page.evaluate(COUNTS) == first
    assert page.locator("#focus-bar").is_hidden()
    assert "Click an actor" in details_text(page)
    assert page.evaluate("graphkit.network.getSelectedNodes()") == []
    assert page.locator("#period-label").inner_text().endswith("(all)")
    for box in page.query_selector_all("#relation-filter input, #type-filter input, #modality-filter input"):
        assert box.is_checked()
    assert not page.is_checked("#show-negated") and not page.is_checked("#show-unrelated")
    assert page.evaluate(ON_SCREEN)
    assert_clean(offline_page)


def test_focus_shows_one_or_two_steps_and_comes_back(page, offline_page):
    north_korea = node_point(page, iri("north_korea"))
    page.mouse.click(north_korea["x"], north_korea["y"])
    page.click("#details button[data-depth='1']")
    assert page.evaluate(SHOWN_NODES) == sorted([iri("north_korea"), iri("russia")])
    assert page.locator("#focus-bar").inner_text().startswith("Neighbourhood of North Korea (1 step)")
    assert page.evaluate(ON_SCREEN)
    page.click("#details button[data-depth='2']")
    assert page.evaluate(SHOWN_NODES) == sorted([iri("north_korea"), iri("russia"), iri("kpa")])
    page.click("#unfocus")
    assert page.locator("#focus-bar").is_hidden()
    assert page.evaluate(COUNTS) == {"nodes": 7, "edges": 5}
    assert_clean(offline_page)


@pytest.mark.parametrize("actor", ["blinken", "south_korea"])
def test_panel_lines_read_subject_verb_object(page, actor):
    page.evaluate("(id) => graphkit.selectNode(id)", iri(actor))
    lines = page.eval_on_selector_all("#details .link-list button", "(buttons) => buttons.map((b) => b.textContent)")
    assert lines and all(line == "Antony Blinken meets South Korea (1)" for line in lines)
    assert "←" not in details_text(page) and "→" not in details_text(page)


def test_actor_panel_names_both_sides_of_each_relation(page):
    page.evaluate("(id) => graphkit.selectNode(id)", iri("russia"))
    text = details_text(page)
    for line in ("Russia trains Korean People's Army (2)", "North Korea supplies Russia (1)",
                 "North Korea deploys Russia (1)"):
        assert line in text


def test_evidence_marks_the_trigger_and_the_two_actors(page):
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "trains"))
    first = page.locator("#details ol.evidence > li").first
    assert first.locator("mark.actor").all_inner_texts() == ["Russia", "Korean People's Army"]
    assert first.locator("mark.trigger").all_inner_texts() == ["is training"]
    assert first.locator("blockquote").inner_text() == sample_graph().edges[
        iri("russia"), iri("kpa"), "trains"]["evidence"][0]["sentence"]


def test_hostile_sentence_is_marked_as_text(page, offline_page):
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "condemns"))
    assert page.locator("#details blockquote").inner_text() == HOSTILE_SENTENCE
    assert page.locator("#details mark.trigger").inner_text() == "condemned"
    assert page.locator("#details script, #details img").count() == 0
    assert_clean(offline_page)


def test_a_filtered_out_edge_or_actor_leaves_the_panel(page):
    page.evaluate("(id) => graphkit.selectEdge(id)", edge_id(page, "trains"))
    page.uncheck("#relation-filter input[value='trains']")
    assert "Click an actor" in details_text(page)
    page.check("#relation-filter input[value='trains']")
    page.evaluate("(id) => graphkit.selectNode(id)", iri("blinken"))
    page.uncheck("#type-filter input[value='Person']")
    assert "Click an actor" in details_text(page)
    assert page.evaluate("graphkit.network.getSelectedNodes()") == []


def test_an_actor_panel_follows_the_filters(page):
    page.evaluate("(id) => graphkit.selectNode(id)", iri("russia"))
    page.uncheck("#relation-filter input[value='trains']")
    assert "trains" not in details_text(page) and "North Korea supplies Russia" in details_text(page)


def test_play_steps_through_the_months(offline_page, tmp_path):
    G = sample_graph()
    for item in G.edges[iri("blinken"), iri("south_korea"), "meets"]["evidence"]:
        item["date"] = "2024-11-05"
    page = open_explorer(offline_page, G, tmp_path)
    assert page.evaluate("graphkit.months") == ["2024-10", "2024-11"]
    page.click("#play")
    assert page.locator("#period-label").inner_text() == "2024-10-20 – 2024-10-31"
    assert iri("blinken") not in page.evaluate(SHOWN_NODES)
    page.wait_for_function("() => document.getElementById('period-label').textContent === '2024-11-05'",
                           timeout=5_000)
    assert page.evaluate(SHOWN_NODES) == sorted([iri("blinken"), iri("south_korea")])
    assert page.locator("#play").inner_text().startswith("▶")  # stopped at the last month
    assert_clean(offline_page)


def test_labels_go_to_the_best_connected_actors_first(offline_page, tmp_path):
    G = big_graph(400, 800)
    page = open_explorer(offline_page, G, tmp_path)
    labelled = page.evaluate("graphkit.labelled()")
    ranks = page.evaluate("(ids) => ids.map((id) => graphkit.data.nodes.find((n) => n.id === id).rank)", labelled)
    assert 0 < len(labelled) < sum(1 for node in G if G.degree(node))
    assert 0 in ranks  # the best-connected actor is labelled
    unlabelled = page.evaluate("""(labelled) => graphkit.visibleNodes.getIds()
      .filter((id) => !labelled.includes(id)).sort()[0]""", labelled)
    point = node_point(page, unlabelled)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_function("(id) => graphkit.labelled().includes(id)", arg=unlabelled, timeout=5_000)  # on hover
    page.mouse.move(1, 1)
    scale = page.evaluate("graphkit.network.getScale()")
    page.evaluate("(scale) => graphkit.network.moveTo({scale: scale * 3})", scale)
    page.evaluate("graphkit.network.redraw()")
    zoomed = page.evaluate("graphkit.labelled()")
    # zoomed in, the actors still on screen have room for their labels
    on_screen = page.evaluate(f"() => ({ON_SCREEN.replace('.every(', '.filter(')})().length")
    assert len(zoomed) >= min(on_screen, 1)


def test_png_export_shows_the_graph_alone(page, offline_page):
    page.evaluate("graphkit.exportView()")
    assert page.locator("#controls").is_hidden() and page.locator("#details").is_hidden()
    assert page.locator("#legend").is_hidden() and page.locator("#graph-tools").is_hidden()
    box = page.locator("#graph").bounding_box()
    assert (box["x"], box["y"], box["width"], box["height"]) == (0, 0, 1400, 900)
    assert page.evaluate(ON_SCREEN)
    assert_clean(offline_page)


def test_search_for_an_actor_in_no_relation_says_how_to_show_it(page):
    page.fill("#search", "United Nations")
    page.press("#search", "Enter")
    assert page.locator("#search-status").inner_text() == (
        "United Nations is in no relation: tick “Show actors with no relation” to see it")
    page.check("#show-unrelated")
    page.press("#search", "Enter")
    assert page.evaluate("graphkit.network.getSelectedNodes()") == [iri("un")]


def test_a_big_graph_strokes_its_straight_edges_in_batches(offline_page, tmp_path):
    G = big_graph(1200, 2500)
    page = open_explorer(offline_page, G, tmp_path)
    assert page.evaluate("graphkit.batched.size") == page.evaluate(
        "graphkit.data.edges.filter((edge) => !edge.smooth).length") > 2000
    assert page.evaluate(DRAWN)["edges"] == G.number_of_edges()  # vis still holds them, for clicks
    best = page.evaluate("graphkit.data.nodes.find((node) => node.rank === 0).id")
    point = node_point(page, best)
    page.mouse.click(point["x"], point["y"])
    assert page.evaluate("graphkit.network.getSelectedNodes()") == [best]
    arrows = page.evaluate("""(id) => graphkit.network.getConnectedEdges(id)
      .filter((edge) => !graphkit.data.edges.find((item) => item.id === edge).symmetric)
      .map((edge) => graphkit.edges.get(edge).arrows.to.enabled)""", best)
    assert arrows and all(arrows)  # the selected actor's edges get their arrows
    with page.expect_download() as download:
        page.click("#save-png")
    saved = tmp_path / "big.png"
    download.value.save_as(saved)
    assert saved.stat().st_size > 20_000
    assert_clean(offline_page)
