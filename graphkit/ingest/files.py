"""What the inputs name: files, directory walks (no loops, no FIFOs or devices), doc_ids from file names, and why a file is not read."""

from __future__ import annotations

import errno
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from graphkit.models import Skipped, slugify

from .units import JSONL_SUFFIXES, MARKDOWN_SUFFIXES, STDIN_LABEL, SUPPORTED_SUFFIXES


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
    is_device = stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device" if is_device else "not a regular file"
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
    for label, doc_id in zip(labels, proposed, strict=True):
        if counts[doc_id] == 1 and doc_id not in taken:
            ids[label] = doc_id
        else:
            rest.append(label)
    return rest


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
