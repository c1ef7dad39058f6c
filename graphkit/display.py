"""User text made safe to show: escaped for the terminal, bidi controls made visible and long labels cut for the explorer.

Labels, ids, file names and sentences come from the input, so they may hold terminal escape
sequences (``\\x1b[2J``), bidi overrides (U+202E turns "gpj.exe" around) or 300,000 characters.
The stored graph keeps them as they are; only what is shown is changed:

* :func:`printable` for anything printed to a terminal: control characters (C0, C1, DEL) and
  bidi controls become ``\\xNN``/``\\uNNNN`` escapes.
* :func:`display_graph` for the explorer (graph.html, ``graphkit view``): bidi controls become
  a visible ``[U+202E]``, other control characters ``\\xNN``, and labels longer than
  ``MAX_LABEL`` characters are cut with "… (N characters)". The full label stays in graph.ttl,
  the CSV tables and the other files.
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

MAX_LABEL = 200
MAX_PRINTED = 300
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_CONTROLS + "]")
_BIDI = re.compile("[" + BIDI_CONTROLS + "]")
_EVIDENCE_TEXT = ("sentence", "title", "source_text", "target_text", "trigger", "attributed_to", "location", "quantity")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, limit: int | None = MAX_PRINTED) -> str:
    """``text`` with control and bidi characters escaped (line breaks too), cut at ``limit`` characters."""
    text = _CONTROL_OR_NEWLINE.sub(_escape, str(text))
    if limit is not None and len(text) > limit:
        return text[:limit] + f"… ({len(text):,} characters)"
    return text


def visible(text: str) -> str:
    """Bidi controls as ``[U+202E]``, other control characters (not tab or newline) as ``\\xNN``."""
    text = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)
    return _CONTROL.sub(_escape, text)


def display_label(label: str, limit: int = MAX_LABEL) -> str:
    label = visible(label)
    return label if len(label) <= limit else label[:limit] + f"… ({len(label):,} characters)"


def display_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose shown text is safe (see the module docstring); ``G`` is unchanged."""
    H = G.copy()
    for _, data in H.nodes(data=True):
        if isinstance(data.get("label"), str):
            data["label"] = display_label(data["label"])
        if data.get("aliases"):
            data["aliases"] = [display_label(str(alias)) for alias in data["aliases"]]
    for _, _, data in H.edges(data=True):
        if data.get("evidence"):
            data["evidence"] = [_display_item(item) for item in data["evidence"]]
    return H


def _display_item(item: dict) -> dict:
    shown = dict(item)
    for key in _EVIDENCE_TEXT:
        if isinstance(shown.get(key), str):
            shown[key] = visible(shown[key])
    return shown


def write_display_html(G: nx.MultiDiGraph, path, **options) -> Path:
    """graph.html of ``display_graph(G)``."""
    from .export.html import write_html

    return write_html(display_graph(G), path, **options)
