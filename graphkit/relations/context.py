"""Negation, modality and attribution of a statement: one small function per cue, read along the
path from the trigger to the root of its sentence.

``walk`` turns the path into steps (a word, the word below it on the path, whether the step is
still in the trigger's own clause and still below the first reporting verb); every registered cue
looks at every step and returns its effects; ``statement_context`` applies them in path order.
Modality, strongest first: ``hypothetical``, ``planned``, ``reported``, else ``asserted``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons import words
from ..models import Mention
from ..schema import MODALITY_STRENGTH
from . import syntax
from .endpoints import Endpoints
from .subjects import OBJECT_CONTROL_VERBS, SPEECH_VERBS, speaker_of, speakers_participle

HYPOTHETICAL_AUX = words("hypothetical_aux")
PLANNED_AUX = words("planned_aux")
PLANNED_GOVERNORS = words("planned_governors")
HYPOTHETICAL_GOVERNORS = words("hypothetical_governors")
HYPOTHETICAL_RAISING = words("hypothetical_raising")
NO_EVIDENCE_NOUNS = words("no_evidence_nouns")
REPORTED_ADVERBS = words("reported_adverbs")
CONDITIONAL_MARKS = words("conditional_marks")
NEGATIVE_GOVERNORS = words("negative_governors")
NEGATIVE_PHRASAL_GOVERNORS = words("negative_phrasal_governors")
ANSWERED_NOUNS = words("answered_nouns")
INVERSION_AUX = words("inversion_aux")
DISJUNCTIONS = words("disjunctions")
OUTCOME_VERBS = words("outcome_verbs")
HONESTY_PREDICATES = words("honesty_predicates")
CLAUSE_PREPOSITIONS = words("clause_prepositions")
OCCURRENCE_VERBS = words("occurrence_verbs")


@dataclass(frozen=True, slots=True)
class StatementContext:
    negated: bool
    modality: str
    attributed_to: Mention | None


@dataclass(frozen=True, slots=True)
class Step:
    position: int  # 0 for the trigger itself
    token: Token
    children: tuple[Token, ...]  # the token's children, made once for all the cues (spaCy makes new Tokens on every walk)
    below: Token | None  # the word before this one on the path
    own_clause: bool  # not yet across a clause boundary (advcl, conj, relcl, ccomp) or another event
    own_claim: bool  # below the first reporting verb
    # the word governs the trigger inside its clause, even when it is itself another event:
    # "refused to endorse it" (the refusal is a rejection, and the endorsement did not happen)
    governs: bool = False

    @property
    def lemma(self) -> str:
        return syntax.lemma(self.token)

    def below_is(self, *deps: str) -> bool:
        return self.below is not None and self.below.dep_ in deps


# An effect: ("negate" | "invert" | "hypothetical" | "planned" | "reported", None) or ("speaker", Mention).
Effect = tuple[str, Mention | None]
Cue = Callable[[Step, Endpoints], Iterator[Effect]]
CUES: dict[str, Cue] = {}


def cue(name: str) -> Callable[[Cue], Cue]:
    """Register a context cue under ``name``; every cue runs on every step."""
    def register(function: Cue) -> Cue:
        if name in CUES:
            raise ValueError(f"context cue {name!r} is registered twice; rename one")
        CUES[name] = function
        return function
    return register


@cue("negation_particle")
def negation_particle(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"did not attack", "the meeting did not take place"; "Obama's visit to Cuba will not be
    affected" negates what happens to the visit, not the visit (an event noun as subject is
    negated only by ``occurrence_verbs``)."""
    if step.own_clause and any(c.dep_ == "neg" for c in step.children):
        if step.position == 1 and step.below_is("nsubj", "nsubjpass") and step.below.pos_ in syntax.NOMINAL and step.lemma not in OCCURRENCE_VERBS:
            return
        yield "negate", None


@cue("no_determiner")
def no_determiner(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"no attack", "no indication that Russia attacked"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in step.children):
        if step.position == 0 or (step.lemma in NO_EVIDENCE_NOUNS and step.below_is("acl", "ccomp", "relcl")):
            yield "negate", None


@cue("modal_auxiliary")
def modal_auxiliary(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"could attack" (hypothetical), "will attack" (planned); also across a conjunction in the claim."""
    if not (step.own_clause or (step.own_claim and step.below_is("conj"))):
        return
    for child in step.children:
        if child.dep_ in {"aux", "auxpass"}:
            if child.lower_ in HYPOTHETICAL_AUX:
                yield "hypothetical", None
            elif child.lower_ in PLANNED_AUX or syntax.lemma(child) in PLANNED_AUX:
                yield "planned", None


@cue("conditional_mark")
def conditional_mark(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"if Russia attacks", "whether China would supply"."""
    if step.own_claim and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in step.children):
        yield "hypothetical", None


@cue("conditional_clause")
def conditional_clause(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"Russia would attack if NATO ...": a condition hung on a word of the path."""
    if step.own_claim and any(
        c.dep_ == "advcl" and c is not step.below and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in step.children
    ):
        yield "hypothetical", None


@cue("reported_adverb")
def reported_adverb(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"reportedly", "allegedly"."""
    if any(c.dep_ == "advmod" and c.lower_ in REPORTED_ADVERBS for c in step.children):
        yield "reported", None


@cue("according_to")
def according_to(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"according to X": reported, said by X."""
    if any(c.lower_ == "according" for c in step.children):
        yield "reported", None
        speaker = _according_to(step.token, actors)
        if speaker is not None:
            yield "speaker", speaker


@cue("negative_governor")
def negative_governor(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"refused to attack" (not done; "refused not to" is done), "denied attacking", "held off
    criticising"."""
    if not step.position:
        return
    if step.below_is("dobj") and syntax.lemma(step.below) in ANSWERED_NOUNS:
        return  # "rejected calls to resign": the calls were made
    if step.governs and step.lemma in NEGATIVE_GOVERNORS and step.below_is("xcomp", "dobj"):
        yield ("negate" if step.lemma == "deny" else "invert"), None
        return
    # "refrained from blaming Russia", "stopped from attacking": the event is the object of "from"
    if step.position == 2 and step.lemma in NEGATIVE_GOVERNORS and step.below_is("prep") and step.below.lower_ == "from":
        yield "invert", None
        return
    # the parser hangs the event of a phrasal governor as an adverbial clause ("held off criticising")
    phrasal = {f"{step.lemma} {c.lower_}" for c in step.children if c.dep_ == "prt"}
    if step.position == 1 and phrasal & NEGATIVE_PHRASAL_GOVERNORS and step.below_is("xcomp", "advcl", "pcomp"):
        yield "invert", None


@cue("negated_honesty")
def negated_honesty(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"Schumer said Trump was not being truthful": a negated predicate of honesty is itself the
    accusation (speech.py), not a negated one; this undoes the negation particle of the same step."""
    if not step.own_clause or not any(c.dep_ == "neg" for c in step.children):
        return
    honest = step.token if step.position == 0 else step.below if step.position == 1 and step.below_is("acomp", "attr") else None
    if honest is not None and syntax.lemma(honest) in HONESTY_PREDICATES:
        yield "invert", None


@cue("denial")
def denial(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"denied that Tehran had sent drones": a claim that it did not happen."""
    if step.position and step.lemma == "deny" and step.below_is("ccomp"):
        yield "negate", None


@cue("planned_governor")
def planned_governor(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"plans to visit", "agreed to send"."""
    if step.position and step.own_claim and step.below_is("xcomp") and step.lemma in PLANNED_GOVERNORS:
        yield "planned", None


@cue("object_control")
def object_control(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"urged China to stop": asked for, not done."""
    if step.position and step.own_claim and step.below_is("xcomp") and step.lemma in OBJECT_CONTROL_VERBS:
        yield "hypothetical", None


@cue("hypothetical_governor")
def hypothetical_governor(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"it is possible that", "it is unclear whether"."""
    if step.position and step.own_claim and step.below_is("ccomp", "acomp", "csubj") and step.lemma in HYPOTHETICAL_GOVERNORS:
        yield "hypothetical", None


@cue("hypothetical_raising")
def hypothetical_raising(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"is likely to attack": a guess about what will happen."""
    if step.position and step.own_claim and step.below_is("xcomp") and step.lemma in HYPOTHETICAL_RAISING:
        yield "hypothetical", None


@cue("reporting_verb")
def reporting_verb(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"X said that ...": reported, said by X; what is above is no longer the claim's own."""
    if is_reporting_step(step):
        yield "reported", None
        speaker = speaker_of(step.token, actors)
        if speaker is not None:
            yield "speaker", speaker


@cue("passive_say")
def passive_say(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"are said to be"."""
    if step.lemma == "say" and any(c.dep_ == "auxpass" for c in step.children):
        yield "reported", None


@cue("inverted_conditional")
def inverted_conditional(step: Step, actors: Endpoints) -> Iterator[Effect]:
    """"Should these soldiers engage ..., they would ..."."""
    verb = step.token
    if step.own_clause and verb.pos_ in syntax.VERBAL:
        subjects = [s.i for s in verb.children if s.dep_ in syntax.SUBJECT_DEPS]
        if subjects and any(c.dep_ == "aux" and c.lower_ in INVERSION_AUX and c.i < min(subjects) for c in verb.children):
            yield "hypothetical", None


def is_reporting_step(step: Step) -> bool:
    return bool(step.position) and step.below_is("ccomp", "parataxis") and step.lemma in SPEECH_VERBS


def is_shared_disjunct(verb: Token) -> bool:
    """"did not condemn or sanction Russia", "does not plan to end his campaign or endorse Clinton":
    a verb joined by "or" with no subject, auxiliary or negation of its own is in its head's clause."""
    return (verb.dep_ == "conj" and verb.pos_ in syntax.VERBAL and any(c.dep_ == "cc" and c.lower_ in DISJUNCTIONS for c in verb.head.children)
            and not any(c.dep_ in syntax.ANY_SUBJECT_DEPS or c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children))


def is_outcome_of(verb: Token, event: Token) -> bool:
    """"not winning the war against the Taliban": the war's outcome, not the war, is negated."""
    return event.dep_ == "dobj" and syntax.lemma(verb) in OUTCOME_VERBS


def is_gerund_clause(verb: Token, preposition: Token) -> bool:
    """"After meeting Putin, Trump did not comment": the gerund and its preposition are a clause of
    their own, as "after he met Putin" (advcl) would be."""
    return verb.dep_ == "pcomp" and verb.pos_ == "VERB" and preposition.dep_ == "prep" and preposition.lower_ in CLAUSE_PREPOSITIONS


def walk(trigger: Token, other_triggers: frozenset[int] = frozenset()) -> list[Step]:
    """The steps from the trigger to the root; a speaker's trailing participle climbs from the speaker."""
    path = syntax.path_to_root(trigger)
    speech = speakers_participle(trigger)
    if speech is not None:
        path = [trigger, *syntax.path_to_root(speech)]  # the speaker's own act, not part of what was said
    steps, own_clause, own_claim = [], True, True
    for position, token in enumerate(path):
        below = path[position - 1] if position else None
        shared = below is not None and is_shared_disjunct(below)
        if below is not None and (below.dep_ not in syntax.CLAUSE_INTERNAL_DEPS and not shared or is_outcome_of(token, below)):
            own_clause = False
        if position > 1 and is_gerund_clause(path[position - 2], below):
            own_clause = False
        governs = own_clause
        if position and token.i in other_triggers and not shared:
            own_clause = False  # "had not condemned Russia's invasion": the invasion still happened
        step = Step(position, token, tuple(token.children), below, own_clause, own_claim, governs)
        steps.append(step)
        if is_reporting_step(step):
            own_claim = False
    return steps


def statement_context(trigger: Token, actors: Endpoints, other_triggers: frozenset[int] = frozenset()) -> StatementContext:
    """Negation, modality and the speaker: every cue on every step, applied in path order; the
    first speaker found wins; a quotation's speaker when no cue names one."""
    negated, found, speaker = False, set(), None
    for step in walk(trigger, other_triggers):
        for function in CUES.values():
            for effect, mention in function(step, actors):
                if effect == "negate":
                    negated = True
                elif effect == "invert":
                    negated = not negated
                elif effect == "speaker":
                    speaker = speaker or mention
                else:
                    found.add(effect)
    if speaker is None and trigger.sent is not None:
        speaker = quote_speaker(trigger, actors)
        if speaker is not None:
            found.add("reported")
    modality = next((m for m in MODALITY_STRENGTH if m in found), "asserted")
    return StatementContext(negated, modality, speaker)


def _according_to(token: Token, actors: Endpoints) -> Mention | None:
    for child in token.children:
        if child.lower_ == "according":
            for grandchild in child.subtree:
                if grandchild.dep_ == "pobj":
                    found = actors.at(grandchild)
                    if found:
                        return found[0]
            return None
    return None


def quote_speaker(trigger: Token, actors: Endpoints) -> Mention | None:
    """The speaker of a quotation the trigger stands in: "'...,' said Blinken"."""
    sent = trigger.sent
    quotes = [t.i for t in sent if t.is_quote]
    inside = sum(1 for q in quotes if q < trigger.i) % 2 == 1
    if not inside:
        return None
    for token in sent:
        if syntax.lemma(token) in SPEECH_VERBS and token.pos_ == "VERB" and not (quotes[0] < token.i < quotes[-1] if len(quotes) > 1 else False):
            return speaker_of(token, actors)
    return None
