"""The confidence of one statement, from its rule's base score: no model needed."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from graphkit.models import Actor, Mention
from graphkit.relations.confidence import confidence
from graphkit.relations.registry import RULES, SOURCE_PATTERNS, base_confidence

RUSSIA = Actor(id="gk:Russia", label="Russia", type="State")
UKRAINE = Actor(id="gk:Ukraine", label="Ukraine", type="State")
TRIGGER = SimpleNamespace(idx=100)  # confidence reads only where the trigger starts


def mention(actor: Actor, text: str, start: int) -> Mention:
    return Mention(actor, text, start, start + len(text), 0)


def known(actor: Actor) -> bool:
    return actor is not UKRAINE


@pytest.mark.parametrize("base, source, target, expected", [
    pytest.param(0.85, ("Russia", 90), ("Russia", 110), 0.85, id="close known names keep the base"),
    pytest.param(0.85, ("he", 97), ("Russia", 110), 0.68, id="a pronoun endpoint: times 0.8"),
    pytest.param(0.85, ("they", 97), ("it", 110), 0.54, id="two pronouns: times 0.8 twice"),
    pytest.param(0.85, ("Russia", 90), ("Ukraine", 110), 0.72, id="an unknown actor: times 0.85"),
    pytest.param(0.85, ("Russia", 220), ("Russia", 110), 0.57, id="20 tokens away: minus 0.02 per token beyond 6"),
    pytest.param(0.85, ("Russia", 900), ("Russia", 110), 0.55, id="far away: minus at most 0.3"),
    pytest.param(0.1, ("he", 900), ("it", 110), 0.05, id="never below 0.05"),
    pytest.param(1.5, ("Russia", 90), ("Russia", 110), 0.99, id="never above 0.99"),
])
def test_confidence(base, source, target, expected):
    (source_text, source_start), (target_text, target_start) = source, target
    source_actor = UKRAINE if source_text == "Ukraine" else RUSSIA
    target_actor = UKRAINE if target_text == "Ukraine" else RUSSIA
    got = confidence(base, TRIGGER, mention(source_actor, source_text, source_start), mention(target_actor, target_text, target_start), known)
    assert got == expected


def test_base_confidence_is_the_rule_registration_or_how_the_source_was_found():
    assert base_confidence("reference") == RULES["reference"].base == 0.55
    assert base_confidence("passive") == SOURCE_PATTERNS["passive"] == 0.8
    assert base_confidence("no such pattern") == 0.6
