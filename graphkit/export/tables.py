"""Graph -> CSV tables: one row per statement (events), one per edge (relations), one per actor.

* ``events.csv``, in the style of event data sets (ICEWS, PLOVER): who did what to whom, when,
  with the sentence that says so; one row per evidence item.
* ``relations.csv``: the aggregated edge list, one row per (source, relation, target), with
  counts and first and last dates, for network tools that import a table of edges.
* ``actors.csv``: one row per actor.

All three are UTF-8 CSV written with the csv module, so quotes, commas and line breaks inside
sentences survive. Rows are sorted on their content, so the same graph always gives the same
bytes, whatever order its nodes and edges were added in. Empty cells stand for None; booleans
are ``true``/``false``; numbers are written as Python writes them, so they read back exactly.

.. warning:: By default cells are written as they are. A spreadsheet may treat a text cell that
   starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) as a formula. With
   ``excel_safe=True`` (``graphkit build --excel-safe``) such text cells get a leading ``'``, as
   OWASP recommends for CSV injection; number columns are left alone. The readers here do not
   remove the ``'``: excel-safe tables are for spreadsheets, not for reading back.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .files import write_utf8

EVENT_COLUMNS = (
    "date", "source_label", "source_iso3", "relation", "cameo_root", "plover_type", "goldstein",
    "target_label", "target_iso3", "negated", "modality", "confidence", "doc_id", "url", "sentence",
    "quad_class", "source_type", "target_type", "attributed_to", "attributed_to_id", "location", "quantity",
    "title", "sentence_index", "char_start", "char_end", "trigger", "source_text", "target_text",
    "source_id", "target_id",
)
RELATION_COLUMNS = (
    "source_label", "relation", "target_label", "first_date", "last_date", "count", "articles", "sources",
    "asserted", "negated", "confidence", "cameo_root", "plover_type", "quad_class", "goldstein",
    "source_type", "source_iso3", "target_type", "target_iso3", "source_id", "target_id",
)
ACTOR_COLUMNS = ("id", "label", "type", "country", "affiliation", "wikidata", "mentions", "degree", "mention_only", "aliases", "roles")
LIST_SEPARATOR = "|"

INT_COLUMNS = frozenset({"sentence_index", "char_start", "char_end", "count", "articles", "sources", "mentions", "degree"})
FLOAT_COLUMNS = frozenset({"goldstein", "confidence"})
BOOL_COLUMNS = frozenset({"negated", "asserted", "mention_only"})
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def event_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per evidence item of every edge, sorted by date, article, sentence, span, then every cell."""
    rows = []
    for u, v, key, data in G.edges(keys=True, data=True):
        source, target = G.nodes[u], G.nodes[v]
        for item in data.get("evidence") or ():
            start, end = item.get("char_span") or (None, None)
            rows.append({
                "date": item.get("date"), "source_label": source.get("label"), "source_iso3": source.get("country"),
                "relation": data.get("relation", key), "cameo_root": data.get("cameo"),
                "plover_type": data.get("plover"), "goldstein": data.get("goldstein"),
                "target_label": target.get("label"), "target_iso3": target.get("country"),
                "negated": item.get("negated"), "modality": item.get("modality"),
                "confidence": item.get("confidence"), "doc_id": item.get("doc_id"), "url": item.get("url"),
                "sentence": item.get("sentence"), "quad_class": data.get("quad_class"),
                "source_type": source.get("type"), "target_type": target.get("type"),
                "attributed_to": item.get("attributed_to"), "attributed_to_id": item.get("attributed_to_id"),
                "location": item.get("location"), "quantity": item.get("quantity"), "title": item.get("title"),
                "sentence_index": item.get("sentence_index"), "char_start": start, "char_end": end,
                "trigger": item.get("trigger"), "source_text": item.get("source_text"),
                "target_text": item.get("target_text"), "source_id": u, "target_id": v,
            })
    first = ("date", "doc_id", "sentence_index", "char_start", "char_end", "source_id", "relation", "target_id")
    return sorted(rows, key=lambda row: _sort_key(row, first, EVENT_COLUMNS))


def relation_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per edge, sorted by source id, relation and target id."""
    rows = []
    for u, v, key, data in G.edges(keys=True, data=True):
        source, target = G.nodes[u], G.nodes[v]
        rows.append({
            "source_label": source.get("label"), "relation": data.get("relation", key),
            "target_label": target.get("label"), "first_date": data.get("first_date"),
            "last_date": data.get("last_date"), "count": data.get("count"), "articles": data.get("articles"),
            "sources": data.get("sources"), "asserted": data.get("asserted"), "negated": data.get("negated"),
            "confidence": data.get("confidence"), "cameo_root": data.get("cameo"),
            "plover_type": data.get("plover"), "quad_class": data.get("quad_class"),
            "goldstein": data.get("goldstein"), "source_type": source.get("type"),
            "source_iso3": source.get("country"), "target_type": target.get("type"),
            "target_iso3": target.get("country"), "source_id": u, "target_id": v,
        })
    return sorted(rows, key=lambda row: _sort_key(row, ("source_id", "relation", "target_id"), RELATION_COLUMNS))


def actor_rows(G: nx.MultiDiGraph) -> list[dict]:
    """One row per node, sorted by id; aliases and roles joined with ``|``."""
    return [
        {
            "id": node, "label": data.get("label"), "type": data.get("type"), "country": data.get("country"),
            "affiliation": data.get("affiliation"), "wikidata": data.get("wikidata"),
            "mentions": data.get("mentions"), "degree": G.degree(node), "mention_only": G.degree(node) == 0,
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


def write_events_csv(G: nx.MultiDiGraph, path: str | Path | IO, excel_safe: bool = False) -> None:
    """Write one row per statement: who did what to whom, when, and the sentence that says so.

    >>> write_events_csv(G, "events.csv")                                       # doctest: +SKIP
    >>> pandas.read_csv("events.csv", parse_dates=["date"], keep_default_na=False)  # doctest: +SKIP
    """
    _write_csv(event_rows(G), EVENT_COLUMNS, path, excel_safe)


def write_relations_csv(G: nx.MultiDiGraph, path: str | Path | IO, excel_safe: bool = False) -> None:
    """Write one row per edge: source, relation, target, how often, when first and last, how sure."""
    _write_csv(relation_rows(G), RELATION_COLUMNS, path, excel_safe)


def write_actors_csv(G: nx.MultiDiGraph, path: str | Path | IO, excel_safe: bool = False) -> None:
    """Write one row per actor with its mentions, degree, aliases and roles."""
    _write_csv(actor_rows(G), ACTOR_COLUMNS, path, excel_safe)


def read_events_csv(path: str | Path | IO) -> list[dict]:
    """Rows of an events table with their types back (numbers, booleans, None for empty cells)."""
    return [_typed(row) for row in _read_csv(path)]


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


def _sort_key(row: dict, first: tuple[str, ...], columns: tuple[str, ...]) -> tuple:
    """Order by ``first`` (numbers as numbers, None first), then by every cell, so ties still have one order."""
    def part(column: str):
        value = row[column]
        if column in INT_COLUMNS or column in FLOAT_COLUMNS:
            return (0, 0) if value is None else (1, value)
        return _cell(value)

    return tuple(part(column) for column in first) + tuple(_cell(row[column]) for column in columns)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _safe_cell(column: str, value: Any) -> str:
    """A text cell a spreadsheet would run as a formula, with a ``'`` in front; numbers as they are."""
    text = _cell(value)
    if column in INT_COLUMNS or column in FLOAT_COLUMNS or isinstance(value, (int, float)):
        return text
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _typed(row: dict) -> dict:
    typed: dict[str, Any] = {}
    for column, text in row.items():
        if text == "":
            typed[column] = None
        elif column in INT_COLUMNS:
            typed[column] = int(text)
        elif column in FLOAT_COLUMNS:
            typed[column] = float(text)
        elif column in BOOL_COLUMNS:
            typed[column] = text == "true"
        else:
            typed[column] = text
    return typed


def _write_csv(rows: list[dict], columns: tuple[str, ...], path: str | Path | IO, excel_safe: bool = False) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    cell = _safe_cell if excel_safe else (lambda column, value: _cell(value))
    writer.writerows({column: cell(column, row[column]) for column in columns} for row in rows)
    write_utf8(buffer.getvalue(), path)


def _read_csv(path: str | Path | IO) -> list[dict]:
    if hasattr(path, "read"):
        text = path.read()
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        return list(csv.DictReader(io.StringIO(text, newline="")))
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))
