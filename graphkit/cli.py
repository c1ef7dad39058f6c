"""Command line: argument parsing and messages only; the work is done by graphkit.pipeline."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from .graph import filter_confidence
from .models import Skipped
from .nlp import DEFAULT_MODEL, ModelNotFound

EXIT_OK, EXIT_FATAL, EXIT_SKIPPED = 0, 1, 2

app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
    help="Turn news articles into a knowledge graph of geopolitical actors.\n\nExit codes: 0 all input used, 2 some input skipped, 1 nothing usable or a fatal error.",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

ModelOption = typer.Option(DEFAULT_MODEL, "--model", help="Any installed spaCy pipeline: package name or path.")
ActorsOption = typer.Option(None, "--actors", help="Extra actor list (CSV, YAML, JSON or a PETRARCH .actors file); repeatable.")


def fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(EXIT_FATAL)


def report_skip(item: Skipped) -> None:
    err.print(f"skipped {item}", soft_wrap=True, markup=False)


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
    table.add_row("top actors", escape(", ".join(f"{d['label']} ({G.degree(n)})" for n, d in top)))
    relations = Counter(d["relation"] for _, _, d in G.edges(data=True))
    table.add_row("top relations", ", ".join(f"{name} ({count})" for name, count in relations.most_common(5)))
    for name, path in written.items():
        table.add_row(name, escape(str(path)))
    out.print(table)
    if kg.skipped:
        out.print(f"skipped {len(kg.skipped)} input(s):")
        for item in kg.skipped:
            out.print(f"  {item}", markup=False, soft_wrap=True)


@app.command()
def build(
    inputs: List[str] = typer.Argument(..., help="Files, directories or - for stdin (.txt, .md, .jsonl, .jsonl.gz)."),
    output: Path = typer.Option(Path("outputs"), "-o", "--output", help="Directory for the graph files."),
    model: str = ModelOption,
    actors: Optional[List[Path]] = ActorsOption,
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, help="Drop statements below this confidence."),
) -> None:
    """Build the knowledge graph and write Turtle, JSON-LD, GraphML, HTML and CSV files.

    Example: graphkit build examples/ -o outputs/
    """
    from .pipeline import build as build_graph, check_writable, write_outputs

    try:
        check_writable(output)
    except OSError as error:
        fail(str(error))
    extractor = _extractor(model, actors)
    with _progress() as progress:
        task = progress.add_task("extracting", total=None, rate="")
        words = [0]

        def advance(result) -> None:
            words[0] += len(result.article.text.split())
            elapsed = max(progress.tasks[0].elapsed or 1e-9, 1e-9)
            progress.update(task, advance=1, rate=f"{progress.tasks[0].completed / elapsed:.1f} articles/s, {words[0] / elapsed:,.0f} words/s")

        kg = build_graph(inputs, extractor=extractor, on_article=advance, on_skip=report_skip)
    code = _exit_code(kg.articles, kg.skipped)
    if code == EXIT_FATAL:
        fail(f"no usable article in {', '.join(inputs)}; nothing written")
    G = kg.graph if min_confidence <= 0 else filter_confidence(kg.graph, min_confidence)
    try:
        written = write_outputs(G, output)
    except OSError as error:
        fail(str(error))
    _summary(kg, G, written)
    raise typer.Exit(code)



@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., help="Files, directories or - for stdin."),
    output_format: str = typer.Option("jsonl", "--format", help="jsonl (one extraction record per line) or table."),
    model: str = ModelOption,
    actors: Optional[List[Path]] = ActorsOption,
    min_confidence: float = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0),
) -> None:
    """Print one extraction record per relation (the format of GOLD_FORMAT.md section 3).

    Example: graphkit extract article.txt > relations.jsonl
    """
    from .ingest import read_articles
    from .pipeline import _articles_only

    if output_format not in {"jsonl", "table"}:
        fail(f"unknown format {output_format!r}; expected jsonl or table")
    extractor = _extractor(model, actors)
    skipped: list[Skipped] = []

    def skip(item: Skipped) -> None:
        skipped.append(item)
        report_skip(item)

    articles = 0
    table = Table("doc", "source", "relation", "target", "modality", "neg", "conf") if output_format == "table" else None
    for result in extractor.process(_articles_only(read_articles(inputs), skip)):
        articles += 1
        for relation in result.relations:
            if relation.confidence < min_confidence:
                continue
            record = extractor.record(relation)
            if table is None:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                table.add_row(escape(record["doc_id"]), escape(record["source"]["label"]), record["relation"], escape(record["target"]["label"]), record["modality"], "yes" if record["negated"] else "", f"{record['confidence']:.2f}")
    if table is not None:
        out.print(table)
    code = _exit_code(articles, skipped)
    if code == EXIT_FATAL:
        fail(f"no usable article in {', '.join(inputs)}")
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold passages, JSONL (GOLD_FORMAT.md section 2)."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List every missed and every extra relation."),
    output_format: str = typer.Option("text", "--format", help="text or json."),
    model: str = ModelOption,
    actors: Optional[List[Path]] = ActorsOption,
) -> None:
    """Score extraction against gold passages: strict, root and pair P/R/F1, per relation, actors.

    Example: graphkit evaluate tests/data/dev_gold.jsonl --show-errors
    """
    from .evaluate import evaluate as run_evaluation, format_report

    if not gold.exists():
        fail(f"gold file {str(gold)!r} not found")
    extractor = _extractor(model, actors)
    try:
        report = run_evaluation(gold, extractor)
    except (OSError, UnicodeDecodeError) as error:
        fail(f"cannot read gold file {str(gold)!r}: {getattr(error, 'strerror', None) or error}; expected a UTF-8 JSONL file")
    for item in report.skipped:
        report_skip(item)
    if output_format == "json":
        out.print_json(json.dumps(report.as_dict()))
    else:
        out.print(format_report(report, show_errors, extractor.vocabulary), markup=False, soft_wrap=True)
    raise typer.Exit(EXIT_FATAL if report.passages == 0 else EXIT_SKIPPED if report.skipped else EXIT_OK)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; outputs already written are left as they were")
        sys.exit(130)


if __name__ == "__main__":
    main()
