"""Attributes of a statement besides its endpoints: where it happened and how many took part."""

from __future__ import annotations

from spacy.tokens import Token

from . import syntax
from .endpoints import PLACE_NOUNS, Endpoints

LOCATIVE_PREPS = {"in", "at", "near", "into", "inside", "across", "along"}


def location(trigger: Token, actors: Endpoints) -> str | None:
    """"struck targets in Kharkiv": a place under the trigger, two words above it or its objects."""
    objects = [c for c in trigger.children if c.dep_ in syntax.OBJECT_DEPS | syntax.PASSIVE_SUBJECT_DEPS]
    for token in [*syntax.path_to_root(trigger)[:3], *objects]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                for pobj in syntax.pobjs(child):
                    if pobj.i not in actors.by_token and is_place(pobj):
                        return phrase_text(pobj)
    return None


def is_place(token: Token) -> bool:
    if token.ent_type_ in syntax.PLACE_ENTITIES:
        return True
    return syntax.lemma(token) in PLACE_NOUNS and any(t.ent_type_ or t.pos_ == "PROPN" for t in token.subtree)


def phrase_text(token: Token) -> str:
    tokens = [t for t in token.subtree if not (t.dep_ in {"prep", "relcl", "acl"} and t.head is token)]
    subtree_stop = next((t.i for t in token.children if t.dep_ in {"prep", "relcl", "acl", "punct"} and t.i > token.i), None)
    kept = [t for t in tokens if subtree_stop is None or t.i < subtree_stop]
    return token.doc[kept[0].i: kept[-1].i + 1].text if kept else token.text


def quantity(mention_token: Token) -> str | None:
    """"2,000 North Korean troops": the number of the target's words."""
    for token in (mention_token, mention_token.head):
        if token.like_num and token.pos_ == "NUM":
            before = [t for t in token.subtree if t.i <= token.i]
            return token.doc[before[0].i: token.i + 1].text
        for child in token.children:
            if child.dep_ == "nummod":
                numbers = list(child.subtree)
                return token.doc[numbers[0].i: numbers[-1].i + 1].text
    return None
