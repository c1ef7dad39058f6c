"""Rules for nominal events ("a meeting with X", "Russia's attack on X", "sanctions on Iran by
the EU") and speaker phrases; registered in ``registry`` like the verb rules."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from ..models import Mention
from ..relation_types import Vocabulary
from . import syntax
from .context import statement_context
from .endpoints import Endpoints
from .no_event import LIGHT_VERBS, verb_relation
from .registry import Candidate, rule
from .rules import RECIPIENT_VERBS, Frame
from .subjects import governing_speaker, inherited_subjects
from .triggers import Trigger

PARTNER_NOUNS = words("partner_nouns")
BENEFICIARY_EVENT_NOUNS = words("beneficiary_event_nouns")
AGENT_NOUNS = words("agent_nouns")
RECIPIENT_PREPS = words("recipient_preps")


def noun_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame:
    """The sources of a nominal event: its owner, "by" agent or the subject of its light verb."""
    noun, rel = trigger.token, vocab[trigger.relation]
    node = noun.head if noun.dep_ == "compound" and noun.head.pos_ in syntax.NOMINAL else noun
    # "talks on Ukraine's peace plan" name a topic; "an attack on Kyiv" a target
    preps = set(rel.preps) | {"with", "against"} if rel.symmetric else set(rel.preps) | {"on", "against"}
    if syntax.lemma(noun) in BENEFICIARY_EVENT_NOUNS:
        preps |= {"for"}  # "conducted a closed briefing for members of the committee"
    if trigger.prep is not None:
        preps = {trigger.prep.lower_}
    sources = actors.at_all(syntax.possessors(node))
    sources += [m for m in actors.owners(node) if m not in sources]
    # "an invitation by Congress", "criticism from the UN", "calls from lawmakers" (a speech act's
    # "from" is who speaks, even where the verb's is the target: "asked for help from China");
    # but "withdrawal from Syria" names the target
    speaker_from = rel.speech_act or "from" not in rel.preps
    if speaker_from:
        preps -= {"from"}
    sources += actors.at_all(syntax.prep_objects(node, {"by"} | ({"from"} if speaker_from else set())))
    sources += [m for verb in syntax.participles(node) for m in actors.at_all(syntax.agent_tokens(verb))]
    pattern = "noun"
    # "Iran is the main supplier of drones to Russia": the copula's subject is the source
    governor = syntax.governing_verb(node) or (node.head if node.dep_ == "attr" and node.head.pos_ in syntax.VERBAL else None)
    other_event = governor is not None and syntax.lemma(governor) not in LIGHT_VERBS and (verb_relation(governor, vocab) or rel.name) != rel.name
    # "has not verified the accusations against Trump": a claim belongs to who made it, stated
    # (``stated_owner``); the subject of another verb only reports or weighs it
    inherits = governor is not None and (not rel.stated_owner or syntax.lemma(governor) in LIGHT_VERBS)
    if not sources and inherits and governor.pos_ in syntax.VERBAL and not other_event:
        # but "investigating ... over the transfer of children": the investigator did not transfer them
        sources, _ = inherited_subjects(governor, actors)
        sources = sources or actors.at_all(syntax.agent_tokens(governor))
        pattern = "noun" if syntax.lemma(governor) in LIGHT_VERBS else "inherited"
    return Frame(trigger, rel, vocab, actors, node, sources, pattern, preps, [], governor=governor)


@rule("recipient", 0.75, "noun", 0, overrides=True)
def recipient(f: Frame):
    """"Sweden won the backing of the US", "accepted an invitation by Congress", "came under U.S.
    air attack": the event goes from its owner or agent to the subject of the receiving verb."""
    governor, node = f.governor, f.node
    if governor is None or syntax.lemma(governor) not in RECIPIENT_VERBS or not _received(node):
        return None
    givers = f.actors.at_all(syntax.prep_objects(node, {"of", "from", "by"})) + f.actors.at_all(syntax.possessors(node))
    givers += f.actors.at_all(syntax.prep_objects(governor, {"from"}))  # "receives financial support ... from the United States"
    givers += [m for m in f.actors.owners(node) if m not in givers]
    receivers, _ = inherited_subjects(governor, f.actors)
    receivers = [m for m in receivers if m.actor.id not in {g.actor.id for g in givers}]
    return [Candidate(givers, receivers, "noun")] if givers and receivers else None


def _received(node: Token) -> bool:
    """The event is what the verb receives: its object, or "under" it ("came under attack")."""
    return node.dep_ in syntax.OBJECT_DEPS or (node.dep_ == "pobj" and node.head.lower_ in RECIPIENT_PREPS)


def _noun_preposition_targets(f: Frame) -> list[Mention]:
    targets = f.at(syntax.prep_objects(f.node, f.preps))
    return targets + [m for verb in syntax.participles(f.node) for m in f.at(syntax.prep_objects(verb, f.preps))]


@rule("phrase_object", 0.75, "noun", 10)
def phrase_object(f: Frame):
    """"hold talks with Iran": the object of the preposition a phrase ends with."""
    if f.trigger.prep is None:
        return None
    return f.candidate(f.at(syntax.pobjs(f.trigger.prep), assets=False) or _noun_preposition_targets(f))


@rule("noun_preposition", 0.75, "noun", 20)
def noun_preposition(f: Frame):
    """"an attack on Kyiv", "sanctions imposed on Iran": the noun's or its participle's preposition."""
    return f.candidate(_noun_preposition_targets(f))


@rule("light_verb", 0.75, "noun", 30)
def light_verb(f: Frame):
    """"held talks with Iran", "gave Ukraine aid": the light verb's preposition or indirect object."""
    governor = f.governor
    if governor is None or syntax.lemma(governor) not in LIGHT_VERBS:
        return None
    return f.candidate(f.at(syntax.prep_objects(governor, f.preps), assets=False) + f.at(syntax.children(governor, syntax.INDIRECT_OBJECT_DEPS), assets=False))


@rule("between", 0.75, "noun", 40, when=lambda rel: rel.symmetric or rel.mutual, overrides=True)
def between(f: Frame):
    """"talks between Israel and Hamas", "a deal between the EU and Britain": the parties are the
    objects of "between"; whoever holds or approves the talks ("France held talks between ...")
    is not one of them."""
    parties = f.at(syntax.prep_objects(f.node, {"between", "among"}), assets=False)
    return [Candidate(parties, [], f.pattern)] if len(parties) > 1 else None


@rule("partner_in", 0.75, "noun", 5)
def partner_in(f: Frame):
    """"The YPG has become the main U.S. partner in the fight against Islamic State": both partners
    fight (ANNOTATION_NOTES), the one the partner noun describes and the one it is a partner of."""
    partners = partner_sources(f.node, f.actors)
    if not partners:
        return None
    targets = f.at(syntax.pobjs(f.trigger.prep)) if f.trigger.prep is not None else _noun_preposition_targets(f)
    sources = f.sources + [m for m in partners if m not in f.sources]
    return [Candidate(sources, targets, f.pattern)] if targets else None


def partner_sources(node: Token, actors: Endpoints) -> list[Mention]:
    """Who is a partner in the event ``node`` names: "X became the U.S. partner in the fight", "X,
    a key ally in the war against ..."."""
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep" or syntax.lemma(prep.head) not in PARTNER_NOUNS:
        return []
    partner = prep.head
    found = actors.at_all(syntax.possessors(partner)) + actors.owners(partner) + actors.at_all(syntax.prep_objects(partner, {"of"}))
    if partner.dep_ in {"attr", "oprd"} and partner.head.pos_ in syntax.VERBAL:
        found += actors.at_all(syntax.subject_tokens(partner.head, syntax.ANY_SUBJECT_DEPS))
    elif partner.dep_ == "appos":
        found += actors.at(partner.head, hops=0)
    unique = {m.actor.id: m for m in found}
    return list(unique.values())


@rule("agent_noun", 0.75, "noun", 3, overrides=True)
def agent_noun(f: Frame):
    """"Thiel, an early Trump supporter", "Priebus was a steadfast supporter of Trump": the noun
    names who acts, the actor it describes; its owner or "of" object is the one acted on. Without
    both ("won over Sanders supporters", "his supporters") it states nothing."""
    noun = f.trigger.token
    if syntax.lemma(noun) not in AGENT_NOUNS:
        return None
    if noun.tag_ == "NNS":
        return []  # "Sanders, his supporters, and the party": supporters are a crowd, no one actor
    targets = f.at(syntax.possessors(noun) + syntax.prep_objects(noun, {"of"}), assets=False)
    targets += [m for m in f.actors.owners(noun) if m not in targets]
    described = [m for m in described_actors(noun, f.actors) if m.actor.id not in {t.actor.id for t in targets}]
    return [Candidate(described, targets, "noun")] if described and targets else []


def described_actors(noun: Token, actors: Endpoints) -> list[Mention]:
    """The actors a descriptive noun is said of: "Thiel, an early supporter" (apposition, also
    "the former governor and Trump supporter"), "who was a supporter" (the copula's subject), "A
    staunch supporter of Trump, Ross helped" (a fronted description of the subject), "Rubio supporter
    Jim Bundstein" (a title before a name). Only the name described, not the names listed or
    conjoined with it ("Palin, the governor and Trump supporter, endorsed Nehlen" misparsed)."""
    noun = syntax.first_conjunct(noun)
    head = noun.head
    if noun.dep_ == "appos" or (noun.dep_ == "compound" and head.pos_ == "PROPN"):
        return _named(head, actors)
    if noun.dep_ in {"attr", "oprd"} and head.pos_ in syntax.VERBAL:
        return inherited_subjects(head, actors)[0]
    if noun.dep_ == "npadvmod" and head.pos_ in syntax.VERBAL and noun.i < head.i:
        return [m for subject in syntax.subject_tokens(head) for m in _named(subject, actors)]
    return []


def _named(token: Token, actors: Endpoints) -> list[Mention]:
    """The actor a name itself stands for, without its conjuncts or the list around it."""
    return [actors.by_token[token.i]] if token.i in actors.by_token else []


@rule("attribute", 0.75, "noun", 50)
def attribute(f: Frame):
    """"China was the top supplier of machine tools to Russia": the parser hangs "to" on "was"."""
    if f.node.dep_ != "attr" or f.governor is None:
        return None
    return f.candidate(f.at(syntax.prep_objects(f.governor, set(f.rel.preps))))


@rule("reciprocal_noun", 0.6, "noun", 60, fallback=True)
def reciprocal_noun(f: Frame):
    """"would come to each other's aid"."""
    return [Candidate(f.sources, [], "reciprocal")] if any(syntax.is_reciprocal(c) for c in syntax.possessors(f.node)) else None


@rule("speaker", 0.6, "spoken", 0)
def speaker(f: Frame):
    """"they would become legitimate targets," said Blinken: Blinken warns them."""
    token = f.trigger.token
    said_by = statement_context(token, f.actors).attributed_to or governing_speaker(token, f.actors)
    subjects = f.actors.at_all(syntax.subject_tokens(token, syntax.ANY_SUBJECT_DEPS))
    return [Candidate([said_by], subjects, "speaker")] if said_by is not None and subjects else []


def spoken_frame(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame:
    return Frame(trigger, vocab[trigger.relation], vocab, actors, trigger.token, [], "speaker", set(), [])
