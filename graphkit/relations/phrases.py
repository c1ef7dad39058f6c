"""Phrase matching: the words of a vocabulary phrase in a sentence, and the phrase a word opens."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..relation_types import Vocabulary
from ..tokens import TokenView
from . import syntax


def word_matches(token: Token, word: str) -> bool:
    return form_matches(token.lower_, token.lemma_.lower(), word)


def form_matches(lower: str, lemma: str, word: str) -> bool:
    """Whether a word with this lower-case form and lemma is ``word`` of a phrase."""
    return lower == word or lemma == word or lower in inflections(word)


@lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """Regular forms of a phrase word, since the lemmatiser sometimes errs ("hoping" -> "hop")."""
    stem = word[:-1] if word.endswith("e") else word
    return frozenset({word + "s", word + "es", stem + "ed", stem + "ing", word + "d"})


def match_phrase(sent: Span, start: int, phrase: tuple[str, ...], view: TokenView) -> list[Token] | None:
    """Phrase words in order from ``start``, allowing determiners and adjectives between them."""
    i, matched = start, []
    for position, word in enumerate(phrase):
        while position and i < sent.end and view.dep[i] in syntax.PHRASE_GAP_DEPS and not form_matches(view.lower[i], view.lemma[i], word):
            i += 1
        if i >= sent.end or not form_matches(view.lower[i], view.lemma[i], word):
            return None
        matched.append(i)
        i += 1
    return [sent.doc[i] for i in matched]


# id(vocabulary) -> (the vocabulary, its phrases, their index by first word). Keyed by identity:
# finding them by value (an lru_cache on the phrases) hashed every relation type on every call,
# which cost more than the matching. The vocabulary is kept so that its id is not reused.
_PHRASE_TABLES: dict[int, tuple[Vocabulary, tuple, dict[str, tuple[int, ...]]]] = {}


def phrase_table(vocab: Vocabulary) -> tuple[tuple, dict[str, tuple[int, ...]]]:
    """The vocabulary's phrases (``Vocabulary.phrases``) and the positions each word form may open."""
    entry = _PHRASE_TABLES.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        if len(_PHRASE_TABLES) >= 8:
            _PHRASE_TABLES.clear()
        phrases = tuple(vocab.phrases())
        entry = _PHRASE_TABLES[id(vocab)] = (vocab, phrases, _phrases_by_first_word(phrases))
    return entry[1], entry[2]


def _phrases_by_first_word(phrases: tuple) -> dict[str, tuple[int, ...]]:
    """Positions of the phrases each word form may start, so that a token is tried only against
    the phrases it can open (the vocabulary has hundreds) and still in the vocabulary's order."""
    index: dict[str, list[int]] = {}
    for position, (phrase, _, _) in enumerate(phrases):
        for form in {phrase[0], *inflections(phrase[0])}:
            index.setdefault(form, []).append(position)
    return {form: tuple(positions) for form, positions in index.items()}


def phrase_relation(token: Token, vocab: Vocabulary, more_words=()) -> str | None:
    """The relation of a phrase that opens with ``token`` ("call on", "appeal to"), its second word a
    child of ``token`` or one of ``more_words``."""
    phrases, by_first_word = phrase_table(vocab)
    for n in sorted(set(by_first_word.get(token.lower_, ()) + by_first_word.get(token.lemma_.lower(), ()))):
        words_, relation, _ = phrases[n]
        if len(words_) > 1 and word_matches(token, words_[0]) and any(word_matches(c, words_[1]) for c in (*token.children, *more_words)):
            return relation
    return None
