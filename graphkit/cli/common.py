"""The Typer application, its shared options, and the one-line messages every command uses."""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .. import __version__
from ..display import printable
from ..models import Skipped
from ..nlp import DEFAULT_MODEL, ModelNotFound

DISTRIBUTION = "graphkit-news"  # the PyPI name; `graphkit` there is an unrelated project
EXIT_OK, EXIT_FATAL, EXIT_SKIPPED = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C

app = typer.Typer(
    add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True, rich_markup_mode=None,
    help="Turn news articles into a knowledge graph of geopolitical actors.\n\n"
         "Exit codes: 0 all input used, 2 some input skipped, 1 nothing usable or a fatal error.",
)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def _print_version(value: bool) -> None:
    if value:
        out.print(f"graphkit {__version__} ({DISTRIBUTION})")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    pass


def _show_metavars_not_types() -> None:
    """Typer >= 0.20 prints a Python type after each argument (`inputs... <list[str]>`), even where a
    metavar is given; show the metavar alone. Older Typer (on click) already does."""
    from typer import core

    argument = getattr(core, "TyperArgument", None)
    shown = getattr(argument, "display_type_rich", None)
    if shown is not None:
        argument.display_type_rich = lambda self, ctx: None if self.metavar else shown(self, ctx)


_show_metavars_not_types()

ModelOption = typer.Option(DEFAULT_MODEL, "--model", metavar="NAME_OR_PATH",
                           help="Any installed spaCy pipeline with a parser and NER: package name or path.")
ActorsOption = typer.Option(None, "--actors", metavar="FILE",
                            help="Extra actor list (CSV, YAML, JSON or a PETRARCH .actors file); repeatable.")
MinConfidenceOption = typer.Option(0.0, "--min-confidence", min=0.0, max=1.0, metavar="X",
                                   help="Leave out statements whose confidence is below X (0 to 1).")
JobsOption = typer.Option(1, "--jobs", "-j", min=1, metavar="N",
                          help="Worker processes for extraction (local engine), or local Dask workers.")
EngineOption = typer.Option("local", "--engine", metavar="[local|dask]",
                            help="Where extraction runs: this machine, or a Dask cluster (needs the dask extra).")
SchedulerOption = typer.Option(None, "--scheduler", metavar="ADDRESS",
                               help="Dask scheduler address, e.g. tcp://host:8786; default: a local cluster of --jobs workers.")
QuietOption = typer.Option(False, "--quiet", "-q", help="No progress bar and no progress summary on stderr.")
InputsArgument = typer.Argument(..., metavar="INPUT",
                                help="Files, directories or - for stdin (.txt, .md, .jsonl, .jsonl.gz).")

DATE_SHAPE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DATE_LAYOUTS = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}


def calendar_date(value: str | None) -> str | None:
    """A --since/--until value, checked: YYYY, YYYY-MM or YYYY-MM-DD, and a real day of the calendar."""
    if value is None:
        return None
    if not DATE_SHAPE.fullmatch(value):
        fail(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    try:
        datetime.strptime(value, DATE_LAYOUTS[len(value)])
    except ValueError:
        fail(f"date {value!r} is not on the calendar (no such month or day); expected YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-02-29")
    return value


def fail(message: str) -> None:
    err.print(f"[bold red]error:[/] {escape(printable(message, None))}", soft_wrap=True)
    raise typer.Exit(EXIT_FATAL)


def report_skip(item: Skipped) -> None:
    err.print(f"skipped {printable(item, None)}", soft_wrap=True, markup=False)


def hold_output(output: Path) -> None:
    """Lock the output directory until this command ends (graphkit.outputs); one line if another build holds it."""
    try:  # recent Typer carries its own copy of click
        from typer._click.globals import get_current_context
    except ImportError:
        from click import get_current_context
    from ..outputs import OutputBusy, output_lock

    try:
        get_current_context().with_resource(output_lock(output))
    except OutputBusy as error:
        fail(str(error))


def check_inputs(inputs: list[str]) -> None:
    """`--fresh true`: flags take no value, so the value would be read as an input file."""
    for value in inputs:
        if value.lower() in {"true", "false", "yes", "no", "1", "0"} and not Path(value).exists():
            fail(f"{value!r} is not a file; flags such as --fresh, --quiet and --verbose take no value, so leave {value!r} out")


def check_choice(option: str, value: str, choices) -> str:
    if value not in choices:
        fail(f"unknown {option} {value!r}; expected one of {', '.join(choices)}")
    return value


def exit_code(articles: int, skipped: list) -> int:
    if articles == 0:
        return EXIT_FATAL
    return EXIT_SKIPPED if skipped else EXIT_OK


def load_extractor(model: str, actors: list[Path] | None):
    from ..pipeline import Extractor

    for path in actors or []:
        if not Path(path).exists():
            fail(f"actor list {str(path)!r} not found; check the path given to --actors")
    try:
        return Extractor(model, actors or ())
    except ModelNotFound as error:
        fail(str(error))
    except (OSError, ValueError) as error:
        fail(str(error))


def print_table(table: Table) -> None:
    """On a terminal, fit the table to the window; into a pipe or file, never cut a cell."""
    if out.is_terminal:
        out.print(table)
        return
    for column in table.columns:
        column.overflow, column.no_wrap, column.min_width, column.max_width, column.ratio = "ignore", True, None, None, None
    Console(file=out.file, width=1_000_000, highlight=False, color_system=None, soft_wrap=True).print(table)


def quiet_broken_pipe() -> None:
    """`graphkit ... | head`: the reader has what it wanted; leave without a traceback."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(EXIT_OK)
