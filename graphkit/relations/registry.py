"""The rule registry: rules register here with their name, base confidence, what they apply to
and how specific they are; ``resolve`` is the one place where their candidates are weighed.

Conflict resolution (the whole of it):

1. Every rule that applies to the trigger (its ``kind`` and the relation's behaviours, ``when``)
   runs and returns a candidate or None.
2. A candidate of an ``overrides`` rule wins outright: it re-reads the whole construction (a
   participle with its agent, "a meeting hosted by Qatar"; a recipient, "won the backing of").
3. Otherwise the candidate with targets of the most specific rule (lowest ``rank``) wins.
4. Without targets, the most specific ``fallback`` candidate wins (a claim's owner, a state's own
   forces, "each other"); failing that, the sources alone (for symmetric "X and Y met").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..models import Mention
from ..relation_types import RelationType

KINDS = ("verb", "noun", "spoken", "compound", "stance", "label")


@dataclass(frozen=True, slots=True)
class Candidate:
    sources: list[Mention]
    targets: list[Mention]
    pattern: str  # the record's ``pattern``: the rule, or how the source was found ("control")
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    function: Callable
    base: float  # base confidence of the statements whose pattern is this rule's name
    kind: str  # "verb", "noun" or "spoken"
    rank: int  # lower is more specific
    when: Callable[[RelationType], bool] | None = None  # the relations it may produce, by behaviour
    overrides: bool = False
    fallback: bool = False
    doc: str = field(default="", compare=False)

    def applies(self, relation: RelationType) -> bool:
        return self.when is None or self.when(relation)


RULES: dict[str, Rule] = {}
# Base confidence of the patterns that name how a source was found rather than a rule.
SOURCE_PATTERNS = {
    "verb": 0.85, "phrase": 0.85, "passive": 0.8, "noun": 0.75, "relative": 0.7, "control": 0.7, "symmetric": 0.7, "inherited": 0.6, "expulsion": 0.75,
}


def rule(name: str, base: float, kind: str, rank: int, when=None, overrides: bool = False, fallback: bool = False):
    """Register a rule: ``@rule("relative_object", 0.7, "verb", 90)``."""
    if kind not in KINDS:
        raise ValueError(f"rule {name!r}: unknown kind {kind!r}; expected one of {', '.join(KINDS)}")

    def register(function: Callable) -> Callable:
        if name in RULES:
            raise ValueError(f"rule {name!r} is registered twice; rename one")
        RULES[name] = Rule(name, function, base, kind, rank, when, overrides, fallback, function.__doc__ or "")
        return function
    return register


def rules_for(kind: str, relation: RelationType) -> list[Rule]:
    return sorted((r for r in RULES.values() if r.kind == kind and r.applies(relation)), key=lambda r: r.rank)


def base_confidence(pattern: str) -> float:
    """The base score of a pattern: its rule's registration, or how its source was found."""
    if pattern in RULES:
        return RULES[pattern].base
    return SOURCE_PATTERNS.get(pattern, 0.6)


def resolve(candidates: list[tuple[Rule, list[Candidate] | None]], default: list[Candidate]) -> list[Candidate]:
    """The winning candidates (one rule's); see the module docstring. A rule that applied but
    found no pair returns an empty list, which wins as "nothing stated"."""
    found = [(r, c) for r, c in candidates if c is not None]
    for r, c in found:
        if r.overrides:
            return c
    for r, c in found:
        if not r.fallback and (not c or any(x.targets for x in c)):
            return c
    for r, c in found:
        if r.fallback:
            return c
    return default
