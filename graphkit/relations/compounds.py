"""Hyphenated modifiers that state a relation: "the Turkey-backed Syrian National Army" (Turkey
supports the army), "U.S.-trained forces". The tokenizer keeps "U.S.-backed" as one word and
splits "Turkey - backed"; both become a ``compound`` trigger (``triggers.compound_relation``)
for the relations whose definition allows it (``compound_modifier``)."""

from __future__ import annotations

from spacy.tokens import Token

from ..models import Mention
from ..relation_types import Vocabulary
from . import syntax
from .endpoints import Endpoints
from .registry import rule
from .rules import Frame
from .triggers import Trigger

PATTERN = "hyphenated_modifier"


def compound_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame:
    token = trigger.token
    return Frame(trigger, vocab[trigger.relation], vocab, actors, token, namers(token, actors), PATTERN, set(), [])


def namers(token: Token, actors: Endpoints) -> list[Mention]:
    """Who the modifier names as the doer: the text before the hyphen, as a mention."""
    if "-" in token.text[1:-1]:  # one token: "U.S.-backed"
        prefix = token.text.rsplit("-", 1)[0]
        actor = actors.knowledge.named(prefix)
        return [Mention(actor, prefix, token.idx, token.idx + len(prefix), actors.sentence_index, how="name")] if actor else []
    found: list[Mention] = []
    for namer in syntax.compound_namers(token):  # split: "Turkey - backed"
        mentions = actors.at(namer, hops=0)
        if mentions:
            found.extend(mentions)
            continue
        actor = actors.knowledge.named(namer.text)
        if actor is not None:
            found.append(Mention(actor, namer.text, namer.idx, namer.idx + len(namer.text), actors.sentence_index, how="demonym"))
    return found


@rule(PATTERN, 0.75, "compound", 0)
def hyphenated_modifier(f: Frame):
    """"the Turkey-backed Syrian National Army": the named doer acts on the actor the word
    modifies; "Iran-backed militias" names no actor, so no statement."""
    if not f.sources:
        return None
    return f.candidate(f.actors.at(f.node.head, hops=0))
