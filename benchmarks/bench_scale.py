"""Scale figures on the Reuters corpus: throughput against bare spaCy, jobs, memory, a full build.

Sub-commands (each prints a table; ``all`` runs them in turn):

- ``throughput``: the same texts through bare ``spacy.load(model).pipe(texts)`` and through
  graphkit's extraction (its pipeline, actors and relations), alternating, in one process:
  words per second of each and their ratio.
- ``jobs``: graphkit's extraction of the same articles with ``--jobs 1`` and ``--jobs 2``.
- ``memory``: peak RSS of streaming extraction of the first 500, 1,000 and 4,000 articles,
  each in a fresh process (``VmHWM``), and the ratio to the first.
- ``corpus``: ``graphkit.build`` of the whole corpus: time, nodes, edges, top actors, peak RSS.
- ``store`` (not in ``all``): add a few articles to a synthetic graph of about a million
  triples, in the on-disk store and by reading and rewriting graph.ttl.

    .venv/bin/python benchmarks/bench_scale.py all
    .venv/bin/python benchmarks/bench_scale.py throughput --articles 300
    .venv/bin/python benchmarks/bench_scale.py memory --counts 500 1000 4000
    .venv/bin/python benchmarks/bench_scale.py corpus --jobs 2
    .venv/bin/python benchmarks/bench_scale.py store --triples 1000000 --new 20

Timings depend on the machine and on what else runs on it; figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"


def articles(count: int | None, corpus: Path = CORPUS) -> list:
    from graphkit.ingest import read_articles
    from graphkit.models import Article

    return [item for item in islice(read_articles([corpus]), count) if isinstance(item, Article)]


def words(items) -> int:
    return sum(len(article.text.split()) for article in items)


def table(title: str, rows: list[tuple]) -> None:
    width = max(len(str(row[0])) for row in rows)
    print(f"\n{title}")
    for name, *values in rows:
        print(f"  {name:<{width}}  " + "  ".join(str(value) for value in values))


def throughput(options) -> None:
    import spacy

    from graphkit.nlp import DEFAULT_MODEL
    from graphkit.pipeline import Extractor

    sample = articles(options.articles, options.corpus)
    texts, count = [article.text for article in sample], words(sample)
    bare, extractor = spacy.load(DEFAULT_MODEL), Extractor()
    for _ in bare.pipe(texts[:20]):  # warm both up: first batches allocate
        pass
    for _ in extractor.process(sample[:20]):
        pass
    # graphkit feeds nlp.pipe in batches of 32; spaCy's default batch is larger. The ratio that
    # counts (issue #13: at least 0.9) is against bare nlp.pipe at the same batch size; the default
    # batch is shown too. Wall-clock time swings on a shared machine, so CPU time is measured as
    # well, and the order of the three runs rotates each round so none always runs last.
    runs = {
        "bare": lambda: sum(1 for _ in bare.pipe(texts)),
        "bare32": lambda: sum(1 for _ in bare.pipe(texts, batch_size=32)),
        "graphkit": lambda: sum(1 for _ in extractor.process(sample)),
    }
    wall = dict.fromkeys(runs, 0.0)
    cpu = dict.fromkeys(runs, 0.0)
    names = list(runs)
    for round_ in range(options.rounds):
        for name in names[round_ % 3:] + names[:round_ % 3]:
            start, start_cpu = time.perf_counter(), time.process_time()
            runs[name]()
            wall[name] += time.perf_counter() - start
            cpu[name] += time.process_time() - start_cpu
    rate = {name: count * options.rounds / seconds for name, seconds in wall.items()}
    table(f"throughput: {len(sample)} articles, {count:,} words, {options.rounds} round(s), model {DEFAULT_MODEL}", [
        (f"bare nlp.pipe (batch_size {bare.batch_size})", f"{rate['bare']:,.0f} words/s", f"{cpu['bare']:.1f} s CPU"),
        ("bare nlp.pipe (batch_size 32)", f"{rate['bare32']:,.0f} words/s", f"{cpu['bare32']:.1f} s CPU"),
        ("graphkit extraction (batch_size 32)", f"{rate['graphkit']:,.0f} words/s", f"{cpu['graphkit']:.1f} s CPU"),
        ("ratio to the same batch size, wall clock", f"{rate['graphkit'] / rate['bare32']:.2f}  (target >= 0.9)"),
        ("ratio to the same batch size, CPU time", f"{cpu['bare32'] / cpu['graphkit']:.2f}  (target >= 0.9)"),
        ("ratio to spaCy's default batch, wall clock", f"{rate['graphkit'] / rate['bare']:.2f}"),
    ])


def jobs(options) -> None:
    from graphkit import engines
    from graphkit.pipeline import Extractor

    sample = articles(options.articles, options.corpus)
    extractor, count, rows, rates = Extractor(), words(sample), [], {}
    load = os.getloadavg()[0]
    for n in options.jobs:
        start, cpu = time.perf_counter(), cpu_seconds()
        for _ in engines.run(extractor, sample, jobs=n):
            pass
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
        rates[n] = count / seconds
        rows.append((f"--jobs {n}", f"{seconds:.1f} s", f"{rates[n]:,.0f} words/s", f"{len(sample) / seconds:.1f} articles/s",
                     f"CPU {cpu:.1f} s (this process and its workers)"))
    first = options.jobs[0]
    rows += [(f"speed-up --jobs {n}", f"{rates[n] / rates[first]:.2f}x  (target >= 1.6 for 2)") for n in options.jobs[1:]]
    table(f"jobs: {len(sample)} articles, {count:,} words, {os.cpu_count()} CPUs, load average {load:.1f} before", rows)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the workers, once their pool closed)."""
    return sum(usage.ru_utime + usage.ru_stime for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))


def memory(options) -> None:
    rows, peaks = [], {}
    for count in options.counts:
        child = subprocess.run([sys.executable, __file__, "rss-child", str(count), "--corpus", str(options.corpus)],
                               capture_output=True, text=True, check=True)
        peaks[count] = int(child.stdout.split()[-1])
        rows.append((f"{count} articles", f"{peaks[count] / 1024:.0f} MiB"))
    first = options.counts[0]
    rows += [(f"{count} / {first}", f"{peaks[count] / peaks[first]:.2f}  (target <= 1.20)") for count in options.counts[1:]]
    table("peak RSS of streaming extraction, each in a fresh process", rows)


def rss_child(options) -> None:
    """Extract the first N articles, streaming and keeping nothing, then print peak RSS in KiB."""
    from graphkit import engines
    from graphkit.ingest import read_articles
    from graphkit.models import Article
    from graphkit.pipeline import Extractor

    extractor = Extractor()
    stream = (item for item in islice(read_articles([options.corpus]), options.count) if isinstance(item, Article))
    relations = sum(len(result.relations) for result in engines.run(extractor, stream))
    print(relations, peak_rss_kib())


def peak_rss_kib() -> int:
    """This process's peak resident set size. VmHWM, not ru_maxrss: on Linux a child's
    ru_maxrss starts from its parent's peak at fork, which would hide the child's own."""
    try:
        status = Path("/proc/self/status").read_text()
        return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1])
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def corpus(options) -> None:
    import graphkit

    start = time.perf_counter()
    kg = graphkit.build([options.corpus], jobs=options.jobs[-1])
    seconds = time.perf_counter() - start
    G = kg.graph
    top = sorted(G.nodes, key=lambda node: (-G.degree(node), G.nodes[node]["label"]))[:10]
    table(f"full build of {options.corpus.name} with --jobs {options.jobs[-1]}", [
        ("articles", kg.articles, f"({len(kg.skipped)} skipped)"),
        ("time", f"{seconds:.0f} s", f"{kg.articles / seconds:.1f} articles/s"),
        ("nodes", G.number_of_nodes()),
        ("edges", G.number_of_edges()),
        ("statements", kg.statements),
        ("peak RSS", f"{peak_rss_kib() / 1024:.0f} MiB (this process; --jobs workers not counted)"),
        ("top actors", ", ".join(f"{G.nodes[node]['label']} ({G.degree(node)})" for node in top)),
    ])


def store(options) -> None:
    """Adding a few articles to a large graph: the on-disk store against reading and rewriting graph.ttl."""
    import tempfile

    import graphkit
    from graphkit.export.rdf import write_turtle
    from graphkit.graph import merge_graphs
    from graphkit.load import read_graph
    from graphkit.store import GraphStore

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_ntriples import synthetic_graph

    big, rows = synthetic_graph(options.triples), []
    delta = graphkit.build(articles(options.new, options.corpus)).graph
    with tempfile.TemporaryDirectory(prefix="bench-store-") as directory:
        start = time.perf_counter()
        with GraphStore(Path(directory) / "graph.oxigraph") as on_disk:
            on_disk.add(big)
            rows.append(("store: first load (once)", f"{time.perf_counter() - start:.1f} s", f"{on_disk.triple_count():,} triples"))
            start = time.perf_counter()
            on_disk.add(delta)
            rows.append((f"store: add {options.new} articles", f"{time.perf_counter() - start:.2f} s", f"{on_disk.triple_count():,} triples"))
        turtle = Path(directory) / "graph.ttl"
        write_turtle(big, turtle)
        start = time.perf_counter()
        G = merge_graphs(read_graph(turtle), delta)
        read = time.perf_counter() - start
        start = time.perf_counter()
        write_turtle(G, turtle)
        rows.append((f"graph.ttl: read, add {options.new} articles, write", f"{read + time.perf_counter() - start:.1f} s",
                     f"(read {read:.1f} s; graph.ttl {turtle.stat().st_size / 2**20:.0f} MiB)"))
    table(f"incremental build on a graph of about {options.triples:,} triples (synthetic, benchmarks/bench_ntriples.py)", rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["throughput", "jobs", "memory", "corpus", "store", "all", "rss-child"])
    parser.add_argument("count", nargs="?", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--articles", type=int, default=300, help="articles for throughput and jobs (default 300)")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds of bare and graphkit (default 1)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts to compare (default 1 2)")
    parser.add_argument("--counts", type=int, nargs="+", default=[500, 1000, 4000], help="article counts for memory")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph for store")
    parser.add_argument("--new", type=int, default=20, help="articles added to it for store")
    options = parser.parse_args()
    commands = {"throughput": throughput, "jobs": jobs, "memory": memory, "corpus": corpus, "store": store, "rss-child": rss_child}
    if options.command == "all":  # each in a fresh process, so that none inherits another's memory
        for name in ["throughput", "jobs", "memory", "corpus"]:
            subprocess.run([sys.executable, __file__, name, *sys.argv[2:]], check=True)
    else:
        commands[options.command](options)


if __name__ == "__main__":
    main()
