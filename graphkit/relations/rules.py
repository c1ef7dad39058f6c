"""The rules: one small function per way a relation's endpoints are found, registered in
``registry``. A rule reads the ``Frame`` of its trigger (the trigger, the relation's definition,
the sources found so far) and returns candidates, or None when it does not apply."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..descriptions import MILITARY_NOUNS
from ..lexicons import words
from ..models import Mention
from ..relation_types import RelationType, Vocabulary
from . import syntax
from .endpoints import PLACE_NOUNS, RELATIVE_PRONOUNS, Endpoints
from .registry import Candidate, rule
from .subjects import event_agents, event_participants, inherited_subjects
from .triggers import Trigger

THREAT_GOVERNORS = words("threat_governors")
RECIPIENT_VERBS = words("recipient_verbs")
CLAIM_NOUNS = words("claim_nouns")
# What a verb may take of its own, so that it shares no object with a verb conjoined to it.
OWN_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "prep"})
HOSTED_EVENT_NOUNS = words("hosted_event_nouns")


@dataclass(slots=True)
class Frame:
    """What every rule of one trigger reads: computed once, before the rules run."""

    trigger: Trigger
    rel: RelationType
    vocab: Vocabulary
    actors: Endpoints
    node: Token  # the verb, or the noun (the head of a compound trigger)
    sources: list[Mention]
    pattern: str  # how the sources were found
    preps: set[str]
    objects: list[Token]
    anchor: Token | None = None  # the last word of a phrase, else the verb
    passive_targets: list[Mention] | None = None
    governor: Token | None = None  # nouns: the verb the event hangs from

    def at(self, tokens, assets: bool | None = None, hops: int = 2) -> list[Mention]:
        return self.actors.at_all(tokens, hops, self.rel.asset_target if assets is None else assets)

    def judged(self, tokens) -> list[Mention]:
        """The targets at ``tokens``; for a relation with ``owner_target``, a noun that names no
        actor stands for its owner: "criticised China's record", "backed Kyiv's bid" (the record
        is China's, the one criticised)."""
        found = []
        for token in tokens:
            here = self.at([token])
            if not here and self.rel.owner_target and token.pos_ in syntax.NOMINAL:
                here = self.at(syntax.possessors(token), assets=False, hops=1)
            found += here
        return found

    def candidate(self, targets: list[Mention], pattern: str | None = None, rule_name: str = "") -> list[Candidate] | None:
        return [Candidate(self.sources, targets, pattern or self.pattern, rule_name)] if targets else None


# -- verbs -------------------------------------------------------------------------------------
def verb_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame | None:
    """The sources of a verb trigger and what its rules share; None when the verb states no relation
    ("threatened to strike X" is a threat; "killed" with no agent names no source)."""
    verb, rel = trigger.token, vocab[trigger.relation]
    preps = {trigger.prep.lower_} if trigger.prep is not None else set(rel.preps) | ({"with"} if rel.symmetric else set())
    sources, pattern = inherited_subjects(verb, actors)
    if trigger.kind in {"phrase", "frame"} and pattern == "verb":
        pattern = trigger.frame or trigger.kind
    if verb.dep_ == "xcomp" and syntax.lemma(verb.head) in THREAT_GOVERNORS:
        return None
    anchor = trigger.last if trigger.kind == "phrase" and trigger.last is not None else verb
    frame = Frame(trigger, rel, vocab, actors, verb, sources, pattern, preps, syntax.object_tokens(verb), anchor)
    passive_subjects = syntax.subject_tokens(verb, syntax.PASSIVE_SUBJECT_DEPS)
    agents = syntax.agent_tokens(verb)
    if passive_subjects and agents:
        frame.passive_targets, frame.pattern = frame.at(passive_subjects), "passive"
    elif syntax.is_passive(verb) and agents and verb.dep_ == "conj":
        frame.passive_targets, _ = inherited_subjects(verb.head, actors)  # "Xi arrived ... and was welcomed by Putin"
        frame.sources, frame.pattern = actors.at_all(agents), "passive"
    elif passive_subjects:
        frame.sources = event_agents(verb, vocab.noun_index, actors)  # "killed in an Israeli strike"
        if not frame.sources:
            return None
        frame.passive_targets, frame.pattern = frame.at(passive_subjects), "noun"
    return frame


def _phrase_preposition_targets(f: Frame) -> list[Mention]:
    prep = f.trigger.prep
    if prep is None:
        return []
    return [m for p in (prep, *syntax.repeated_preps(f.node, prep)) for m in f.judged(syntax.pobjs(p))]


@rule("passive_subject", 0.8, "verb", 10)
def passive_subject(f: Frame):
    """"Kyiv was attacked by Russia": the subject of a passive with an agent is the target. Not for
    a deal, which binds its signers: what "was signed by Obama" or "agreed by Iran" is a bill or a
    deal, never the other party, whatever its pronoun was resolved to."""
    if f.passive_targets and not f.rel.mutual:
        return f.candidate(f.passive_targets + _phrase_preposition_targets(f))
    return None


@rule("phrase_preposition", 0.85, "verb", 20)
def phrase_preposition(f: Frame):
    """"imposed sanctions on Iran": the object of the preposition a phrase ends with."""
    return f.candidate(_phrase_preposition_targets(f))


@rule("direct_object", 0.85, "verb", 30)
def direct_object(f: Frame):
    """"France condemned Russia"; "applied to join NATO" (the object of a phrase's last word);
    what a verb of ``topic_verbs`` takes is what is talked about ("discussed U.S. sanctions on
    Russia with the Russian ambassador" meets the ambassador's Russia, not the United States)."""
    if f.trigger.prep is not None or syntax.lemma(f.node) in f.rel.topic_verbs:
        return None
    targets = f.at(f.objects)
    if f.anchor is not f.node:
        targets += f.at(syntax.object_tokens(f.anchor))
    return f.candidate(targets)


@rule("preposition", 0.85, "verb", 40)
def preposition(f: Frame):
    """"met with Blinken", "withdrew from Mali": the object of one of the relation's prepositions."""
    return f.candidate(f.at(syntax.prep_objects(f.node, f.preps)))


@rule("shared_object", 0.85, "verb", 50)
def shared_object(f: Frame):
    """"condemned and sanctioned Iran": the object of the conjoined verb is shared. A verb with
    a complement or preposition of its own shares nothing: "has pledged to redraw trade deals, and
    has threatened Mexico", "rallying behind Clinton and ease Sanders out"."""
    if f.objects or f.trigger.prep is not None or syntax.lemma(f.node) in f.rel.topic_verbs:
        return None
    if any(c.dep_ in OWN_COMPLEMENT_DEPS for c in f.node.children):
        return None
    return f.candidate(f.at(syntax.shared_objects(f.node)))


@rule("anchor_preposition", 0.85, "verb", 60)
def anchor_preposition(f: Frame):
    """"pull out of Afghanistan": the preposition after a phrase's last word."""
    if f.anchor is f.node:
        return None
    return f.candidate(f.at(syntax.prep_objects(f.anchor, f.preps)))


@rule("owned_object", 0.8, "verb", 65, when=lambda rel: rel.owner_target)
def owned_object(f: Frame):
    """"criticised China's human-rights record", "condemned Russia's annexation of Crimea": for a
    judgement, an object that names no actor stands for its owner (China; Russia, not Crimea);
    "blamed Venezuela's troubles on the US" is the preposition's, found first."""
    objects = f.objects + (syntax.object_tokens(f.anchor) if f.anchor is not f.node else [])
    return f.candidate(f.judged(objects + syntax.prep_objects(f.node, f.preps)))


@rule("nested_preposition", 0.85, "verb", 70)
def nested_preposition(f: Frame):
    """"demanded an explanation from Moscow", "suspended imports of Japanese seafood"."""
    nested = f.preps | {"from"} | ({"of"} if f.rel.asset_target else set())
    objects = [t for t in f.objects if syntax.lemma(t) not in PLACE_NOUNS]
    return f.candidate(f.at([p for t in objects for p in syntax.nested_prep_objects(t, nested, PLACE_NOUNS)]))


@rule("clause_subject", 0.85, "verb", 80, when=lambda rel: rel.speech_act and not rel.claim_target)
def clause_subject(f: Frame):
    """"demanded that the Houthis stop", "warned that Washington would pay". Not for a rejection
    (``claim_target``): what is rejected is a claim, whose maker is the one rejected, not its
    subject; and "refused" with a clause is mostly a misparse ("was disappointed India had refused
    visas", the parser hanging "was disappointed" below "refused")."""
    return f.candidate(f.at([t for c in syntax.clauses(f.node) for t in syntax.subject_tokens(c, syntax.ANY_SUBJECT_DEPS)], assets=False))


@rule("embedded_object", 0.85, "verb", 81, when=lambda rel: rel.speech_act and rel.embedded_target)
def embedded_object(f: Frame):
    """"threatened to strike Kyiv": the object of the threatened act."""
    return f.candidate(f.at([t for c in syntax.clauses(f.node) if c.dep_ == "xcomp" for t in syntax.object_tokens(c)], assets=True))


@rule("relative", 0.7, "verb", 90)
def relative_object(f: Frame):
    """"the troops that Russia trained": the noun a relative clause modifies is the target."""
    verb = f.node
    if verb.dep_ != "relcl" or not syntax.has_relative_object(verb, RELATIVE_PRONOUNS):
        return None
    return [Candidate(f.at(syntax.subject_tokens(verb), assets=False), f.actors.at(verb.head), "relative")]


@rule("participle_agent", 0.8, "verb", 0, overrides=True)
def participle_agent(f: Frame):
    """"sanctions imposed by the EU on Iran", "a meeting hosted by Qatar" (Qatar itself, no target;
    with hosts_events, the guests of "held talks at a meeting hosted by Erdogan")."""
    verb = f.node
    if not syntax.is_participle_with_agent(verb):
        return None
    sources = f.actors.at_all(syntax.agent_tokens(verb))
    targets = [m for m in f.actors.at(verb.head) if m.actor.id not in {s.actor.id for s in sources}]
    if not targets and f.rel.hosts_events and syntax.lemma(verb.head) in HOSTED_EVENT_NOUNS:
        targets = event_participants(verb.head, f.actors)
    return [Candidate(sources, targets, "passive")]


@rule("answered_clause", 0.85, "verb", 100, when=lambda rel: rel.answers_clause)
def answered_clause(f: Frame):
    """"Kyiv asked Berlin for missiles, but Scholz has refused": the refusal answers the first clause."""
    verb = f.node
    if f.objects or verb.dep_ != "conj" or not syntax.subject_tokens(verb):
        return None
    return f.candidate(f.actors.at_all(syntax.subject_tokens(verb.head)))


@rule("reference", 0.55, "verb", 110, when=lambda rel: rel.claim_target)
def reference(f: Frame):
    """"Hamas rejected the claim": a claim with no owner of its own stands for whoever last made one;
    "denied accusations by its neighbors", "rejects accusations by rights groups" name their
    makers, who are no actors, and stand for nobody else."""
    found = [f.actors.claim_reference(t) for t in f.objects if syntax.lemma(t) in CLAIM_NOUNS and not f.actors.at(t) and not _has_maker(t)]
    return f.candidate([m for m in found if m is not None], "reference")


def _has_maker(claim: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in {"by", "from"} for c in claim.children)


@rule("own_forces", 0.85, "verb", 120, when=lambda rel: rel.own_forces)
def own_forces(f: Frame):
    """"Russia deployed more troops": troops named by no one are the source's own forces."""
    bare = [t for t in f.objects if syntax.lemma(t) in MILITARY_NOUNS and t.i not in f.actors.by_token]
    if not bare:
        return None
    pairs = [(s, f.actors.own_forces(s, bare[0])) for s in f.sources]
    return [Candidate([s], [own], f.pattern) for s, own in pairs if own is not None]


@rule("reciprocal", 0.6, "verb", 130, fallback=True)
def reciprocal_verb(f: Frame):
    """"Armenia and Azerbaijan accused each other": each did it to the other."""
    words_ = [*f.objects, *syntax.prep_objects(f.node, f.preps | {"with", "against", "on", "to"})]
    return [Candidate(f.sources, [], "reciprocal")] if any(syntax.is_reciprocal(t) for t in words_) else None
