"""Graph -> CSV tables: one row per statement (event-data style) and one row per actor.

Both tables are UTF-8 CSV written with the csv module, so quotes, commas and line breaks inside
sentences survive. Rows are sorted, so the same graph always gives the same bytes. Empty cells
stand for None; booleans are ``true``/``false``.

.. warning:: Cells are written as they are. A spreadsheet may treat a cell that starts with
   ``=``, ``+``, ``-`` or ``@`` as a formula; open untrusted tables as text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO, Any

import networkx as nx

RELATION_COLUMNS = (
    "date", "source", "source_type", "source_country", "relation", "cameo", "plover", "goldstein",
    "target", "target_type", "target_country", "negated", "modality", "attributed_to", "location", "quantity",
    "confidence", "doc_id", "title", "url", "sentence_index", "sentence", "source_id", "target_id",
)
ACTOR_COLUMNS = ("id", "label", "type", "country", "affiliation", "wikidata", "mentions", "degree", "aliases", "roles")
LIST_SEPARATOR = "|"

_INT_COLUMNS = {"sentence_index", "mentions", "degree"}
_FLOAT_COLUMNS = {"goldstein", "confidence"}
_BOOL_COLUMNS = {"negated"}


def relation_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per evidence item of every edge, sorted by date, article, sentence, span and actors."""
    keyed = []
    for u, v, key, data in G.edges(keys=True, data=True):
        source, target = G.nodes[u], G.nodes[v]
        for item in data.get("evidence") or ():
            row = {
                "date": item.get("date"), "source": source.get("label"), "source_type": source.get("type"),
                "source_country": source.get("country"), "relation": data.get("relation", key),
                "cameo": data.get("cameo"), "plover": data.get("plover"), "goldstein": data.get("goldstein"),
                "target": target.get("label"), "target_type": target.get("type"),
                "target_country": target.get("country"), "negated": item.get("negated"),
                "modality": item.get("modality"), "attributed_to": item.get("attributed_to"),
                "location": item.get("location"), "quantity": item.get("quantity"),
                "confidence": item.get("confidence"), "doc_id": item.get("doc_id"), "title": item.get("title"),
                "url": item.get("url"), "sentence_index": item.get("sentence_index"),
                "sentence": item.get("sentence"), "source_id": u, "target_id": v,
            }
            keyed.append((_relation_order(row, item.get("char_span")), row))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def actor_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per node, sorted by id; aliases and roles joined with ``|``."""
    return [
        {
            "id": node, "label": data.get("label"), "type": data.get("type"), "country": data.get("country"),
            "affiliation": data.get("affiliation"), "wikidata": data.get("wikidata"),
            "mentions": data.get("mentions"), "degree": G.degree(node),
            "aliases": LIST_SEPARATOR.join(data.get("aliases") or ()),
            "roles": LIST_SEPARATOR.join(format_role(role) for role in data.get("roles") or ()),
        }
        for node, data in sorted(G.nodes(data=True), key=lambda pair: str(pair[0]))
    ]


def format_role(role: dict) -> str:
    """``Secretary of State (USA) 2021-01-26–2025-01-20``; the country and dates only where known."""
    parts = [role.get("title") or ""]
    if role.get("country"):
        parts.append(f"({role['country']})")
    if role.get("start") or role.get("end"):
        parts.append(f"{role.get('start') or ''}–{role.get('end') or ''}")
    return " ".join(parts)


def write_relations_csv(G: nx.MultiDiGraph, path: str | Path | IO) -> None:
    """Write one row per statement: who did what to whom, when, and the sentence that says so."""
    _write_csv(relation_rows(G), RELATION_COLUMNS, path)


def write_actors_csv(G: nx.MultiDiGraph, path: str | Path | IO) -> None:
    """Write one row per actor with its mentions, degree, aliases and roles."""
    _write_csv(actor_rows(G), ACTOR_COLUMNS, path)


def read_relations_csv(path: str | Path | IO) -> list[dict]:
    """Rows of a relations table with their types back (numbers, booleans, None for empty cells)."""
    return [_typed(row) for row in _read_csv(path)]


def read_actors_csv(path: str | Path | IO) -> list[dict]:
    """Rows of an actors table with their types back; ``aliases`` and ``roles`` as lists of strings."""
    rows = []
    for row in _read_csv(path):
        typed = _typed(row)
        for column in ("aliases", "roles"):
            typed[column] = row[column].split(LIST_SEPARATOR) if row[column] else []
        rows.append(typed)
    return rows


def _relation_order(row: dict, char_span) -> tuple:
    index = row["sentence_index"] if row["sentence_index"] is not None else -1
    return (row["date"] or "", str(row["doc_id"] or ""), index, list(char_span or ()), str(row["source_id"]),
            row["relation"] or "", str(row["target_id"]), bool(row["negated"]), row["modality"] or "")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _typed(row: dict) -> dict:
    typed: dict[str, Any] = {}
    for column, text in row.items():
        if text == "":
            typed[column] = None
        elif column in _INT_COLUMNS:
            typed[column] = int(text)
        elif column in _FLOAT_COLUMNS:
            typed[column] = float(text)
        elif column in _BOOL_COLUMNS:
            typed[column] = text == "true"
        else:
            typed[column] = text
    return typed


def _write_csv(rows: list[dict], columns: tuple[str, ...], path: str | Path | IO) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: _cell(row[column]) for column in columns} for row in rows)
    data = buffer.getvalue()
    if hasattr(path, "write"):
        try:
            path.write(data)
        except TypeError:  # a binary file
            path.write(data.encode("utf-8"))
    else:
        Path(path).write_text(data, encoding="utf-8", newline="")


def _read_csv(path: str | Path | IO) -> list[dict]:
    if hasattr(path, "read"):
        text = path.read()
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        return list(csv.DictReader(io.StringIO(text, newline="")))
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
