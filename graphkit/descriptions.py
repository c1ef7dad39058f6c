"""Descriptions that stand for an actor: "his office", "the government in Kyiv", "a man identified
as ...", "the emir of Qatar, Sheikh Tamim", a state's soldiers. Part of the actors stage; the one
place each is resolved.

``ActorKnowledge`` is what later stages may ask of the actors stage (instead of callbacks): is an
actor known, which state a demonym names, a state's armed forces, the body a person works for.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicons import words
from .models import Actor, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

MILITARY_NOUNS = words("military_nouns")
GOVERNMENT_NOUNS = words("government_nouns")
TITLE_HEADS = words("title_heads")
OFFICE_NOUNS = words("office_nouns")
NAMING_VERBS = words("naming_verbs")
COUNTRY_NOUNS = words("country_nouns")
PRONOUNS = words("person_pronouns") | words("thing_pronouns") | words("plural_pronouns")
# A Mention standing for several actors' things: looked up by token, ``hops`` levels down.
Lookup = Callable[["Token", int], list[Mention]]


@dataclass(frozen=True)
class ActorKnowledge:
    """The knowledge base as later stages see it; without one, every actor counts as known and
    no demonym, forces or affiliation is found."""

    kb: object | None = None

    def is_known(self, actor: Actor) -> bool:
        return self.kb is None or self.kb.is_known(actor)

    def state_for_demonym(self, text: str) -> Actor | None:
        return self.kb.state_for_demonym(text) if self.kb is not None else None

    def named(self, text: str) -> Actor | None:
        """The one actor a name or demonym names ("U.S.", "Turkey", "Russian"), or None."""
        if self.kb is None:
            return None
        found = [a for a in self.kb.lookup(text) if a.type != "Person"]
        return found[0] if found else self.kb.state_for_demonym(text)

    def forces_of(self, actor: Actor) -> Actor | None:
        """A state's armed forces; for a person, those of their state."""
        if self.kb is None:
            return None
        from .actors.bodies import national_forces

        state = actor if actor.type == "State" else self.kb.state(actor.country) if actor.country and actor.type == "Person" else None
        return national_forces(self.kb, state) if state is not None else None

    def affiliation_of(self, person: Actor) -> Actor | None:
        """The known organisation or state a person works for ("his office")."""
        if self.kb is None or not person.affiliation:
            return None
        return next((a for a in self.kb.lookup(person.affiliation) if a.type != "Person"), None)


def is_country_noun(token: Token) -> bool:
    """"country" in "his country"; the one test of a country noun (actors and relations)."""
    return token.lower_ in COUNTRY_NOUNS


def names_own_country(text: str) -> bool:
    """"his country", "their nation": words that name the state of the one who owns them."""
    words_ = text.lower().split()
    return len(words_) > 1 and words_[0] in {"his", "her", "their"} and words_[1] in COUNTRY_NOUNS


def forces_mention(knowledge: ActorKnowledge, owner: Mention, noun: Token) -> Mention | None:
    """"his country's soldiers", "Russia deployed troops": the owner's armed forces, named by the
    words up to ``noun``."""
    forces = knowledge.forces_of(owner.actor)
    if forces is None:
        return None
    start = min(t.idx for t in noun.subtree if t.i <= noun.i)
    end = noun.idx + len(noun.text)
    return Mention(forces, noun.doc.text[start:end], start, end, owner.sentence_index, how="description")


def office_mentions(knowledge: ActorKnowledge, noun: Token, owners: list[Mention]) -> list[Mention]:
    """"his office" said by ICC prosecutor Karim Khan: the organisation he works for."""
    found = []
    for mention in owners:
        organisation = knowledge.affiliation_of(mention.actor) if mention.actor.type == "Person" else None
        if organisation is not None:
            start = min(t.idx for t in noun.subtree)
            end = noun.idx + len(noun.text)
            found.append(Mention(organisation, noun.doc.text[start:end], start, end, mention.sentence_index, how="description"))
    return found


def named_as(noun: Token, at: Lookup) -> list[Mention]:
    """"a man identified as Dieter S.": the name given to a description."""
    for named in _naming_targets(noun):
        found = [m for t in named for m in at(t, 0)]
        if found:
            return found
    return []


def _naming_targets(token: Token) -> list[list[Token]]:
    found = []
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
            named = [pobj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as" for pobj in prep.children if pobj.dep_ == "pobj"]
            named += [c for c in child.children if c.dep_ == "oprd"]
            found.append(named)
    return found


def government_seat(noun: Token, at: Lookup) -> list[Mention]:
    """"the government in Bamako": the state whose seat is named."""
    if noun.lemma_.lower() not in GOVERNMENT_NOUNS:
        return []
    seats = [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "in" for pobj in prep.children if pobj.dep_ == "pobj"]
    return [m for t in seats for m in at(t, 0) if m.actor.type == "State"]


def title_holder(noun: Token, at: Lookup) -> list[Mention]:
    """"the emir of Qatar, Sheikh Tamim": the parser hangs the name on the country."""
    if noun.lemma_.lower() not in TITLE_HEADS:
        return []
    places = [pobj for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of" for pobj in prep.children if pobj.dep_ == "pobj"]
    named = [c for place in places for c in place.children if c.dep_ == "appos"]
    holders = [m for t in (*places, *named) for m in at(t, 0)]
    return [m for m in holders if m.actor.type == "Person"]
