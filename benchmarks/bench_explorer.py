"""How long until the explorer is laid out and answers a click: graphkit's page, the page before, pyvis's default.

Builds a seeded random graph in graphkit's schema (5,000 actors, 15,000 relations by default),
writes graphkit's graph.html, the page graphkit wrote before issue 15 (``--previous``, a commit
whose ``graphkit/export/{html.py,explorer.html,explorer.js}`` are read with ``git show``; that page
laid the graph out in the browser with vis physics) and the page pyvis writes by default for the
same graph (``Network().from_nx(G)`` then ``write_html``), and opens each in one headless Chromium
with the network cut off. For each page it prints, in seconds from navigation start:

- ``load``: the browser's load event (the page's scripts have run);
- ``layout done``: vis-network's ``stabilizationIterationsDone`` (pyvis hides its loading bar then;
  the previous graphkit page turns physics off then), or, for today's page, which has nothing to
  lay out, its ``body[data-ready]`` (set once the graph has been drawn);
- ``interactive``: a click on the best-connected actor, issued as soon as the layout is done, has
  been handled (vis ``click`` event);
- ``at rest``: vis ``stabilized`` (nodes stopped moving), or physics switched off (or never on).

What pyvis's default page needs offline: its template loads vis-network's JS and CSS from
cdnjs.cloudflare.com (with SRI hashes that do not match the copy inside the pyvis package) and
Bootstrap from cdn.jsdelivr.net, and copies ``lib/`` (bindings, tom-select, vis) into the current
directory. The benchmark points the two vis-network URLs at that copied ``lib/vis-9.1.2``
(dropping the SRI attributes) and leaves Bootstrap blocked, which only changes styling.

Each page is capped at ``--timeout`` seconds; a page that does not get there says "timeout".

    .venv/bin/python benchmarks/bench_explorer.py                 # 5,000 / 15,000, cap 300 s
    .venv/bin/python benchmarks/bench_explorer.py --nodes 500 --edges 1500 --timeout 60
    .venv/bin/python benchmarks/bench_explorer.py --rounds 5 --timeout 120  # median of 5 for today's page

Measured 2026-12-01 with ``--rounds 5 --timeout 120``, Chromium 156 headless, on a shared 2-core
machine (load average 3.9 at the start, 6.4 at the end, from other work), seconds from
navigation start:

    page                               write (py)  size MB  drawn nodes/edges  load  layout done  interactive  at rest
    graphkit graph.html (median of 5)  1.8         28.4     4119/14960         -     0.8          1.4          0.8
    graphkit 5260036                   0.7         28.4     5000/14960         2.4   14.2         15.4         14.2
    pyvis default                      5.6         23.5     5000/12774         37.9  timeout      timeout      timeout

graphkit's page answered the click at 1.3, 1.4, 1.4, 1.5 and 1.6 s in the five rounds, 10.9x sooner
than the page before (which laid the graph out in the browser) and more than 85x sooner than
pyvis, which had done 200 of its 1,000 stabilisation iterations at the 120 s cap. Its load event
comes after the click ("-"): the statements sit after the page's script, so the graph is drawn and
answers before the browser has read them. Writing it costs about 1 s more than before: the
layout, in numpy, of the 4,126 actors that have a relation (the 874 without one go in a grid).
Under heavier load (average 10 to 14) the median was 1.7 to 3.1 s. pyvis draws fewer edges
because its default network is undirected and drops an edge when one already joins the same two
actors; graphkit hides the 40 negated edges and the 881 actors left without a shown relation
(874 in none, 7 in negated ones only).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import types
from contextlib import contextmanager
from itertools import accumulate
from pathlib import Path

import networkx as nx

from graphkit.export.html import write_html
from graphkit.export.png import CHROMIUM_ARGS, LOCAL_SCHEMES, chromium_path
from graphkit.models import actor_iri
from graphkit.relation_types import default_vocabulary

TYPES = {"State": 0.15, "Person": 0.35, "Organization": 0.2, "ArmedForce": 0.15, "NonStateArmedGroup": 0.15}
MODALITIES = {"asserted": 0.7, "reported": 0.15, "planned": 0.08, "hypothetical": 0.07}
COUNTRIES = ["USA", "RUS", "CHN", "UKR", "PRK", "KOR", "ISR", "IRN", "TUR", "FRA", "GBR", "DEU", "IND", "SAU"]
WORDS = ("officials said the talks on security and the border continued on Tuesday amid warnings from "
         "ministers about troops drills aid sanctions and a ceasefire in the region").split()
VIEWPORT = {"width": 1400, "height": 900}
REPO = Path(__file__).resolve().parent.parent
PREVIOUS = "526003627c7b"  # main before issue 15: physics laid the graph out in the page

# Runs before any page script: catches vis-network as it defines itself and wraps vis.Network so
# that every network records when its layout finishes, when it comes to rest and when it is clicked.
HOOK = """
(() => {
  const bench = window.__bench = {events: {}, clicks: []};
  const stamp = (name) => { if (!(name in bench.events)) bench.events[name] = performance.now(); };
  window.addEventListener("load", () => stamp("load"));
  // graphkit's pages set body[data-ready] once the graph is drawn; a page without physics has no layout events.
  new MutationObserver(() => {
    if (document.body && document.body.dataset.ready === "true") stamp("ready");
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
  document.addEventListener("pointerdown", () => { bench.pointerdown = performance.now(); }, true);
  let visObject;
  Object.defineProperty(window, "vis", {configurable: true, enumerable: true, get: () => visObject, set: (value) => {
    visObject = value;
    let Wrapped;
    Object.defineProperty(value, "Network", {configurable: true, enumerable: true, get: () => Wrapped, set: (Network) => {
      Wrapped = class extends Network {
        constructor(...args) {
          super(...args);
          stamp("constructed");
          bench.network = this;
          this.on("stabilizationIterationsDone", () => stamp("layout_done"));
          this.on("stabilized", () => stamp("stabilized"));
          this.on("stabilizationProgress", (progress) => { bench.progress = [progress.iterations, progress.total]; });
          this.on("click", () => bench.clicks.push(performance.now()));
          const setOptions = this.setOptions.bind(this);
          this.setOptions = (options) => {
            if (options && options.physics && options.physics.enabled === false) stamp("physics_off");
            return setOptions(options);
          };
        }
      };
    }});
  }});
})();
"""

BEST_NODE_POINT = """(container) => {
  const network = window.__bench.network;
  const ids = network.body.nodeIndices;
  let best = ids[0], degree = -1;
  for (const id of ids) {
    const d = network.getConnectedEdges(id).length;
    if (d > degree) { best = id; degree = d; }
  }
  const dom = network.canvasToDOM(network.getPositions([best])[best]);
  const box = document.querySelector(container).getBoundingClientRect();
  return {x: box.left + dom.x, y: box.top + dom.y};
}"""


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 6) -> nx.MultiDiGraph:
    """Actors of every type with skewed activity (a few hubs, many one-off actors), statements over two years."""
    rng = random.Random(seed)
    relations = list(default_vocabulary())
    G = nx.MultiDiGraph(name="graphkit", graphkit_version="bench", model="synthetic", articles=n_edges // 2)
    nodes = []
    for i in range(n_nodes):
        actor_type = rng.choices(list(TYPES), weights=list(TYPES.values()))[0]
        label = f"{actor_type} {i:05d}"
        node = actor_iri(actor_type, label)
        G.add_node(node, label=label, type=actor_type, aliases=sorted({label, f"{actor_type[:3]}{i}"}),
                   mentions=1 + int(rng.paretovariate(1.2)), country=rng.choice(COUNTRIES), affiliation=None,
                   wikidata=f"Q{1000 + i}" if rng.random() < 0.3 else None, roles=[])
        nodes.append(node)
    activity = list(accumulate(rng.paretovariate(1.1) for _ in nodes))
    edges = 0  # G.number_of_edges() walks the whole graph
    while edges < n_edges:
        u, v = rng.choices(nodes, cum_weights=activity, k=2)
        relation = rng.choice(relations)
        if u == v or G.has_edge(u, v, relation.name):
            continue
        evidence = [_statement(rng, G, u, v, relation.name, k) for k in range(1 + int(rng.paretovariate(2.5)) % 4)]
        evidence.sort(key=lambda item: (item["date"], item["doc_id"], item["sentence_index"]))
        dates = [item["date"] for item in evidence]
        G.add_edge(u, v, key=relation.name, relation=relation.name, cameo=relation.cameo, plover=relation.plover,
                   quad_class=relation.quad_class, goldstein=relation.goldstein, count=len(evidence),
                   articles=len({item["doc_id"] for item in evidence}), sources=len(evidence),
                   first_date=min(dates), last_date=max(dates),
                   asserted=any(item["modality"] == "asserted" and not item["negated"] for item in evidence),
                   negated=all(item["negated"] for item in evidence),
                   confidence=max(item["confidence"] for item in evidence), evidence=evidence)
        edges += 1
    return G


def _statement(rng: random.Random, G: nx.MultiDiGraph, u: str, v: str, relation: str, k: int) -> dict:
    doc = rng.randrange(G.graph["articles"])
    date = f"{rng.choice((2023, 2024))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    source, target = G.nodes[u]["label"], G.nodes[v]["label"]
    sentence = f"{source} {relation} {target}, " + " ".join(rng.choices(WORDS, k=rng.randint(8, 25))) + "."
    return {"doc_id": f"doc{doc}", "title": f"Article {doc}: {source} and {target}", "date": date,
            "url": f"https://example.com/news/{doc}", "sentence_index": k, "sentence": sentence,
            "char_span": [0, len(sentence)], "negated": rng.random() < 0.05,
            "modality": rng.choices(list(MODALITIES), weights=list(MODALITIES.values()))[0],
            "attributed_to": None, "attributed_to_id": None, "location": None, "quantity": None,
            "confidence": round(rng.uniform(0.4, 0.9), 2), "source_text": source, "target_text": target,
            "trigger": relation}


@contextmanager
def working_directory(path: Path):
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def previous_writer(commit: str = PREVIOUS):
    """``write_html`` of graphkit at ``commit`` (the explorer before issue 15), read with ``git show``."""
    def show(path: str) -> str:
        return subprocess.run(["git", "show", f"{commit}:{path}"], cwd=REPO, check=True, capture_output=True,
                              text=True).stdout

    # the relation vocabulary module has since been renamed relation_types
    source = show("graphkit/export/html.py").replace("from ..vocabulary import", "from graphkit.relation_types import")
    module = types.ModuleType("graphkit_previous_html")
    exec(compile(source, f"{commit}:graphkit/export/html.py", "exec"), module.__dict__)
    texts = {name: show(f"graphkit/export/{name}") for name in ("explorer.html", "explorer.js")}
    module._package_text = texts.__getitem__
    return module.write_html


def write_pyvis_default(G: nx.MultiDiGraph, directory: Path) -> Path:
    """pyvis's default page for G, with its vis-network URLs pointed at the lib/ it copies next to it."""
    from pyvis.network import Network

    with working_directory(directory):  # pyvis copies lib/ into the current directory
        net = Network()
        net.from_nx(G)
        net.write_html("pyvis.html")
    page = directory / "pyvis.html"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r'(<link rel="stylesheet" href=)"https://cdnjs[^"]*vis-network\.min\.css"[^>]*>',
                  r'\1"lib/vis-9.1.2/vis-network.css">', text)
    text = re.sub(r'<script src="https://cdnjs[^"]*vis-network\.min\.js"[^>]*></script>',
                  '<script src="lib/vis-9.1.2/vis-network.min.js"></script>', text)
    page.write_text(text, encoding="utf-8")
    return page


def measure(browser, page_path: Path, container: str, timeout_s: float) -> dict:
    """Open one page offline and time it; every figure is seconds from navigation start, or None."""
    context = browser.new_context(viewport=VIEWPORT)
    blocked: list[str] = []

    def route(request_route) -> None:
        if request_route.request.url.startswith(LOCAL_SCHEMES):
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    context.add_init_script(HOOK)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error).splitlines()[0]))
    started = time.monotonic()
    result = {"blocked": blocked, "errors": errors, "timeout": False}
    try:
        page.goto(page_path.as_uri(), timeout=timeout_s * 1000, wait_until="commit")
        page.wait_for_function("() => window.__bench && ('layout_done' in window.__bench.events"
                               " || 'ready' in window.__bench.events)",
                               timeout=_left(started, timeout_s), polling=100)
        # Click until one is handled: pyvis's faded loading bar still covers the canvas for 0.5 s.
        while not page.evaluate("() => window.__bench.clicks.length"):
            point = page.evaluate(BEST_NODE_POINT, container)
            page.mouse.click(point["x"], point["y"])
            try:
                page.wait_for_function("() => window.__bench.clicks.length > 0", polling=50,
                                       timeout=min(1000, _left(started, timeout_s)))
            except Exception:
                if _left(started, timeout_s) <= 1.0:
                    raise
        page.wait_for_function("() => 'stabilized' in window.__bench.events || 'physics_off' in window.__bench.events"
                               " || ('ready' in window.__bench.events && !window.__bench.network.physics.options.enabled)",
                               timeout=_left(started, timeout_s), polling=100)
    except Exception as error:  # Playwright's TimeoutError, or a page that died
        result["timeout"] = "Timeout" in type(error).__name__
        if not result["timeout"]:
            errors.append(str(error).splitlines()[0])
    try:
        bench = page.evaluate("""() => ({events: window.__bench.events, clicks: window.__bench.clicks,
            progress: window.__bench.progress || null,
            physics: window.__bench.network ? window.__bench.network.physics.options.enabled : null,
            nodes: window.__bench.network ? window.__bench.network.body.nodeIndices.length : null,
            edges: window.__bench.network ? window.__bench.network.body.edgeIndices.length : null})""")
    except Exception:  # the page never answered
        bench = {"events": {}, "clicks": [], "progress": None, "nodes": None, "edges": None}
    context.close()
    events = {name: at / 1000 for name, at in bench["events"].items()}
    static = "layout_done" not in events and "ready" in events and not bench.get("physics")
    result.update(
        load=events.get("load"), layout_done=events.get("layout_done", events.get("ready") if static else None),
        interactive=bench["clicks"][0] / 1000 if bench["clicks"] else None,
        at_rest=min((events[name] for name in ("stabilized", "physics_off", "ready" if static else "") if name in events),
                    default=None),
        nodes=bench["nodes"], edges=bench["edges"], progress=bench["progress"], wall=time.monotonic() - started,
    )
    return result


def _left(started: float, timeout_s: float) -> float:
    return max(1.0, (timeout_s - (time.monotonic() - started)) * 1000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=15000)
    parser.add_argument("--timeout", type=float, default=300, help="cap per page, seconds")
    parser.add_argument("--rounds", type=int, default=1, help="open graphkit's page this many times; report the median")
    parser.add_argument("--previous", default=PREVIOUS, help="commit of the page to compare with (git show)")
    parser.add_argument("--no-previous", action="store_true", help="leave the previous page out")
    parser.add_argument("--out", type=Path, default=None, help="keep the pages here (default: a temporary folder)")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    out = args.out or Path(tempfile.mkdtemp(prefix="bench-explorer-"))
    out.mkdir(parents=True, exist_ok=True)
    clock = time.perf_counter()
    G = synthetic_graph(args.nodes, args.edges)
    print(f"graph: {G.number_of_nodes()} actors, {G.number_of_edges()} relations, "
          f"{sum(len(d['evidence']) for _u, _v, d in G.edges(data=True))} statements "
          f"(built in {time.perf_counter() - clock:.1f} s)")
    clock = time.perf_counter()
    ours = write_html(G, out / "graph.html", title="bench")
    ours_write = time.perf_counter() - clock
    pages = [("graphkit graph.html", ours, "#graph", ours_write)]
    if not args.no_previous:
        write_previous = previous_writer(args.previous)
        clock = time.perf_counter()
        before = write_previous(G, out / "previous.html", title="bench")
        pages.append((f"graphkit {args.previous[:7]}", before, "#graph", time.perf_counter() - clock))
    clock = time.perf_counter()
    theirs = write_pyvis_default(G, out)
    pages.append(("pyvis default", theirs, "#mynetwork", time.perf_counter() - clock))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        print(f"chromium {browser.version}, viewport {VIEWPORT['width']}x{VIEWPORT['height']}, "
              f"network blocked, cap {args.timeout:.0f} s per page, pages in {out}")
        results = []
        for i, (name, path, container, write_s) in enumerate(pages):
            runs = [measure(browser, path, container, args.timeout) for _ in range(args.rounds if i == 0 else 1)]
            runs.sort(key=lambda run: run["interactive"] if run["interactive"] is not None else float("inf"))
            if len(runs) > 1:
                name = f"{name} (median of {len(runs)})"
                print(f"graphkit graph.html, interactive in each round: "
                      f"{', '.join(_seconds(run['interactive'], run['timeout']) for run in runs)}")
            results.append((name, path, write_s, runs[len(runs) // 2]))
        browser.close()
    _print_table(results, args.timeout)
    return 0


def _seconds(value: float | None, timed_out: bool) -> str:
    if value is None:
        return "timeout" if timed_out else "-"
    return f"{value:.1f}"


def _print_table(results: list, timeout_s: float) -> None:
    rows = [("page", "write (py)", "size MB", "drawn nodes/edges", "load", "layout done", "interactive", "at rest")]
    for name, path, write_s, r in results:
        rows.append((name, f"{write_s:.1f}", f"{path.stat().st_size / 1e6:.1f}", f"{r['nodes']}/{r['edges']}",
                     _seconds(r["load"], r["timeout"]), _seconds(r["layout_done"], r["timeout"]),
                     _seconds(r["interactive"], r["timeout"]), _seconds(r["at_rest"], r["timeout"])))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    print("seconds from navigation start; write = Python time to write the page")
    ours = results[0][3]
    for other, _path, _write, theirs in results[1:]:
        for label, key in (("interactive", "interactive"), ("at rest", "at_rest")):
            if ours[key] and theirs[key]:
                print(f"{label}: {other} / graphkit = {theirs[key] / ours[key]:.1f}x")
            elif ours[key]:
                print(f"{label}: {other} did not get there within {timeout_s:.0f} s; graphkit took {ours[key]:.1f} s "
                      f"(ratio > {timeout_s / ours[key]:.1f}x)")
    for name, _path, _write, r in results:
        if r["layout_done"] is None and r["progress"]:
            print(f"{name}: layout had done {r['progress'][0]} of {r['progress'][1]} stabilisation iterations "
                  f"when the cap was reached")
        if r["blocked"]:
            hosts = sorted({re.sub(r"^https?://([^/]+).*", r"\1", url) for url in r["blocked"]})
            print(f"{name}: {len(r['blocked'])} request(s) blocked ({', '.join(hosts)})")
        for error in r["errors"]:
            print(f"{name}: error: {error}")


if __name__ == "__main__":
    sys.exit(main())
