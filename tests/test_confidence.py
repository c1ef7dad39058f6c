"""The confidence of one statement: the fitted logistic model over its features, or without a
fitted model the rule's base lowered for weak endpoints and distance. No spaCy model needed."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from graphkit.models import Actor, Evidence, Mention, Relation
from graphkit.relations import confidence as module
from graphkit.relations.confidence import clamped, confidence, heuristic, logistic, registered_base, statement_features
from graphkit.relations.registry import RULES, SOURCE_PATTERNS, base_confidence

RUSSIA = Actor(id="gk:Russia", label="Russia", type="State")
UKRAINE = Actor(id="gk:Ukraine", label="Ukraine", type="State")
TRIGGER = SimpleNamespace(idx=100)  # the heuristic reads only where the trigger starts


def mention(actor: Actor, text: str, start: int) -> Mention:
    return Mention(actor, text, start, start + len(text), 0)


def known(actor: Actor) -> bool:
    return actor is not UKRAINE


def statement(source_text: str = "Russia", target_text: str = "Ukraine", span: tuple[int, int] = (0, 60), rule: str = "direct_object",
              pattern: str = "direct_object", modality: str = "asserted", negated: bool = False) -> Relation:
    return Relation(RUSSIA, "attacks", UKRAINE, Evidence("a", 0, "…", span), source_text, target_text, negated=negated,
                    modality=modality, pattern=pattern, rule=rule)


@pytest.mark.parametrize("base, source, target, expected", [
    pytest.param(0.85, ("Russia", 90), ("Russia", 110), 0.85, id="close known names keep the base"),
    pytest.param(0.85, ("he", 97), ("Russia", 110), 0.68, id="a pronoun endpoint: times 0.8"),
    pytest.param(0.85, ("they", 97), ("it", 110), 0.54, id="two pronouns: times 0.8 twice"),
    pytest.param(0.85, ("Russia", 90), ("Ukraine", 110), 0.72, id="an unknown actor: times 0.85"),
    pytest.param(0.85, ("Russia", 220), ("Russia", 110), 0.57, id="20 tokens away: minus 0.02 per token beyond 6"),
    pytest.param(0.85, ("Russia", 900), ("Russia", 110), 0.55, id="far away: minus at most 0.3"),
])
def test_the_heuristic_without_a_fitted_model(base, source, target, expected):
    (source_text, source_start), (target_text, target_start) = source, target
    source_actor = UKRAINE if source_text == "Ukraine" else RUSSIA
    target_actor = UKRAINE if target_text == "Ukraine" else RUSSIA
    got = heuristic(base, TRIGGER, mention(source_actor, source_text, source_start), mention(target_actor, target_text, target_start), known)
    assert round(got, 2) == expected


@pytest.mark.parametrize("score, expected", [(0.012, 0.05), (1.5, 0.99), (0.6666, 0.67)])
def test_confidence_is_two_decimals_never_zero_or_one(score, expected):
    assert clamped(score) == expected


def test_the_features_of_a_statement():
    features = statement_features(statement("he", "Ukraine", span=(0, 120), modality="reported", negated=True), known)
    assert features == {
        "registered_base": base_confidence("direct_object"), "rule:direct_object": 1.0, "relation:attacks": 1.0,
        "modality:reported": 1.0, "pronoun_endpoints": 1.0, "unknown_endpoints": 1.0, "evidence_tokens": 2.0, "negated": 1.0,
        "source_type:State": 1.0, "target_type:State": 1.0, "pattern:direct_object": 1.0,
    }


def test_a_dictionary_verb_counts_for_its_rule_starts_lower_and_is_a_feature():
    relation = statement(rule="cameo:direct_object")
    features = statement_features(relation, known)
    assert features["rule:direct_object"] == 1.0 and features["dictionary"] == 1.0
    assert registered_base(relation) == pytest.approx(0.8 * base_confidence("direct_object"))


def test_evidence_tokens_are_capped():
    assert statement_features(statement(span=(0, 6000)), known)["evidence_tokens"] == 6.0


def test_the_model_is_a_logistic_function_of_the_weighted_features():
    model = {"intercept": -1.0, "weights": {"negated": -2.0, "relation:attacks": 0.5, "a feature never seen": 9.0}}
    assert logistic({"negated": 1.0, "relation:attacks": 1.0, "rule:x": 1.0}, model) == pytest.approx(1 / (1 + math.exp(2.5)))


def test_confidence_uses_the_fitted_model_when_there_is_one(monkeypatch):
    model = {"intercept": 0.0, "weights": {"negated": -3.0}}
    monkeypatch.setattr(module, "calibration", lambda: {"model": model})
    source, target = mention(RUSSIA, "Russia", 0), mention(UKRAINE, "Ukraine", 30)
    assert confidence(statement(), TRIGGER, source, target, known) == 0.5
    assert confidence(statement(negated=True), TRIGGER, source, target, known) == clamped(1 / (1 + math.exp(3)))
    monkeypatch.setattr(module, "calibration", lambda: {})
    assert confidence(statement(), TRIGGER, mention(RUSSIA, "Russia", 90), mention(RUSSIA, "Russia", 110), known) == 0.85


def test_base_confidence_is_the_rule_registration_or_how_the_source_was_found():
    assert base_confidence("reference") == RULES["reference"].base == 0.55
    assert base_confidence("passive") == SOURCE_PATTERNS["passive"] == 0.8
    assert base_confidence("no such pattern") == 0.6
