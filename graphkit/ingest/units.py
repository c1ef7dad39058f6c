"""Constants of the readers, the heading and paragraph rules that turn lines into units, and normalisation."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import NamedTuple

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
    carried_on = sum(1 for above, line in zip(lines, lines[1:], strict=False) if above and line[:1].islower())
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
