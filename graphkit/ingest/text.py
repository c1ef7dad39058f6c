"""Plain-text and markdown articles: the date/headline header, front matter, markdown to plain lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from graphkit.models import Article, Skipped

from .units import _DATE_LINE, EMPTY_ARTICLE, MARKDOWN_SUFFIXES, Unit, clean_line, date_fields, join_units, normalise_newlines

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
