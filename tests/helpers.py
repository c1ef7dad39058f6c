"""Shared test helpers: one loaded extractor per session, and a compact view of its output."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from graphkit.models import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "examples" / "2024-10-31-north-korean-troops-kursk.txt"
# The one-statement article the command-line tests build from (the workdir fixture writes it).
BLINKEN = "Russia had trained the North Korean soldiers for artillery battles, Blinken said.\n"


@lru_cache(maxsize=1)
def extractor():
    from graphkit.pipeline import Extractor

    return Extractor()


def analyse(text: str, date: str = "2024-10-31", doc_id: str = "t"):
    """Mentions and relations of one text, as the pipeline produces them."""
    return next(extractor().process([Article(doc_id, text, date=date)]))


def triples(text: str, date: str = "2024-10-31") -> set[tuple]:
    """{(source label, relation, target label, negated, modality)} stated in ``text``."""
    return {(r.source.label, r.relation, r.target.label, r.negated, r.modality) for r in analyse(text, date).relations}


def labels(text: str, date: str = "2024-10-31") -> dict[str, str]:
    """{mention text: canonical actor label} for ``text``."""
    return {m.text: m.actor.label for m in analyse(text, date).mentions}


def write(path: Path, content: str | bytes) -> Path:
    """A test input file, its folders created; bytes are written as they are, text as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: dict | str) -> str:
    """JSONL text; a str record is written as the raw line."""
    return "".join((record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records)
