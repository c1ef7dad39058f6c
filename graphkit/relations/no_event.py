"""Trigger words that state no event of their own: a light verb ("held talks"), an idiom ("hold
Iran accountable"), what is moved, asked for, proposed or weighed, a shared view, a reporter's
question, a plan, a standing alliance, a travel advisory (ANNOTATION.md, ANNOTATION_NOTES)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from ..relation_types import RelationType, Vocabulary
from . import syntax
from .phrases import phrase_relation

LIGHT_VERBS = words("light_verbs")
LIGHT_VERB_OBJECTS = words("light_verb_objects")
COMPLEMENT_IDIOM_VERBS = words("complement_idiom_verbs")
JOURNALISTIC_REQUESTS = words("journalistic_requests")
ADVISORY_MODIFIERS = words("advisory_modifiers")
ADVISORY_NOUNS = words("advisory_nouns")
PROPOSAL_VERBS = words("proposal_verbs")
QUESTION_VERBS = words("question_verbs")
ASKER_NOUNS = words("asker_nouns")
QUESTION_MARKS = words("question_marks")
SPEECH_VERBS = words("speech_verbs")
OPINION_VERBS = words("opinion_verbs")
OPINION_OBJECTS = words("opinion_objects")
VIEW_MODALS = words("view_modals")
CLAIM_NOUNS = words("claim_nouns")
ANSWERING_VERBS = words("answering_verbs")
DESCRIPTOR_NOUNS = words("descriptor_nouns")
FORMING_VERBS = words("forming_verbs")
INQUIRY_NOUNS = words("inquiry_nouns")


def verb_names_no_event(verb: Token, rel: RelationType, vocab: Vocabulary) -> bool:
    """A trigger verb of ``rel`` that states no event of its own: a light verb ("held talks"), an
    idiom ("hold Iran accountable"), an idle object ("sent a letter"), a reporter's question, a
    shared view ("agreed with Trump that"), a plan ("agreed to share")."""
    return (is_light_verb_use(verb, vocab) or is_complement_idiom(verb) or has_idle_object(verb, rel) or moves_no_goods(verb, rel)
            or is_question(verb) or is_shared_view(verb) or is_plan(verb, rel) or is_bare_causative(verb, rel)
            or is_compliance(verb, rel))


def verb_relation(verb: Token, vocab: Vocabulary) -> str | None:
    """The relation a verb names where it governs another event: none for a bare causative ("got
    sworn testimony from", "got to meet" ask nobody)."""
    relation = vocab.verb_index.get(syntax.lemma(verb))
    return None if relation is None or is_bare_causative(verb, vocab[relation]) else relation


def is_bare_causative(verb: Token, rel: RelationType) -> bool:
    """"trying to get Republicans to abandon the tax", "convince Xi to act" ask them; "get support",
    "got to know", "convincing Trump that changes are needed" ask nobody: a verb of ``causative_verbs``
    states the relation only with an infinitive clause that has its own subject, or an object and an
    infinitive."""
    if syntax.lemma(verb) not in rel.causative_verbs:
        return False
    clauses = [c for c in verb.children if c.dep_ in syntax.COMPLEMENT_DEPS and syntax.is_infinitive(c)]
    with_subject = any(syntax.subject_tokens(c, syntax.ANY_SUBJECT_DEPS) for c in clauses + syntax.for_clauses(verb))
    objects = syntax.object_tokens(verb)
    # "managed to convince Trump to allow ...": the parser may hang the infinitive on the verb above
    return not (with_subject or (objects and (clauses or any(syntax.infinitive_follows(o) for o in objects))))


def is_compliance(verb: Token, rel: RelationType) -> bool:
    """"is cooperating with the attorney general in its investigation", "cooperated with the
    probe": with ``inquiry_partner`` relations, working with an inquiry (``inquiry_nouns``) is
    compliance with a process, no partnership (ANNOTATION_NOTES)."""
    if not rel.inquiry_partner:
        return False
    return any(syntax.lemma(o) in INQUIRY_NOUNS for p in verb.children if p.dep_ == "prep" and p.lower_ in {"with", "in"} for o in syntax.pobjs(p))


def is_light_verb_use(verb: Token, vocab: Vocabulary) -> bool:
    """"held talks", "provided aid": the noun names the event, not the verb."""
    return verb.lemma_.lower() in LIGHT_VERBS and any(
        child.dep_ in syntax.OBJECT_DEPS and (child.lemma_.lower() in vocab.noun_index or child.lemma_.lower() in LIGHT_VERB_OBJECTS) for child in verb.children
    )


def is_plan(verb: Token, rel: RelationType) -> bool:
    """"Japan and South Korea agreed to share intelligence": with ``infinitive_plans``, the bare
    verb and an infinitive is a plan; "agreed with Seoul to share", "agreed on a deal" are not bare."""
    if not rel.infinitive_plans or any(c.dep_ in syntax.OBJECT_DEPS or c.dep_ == "prep" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and syntax.is_infinitive(c) for c in verb.children)


def has_idle_object(verb: Token, rel: RelationType) -> bool:
    """"sent a letter to Congress", "gave Zinke a low score", "will sign it into law", "the bills
    ... be signed by Brown": what the verb moves or signs is a thing written, said or decided, one
    of its relation's ``idle_objects``; no goods change hands and no deal is made."""
    idle = rel.idle_objects
    return bool(idle) and any(syntax.lemma(t) in idle for t in moved_things(verb))


def moves_no_goods(verb: Token, rel: RelationType) -> bool:
    """"gave Congress until March", "gave no details", "giving Democrats hope", "sent a commander
    there": one of the relation's generic ``goods_verbs`` moving nothing among its ``goods`` (or
    ``object_words``, money) states no supply. "sent weapons", "gave Ukraine $1 billion of
    military equipment" still do: a noun anywhere in what is moved counts."""
    if syntax.lemma(verb) not in rel.goods_verbs:
        return False
    wanted = rel.goods | rel.object_words
    return not any(syntax.lemma(t) in wanted for thing in moved_things(verb) for t in thing.subtree)


def moved_things(verb: Token) -> list[Token]:
    """What a verb moves, signs or gives: its objects, "into" and "with" objects, passive subjects,
    the noun it modifies ("the letter sent to Kerry"), each with its conjuncts."""
    objects = syntax.object_tokens(verb) + syntax.prep_pobjs(verb, "into") + syntax.subject_tokens(verb, syntax.PASSIVE_SUBJECT_DEPS)
    objects += syntax.prep_pobjs(verb, "with")  # "provided Russia with drones"
    if verb.dep_ in {"relcl", "acl"}:  # "the bill Obama signed", "the letter sent to Kerry"
        objects.append(verb.head)
    elif verb.dep_ == "conj" and syntax.is_passive(verb):  # "will pass the Assembly or be signed by Brown"
        objects += syntax.subject_tokens(verb.head, syntax.ANY_SUBJECT_DEPS)
    return [t for o in objects for t in syntax.conjuncts(o)]


def is_shared_view(verb: Token) -> bool:
    """"agreed with Trump that deals should be renegotiated", "agreed with Trump's plan", "agreed
    with Trump in opposing the order", "agreed on the importance of", "agreed that tensions
    should be avoided": agreeing with a view, that something ought to be, or on
    a need (``opinion_objects``) is sharing an opinion, no deal with anyone; "agreed with China to
    act" and "agreed on a ceasefire" stay agreements."""
    if syntax.lemma(verb) not in OPINION_VERBS or any(c.dep_ == "xcomp" for c in verb.children):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep"]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if any(p.lower_ == "with" for p in preps) and clauses:
        return True
    # "Erdogan and May agreed in a phone call that new tensions should be avoided": what ought to
    # be is a view they share, not a deal (a deal's terms are what will be: "agreed that the truce will start")
    # the parser may hang the clause on "call" as a relative clause; "that" and a subject of its own show it is not one
    clauses += [c for p in preps for o in p.children for c in o.children
                if c.dep_ == "relcl" and any(m.dep_ == "mark" for m in c.children) and syntax.subject_tokens(c, syntax.ANY_SUBJECT_DEPS)]
    if any(syntax.lemma(aux) in VIEW_MODALS for clause in clauses for aux in clause.children if aux.dep_ == "aux"):
        return True
    # a view agreed with or on, not where ("agreed in a phone call"); "in opposing" is a view too
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" or c.dep_ == "pobj" and syntax.lemma(c) in OPINION_OBJECTS and p.lower_ in {"with", "on"}
               for p in preps for c in p.children)


def is_question(verb: Token) -> bool:
    """"Asked if he would recognize Crimea, Trump said ...", "Asked about the report, Putin said":
    the participle's subject is the one asked and the asker (a reporter) is unnamed, so no request
    (ANNOTATION_NOTES: being asked a question by reporters gives no edge). "Coons asked Sessions
    whether ..." names both and stays a request (ANNOTATION.md: ask is requests)."""
    if syntax.lemma(verb) not in QUESTION_VERBS:
        return False
    if verb.tag_ == "VBN" and verb.dep_ in {"advcl", "acl"}:  # "When asked by a reporter if ..." asks for the press
        return all(syntax.lemma(a) in ASKER_NOUNS for a in syntax.agent_tokens(verb))
    return is_misread_question(verb)


def is_misread_question(verb: Token) -> bool:
    """"Obama, asked whether Sanders reminded him of himself, told Politico: ...": the parser makes
    "asked" the main verb, its subject the one asked, and the speech verb after the question its
    complement with no subject of its own."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    question = any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for c in clauses for m in c.children)
    speech = any(syntax.lemma(c) in SPEECH_VERBS and not syntax.subject_tokens(c, syntax.ANY_SUBJECT_DEPS) for c in clauses)
    return question and speech


def is_complement_idiom(verb: Token) -> bool:
    """"hold Iran accountable", "held China's practices to the rules": a judgement, not a detention."""
    if verb.lemma_.lower() not in COMPLEMENT_IDIOM_VERBS:
        return False
    complements = [c for c in verb.children if c.dep_ in {"oprd", "acomp"} or (c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "ADJ")]
    return bool(complements) or any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def is_journalistic_request(noun: Token) -> bool:
    """"a request for comment": the reporter's request, not an event between actors."""
    return any(syntax.lemma(o) in JOURNALISTIC_REQUESTS for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "for" for o in syntax.pobjs(prep))


def names_no_event(noun: Token, vocab: Vocabulary) -> bool:
    """A trigger noun that states no event of its own: what another event is about ("pledged
    aid"), a reporter's request, what a request asks for, what is proposed or weighed, a travel
    advisory."""
    return (is_object_of_other_event(noun, vocab) or is_journalistic_request(noun) or is_requested_event(noun, vocab) or is_advisory(noun)
            or is_descriptor(noun) or is_proposed(noun))


def governed_phrase(noun: Token) -> tuple[Token, Token | None]:
    """The noun phrase an event noun heads or modifies ("talks" of "peace talks") and the verb that
    governs it ("pledged military aid": "pledged")."""
    node = noun.head if noun.dep_ == "compound" else noun
    return node, syntax.governing_verb(node)


def is_proposed(noun: Token) -> bool:
    """"lawmakers proposed targeted sanctions on Myanmar officials", "is considering sanctions
    against": what is proposed, considered or weighed (``proposal_verbs``) has not happened."""
    node, governor = governed_phrase(noun)
    return governor is not None and syntax.lemma(governor) in PROPOSAL_VERBS and node.dep_ in syntax.OBJECT_DEPS


def is_descriptor(noun: Token) -> bool:
    """"reaffirmed the strategic partnership between the United States and Saudi Arabia", "a rift
    in a security alliance with Washington": a standing relationship (``descriptor_nouns``), like
    "ally" or "ties", is no event; "formed an alliance with" (``forming_verbs``) is one."""
    if syntax.lemma(noun) not in DESCRIPTOR_NOUNS:
        return False
    governor = syntax.governing_verb(noun)
    return governor is None or syntax.lemma(governor) not in FORMING_VERBS


def is_advisory(noun: Token) -> bool:
    """"its travel warning on Turkey": advice to one's own citizens, not a warning to Turkey."""
    return syntax.lemma(noun) in ADVISORY_NOUNS and any(c.dep_ == "compound" and syntax.lemma(c) in ADVISORY_MODIFIERS for c in noun.children)


def is_content_of_request(verb: Token, vocab: Vocabulary) -> bool:
    """"called on Russia and Ukraine to agree", "urged Iran to stop supplying": what is asked for
    is not an event (ANNOTATION.md); the asking is the relation of the governing verb or phrase."""
    node = verb
    for _ in range(3):
        # "called for the panel to open a probe": the parser hangs the infinitive as an adverbial
        # clause of "called"; only a request phrase ("call for", "call on") takes it as its content
        infinitive = node.dep_ == "advcl" and syntax.is_infinitive(node)
        if (node.dep_ not in syntax.COMPLEMENT_DEPS and not infinitive) or node.head is node:
            return False
        # "called for the United States to work with China": the parser makes "for" the infinitive's mark
        marks = [c for c in node.children if c.dep_ == "mark"] if syntax.is_infinitive(node) else []
        node = node.head
        phrase = phrase_relation(node, vocab, marks)
        relation = phrase if infinitive else verb_relation(node, vocab) or phrase
        if relation is not None:
            return vocab[relation].content_not_event
        if infinitive:
            return False
    return False


def is_requested_event(noun: Token, vocab: Vocabulary) -> bool:
    """"called for the panel to open a probe of Conyers": an event noun whose light verb is what
    was asked for is no event either."""
    _, governor = governed_phrase(noun)
    return governor is not None and governor.lemma_.lower() in LIGHT_VERBS and is_content_of_request(governor, vocab)


def is_object_of_other_event(noun: Token, vocab: Vocabulary) -> bool:
    """"pledged military aid": the pledge is the event; the aid is what was pledged. A charge
    rejected or denied was still made: "rejected allegations by Ukraine that ..." (ANNOTATION_NOTES:
    "the accusations from NPR are false" is both NPR's accusation and its rejection)."""
    if noun.lemma_.lower() in CLAIM_NOUNS:
        return False
    node, governor = governed_phrase(noun)
    if governor is None or governor.lemma_.lower() in LIGHT_VERBS:
        return False
    relation = verb_relation(governor, vocab) or phrase_relation(governor, vocab)  # "called for peace talks"
    own = vocab[vocab.noun_index[noun.lemma_.lower()]]
    if own.content_not_event and syntax.lemma(governor) in ANSWERING_VERBS and node.dep_ in syntax.OBJECT_DEPS:
        return False  # "Britain rejected the EU's demands": the demand was made, then answered
    return (relation is not None and vocab[relation].unrealised_object and relation != own.name
            and node.dep_ in syntax.OBJECT_DEPS | {"pobj"})
