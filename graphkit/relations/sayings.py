"""What a clause is as something said: the verb of saying whose content it is ("said that X ...",
"X ..., the KRG said"), whether it is hedged, and the judgement it predicates of an actor ("Gardner
said Moore was unfit", "'Turkey is doing a great job,' Merkel said", "McCain said Trump's decision
was a mistake"). The judging words are the ``label_predicates`` of a relation (ontologies/
relations.yaml): said of an actor in reported speech they judge as a label does ("called Trump a
liar"). Kept apart from speech.py so that trigger finding can read it without the rules."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from ..relation_types import Vocabulary
from . import syntax
from .labels import label_word

SPEAKING_VERBS = (words("speech_verbs") | words("accusing_report_verbs")) - words("non_accusing_speech_verbs")
CONDITIONAL_MARKS = words("conditional_marks")
PREDICATING_VERBS = words("predicating_verbs")
JUDGING_OBJECT_VERBS = words("judging_object_verbs")
NEGATING_DETERMINERS = words("negating_determiners")
PREDICATE_DEPS = frozenset({"attr", "acomp"})
# The words of a predicate that may judge: the predicate itself and what modifies it ("a weak
# leader", "a great job"); a word further down judges something else ("a critic of the dangerous
# policy").
JUDGING_MODIFIER_DEPS = frozenset({"amod", "compound"})


def speech_verb(clause: Token) -> Token | None:
    """The verb of saying whose that-clause ``clause`` is ("said that X ...", "X ..., the KRG said")."""
    if clause.dep_ == "ccomp" and syntax.lemma(clause.head) in SPEAKING_VERBS:
        return clause.head
    return next((c for c in clause.children if c.dep_ == "parataxis" and syntax.lemma(c) in SPEAKING_VERBS), None)


def is_hedged(clause: Token, speech: Token, honesty: bool = False) -> bool:
    """A negated, conditional or questioned clause, or a negated or conditional saying ("whether
    Yates said Flynn lied"), accuses nobody; a predicate of ``honesty`` accuses only negated ("were
    not being truthful")."""
    if any(c.dep_ == "neg" for c in speech.children) or honesty != any(c.dep_ == "neg" for c in clause.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in (*clause.children, *speech.children)):
        return True
    return speech.sent.text.rstrip(" \"'”’").endswith("?")


def is_expletive(token: Token) -> bool:
    """"it was unfortunate that ...": "it" stands for the clause, not for an actor."""
    return token.lower_ == "it"


def predication(verb: Token) -> tuple[list[Token], Token] | None:
    """The subjects and the predicate of a copula ("Moore was unfit", "the decision was a mistake",
    "the policy had proved to be a disaster": the subject of the verb "to be" completes) or of a
    verb whose object judges its subject ("Turkey is doing a great job", "Trump made a mistake");
    never an expletive or a pronoun ("it was a mistake to ...", "he was weak": a pronoun in
    reported speech resolves to the wrong person too often)."""
    lemma = syntax.lemma(verb)
    deps = PREDICATE_DEPS if lemma in PREDICATING_VERBS else {"dobj"} if lemma in JUDGING_OBJECT_VERBS else set()
    predicate = next((c for c in verb.children if c.dep_ in deps), None)
    if predicate is None:
        return None
    # "had proved to be a disaster", "had heightened tension and was unacceptable": the subject of
    # the verb the copula completes or is conjoined to
    subjects = syntax.subject_tokens(verb) or (syntax.subject_tokens(verb.head) if verb.dep_ in {"xcomp", "conj"} else [])
    if not subjects or any(s.pos_ == "PRON" or is_expletive(s) for s in subjects):
        return None
    return subjects, predicate


def saying_of(verb: Token) -> Token | None:
    """The verb of saying a predication is the content of: the copula's own clause, or the clause
    of the verb whose complement it is ("had proved to be a disaster")."""
    top = syntax.first_conjunct(verb.head if verb.dep_ == "xcomp" else verb)
    speech = speech_verb(top)
    if speech is None or is_hedged(top, speech) or (top != verb and any(c.dep_ == "neg" for c in verb.children)):
        return None
    return speech


def judging_predicate(verb: Token, vocab: Vocabulary) -> tuple[Token, str, list[Token], Token] | None:
    """(judging word, relation, subjects, verb of saying) of a predication said of someone: "Gardner
    said Moore was unfit", "'Obama is weak,' Trump told reporters". A negated predicate ("was not a
    mistake", "is no dictator") judges nobody."""
    parts = predication(verb)
    if parts is None:
        return None
    subjects, predicate = parts
    if any(c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS for c in predicate.children):
        return None
    hit = label_word(predicate, subjects, vocab)
    if hit is None or not (hit[0] == predicate or (hit[0].head == predicate and hit[0].dep_ in JUDGING_MODIFIER_DEPS)):
        return None
    speech = saying_of(verb)
    return (hit[0], hit[1], subjects, speech) if speech is not None else None


def said_judgements(sent: Span, vocab: Vocabulary) -> list[tuple[Token, str]]:
    """The judging word of each predication said of someone in a sentence, with its relation."""
    found = []
    for verb in sent:
        if verb.pos_ in syntax.VERBAL:
            hit = judging_predicate(verb, vocab)
            if hit is not None:
                found.append(hit[:2])
    return found


def judged_predication(word: Token, vocab: Vocabulary) -> tuple[list[Token], Token] | None:
    """(subjects, verb of saying) of the predication whose judging word ``word`` is."""
    for verb in (word.head, word.head.head):
        hit = judging_predicate(verb, vocab) if verb.pos_ in syntax.VERBAL else None
        if hit is not None and hit[0] == word:
            return hit[2], hit[3]
    return None
