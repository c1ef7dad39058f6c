"""The resolver: one document's state (tokens taken, mentions so far) and the order its rules run in."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..descriptions import GOVERNMENT_NOUNS
from ..models import Actor, Article, Mention
from ..nlp import ACTOR_LABELS
from ..tokens import TokenView
from .bodies import _dateline_bodies, dateline_state, legislature_of, national_body, prominent_state
from .filters import _is_credit, _is_dateline
from .gender import AgreementRules
from .groups import GroupRules
from .helpers import (
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    _before_dash,
    _lemma,
    _strip_determiner,
    _strip_possessive,
    _whole_name,
    _without_lost_clitic,
)
from .people import PersonRules
from .references import ReferenceRules


class _Resolver(PersonRules, GroupRules, ReferenceRules, AgreementRules):
    """State for one document: which tokens are taken, and the mentions found so far."""

    def __init__(self, doc: Doc, article: Article, kb, event_nouns: frozenset[str] = frozenset(), view: TokenView | None = None):
        self.doc = doc
        self.view = view or TokenView.of(doc)  # the rules skip most words by reading this, not the Doc
        # spaCy builds doc.ents anew on every access; resolution reads them for every mention it adds
        self.ents = doc.ents
        self.ent_at = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        self._word_positions: dict[str, list[int]] | None = None  # word -> its token indices, built when first asked
        self.event_nouns = event_nouns
        self.date = article.date
        self.kb = kb
        self.taken: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self.groups: dict[tuple[int, int], list[Mention]] = {}  # words that stand for several actors ("they")
        self.people_by_surname: dict[str, Actor] = {}
        self.people_by_title: dict[tuple[str, str | None], Actor] = {}
        self._states_with_forces: set[str] | None = None
        self.deferred: list[tuple[Actor, int, int]] = []
        self._dateline: Actor | None | bool = False  # not looked up yet
        self.deferred_nested: list[tuple[Actor, int, int]] = []
        self._gender_cues: dict[str, set[str]] | None = None  # actor id -> genders the article's words give (gender.py)
        self.learned_genders: dict[str, set[str]] = {}  # ... and those unambiguous pronouns gave
        self._person_words: set[str] | None = None  # words of the people's names, read by gender.py
        # Surnames of people named in full ("Chris Christie"): a lone "Christie" the tagger calls
        # an organisation is that person.
        full_names = [_whole_name(e) for e in self.ents if e.label_ == "PERSON" and len(e) >= 2]
        self.article_surnames = {e[-1].text for e in full_names}
        # ... and the ends of those names: "Le Pen" after "Marine Le Pen", "Pena Nieto"
        self.article_name_tails = {e[i:].text for e in full_names for i in range(1, len(e))}
        self.sentence_of = self.view.sentence  # token index -> sentence index

    # -- bookkeeping -------------------------------------------------------------------------
    @property
    def word_positions(self) -> dict[str, list[int]]:
        if self._word_positions is None:
            self._word_positions = {}
            for i, text in enumerate(self.view.text):
                self._word_positions.setdefault(text, []).append(i)
        return self._word_positions

    def add(self, actor: Actor, start: int, end: int, how: str = "name") -> Mention | None:
        if any(i in self.taken for i in range(start, end)):
            return None
        previous = None
        for i in range(start, end):  # the entities that touch the span, in text order (they do not overlap)
            ent = self.ent_at.get(i)
            if ent is None or ent is previous:
                continue
            previous = ent
            # A state absorbed into a larger mention ("Ukraine's army", "US Defense Secretary
            # Lloyd Austin") is still mentioned; record it without giving it the tokens.
            if start <= ent.start and ent.end <= end and ent.label_ in {"GPE", "NORP", "ORG"}:
                inner = self.inner_actor(ent)
                if inner is not None and inner.id != actor.id:
                    self.add_nested(inner, ent.start, ent.end)
        span = self.doc[start:end]
        mention = Mention(actor, span.text, span.start_char, span.end_char, self.sentence_of[start], how=how)
        for i in range(start, end):
            self.taken[i] = mention
        self.mentions.append(mention)
        if actor.type == "Person":
            self.people_by_surname.setdefault(actor.label.split()[-1].lower(), actor)
        return mention

    def give_words_to_body(self, person: Mention, body: Actor, start: int, end: int) -> None:
        """A person's name inside a phrase that names a body of theirs ("Trump's campaign", "the
        Obama administration"): the body takes the phrase's words, the person stays mentioned,
        nested; nothing changes where another actor holds a word of the phrase."""
        if any(self.taken.get(i, person) is not person for i in range(start, end)):
            return
        span = self.doc.char_span(person.start_char, person.end_char, alignment_mode="expand")
        self.mentions.remove(person)
        for i in range(span.start, span.end):
            del self.taken[i]
        self.add(body, start, end)
        self.add_nested(person.actor, span.start, span.end)

    def add_nested(self, actor: Actor, start: int, end: int) -> None:
        span = self.doc[start:end]
        if not any(m.nested and m.start_char == span.start_char and m.actor.id == actor.id for m in self.mentions):
            self.mentions.append(Mention(actor, span.text, span.start_char, span.end_char, self.sentence_of[start], nested=True))

    def inner_actor(self, ent: Span) -> Actor | None:
        """The state or organisation an entity inside a larger mention names, if known."""
        known = [a for a in self.known(ent) if a.type != "Person"]
        return known[0] if known else self.kb.state_for_demonym(ent.text)

    # -- entities ----------------------------------------------------------------------------
    def known(self, span: Span) -> list[Actor]:
        if span.ent_id_:
            actor = self.kb.by_id(span.ent_id_)
            if actor is not None:
                return [actor]
        return self.kb.lookup(span.text)

    def ent_of(self, token: Token) -> Span | None:
        return self.ent_at.get(token.i)


def resolve_mentions(doc: Doc, article: Article, kb, event_nouns: frozenset[str] = frozenset(), view: TokenView | None = None) -> list[Mention]:
    """Every actor mention in a parsed article, in text order.

    ``event_nouns`` are nouns that name events ("strikes", "sanctions"): a demonym before one of
    them names the state that acts ("the American strikes"). ``view`` is the Doc's ``TokenView``
    when the caller has made it already.

    >>> mentions = resolve_mentions(nlp(article.text), article, load_knowledge_base())  # doctest: +SKIP
    """
    resolver = _Resolver(doc, article, kb, event_nouns, view)
    ents = [e for e in resolver.ents if e.label_ in ACTOR_LABELS]
    ents = [_whole_name(_before_dash(_without_lost_clitic(e))) for e in ents if not _is_dateline(e, kb) and not _is_credit(e)]
    for i in range(len(doc)):
        resolver.resolve_led_coalition(i)  # before the leader's name is taken for the leader
    ents = resolver.untagged_full_names(resolver.split_coordinated_names(ents))
    people = [e for e in ents if resolver.names_person(e)]
    for ent in people:
        # Names first, so "Blinken" later in the text finds "Antony Blinken".
        resolver.resolve_person(ent)
    _resolve_single_names_again(resolver, ents)
    for ent in ents:
        if ent not in people:
            resolver.resolve_group(ent)
    resolver.resolve_lone_surnames()
    resolver.resolve_person_bodies()
    for i in range(len(doc)):
        resolver.resolve_bare_title(i)
    for actor, start, end in resolver.deferred:
        resolver.add(actor, start, end)
    for actor, start, end in resolver.deferred_nested:
        if resolver.add(actor, start, end) is None:
            resolver.add_nested(actor, start, end)
    _resolve_leaders_governments(resolver)
    _resolve_dateline_bodies(resolver)
    for i in range(len(doc)):
        resolver.resolve_reference(i)
    return sorted((_mark_names(m, kb) for m in resolver.mentions), key=lambda m: (m.start_char, m.end_char))


def _resolve_leaders_governments(resolver: _Resolver) -> None:
    """"the Obama administration", "Trump's administration", "Trump administration officials",
    "the administration of President Donald Trump": the leader's state, which takes the words
    from the person (who stays mentioned, nested)."""
    nouns = _dateline_bodies()["leader_government_nouns"]
    view = resolver.view
    for i, lemma in enumerate(view.lemma):
        if lemma not in nouns or view.pos[i] != "NOUN":
            continue
        token = resolver.doc[i]
        leaders = [c for c in token.children if c.dep_ in {"compound", "poss"} and c.i < token.i]
        leaders += [pobj for prep in token.rights if prep.dep_ == "prep" and prep.lower_ == "of" for pobj in prep.children if pobj.dep_ == "pobj"]
        for leader in leaders:
            person = resolver.taken.get(leader.i)
            state = resolver.kb.state(person.actor.country) if person is not None and person.actor.type == "Person" and person.actor.country else None
            if state is not None:
                _give_words_to_state(resolver, person, state, token)
                break


def _give_words_to_state(resolver: _Resolver, person: Mention, state: Actor, noun: Token) -> None:
    span = resolver.doc.char_span(person.start_char, person.end_char, alignment_mode="expand")
    start = min([span.start, *(c.i for c in noun.lefts if c.dep_ == "det")])
    end = max(span.end, noun.i + 1)
    if noun.dep_ == "compound" and _lemma(noun.head) in GOVERNMENT_NOUNS and noun.head.i == noun.i + 1:
        end = noun.head.i + 1  # "Trump administration officials": unnamed officials are the state
    resolver.give_words_to_body(person, state, start, end)


def _resolve_dateline_bodies(resolver: _Resolver) -> None:
    """"the government", "the administration" and "lawmakers" standing alone are the dateline
    state's government and legislature, "police" and "the interior ministry" bodies of it, when
    the sentence and the one before name no other state. Without a capital in the dateline,
    "the government" alone is the one state the article is about (bodies.prominent_state)."""
    state = dateline_state(resolver.doc, resolver.kb)
    # Without a capital in the dateline, only "the government" of the one state the article is
    # about ("SIMI VALLEY, Calif. ... Trump urged the government"); its police and lawmakers stay unnamed.
    only_government = state is None
    state = state or prominent_state(resolver.kb, resolver.mentions)
    if state is None:
        return
    data = _dateline_bodies()
    legislature = legislature_of(resolver.kb, state)
    demonym = resolver.kb.demonym_of(state) or state.label
    view = resolver.view
    for i, lemma in enumerate(view.lemma):
        if i in resolver.taken or view.pos[i] not in {"NOUN", "PROPN"} or view.ent_type[i] in {"ORG", "GPE", "NORP", "PERSON"}:
            continue
        if only_government and lemma not in data["government_nouns"]:
            continue
        token = resolver.doc[i]
        if lemma in data["body_nouns"]:  # "police said", "the interior ministry": the state's own
            start = _bare_body_start(token)
            if start is None:
                continue
            words = resolver.doc[start: token.i + 1]
            words = words[1:] if words[0].lower_ == "the" else words
            actor = national_body(state, f"{demonym} {words.text.lower()}")
        elif token.pos_ != "NOUN":
            continue
        elif lemma in data["government_nouns"] and token.tag_ == "NN":
            actor, start = state, _bare_definite_start(token)
        elif lemma in data["legislature_nouns"] and token.tag_ == "NNS" and legislature is not None:
            actor, start = legislature, _bare_plural_start(token)
        else:
            continue
        if start is None or resolver.other_state_near(token, state):
            continue
        resolver.add(actor, start, token.i + 1)


def _bare_definite_start(token: Token) -> int | None:
    """"the government" with nothing else before it and no "of"/"in" after it: where it starts."""
    lefts = list(token.lefts)
    if len(lefts) != 1 or lefts[0].lower_ != "the" or any(c.dep_ in {"prep", "acl", "relcl"} for c in token.rights):
        return None
    return lefts[0].i


def _bare_body_start(token: Token) -> int | None:
    """"police", "the interior ministry", "the Defense Ministry": at most "the" and the word that
    names the ministry's field before it (no name, owner or number), nothing after it."""
    lefts = list(token.lefts)
    if token.dep_ == "compound" or any(c.dep_ in {"prep", "acl", "relcl", "appos"} for c in token.rights):
        return None  # "police officers", "the ministry of ...": the noun heads no phrase of its own
    if _lemma(token) != "police" and not any(c.dep_ in {"compound", "amod"} for c in lefts):
        return None  # "the ministry" alone is the one named before, not a new body
    for child in lefts:
        if child.lower_ == "the" and child.dep_ == "det":
            continue
        if child.dep_ in {"compound", "amod"} and child.is_alpha and not child.ent_type_ and child.i == token.i - 1 and _lemma(token) != "police":
            continue
        return None
    return min([token.i, *(c.i for c in lefts)])


def _bare_plural_start(token: Token) -> int | None:
    """"lawmakers", "some lawmakers": no adjective, name or owner in front, nothing after."""
    if any(c.dep_ not in {"det", "amod"} or (c.dep_ == "amod" and c.lower_ not in {"many", "several", "some"}) for c in token.lefts):
        return None
    if any(c.dep_ in {"prep", "acl", "relcl"} for c in token.rights):
        return None
    return min([token.i, *(c.i for c in token.lefts)])


def _mark_names(mention: Mention, kb) -> Mention:
    """Whether the mention's words may become an alias of its actor: not a pronoun ("herself"),
    not another known actor's name ("US" as the words for US Armed Forces)."""
    words = _strip_determiner(_strip_possessive(mention.text))
    if words.lower() in PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS:
        return replace(mention, names_actor=False)
    known = kb.lookup(words)
    if known and mention.actor.id not in {a.id for a in known}:
        return replace(mention, names_actor=False)
    return mention


def _resolve_single_names_again(resolver: _Resolver, ents: list[Span]) -> None:
    """A surname met before the full name ("Blinken ... Antony Blinken") joins the full name,
    when only one person of that surname is named in full."""
    for index, mention in enumerate(resolver.mentions):
        actor = mention.actor
        if actor.type != "Person":
            continue
        if " " not in actor.label:
            full_names = resolver.full_names_with_surname(actor.label)
        elif not resolver.kb.is_known(actor):  # "Pena Nieto ... Enrique Pena Nieto"; never one known person into another
            full_names = resolver.full_names_ending_with(actor.label)
        else:
            full_names = []
        if len(full_names) == 1:
            better = full_names[0]
            if better.id != actor.id:
                replacement = replace(mention, actor=better)
                resolver.mentions[index] = replacement
                for i, taken in list(resolver.taken.items()):
                    if taken is mention:
                        resolver.taken[i] = replacement


def mentions_by_token(doc: Doc, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the mention that covers it."""
    index: dict[int, Mention] = {}
    for mention in mentions:
        if mention.nested:
            continue
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        for token in span:
            index[token.i] = mention
    return index
