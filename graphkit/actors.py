"""Resolve entity mentions in a parsed article to canonical actors.

Rules, applied to each sentence in order (earlier rules win a token):

1. Named entities. A span the actor patterns tagged carries its actor's IRI; any other entity is
   looked up by name in the knowledge base (case, punctuation, accents and a leading "the" ignored).
   A person's single name ("Blinken") is the person with that surname named earlier or later in
   the same article, else the one known person with that surname, else a conservative fuzzy match
   ("Nebensky" -> Vasily Nebenzya) that gives up when two known people are close. Unknown people
   and organisations still become actors, keyed by their name; unknown places never act.
2. Titles. Words before a name ("US Secretary of State Antony Blinken") give the person a role,
   an affiliation and a country. A title without a name ("the US Secretary of State") is the
   person who held it that day: first one named with that title earlier in the article, else the
   knowledge base's holder on the article date.
3. Demonyms and metonyms. "North Korean soldiers/troops/forces" are the state's armed forces;
   "South Korean diplomats", "the US government" are the state; "the North Koreans" are the armed
   forces when the article speaks of them, else the state; a demonym before any other noun
   ("Russian uniforms") names no actor. Capitals and seats of government ("Washington", "the
   Kremlin") are the state.
4. References. "he", "she", "his", "her" are the nearest person before them (up to 3 sentences back);
   "his country" is that person's state; "it", "its" the nearest state or organisation in this or the
   previous sentence; "they", "them", "their" the nearest plural actor (armed forces, a group, or a
   plural noun) in this or the previous sentence; "these/those/the soldiers" and similar the nearest
   armed forces in the article.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import yaml

from spacy.tokens import Doc, Span, Token

from . import actor_filters
from .knowledge import normalise_name
from .models import Actor, Article, Mention, Role, actor_iri
from .resources import ontology_file
from .nlp import ACTOR_LABELS

from .descriptions import GOVERNMENT_NOUNS, MILITARY_NOUNS, TITLE_HEADS, is_country_noun
from .lexicons import words

ALLY_NOUNS = words("ally_nouns")
# "German police", "Chinese banks": a body of that state, named by what it is.
ORGANISATION_NOUNS = words("organisation_nouns")
ARRIVAL_VERBS = words("arrival_verbs")
CITY_PARTS = words("city_parts")
LOCATIVE_PREPOSITIONS = words("locative_prepositions")
PERSON_PRONOUNS = words("person_pronouns")
THING_PRONOUNS = words("thing_pronouns")
PLURAL_PRONOUNS = words("plural_pronouns")
_NAME_LABELS = {"PERSON"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_COREF_WINDOW = {"person": 3, "thing": 1, "plural": 1}


def national_forces(kb, state: Actor) -> Actor:
    """A state's armed forces: the knowledge base's entry ("Israel Defense Forces") when it names
    them "<demonym> forces/military/army", else a new actor "<demonym> armed forces"."""
    demonym = kb.demonym_of(state)
    for name in (f"{demonym} armed forces", f"{demonym} forces", f"{demonym} military", f"{demonym} army") if demonym else ():
        for actor in kb.lookup(name):
            if actor.type == "ArmedForce" and actor.country == state.country:
                return actor
    return armed_forces_of(state, demonym)


def national_body(state: Actor, name: str) -> Actor:
    """An organisation known only as "German police" or "Chinese banks"."""
    label = name[0].upper() + name[1:]
    return Actor(id=actor_iri("Organization", label), label=label, type="Organization", country=state.country, affiliation=state.label)


def allies_of(state: Actor) -> Actor:
    """"his allies", "Ukraine's partners": the states that back this one, as one collective actor."""
    label = f"Allies of {state.label}"
    return Actor(id=actor_iri("Organization", label), label=label, type="Organization", country=None, affiliation=state.label)


def armed_forces_of(state: Actor, demonym: str | None) -> Actor:
    label = f"{demonym or state.label} armed forces"
    return Actor(
        id=actor_iri("ArmedForce", label), label=label, type="ArmedForce",
        country=state.country, affiliation=state.label, wikidata=None,
        aliases=(f"{state.label} armed forces",) if demonym else (),
    )


class _Resolver:
    """State for one document: which tokens are taken, and the mentions found so far."""

    def __init__(self, doc: Doc, article: Article, kb, event_nouns: frozenset[str] = frozenset()):
        self.doc = doc
        self.event_nouns = event_nouns
        self.date = article.date
        self.kb = kb
        self.taken: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self.people_by_surname: dict[str, Actor] = {}
        self.people_by_title: dict[tuple[str, str | None], Actor] = {}
        self._states_with_forces: set[str] | None = None
        self.deferred: list[tuple[Actor, int, int]] = []
        self._dateline: Actor | None | bool = False  # not looked up yet
        self.deferred_nested: list[tuple[Actor, int, int]] = []
        # Surnames of people named in full ("Chris Christie"): a lone "Christie" the tagger calls
        # an organisation is that person.
        full_names = [_whole_name(e) for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2]
        self.article_surnames = {e[-1].text for e in full_names}
        # ... and the ends of those names: "Le Pen" after "Marine Le Pen", "Pena Nieto"
        self.article_name_tails = {e[i:].text for e in full_names for i in range(1, len(e))}
        self.sentence_of = {}
        for index, sent in enumerate(doc.sents):
            for token in sent:
                self.sentence_of[token.i] = index

    # -- bookkeeping -------------------------------------------------------------------------
    def add(self, actor: Actor, start: int, end: int, how: str = "name") -> Mention | None:
        if any(i in self.taken for i in range(start, end)):
            return None
        for ent in self.doc.ents:
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

    def names_person(self, ent: Span) -> bool:
        """The statistical NER sometimes calls a known person a place ("Blinken" as GPE) and a
        known place a person ("Kyiv" as PERSON): the knowledge base decides where it knows the name."""
        known = self.known(ent)
        if known:
            return any(actor.type == "Person" for actor in known)
        if len(ent) == 1 and self.kb.people_with_surname(ent.text):
            return True  # "Prigozhin" tagged as an organisation
        if ent.label_ in {"ORG", "GPE", "NORP"} and (_is_not_a_person_name(ent.text) or actor_filters.is_media_outlet(ent.text)):
            return False  # "AK Party", "ABC News": "Party" or "News" alone later is no surname
        if ent.label_ in {"ORG", "NORP"} and self.titled_name(ent):
            return True  # "FPO leader Heinz-Christian Strache" tagged as an organisation
        if ent.label_ in {"ORG", "GPE", "NORP"} and self.surname_recurs(ent):
            return True  # "Maria Harlan ... Harlan said": a name whose surname stands alone later
        if _strip_possessive(ent.text) in self.article_name_tails:
            return True  # "Christie" or "Le Pen" (tagged ORG) after "Chris Christie", "Marine Le Pen"
        if ent.label_ in _NAME_LABELS and _is_not_a_person_name(ent.text):
            return False  # "Samsung Electronics", "North Dakota" tagged as people
        return ent.label_ in _NAME_LABELS

    def titled_name(self, ent: Span) -> bool:
        """A two- or three-word proper name right after a title or honorific."""
        words = [t for t in ent if t.text != "-"]  # "Heinz-Christian Strache"
        if not 2 <= len(words) <= 3 or ent.start == 0 or any(not t.text[:1].isupper() or not t.is_alpha for t in words):
            return False
        return actor_filters.is_person_cue(self.doc[ent.start - 1].text)

    def surname_recurs(self, ent: Span) -> bool:
        """A two- or three-word proper name whose last word appears alone elsewhere in the article."""
        if not 2 <= len(ent) <= 3 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in ent):
            return False
        last = ent[-1].text
        return any(t.text == last and not (ent.start <= t.i < ent.end) and (t.i == 0 or t.doc[t.i - 1].text != ent[-2].text) for t in self.doc)

    def person(self, span: Span) -> Actor | None:
        """The person a PERSON entity names, known or new; None for a lone unknown word, which in
        news is far more often a place the tagger took for a name ("in Enerhodar") than a person."""
        name = _strip_possessive(span.text)
        for actor in self.known(span):
            if actor.type == "Person":
                return actor
        if len(name.split()) == 1:
            named = self.person_for_surname(name)
            if named is not None:
                return named
        else:
            longer = self.full_names_ending_with(name)
            if len(longer) == 1:
                return longer[0]  # "Pena Nieto" after "Enrique Pena Nieto"
        fuzzy = self.kb.fuzzy_person(name)
        if fuzzy is not None:
            return fuzzy
        if len(name.split()) == 1 or actor_filters.not_actor_reason(name):
            return None
        return Actor(id=actor_iri("Person", name), label=name, type="Person")

    def title_before(self, span: Span) -> tuple[str | None, Actor | None, int]:
        """Canonical title and state named just before a name; and where that prefix starts."""
        start = span.start
        while start > span.sent.start and _is_title_word(self.doc[start - 1]):
            start -= 1
        if start == span.start:
            return None, None, start
        prefix = self.doc[start:span.start]
        title = self.kb.canonical_title(prefix.text)
        state = next((s for s in (self.state_named(t) for t in prefix) if s is not None), None)
        if title is None and state is None:
            return None, None, span.start
        return title, state, start

    def state_named(self, token: Token) -> Actor | None:
        """The state a token names as a country, demonym or metonym, if any."""
        if token.pos_ not in {"PROPN", "ADJ", "NOUN"}:
            return None
        state = self.kb.state_for_demonym(token.text)
        if state is not None:
            return state
        ent = self.ent_of(token)
        for text in ((ent.text, token.text) if ent is not None else (token.text,)):
            # the entity first ("South Korea"), then the word alone when the entity is a longer
            # name ("US" inside "The US Secretary of State" from an actor list)
            state = next((a for a in self.kb.lookup(text) if a.type == "State"), None)
            if state is not None:
                return state
        return None

    def ent_of(self, token: Token) -> Span | None:
        return next((e for e in self.doc.ents if e.start <= token.i < e.end), None)

    def resolve_person(self, ent: Span) -> None:
        actor = self.person(ent)
        title, state, start = self.title_before(ent)
        if actor is None:
            if title is None:
                return
            name = _strip_possessive(ent.text)  # "President Ruto": a title vouches for a lone name
            actor = Actor(id=actor_iri("Person", name), label=name, type="Person")
        if title or state:
            actor = _with_role(actor, title, state, self.date)
            if title:
                self.people_by_title.setdefault((title, state.country if state else None), actor)
                self.people_by_title.setdefault((title, None), actor)
        if self.add(actor, start if title else ent.start, ent.end) is None:
            self.add(actor, ent.start, ent.end)

    def resolve_group(self, ent: Span) -> None:
        """A country, demonym, organisation or place entity."""
        if self.is_title_phrase(ent):
            return  # "the US Secretary of State" from an actor list: the bare-title pass resolves it by date
        if any(i in self.taken for i in range(ent.start, ent.end)):
            inner = self.inner_actor(ent)
            if inner is not None:
                self.add_nested(inner, ent.start, ent.end)
            return
        candidates = [a for a in self.known(ent) if a.type != "Person"]
        state = next((a for a in candidates if a.type == "State"), None)
        demonym_state = self.kb.state_for_demonym(ent.text) if ent.label_ == "NORP" or state is None else None
        if ent.label_ == "NORP" and demonym_state is not None:
            self.resolve_demonym(ent, demonym_state)
            return
        if candidates and candidates[0].type != "State":
            if self.is_foreign_namesake(ent, candidates[0]):
                return  # "the ruling Democratic Party" in a ROME story is not the American one
            self.add(candidates[0], *_with_determiner(ent))
            return
        if state is not None:
            if self.is_place_use(ent, state):
                return  # "talks in Vilnius": the city, not Lithuania acting
            self.resolve_state_phrase(ent, state)
            return
        if demonym_state is not None:
            self.resolve_demonym(ent, demonym_state)
            return
        if (ent.label_ == "ORG" or ent.label_ == "PERSON" and _is_not_a_person_name(ent.text)) and not _is_title_fragment(ent):
            label = actor_filters.restore_apostrophes(actor_filters.strip_possessive(_strip_determiner(ent.text)))
            if actor_filters.not_actor_reason(label) or self.is_quoted_source(ent, label):
                return  # "American Health Care Act", "GMT", "told Reuters": not actors
            self.add(Actor(id=actor_iri("Organization", label), label=label, type="Organization"), *_with_determiner(ent))

    def is_quoted_source(self, ent: Span, label: str) -> bool:
        """A news outlet as the source of a report: "told Reuters", "ABC News reported"."""
        if not actor_filters.is_media_outlet(label):
            return False
        root = ent.root
        preceding = self.doc[max(ent.sent.start, ent.start - 4): ent.start].text
        return actor_filters.is_reporting_context(root.head.lemma_, root.dep_, preceding)

    def named_body(self, ent: Span) -> Actor | None:
        """A known organisation named by a state word and its noun: "the South Korean secret service"."""
        head = _governing_noun(ent)
        if head is None:
            return None
        phrase = self.doc[ent.start: head.i + 1]
        return next((a for a in self.kb.lookup(phrase.text) if a.type != "Person"), None)

    def is_title_phrase(self, ent: Span) -> bool:
        known = self.known(ent)
        if any(actor.type == "Person" for actor in known):
            return False
        title = self.kb.canonical_title(ent.text)
        return title is not None and _lemma(ent.root) in TITLE_HEADS

    def full_names_with_surname(self, surname: str) -> list[Actor]:
        """Different people named in full in the article so far whose surname is ``surname``."""
        key = surname.lower()
        people = {m.actor.id: m.actor for m in self.mentions
                  if m.actor.type == "Person" and " " in m.actor.label and m.actor.label.split()[-1].lower() == key}
        return list(people.values())

    def full_names_ending_with(self, name: str) -> list[Actor]:
        """Different people named in the article so far whose name ends with ``name`` and is longer."""
        tail = " " + name.lower()
        return list({m.actor.id: m.actor for m in self.mentions if m.actor.type == "Person" and m.actor.label.lower().endswith(tail)}.values())

    def in_office(self, people: list[Actor]) -> list[Actor]:
        """The people who hold one of their known roles on the article date."""
        return [a for a in people if any(role.holds_on(self.date) for role in a.roles)]

    def person_for_surname(self, surname: str) -> Actor | None:
        """A lone surname: the one person of that surname named in full in the article, else the one
        known person of that surname (in office on the article date, when the knowledge base
        knows their roles). Two candidates and no way to choose: None, never a guess."""
        in_article = self.full_names_with_surname(surname)
        if len(in_article) == 1:
            return in_article[0]
        if len(in_article) > 1:
            serving = self.in_office(in_article)
            return serving[0] if len(serving) == 1 else None
        if surname.lower() in self.people_by_surname:
            return self.people_by_surname[surname.lower()]
        known = [a for a in self.kb.people_with_surname(surname) if a.type == "Person"]
        if len(known) > 1:  # "Scott": Tim or Rick? the one serving, if only one is
            known = self.in_office(known)
        return known[0] if len(known) == 1 else None

    def resolve_lone_surnames(self) -> None:
        """"Harlan said", "Trump urged", "pressed Mattis", "cleric Gulen" where the tagger saw no
        name (or another kind of name): the surname of someone named in full in the article, or
        of the one known person of that surname in office on the article date."""
        for token in self.doc:
            if token.i in self.taken or token.pos_ not in {"PROPN", "NOUN"} or not token.text[:1].isupper() or not token.text.isalpha():
                continue
            if token.pos_ == "NOUN" and token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
                continue  # "Trump urged" is often tagged a common noun at the start of a sentence
            if token.ent_type_ not in {"", "PERSON", "ORG", "GPE", "NORP"} or _inside_longer_name(token):
                continue
            ent = self.ent_of(token) if token.ent_type_ else None
            if ent is not None and len(ent) > 1:
                continue  # "State" in "US Secretary of State": a word of a longer name
            person = self.full_names_with_surname(token.text)
            if len(person) != 1:
                if token.ent_type_ not in {"", "PERSON", "ORG"} or any(a.type != "Person" for a in self.kb.lookup(token.text)):
                    continue  # "in Jordan" is the country, never Representative Jim Jordan
                known = [a for a in self.kb.people_with_surname(token.text) if a.type == "Person"]
                person = self.in_office(known) if len(person) == 0 else []
            if len(person) == 1:
                self.add(person[0], token.i, token.i + 1)

    def is_foreign_namesake(self, ent: Span, actor: Actor) -> bool:
        """A national body's bare name ("Congress", "Democratic Party") in a story filed from the
        capital of another state, which has a body of that name of its own."""
        if normalise_name(_strip_determiner(ent.text)) not in _national_names() or not actor.country:
            return False
        if self._dateline is False:
            self._dateline = dateline_state(self.doc, self.kb)
        return self._dateline is not None and self._dateline.country != actor.country

    def other_state_near(self, token: Token, state: Actor) -> bool:
        """Whether this sentence or the one before names a state other than ``state`` (or its bodies)."""
        sentence = self.sentence_of[token.i]
        return any(m.actor.type == "State" and m.actor.id != state.id or (m.actor.country and m.actor.country != state.country)
                   for m in self.mentions if 0 <= sentence - m.sentence_index <= 1 and m.start_char < token.idx)

    def is_place_use(self, ent: Span, state: Actor) -> bool:
        """A capital after "in", "at", "near" names the city, and so does one that owns a part of
        a city ("Beirut's southern suburbs"); only metonyms are read as places. Exceptions: the
        end of a journey ("arrived in Moscow") and a seat of government ("the government in Bamako")."""
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        if _owns_city_part(ent):
            return self.is_capital(ent, state)
        if before is None or before.lower_ not in LOCATIVE_PREPOSITIONS:
            return False
        if before.head.lemma_.lower() in ARRIVAL_VERBS | GOVERNMENT_NOUNS:
            return False
        return self.is_capital(ent, state)

    def is_capital(self, ent: Span, state: Actor) -> bool:
        details = self.kb.details(state)
        places = {normalise_name(name) for name in (*details.metonyms, details.capital or "")}
        return normalise_name(ent.text) in places

    def resolve_state_phrase(self, ent: Span, state: Actor) -> None:
        """"Russia", "the US government", "Ukraine's military"."""
        head = _governing_noun(ent)
        if head is not None and _is_coordinated(ent):
            self.resolve_coordinated(ent, state, head)
            return
        body = self.named_body(ent)
        if body is not None:
            self.add(body, *_noun_phrase(head, ent))
        elif head is not None and _lemma(head) in TITLE_HEADS and ent.root.dep_ != "poss":
            # "the US Secretary of State": the person holding the title, found later; the state
            # only if no holder is known.
            self.deferred.append((state, *_with_determiner(ent)))
        elif head is not None and _lemma(head) in MILITARY_NOUNS:
            self.add(national_forces(self.kb, state), *_noun_phrase(head, ent))
        elif head is not None and _lemma(head) in GOVERNMENT_NOUNS:
            self.add(state, *_noun_phrase(head, ent))
        elif head is not None and _lemma(head) in ALLY_NOUNS and ent.root.dep_ == "poss":
            self.add(allies_of(state), *_noun_phrase(head, ent))
        else:
            self.add(state, *_with_determiner(ent))

    def resolve_coordinated(self, ent: Span, state: Actor, head: Token) -> None:
        """"Russian and Ukrainian negotiators", "American and British warplanes": each demonym is
        its own mention; the shared noun decides what kind of actor they all are."""
        actor = national_forces(self.kb, state) if _lemma(head) in MILITARY_NOUNS else state
        self.add(actor, ent.start, ent.end)

    def resolve_demonym(self, ent: Span, state: Actor) -> None:
        head = _governing_noun(ent)
        if head is not None and _is_coordinated(ent):
            self.resolve_coordinated(ent, state, head)
            return
        body = self.named_body(ent)
        if body is not None:
            self.add(body, *_noun_phrase(head, ent))
            return
        if head is not None and _lemma(head) in TITLE_HEADS:
            self.deferred_nested.append((state, ent.start, ent.end))
            return  # "the Russian president": a title, resolved with the bare titles
        if head is not None:
            lemma = _lemma(head)
            if lemma in MILITARY_NOUNS:
                self.add(national_forces(self.kb, state), *_noun_phrase(head, ent))
            elif lemma in GOVERNMENT_NOUNS:
                self.add(state, *_noun_phrase(head, ent))
            elif lemma in self.event_nouns:
                self.add(state, ent.start, ent.end)  # "the American strikes": the state acts
            elif lemma in _dateline_bodies()["legislature_nouns"] and legislature_of(self.kb, state) is not None:
                self.add(legislature_of(self.kb, state), *_noun_phrase(head, ent))  # "Iraqi lawmakers"
            elif lemma in ORGANISATION_NOUNS:
                self.add(national_body(state, self.doc[ent.start: head.i + 1].text), *_noun_phrase(head, ent))
            elif self.kb.agent_type(lemma) is not None:  # a role noun of the PETRARCH agents dictionary
                self.add(self.agent_of(state, self.kb.agent_type(lemma), self.doc[ent.start: head.i + 1].text), *_noun_phrase(head, ent))
            else:
                self.add_nested(state, ent.start, ent.end)  # "Russian uniforms": a mention, never an actor that acts
            return
        if ent.root.tag_ in {"NNS", "NNPS"} or ent.text.endswith("s"):
            forces = national_forces(self.kb, state)
            actor = forces if self.speaks_of_forces(state) or _has_number(ent.root) else state
            self.add(actor, *_with_determiner(ent))

    def agent_of(self, state: Actor, actor_type: str, words: str) -> Actor:
        """"Afghan soldiers" (the state's forces), "Iraqi policemen" (a body of the state), "Syrian
        rebels" (an armed group of that country, not affiliated to its state), "Iraqi diplomats"
        (the state), by the type agent_codes.yaml gives the noun's code."""
        if actor_type == "ArmedForce":
            return national_forces(self.kb, state)
        if actor_type == "State":
            return state
        if actor_type == "NonStateArmedGroup":
            label = words[0].upper() + words[1:]
            return Actor(id=actor_iri(actor_type, label), label=label, type=actor_type, country=state.country)
        return national_body(state, words)

    def speaks_of_forces(self, state: Actor) -> bool:
        """Whether the article names this state's soldiers, troops or forces anywhere."""
        if self._states_with_forces is None:
            self._states_with_forces = set()
            for ent in self.doc.ents:
                for actor in self.known(ent):
                    if actor.type == "ArmedForce" and actor.country:
                        state_of_forces = self.kb.state(actor.country)
                        if state_of_forces is not None:
                            self._states_with_forces.add(state_of_forces.id)
                head = _governing_noun(ent)
                if head is not None and _lemma(head) in MILITARY_NOUNS:
                    named = self.kb.state_for_demonym(ent.text) or next((a for a in self.known(ent) if a.type == "State"), None)
                    if named is not None:
                        self._states_with_forces.add(named.id)
        return state.id in self._states_with_forces

    # -- titles without names ----------------------------------------------------------------
    def resolve_bare_title(self, token: Token) -> None:
        if token.i in self.taken or _lemma(token) not in TITLE_HEADS or token.pos_ not in {"NOUN", "PROPN"}:
            return
        start, end = _title_phrase(token)
        if any(self.ent_of(t) is not None and self.ent_of(t).label_ == "PERSON" for t in self.doc[start:end + 1]):
            return
        phrase = self.doc[start:end]
        title = self.kb.canonical_title(phrase.text)
        if title is None:
            return
        state = next((s for s in (self.state_named(t) for t in phrase) if s is not None), None)
        country = state.country if state else None
        holder = self.people_by_title.get((title, country)) or (self.people_by_title.get((title, None)) if state is None else None)
        if holder is None and state is not None:
            holders = self.kb.holders(title, country, self.date)
            holder = holders[0] if len(holders) == 1 else None
        if holder is not None:
            self.add(holder, *_with_determiner(phrase))

    # -- references --------------------------------------------------------------------------
    def resolve_reference(self, token: Token) -> None:
        if token.i in self.taken:
            return
        lower = token.lower_
        if token.pos_ == "PRON" or token.tag_ in {"PRP", "PRP$"}:
            if lower in PERSON_PRONOUNS:
                person = self.nearest(token, lambda m: m.actor.type == "Person", "person")
                if person is None:
                    return
                country = self.country_noun(token)
                if country is not None:
                    state = self.kb.state(person.actor.country) if person.actor.country else None
                    if state is not None:
                        self.add(state, token.i, country.i + 1)
                    return
                self.add_reference(token, person.actor)
            elif lower in THING_PRONOUNS and not _is_expletive(token):
                found = self.nearest(token, lambda m: m.actor.type != "Person" and not self.is_plural(m), "thing")
                if found is not None:
                    self.add_reference(token, found.actor)
            elif lower in PLURAL_PRONOUNS:
                found = self.nearest(token, _is_plural_mention(self.doc), "plural")
                if found is not None:
                    self.add_reference(token, found.actor)
        elif _lemma(token) in MILITARY_NOUNS and token.pos_ == "NOUN" and _is_definite_description(token):
            if _is_foreign(token):
                found = self.most_mentioned(token, lambda m: m.actor.type == "ArmedForce")
            else:
                found = self.nearest(token, lambda m: m.actor.type == "ArmedForce", None)
            if found is not None:
                self.add(found.actor, *_noun_phrase(token, None))

    def add_reference(self, token: Token, actor: Actor) -> None:
        """A pronoun, or "its troops" for a state's armed forces, or "his allies" for its allies."""
        head = token.head
        if token.dep_ == "poss" and _lemma(head) in MILITARY_NOUNS and actor.type == "State":
            self.add(national_forces(self.kb, actor), token.i, head.i + 1, how="pronoun")
        elif token.dep_ == "poss" and _lemma(head) in ALLY_NOUNS:
            state = actor if actor.type == "State" else self.kb.state(actor.country) if actor.country else None
            if state is not None:
                self.add(allies_of(state), token.i, head.i + 1, how="pronoun")
        else:
            self.add(actor, token.i, token.i + 1, how="pronoun")

    def country_noun(self, token: Token) -> Token | None:
        """"country" in "his country"."""
        head = token.head
        if token.dep_ == "poss" and is_country_noun(head):
            return head
        return None

    def most_mentioned(self, token: Token, accept) -> Mention | None:
        """"foreign troops": the armed forces the article has spoken of most so far."""
        before = [m for m in self.mentions if not m.nested and m.start_char < token.idx and accept(m)]
        counts: dict[str, int] = {}
        for mention in before:
            counts[mention.actor.id] = counts.get(mention.actor.id, 0) + 1
        return max(reversed(before), key=lambda m: counts[m.actor.id], default=None)

    def is_plural(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        return span is not None and span.root.tag_ in {"NNS", "NNPS"}

    def nearest(self, token: Token, accept, window_kind: str | None) -> Mention | None:
        """The closest earlier mention that fits, preferring a subject: in "Poland summoned the
        envoy after Belarusian helicopters crossed, and said it would ...", "it" is Poland."""
        sentence = self.sentence_of[token.i]
        limit = _COREF_WINDOW[window_kind] if window_kind else 10_000
        before = [m for m in self.mentions if not m.nested and m.start_char < token.idx and sentence - m.sentence_index <= limit and accept(m)]
        before.sort(key=lambda m: m.start_char, reverse=True)
        if window_kind is not None:
            subjects = [m for m in before if m.sentence_index == sentence and self.is_main_subject(m)]
            if subjects:
                return subjects[0]
        return before[0] if before else None

    def is_main_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"} and span.root.head.dep_ == "ROOT"


def resolve_mentions(doc: Doc, article: Article, kb, event_nouns: frozenset[str] = frozenset()) -> list[Mention]:
    """Every actor mention in a parsed article, in text order.

    ``event_nouns`` are nouns that name events ("strikes", "sanctions"): a demonym before one of
    them names the state that acts ("the American strikes").

    >>> mentions = resolve_mentions(nlp(article.text), article, load_knowledge_base())  # doctest: +SKIP
    """
    resolver = _Resolver(doc, article, kb, event_nouns)
    ents = [e for e in doc.ents if e.label_ in ACTOR_LABELS]
    ents = [_whole_name(e) for e in ents if not _is_dateline(e, kb) and not _is_credit(e)]
    people = [e for e in ents if resolver.names_person(e)]
    for ent in people:
        # Names first, so "Blinken" later in the text finds "Antony Blinken".
        resolver.resolve_person(ent)
    _resolve_single_names_again(resolver, ents)
    for ent in ents:
        if ent not in people:
            resolver.resolve_group(ent)
    resolver.resolve_lone_surnames()
    for token in doc:
        resolver.resolve_bare_title(token)
    for actor, start, end in resolver.deferred:
        resolver.add(actor, start, end)
    for actor, start, end in resolver.deferred_nested:
        if resolver.add(actor, start, end) is None:
            resolver.add_nested(actor, start, end)
    _resolve_dateline_bodies(resolver)
    for token in doc:
        resolver.resolve_reference(token)
    return sorted((_mark_names(m, kb) for m in resolver.mentions), key=lambda m: (m.start_char, m.end_char))


@functools.lru_cache(maxsize=1)
def _dateline_bodies() -> dict:
    return yaml.safe_load(ontology_file("actors/dateline_bodies.yaml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _national_names() -> frozenset[str]:
    return frozenset(normalise_name(name) for name in _dateline_bodies().get("national_names") or ())


def legislature_of(kb, state: Actor) -> Actor | None:
    """The knowledge base's legislature of a state ("US Congress"), if dateline_bodies.yaml names one."""
    label = (_dateline_bodies().get("legislatures") or {}).get(state.country)
    return next(iter(kb.lookup(label)), None) if label else None


def dateline_state(doc: Doc, kb) -> Actor | None:
    """The state of the city an article is filed from: "ANKARA (Reuters) -" is Turkey; a city that
    is no capital or seat of government ("MANCHESTER") gives None."""
    words = []
    for token in doc[:6]:
        if token.text in {"(", ",", "-", "–", "—"}:
            break
        if not (token.is_upper and token.is_alpha) and token.text not in {".", "'"}:
            return None
        words.append(token.text_with_ws)
    name = "".join(words).strip()
    return next((a for a in kb.lookup(name) if a.type == "State"), None) if name else None


def _resolve_dateline_bodies(resolver: _Resolver) -> None:
    """"the government", "the administration" and "lawmakers" standing alone are the dateline
    state's government and legislature, when the sentence and the one before name no other state."""
    state = dateline_state(resolver.doc, resolver.kb)
    if state is None:
        return
    data = _dateline_bodies()
    legislature = legislature_of(resolver.kb, state)
    for token in resolver.doc:
        lemma = _lemma(token)
        if token.i in resolver.taken or token.pos_ != "NOUN":
            continue
        if lemma in data["government_nouns"] and token.tag_ == "NN":
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


# -- small helpers on tokens ---------------------------------------------------------------------
def _whole_name(ent: Span) -> Span:
    """A person's name the tagger cut short ("Enrique Pena" + "Nieto"): the capitalised proper
    nouns right after it that no entity claims belong to it (two at most)."""
    if ent.label_ != "PERSON":
        return ent
    end = ent.end
    doc = ent.doc
    while end < min(len(doc), ent.end + 2) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "O" and doc[end].is_alpha and doc[end].is_title:
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _inside_longer_name(token: Token) -> bool:
    """"Trump" in "Trump Tower", "King" in "Martin Luther King": part of another name."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() for i in (token.i - 1, token.i + 1))


def _is_not_a_person_name(name: str) -> bool:
    """An organisation's or a place's name the tagger took for a person's."""
    name = _strip_possessive(name)
    return actor_filters.is_organisation_name(name) or actor_filters.not_actor_reason(name) == "place"


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _strip_determiner(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _with_determiner(span: Span) -> tuple[int, int]:
    start = span.start
    if start > 0 and span.doc[start - 1].lower_ in {"the", "these", "those"} and span.doc[start - 1].head.i >= start:
        start -= 1
    end = span.end
    if end < len(span.doc) and span.doc[end].tag_ == "POS":
        end += 1
    return start, end


def _is_dateline(ent: Span, kb) -> bool:
    """"WASHINGTON (Reuters) -", "DOHA/JERUSALEM, Nov 24 -": where the story was filed, not an actor.
    An all-capitals name that opens a sentence and is followed by a bracket, comma or dash is a
    dateline unless the knowledge base spells some actor exactly so ("NATO, the alliance, ...")."""
    text = ent.text
    if not (text.isupper() and any(c.isalpha() for c in text)) or ent.start != ent.sent.start:
        return False
    following = ent.doc[ent.end].text if ent.end < len(ent.doc) else ""
    if following not in {"(", ",", "-", "–", "—"}:
        return False
    return not any(text == actor.label or text in actor.aliases or text in kb.details(actor).acronyms for actor in kb.lookup(text))


def _is_credit(ent: Span) -> bool:
    """"SEOUL (Reuters) -", "(Reuters) -": the agency that filed the story, in brackets before the
    dash that opens it, reports nothing of its own there."""
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end: ent.end + 2]
    if before != "(" or len(after) < 2 or after[0].text != ")" or after[1].text not in {"-", "–", "—", "--"}:
        return False
    opening = doc[ent.sent.start: ent.start - 1]
    # "SEOUL (Reuters) -", "MANCHESTER, England (Reuters) -", "SAN JUAN, Puerto Rico (Reuters) -"
    return len(opening) <= 8 and (len(opening) == 0 or opening[0].is_upper)


def _is_coordinated(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children)


def _governing_noun(ent: Span) -> Token | None:
    """The noun an entity modifies: "soldiers" in "North Korean soldiers", "military" in "Ukraine's military"."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "American and British warplanes": "British" modifies what "American" does
    if root.dep_ in {"amod", "compound", "nmod", "poss"} and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i >= ent.end:
        return root.head
    return None


def _noun_phrase(head: Token, ent: Span | None) -> tuple[int, int]:
    """Tokens from a noun's first left modifier (determiners, numbers, adjectives) to the noun."""
    left = [t.i for t in head.lefts if t.dep_ in {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet"}]
    start = min([head.i, *left, *([ent.start] if ent is not None else [])])
    return start, head.i + 1


def _has_number(token: Token) -> bool:
    return any(child.like_num or child.dep_ == "nummod" for child in token.lefts)


def _is_title_word(token: Token) -> bool:
    if token.is_punct and token.text not in {"-", "."}:
        return False
    return token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.lower_ in {"of", "for", "-", "foreign", "defence", "defense"} or token.text.isupper()


def _owns_city_part(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "poss" and root.head.lemma_.lower() in CITY_PARTS


def _is_title_fragment(ent: Span) -> bool:
    """NER often tags "State" in "Secretary of State" as an organisation."""
    start = ent.start
    return start >= 2 and ent.doc[start - 1].lower_ == "of" and ent.doc[start - 2].lower_ in {"secretary", "minister", "ministers"}


def _title_phrase(token: Token) -> tuple[int, int]:
    start = token.i
    while start > token.sent.start and _is_title_word(token.doc[start - 1]) and token.doc[start - 1].lower_ not in {"the", "a"}:
        start -= 1
    end = token.i + 1
    while end + 1 < token.sent.end and token.doc[end].lower_ == "of" and token.doc[end + 1].pos_ in {"PROPN", "NOUN"}:
        end += 2
    return start, end


def _is_expletive(token: Token) -> bool:
    """"it is unclear whether", "it was the first time that": "it" stands for no actor."""
    if token.dep_ == "expl" or token.lower_ != "it" or token.dep_ not in {"nsubj", "nsubjpass"}:
        return token.dep_ == "expl"
    head = token.head
    clause_children = [c for c in head.children if c.dep_ in {"ccomp", "xcomp", "csubj", "advcl"}]
    complements = [c for c in head.children if c.dep_ in {"acomp", "attr"}]
    nested = [g for c in complements for g in c.children if g.dep_ in {"ccomp", "xcomp", "relcl", "acl", "prep"}]
    return head.lemma_ == "be" and bool(clause_children or nested)


def _is_foreign(token: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ == "foreign" for c in token.lefts)


def _is_definite_description(token: Token) -> bool:
    if _is_foreign(token):
        return True  # "invited foreign troops": the forces the article is about
    dets = [c.lower_ for c in token.lefts if c.dep_ == "det"]
    has_actor_modifier = any(c.dep_ in {"amod", "compound", "poss"} and c.pos_ == "PROPN" for c in token.lefts)
    return bool(dets) and dets[0] in {"these", "those", "the"} and not has_actor_modifier


def _is_plural_mention(doc: Doc):
    def accept(mention: Mention) -> bool:
        if mention.actor.type in {"ArmedForce", "NonStateArmedGroup"}:
            return True
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        return span is not None and span.root.tag_ in {"NNS", "NNPS"}

    return accept


def _with_role(actor: Actor, title: str | None, state: Actor | None, date: str | None) -> Actor:
    """Add what a title says to an actor the knowledge base did not know it for."""
    if actor.roles or (actor.country and not title):
        return actor
    roles = (Role(title, state.country if state else None),) if title else ()
    return Actor(
        id=actor.id, label=actor.label, type=actor.type,
        country=actor.country or (state.country if state else None),
        affiliation=actor.affiliation or (state.label if state else None),
        wikidata=actor.wikidata, aliases=actor.aliases, roles=roles,
    )


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
