"""Bounds on the work one article can cause: its length, and the length of the sentences relations are read from.

* An article longer than the model's ``nlp.max_length`` (1,000,000 characters for spaCy) is
  parsed in parts cut at line breaks (paragraphs: ingest puts one per line), or at a space when
  one line is longer than that; the mentions and relations of the parts get offsets and sentence
  indices into the whole article, so the result reads as one article. Pronouns do not reach
  across a cut.
* Relation extraction compares the words of a sentence with each other, so its time grows
  with the square of a sentence's length. A run of more than ``MAX_SENTENCE_TOKENS`` tokens
  without a sentence boundary (a table flattened into prose, a list of 10,000 names) is cut
  into windows of at most that many tokens before parsing, preferably after a full stop (a
  wire story is often one line, so the run is several sentences), else after a ``;``, ``,`` or
  ``:`` in the second half of the window; the parser keeps these boundaries. Ordinary news
  sentences are far shorter and are never cut; a cut sentence loses only the relations that
  would span a cut.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .models import Article, Mention, Relation

MAX_SENTENCE_TOKENS = 250
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_SOFT_BREAKS = frozenset({";", ",", ":", "—", "–", "-", "|"})


@Language.component("graphkit_sentence_window")
def sentence_window(doc: Doc) -> Doc:
    """Start a sentence at least every MAX_SENTENCE_TOKENS tokens (before the parser runs)."""
    for start in window_starts(doc, MAX_SENTENCE_TOKENS):
        doc[start].is_sent_start = True
    return doc


def window_starts(doc: Doc, limit: int) -> list[int]:
    """Token indices where a new sentence must start so that no run between starts exceeds ``limit``."""
    starts = []
    run_start = 0
    for token in doc:
        if token.i > run_start and token.is_sent_start:
            run_start = token.i
        elif token.i - run_start >= limit:
            cut = _soft_cut(doc, run_start + limit // 2, token.i)
            starts.append(cut)
            run_start = cut
    return starts


def _soft_cut(doc: Doc, low: int, high: int) -> int:
    """Where to cut a long run in (low, high]: after the last sentence-final mark (the parser
    has not split sentences yet, and a wire story is often one line), else after the last
    comma-like token, else at ``high``."""
    for breaks in (_SENTENCE_ENDS, _SOFT_BREAKS):
        for i in range(high, low, -1):
            if doc[i - 1].text in breaks and not doc[i].is_punct:
                return i
    return high


def add_sentence_window(nlp: Language) -> None:
    """Put the window before the parser (after graphkit's line sentences when they are there)."""
    if "graphkit_sentence_window" in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe("graphkit_sentence_window", before="parser")


def article_parts(article: Article, limit: int) -> list[tuple[int, Article]]:
    """``[(0, article)]`` when it fits in ``limit`` characters, else (offset, part) cut at line breaks (or spaces)."""
    text = article.text
    if len(text) <= limit:
        return [(0, article)]
    parts, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            cut = cut if cut > start else text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        parts.append((start, replace(article, text=text[start:end])))
        start = end
    return parts


def shift_mentions(mentions: Iterable[Mention], chars: int, sentences: int) -> list[Mention]:
    """Mentions of a part, with offsets and sentence indices into the whole article."""
    return [replace(m, start_char=m.start_char + chars, end_char=m.end_char + chars, sentence_index=m.sentence_index + sentences)
            for m in mentions]


def shift_relations(relations: Iterable[Relation], chars: int, sentences: int) -> list[Relation]:
    """Relations of a part, with evidence offsets and sentence indices into the whole article."""
    shifted = []
    for r in relations:
        start, end = r.evidence.char_span
        evidence = replace(r.evidence, char_span=(start + chars, end + chars), sentence_index=r.evidence.sentence_index + sentences)
        shifted.append(replace(r, evidence=evidence))
    return shifted
