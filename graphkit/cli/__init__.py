"""Command line: argument parsing and messages only; the work is done by graphkit.pipeline.

One module per command group: build, extract, and the commands that read what build wrote.
"""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

try:  # recent Typer carries its own copy of click
    from typer._click.exceptions import NoArgsIsHelpError, UsageError
except ImportError:
    from click.exceptions import NoArgsIsHelpError, UsageError

from . import build, commands, extract  # noqa: F401  (each registers its commands on app)
from .common import EXIT_FATAL, EXIT_INTERRUPTED, EXIT_OK, app, err

__all__ = ["app", "main"]


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

