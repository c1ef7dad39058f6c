"""Rules for the language of courts and domestic politics: calls and requests answered by the one
they address ("defied calls by lawmakers to step down"), the clause a call asks for ("calls for
Moore to withdraw"), requests made by letter ("wrote to Sessions asking ...") and filings that name
no filer. Registered in ``registry`` like the noun rules; the words are data (``answering_verbs``,
``filing_nouns``, ``letter_nouns``, ``writing_verbs`` in ontologies/lexicons/triggers.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from . import syntax
from .registry import Candidate, rule
from .rules import Frame
from .subjects import inherited_subjects

ANSWERING_VERBS = words("answering_verbs")
FILING_NOUNS = words("filing_nouns")
LETTER_NOUNS = words("letter_nouns")
WRITING_VERBS = words("writing_verbs")
# How a request hangs from the writing that carries it: "wrote to X asking", "wrote to X to ask".
CARRIED_DEPS = frozenset({"advcl", "xcomp", "conj"})


def _givers(f: Frame, noun: Token):
    """Who made a call or filing: its owner ("the EU's demands", "U.S. demands"), its "from" or "by"
    object, the agent of "filed by"."""
    found = f.actors.at_all(syntax.possessors(noun)) + f.actors.at_all(syntax.prep_objects(noun, {"from", "by"}))
    found += [m for m in f.actors.owners(noun) if m not in found]
    return found + [m for verb in syntax.participles(noun) for m in f.actors.at_all(syntax.agent_tokens(verb))]


@rule("answered_call", 0.75, "noun", 5, when=lambda rel: rel.content_not_event)
def answered_call(f: Frame):
    """"Johnson defied calls by lawmakers to step down", "the court denied a request by Texas": the
    call was addressed to the subject of the verb that answers it (ANNOTATION_NOTES: defying X's
    calls is X requests; a request filed with a court asks the court)."""
    governor = f.node.head
    if f.node.dep_ not in syntax.OBJECT_DEPS or syntax.lemma(governor) not in ANSWERING_VERBS:
        return None
    if f.trigger.kind == "phrase" and syntax.asked_clause(f.node) is None:
        return None  # "Macron rejected Puigdemont's call for EU mediation": asked of the EU, not of Macron
    givers = _givers(f, f.node)
    addressees = f.actors.at_all(syntax.subject_tokens(governor))
    return [Candidate(givers, addressees, "noun")] if givers and addressees else None


@rule("asked_subject", 0.75, "noun", 15, when=lambda rel: rel.content_not_event)
def asked_subject(f: Frame):
    """"Democrats renewed calls for Trump to resign": the subject of the clause asked for."""
    clause = syntax.asked_clause(f.node)
    if clause is None:
        return None
    return f.candidate(f.at(syntax.subject_tokens(clause, syntax.ANY_SUBJECT_DEPS), assets=False))


@rule("for_clause_subject", 0.85, "verb", 85, when=lambda rel: rel.content_not_event)
def for_clause_subject(f: Frame):
    """"Pelosi called for the committee to open a probe", "pressed for Franken to resign": the
    subject of the "for ... to" clause is the one asked. The "for" must be the phrase's own:
    "urged changes, in time for them to decide" asks nothing of them."""
    clauses = [c for c in syntax.for_clauses(f.node) if f.trigger.last in c.children]
    return f.candidate(f.at([s for c in clauses for s in syntax.subject_tokens(c)], assets=False))


@rule("unnamed_filer", 0.75, "noun", 1, overrides=True)
def unnamed_filer(f: Frame):
    """"the judge presiding over lawsuits against Trump University": a filing whose filer is neither
    its owner, its agent nor the subject of the verb that files it names no accuser (the subject
    of the sentence is not the one who sued)."""
    if syntax.lemma(f.node) not in FILING_NOUNS or f.pattern != "inherited":
        return None
    return []


def letter_addressees(verb: Token) -> tuple[list[Token], Token | None]:
    """Whom the letter or writing that carries a request is addressed to, and the verb that sends
    or writes it: "In a letter to Price, Cummings asked", "wrote to Sessions asking", "sent a
    letter to Kerry asking", "a letter to Trump urging"."""
    letters = [o for p in verb.children if p.dep_ == "prep" for o in syntax.pobjs(p) if syntax.lemma(o) in LETTER_NOUNS]
    found = [t for letter in letters for t in syntax.prep_objects(letter, {"to"})]
    head = verb.head
    if verb.dep_ == "acl" and syntax.lemma(head) in LETTER_NOUNS:  # "a letter to Trump urging ..."
        letters, head = [head], (head.head if head.dep_ in syntax.OBJECT_DEPS else None)
    elif verb.dep_ in CARRIED_DEPS and head is not verb:
        letters = [o for o in syntax.object_tokens(head) if syntax.lemma(o) in LETTER_NOUNS]
        if not letters and syntax.lemma(head) not in WRITING_VERBS:
            return found, None
    else:
        return found, None
    found += [t for letter in letters for t in syntax.prep_objects(letter, {"to"})]
    if head is not None and head.pos_ in syntax.VERBAL:  # "sent a letter to Kerry", "sent Kerry a letter", "wrote to Sessions"
        found += syntax.prep_objects(head, {"to"}) + syntax.children(head, syntax.INDIRECT_OBJECT_DEPS)
    return found, head


@rule("letter_addressee", 0.8, "verb", 25, when=lambda rel: rel.content_not_event)
def letter_addressee(f: Frame):
    """"Coons wrote to Sessions asking for an explanation", "sent a letter to Kerry asking him to
    appear": a request made by letter asks the letter's addressee, and the sender asks ("a letter
    asking" has no subject of its own). The request's own object or clause subject wins when it
    names another actor than the one asking ("wrote to Trump urging Congress to act")."""
    addressees, carrier = letter_addressees(f.node)
    sources = f.sources
    if not sources and carrier is not None:
        sources, _ = inherited_subjects(carrier, f.actors)
    asker = {m.actor.id for m in sources}
    if any(m.actor.id not in asker for m in f.at(f.objects, assets=False)):
        return None
    if f.at([t for c in syntax.clauses(f.node) for t in syntax.subject_tokens(c, syntax.ANY_SUBJECT_DEPS)], assets=False):
        return None  # "warned in his letter to Weiss that Shkreli could face prosecution": the clause's subject
    targets = f.at(addressees, assets=False)
    return [Candidate(sources, targets, f.pattern)] if sources and targets else None
