"""Rules for the language of courts and domestic politics: calls and requests answered by the one
they address ("defied calls by lawmakers to step down"), the clause a call asks for ("calls for
Moore to withdraw"), and filings that name no filer. Registered in ``registry`` like the noun rules;
the words are data (``answering_verbs``, ``filing_nouns`` in ontologies/lexicons/triggers.yaml)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from . import syntax
from .registry import Candidate, rule
from .rules import Frame

ANSWERING_VERBS = words("answering_verbs")
FILING_NOUNS = words("filing_nouns")


def _givers(f: Frame, noun: Token):
    """Who made a call or filing: its owner, its "from" or "by" object, the agent of "filed by"."""
    found = f.actors.at_all(syntax.possessors(noun)) + f.actors.at_all(syntax.prep_objects(noun, {"from", "by"}))
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
