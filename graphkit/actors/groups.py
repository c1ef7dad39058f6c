"""Groups and states: organisations, countries, demonyms, metonyms and the bodies a state word names."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import actor_filters
from ..descriptions import GOVERNMENT_NOUNS, MILITARY_NOUNS, TITLE_HEADS
from ..knowledge import normalise_name
from ..models import Actor, actor_iri
from .bodies import _dateline_bodies, _national_names, allies_of, dateline_state, legislature_of, national_body, national_forces
from .filters import _is_not_a_person_name, _is_title_fragment
from .helpers import (
    ALLY_NOUNS,
    ARRIVAL_VERBS,
    LED_GROUP_NOUNS,
    LOCATIVE_PREPOSITIONS,
    ORGANISATION_NOUNS,
    PARTY_MEMBER_NOUNS,
    PARTY_MEMBER_WORDS,
    _governing_noun,
    _has_number,
    _is_coordinated,
    _lemma,
    _noun_phrase,
    _owns_city_part,
    _strip_determiner,
    _with_determiner,
)


class GroupRules:
    """Resolver rules for states and groups; mixed into the resolver, whose state (doc, kb, mentions) they use."""

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
            body = self.named_body(ent)
            if body is not None and body.id != candidates[0].id:
                self.add(body, *_noun_phrase(_governing_noun(ent), ent))  # "the Senate finance committee"
                return
            if _names_party_member(ent, candidates[0]):
                self.resolve_party_modifier(ent, candidates[0])  # "Republican", "Democrat": the party only as its members
                return
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

    def resolve_led_coalition(self, i: int) -> None:
        """"The U.S.-led coalition", "the Saudi-led military coalition", "a NATO-led coalition": a
        coalition of its own, led by the state or organisation named before "-led" (token ``i``)."""
        if self.view.lemma[i] not in LED_GROUP_NOUNS or self.view.pos[i] != "NOUN":
            return
        noun = self.doc[i]
        led = next((t for t in noun.lefts if t.lower_ == "led" or t.lower_.endswith("-led")), None)
        if led is None:
            return
        if led.lower_ == "led":  # "Saudi - led": the leader's words end before the hyphen
            if led.i < 2 or led.nbor(-1).text not in {"-", "–"}:
                return
            end = led.i - 1
            start = end - 1
            while start > noun.sent.start and self.doc[start - 1].pos_ == "PROPN":
                start -= 1
            name = self.doc[start:end].text
        else:
            start, name = led.i, led.text[: -len("-led")]
        leader = next((a for a in self.kb.lookup(name) if a.type != "Person"), None) or self.kb.state_for_demonym(name)
        if leader is None:
            return
        label = f"{leader.label}-led {_lemma(noun)}"
        actor = Actor(id=actor_iri("Organization", label), label=label, type="Organization", country=leader.country, affiliation=leader.label)
        self.add(actor, *_noun_phrase(noun, self.doc[start: start + 1]))

    def resolve_party_modifier(self, ent: Span, party: Actor) -> None:
        """"Republican lawmakers", "U.S. Republican governors": unnamed members of a party acting
        together are the party. "Republican Roy Moore", "the Democratic nominee": the party is
        named by an adjective only, and that names no actor (annotators do not list it); nor do
        "two Democratic lawmakers", who are people the article names."""
        head = _governing_noun(ent)
        if head is None or not ent.text[:1].isupper() or _is_coordinated(ent):
            return  # "social democratic values"; "Republican and Democratic leaders" are no one party
        if any(c.dep_ == "compound" and c.pos_ == "NOUN" or c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return  # "Republican committee members", "the Republican leaders of the ... Committees, Senator John McCain and ..."
        if _lemma(head) in PARTY_MEMBER_NOUNS and head.tag_ in {"NNS", "NNPS"} and not _has_number(head):
            self.add(party, _with_determiner(ent)[0], head.i + 1)  # "U.S. Republican governors": "U.S." is the state

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
        elif head is not None and head.tag_ == "NNS" and _lemma(head) in _dateline_bodies()["legislature_nouns"] and legislature_of(self.kb, state) is not None:
            self.add(legislature_of(self.kb, state), _with_determiner(ent)[0], head.i + 1)  # "U.S. lawmakers", "Washington lawmakers"
        elif head is not None and _lemma(head) in ALLY_NOUNS and ent.root.dep_ == "poss" and head.tag_ == "NNS":  # not "North Korea's backer"
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
            for ent in self.ents:
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


def _names_party_member(ent: Span, actor: Actor) -> bool:
    """"Republican", "Democrat" (not "Republicans", "GOP", "Labour"): a word for a party that
    describes a member or a thing of the party, never the party acting."""
    return len(ent) == 1 and actor.type == "Organization" and ent.text.casefold() in PARTY_MEMBER_WORDS
