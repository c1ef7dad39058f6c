"""`graphkit validate`, `query`, `evaluate` and `view`: reading what build wrote, and scoring extraction."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..display import printable
from ..formats import RDF_FORMATS
from . import common as cli
from .common import (
    EXIT_FATAL,
    EXIT_OK,
    EXIT_SKIPPED,
    ActorsOption,
    MinConfidenceOption,
    ModelOption,
    app,
    calendar_date,
    check_choice,
    fail,
    load_extractor,
    print_table,
    report_skip,
)

RDF_SUFFIXES = ", ".join(RDF_FORMATS)  # .ttl, .jsonld, .nt, .nq (graphkit.formats)


@app.command(short_help="Check RDF output against the SHACL shapes.")
def validate(
    files: list[Path] = typer.Argument(..., metavar="FILE_OR_DIR", help=f"RDF files ({RDF_SUFFIXES}) or output directories."),
) -> None:
    """Check RDF files against the SHACL shapes in ontologies/shapes.ttl (pyshacl, no inference).

    A directory stands for its graph.ttl, graph.jsonld, graph.nt and graph.nq. Exit code 1 when
    any file does not conform; each violation is one line: focus node, property, message.

    Example: graphkit validate outputs/
    """
    from ..validate import rdf_files, validate_file

    try:
        paths = rdf_files(files)
    except ValueError as error:
        fail(str(error))
    failed = 0
    for path in paths:
        try:
            report = validate_file(path)
        except (OSError, ValueError) as error:
            cli.err.print(f"[bold red]error:[/] {escape(str(error))}", soft_wrap=True)
            failed += 1
            continue
        if report.conforms:
            cli.out.print(f"{escape(str(path))}: conforms ({report.triples} triples)", soft_wrap=True)
            continue
        failed += 1
        cli.out.print(f"{escape(str(path))}: {len(report.violations)} violation(s) in {report.triples} triples", soft_wrap=True)
        for violation in report.violations:
            cli.out.print(f"  {violation}", markup=False, emoji=False, soft_wrap=True)
    raise typer.Exit(EXIT_FATAL if failed else EXIT_OK)


@app.command(short_help="Run a SPARQL query over RDF output.")
def query(
    file: list[str] = typer.Argument(..., metavar="FILE_THEN_SPARQL",
                                     help=f"RDF file(s) ({RDF_SUFFIXES}) or an output directory, then the query."),
    output_format: str = typer.Option("table", "--format", metavar="[table|csv|json]", help="How to print the rows."),
    timeout: float | None = typer.Option(None, "--timeout", min=0.001, metavar="SECONDS", help="Stop the query after this many seconds."),
    allow_remote: bool = typer.Option(False, "--allow-remote", help="Let SERVICE and FROM reach other endpoints and files (refused by default)."),
) -> None:
    """Run a SPARQL query over RDF files.

    The prefixes gk, rdf, rdfs, owl, skos, prov, dcterms, schema, xsd and wd need no PREFIX line.
    The last argument is the query. See README.md, "Queries", for examples.

    Example: graphkit query outputs/ 'SELECT ?label WHERE { ?actor a gk:State ; rdfs:label ?label }'
    """
    from ..query import FORMATS, load, run_query, to_csv, to_json

    check_choice("format", output_format, FORMATS)
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
        print_table(table)
        cli.out.print(f"{len(result.rows)} row(s)")


@app.command(short_help="Score extraction against gold passages.")
def evaluate(
    gold: list[Path] = typer.Argument(..., metavar="GOLD", help="Gold files, JSONL (GOLD_FORMAT.md section 2); several give a line each in a summary."),
    texts: list[Path] | None = typer.Option(None, "--texts", metavar="CORPUS",
        help="Corpus (JSONL or .jsonl.gz) holding the articles that gold records name by id and sha256; repeatable."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every missed and every extra relation with its sentence."),
    output_format: str = typer.Option("text", "--format", metavar="[text|json]", help="A readable report, or JSON."),
    model: str = ModelOption,
    actors: list[Path] | None = ActorsOption,
) -> None:
    """Score extraction against gold: strict, root and pair P/R/F1, per relation, per rule, by confidence.

    Example: graphkit evaluate tests/data/dev_gold.jsonl --show-errors
    """
    from ..evaluate import evaluate as run_evaluation, format_report, format_summary
    from ..gold import ArticleTexts, CorpusError

    check_choice("format", output_format, ("text", "json"))
    for path in [*gold, *(texts or [])]:
        if not path.exists():
            fail(f"{'gold' if path in gold else 'texts'} file {str(path)!r} not found")
    corpus = ArticleTexts(texts) if texts else None
    extractor = load_extractor(model, actors)
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
        dicts = [{"gold": str(path), **report.as_dict()} for path, report in zip(gold, reports, strict=False)]
        cli.out.print_json(json.dumps(dicts[0] if len(dicts) == 1 else {"files": dicts}))
    else:
        sections = [format_report(report, show_errors, extractor.vocabulary) for report in reports]
        if len(reports) > 1:
            sections = [f"== {path} ==\n{section}" for path, section in zip(gold, sections, strict=False)]
            sections.append(format_summary(list(zip(map(str, gold), reports, strict=False))))
        cli.out.print("\n\n".join(sections), markup=False, soft_wrap=True)
    passages = sum(report.passages for report in reports)
    raise typer.Exit(EXIT_FATAL if passages == 0 else EXIT_SKIPPED if any(report.skipped for report in reports) else EXIT_OK)


DateOption = "YYYY[-MM[-DD]]"


@app.command(short_help="Write the explorer (or a PNG) for a view of a graph.")
def view(
    graph: Path = typer.Argument(..., metavar="GRAPH", help="graph.ttl, graph.jsonld or an output directory of graphkit build."),
    output: Path = typer.Option(..., "-o", "--output", metavar="FILE", help="File to write (.html, or .png)."),
    actor: str | None = typer.Option(None, "--actor", metavar="NAME", help="Centre on this actor: label, alias or IRI, any case."),
    depth: int | None = typer.Option(None, "--depth", min=0, metavar="N", help="With --actor: keep actors up to N relations away (default 1)."),
    relation: list[str] | None = typer.Option(None, "--relation", metavar="RELATION", help="Keep only this relation (e.g. attacks); repeatable."),
    since: str | None = typer.Option(None, "--since", metavar=DateOption, callback=calendar_date,
        help="Keep statements dated on or after this day, month or year."),
    until: str | None = typer.Option(None, "--until", metavar=DateOption, callback=calendar_date,
        help="Keep statements dated on or before this day, month or year."),
    min_confidence: float = MinConfidenceOption,
    max_nodes: int | None = typer.Option(None, "--max-nodes", min=1, metavar="N",
        help="Keep the N actors with most relations; the page says how many were left out."),
    output_format: str | None = typer.Option(None, "--format", metavar="[html|png]", help="html, or png (headless Chromium); default: from the suffix of -o."),
) -> None:
    """Write the explorer (or a PNG of it) for a view of a stored graph.

    Example: graphkit view outputs/ -o ukraine.html --actor Ukraine --depth 2 --since 2023-06
    """
    from ..display import display_graph
    from ..export.html import write_html
    from ..export.png import RenderError, write_png
    from ..load import read_graph
    from ..view import select_view

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
    cli.out.print(f"wrote {escape(str(output))}: {H.number_of_nodes()} actors, {H.number_of_edges()} relations{note}", soft_wrap=True)
