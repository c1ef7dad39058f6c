"""Trigger words: the verbs, nouns, phrases and governed frames that name a relation's event."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from ..lexicons import words
from ..relation_types import Frame, RelationType, Vocabulary
from ..tokens import TokenView
from . import syntax
from .labels import label_words
from .sayings import said_judgements

LIGHT_VERBS = words("light_verbs")
LIGHT_VERB_OBJECTS = words("light_verb_objects")
COMPLEMENT_IDIOM_VERBS = words("complement_idiom_verbs")
JOURNALISTIC_REQUESTS = words("journalistic_requests")
ADVISORY_MODIFIERS = words("advisory_modifiers")
ADVISORY_NOUNS = words("advisory_nouns")
PROPOSAL_VERBS = words("proposal_verbs")
CALLED_PREPS = words("called_preps")
QUESTION_VERBS = words("question_verbs")
ASKER_NOUNS = words("asker_nouns")
QUESTION_MARKS = words("question_marks")
SPEECH_VERBS = words("speech_verbs")
POLL_SHARES = words("poll_shares")
OPINION_VERBS = words("opinion_verbs")
OPINION_OBJECTS = words("opinion_objects")
VIEW_MODALS = words("view_modals")
CLAIM_NOUNS = words("claim_nouns")
ANSWERING_VERBS = words("answering_verbs")
DESCRIPTOR_NOUNS = words("descriptor_nouns")
FORMING_VERBS = words("forming_verbs")
INQUIRY_NOUNS = words("inquiry_nouns")
SHARE_DEPS = syntax.ANY_SUBJECT_DEPS | {"compound", "nmod", "nummod"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the verb or noun that names the event
    relation: str
    kind: str  # "verb", "noun", "phrase", "frame", "compound", "stance" or "label"
    prep: Token | None = None  # the preposition a phrase ends with ("on" in "impose sanctions on")
    last: Token | None = None  # last word of a phrase
    spoken: bool = False  # a speaker phrase: the speaker is the source, the subject the target
    frame: str | None = None  # the name of the governed frame that made it ("expulsion")
    dictionary: bool = False  # a candidate verb from the CAMEO dictionary, not from our own lists

    @property
    def is_verb(self) -> bool:
        return self.token.pos_ in syntax.VERBAL

    def tokens(self) -> list[Token]:
        doc = self.token.doc
        end = self.last.i if self.last is not None else self.token.i
        return [doc[i] for i in range(self.token.i, end + 1)]

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens()) if self.kind == "phrase" else self.token.text


def word_matches(token: Token, word: str) -> bool:
    return form_matches(token.lower_, token.lemma_.lower(), word)


def form_matches(lower: str, lemma: str, word: str) -> bool:
    """Whether a word with this lower-case form and lemma is ``word`` of a phrase."""
    return lower == word or lemma == word or lower in inflections(word)


@lru_cache(maxsize=4096)
def inflections(word: str) -> frozenset[str]:
    """Regular forms of a phrase word, since the lemmatiser sometimes errs ("hoping" -> "hop")."""
    stem = word[:-1] if word.endswith("e") else word
    return frozenset({word + "s", word + "es", stem + "ed", stem + "ing", word + "d"})


def match_phrase(sent: Span, start: int, phrase: tuple[str, ...], view: TokenView) -> list[Token] | None:
    """Phrase words in order from ``start``, allowing determiners and adjectives between them."""
    i, matched = start, []
    for position, word in enumerate(phrase):
        while position and i < sent.end and view.dep[i] in syntax.PHRASE_GAP_DEPS and not form_matches(view.lower[i], view.lemma[i], word):
            i += 1
        if i >= sent.end or not form_matches(view.lower[i], view.lemma[i], word):
            return None
        matched.append(i)
        i += 1
    return [sent.doc[i] for i in matched]


def find_triggers(sent: Span, vocab: Vocabulary, view: TokenView | None = None) -> list[Trigger]:
    """Every event trigger in a sentence: phrases first, then governed frames, then single verbs
    and nouns; a word belongs to one trigger. ``view`` is the Doc's ``TokenView`` if made already."""
    view = view or TokenView.of(sent.doc)
    covered: set[int] = set()
    triggers = list(_phrase_triggers(sent, vocab, covered, view))
    triggers += _frame_triggers(sent, vocab, covered, view)
    triggers += _label_triggers(sent, vocab, covered, view)
    for i in range(sent.start, sent.end):
        if i in covered:
            continue
        lemma = view.lemma[i]
        # most words can trigger nothing: skip them before making a Token and the costlier checks
        if lemma not in vocab.any_trigger_lemma and view.dep[i] not in syntax.MODIFIER_DEPS:
            continue
        token = sent.doc[i]
        if is_poll_share(token):
            continue
        compound = compound_relation(token, vocab)
        if compound is not None:
            triggers.append(Trigger(token, compound, "compound"))
            continue
        if lemma in vocab.stance_index and is_stance_predicate(token, vocab):
            triggers.append(Trigger(token, vocab.stance_index[lemma], "stance"))
            continue
        if token.pos_ == "VERB" and is_content_of_request(token, vocab):
            continue
        if token.pos_ == "VERB" and lemma in vocab.verb_index and not verb_names_no_event(token, vocab[vocab.verb_index[lemma]], vocab):
            triggers.append(Trigger(token, vocab.verb_index[lemma], "verb"))
        elif token.pos_ in syntax.NOMINAL and lemma in vocab.noun_index and token.ent_type_ not in syntax.ACTOR_ENTITIES:
            if not names_no_event(token, vocab):
                triggers.append(Trigger(token, vocab.noun_index[lemma], "noun"))
        elif token.pos_ in syntax.NOMINAL and lemma in vocab.clause_noun_index and is_asking(token):
            triggers.append(Trigger(token, vocab.clause_noun_index[lemma], "noun"))
        elif token.pos_ == "VERB" and lemma in vocab.dictionary_index:
            triggers.append(Trigger(token, vocab.dictionary_index[lemma], "verb", dictionary=True))
    return triggers


def compound_relation(token: Token, vocab: Vocabulary) -> str | None:
    """The relation a hyphenated modifier names: "U.S.-backed" (one token) or "Turkey - backed"
    (split, the verb an ``amod`` with the name as its modifier), for relations that allow it."""
    if token.dep_ not in syntax.MODIFIER_DEPS:
        return None
    if "-" in token.text[1:-1]:
        verb = token.text.rsplit("-", 1)[1].lower()
    elif token.pos_ == "VERB" and any(c.tag_ == "HYPH" for c in token.lefts) and syntax.compound_namers(token):
        verb = token.lower_
    else:
        return None
    for lemma, relation in vocab.verb_index.items():
        if vocab[relation].compound_modifier and (verb == lemma or verb in inflections(lemma)):
            return relation
    return None


def _phrase_triggers(sent: Span, vocab: Vocabulary, covered: set[int], view: TokenView) -> list[Trigger]:
    found = []
    phrases, by_first_word = _phrase_table(vocab)
    for i in range(sent.start, sent.end):
        candidates = by_first_word.get(view.lower[i], ()) + by_first_word.get(view.lemma[i], ())
        if not candidates:
            continue
        token = sent.doc[i]
        for phrase, relation, spoken in (phrases[n] for n in sorted(set(candidates))):
            if not word_matches(token, phrase[0]):
                continue
            matched = match_phrase(sent, token.i, phrase, view)
            if matched and not covered.intersection(t.i for t in matched):
                head = next((t for t in matched if t.pos_ in syntax.TRIGGER_HEAD_POS), matched[0])
                last = matched[-1]
                prep = last if last.pos_ == "ADP" or last.dep_ in {"prep", "prt", "agent"} or syntax.is_misread_preposition(last) else None
                # "agree with Trump that ...", "urged Russia to hold talks with Ukraine": covered, but no event
                if not is_shared_view(head) and not (head.pos_ == "VERB" and is_content_of_request(head, vocab)):
                    found.append(Trigger(head, relation, "phrase", prep, matched[-1], spoken))
                covered.update(t.i for t in matched)
                break
    return found


def _frame_triggers(sent: Span, vocab: Vocabulary, covered: set[int], view: TokenView) -> list[Trigger]:
    found = []
    for rel in vocab:
        if not rel.frames:
            continue
        verbs = {frame.verb for frame in rel.frames}  # frame_governor reads no other word
        for i in range(sent.start, sent.end):
            if view.pos[i] != "VERB" or view.lemma[i] not in verbs:
                continue
            token = sent.doc[i]
            governor, frame = frame_governor(token, rel.frames)
            if governor is not None and not covered.intersection({governor.i, token.i}):
                found.append(Trigger(governor, rel.name, "frame", frame=frame.name))
                covered.update({governor.i, token.i})
    return found


# id(vocabulary) -> (the vocabulary, its phrases, their index by first word). Keyed by identity:
# finding them by value (an lru_cache on the phrases) hashed every relation type on every call,
# which cost more than the matching. The vocabulary is kept so that its id is not reused.
_PHRASE_TABLES: dict[int, tuple[Vocabulary, tuple, dict[str, tuple[int, ...]]]] = {}


def _phrase_table(vocab: Vocabulary) -> tuple[tuple, dict[str, tuple[int, ...]]]:
    """The vocabulary's phrases (``Vocabulary.phrases``) and the positions each word form may open."""
    entry = _PHRASE_TABLES.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        if len(_PHRASE_TABLES) >= 8:
            _PHRASE_TABLES.clear()
        phrases = tuple(vocab.phrases())
        entry = _PHRASE_TABLES[id(vocab)] = (vocab, phrases, _phrases_by_first_word(phrases))
    return entry[1], entry[2]


def _phrases_by_first_word(phrases: tuple) -> dict[str, tuple[int, ...]]:
    """Positions of the phrases each word form may start, so that a token is tried only against
    the phrases it can open (the vocabulary has hundreds) and still in the vocabulary's order."""
    index: dict[str, list[int]] = {}
    for position, (phrase, _, _) in enumerate(phrases):
        for form in {phrase[0], *inflections(phrase[0])}:
            index.setdefault(form, []).append(position)
    return {form: tuple(positions) for form, positions in index.items()}


def frame_governor(token: Token, frames: tuple[Frame, ...]) -> tuple[Token | None, Frame | None]:
    """The verb that makes ``token`` one of the frames: "ordered the ambassador to leave" (the
    verb complements a governor), "gave him 72 hours to leave" (through a noun of ``through``)."""
    if token.pos_ != "VERB":
        return None, None
    head = token.head
    for frame in frames:
        if token.lemma_.lower() != frame.verb:
            continue
        if not frame.through and token.dep_ == "xcomp" and head.lemma_.lower() in frame.governors:
            return head, frame
        if frame.through and token.dep_ in syntax.FRAME_DEPS and head.lemma_.lower() in frame.through and head.head.lemma_.lower() in frame.governors:
            return head.head, frame
    return None, None


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


def is_poll_share(token: Token) -> bool:
    """"48 percent said they supported Clinton while 38 percent supported Trump", "50 percent
    support for Trump": the one who supports is a share of those polled (``poll_shares``), the
    subject of the word or of the clause it reports, or the word's own modifier."""
    node = token
    for _ in range(3):
        if any(syntax.lemma(c) in POLL_SHARES for c in node.children if c.dep_ in SHARE_DEPS):
            return True
        if node.dep_ not in {"ccomp", "advcl", "conj"} or node.head is node:
            return False
        node = node.head
    return False


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


def _label_triggers(sent: Span, vocab: Vocabulary, covered: set[int], view: TokenView) -> list[Trigger]:
    """"called Trump a liar": the word of the label that judges (labels.py); it is then no other
    event ("called him a threat")."""
    leads = vocab.label_lead_words
    if not any(view.lemma[i] in leads or view.lower[i] in leads for i in range(sent.start, sent.end)):
        return []  # no word of any label: most sentences
    labels = label_words(sent, vocab) + said_judgements(sent, vocab)
    found = [Trigger(word, relation, "label") for word, relation in labels if word.i not in covered]
    covered.update(t.token.i for t in found)
    return found


def is_complement_idiom(verb: Token) -> bool:
    """"hold Iran accountable", "held China's practices to the rules": a judgement, not a detention."""
    if verb.lemma_.lower() not in COMPLEMENT_IDIOM_VERBS:
        return False
    complements = [c for c in verb.children if c.dep_ in {"oprd", "acomp"} or (c.dep_ in {"ccomp", "xcomp"} and c.pos_ == "ADJ")]
    return bool(complements) or any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)


def is_stance_predicate(token: Token, vocab: Vocabulary) -> bool:
    """"were critical of", "was disappointed": an adjective after a copula, or a passive participle."""
    if token.lemma_.lower() not in vocab.stance_index:
        return False
    if token.pos_ == "ADJ":
        return token.dep_ in {"acomp", "ROOT", "ccomp", "xcomp", "conj"}
    return token.tag_ == "VBN" and any(c.dep_ in {"auxpass", "nsubjpass"} for c in token.children)


def is_asking(noun: Token) -> bool:
    """"calls from Democrats to step down", "growing calls for him to resign", "a call by Trump for
    talks": calls that ask for a clause or for something; "Trump's call to Tsai to congratulate
    her" (to or with someone) and "received a call from Putin to thank him" (one call) are phone calls."""
    if syntax.prep_objects(noun, CALLED_PREPS):
        return False
    asks_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in noun.children)
    return asks_for or (noun.tag_ in syntax.PLURAL_NOUN_TAGS and syntax.asked_clause(noun) is not None)


def is_journalistic_request(noun: Token) -> bool:
    """"a request for comment": the reporter's request, not an event between actors."""
    return any(syntax.lemma(o) in JOURNALISTIC_REQUESTS for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "for" for o in syntax.pobjs(prep))


def names_no_event(noun: Token, vocab: Vocabulary) -> bool:
    """A trigger noun that states no event of its own: what another event is about ("pledged
    aid"), a reporter's request, what a request asks for, what is proposed or weighed, a travel
    advisory."""
    return (is_object_of_other_event(noun, vocab) or is_journalistic_request(noun) or is_requested_event(noun, vocab) or is_advisory(noun)
            or is_descriptor(noun) or is_proposed(noun))


def is_proposed(noun: Token) -> bool:
    """"lawmakers proposed targeted sanctions on Myanmar officials", "is considering sanctions
    against": what is proposed, considered or weighed (``proposal_verbs``) has not happened."""
    node = noun.head if noun.dep_ == "compound" else noun
    governor = syntax.governing_verb(node)
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
        phrase = _phrase_relation(node, vocab, marks)
        relation = phrase if infinitive else verb_relation(node, vocab) or phrase
        if relation is not None:
            return vocab[relation].content_not_event
        if infinitive:
            return False
    return False


def is_requested_event(noun: Token, vocab: Vocabulary) -> bool:
    """"called for the panel to open a probe of Conyers": an event noun whose light verb is what
    was asked for is no event either."""
    governor = syntax.governing_verb(noun.head if noun.dep_ == "compound" else noun)
    return governor is not None and governor.lemma_.lower() in LIGHT_VERBS and is_content_of_request(governor, vocab)


def _phrase_relation(token: Token, vocab: Vocabulary, more_words=()) -> str | None:
    """The relation of a phrase that opens with ``token`` ("call on", "appeal to"), its second word a
    child of ``token`` or one of ``more_words``."""
    phrases, by_first_word = _phrase_table(vocab)
    for n in sorted(set(by_first_word.get(token.lower_, ()) + by_first_word.get(token.lemma_.lower(), ()))):
        words_, relation, _ = phrases[n]
        if len(words_) > 1 and word_matches(token, words_[0]) and any(word_matches(c, words_[1]) for c in (*token.children, *more_words)):
            return relation
    return None


def is_object_of_other_event(noun: Token, vocab: Vocabulary) -> bool:
    """"pledged military aid": the pledge is the event; the aid is what was pledged. A charge
    rejected or denied was still made: "rejected allegations by Ukraine that ..." (ANNOTATION_NOTES:
    "the accusations from NPR are false" is both NPR's accusation and its rejection)."""
    if noun.lemma_.lower() in CLAIM_NOUNS:
        return False
    node = noun.head if noun.dep_ == "compound" else noun
    governor = syntax.governing_verb(node)
    if governor is None or governor.lemma_.lower() in LIGHT_VERBS:
        return False
    relation = verb_relation(governor, vocab) or _phrase_relation(governor, vocab)  # "called for peace talks"
    own = vocab[vocab.noun_index[noun.lemma_.lower()]]
    if own.content_not_event and syntax.lemma(governor) in ANSWERING_VERBS and node.dep_ in syntax.OBJECT_DEPS:
        return False  # "Britain rejected the EU's demands": the demand was made, then answered
    return (relation is not None and vocab[relation].unrealised_object and relation != own.name
            and node.dep_ in syntax.OBJECT_DEPS | {"pobj"})
