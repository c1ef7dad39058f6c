"""From parsed sentences to statements: find triggers, run every rule, resolve, pair endpoints."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..descriptions import ActorKnowledge, names_own_country
from ..lexicons import words
from ..models import Article, Evidence, Mention, Relation
from ..relation_types import RelationType, Vocabulary
from ..tokens import TokenView
from . import (
    legal,  # noqa: F401  (registers the rules of courts and calls)
    noun_rules,  # noqa: F401  (registers the noun and speaker rules)
    speech,  # noqa: F401  (registers accusations and judgements carried by what a speaker says)
    syntax,
)
from .attributes import location, quantity
from .compounds import compound_frame
from .confidence import confidence
from .context import statement_context
from .endpoints import RELATIVE_PRONOUNS, Endpoints
from .noun_rules import noun_frame, spoken_frame
from .registry import Candidate, resolve, rules_for
from .rules import Frame, verb_frame
from .speech import label_frame
from .stances import stance_frame
from .subjects import note_claims
from .triggers import Trigger, find_triggers


def extract_relations(
    doc: Doc, mentions: list[Mention], article: Article, vocab: Vocabulary, knowledge: ActorKnowledge | None = None, view: TokenView | None = None,
) -> Iterator[Relation]:
    """Relations stated in a parsed article, sentence by sentence, in text order.

    ``knowledge`` is what the actors stage knows (known actors, demonyms, a state's forces, a
    person's organisation); without it every actor counts as known and no description resolves.
    ``view`` is the Doc's ``TokenView`` when the caller has made it already.
    """
    knowledge = knowledge or ActorKnowledge()
    view = view or TokenView.of(doc)
    actors = Endpoints(doc, mentions, knowledge, vocab.noun_index)
    for sentence_index, sent in enumerate(doc.sents):
        actors.sentence_index = sentence_index
        seen: set[tuple] = set()
        triggers = find_triggers(sent, vocab, view)
        trigger_verbs = {t.token.i: t.relation for t in triggers if t.token.pos_ == "VERB"}
        for trigger in triggers:
            other_events = frozenset(i for i, name in trigger_verbs.items() if name != trigger.relation)
            for candidate in candidates(trigger, vocab, actors):
                for relation in statements(trigger, candidate, vocab, actors, article, sentence_index, sent, knowledge, other_events):
                    key = (relation.source.id, relation.relation, relation.target.id, relation.negated, relation.modality)
                    if key not in seen:
                        seen.add(key)
                        yield relation
        note_claims(sent, actors, view)


def trigger_kind(trigger: Trigger) -> str:
    if trigger.kind in {"compound", "stance", "label"}:
        return trigger.kind
    return "spoken" if trigger.spoken else "verb" if trigger.is_verb else "noun"


def frame_of(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> Frame | None:
    kind = trigger_kind(trigger)
    if kind == "compound":
        return compound_frame(trigger, vocab, actors)
    if kind == "stance":
        return stance_frame(trigger, vocab, actors)
    if kind == "spoken":
        return spoken_frame(trigger, vocab, actors)
    if kind == "label":
        return label_frame(trigger, vocab, actors)
    return verb_frame(trigger, vocab, actors) if kind == "verb" else noun_frame(trigger, vocab, actors)


def candidates(trigger: Trigger, vocab: Vocabulary, actors: Endpoints) -> list[Candidate]:
    """Every rule of the trigger's kind runs on it; ``registry.resolve`` picks the winner."""
    frame = frame_of(trigger, vocab, actors)
    if frame is None:
        return []
    found = [(r, named(r.function(frame), r.name)) for r in rules_for(trigger_kind(trigger), frame.rel)]
    default = [] if frame.pattern == "speaker" or has_unnamed_partner(trigger) else [Candidate(frame.sources, [], frame.pattern, "sources_only")]
    return resolve(found, default)


def has_unnamed_partner(trigger: Trigger) -> bool:
    """"Schumer and Warren will meet jointly with English", "held talks with officials": a partner
    after "with" whom no rule named (no actor) still is the one met; the subjects did not meet
    each other."""
    words_ = list(trigger.tokens())
    words_ += [syntax.governing_verb(t) for t in words_ if t.pos_ in syntax.NOMINAL]
    return any(syntax.prep_pobjs(t, "with") for t in words_ if t is not None)


def named(found: list[Candidate] | None, rule: str) -> list[Candidate] | None:
    """The candidates of one rule, each naming the rule (records and evaluate report it)."""
    return None if found is None else [c if c.rule else replace(c, rule=rule) for c in found]


def pairs(
    sources: list[Mention], targets: list[Mention], symmetric: bool, mutual: bool = False, reciprocal: bool = False,
) -> Iterator[tuple[Mention, Mention, bool]]:
    """(source, target, reciprocal) for each conjoined source and target."""
    if reciprocal and not targets:  # "X and Y accused each other": each did it to the other
        for i, source in enumerate(sources):
            for j, target in enumerate(sources):
                if i != j and not (symmetric and j < i):  # "fought each other": one symmetric statement
                    yield source, target, True
        return
    if targets:
        for source in sources:
            for target in targets:
                yield source, target, False
                if mutual:  # "signed an agreement with X": both parties agree
                    yield target, source, True
    elif symmetric and len(sources) > 1 or mutual and len(sources) == 2:
        # "A and B signed a deal": each agrees with the other; but the co-signers of a pact
        # signed by three or more do not act on each other (ANNOTATION.md)
        for i, source in enumerate(sources):
            for target in sources[i + 1:]:
                yield source, target, True
                if mutual:
                    yield target, source, True


def statements(
    trigger: Trigger, candidate: Candidate, vocab: Vocabulary, actors: Endpoints, article: Article, sentence_index: int, sent: Span,
    knowledge: ActorKnowledge, other_events: frozenset[int],
) -> Iterator[Relation]:
    stated = vocab[trigger.relation]
    context = None
    for source, target, reciprocal in pairs(candidate.sources, candidate.targets, stated.symmetric, stated.mutual, candidate.pattern == "reciprocal"):
        target_token = token_of(target, sent.doc)
        if states_nothing(stated, trigger, candidate, source, target, target_token, knowledge):
            continue
        rel = object_variant(topic_variant(verbal_variant(stated, trigger, source, target, vocab), trigger, vocab), trigger, vocab)
        context = context or statement_context(trigger.token, actors, other_events)
        start = min(source.start_char, target.start_char, trigger.token.idx)
        end = max(source.end_char, target.end_char, trigger.token.idx + len(trigger.token.text))
        pattern = "symmetric" if reciprocal else candidate.pattern
        relation = Relation(
            source=source.actor, relation=rel.name, target=target.actor,
            evidence=Evidence(article.doc_id, sentence_index, sent.text.strip(), (start, end), article.date, article.title, article.url),
            source_text=source.text, target_text=target.text,
            negated=context.negated, modality=context.modality,
            attributed_to=context.attributed_to.actor if context.attributed_to else None,
            location=location(trigger.token, actors), quantity=quantity(target_token),
            trigger=trigger.text, pattern=pattern, rule=f"cameo:{candidate.rule}" if trigger.dictionary else candidate.rule,
        )
        yield replace(relation, confidence=confidence(relation, trigger.token, source, target, knowledge.is_known))


ARMED_TYPES = frozenset({"State", "ArmedForce", "NonStateArmedGroup"})
FORCE_TYPES = ARMED_TYPES - {"State"}
# Rules whose target is the subject of what the source says (see is_speakers_state).
SPEAKERS_SIDE_RULES = frozenset({"clause_subject", "said_judgement"})


def verbal_variant(rel: RelationType, trigger: Trigger, source: Mention, target: Mention, vocab: Vocabulary) -> RelationType:
    """"Trump attacked Comey", "Trump's attacks on Comey": an attack verb or noun between two
    unarmed actors (people, organisations) is a verbal attack, stated as the relation's
    ``verbal_form``; "Russia attacked Ukraine" is not."""
    if rel.verbal_form is None or syntax.lemma(trigger.token) not in rel.verbal_verbs or trigger.kind not in {"verb", "phrase", "noun"}:
        return rel
    if source.actor.type in ARMED_TYPES or target.actor.type in ARMED_TYPES:
        return rel
    return vocab[rel.verbal_form]


TOPIC_PREPS = words("topic_preps")
POPULATION_NOUNS = words("population_nouns")
BUSINESS_NOUNS = words("business_nouns")


def topic_variant(rel: RelationType, trigger: Trigger, vocab: Vocabulary) -> RelationType:
    """"trade talks with China", "talks on a peace deal": talks toward a deal are negotiations
    (ANNOTATION.md); the relation's ``topic_form`` when the event's topic is one of ``topic_words``."""
    if rel.topic_form is None:
        return rel
    token = trigger.token
    words_in = trigger.tokens()  # "held talks with": the noun of a phrase names the topic too
    topics = [c for w in words_in for c in w.children if c.dep_ in syntax.OWNER_DEPS and c not in words_in]
    topics += [o for w in words_in for prep in w.children if prep.dep_ == "prep" and prep.lower_ in TOPIC_PREPS for o in syntax.pobjs(prep)]
    governor = syntax.governing_verb(token) if token.pos_ in syntax.NOMINAL else token if token.pos_ in syntax.VERBAL else None
    topics += syntax.subject_tokens(governor, syntax.ANY_SUBJECT_DEPS) if governor is not None else []  # "negotiators held talks"
    # the words of the phrase count too: "held trade talks with" matches "hold talks with" around "trade"
    words_ = {syntax.lemma(t) for topic in topics for t in topic.subtree} | {syntax.lemma(t) for t in words_in}
    return vocab[rel.topic_form] if words_ & rel.topic_words else rel


def object_variant(rel: RelationType, trigger: Trigger, vocab: Vocabulary) -> RelationType:
    """"welcomed Germany's decision": the relation's ``object_form`` when the verb's object is one
    of ``object_words`` (a thing said or done, not a guest); an amount's currency ("gave $10,000")
    names the object too."""
    if rel.object_form is None or not trigger.is_verb:
        return rel
    objects = {syntax.lemma(t) for o in syntax.object_tokens(trigger.token) for t in syntax.conjuncts(o)}
    objects |= {syntax.lemma(c) for o in syntax.object_tokens(trigger.token) for c in o.children if c.dep_ in {"nmod", "quantmod"}}
    return vocab[rel.object_form] if objects & rel.object_words else rel


def states_nothing(
    rel: RelationType, trigger: Trigger, candidate: Candidate, source: Mention, target: Mention, target_token: Token, knowledge: ActorKnowledge,
) -> bool:
    """A pair the relation's definition rules out: an actor and itself, one's own state, travel,
    combat with no armed party, a population as victim, a trip home."""
    return (source.actor.id == target.actor.id or is_own_state(source, target) or is_speakers_state(candidate, source, target)
            or is_travel(rel, trigger, source) or is_unarmed_use(rel, trigger, source, target)
            or (rel.no_population and is_population(target, target_token, knowledge))
            or is_rivalry(rel, source, target) or is_domestic(rel, source, target)
            or has_inert_subject(rel, trigger.token) or is_disarmament(rel, trigger.token)
            or (not rel.business_target and names_business(target_token)) or names_business(token_of(source, target_token.doc))
            or (rel.foreign_partner and is_own_government(source, target)))


def is_own_government(source: Mention, target: Mention) -> bool:
    """"Obama met with his national security team", "Trump will renegotiate America's role": a
    person meeting, negotiating or cooperating with his own state (``foreign_partner``, either
    way round) coordinates inside one government (ANNOTATION.md); "Trump met with Congress" stays."""
    return (source.actor.type == "Person" and of_own_state(source, target)) or (target.actor.type == "Person" and of_own_state(target, source))


def token_of(mention: Mention, doc: Doc) -> Token:
    return doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand").root


def names_business(token: Token) -> bool:
    """"China criticized U.S. companies", "Vietnamese and U.S. companies signed memorandums": a
    state's name or demonym before a business noun names companies, which are not the state
    (ANNOTATION.md: companies are organisations of their own); only a sanction on them reaches
    the state (``business_target``)."""
    token = syntax.first_conjunct(token)  # "Vietnamese and U.S. companies": the first conjunct modifies the noun
    return token.dep_ in syntax.OWNER_DEPS and syntax.lemma(token.head) in BUSINESS_NOUNS


def has_inert_subject(rel: RelationType, verb: Token) -> bool:
    """"U.S. energy sanctions had only targeted Russia's projects", "a campaign targeting India's
    tobacco industry": a measure, law or campaign (``inert_subjects``) cannot use force; the owner
    it stands for imposed it and attacked no one. "A bombing campaign" (``force_modifiers``) can."""
    if not rel.inert_subjects or verb.pos_ not in syntax.VERBAL:
        return False
    subjects = syntax.subject_tokens(verb)
    if verb.dep_ == "acl" or verb.dep_ == "relcl" and any(s.lower_ in RELATIVE_PRONOUNS for s in subjects):
        subjects = [verb.head]  # "a campaign targeting", "the sanctions that hit"
    return any(
        syntax.lemma(t) in rel.inert_subjects and not any(syntax.lemma(c) in rel.force_modifiers for c in t.children)
        for s in subjects for t in syntax.conjuncts(s)
    )


def is_disarmament(rel: RelationType, verb: Token) -> bool:
    """"agreed to destroy Syrian chemical weapons": destroying a state's weapons (``disarm_verbs``
    on ``disarm_objects``) disarms it; it is no attack on the state."""
    if syntax.lemma(verb) not in rel.disarm_verbs:
        return False
    return any(syntax.lemma(t) in rel.disarm_objects for o in syntax.object_tokens(verb) for t in syntax.conjuncts(o))


def is_travel(rel: RelationType, trigger: Trigger, source: Mention) -> bool:
    """"Trump left the Philippines": a person leaving a country travels; only states, forces and
    organisations withdraw by leaving ("Britain will leave the EU")."""
    return source.actor.type == "Person" and syntax.lemma(trigger.token) in rel.travel_verbs


def is_unarmed_use(rel: RelationType, trigger: Trigger, source: Mention, target: Mention) -> bool:
    """"will try to engage Americans", "should engage China": a verb of ``armed_verbs`` with no
    armed force or armed group at either end states no combat (a state alone is diplomacy)."""
    armed = {source.actor.type, target.actor.type} & FORCE_TYPES
    return syntax.lemma(trigger.token) in rel.armed_verbs and not armed


def of_own_state(source: Mention, target: Mention) -> bool:
    """The target is the state the source belongs to."""
    return target.actor.type == "State" and source.actor.country is not None and source.actor.country == target.actor.country


def is_speakers_state(candidate: Candidate, source: Mention, target: Mention) -> bool:
    """"Obama pledged that the United States would take in 10,000 refugees", "Flynn warned that
    Washington would no longer tolerate Iran's provocations": the speaker's own state, subject of
    what he says, is the side he speaks for, not the one he pledges to or warns; nor the one he
    judges ("Obama said the United States had made mistakes")."""
    return candidate.rule in SPEAKERS_SIDE_RULES and source.actor.type == "Person" and of_own_state(source, target)


def is_domestic(rel: RelationType, source: Mention, target: Mention) -> bool:
    """"Kelly will travel to Washington to argue", "during his visits to Washington": a trip to
    one's own state (``foreign_target``) is domestic travel, no visit to the state."""
    return rel.foreign_target and of_own_state(source, target)


def is_rivalry(rel: RelationType, source: Mention, target: Mention) -> bool:
    """"Clinton battles rival Sanders", "Obama often clashed with Israel", "a battle between
    Congress and the White House": a relation of armed combat (``armed_party``) with no armed force
    or armed group at either end, and a person or organisation at one, is political rivalry
    (ANNOTATION_NOTES), not fighting; two states can fight each other."""
    types = {source.actor.type, target.actor.type}
    return rel.armed_party and not types & FORCE_TYPES and types != {"State"}


def is_population(mention: Mention, token: Token, knowledge: ActorKnowledge) -> bool:
    """"Filipinos were killed by police", "arrested two Americans", "Iraqi immigrants", "its
    citizens": a bare plural demonym, or a name before a population noun, names people, not the
    state or its forces (ANNOTATION.md); "the Russians" (with the article) may be either and stays."""
    words_ = mention.text.split()
    if len(words_) == 1 and words_[0].endswith("s") and knowledge.state_for_demonym(words_[0]) is not None:
        return True
    return token.dep_ in syntax.OWNER_DEPS and token.head.lemma_.lower() in POPULATION_NOUNS


def is_own_state(source: Mention, target: Mention) -> bool:
    """"Nebenzya defended his country's cooperation with North Korea": an official's own state,
    named as his, is what he speaks for, not someone he supports."""
    return source.actor.type == "Person" and of_own_state(source, target) and names_own_country(target.text)
