"""Shared test helpers: one loaded extractor per session, and a compact view of its output."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graphkit.models import Article

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "examples" / "2024-10-31-north-korean-troops-kursk.txt"


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
