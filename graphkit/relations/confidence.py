"""Confidence of one statement: how often statements like it are right.

With a fitted model (ontologies/confidence.yaml, written by scripts/calibrate_confidence.py from
judged statements) the confidence is a logistic function of the statement's features: its rule
and the rule's registered base, its relation, modality and negation, how many endpoints are
pronouns or unknown to the knowledge base, how many tokens its evidence spans, the endpoints'
actor types and how its source was found. Without a
fitted model it is the rule's registered base lowered for weak endpoints and distance.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

import yaml
from spacy.tokens import Token

from ..descriptions import PRONOUNS
from ..models import Actor, Mention, Relation
from ..resources import ontology_file
from .registry import base_confidence

# A verb only the CAMEO dictionary knows is a candidate, not an edge: its statements start lower,
# and their rule is reported as "cameo:<rule>" so evaluate shows what the dictionary adds.
DICTIONARY_FACTOR = 0.8
CHARS_PER_TOKEN = 6  # about six characters per English token


@lru_cache(maxsize=1)
def calibration() -> dict:
    """The fitted table (ontologies/confidence.yaml); empty when absent."""
    try:
        path = ontology_file("confidence.yaml")
    except ModuleNotFoundError:  # neither in a checkout nor installed: no table fitted yet
        return {}
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def registered_base(relation: Relation) -> float:
    """The base the rule (or how the source was found) was registered with, lowered for a verb only
    the CAMEO dictionary knows."""
    dictionary = relation.rule.startswith("cameo:")
    return base_confidence(relation.pattern) * (DICTIONARY_FACTOR if dictionary else 1.0)


def statement_features(relation: Relation, known: Callable[[Actor], bool]) -> dict[str, float]:
    """The features the fitted model weighs, by name: indicator features are 1.0 when present."""
    endpoints = ((relation.source, relation.source_text), (relation.target, relation.target_text))
    start, end = relation.evidence.char_span
    features = {
        "registered_base": registered_base(relation),
        f"rule:{relation.rule.removeprefix('cameo:')}": 1.0,
        f"relation:{relation.relation}": 1.0,
        f"modality:{relation.modality}": 1.0,
        "pronoun_endpoints": float(sum(text.lower() in PRONOUN_TEXTS for _, text in endpoints)),
        "unknown_endpoints": float(sum(not known(actor) for actor, _ in endpoints)),
        # in tens of tokens, capped: a statement spread over half a sentence is no surer at 60
        "evidence_tokens": min(6.0, (end - start) / CHARS_PER_TOKEN / 10),
        f"source_type:{relation.source.type}": 1.0,
        f"target_type:{relation.target.type}": 1.0,
        f"pattern:{relation.pattern}": 1.0,  # how the source was found: its own subject, a control verb, a relative ...
    }
    if relation.rule.startswith("cameo:"):
        features["dictionary"] = 1.0
    if relation.negated:
        features["negated"] = 1.0
    return features


def logistic(features: dict[str, float], model: dict) -> float:
    """The model's probability that a statement with these features is right."""
    weights = model["weights"]
    z = model["intercept"] + sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z))


def confidence(relation: Relation, trigger: Token, source: Mention, target: Mention, known: Callable[[Actor], bool]) -> float:
    """Confidence in [0.05, 0.99] of one statement: the fitted model's, else the heuristic's."""
    model = calibration().get("model")
    if model:
        return clamped(logistic(statement_features(relation, known), model))
    return clamped(heuristic(registered_base(relation), trigger, source, target, known))


def clamped(score: float) -> float:
    """Two decimals, never 0 or 1: no rule is never or always right."""
    return round(max(0.05, min(0.99, score)), 2)


def heuristic(base: float, trigger: Token, source: Mention, target: Mention, known: Callable[[Actor], bool]) -> float:
    """The confidence without a fitted model.

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
    tokens_away = distance / CHARS_PER_TOKEN
    score -= min(0.3, 0.02 * max(0.0, tokens_away - 6))
    return score


# The pronouns confidence discounts: the possessive and object forms, not "hers" or "himself".
PRONOUN_TEXTS = frozenset({"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"})
assert PRONOUN_TEXTS <= PRONOUNS
