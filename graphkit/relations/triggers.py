"""Trigger words: the verbs, nouns, phrases and governed frames that name a relation's event."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicons import words
from ..relation_types import Frame, Vocabulary
from ..tokens import TokenView
from . import syntax
from .labels import label_words
from .no_event import is_content_of_request, is_shared_view, names_no_event, verb_names_no_event
from .phrases import inflections, match_phrase, phrase_table, word_matches
from .sayings import said_judgements

CALLED_PREPS = words("called_preps")
POLL_SHARES = words("poll_shares")
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
    phrases, by_first_word = phrase_table(vocab)
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
