"""Extraction progress on stderr: a Rich bar with a total on a terminal, one line at the end otherwise.

The total is the number of articles (text files, plus the non-blank lines of JSONL files, counted
before extraction starts), or, when the JSONL input is large, its size in bytes: a second reader
follows the extraction through the file by the line numbers the articles carry.
"""

from __future__ import annotations

import gzip
import time
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ..ingest import Source, collect_sources

# Counting the articles of JSONL input costs one read of it; above this size, measure bytes instead.
COUNT_ARTICLES_BELOW_BYTES = 64 * 2**20
GZIP_MAGIC = b"\x1f\x8b"


def _open_lines(path: Path) -> tuple[IO[bytes], IO[bytes]]:
    """(raw file, line stream): gzip by content, as graphkit.ingest reads it."""
    raw = open(path, "rb")
    return raw, gzip.GzipFile(fileobj=raw, mode="rb") if raw.peek(2)[:2] == GZIP_MAGIC else raw


def count_records(path: Path) -> int:
    raw, lines = _open_lines(path)
    with raw, lines:
        try:
            return sum(1 for line in lines if line.strip())
        except (OSError, EOFError, gzip.BadGzipFile):  # a truncated file: ingest reports it
            return 0


class _Follower:
    """Reads a JSONL file alongside the extraction and says how many bytes of it are done."""

    def __init__(self, path: Path):
        self.raw, self.lines = _open_lines(path)
        self.line = 0

    def bytes_through(self, line: int) -> int:
        try:
            while self.line < line and self.lines.readline():
                self.line += 1
        except (OSError, EOFError, gzip.BadGzipFile):
            pass
        return self.raw.tell()

    def close(self) -> None:
        self.lines.close()
        self.raw.close()


class Total:
    """What the progress bar counts towards for ``inputs``: articles, bytes, or unknown (stdin)."""

    def __init__(self, inputs: list[str]):
        sources = [s for s in collect_sources(inputs) if isinstance(s, Source)]
        self.unit, self.amount = "articles", None
        self._starts: dict[str, int] = {}  # label -> bytes before this source (bytes mode)
        self._sizes: dict[str, int] = {}
        self._followers: dict[str, _Follower] = {}
        if any(s.path is None for s in sources):
            return  # stdin: no total
        sizes = {s.label: _size(s.path) for s in sources}
        jsonl = [s for s in sources if s.kind == "jsonl"]
        if sum(sizes[s.label] for s in jsonl) < COUNT_ARTICLES_BELOW_BYTES:
            self.amount = sum(count_records(s.path) if s.kind == "jsonl" else 1 for s in sources)
            return
        self.unit, done = "bytes", 0
        for source in sources:
            self._starts[source.label], self._sizes[source.label] = done, sizes[source.label]
            done += sizes[source.label]
            if source.kind == "jsonl":
                self._followers[source.label] = _Follower(source.path)
        self.amount = done

    def done_at(self, origin: str) -> int | None:
        """Bytes done once the article (or skip) from ``origin`` ("path" or "path:line") is."""
        label, _, line = origin.rpartition(":")
        if label in self._followers and line.isdigit():
            return self._starts[label] + self._followers[label].bytes_through(int(line))
        if origin in self._starts:
            return self._starts[origin] + self._sizes[origin]
        return None

    def close(self) -> None:
        for follower in self._followers.values():
            follower.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


class ExtractionProgress:
    """``with ExtractionProgress(inputs, console) as progress:`` then call ``article``, ``skipped``
    and ``known`` as extraction goes; ``line()`` is the one-line summary."""

    def __init__(self, inputs: list[str], console: Console, quiet: bool = False, what: str = "extracting"):
        self.console, self.quiet, self.what = console, quiet, what
        self.articles = self.words = self.seen = 0
        self.started = time.perf_counter()
        self.total = Total(inputs) if console.is_terminal and not quiet else None
        self.bar: Progress | None = None

    def __enter__(self) -> ExtractionProgress:
        self.started = time.perf_counter()
        if self.total is not None:
            bytes_mode = self.total.unit == "bytes"
            self.bar = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=None),
                DownloadColumn() if bytes_mode else MofNCompleteColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                console=self.console, transient=True,
            )
            self.bar.start()
            self.task = self.bar.add_task(self.what, total=self.total.amount, rate="")
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
        if self.total is not None:
            self.total.close()

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def article(self, result) -> None:
        self.articles += 1
        self.words += len(result.article.text.split())
        self._advance(result.article.origin)

    def skipped(self, item) -> None:
        if ":" in item.origin and item.origin.rpartition(":")[2].isdigit():  # a line of a JSONL file
            self._advance(item.origin)

    def known(self, article) -> None:
        self._advance(article.origin)

    def _advance(self, origin: str) -> None:
        self.seen += 1
        if self.bar is None:
            return
        elapsed = max(self.elapsed, 1e-9)
        rate = f"{self.articles / elapsed:.1f} articles/s, {self.words / elapsed:,.0f} words/s"
        done = self.total.done_at(origin) if self.total.unit == "bytes" else self.seen
        if done is None:
            self.bar.update(self.task, rate=rate)
        else:
            self.bar.update(self.task, completed=done, rate=rate)

    def line(self) -> str:
        elapsed = self.elapsed
        return (f"{self.what} done: {self.articles} article(s), {self.words:,} words in {elapsed:.1f} s "
                f"({self.articles / max(elapsed, 1e-9):.1f} articles/s)")

    def finish(self) -> None:
        """The one-line summary on stderr when it is not a terminal (a bar was not shown)."""
        if self.articles and not self.quiet and not self.console.is_terminal:
            self.console.print(self.line(), soft_wrap=True, markup=False)
