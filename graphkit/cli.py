"""Command line: argument parsing and messages only; the work is done by graphkit.pipeline."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

try:  # recent Typer carries its own copy of click
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:
    from click.exceptions import NoArgsIsHelpError, UsageError

from .display import printable
from .graph import filter_confidence
from .models import Skipped
from .nlp import DEFAULT_MODEL, ModelNotFound

EXIT_OK, EXIT_FATAL, EXIT_SKIPPED = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C

app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
    help="Turn news articles into a knowledge graph of geopolitical actors.\n\nExit codes: 0 all input used, 2 some input skipped, 1 nothing usable or a fatal error.",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

ModelOption = typer.Option(DEFAULT_MODEL, "--model", help="Any installed spaCy pipeline: package name or path.")
ActorsOption = typer.Option(None, "--actors", help="Extra actor list (CSV, YAML, JSON or a PETRARCH .actors file); repeatable.")
JobsOption = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for extraction (local engine), or local Dask workers.")
EngineOption = typer.Option("local", "--engine", help="local (this machine) or dask (a Dask cluster; needs the dask extra).")
SchedulerOption = typer.Option(None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786; default: a local cluster of --jobs workers.")


def fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(printable(message, None))}", soft_wrap=True)
    raise typer.Exit(EXIT_FATAL)


def report_skip(item: Skipped) -> None:
    err.print(f"skipped {printable(item, None)}", soft_wrap=True, markup=False)


def _hold_output(output: Path) -> None:
    """Lock the output directory until this command ends (graphkit.outputs); one line if another build holds it."""
    try:  # recent Typer carries its own copy of click
        from typer._click.globals import get_current_context
    except ImportError:
        from click import get_current_context
    from .outputs import OutputBusy, output_lock

    try:
        get_current_context().with_resource(output_lock(output))
    except OutputBusy as error:
        fail(str(error))


def _extractor(model: str, actors: Optional[List[Path]]):
    from .pipeline import Extractor

    for path in actors or []:
        if not Path(path).exists():
            fail(f"actor list {str(path)!r} not found; check the path given to --actors")
    try:
        return Extractor(model, actors or ())
    except ModelNotFound as error:
        fail(str(error))
    except (OSError, ValueError) as error:
        fail(str(error))


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
        TextColumn("{task.completed} articles · {task.fields[rate]}"), TimeElapsedColumn(),
        console=err, transient=True, disable=not err.is_terminal,
    )


def _exit_code(articles: int, skipped: list[Skipped]) -> int:
    if articles == 0:
        return EXIT_FATAL
    return EXIT_SKIPPED if skipped else EXIT_OK


def _summary(kg, G, written: dict[str, Path]) -> None:
    table = Table(title="graphkit build", show_header=False)
    table.add_row("articles", str(kg.articles))
    table.add_row("skipped", str(len(kg.skipped)))
    table.add_row("actors (nodes)", str(G.number_of_nodes()))
    table.add_row("relations (edges)", str(G.number_of_edges()))
    table.add_row("statements", str(sum(d["count"] for _, _, d in G.edges(data=True))))
    top = sorted(G.nodes(data=True), key=lambda n: (-G.degree(n[0]), n[1]["label"]))[:5]
    table.add_row("top actors", escape(", ".join(f"{printable(d['label'], 80)} ({G.degree(n)})" for n, d in top)))
    relations = Counter(d["relation"] for _, _, d in G.edges(data=True))
    table.add_row("top relations", ", ".join(f"{name} ({count})" for name, count in relations.most_common(5)))
    for name, path in written.items():
        table.add_row(name, escape(printable(path)))
    out.print(table)
    if kg.skipped:
        out.print(f"skipped {len(kg.skipped)} input(s):")
        for item in kg.skipped:
            out.print(f"  {printable(item, None)}", markup=False, soft_wrap=True)


@app.command()
def build(
    inputs: List[str] = typer.Argument(..., help="Files, directories or - for stdin (.txt, .md, .jsonl, .jsonl.gz)."),
    output: Path = typer.Option(Path("outputs"), "-o", "--output", help="Directory for the graph files."),
    model: str = ModelOption,
    actors: Optional[List[Path]] = ActorsOption,
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop statements below this confidence."),
    fresh: bool = typer.Option(False, "--fresh", help="Start a new graph even if the output directory already holds one."),
    jobs: int = JobsOption,
    engine: str = EngineOption,
    scheduler: Optional[str] = SchedulerOption,
    store: str = typer.Option("auto", "--store", help="memory (read graph.ttl, write every file), oxigraph (add to graph.oxigraph on disk, write only that) or auto (oxigraph when graph.oxigraph exists or graph.ttl is over 50 MiB)."),
    excel_safe: bool = typer.Option(False, "--excel-safe", help="Put a ' before CSV text cells starting with = + - @ so spreadsheets do not run them as formulas."),
) -> None:
    """Build the knowledge graph and write Turtle, JSON-LD, GraphML, HTML and CSV files.

    A graph already in the output directory (graph.ttl) is read and the new articles are added
    to it; articles already in it are not read again. --fresh starts from an empty graph.

    Example: graphkit build examples/ -o outputs/
    """
    from .pipeline import build as build_graph, check_writable, write_outputs

    try:
        check_writable(output)
    except OSError as error:
        fail(str(error))
    _hold_output(output)
    store_path = _store_path(store, output, fresh, min_confidence)
    stored, sources = (None, {}) if fresh or store_path else _stored_graph(output)
    known: list = []
    extractor = _extractor(model, actors)
    with _progress() as progress:
        task = progress.add_task("extracting", total=None, rate="")
        words = [0]

        def advance(result) -> None:
            words[0] += len(result.article.text.split())
            elapsed = max(progress.tasks[0].elapsed or 1e-9, 1e-9)
            progress.update(task, advance=1, rate=f"{progress.tasks[0].completed / elapsed:.1f} articles/s, {words[0] / elapsed:,.0f} words/s")

        options = dict(on_article=advance, on_skip=report_skip, on_known=known.append, jobs=jobs, engine=engine, scheduler=scheduler)
        try:
            if store_path:
                _build_in_store(store_path, inputs, extractor, fresh, options, known)
            kg = build_graph(inputs, extractor=extractor, graph=stored, known_sources=sources, **options)
        except (ValueError, ImportError, OSError) as error:
            fail(str(error))
    code = _exit_code(kg.articles + len(known), kg.skipped)
    if kg.articles == 0 and known and code != EXIT_FATAL:
        out.print(f"nothing new: all {len(known)} article(s) are already in {escape(str(output / 'graph.ttl'))}; its files are left as they were")
        raise typer.Exit(code)
    if code == EXIT_FATAL:
        fail(f"no usable article in {', '.join(inputs)}; nothing written")
    G = kg.graph if min_confidence <= 0 else filter_confidence(kg.graph, min_confidence)
    try:
        written = write_outputs(G, output, kg.sources, excel_safe=excel_safe)
    except OSError as error:
        fail(str(error))
    _summary(kg, G, written)
    if known:
        out.print(f"added to the graph already in {escape(str(output))}; {len(known)} article(s) in it were not read again (--fresh starts over)")
    raise typer.Exit(code)


def _store_path(store: str, output: Path, fresh: bool, min_confidence: float) -> Optional[Path]:
    """Where the on-disk store is, when this build uses one (see graphkit.store)."""
    from .store import AUTO_STORE_BYTES, STORE_DIRECTORY

    if store not in {"auto", "memory", "oxigraph"}:
        fail(f"unknown store {store!r}; expected auto, memory or oxigraph")
    path, turtle = output / STORE_DIRECTORY, output / "graph.ttl"
    chosen = store == "oxigraph" or store == "auto" and (path.exists() or not fresh and turtle.is_file() and turtle.stat().st_size > AUTO_STORE_BYTES)
    if chosen and min_confidence > 0:
        fail("--min-confidence filters the written files; the store keeps every statement (filter in SPARQL on gk:confidence), so leave one out")
    return path if chosen else None


def _build_in_store(path: Path, inputs: List[str], extractor, fresh: bool, options: dict, known: list) -> None:
    """Add the new articles to the store at ``path`` and print what it holds; exits."""
    from .store import GraphStore, replacing

    turtle = path.parent / "graph.ttl"
    with replacing(path) if fresh else GraphStore(path) as store:
        if not fresh and not store.documents() and turtle.is_file():
            out.print(f"moving {escape(str(turtle))} into the store {escape(str(path))} (once)")
            store.add(_stored_graph(path.parent)[0])  # verified against its manifest first
        kg = store.build(inputs, extractor, **options)
        code = _exit_code(kg.articles + len(known), kg.skipped)
        if code == EXIT_FATAL:
            fail(f"no usable article in {', '.join(inputs)}; the store is left as it was")
        table = Table(title="graphkit build (store)", show_header=False)
        table.add_row("articles added", str(kg.articles))
        table.add_row("skipped", str(len(kg.skipped)))
        table.add_row("actors and relations touched", f"{kg.graph.number_of_nodes()} and {kg.graph.number_of_edges()}")
        table.add_row("articles in the store", str(len(store.documents())))
        table.add_row("triples in the store", f"{store.triple_count():,}")
        table.add_row("store", escape(str(path)))
    out.print(table)
    raise typer.Exit(code)


def _stored_graph(output: Path):
    """The graph in ``output/graph.ttl`` verified against its manifest, and its articles' sources; (None, {}) when there is none."""
    from .outputs import stored_graph

    try:
        return stored_graph(output)
    except ValueError as error:
        fail(str(error))


@app.command()
def validate(
    files: List[Path] = typer.Argument(..., help="RDF files (.ttl, .jsonld, .nt, .nq) or output directories."),
) -> None:
    """Check RDF files against the SHACL shapes in ontologies/shapes.ttl (pyshacl, no inference).

    A directory stands for its graph.ttl, graph.jsonld, graph.nt and graph.nq. Exit code 1 when
    any file does not conform; each violation is one line: focus node, property, message.

    Example: graphkit validate outputs/
    """
    from .validate import rdf_files, validate_file

    try:
        paths = rdf_files(files)
    except ValueError as error:
        fail(str(error))
    failed = 0
    for path in paths:
        try:
            report = validate_file(path)
        except (OSError, ValueError) as error:
            err.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
            failed += 1
            continue
        if report.conforms:
            out.print(f"{escape(str(path))}: conforms ({report.triples} triples)", soft_wrap=True)
            continue
        failed += 1
        out.print(f"{escape(str(path))}: {len(report.violations)} violation(s) in {report.triples} triples", soft_wrap=True)
        for violation in report.violations:
            out.print(f"  {violation}", markup=False, emoji=False, soft_wrap=True)
    raise typer.Exit(EXIT_FATAL if failed else EXIT_OK)


@app.command()
def query(
    file: List[str] = typer.Argument(..., help="RDF file(s) (.ttl, .jsonld, .nt, .nq) or an output directory, then the query."),
    output_format: str = typer.Option("table", "--format", help="table, csv or json."),
    timeout: Optional[float] = typer.Option(None, "--timeout", min=0.001, help="Stop the query after this many seconds."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Let SERVICE and FROM reach other endpoints and files (refused by default)."),
) -> None:
    """Run a SPARQL query over RDF files; prefixes gk, rdfs, skos, prov, dcterms, schema, xsd are predefined.

    The last argument is the query. See README.md, "Queries", for examples.

    Example: graphkit query outputs/graph.ttl 'SELECT ?label WHERE { ?actor a gk:State ; rdfs:label ?label }'
    """
    from .query import FORMATS, load, run_query, to_csv, to_json

    if output_format not in FORMATS:
        fail(f"unknown format {output_format!r}; expected one of {', '.join(FORMATS)}")
    if len(file) < 2:
        fail("give a file and a query: graphkit query outputs/graph.ttl 'SELECT ...'")
    *paths, sparql = file
    try:
        result = run_query(load(paths), sparql, timeout=timeout, allow_remote=allow_remote)
    except (OSError, ValueError) as error:
        fail(str(error))
    if result.graph is not None:
        sys.stdout.write(result.graph.serialize(format="turtle"))
    elif output_format == "csv":
        sys.stdout.write(to_csv(result))
    elif output_format == "json":
        sys.stdout.write(to_json(result) + "\n")
    else:
        table = Table(*result.columns)
        for row in result.rows:
            table.add_row(*(Text(printable(value, None)) if value is not None else Text("") for value in row))
        out.print(table)
        out.print(f"{len(result.rows)} row(s)")



@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files, directories or - for stdin."),
    output_format: str = typer.Option("jsonl", "--format", help="jsonl (one extraction record per line) or table."),
    model: str = ModelOption,
    actors: Optional[List[Path]] = ActorsOption,
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0),
    jobs: int = JobsOption,
    engine: str = EngineOption,
    scheduler: Optional[str] = SchedulerOption,
) -> None:
    """Print one extraction record per relation (the format of GOLD_FORMAT.md section 3).

    Example: graphkit extract article.txt > relations.jsonl
    """
    from .engines import run
    from .ingest import read_articles
    from .pipeline import usable_articles

    if output_format not in {"jsonl", "table"}:
        fail(f"unknown format {output_format!r}; expected jsonl or table")
    extractor = _extractor(model, actors)
    skipped: list[Skipped] = []

    def skip(item: Skipped) -> None:
        skipped.append(item)
        report_skip(item)

    articles = 0
    table = Table("doc", "source", "relation", "target", "modality", "neg", "conf") if output_format == "table" else None
    try:
        for result in run(extractor, usable_articles(read_articles(inputs), extractor, skip), engine, jobs, scheduler):
            articles += 1
            for relation in result.relations:
                if relation.confidence < min_confidence:
                    continue
                record = extractor.record(relation)
                if table is None:
                    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    table.add_row(escape(printable(record["doc_id"], 80)), escape(printable(record["source"]["label"], 80)), record["relation"], escape(printable(record["target"]["label"], 80)), record["modality"], "yes" if record["negated"] else "", f"{record['confidence']:.2f}")
    except BrokenPipeError:  # "graphkit extract ... | head": the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_OK)
    except (ValueError, ImportError, OSError) as error:
        fail(str(error))
    if table is not None:
        out.print(table)
    code = _exit_code(articles, skipped)
    if code == EXIT_FATAL:
        fail(f"no usable article in {', '.join(inputs)}")
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: List[Path] = typer.Argument(..., help="Gold files, JSONL (GOLD_FORMAT.md section 2); several give a line each in a summary."),
    texts: Optional[List[Path]] = typer.Option(None, "--texts", help="Corpus (JSONL or .jsonl.gz) holding the articles that gold records name by id and sha256; repeatable."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every missed and every extra relation with its sentence."),
    output_format: str = typer.Option("text", "--format", help="text or json."),
    model: str = ModelOption,
    actors: Optional[List[Path]] = ActorsOption,
) -> None:
    """Score extraction against gold: strict, root and pair P/R/F1, per relation, per rule, by confidence.

    Example: graphkit evaluate tests/data/reuters_dev.jsonl --texts ../shared/corpora/reuters_2016_2017.jsonl.gz
    """
    from .evaluate import evaluate as run_evaluation, format_report, format_summary
    from .gold import ArticleTexts, CorpusError

    for path in [*gold, *(texts or [])]:
        if not path.exists():
            fail(f"{'gold' if path in gold else 'texts'} file {str(path)!r} not found")
    corpus = ArticleTexts(texts) if texts else None
    extractor = _extractor(model, actors)
    reports = []
    for path in gold:
        try:
            reports.append(run_evaluation(path, extractor, corpus))
        except (OSError, UnicodeDecodeError) as error:
            fail(f"cannot read gold file {str(path)!r}: {getattr(error, 'strerror', None) or error}; expected a UTF-8 JSONL file")
        except CorpusError as error:
            fail(str(error))
    for report in reports:
        for item in report.skipped:
            report_skip(item)
    if output_format == "json":
        dicts = [{"gold": str(path), **report.as_dict()} for path, report in zip(gold, reports)]
        out.print_json(json.dumps(dicts[0] if len(dicts) == 1 else {"files": dicts}))
    else:
        sections = [format_report(report, show_errors, extractor.vocabulary) for report in reports]
        if len(reports) > 1:
            sections = [f"== {path} ==\n{section}" for path, section in zip(gold, sections)] + [format_summary(list(zip(map(str, gold), reports)))]
        out.print("\n\n".join(sections), markup=False, soft_wrap=True)
    passages = sum(report.passages for report in reports)
    raise typer.Exit(EXIT_FATAL if passages == 0 else EXIT_SKIPPED if any(report.skipped for report in reports) else EXIT_OK)


@app.command()
def view(
    graph: Path = typer.Argument(..., help="graph.ttl, graph.jsonld or an output directory of graphkit build."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write (.html, or .png)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Centre on this actor: label, alias or IRI, any case."),
    depth: Optional[int] = typer.Option(None, "--depth", min=0, help="With --actor: keep actors up to this many relations away (default 1)."),
    relation: Optional[List[str]] = typer.Option(None, "--relation", help="Keep only this relation; repeatable."),
    since: Optional[str] = typer.Option(None, "--since", help="Keep statements dated on or after YYYY[-MM[-DD]]."),
    until: Optional[str] = typer.Option(None, "--until", help="Keep statements dated on or before YYYY[-MM[-DD]]."),
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop statements below this confidence."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="Keep the actors with most relations; the page says how many were left out."),
    output_format: Optional[str] = typer.Option(None, "--format", help="html or png (headless Chromium); default: from the suffix of -o."),
) -> None:
    """Write the explorer (or a PNG of it) for a view of a stored graph.

    Example: graphkit view outputs/ -o korea.html --actor "North Korea" --depth 2 --since 2024-10
    """
    from .display import display_graph
    from .export.html import write_html
    from .export.png import RenderError, write_png
    from .load import read_graph
    from .view import ViewError, select_view

    if depth is not None and actor is None:
        fail("--depth needs --actor: the depth counts relations away from that actor")
    file_format = (output_format or ("png" if output.suffix.lower() == ".png" else "html")).lower()
    if file_format not in {"html", "png"}:
        fail(f"unknown format {output_format!r}; expected html or png")
    try:
        G = read_graph(graph)
        selected = select_view(G, actor=actor, depth=1 if depth is None else depth, relations=relation or (), since=since, until=until,
                               min_confidence=min_confidence, max_nodes=max_nodes)
    except (OSError, ValueError) as error:  # ViewError is a ValueError
        fail(str(error))
    H = selected.graph
    title = str(G.graph.get("name") or "graphkit")
    if selected.focus:
        title += f" · {G.nodes[selected.focus]['label']}"
    try:
        writer = write_png if file_format == "png" else write_html
        writer(display_graph(H), output, title=printable(title), left_out=selected.left_out)
    except RenderError as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {str(output)!r}: {error.strerror or error}; choose another path with -o")
    note = f"; {selected.left_out} actors left out (--max-nodes {max_nodes})" if selected.left_out else ""
    out.print(f"wrote {escape(str(output))}: {H.number_of_nodes()} actors, {H.number_of_edges()} relations{note}", soft_wrap=True)


def main() -> None:
    try:
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as error:
        error.show()
        sys.exit(EXIT_OK)
    except UsageError as error:
        # One line, like every other bad input, instead of click's framed usage box.
        where = f"; see `{error.ctx.command_path} --help`" if error.ctx else ""
        err.print(f"[bold red]error:[/] {escape(error.format_message().rstrip('.'))}{escape(where)}", soft_wrap=True)
        sys.exit(EXIT_FATAL)
    except (KeyboardInterrupt, typer.Abort):
        sys.exit(_interrupted())
    # Typer turns Ctrl-C into a silent exit 130; say what it did to the outputs.
    sys.exit(_interrupted() if code == EXIT_INTERRUPTED else code or EXIT_OK)


def _interrupted() -> int:
    err.print("interrupted; outputs already written are left as they were")
    return EXIT_INTERRUPTED


if __name__ == "__main__":
    main()
