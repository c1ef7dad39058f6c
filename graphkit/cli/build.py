"""`graphkit build`: articles in, every output file written, and a summary of the graph."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from ..display import printable
from ..formats import STORED_GRAPH
from ..incremental import STORES
from . import common as cli
from .common import (
    EXIT_FATAL,
    ActorsOption,
    EngineOption,
    InputsArgument,
    JobsOption,
    MinConfidenceOption,
    ModelOption,
    QuietOption,
    SchedulerOption,
    app,
    check_choice,
    check_inputs,
    exit_code,
    fail,
    hold_output,
    load_extractor,
    report_skip,
)
from .progress import ExtractionProgress


@app.command(short_help="Build the graph of articles and write every output file.")
def build(
    inputs: list[str] = InputsArgument,
    output: Path = typer.Option(Path("outputs"), "-o", "--output", metavar="DIR", help="Directory for the graph files."),
    model: str = ModelOption,
    actors: list[Path] | None = ActorsOption,
    min_confidence: float = MinConfidenceOption,
    fresh: bool = typer.Option(False, "--fresh", help="Start a new graph even if the output directory already holds one."),
    jobs: int = JobsOption,
    engine: str = EngineOption,
    scheduler: str | None = SchedulerOption,
    store: str = typer.Option("auto", "--store", metavar="[auto|memory|oxigraph]",
                              help="memory: read graph.ttl and write every file; oxigraph: add to graph.oxigraph on disk "
                                   "and write only that; auto: oxigraph when graph.oxigraph exists or graph.ttl is over 50 MiB."),
    quiet: bool = QuietOption,
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every file written, one per line."),
    excel_safe: bool = typer.Option(False, "--excel-safe",
        help="Put a ' before CSV text cells starting with = + - @ so spreadsheets do not run them as formulas."),
) -> None:
    """Build the knowledge graph and write Turtle, JSON-LD, N-Triples, N-Quads, GraphML, GEXF, JSON, HTML and CSV files.

    A graph already in the output directory (graph.ttl) is read and the new articles are added to
    it; articles already in it are not read again. --fresh starts from an empty graph.

    Example: graphkit build examples/ -o outputs/
    """
    from ..incremental import build_into, choose_target, write_into
    from ..pipeline import check_writable

    started = time.perf_counter()
    check_inputs(inputs)
    check_choice("engine", engine, ("local", "dask"))
    check_choice("store", store, STORES)
    try:
        check_writable(output)
    except OSError as error:
        fail(str(error))
    hold_output(output)
    try:
        target = choose_target(output, store, fresh, min_confidence)
    except ValueError as error:
        fail(str(error))
    extractor = load_extractor(model, actors)
    with ExtractionProgress(inputs, cli.err, quiet) as progress:
        def skip(item) -> None:
            report_skip(item)
            progress.skipped(item)

        def moving(turtle: Path, store: Path) -> None:
            cli.out.print(f"moving {escape(str(turtle))} into the store {escape(str(store))} (once)")

        try:
            built = build_into(target, inputs, extractor, on_known=progress.known, on_move=moving,
                               on_article=progress.article, on_skip=skip, jobs=jobs, engine=engine, scheduler=scheduler)
        except (ValueError, ImportError, OSError) as error:
            fail(str(error))
        if built.store is not None:
            progress.finish()
            print_store_summary(built, time.perf_counter() - started)
            raise typer.Exit(exit_code(built.kg.articles + built.known, built.kg.skipped))
    progress.finish()
    kg, code = built.kg, exit_code(built.kg.articles + built.known, built.kg.skipped)
    if built.nothing_new and code != EXIT_FATAL:
        cli.out.print(f"nothing new: all {built.known} article(s) are already in {escape(str(output / STORED_GRAPH))}; its files are left as they were")
        raise typer.Exit(code)
    if code == EXIT_FATAL:
        fail(f"no usable article in {', '.join(inputs)}; nothing written")
    try:
        G, written = write_into(target, built, min_confidence, excel_safe=excel_safe)
    except OSError as error:
        fail(str(error))
    print_summary(kg, G, output, written, time.perf_counter() - started, verbose)
    if built.known:
        cli.out.print(f"added to the graph already in {escape(str(output))}; {built.known} article(s) in it were not read again (--fresh starts over)")
    raise typer.Exit(code)


def print_summary(kg, G, output: Path, written: dict[str, Path], elapsed: float, verbose: bool) -> None:
    related = sum(1 for node in G if G.degree(node) > 0)
    table = Table(title="graphkit build", show_header=False)
    table.add_row("elapsed", f"{elapsed:.1f} s")
    table.add_row("articles added", str(kg.articles))
    table.add_row("articles in the graph", str(len(G.graph.get("documents", ())) or kg.articles))
    table.add_row("skipped", str(len(kg.skipped)))
    table.add_row("actors (nodes)", f"{G.number_of_nodes()}: {related} with relations, {G.number_of_nodes() - related} without")
    table.add_row("relations (edges)", str(G.number_of_edges()))
    table.add_row("statements", str(sum(d["count"] for _, _, d in G.edges(data=True))))
    top = sorted(G.nodes(data=True), key=lambda n: (-G.degree(n[0]), n[1]["label"]))[:5]
    table.add_row("top actors", escape(", ".join(f"{printable(d['label'], 80)} ({G.degree(n)})" for n, d in top)))
    relations = Counter(d["relation"] for _, _, d in G.edges(data=True))
    table.add_row("top relations", ", ".join(f"{name} ({count})" for name, count in relations.most_common(5)))
    if verbose:
        for name, path in written.items():
            table.add_row(name, escape(printable(path)))
    else:
        table.add_row("output", escape(f"{output}/ ({len(written)} files: graph.html to explore; --verbose lists them)"))
    cli.out.print(table)
    if kg.skipped:
        cli.out.print(f"skipped {len(kg.skipped)} input(s):")
        for item in kg.skipped:
            cli.out.print(f"  {printable(item, None)}", markup=False, soft_wrap=True)


def print_store_summary(built, elapsed: float) -> None:
    table = Table(title="graphkit build (store)", show_header=False)
    table.add_row("elapsed", f"{elapsed:.1f} s")
    table.add_row("articles added", str(built.kg.articles))
    table.add_row("articles in the store", str(built.store.documents))
    table.add_row("skipped", str(len(built.kg.skipped)))
    table.add_row("actors and relations touched", f"{built.kg.graph.number_of_nodes()} and {built.kg.graph.number_of_edges()}")
    table.add_row("triples in the store", f"{built.store.triples:,}")
    table.add_row("store", escape(str(built.store.path)))
    cli.out.print(table)
