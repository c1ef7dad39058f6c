"""Read files, directories, JSONL (plain or gzip) and stdin into Articles: the only reader of raw input."""

from __future__ import annotations

import errno
import gzip
import hashlib
import json
import os
import re
import stat
import sys
import zlib
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import IO, Iterable, Iterator, NamedTuple, TextIO

from graphkit.models import Article, Skipped, slugify

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + JSONL_SUFFIXES

EMPTY_ARTICLE = "empty article: no text (a date line alone is not an article); add the body or leave the file out"
ONE_OBJECT_PER_LINE = "each line must be one JSON object"

STDIN_LABEL = "<stdin>"
STDIN_DOC_ID = "stdin"  # stdin articles without an id are "stdin-" + the start of the SHA-256 of their text

BINARY_SNIFF_BYTES = 8192
# A text file is read only up to this size: well past spaCy's 1,000,000-character limit.
MAX_TEXT_BYTES = 16 * 1024 * 1024
MAX_ID_LENGTH = 500
GZIP_MAGIC = b"\x1f\x8b"
# What a damaged or truncated (gzip) file raises part-way through.
_READ_ERRORS = (OSError, EOFError, zlib.error)
MAX_HEADING_WORDS = 14  # "under ~15 words"
# A document whose longest line is longer than this is not hard-wrapped: every
# common wrap width (72, 76, 80) is below it.
MAX_WRAP_WIDTH = 100
MIN_CARRIED_ON_LINES = 2

# JSONL fields, in order of preference.
TEXT_KEYS = ("text", "body", "content")
TITLE_KEYS = ("title", "headline")

# Closing quotes and brackets are looked through: `He said "no."` ends a sentence.
_CLOSERS = "\"'”’»)]"
_SENTENCE_END = ".!?…"
_FINAL_PUNCTUATION = _SENTENCE_END + ":"
# A line ending in one of these is unfinished ("MOSCOW (Reuters) -"), never a heading.
_CONTINUATION_END = ",;-–—(/&"
_OPENING_QUOTES = "\"'“‘«„"
# Words an English heading does not end on; a line ending on one was wrapped
# ("Russia trained the" / "North Korean soldiers").
_DANGLING_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "that", "than"}
    | {"of", "to", "in", "on", "at", "by", "from", "with", "into"}
)

_DATE_LINE = re.compile(r"date:?\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?", re.IGNORECASE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
# Month names are matched by strptime; these are the layouts news feeds use.
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2007\u202f]+")


# --- units: the heading and paragraph rules --------------------------------------------


class Unit(NamedTuple):
    """One line of ``Article.text``: a paragraph, or a headline/sub-heading."""

    text: str
    heading: bool = False


def join_units(lines: list[str]) -> Iterator[Unit]:
    """Turn cleaned lines ("" for blank) into units, one per output line.

    The NLP stage ends a sentence at every line break, so a wrong break splits a
    sentence while a wrong join only costs the segmenter a boundary it can still
    find. When unsure, join.

    Paragraphs: blank lines separate paragraphs. A line is joined to the next
    non-blank line with one space (a hard wrap) when it does not end a sentence
    (no final ``.``, ``!``, ``?`` or ``…``, looking through closing quotes and
    brackets) or when the next line starts with a lower-case letter
    ("the U.S." / "officials said"). A line that ends a sentence and is followed
    by a capitalised line ends its unit: the break is a sentence boundary anyway.

    Headings: a line is a heading, and so its own unit, only if all of
      1. it is short: under 15 words;
      2. it has no final punctuation: it does not end in ``.``, ``!``, ``?``,
         ``…`` or ``:`` (looking through closing quotes), nor in an unfinished
         ``,``, ``;`` or dash, nor on a word no heading ends on (articles,
         "and", "that", "of", "from", ...);
      3. it does not start with a lower-case letter;
      4. it starts a block: it is the first line, or follows a blank line, a
         heading, or a line that ended a unit. A line in the middle or at the
         end of a wrapped paragraph is never a heading;
      5. it stands apart: it is followed by a blank line or the end of the
         text, or the next line starts with a capital letter, a digit or a
         quote and (in a hard-wrapped document) the next word would have
         fitted on the line, so the writer, not the wrapper, broke it there.
         A document is hard-wrapped when no line is longer than 100
         characters and at least two lines start lower-case, carrying on the
         line above; its wrap width is its longest line. So a
         paragraph opening "Blinken met diplomats from South" / "Korea on
         Friday." stays one unit although "Korea" is capitalised.
    """
    width = wrap_width(lines)
    paragraph: list[str] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if not line:
            yield from _flush(paragraph)
        elif not paragraph and is_heading(line, following, width):
            yield Unit(line, heading=True)
        else:
            paragraph.append(line)
            if not continues(line, following):
                yield from _flush(paragraph)
    yield from _flush(paragraph)


def _flush(paragraph: list[str]) -> Iterator[Unit]:
    if paragraph:
        yield Unit(" ".join(paragraph))
        paragraph.clear()


def is_heading(line: str, following: str, width: int | None) -> bool:
    """Rules 1, 2, 3 and 5 of `join_units`; the caller checks rule 4."""
    if not looks_like_heading(line):
        return False
    if not following:
        return True
    return starts_new_block(following) and not is_wrap_break(line, following, width)


def looks_like_heading(line: str) -> bool:
    """Short, unpunctuated and not starting lower-case: ``No "invitation" for 100 years``."""
    return (
        len(line.split()) <= MAX_HEADING_WORDS
        and not has_final_punctuation(line)
        and not line.endswith(tuple(_CONTINUATION_END))
        and line.rsplit(" ", 1)[-1].lower() not in _DANGLING_WORDS
        and not line[0].islower()
    )


def continues(line: str, following: str) -> bool:
    """Whether ``following`` is the wrapped continuation of ``line``."""
    return bool(following) and (not ends_sentence(line) or following[0].islower())


def starts_new_block(line: str) -> bool:
    return line[0].isupper() or line[0].isdigit() or line[0] in _OPENING_QUOTES


def is_wrap_break(line: str, following: str, width: int | None) -> bool:
    """Whether the next word would not have fitted, so a wrapper broke the line."""
    if width is None:
        return False
    return len(line) + 1 + len(following.split()[0]) > width


def wrap_width(lines: list[str]) -> int | None:
    """The wrap width of a hard-wrapped document, or None when it is not wrapped.

    Wrapped means: no line longer than 100 characters, and at least two lines
    that carry on a sentence from the line above (start lower-case), which
    one-paragraph-per-line files and short snippets do not have.
    """
    longest = max(map(len, lines), default=0)
    carried_on = sum(1 for above, line in zip(lines, lines[1:]) if above and line[:1].islower())
    if longest > MAX_WRAP_WIDTH or carried_on < MIN_CARRIED_ON_LINES:
        return None
    return longest


def ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_END)


def has_final_punctuation(line: str) -> bool:
    return line.rstrip(_CLOSERS)[-1:] in tuple(_FINAL_PUNCTUATION)


# --- normalisation -------------------------------------------------------------------


def normalise_newlines(raw: str) -> str:
    """Strip a BOM and turn ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def clean_line(line: str) -> str:
    """Collapse runs of spaces, tabs and non-breaking spaces; strip the ends."""
    return _SPACES.sub(" ", line).strip()


def clean_lines(text: str) -> list[str]:
    return [clean_line(line) for line in text.split("\n")]


def normalise_date(value: object) -> str | None:
    """ISO ``YYYY-MM-DD`` for the date layouts news feeds use, else None.

    >>> normalise_date("December 31, 2017 ")
    '2017-12-31'
    """
    if not isinstance(value, str):
        return None
    value = clean_line(value)
    if match := _ISO_DATE.fullmatch(value):
        # The calendar date as written: converting a timestamp's zone would
        # move late-evening stories to the next day.
        return _valid_date(*map(int, match.groups()))
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(value, layout).date().isoformat()
        except ValueError:
            continue
    return None


def _valid_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def date_fields(value: object) -> tuple[str | None, dict]:
    """The ISO date, or None and ``{"raw_date": value}`` to keep what was there."""
    iso = normalise_date(value)
    if iso is None and value not in (None, ""):
        return None, {"raw_date": value}
    return iso, {}


# --- plain text and markdown ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    """What the plain-text header convention (``date YYYY-MM-DD kicker`` + headline) gave."""

    date: str | None = None
    headline: str | None = None
    metadata: dict = field(default_factory=dict)


def split_header(lines: list[str]) -> tuple[Header, list[str]]:
    """Take the optional ``date YYYY-MM-DD <kicker>`` line and the headline after it."""
    nonblank = [i for i, line in enumerate(lines) if line]
    if not nonblank or not (match := _DATE_LINE.fullmatch(lines[nonblank[0]])):
        return Header(), lines
    iso, metadata = date_fields(match.group(1))
    if match.group(2):
        metadata["kicker"] = match.group(2)
    if len(nonblank) == 1:
        return Header(iso, None, metadata), []
    headline_at = nonblank[1]
    return Header(iso, lines[headline_at], metadata), lines[headline_at + 1 :]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple ``key: value`` lines between ``---`` lines at the top, and the rest.

    Without a closing ``---`` there is no front matter and the text is returned whole.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return parse_front_matter(lines[1:end]), "\n".join(lines[end + 1 :])
    return {}, text


def parse_front_matter(lines: list[str]) -> dict[str, str]:
    """``key: value`` pairs; quotes around values removed, other YAML ignored."""
    pairs = {}
    for line in lines:
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if colon and key and not key.startswith(("#", "-")) and " " not in key:
            pairs[key] = value.strip().strip("\"'")
    return pairs


_FENCE = re.compile(r"(```|~~~)")
_ATX_HEADING = re.compile(r"#{1,6}\s+(.*?)(?:\s+#+)?")
_SETEXT_UNDERLINE = re.compile(r"(=+|-+)")
_HORIZONTAL_RULE = re.compile(r"([-*_]\s*){3,}")
_REFERENCE_DEFINITION = re.compile(r"\[[^\]]+\]:\s*\S+.*")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s+")
_BLOCKQUOTE = re.compile(r"(?:>\s?)+")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_INLINE_MARKDOWN = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"`+([^`]*)`+"), r"\1"),  # inline code
    (re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # *em*, **strong**
    # Underscores only around words, so snake_case and file_names survive.
    (re.compile(r"(?<!\w)(_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)"), r"\2"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
)


def strip_inline_markdown(line: str) -> str:
    """``**Russia** [said](https://x)`` -> ``Russia said``."""
    for pattern, replacement in _INLINE_MARKDOWN:
        line = pattern.sub(replacement, line)
    return line


def markdown_lines(text: str) -> Iterator[Unit]:
    """Plain lines from markdown; headings come flagged and between blank lines.

    The blank lines make every heading and list item a block of its own, so
    `join_units` never glues them to their neighbours.
    """
    lines = _HTML_COMMENT.sub("", text).split("\n")
    in_fence = False
    for i, raw in enumerate(lines):
        line = raw.strip()
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if _FENCE.match(line):
            in_fence = not in_fence
            yield Unit("")
        elif in_fence or _REFERENCE_DEFINITION.fullmatch(line):
            continue  # code and link targets are not prose
        elif heading := _ATX_HEADING.fullmatch(line):
            yield from _heading_block(heading.group(1))
        elif line and _SETEXT_UNDERLINE.fullmatch(following):
            yield from _heading_block(line)
        elif _SETEXT_UNDERLINE.fullmatch(line) or _HORIZONTAL_RULE.fullmatch(line):
            yield Unit("")
        else:
            yield from _prose_line(line)


def _heading_block(text: str) -> Iterator[Unit]:
    yield Unit("")
    yield Unit(strip_inline_markdown(text), heading=True)
    yield Unit("")


def _prose_line(line: str) -> Iterator[Unit]:
    line = _BLOCKQUOTE.sub("", line, count=1) if line.startswith(">") else line
    if item := _LIST_ITEM.match(line):
        yield Unit("")
        line = line[item.end() :]
    yield Unit(strip_inline_markdown(line))


def is_markdown_name(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def parse_text(raw: str, doc_id: str, origin: str, *, markdown: bool | None = None) -> Article | Skipped:
    """One plain-text or markdown article from a string.

    ``markdown`` defaults to whether ``origin`` ends in ``.md`` or ``.markdown``.

    >>> parse_text("date 2024-10-31 Breaking\\nRussia moves troops\\nThey moved.", "a", "a.txt").title
    'Russia moves troops'
    """
    if markdown is None:
        markdown = is_markdown_name(origin)
    text = normalise_newlines(raw)
    front, text = split_front_matter(text) if markdown else ({}, text)
    marked = list(markdown_lines(text)) if markdown else [Unit(line) for line in text.split("\n")]
    header, lines = split_header([clean_line(line) for line, _ in marked])
    units = ([Unit(header.headline, heading=True)] if header.headline else []) + list(join_units(lines))
    if not units:
        return Skipped(origin, EMPTY_ARTICLE)
    title = (
        clean_line(front.pop("title", ""))
        or header.headline
        or first_heading(marked)
        or _title_from_first_unit(units)
    )
    url = front.pop("url", "") or None
    front_date, date_metadata = date_fields(front.pop("date", None))
    return Article(
        doc_id=doc_id,
        text="\n".join(unit.text for unit in units),
        title=title,
        date=front_date or header.date,
        url=url,
        origin=origin,
        metadata={**header.metadata, **front, **date_metadata},
    )


def first_heading(marked: list[Unit]) -> str | None:
    return next((clean_line(line) for line, heading in marked if heading), None)


def _title_from_first_unit(units: list[Unit]) -> str | None:
    """Without a header, the first line is the title only if it reads as a heading."""
    return units[0].text if units[0].heading else None


# --- JSONL ---------------------------------------------------------------------------


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


# --- sources: what the inputs name ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Source:
    """One file to read (``path`` None for stdin), with its label as the user wrote it."""

    label: str
    path: Path | None
    kind: str  # "text", "markdown", "jsonl" or "stdin"
    relative: str = ""  # path under the directory it was found in; the label otherwise


def kind_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "markdown" if lower.endswith(MARKDOWN_SUFFIXES) else "text"


def is_supported(name: str) -> bool:
    return name.lower().endswith(SUPPORTED_SUFFIXES)


def expand_input(arg: str | os.PathLike) -> Iterator[Source | Skipped]:
    """The files one input names: itself, the supported files under a directory, or stdin."""
    label = os.fspath(arg)
    if label == "-":
        yield Source(STDIN_LABEL, None, "stdin", STDIN_LABEL)
        return
    path = Path(label)
    try:
        path.stat()
    except OSError as err:
        yield Skipped(label, describe_os_error(err))
        return
    if path.is_dir():
        yield from walk_directory(path)
    else:
        yield Source(label, path, kind_of(path.name), label)


def walk_directory(root: Path) -> Iterator[Source | Skipped]:
    """Supported files under ``root``, sorted by relative path, hidden ones left out."""
    found: list[tuple[tuple[str, ...], Source | Skipped]] = []

    def report(err: OSError) -> None:
        failed = Path(err.filename or root)
        found.append((_relative_parts(failed, root), Skipped(str(failed), describe_os_error(err))))

    for folder, dirnames, filenames in os.walk(root, onerror=report):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and is_supported(name):
                path = Path(folder, name)
                parts = _relative_parts(path, root)
                reason = not_regular_reason(path)
                item = Skipped(str(path), reason) if reason else Source(str(path), path, kind_of(name), "/".join(parts))
                found.append((parts, item))
    if not found:
        looked_for = ", ".join(SUPPORTED_SUFFIXES)
        yield Skipped(str(root), f"no supported files in directory (looked for {looked_for}); name the files or convert them")
    yield from (item for _, item in sorted(found, key=lambda pair: pair[0]))


def not_regular_reason(path: Path) -> str | None:
    """Why a file found in a directory is not read (a FIFO would block, a device never ends), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        return describe_os_error(err)
    if stat.S_ISREG(mode):
        return None
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
    return f"{kind}, not a regular file; left out of the directory (name it on its own to read it)"


def _relative_parts(path: Path, root: Path) -> tuple[str, ...]:
    try:
        return path.relative_to(root).parts
    except ValueError:
        return path.parts


def describe_os_error(err: OSError) -> str:
    """The reason shown for a file that cannot be opened, with what to do next."""
    if isinstance(err, (FileNotFoundError, NotADirectoryError)):
        return "no such file or directory; check the path"
    if isinstance(err, PermissionError):
        return "permission denied; make it readable (chmod u+r) or leave it out"
    if err.errno == errno.ELOOP:
        return "a symbolic link loop; remove or fix the link"
    return f"cannot read ({err.strerror or err})"


def collect_sources(inputs: Iterable[str | os.PathLike]) -> Iterator[Source | Skipped]:
    """Every file the inputs name, in order; a file named twice is read once."""
    seen: set[Path] = set()
    for arg in inputs:
        for item in expand_input(arg):
            if isinstance(item, Source) and item.path is not None:
                key = Path(os.path.realpath(item.path))  # never raises, also on a symlink loop
                if key in seen:
                    continue
                seen.add(key)
            yield item


def assign_doc_ids(sources: Iterable[Source]) -> dict[str, str]:
    """doc_id per text/markdown label: the file stem, or a path slug where stems clash.

    ``news/a/report.txt`` and ``news/b/report.md`` read from ``news/`` become
    ``a-report`` and ``b-report``; a file whose stem is unique keeps its stem.
    """
    texts = {s.label: s.relative for s in sources if s.kind in ("text", "markdown")}
    candidates = (
        lambda label: Path(label).stem,
        lambda label: slugify(str(Path(texts[label]).with_suffix(""))),
        lambda label: slugify(str(Path(label).with_suffix(""))),
        lambda label: slugify(label),
    )
    ids: dict[str, str] = {}
    pending = list(texts)
    for candidate in candidates:
        pending = _take_unique(pending, candidate, ids)
    for n, label in enumerate(pending, start=2):  # still clashing: number them
        ids[label] = f"{slugify(label)}-{n}"
    return ids


def _take_unique(labels: list[str], candidate, ids: dict[str, str]) -> list[str]:
    """Give each label whose candidate id is unique (and not yet taken) that id; return the rest."""
    proposed = [candidate(label) for label in labels]
    counts = Counter(proposed)
    taken = set(ids.values())
    rest = []
    for label, doc_id in zip(labels, proposed):
        if counts[doc_id] == 1 and doc_id not in taken:
            ids[label] = doc_id
        else:
            rest.append(label)
    return rest


# --- reading ------------------------------------------------------------------------


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
        return Skipped(source.label, f"over {MAX_TEXT_BYTES // 2**20} MiB of text, more than one article can be; split it into articles (e.g. JSONL, one per line)")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return Skipped(source.label, undecodable_reason(data, err.start, source.label))
    return parse_text(raw, doc_id, source.label, markdown=source.kind == "markdown")


def binary_reason(head: bytes) -> str | None:
    """Why ``head`` (a file's first bytes) is not text, or None when it may be."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text, expected UTF-8; re-encode it, e.g. iconv -f utf-16 -t utf-8"
    if b"\x00" in head:
        offset = head.index(b"\x00")
        return f"binary file (NUL byte at offset {offset}); expected UTF-8 text, markdown or JSONL"
    return None


def undecodable_reason(
    data: bytes, offset: int, label: str, *, base_offset: int = 0, base_line: int = 1
) -> str:
    """Where the first byte that is not UTF-8 is, and how to re-encode the file."""
    line = base_line + data.count(b"\n", 0, offset)
    return (
        f"not valid UTF-8: byte 0x{data[offset]:02x} at byte offset {base_offset + offset} (line {line}); "
        f"re-encode the file as UTF-8, e.g. {reencode_command(label)}"
    )


def reencode_command(label: str) -> str:
    """A shell command that re-encodes ``label`` from Latin-1, the usual culprit."""
    name = Path(label).name
    if name.endswith(".gz"):
        return f"zcat {label} | iconv -f latin1 -t utf-8 | gzip > utf8-{name}"
    return f"iconv -f latin1 -t utf-8 {label} > utf8-{name}"


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
