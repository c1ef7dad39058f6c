"""References and pronouns: "he", "its", "they", "his country", "these soldiers" -> an actor named before."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..descriptions import MILITARY_NOUNS, is_country_noun
from ..models import Actor, Mention
from .bodies import allies_of, national_forces
from .helpers import _COREF_WINDOW, ALLY_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS, _lemma, _noun_phrase


class ReferenceRules:
    """Resolver rules for references; mixed into the resolver, whose state (doc, kb, mentions) they use."""

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
