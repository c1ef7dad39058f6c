"""JSONL articles, plain or gzip, from files and stdin (which may also carry one plain-text article)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import IO, TextIO

from graphkit.models import Article, Skipped

from .files import Source, binary_reason, describe_os_error, undecodable_reason
from .text import parse_text
from .units import (
    _READ_ERRORS,
    BINARY_SNIFF_BYTES,
    GZIP_MAGIC,
    MAX_ID_LENGTH,
    ONE_OBJECT_PER_LINE,
    STDIN_DOC_ID,
    STDIN_LABEL,
    TEXT_KEYS,
    TITLE_KEYS,
    clean_line,
    clean_lines,
    date_fields,
    join_units,
    normalise_newlines,
)


def parse_json_line(line: str, lineno: int, label: str, stem: str) -> Article | Skipped | None:
    """One JSONL line: an Article, a Skipped naming ``label:lineno``, or None if blank."""
    if not line.strip():
        return None
    origin = f"{label}:{lineno}"
    try:
        record = json.loads(line.lstrip("\ufeff").rstrip())
    except (ValueError, RecursionError) as err:
        return Skipped(origin, f"invalid JSON: {_json_error(err)}; {ONE_OBJECT_PER_LINE}")
    if not isinstance(record, dict):
        return Skipped(origin, f"expected a JSON object, got {_json_type(record)}; {ONE_OBJECT_PER_LINE}")
    return article_from_record(_without_surrogates(record), origin, default_id=f"{stem}-{lineno}" if stem != STDIN_DOC_ID else None)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(value):
    """JSON may escape half a UTF-16 pair (``"\\ud800"``), which no output can encode: U+FFFD instead."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def content_id(text: str, prefix: str = STDIN_DOC_ID) -> str:
    """``stdin-<12 hex>``: the id of an article that came without one and without a file name."""
    return f"{prefix}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def _json_error(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"{err.msg} (column {err.colno})"
    if isinstance(err, RecursionError):
        return "nested too deeply"
    if "digits" in str(err):  # Python's limit on integer literals (4300 digits)
        return "a number with thousands of digits (over Python's 4300-digit limit); write long ids as strings"
    return " ".join(str(err).split())[:200]


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "a number" if isinstance(value, (int, float)) else "null")


def article_from_record(record: dict, origin: str, default_id: str | None) -> Article | Skipped:
    """An Article from one JSON object; fields graphkit does not use go to metadata.

    Without an ``id`` the article's id is ``default_id``, or (None) one from its text (stdin).
    """
    text_key = next((key for key in TEXT_KEYS if record.get(key) is not None), None)
    if text_key is None:
        return Skipped(origin, f"no text: expected a {_quoted_or(TEXT_KEYS)} field with the article body")
    if not isinstance(record[text_key], str):
        return Skipped(origin, f"{text_key!r} is {_json_type(record[text_key])}; expected a string")
    units = list(join_units(clean_lines(normalise_newlines(record[text_key]))))
    if not units:
        return Skipped(origin, f"empty article: {text_key!r} is blank")
    title_key = next((key for key in TITLE_KEYS if _nonblank_str(record.get(key))), None)
    iso, date_metadata = date_fields(record.get("date"))
    used = {text_key, title_key, "date", *(key for key in ("id", "url") if _usable(record, key))}
    doc_id = _record_id(record)
    if doc_id is not None and len(doc_id) > MAX_ID_LENGTH:
        return Skipped(origin, f"'id' is {len(doc_id):,} characters long; at most {MAX_ID_LENGTH} (use a short id, e.g. a URL's hash)")
    text = "\n".join(unit.text for unit in units)
    return Article(
        doc_id=doc_id or default_id or content_id(text),
        text=text,
        title=clean_line(record[title_key]) if title_key else None,
        date=iso,
        url=record["url"].strip() if _usable(record, "url") else None,
        origin=origin,
        metadata={**{k: v for k, v in record.items() if k not in used}, **date_metadata},
    )


def _record_id(record: dict) -> str | None:
    value = record.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value.strip() if _nonblank_str(value) else None


def _usable(record: dict, key: str) -> bool:
    return _record_id(record) is not None if key == "id" else _nonblank_str(record.get(key))


def _nonblank_str(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _quoted_or(keys: tuple[str, ...]) -> str:
    quoted = [repr(key) for key in keys]
    return ", ".join(quoted[:-1]) + f" or {quoted[-1]}"


def read_jsonl_file(source: Source) -> Iterator[Article | Skipped]:
    """Stream a ``.jsonl`` or ``.jsonl.gz`` file line by line."""
    try:
        raw = open(source.path, "rb")
    except OSError as err:
        yield Skipped(source.label, describe_os_error(err))
        return
    with raw, decompressed(raw) as stream:
        if reason := binary_reason(peek(stream)):
            yield Skipped(source.label, reason)
            return
        yield from parse_jsonl_bytes(stream, source.label, stem_of(source.path))


def decompressed(raw: IO[bytes]):
    """A gzip reader over ``raw`` if it is gzip, by content not name, else ``raw`` itself."""
    is_gzip = peek(raw)[:2] == GZIP_MAGIC
    return gzip.GzipFile(fileobj=raw, mode="rb") if is_gzip else nullcontext(raw)


def peek(stream: IO[bytes]) -> bytes:
    """The first bytes of ``stream`` without consuming them; b"" if they cannot be read.

    A read error is left for the line loop, which reports it with a line number.
    """
    try:
        return stream.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]
    except _READ_ERRORS:
        return b""


def stem_of(path: Path) -> str:
    """``news.jsonl.gz`` -> ``news``."""
    name = path.name
    for suffix in (".gz", ".jsonl"):
        name = name.removesuffix(suffix)
    return name


def parse_jsonl_bytes(handle: IO[bytes], label: str, stem: str) -> Iterator[Article | Skipped]:
    """Articles and skips line by line; one Skipped for a file with no lines at all."""
    items = _parse_jsonl_bytes(handle, label, stem)
    first = next(items, None)
    if first is None:
        yield Skipped(label, "empty file: no JSON lines; remove it or add one article per line")
        return
    yield first
    yield from items


def _parse_jsonl_bytes(handle: IO[bytes], label: str, stem: str) -> Iterator[Article | Skipped]:
    offset = 0
    for lineno, line in _numbered_lines(handle, label):
        if isinstance(line, Skipped):
            yield line
            return
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as err:
            reason = undecodable_reason(line, err.start, label, base_offset=offset, base_line=lineno)
            yield Skipped(f"{label}:{lineno}", reason)
        else:
            if (item := parse_json_line(text, lineno, label, stem)) is not None:
                yield item
        offset += len(line)


def _numbered_lines(handle: IO[bytes], label: str) -> Iterator[tuple[int, bytes | Skipped]]:
    """(line number, bytes); a corrupt or truncated gzip ends with a Skipped."""
    lineno = 0
    try:
        for lineno, line in enumerate(handle, start=1):
            yield lineno, line
    except _READ_ERRORS as err:
        where = f"past line {lineno}" if lineno else "it"
        reason = f"cannot read {where} ({err}); the file looks truncated or corrupt: download or compress it again"
        yield lineno + 1, Skipped(f"{label}:{lineno + 1}", reason)


def read_stdin(stream: TextIO) -> Iterator[Article | Skipped]:
    """Stdin is JSONL if its first non-blank character is ``{``, else one text article."""
    try:
        yield from _read_stdin(stream)
    except UnicodeDecodeError as err:
        yield Skipped(STDIN_LABEL, _stdin_undecodable(f"byte 0x{err.object[err.start]:02x}"))


def _read_stdin(stream: TextIO) -> Iterator[Article | Skipped]:
    head: list[str] = []
    for line in stream:
        head.append(line)
        if line.strip("\ufeff \t\r\n"):
            break
    first = "".join(head).lstrip("\ufeff \t\r\n")
    if not first:
        yield Skipped(STDIN_LABEL, "empty input on stdin; pipe an article or JSONL lines into it")
    elif first.startswith("{"):
        for lineno, line in enumerate(chain(head, stream), start=1):
            if _ESCAPED_BYTE.search(line):
                yield Skipped(f"{STDIN_LABEL}:{lineno}", _stdin_undecodable("a byte"))
            elif (item := parse_json_line(line, lineno, STDIN_LABEL, STDIN_DOC_ID)) is not None:
                yield item
    else:
        raw = "".join(chain(head, stream))
        if match := _ESCAPED_BYTE.search(raw):
            line = raw.count("\n", 0, match.start()) + 1
            yield Skipped(STDIN_LABEL, _stdin_undecodable(f"a byte on line {line}"))
        else:
            article = parse_text(raw, STDIN_DOC_ID, STDIN_LABEL, markdown=False)
            if isinstance(article, Article):  # a second stdin build of another text must not look like this one
                article = replace(article, doc_id=content_id(article.text))
            yield article


# Python decodes stdin with surrogateescape under some locales: a bad byte
# arrives as a lone surrogate instead of an error.
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _stdin_undecodable(what: str) -> str:
    return f"not valid UTF-8 ({what} is not UTF-8); re-encode it, e.g. iconv -f latin1 -t utf-8 FILE | graphkit -"
