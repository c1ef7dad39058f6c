"""Read files, directories, JSONL (plain or gzip) and stdin into Articles: the only reader of raw input.

One module per kind of input: ``units`` (constants, heading and paragraph rules,
normalisation), ``text`` (plain text and markdown), ``jsonl`` (JSONL files and stdin),
``files`` (what the inputs name: walking directories, doc_ids from file names). This
module reads them in input order; the names below are its public API.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from graphkit.models import Article, Skipped

from .files import (
    Source,
    assign_doc_ids,
    binary_reason,
    collect_sources,
    describe_os_error,
    expand_input,
    is_supported,
    kind_of,
    not_regular_reason,
    reencode_command,
    undecodable_reason,
    walk_directory,
)
from .jsonl import article_from_record, content_id, decompressed, parse_json_line, parse_jsonl_bytes, peek, read_jsonl_file, read_stdin, stem_of
from .text import Header, markdown_lines, parse_front_matter, parse_text, split_front_matter, split_header, strip_inline_markdown
from .units import (
    BINARY_SNIFF_BYTES,
    EMPTY_ARTICLE,
    JSONL_SUFFIXES,
    MARKDOWN_SUFFIXES,
    MAX_ID_LENGTH,
    MAX_TEXT_BYTES,
    STDIN_DOC_ID,
    STDIN_LABEL,
    SUPPORTED_SUFFIXES,
    TEXT_KEYS,
    TEXT_SUFFIXES,
    TITLE_KEYS,
    Unit,
    clean_line,
    clean_lines,
    date_fields,
    join_units,
    normalise_date,
    normalise_newlines,
)

__all__ = [  # the public API; the rest is in the submodules
    "BINARY_SNIFF_BYTES", "EMPTY_ARTICLE", "Header", "JSONL_SUFFIXES", "MARKDOWN_SUFFIXES", "MAX_ID_LENGTH",
    "MAX_TEXT_BYTES", "STDIN_DOC_ID", "STDIN_LABEL", "SUPPORTED_SUFFIXES", "Source", "TEXT_KEYS",
    "TEXT_SUFFIXES", "TITLE_KEYS", "Unit", "article_from_record", "assign_doc_ids", "binary_reason",
    "clean_line", "clean_lines", "collect_sources", "content_id", "date_fields", "decompressed",
    "describe_os_error", "expand_input", "is_supported", "join_units", "kind_of", "markdown_lines",
    "normalise_date", "normalise_newlines", "not_regular_reason", "parse_front_matter", "parse_json_line",
    "parse_jsonl_bytes", "parse_text", "peek", "read_articles", "read_jsonl_file", "read_stdin",
    "read_text_file", "reencode_command", "split_front_matter", "split_header", "stem_of",
    "strip_inline_markdown", "undecodable_reason", "walk_directory",
]


def read_articles(
    inputs: Iterable[str | os.PathLike], stdin: TextIO | None = None
) -> Iterator[Article | Skipped]:
    """Articles from files, directories and ``-`` (stdin), in input order.

    Yields one Article per usable article and one Skipped per unusable input;
    bad input never raises. Directories are read recursively in sorted order,
    skipping hidden entries and unsupported suffixes. Only file paths are
    collected up front; articles are read one at a time.

    >>> for item in read_articles(["news/", "extra.jsonl.gz"]):  # doctest: +SKIP
    ...     print(item.doc_id if isinstance(item, Article) else item)
    """
    sources = list(collect_sources(inputs))
    doc_ids = assign_doc_ids(s for s in sources if isinstance(s, Source))
    for source in sources:
        if isinstance(source, Skipped):
            yield source
        elif source.kind == "stdin":
            yield from read_stdin(stdin if stdin is not None else sys.stdin)
        elif source.kind == "jsonl":
            yield from read_jsonl_file(source)
        else:
            yield read_text_file(source, doc_ids[source.label])


def read_text_file(source: Source, doc_id: str) -> Article | Skipped:
    """One text or markdown file; its first bytes are checked before the rest is read, and at most MAX_TEXT_BYTES are."""
    try:
        with open(source.path, "rb") as handle:
            head = handle.read(BINARY_SNIFF_BYTES)
            if reason := binary_reason(head):
                return Skipped(source.label, reason)
            data = head + handle.read(max(0, MAX_TEXT_BYTES + 1 - len(head)))
    except OSError as err:
        return Skipped(source.label, describe_os_error(err))
    if len(data) > MAX_TEXT_BYTES:
        too_big = f"over {MAX_TEXT_BYTES // 2**20} MiB of text, more than one article can be"
        return Skipped(source.label, f"{too_big}; split it into articles (e.g. JSONL, one per line)")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Skipped(source.label, undecodable_reason(data, err.start, source.label))
    return parse_text(raw, doc_id, source.label, markdown=source.kind == "markdown")
