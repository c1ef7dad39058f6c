"""Every analyst format gives the same bytes for the same graph, whatever order it was built in."""

from __future__ import annotations

import pytest

from graphkit.export.gexf import write_gexf
from graphkit.export.graphml import write_graphml
from graphkit.export.nodelink import write_node_link
from graphkit.export.tables import write_actors_csv, write_events_csv, write_relations_csv

from graph_fixtures import HOSTILE_TEXT, reordered, sample_graph

WRITERS = {"graph.graphml": write_graphml, "graph.gexf": write_gexf, "graph.json": write_node_link,
           "events.csv": write_events_csv, "relations.csv": write_relations_csv, "actors.csv": write_actors_csv}


@pytest.mark.parametrize("name", WRITERS)
def test_same_graph_gives_byte_identical_files_in_any_insertion_order(name, tmp_path):
    G = sample_graph(hostile=HOSTILE_TEXT)
    H = reordered(G)
    assert list(H) != list(G) and list(H.edges(keys=True)) != list(G.edges(keys=True))
    WRITERS[name](G, tmp_path / f"a-{name}")
    WRITERS[name](sample_graph(hostile=HOSTILE_TEXT), tmp_path / f"b-{name}")
    WRITERS[name](H, tmp_path / f"c-{name}")
    first = (tmp_path / f"a-{name}").read_bytes()
    assert first and first == (tmp_path / f"b-{name}").read_bytes() == (tmp_path / f"c-{name}").read_bytes()
