"""User actor lists in CSV, YAML and JSON: files -> records (PETRARCH dictionaries are in ``petrarch``)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from graphkit.resources import ontology_file

from .names import _iso_date, normalise_name

CSV_COLUMNS = ("label", "type", "aliases", "country", "affiliation", "wikidata", "role", "role_start", "role_end")


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_text(path: Path) -> str:
    """Text of a file, line by line UTF-8 with a Windows-1252 fallback (the PETRARCH files mix both).

    A byte-order mark is honoured: Excel's "CSV UTF-8" (UTF-8 with BOM) and UTF-16 files read as text.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise OSError(f"cannot read actor list {str(path)!r}: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError(f"{path}: starts like UTF-16 but is not valid UTF-16; save it as UTF-8") from None
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "\n".join(_decode_line(line) for line in data.split(b"\n"))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def _records_from(data, path: Path) -> list[Mapping]:
    if isinstance(data, Mapping) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
        raise ValueError(f"{path}: expected a list of actor records (or a mapping with an 'actors' list)")
    return data


def read_yaml_records(path: str | os.PathLike) -> list[Mapping]:
    path = Path(path)
    try:
        data = yaml.load(_read_text(path), Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        raise ValueError(_yaml_error(path, error)) from None
    return _records_from(data or [], path)


def _yaml_error(path: Path, error: yaml.YAMLError) -> str:
    """One line: where in the file, what is wrong, what to do."""
    mark = getattr(error, "problem_mark", None)
    where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
    problem = " ".join(str(getattr(error, "problem", None) or error).split())
    if "python/" in problem or "could not determine a constructor" in problem:
        tag = re.search(r"tag:yaml\.org,2002:([^'\s]+)", problem) or re.search(r"(!\S+)", problem)
        shown = ("!!" + tag.group(1) if tag.group(0).startswith("tag:") else tag.group(1)) if tag else "(a Python tag)"
        return (f"{where}: the tag {shown} is not allowed; actor lists hold plain data "
                "(strings, lists, mappings), so remove the tag")
    return f"{where}: YAML syntax error: {problem[:200]}; fix the line (quote values that hold ':' or '#')"


def read_json_records(path: str | os.PathLike) -> list[Mapping]:
    path = Path(path)
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}:{error.lineno}: invalid JSON: {error.msg} (column {error.colno}); "
                         "expected a list of actor records") from None
    except (ValueError, RecursionError) as error:
        raise ValueError(f"{path}: invalid JSON: {' '.join(str(error).split())[:200] or 'nested too deeply'}") from None
    if isinstance(data, Mapping) and "states" in data:
        data = data["states"]
    return _records_from(data, path)


def read_csv_records(path: str | os.PathLike) -> list[dict]:
    """Rows of an actor CSV as records; rows repeating a label add roles to the first."""
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    missing = {"label", "type"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}; "
                         f"expected columns {','.join(CSV_COLUMNS)}")
    unknown = set(reader.fieldnames or ()) - set(CSV_COLUMNS)
    if unknown:
        raise ValueError(f"{path}: unknown column(s) {', '.join(sorted(unknown))}; expected {','.join(CSV_COLUMNS)}")
    records: dict[str, dict] = {}
    for line, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not row.get("label"):
            continue
        key = normalise_name(row["label"])
        record = records.setdefault(key, {"label": row["label"], "type": row["type"], "aliases": [], "roles": []})
        record["aliases"] += [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        for column in ("country", "affiliation", "wikidata"):
            if row.get(column):
                record[column] = row[column]
        if row.get("role"):
            record["roles"].append({"title": row["role"], "country": row.get("country") or None,
                                    "start": _iso_date(row.get("role_start"), f"{path}:{line}"),
                                    "end": _iso_date(row.get("role_end"), f"{path}:{line}")})
    return list(records.values())


def _load_yaml_file(name: str):
    return yaml.load(ontology_file(name).read_text(encoding="utf-8"), Loader=_YAML_LOADER)
