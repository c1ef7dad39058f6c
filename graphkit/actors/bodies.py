"""Actors the resolver makes for a state: its armed forces, bodies, allies, and those its dateline names.

Imports nothing from the rest of the actors stage, so ``descriptions`` can use it without a cycle.
"""

from __future__ import annotations

import functools

import yaml
from spacy.tokens import Doc

from ..knowledge import normalise_name
from ..models import Actor, Mention, actor_iri
from ..resources import ontology_file


def national_forces(kb, state: Actor) -> Actor:
    """A state's armed forces: the knowledge base's entry ("Israel Defense Forces") when it names
    them "<demonym> forces/military/army", else a new actor "<demonym> armed forces"."""
    demonym = kb.demonym_of(state)
    for name in (f"{demonym} armed forces", f"{demonym} forces", f"{demonym} military", f"{demonym} army") if demonym else ():
        for actor in kb.lookup(name):
            if actor.type == "ArmedForce" and actor.country == state.country:
                return actor
    return armed_forces_of(state, demonym)


def national_body(state: Actor, name: str) -> Actor:
    """An organisation known only as "German police" or "Chinese banks"."""
    label = name[0].upper() + name[1:]
    return Actor(id=actor_iri("Organization", label), label=label, type="Organization", country=state.country, affiliation=state.label)


def allies_of(state: Actor) -> Actor:
    """"his allies", "Ukraine's partners": the states that back this one, as one collective actor."""
    label = f"Allies of {state.label}"
    return Actor(id=actor_iri("Organization", label), label=label, type="Organization", country=None, affiliation=state.label)


def armed_forces_of(state: Actor, demonym: str | None) -> Actor:
    label = f"{demonym or state.label} armed forces"
    return Actor(
        id=actor_iri("ArmedForce", label), label=label, type="ArmedForce",
        country=state.country, affiliation=state.label, wikidata=None,
        aliases=(f"{state.label} armed forces",) if demonym else (),
    )


@functools.lru_cache(maxsize=1)
def _dateline_bodies() -> dict:
    return yaml.safe_load(ontology_file("actors/dateline_bodies.yaml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _national_names() -> frozenset[str]:
    return frozenset(normalise_name(name) for name in _dateline_bodies().get("national_names") or ())


def legislature_of(kb, state: Actor) -> Actor | None:
    """The knowledge base's legislature of a state ("US Congress"), if dateline_bodies.yaml names one."""
    label = (_dateline_bodies().get("legislatures") or {}).get(state.country)
    return next(iter(kb.lookup(label)), None) if label else None


def dateline_state(doc: Doc, kb) -> Actor | None:
    """The state of the city an article is filed from: "ANKARA (Reuters) -" is Turkey; a city that
    is no capital or seat of government ("MANCHESTER") gives None."""
    words = []
    for token in doc[:6]:
        if token.text in {"(", ",", "-", "–", "—"}:
            break
        if not (token.is_upper and token.is_alpha) and token.text not in {".", "'"}:
            return None
        words.append(token.text_with_ws)
    name = "".join(words).strip()
    return next((a for a in kb.lookup(name) if a.type == "State"), None) if name else None


# A state stands out in an article named at least this often, and this many times as often as
# any other state (tests/test_actors_news.py: a state named once, or two states named alike, give none).
PROMINENT_MIN_MENTIONS = 2
PROMINENT_RATIO = 2


def prominent_state(kb, mentions: list[Mention]) -> Actor | None:
    """The state an article is about when its dateline names none ("SIMI VALLEY, Calif.", "(Reuters) -"):
    the one state whose name, people and bodies are mentioned far more often than any other
    state's; None when no state stands out (a wrong state is worse than none)."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.actor.country:
            counts[mention.actor.country] = counts.get(mention.actor.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < PROMINENT_MIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[0][1] < PROMINENT_RATIO * ranked[1][1]:
        return None
    return kb.state(ranked[0][0])
