"""Agreement of singular pronouns with their antecedents: gender ("she" is never a man), generic
people ("any woman who ... she"), people no actor stands for ("Phares") and names of the pronoun's
own clause ("It threatens to destroy the United States" is not the United States)."""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicons import words
from ..models import Actor, Mention
from .helpers import _lemma

FEMALE_PRONOUNS = words("female_pronouns")
MALE_PRONOUNS = words("male_pronouns")
TITLE_GENDERS = {**dict.fromkeys(words("female_titles"), "F"), **dict.fromkeys(words("male_titles"), "M")}
ROLE_GENDERS = {**dict.fromkeys(words("female_role_nouns"), "F"), **dict.fromkeys(words("male_role_nouns"), "M")}
UNISEX_FIRST_NAMES = words("unisex_first_names")
GENERIC_DETERMINERS = words("generic_determiners")
GENERIC_PEOPLE_PRONOUNS = words("generic_people_pronouns")
GENERIC_PEOPLE_NOUNS = words("generic_people_nouns")
_OBJECT_DEPS = {"dobj", "dative", "pobj", "attr"}


def pronoun_gender(token: Token) -> str | None:
    lower = token.lower_
    return "F" if lower in FEMALE_PRONOUNS else "M" if lower in MALE_PRONOUNS else None


def is_generic_person(token: Token) -> bool:
    """"anyone", "any woman", "every man", "no official": a person the sentence speaks of in general."""
    if token.lower_ in GENERIC_PEOPLE_PRONOUNS:
        return True
    return _lemma(token) in GENERIC_PEOPLE_NOUNS and any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in token.lefts)


class AgreementRules:
    """Resolver rules on what a singular pronoun may stand for; mixed into the resolver (doc, kb, mentions, taken)."""

    def agreeing_person(self, token: Token) -> Mention | None:
        """The person "he", "her" stands for: the nearest (see ``nearest``), unless the pronoun is
        generic ("any woman who ... she"), an unknown person's name comes between ("wrote to Phares,
        asking him"; not after the subject of the pronoun's own sentence), or the clause names that person ("He criticized Trump"). A person of the other
        gender is passed over only for the salient subject ("She" after "Steve Baker said ... May
        faces" is May only as the subject): else nothing, a wrong antecedent being worse than none."""
        subject = self.salient_subject(token)
        if subject is not None and self.is_unknown_name(subject) or self.is_generic_antecedent(token, subject):
            return None
        named = self.taken.get(subject.i) if subject is not None else None
        person = self.nearest(token, lambda m: m.actor.type == "Person", "person")
        gender = pronoun_gender(token)
        if person is not None and self.disagrees(person.actor, gender):
            person = self.nearest(token, lambda m: m.actor.type == "Person" and not self.disagrees(m.actor, gender), "person")
            if person is not None and (named is None or named.actor.id != person.actor.id):
                return None
        if person is None or self.named_in_own_clause(token, person.actor):
            return None
        own_subject = named is not None and named.actor.id == person.actor.id and named.sentence_index == self.sentence_of[token.i]
        if not own_subject and self.unnamed_person_between(person, token):
            # "Trump has been unrelenting in his criticism of Corker and Flake ... his dismissal": the
            # subject of the pronoun's own sentence is not passed over by an unknown "Flake" after it
            return None
        self.learn_gender(token, person)
        return person

    def gender_of(self, actor: Actor) -> str | None:
        """"F", "M" or None: the knowledge base's record, else the article's cues (a title, a
        gendered role noun joined to the name, an earlier unambiguous pronoun) and the first name,
        when they agree."""
        recorded = self.kb.gender(actor)
        if recorded is not None:
            return recorded
        cues = set(self.article_gender_cues().get(actor.id, ())) | self.learned_genders.get(actor.id, set())
        first = actor.label.split()[0].lower() if " " in actor.label else None
        if first is not None and first not in UNISEX_FIRST_NAMES and len(first.rstrip(".")) > 1:
            by_name = self.kb.first_name_gender(first)
            if by_name is not None:
                cues.add(by_name)
        return cues.pop() if len(cues) == 1 else None

    def disagrees(self, actor: Actor, gender: str | None) -> bool:
        known = self.gender_of(actor) if gender is not None else None
        return known is not None and known != gender

    def article_gender_cues(self) -> dict[str, set[str]]:
        """Actor id -> the genders the article's words give a person, read once per article."""
        if self._gender_cues is None:
            self._gender_cues = {}
            for mention in self.mentions:
                if mention.actor.type == "Person" and mention.how != "pronoun":
                    for gender in self.mention_gender_cues(mention):
                        self._gender_cues.setdefault(mention.actor.id, set()).add(gender)
        return self._gender_cues

    def mention_gender_cues(self, mention: Mention) -> set[str]:
        """"Mrs. May", "spokeswoman Sarah Sanders", "Callista Gingrich, wife of ...", "her husband,
        Newt Gingrich", "McMahon is a businesswoman": the genders the words joined to a name give."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None:
            return set()
        root = span.root
        found = set()
        for token in (self.doc[span.start - 1] if span.start > 0 else None, span[0]):
            if token is not None and token.text.rstrip(".").lower() in TITLE_GENDERS:
                found.add(TITLE_GENDERS[token.text.rstrip(".").lower()])
        joined = [c for c in root.children if c.dep_ in {"compound", "appos"}]
        if root.dep_ == "appos":
            joined.append(root.head)
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
            joined += [c for c in root.head.children if c.dep_ == "attr"]
        found |= {ROLE_GENDERS[_lemma(t)] for t in joined if _lemma(t) in ROLE_GENDERS}
        return found

    def learn_gender(self, pronoun: Token, person: Mention) -> None:
        """A pronoun that could stand for no one else tells the person's gender: in "Caroll Norman,
        a retired teacher, said she ...", Norman is a woman for every later "he" and "she"."""
        gender = pronoun_gender(pronoun)
        if gender is None:
            return
        sentence = self.sentence_of[pronoun.i]
        window = {m.actor.id for m in self.mentions if not m.nested and m.actor.type == "Person" and m.start_char < pronoun.idx
                  and 0 <= sentence - m.sentence_index <= 1 and m.how != "pronoun"}  # names: a pronoun may be wrong
        if window == {person.actor.id}:
            self.learned_genders.setdefault(person.actor.id, set()).add(gender)

    def unnamed_person_between(self, antecedent: Mention, pronoun: Token) -> bool:
        """"wrote to Phares, who was an adviser, asking him": a person's name that no actor stands
        for comes between the antecedent and the pronoun, and the pronoun may well be that person."""
        own_words = set(antecedent.actor.label.lower().split())
        for ent in self.ents:
            if ent.label_ != "PERSON" or not antecedent.end_char <= ent.start_char < pronoun.idx:
                continue
            if any(i in self.taken for i in range(ent.start, ent.end)):
                continue
            names = [t for t in ent if t.tag_ != "POS"]
            if not all(t.is_alpha and t.is_title for t in names) or {t.lower_ for t in names} <= own_words:
                continue  # "Mad Dog"; "Moore" or "Tsai" again: no other person
            if any(t.lower_ in self.people_by_surname for t in names):
                continue  # "Trump Tower": a person named before, or a thing named after one
            if ent.root.dep_ in {"compound", "amod", "nmod"} or ent.end < len(self.doc) and self.doc[ent.end].text == "-":
                continue  # "the Dodd-Frank law": a name that names a thing
            if ent.root.dep_ != "conj" and any(self.taken.get(t.i) is antecedent for t in ent.root.ancestors):
                continue  # "Trump, via Twitter, has been unrelenting in his criticism": a phrase of the antecedent's
            if any(a.type != "Person" for a in self.kb.lookup(ent.text)):
                continue
            return True
        after = self.doc.char_span(antecedent.start_char, antecedent.end_char, alignment_mode="expand")
        start = after.end if after is not None else 0  # the words between, not the whole text before
        return any(self.is_unnamed_who(t) for t in self.doc[start:pronoun.i] if not self.stands_for_person(t) and t.idx >= antecedent.end_char)

    def stands_for_person(self, token: Token) -> bool:
        mention = self.taken.get(token.i)
        return mention is not None and mention.actor.type == "Person"

    def is_unknown_name(self, token: Token) -> bool:
        """"Phares has come under scrutiny over his connections": a one-word proper name that no
        person stands for, and no actor of the knowledge base (at most one the tagger made up)."""
        if not token.is_title or not token.is_alpha or self.stands_for_person(token) or token.lower_ in self.person_name_words():
            return False  # "Tsai" after "Tsai Ing-wen": a person named before
        if token.pos_ != "PROPN" and not (token.pos_ == "NOUN" and self.is_name_elsewhere(token)):
            return False
        mention = self.taken.get(token.i)
        if mention is None:
            return token.ent_type_ in {"", "PERSON"}
        return " " not in mention.actor.label and not self.kb.is_known(mention.actor)

    def is_unnamed_who(self, token: Token) -> bool:
        """"Phares, who was an adviser": a proper name the tagger missed, that a "who" clause tells is a person."""
        if token.tag_ != "NNP" or token.ent_type_ in {"NORP", "GPE"}:
            return False  # "Republicans who accuse him": no one person
        return token.is_title and token.lower_ not in self.person_name_words() and any(
            c.dep_ == "relcl" and any(g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ == "who" for g in c.children) for c in token.children)

    def person_name_words(self) -> set[str]:
        """The words of the names of the people the article names (read once: pronouns name no one new)."""
        if self._person_words is None:
            self._person_words = {word for m in self.mentions if m.actor.type == "Person" for word in m.actor.label.lower().split()}
        return self._person_words

    def is_name_elsewhere(self, token: Token) -> bool:
        """"Phares did not speak": a word that opens its sentence, read as a common noun, that is a
        proper name where it stands elsewhere in the article."""
        opens = token.i == 0 or self.sentence_of[token.i - 1] != self.sentence_of[token.i]
        return opens and any(self.doc[i].pos_ == "PROPN" for i in self.word_positions.get(token.text, ()) if i != token.i)

    def is_generic_antecedent(self, pronoun: Token, subject: Token | None) -> bool:
        """"any woman who has felt mistreated has the right to speak up, even if she is accusing the
        president", "anyone who says he ...": the pronoun's subject, or the phrase it is in, is a
        generic person, whom the pronoun stands for."""
        if subject is not None and is_generic_person(subject):
            return True
        return any(is_generic_person(t) and pronoun in t.subtree for t in pronoun.sent if t.i < pronoun.i)

    def named_in_own_clause(self, pronoun: Token, actor: Actor) -> bool:
        """"It regularly threatens to destroy the United States": a subject pronoun is not what its
        own clause (and the verbs that take their subject from it) names as an object."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verbs, found = [pronoun.head], []
        while verbs:
            verb = verbs.pop()
            for child in verb.children:
                if child.dep_ == "xcomp":
                    verbs.append(child)
                elif child.dep_ in _OBJECT_DEPS:
                    found.append(child)
                elif child.dep_ in {"prep", "agent"}:
                    found += [g for g in child.children if g.dep_ == "pobj"]
        named = [self.taken.get(t.i) for t in found]
        return any(m is not None and m.how not in {"pronoun", "description"} and m.actor.id == actor.id for m in named)
