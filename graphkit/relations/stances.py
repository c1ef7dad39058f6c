"""Stance predicates: an actor described as critical of, disappointed by or supportive of
another ("the associations were critical of Gabriel's remarks", "the State Department was
disappointed India had refused visas", "we are supportive of the commission"). The predicate is
an adjective after a copula, or a passive participle of a feeling; the one who holds the stance
is its subject, the target the object of its preposition (or the owner of what it names) or the
subject of the clause it governs. Which words are stances is data: ``stance_predicates`` of a
relation in ontologies/relations.yaml."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from ..relation_types import Vocabulary
from . import syntax
from .endpoints import Endpoints
from .registry import rule
from .rules import Frame
from .triggers import Trigger

PATTERN = "stance_predicate"
STANCE_PREPS = words("stance_preps")


def holder_tokens(token: Token) -> list[Token]:
    """Who holds the stance: the subject of the predicate, or of its copula."""
    own = syntax.subject_tokens(token, syntax.ANY_SUBJECT_DEPS)
    if own:
        return own
    if token.dep_ in {"acomp", "attr"} and token.head.pos_ in syntax.VERBAL:
        return syntax.subject_tokens(token.head, syntax.ANY_SUBJECT_DEPS)
    return []


def stance_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame:
    token = trigger.token
    holders = [m for m in actors.at_all(holder_tokens(token)) if not is_population(m, actors)]
    return Frame(trigger, vocab[trigger.relation], vocab, actors, token, holders, PATTERN, set(STANCE_PREPS), [])


def is_population(mention, actors: Endpoints) -> bool:
    """"Filipinos are largely supportive": a people named by a plural demonym is no actor (ANNOTATION.md)."""
    text = mention.text
    return mention.actor.type == "State" and text.endswith("s") and text != mention.actor.label and actors.knowledge.state_for_demonym(text) is not None


@rule(PATTERN, 0.7, "stance", 0)
def stance_predicate(f: Frame):
    """"were critical of Gabriel's remarks": Gabriel, the owner of the remarks; "was disappointed
    India had refused": India, the subject of the clause the feeling is about."""
    targets = f.at(syntax.prep_objects(f.node, f.preps))
    targets += [m for clause in f.node.children if clause.dep_ == "ccomp" for m in f.at(syntax.subject_tokens(clause))]
    return f.candidate(targets)
