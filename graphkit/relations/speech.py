"""What a speaker says of another actor: an accusation carried by a that-clause ("The Washington
Post reported that Trump may have violated IRS rules": the Post accuses Trump), a judgement in
extraposition ("George said it was unfortunate that India had refused a visit": George criticises
India), a charge's that-clause ("allegations from Belarus that the Ukrainian defense ministry had
set up a spy ring"), a label ("Corker called Trump a liar": Corker accuses Trump; labels.py) and
a label's word said of an actor ("Gardner said Moore was unfit": Gardner criticizes Moore; sayings.py).
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
from .sayings import is_expletive, is_hedged, judged_predication, speech_verb
from .subjects import inherited_subjects
from .triggers import Trigger

PLACING_PREPS = words("placing_preps")
LIE_FORMS = words("lie_forms")
INSTANCE_PREPS = words("instance_preps")
PREDICATED_DEPS = frozenset({"dobj", "attr", "acomp"})
# "Schumer said Trump and Republicans were not being truthful": a predicate of honesty accuses only
# when negated, and the negation is the accusation itself (context.negated_honesty).
HONESTY_PREDICATES = words("honesty_predicates")
PERSONAL_SPEAKER_PRONOUNS = words("personal_speaker_pronouns")
ACCUSED_BY_SPEECH = frozenset({"accuses"})
JUDGED_BY_SPEECH = frozenset({"criticizes", "praises"})
CHARGED_BY_CLAUSE = frozenset({"accuses", "criticizes"})
CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
SAID_PATTERN = "said_judgement"


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


def speaker(f: Frame, speech: Token) -> list[Mention]:
    """The subject of the verb of saying; for a verb without one, the named one it comes from:
    "the Kremlin denounced the move, saying Washington had violated the treaty"."""
    own = f.at(syntax.subject_tokens(speech), assets=False)
    if own or syntax.subject_tokens(speech):
        return own
    inherited, _ = inherited_subjects(speech, f.actors)
    return [m for m in inherited if m.how != "pronoun"]


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
    top = syntax.first_conjunct(clause)
    speech = speech_verb(top)
    honesty = syntax.lemma(token) in HONESTY_PREDICATES
    if speech is None or is_hedged(clause, speech, honesty) or (top is not clause and is_hedged(top, speech)):
        return []
    # "said Russia violated the truce and shelled Kyiv": a conjunct without a subject of its own is
    # the first conjunct's; one with its own ("... and its actions undermine the law") is not
    inherits = not syntax.subject_tokens(clause, syntax.ANY_SUBJECT_DEPS)
    sources, targets = speaker(f, speech), wrongdoers(f, clause) or (wrongdoers(f, top) if inherits else [])
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
    speech = speech_verb(syntax.first_conjunct(copula))
    if not clauses or speech is None or is_hedged(copula, speech):
        return []
    targets = [m for clause in clauses for m in wrongdoers(f, clause)]
    sources = speaker(f, speech)
    return [Candidate(sources, targets, "speaker", "extraposed_judgement")] if sources and targets else []


def label_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame | None:
    """Who labels whom: the subject of the labelling verb (its controller in "sought to paint",
    the agent of a passive; ``judges``) and the one labelled, kept as the frame's objects."""
    verb = labelling_verb(trigger.token)
    if verb is None:
        return said_frame(trigger, vocab, actors)
    labelled, _ = label_parts(verb)
    if syntax.is_passive(verb):
        sources = actors.at_all(syntax.agent_tokens(verb))
    else:
        sources, _ = inherited_subjects(verb, actors)
    return Frame(trigger, vocab[trigger.relation], vocab, actors, verb, judges(sources), "labelled", set(), labelled)


def judges(sources: list[Mention]) -> list[Mention]:
    """Who may judge: a name, or "he" or "she" resolved ("Once again, Turkey is doing a great job
    here," she said: Merkel, named in the sentence before; right four times in four on unlabelled
    wire copy); never "it" or "they", which resolved to the wrong actor four times in five ("It also
    referred to South Korea as traitors": KCNA, not the last state named)."""
    return [m for m in sources if m.how != "pronoun" or m.text.lower() in PERSONAL_SPEAKER_PRONOUNS]


def said_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame | None:
    """A judging word said of someone ("Gardner said Moore was unfit"): the speaker (``judges``) and
    the subjects of the predication, kept as the frame's objects."""
    found = judged_predication(trigger.token, vocab)
    if found is None:
        return None
    subjects, speech = found
    sources, _ = inherited_subjects(speech, actors)  # "Trump attacked Obama, saying his policy was a disaster"
    return Frame(trigger, vocab[trigger.relation], vocab, actors, speech, judges(sources), SAID_PATTERN, set(), subjects)


@rule("labelled", 0.7, "label", 0)
def labelled(f: Frame):
    """"Corker called Trump a liar" (accuses), "portrayed Clinton as unfit" (criticizes), "has
    sought to paint the Clinton Foundation as a pay-to-play operation": the one labelled, or the
    owner of what is labelled ("called Obama's law a disaster"). A label that judges nothing
    ("called Mattis a great choice") is no trigger."""
    return None if f.pattern == SAID_PATTERN else f.candidate(f.judged(f.objects))


@rule(SAID_PATTERN, 0.7, "label", -1)
def said_judgement(f: Frame):
    """"Gardner said Moore was unfit to serve" (criticizes), "McCain said Trump's decision was a
    mistake", "'Turkey is doing a great job,' Merkel said" (praises), "said the foundation was
    corrupt" (accuses): the speaker judges the subject, or the one a proxy subject stands for
    ("Trump's decision"); the owner of any other thing is not judged ("Russia's economy is weak")."""
    if f.pattern != SAID_PATTERN:
        return None
    return [Candidate(f.sources, f.at(f.objects, assets=False), SAID_PATTERN)] if f.sources else []
