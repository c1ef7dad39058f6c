"""Confidence of one statement: the base score of its rule, lowered for weak endpoints and distance."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..descriptions import PRONOUNS
from ..models import Actor, Mention

DEFAULT_BASE = 0.6


def confidence(base: float, trigger: Token, source: Mention, target: Mention, known: Callable[[Actor], bool]) -> float:
    """Confidence in [0, 1] of one statement.

    Start from the rule's base score (its registration in ``rules``: 0.85 for a verb with its own
    subject and object or a vocabulary phrase, down to 0.55 for a claim's owner from an earlier
    sentence), multiply by 0.8 for each endpoint that is a pronoun, by 0.85 for each endpoint the
    knowledge base does not know, and subtract 0.02 per token beyond 6 between the trigger and
    the farther endpoint (at most 0.3).
    """
    score = base
    for mention in (source, target):
        if mention.text.lower() in PRONOUN_TEXTS:
            score *= 0.8
        if not known(mention.actor):
            score *= 0.85
    distance = max(abs(mention.start_char - trigger.idx) for mention in (source, target))
    tokens_away = distance / 6  # about six characters per English token
    score -= min(0.3, 0.02 * max(0.0, tokens_away - 6))
    return round(max(0.05, min(0.99, score)), 2)


# The pronouns confidence discounts: the possessive and object forms, not "hers" or "himself".
PRONOUN_TEXTS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"})
assert PRONOUN_TEXTS <= PRONOUNS
