"""`graphkit extract`: one extraction record per relation, as JSONL or a table, and a summary on stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.table import Table
from rich.text import Text

from ..display import printable
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
    load_extractor,
    print_table,
    quiet_broken_pipe,
    report_skip,
)
from .progress import ExtractionProgress

TABLE_COLUMNS = ("date", "doc", "source", "relation", "target", "modality", "neg", "conf", "sentence")


@app.command(short_help="Print one extraction record per relation.")
def extract(
    inputs: list[str] = InputsArgument,
    output_format: str = typer.Option("jsonl", "--format", metavar="[jsonl|table]",
                                      help="jsonl: one extraction record per line; table: date, actors, relation and sentence."),
    model: str = ModelOption,
    actors: list[Path] | None = ActorsOption,
    min_confidence: float = MinConfidenceOption,
    jobs: int = JobsOption,
    engine: str = EngineOption,
    scheduler: str | None = SchedulerOption,
    quiet: bool = QuietOption,
) -> None:
    """Print one extraction record per relation (the format of GOLD_FORMAT.md section 3).

    Records go to stdout; progress, skipped inputs and the closing summary go to stderr.

    Example: graphkit extract examples/ > relations.jsonl
    """
    from ..engines import run
    from ..ingest import read_articles
    from ..pipeline import usable_articles

    check_choice("format", output_format, ("jsonl", "table"))
    check_inputs(inputs)
    check_choice("engine", engine, ("local", "dask"))
    extractor = load_extractor(model, actors)
    skipped: list = []
    printed = found = 0
    table = Table(*TABLE_COLUMNS) if output_format == "table" else None
    if table is not None:  # on a terminal the sentence takes the room that is left, and wraps
        columns = dict(zip(TABLE_COLUMNS, table.columns, strict=False))
        for name in ("date", "relation", "modality", "neg", "conf"):
            columns[name].no_wrap = True
        columns["doc"].max_width, columns["doc"].overflow = 16, "ellipsis"
        columns["source"].max_width = columns["target"].max_width = 22
        columns["sentence"].min_width, columns["sentence"].ratio = 30, 1
    with ExtractionProgress(inputs, cli.err, quiet) as progress:
        def skip(item) -> None:
            skipped.append(item)
            report_skip(item)
            progress.skipped(item)

        try:
            for result in run(extractor, usable_articles(read_articles(inputs), extractor, skip), engine, jobs, scheduler):
                progress.article(result)
                for relation in result.relations:
                    found += 1
                    if relation.confidence < min_confidence:
                        continue
                    printed += 1
                    record = extractor.record(relation)
                    if table is None:
                        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
                    else:
                        table.add_row(*_cells(record))
        except BrokenPipeError:  # "graphkit extract ... | head": the reader has what it wanted
            quiet_broken_pipe()
        except (ValueError, ImportError, OSError) as error:
            fail(str(error))
    if table is not None:
        print_table(table)
    code = exit_code(progress.articles, skipped)
    if code == EXIT_FATAL:
        fail(f"no usable article in {', '.join(inputs)}")
    if not quiet:
        below = f" ({found - printed} below --min-confidence {min_confidence:g} left out)" if found > printed else ""
        cli.err.print(f"{progress.line()}; {printed} relation(s) printed{below}; {len(skipped)} input(s) skipped",
                      soft_wrap=True, markup=False)
    raise typer.Exit(code)


def _cells(record: dict) -> list[Text]:
    values = (record.get("date") or "", printable(record["doc_id"], 80), printable(record["source"]["label"], 80), record["relation"],
              printable(record["target"]["label"], 80), record["modality"], "yes" if record["negated"] else "",
              f"{record['confidence']:.2f}", printable(record["sentence"], None))
    return [Text(value) for value in values]
