"""Bounds on the work one article can cause: its length, and the length of the sentences relations are read from.

* An article longer than the model's ``nlp.max_length`` (1,000,000 characters for spaCy) is
  skipped with one line naming it; the rest of the run goes on.
* Relation extraction compares the words of a sentence with each other, so its time grows
  with the square of a sentence's length. A run of more than ``MAX_SENTENCE_TOKENS`` tokens
  without a sentence boundary (a table flattened into prose, a list of 10,000 names) is cut
  into windows of at most that many tokens before parsing, preferably after a ``;``, ``,`` or
  ``:`` in the second half of the window; the parser keeps these boundaries. Ordinary news
  sentences are far shorter and are never cut; a cut sentence loses only the relations that
  would span a cut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .models import Article, Skipped

MAX_SENTENCE_TOKENS = 250
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
    """The last index in (low, high] that follows a comma-like token, else ``high``."""
    for i in range(high, low, -1):
        if doc[i - 1].text in _SOFT_BREAKS:
            return i
    return high


def add_sentence_window(nlp: Language) -> None:
    """Put the window before the parser (after graphkit's line sentences when they are there)."""
    if "graphkit_sentence_window" in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    nlp.add_pipe("graphkit_sentence_window", before="parser")


def within_length(articles: Iterable[Article], max_length: int, on_skip: Callable[[Skipped], None]) -> Iterator[Article]:
    """The articles the model can take whole; one Skipped line for each longer one."""
    for article in articles:
        if len(article.text) > max_length:
            on_skip(Skipped(article.origin or article.doc_id,
                            f"article is {len(article.text):,} characters, over the model's limit of {max_length:,} "
                            "(spaCy max_length); split it into several articles"))
        else:
            yield article
