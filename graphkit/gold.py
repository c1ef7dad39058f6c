"""Gold records that refer to their article instead of carrying it, and the checks every gold file passes.

A real-news gold record names its article by ``id`` and pins the text by ``sha256`` (of the UTF-8
text) instead of holding ``text``: the articles are Reuters' copyright and stay out of the
repository. ``ArticleTexts`` reads a corpus (JSONL or .jsonl.gz, one article object a line, as
ingest reads it) so that evaluation can put the text back. ``check_record`` is the validator the
annotators run on every batch (scripts/validate_gold.py) and the tests run on every gold file.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .schema import ACTOR_TYPES, MODALITIES

_ISO3 = re.compile(r"^[A-Z]{3}$")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    id: str
    text: str
    title: str | None
    date: str | None


class CorpusError(ValueError):
    """A corpus of texts that cannot be read; the message names the file and line."""


class ArticleTexts:
    """The articles of one or more corpora by id, read lazily on first lookup."""

    def __init__(self, paths: list[str | Path]):
        self.paths = [Path(p) for p in paths]
        self._articles: dict[str, CorpusArticle] | None = None

    def _load(self) -> dict[str, CorpusArticle]:
        if self._articles is None:
            self._articles = {}
            for path in self.paths:
                self._articles.update(_read_corpus(path))
        return self._articles

    def get(self, article_id: str) -> CorpusArticle | None:
        return self._load().get(article_id)


def _read_corpus(path: Path) -> dict[str, CorpusArticle]:
    articles = {}
    opener = gzip.open if path.suffix == ".gz" else open
    number = 0
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    entry = json.loads(line)
                    if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or "id" not in entry:
                        raise CorpusError(f"{path}:{number}: expected a JSON object with an id and a text")
                    articles[str(entry["id"])] = CorpusArticle(str(entry["id"]), entry["text"], entry.get("title"), entry.get("date"))
    except json.JSONDecodeError as error:
        raise CorpusError(f"{path}:{number}: malformed JSON: {error.msg}") from None
    except (OSError, UnicodeDecodeError, EOFError) as error:
        raise CorpusError(f"{path}: cannot read the corpus: {getattr(error, 'strerror', None) or error}") from None
    return articles


def resolve_text(record: dict, texts: ArticleTexts | None) -> str:
    """The record's text: its own ``text``, or its article's from ``texts`` checked against ``sha256``.

    Raises LookupError with a message that says which id is missing or changed.
    """
    if "text" in record:
        return record["text"]
    if texts is None:
        raise LookupError(f"{record.get('id')}: the record has no text; give the corpus with --texts")
    article = texts.get(str(record.get("id")))
    if article is None:
        raise LookupError(f"{record.get('id')}: not found in {', '.join(map(str, texts.paths))}")
    expected = record.get("sha256")
    if expected and text_sha256(article.text) != expected:
        raise LookupError(f"{record.get('id')}: the text in the corpus has changed since it was annotated (sha256 differs)")
    return article.text


def check_record(record: dict, text: str, relation_names: set[str], symmetric: set[str]) -> list[str]:
    """Every problem with one gold record, as short sentences; an empty list means it is valid."""
    problems = []
    actors = {}
    for actor in record.get("actors", []):
        name = actor.get("name")
        if not isinstance(name, str) or not name:
            problems.append(f"an actor without a name: {actor!r}")
            continue
        if name in actors:
            problems.append(f"actor {name!r} is listed twice")
        actors[name] = actor
        if actor.get("type") not in ACTOR_TYPES:
            problems.append(f"actor {name!r}: type {actor.get('type')!r} is not one of {', '.join(ACTOR_TYPES)}")
        for alias in actor.get("aliases") or []:
            if not isinstance(alias, str):
                problems.append(f"actor {name!r}: alias {alias!r} is not a string")
            elif alias not in text and not (actor.get("type") == "State" and _ISO3.match(alias)):
                problems.append(f"actor {name!r}: alias {alias!r} does not occur in the text")
    seen = set()
    for relation in record.get("relations", []):
        source, target, name = relation.get("source"), relation.get("target"), relation.get("relation")
        label = f"{source} -{name}-> {target}"
        if name not in relation_names:
            problems.append(f"{label}: {name!r} is not in the relation vocabulary")
        for end in (source, target):
            if end not in actors:
                problems.append(f"{label}: {end!r} is not an actor of the record")
            elif actors[end].get("type") == "Location":
                problems.append(f"{label}: {end!r} is a Location, never an endpoint")
        if source == target:
            problems.append(f"{label}: a self-loop")
        if not isinstance(relation.get("negated", False), bool):
            problems.append(f"{label}: negated must be true or false")
        if relation.get("modality", "asserted") not in MODALITIES:
            problems.append(f"{label}: modality {relation.get('modality')!r} is not one of {', '.join(MODALITIES)}")
        ends = tuple(sorted((str(source), str(target)))) if name in symmetric else (source, target)
        key = (*ends, name, bool(relation.get("negated", False)))
        if key in seen:
            problems.append(f"{label}: listed twice (one edge per source, relation, target and negation)")
        seen.add(key)
    return problems
