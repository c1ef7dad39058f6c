"""Writing a finished export to a path or to a file the caller opened."""

from __future__ import annotations

from pathlib import Path
from typing import IO


def write_utf8(data: str | bytes, path: str | Path | IO) -> None:
    """Write ``data`` as UTF-8, byte for byte (no newline translation), to a path or an open
    file in text or binary mode."""
    encoded = data.encode("utf-8") if isinstance(data, str) else data
    if not hasattr(path, "write"):
        Path(path).write_bytes(encoded)
        return
    try:
        path.write(encoded)
    except TypeError:  # a text-mode file
        path.write(encoded.decode("utf-8"))
