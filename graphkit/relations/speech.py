"""What a speaker says of another actor: an accusation carried by a that-clause ("The Washington
Post reported that Trump may have violated IRS rules": the Post accuses Trump), a judgement in
extraposition ("George said it was unfortunate that India had refused a visit": George criticises
India), a charge's that-clause ("allegations from Belarus that the Ukrainian defense ministry had
set up a spy ring") and a label ("Corker called Trump a liar": Corker accuses Trump; labels.py).
The wrongdoing predicates are the ``speaker_phrases`` of accuses and the judgements are
``stance_predicates`` (ontologies/relations.yaml); the speech verbs are data in
ontologies/lexicons/context.yaml and speech.yaml. Registered in ``registry`` like the noun rules."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from ..models import Mention
from ..relation_types import Vocabulary
from . import syntax
from .endpoints import Endpoints
from .labels import label_parts, labelling_verb
from .registry import Candidate, rule
from .rules import Frame
from .subjects import inherited_subjects
from .triggers import Trigger

SPEAKING_VERBS = (words("speech_verbs") | words("accusing_report_verbs")) - words("non_accusing_speech_verbs")
CONDITIONAL_MARKS = words("conditional_marks")
PLACING_PREPS = words("placing_preps")
LIE_FORMS = words("lie_forms")
INSTANCE_PREPS = words("instance_preps")
PREDICATED_DEPS = frozenset({"dobj", "attr", "acomp"})
# "Schumer said Trump and Republicans were not being truthful": a predicate of honesty accuses only
# when negated, and the negation is the accusation itself (context.negated_honesty).
HONESTY_PREDICATES = words("honesty_predicates")
ACCUSED_BY_SPEECH = frozenset({"accuses"})
JUDGED_BY_SPEECH = frozenset({"criticizes", "praises"})
CHARGED_BY_CLAUSE = frozenset({"accuses", "criticizes"})
CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})


def predicate_clause(trigger: Trigger) -> Token | None:
    """The verb whose clause the wrongdoing predicates: the verb itself, the verb whose object or
    complement the word is ("was spreading lies", "committed abuses", "was a breach"), or the verb a
    phrase hangs from ("are in violation of"). A noun further down names no act of the subject:
    "cooperate with an investigation into abuses"."""
    token = trigger.token
    if token.pos_ in syntax.VERBAL:
        return token
    if token.dep_ in PREDICATED_DEPS and token.head.pos_ in syntax.VERBAL:
        return token.head
    prep = token.head
    if trigger.kind == "phrase" and token.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in syntax.VERBAL:
        return prep.head
    return None


def first_conjunct(verb: Token) -> Token:
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb


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


def speaker(f: Frame, speech: Token) -> list[Mention]:
    return f.at(syntax.subject_tokens(speech), assets=False)


def named(tokens: list[Token]) -> list[Token]:
    """The accused must be named: "the White House said he had misled Pence" is about someone the
    speaker had in mind, and a pronoun in reported speech resolves to the wrong person too often."""
    return [t for t in tokens if t.pos_ != "PRON"]


def wrongdoers(f: Frame, clause: Token) -> list[Mention]:
    """Who did wrong: the clause's subject (its owner, the agent of a participle: "the policies
    adopted by Baghdad", the instance it names: "a democracy like India"), the agent of a passive;
    a passive without one names only the victim. Never a pronoun (``named``)."""
    if syntax.is_passive(clause):
        return f.at(named(syntax.agent_tokens(clause)), assets=False)
    subjects = named(syntax.subject_tokens(clause))
    found = f.at(subjects, assets=False)
    for subject in subjects if not found else ():
        found += f.at(syntax.possessors(subject) + syntax.prep_objects(subject, INSTANCE_PREPS), assets=False, hops=1)
        found += [m for verb in syntax.participles(subject) for m in f.at(syntax.agent_tokens(verb), assets=False)]
    return found


@rule("speaker_accusation", 0.7, "spoken", -1, when=lambda rel: rel.name in ACCUSED_BY_SPEECH, overrides=True)
def speaker_accusation(f: Frame):
    """"The Washington Post reported that Trump may have violated IRS rules": the one who says or
    reports that an actor did wrong accuses it. Only the clause of a verb of saying: "Russia
    violated the ceasefire" alone, "denied that Russia meddled", "did not say", "if X violated"
    and a question accuse nobody."""
    token = f.trigger.token
    if syntax.lemma(token) == "lie" and (token.lower_ not in LIE_FORMS or any(c.lower_ in PLACING_PREPS for c in token.children)):
        return []  # "the problem lies in ...": a place; "lay to rest": another verb
    clause = predicate_clause(f.trigger)
    if clause is None:
        return []
    top = first_conjunct(clause)
    speech = speech_verb(top)
    honesty = syntax.lemma(token) in HONESTY_PREDICATES
    if speech is None or is_hedged(clause, speech, honesty) or (top is not clause and is_hedged(top, speech)):
        return []
    sources, targets = speaker(f, speech), wrongdoers(f, clause) or wrongdoers(f, top)
    return [Candidate(sources, targets, "speaker", "speaker_accusation")] if sources and targets else []


@rule("claim_clause", 0.7, "noun", 25, when=lambda rel: rel.name in CHARGED_BY_CLAUSE)
def claim_clause(f: Frame):
    """"allegations from Belarus that the Ukrainian defense ministry had set up a spy ring", "Trump's
    allegation that Obama wiretapped him", "criticism from Democrats that the Republican plan tilts
    toward the rich": the one the that-clause of a charge or criticism is about (``wrongdoers``: its
    subject or the subject's owner, never a pronoun). Only with the maker named on the noun itself
    (its owner, "by" or "from") or as the subject of a light verb ("made allegations that"):
    "denied allegations that ..." states no charge of the one denying."""
    if f.pattern != "noun" or not f.sources:
        return None
    clauses = [c for c in f.node.children if c.dep_ in CONTENT_CLAUSE_DEPS and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    return f.candidate([m for clause in clauses for m in wrongdoers(f, clause)]) if clauses else None


def is_expletive(token: Token) -> bool:
    """"it was unfortunate that ...": "it" stands for the clause, not for an actor."""
    return token.lower_ == "it"


@rule("extraposed_judgement", 0.7, "stance", -1, when=lambda rel: rel.name in JUDGED_BY_SPEECH, overrides=True)
def extraposed_judgement(f: Frame):
    """"George said it was unfortunate that India had refused a visit", "Russia said it was
    unacceptable for Washington to strike": the judgement is the speaker's, of the subject of the
    extraposed clause. Only with an expletive "it" and a that-clause or "for ... to" clause; a
    negated or conditional judgement judges nobody."""
    predicate = f.node
    copula = predicate.head if predicate.dep_ in {"acomp", "attr"} and predicate.head.pos_ in syntax.VERBAL else predicate
    if not any(is_expletive(s) for s in syntax.subject_tokens(copula)):
        return None
    clauses = [c for c in (*predicate.children, *copula.children) if c.dep_ == "ccomp" and c is not predicate]
    clauses += syntax.for_clauses(predicate) + syntax.for_clauses(copula)
    speech = speech_verb(first_conjunct(copula))
    if not clauses or speech is None or is_hedged(copula, speech):
        return []
    targets = [m for clause in clauses for m in wrongdoers(f, clause)]
    sources = speaker(f, speech)
    return [Candidate(sources, targets, "speaker", "extraposed_judgement")] if sources and targets else []


def label_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame | None:
    """Who labels whom: the subject of the labelling verb (its controller in "sought to paint",
    the agent of a passive, never a personal pronoun) and the one labelled, kept as the frame's
    objects. On unlabelled wire copy the labeller a pronoun resolved to was wrong four times in
    five ("It also referred to South Korea as traitors": KCNA, not the last state named)."""
    verb = labelling_verb(trigger.token)
    if verb is None:
        return None
    labelled, _ = label_parts(verb)
    if syntax.is_passive(verb):
        sources = actors.at_all(syntax.agent_tokens(verb))
    else:
        sources, _ = inherited_subjects(verb, actors)
    sources = [m for m in sources if m.how != "pronoun"]
    return Frame(trigger, vocab[trigger.relation], vocab, actors, verb, sources, "labelled", set(), labelled)


@rule("labelled", 0.7, "label", 0)
def labelled(f: Frame):
    """"Corker called Trump a liar" (accuses), "portrayed Clinton as unfit" (criticizes), "has
    sought to paint the Clinton Foundation as a pay-to-play operation": the one labelled, or the
    owner of what is labelled ("called Obama's law a disaster"). A label that judges nothing
    ("called Mattis a great choice") is no trigger."""
    return f.candidate(f.judged(f.objects))
