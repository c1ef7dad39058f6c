"""Names and people: which entities name a person, titles before names and without them, lone surnames."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import actor_filters
from ..descriptions import TITLE_HEADS
from ..models import Actor, actor_iri
from .filters import _inside_longer_name, _is_not_a_person_name
from .helpers import (
    _NAME_LABELS,
    CAMPAIGN_MODIFIERS,
    PERSON_BODY_NOUNS,
    _governing_noun,
    _is_title_word,
    _lemma,
    _noun_phrase,
    _strip_possessive,
    _title_phrase,
    _with_determiner,
    _with_role,
)


class PersonRules:
    """Resolver rules for people; mixed into the resolver, whose state (doc, kb, mentions) they use."""

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

    def untagged_full_names(self, ents: list[Span]) -> list[Span]:
        """"Democrat Ruben Kihuen ... Kihuen said", "CHP Spokesman Bulent Tezcan ... Tezcan said":
        a full name the tagger missed (or cut to the surname) where the surname stands alone
        elsewhere as a name. Two or three capitalised proper nouns ending in that surname become a
        person's name; the entities list is returned with them in place of the surname alone."""
        alone: dict[str, set[int]] = {}
        for e in ents:
            if (len(e) == 1 and e.label_ in {"PERSON", "NORP"} and not self.kb.lookup(e.text) and not self.kb.people_with_surname(e.text)
                    and self.kb.state_for_demonym(e.text) is None):
                alone.setdefault(e.text, set()).add(e.start)
        single = {e.start for e in ents if len(e) == 1}
        found = []
        for i, text in enumerate(self.view.text):
            if text not in alone:
                continue
            token = self.doc[i]
            if token.ent_iob_ == "I" or (token.ent_type_ and token.i not in single):
                continue
            start = token.i
            while start > max(token.sent.start, token.i - 2) and _is_untagged_name_word(self.doc[start - 1]):
                start -= 1
            name = self.doc[start: token.i + 1].text
            if start == token.i or not alone[token.text] - {token.i} or _is_not_a_person_name(name) or not self.vouched_name_start(start):
                continue  # the surname must stand alone somewhere else: "Theological Seminary" is no name
            found.append(Span(self.doc, start, token.i + 1, label="PERSON"))
        if not found:
            return ents
        replaced = {span.end - 1 for span in found}
        kept = [e for e in ents if not (len(e) == 1 and e.start in replaced)]
        return sorted(kept + found, key=lambda e: e.start)

    def split_coordinated_names(self, ents: list[Span]) -> list[Span]:
        """"Trump and Pence", "Corker and Flake" tagged as one entity: each part its own name,
        when every part is a name the knowledge base or the article knows ("Law and Justice",
        "Trinidad and Tobago" stay whole; "&" always joins one company's name)."""
        found = []
        for ent in ents:
            cuts = [t.i for t in ent if t.lower_ == "and" or t.text == ","]
            parts = [self.doc[a + 1: b] for a, b in zip([ent.start - 1, *cuts], [*cuts, ent.end], strict=True)] if cuts else []
            if len(parts) < 2 or not all(len(p) and self.is_known_name(p) for p in parts):
                found.append(ent)
                continue
            for part in parts:
                known = self.known(part)
                label = "PERSON" if not known or known[0].type == "Person" else "GPE" if known[0].type == "State" else "ORG"
                found.append(Span(self.doc, part.start, part.end, label=label))
        return found

    def is_known_name(self, part: Span) -> bool:
        words = _strip_possessive(part.text)
        return bool(self.kb.lookup(words)) or len(part) == 1 and (bool(self.kb.people_with_surname(words)) or words in self.article_surnames)

    def vouched_name_start(self, start: int) -> bool:
        """A title or a party right before a name the tagger missed: "Spokesman Bulent Tezcan",
        "Democrat Ruben Kihuen" (never "Junior Brexit minister", "Acting Director Mulvaney")."""
        if start == 0:
            return False
        before = self.doc[start - 1]
        return actor_filters.is_person_cue(before.text) or before.ent_type_ == "NORP"

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
        last, before = ent[-1].text, ent[-2].text
        return any(not (ent.start <= i < ent.end) and (i == 0 or self.doc[i - 1].text != before) for i in self.word_positions.get(last, ()))

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
        start, sent_start = span.start, span.sent.start  # spaCy finds the sentence anew on every access
        while start > sent_start and _is_title_word(self.doc[start - 1]):
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

    def resolve_person_bodies(self) -> None:
        """"Trump's campaign said", "the Clinton campaign", "the Trump transition team": the
        person's own organisation acts, with the person mentioned inside its name."""
        for mention in list(self.mentions):
            if mention.nested or mention.actor.type != "Person" or mention.how != "name":
                continue
            span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            head = _governing_noun(span) if span is not None else None
            words = _person_body_words(head) if head is not None else None
            if words is None:
                continue
            label = f"{mention.actor.label.split()[-1]} {words}"
            body = Actor(id=actor_iri("Organization", label), label=label, type="Organization",
                         country=mention.actor.country, affiliation=mention.actor.label)
            start, end = _noun_phrase(head, span)
            self.give_words_to_body(mention, body, min(start, span.start), end)

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
        view = self.view
        for i, text in enumerate(view.text):
            if i in self.taken or view.pos[i] not in {"PROPN", "NOUN", "ADJ"} or not text[:1].isupper() or not text.isalpha():
                continue
            token = self.doc[i]
            if token.pos_ != "PROPN" and token.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
                continue  # "Trump urged", "Trump, writing on Twitter," are often tagged a common noun or an adjective at the start of a sentence
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

    # -- titles without names ----------------------------------------------------------------
    def resolve_bare_title(self, i: int) -> None:
        """A title without a name at token ``i`` ("the US Secretary of State"): the one who held it."""
        if i in self.taken or self.view.lemma[i] not in TITLE_HEADS or self.view.pos[i] not in {"NOUN", "PROPN"}:
            return
        token = self.doc[i]
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


def _is_untagged_name_word(token: Token) -> bool:
    """A capitalised proper noun no entity claims, and no title ("Spokesman" stays out of the name)."""
    return token.pos_ == "PROPN" and token.is_title and token.is_alpha and token.ent_iob_ == "O" and not actor_filters.is_person_cue(token.text)


def _person_body_words(head: Token) -> str | None:
    """"campaign" or "transition team" when the noun a person's name modifies names a body of theirs."""
    lemma = _lemma(head)
    lefts = [t for t in head.lefts if t.dep_ not in {"det", "poss", "case"} and t.ent_type_ not in {"PERSON", "DATE", "CARDINAL"}]
    if f"transition {lemma}" in PERSON_BODY_NOUNS and any(t.lower_ == "transition" for t in lefts):
        return f"transition {lemma}"
    if lemma not in PERSON_BODY_NOUNS or head.dep_ == "compound":
        return None  # "Trump's campaign manager": a person
    if any(t.lower_ not in CAMPAIGN_MODIFIERS and t.pos_ != "PROPN" for t in lefts):
        return None  # "Duterte's anti-drug campaign": an activity
    if any(c.dep_ in {"prep", "acl"} and c.lower_ not in {"of", "in"} for c in head.rights):
        return None  # "his campaign against graft", "the campaign to ..."
    return lemma
