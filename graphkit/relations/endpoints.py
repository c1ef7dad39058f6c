"""Endpoints: the actor mentions a token stands for, through conjunctions, appositions, proxies,
owners and the descriptions the actors stage resolves."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..actors import mentions_by_token
from ..descriptions import (
    GOVERNMENT_NOUNS,
    MILITARY_NOUNS,
    OFFICE_NOUNS,
    ActorKnowledge,
    forces_mention,
    government_seat,
    named_as,
    office_mentions,
    title_holder,
)
from ..lexicons import words
from ..models import Mention
from . import syntax

RELATIVE_PRONOUNS = words("relative_pronouns")
PLACE_NOUNS = words("place_nouns")
GROUP_WORDS = words("group_words")
DOCUMENT_NOUNS = words("document_nouns")
PERSONAL_OFFICE_NOUNS = words("personal_office_nouns")
# Nouns that stand for the actor they belong to: "the actions of Russia", "Russia's role".
PROXY_NOUNS = words("proxy_nouns") | MILITARY_NOUNS | GOVERNMENT_NOUNS | words("organisation_nouns")
# "the decision by Comey", "calls from lawmakers", "the actions of Russia": the owner of a proxy noun.
OWNER_PREPS = {"of", "from", "by"}


class Endpoints:
    """Map tokens to the actor mentions they stand for, in one article."""

    def __init__(self, doc: Doc, mentions: list[Mention], knowledge: ActorKnowledge, event_nouns=frozenset()):
        self.by_token = mentions_by_token(doc, mentions)
        # "they" for Putin and Trump: words that stand for several actors, one mention each
        self.members = _members_by_token(self.by_token, mentions)
        # "Russia's invasion was condemned": the event stands for the actor who carried it out.
        self.proxies = PROXY_NOUNS | frozenset(event_nouns)
        self.knowledge = knowledge
        self.sentence_index = 0
        self.last_claimant: Mention | None = None  # who made a claim in the sentence before

    def note_claimant(self, speaker: Mention | None) -> None:
        """The claimant of the sentence just read (None: it made no claim an actor made)."""
        self.last_claimant = speaker

    def at(self, token: Token, hops: int = 2, assets: bool = False) -> list[Mention]:
        """Mentions a token stands for; with ``assets``, also the owner of a thing ("Houthi radar sites")."""
        found: list[Mention] = []
        for conjunct in syntax.conjuncts(token):
            found.extend(self._one(conjunct, hops, assets))
            found.extend(self._listed_in_apposition(conjunct))
        unique = {(m.start_char, m.actor.id): m for m in found}
        return [unique[k] for k in sorted(unique, key=lambda key: key[0])]

    def at_all(self, tokens, hops: int = 2, assets: bool = False) -> list[Mention]:
        return [m for t in tokens for m in self.at(t, hops, assets)]

    def _lookup(self, token: Token, hops: int) -> list[Mention]:
        return self.at(token, hops)

    def _one(self, token: Token, hops: int, assets: bool) -> list[Mention]:
        if token.i in self.by_token:
            return [] if names_document(token) else self.members.get(token.i) or [self.by_token[token.i]]
        if hops <= 0:
            return []
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.at(relative_antecedent(token), hops - 1)
        for child in syntax.appositions(token):
            if child.i in self.by_token:
                return self.members.get(child.i) or [self.by_token[child.i]]
        if is_dateline(token):
            # "WASHINGTON (Reuters) - ... a representative from Big Lots will hold meetings": the
            # parser makes the dateline the subject and the real subject its apposition
            return [m for child in syntax.appositions(token) if child.lower_ != "reuters" for m in self.at(child, hops - 1)]
        lemma = syntax.lemma(token)
        if lemma in PLACE_NOUNS:
            return []  # "the town of Enerhodar" is a place, whatever the tagger thinks
        if lemma in OFFICE_NOUNS:
            owners = [m for owner in syntax.possessors(token) for m in self.at(owner, 0)]
            offices = office_mentions(self.knowledge, token, owners)
            if offices:
                return offices
            if lemma in PERSONAL_OFFICE_NOUNS and any(m.actor.type == "Person" for m in owners):
                return [m for m in owners if m.actor.type == "Person"]
        found = named_as(token, self._lookup)
        if found:
            return found
        is_proxy = lemma in self.proxies
        if token.like_num or is_proxy or lemma in GROUP_WORDS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
                    for pobj in syntax.pobjs(child):
                        return self.at(pobj, hops - 1)
                if child.dep_ == "poss":
                    owners = self.at(child, hops - 1)
                    return [self._forces_or_owner(m, token) for m in owners] if lemma in MILITARY_NOUNS else owners
                if child.dep_ == "acl":
                    agents = syntax.agent_tokens(child)
                    if agents:  # "the mutiny led by Prigozhin"
                        return [m for a in agents for m in self.at(a, hops - 1)]
        found = government_seat(token, self._lookup) or title_holder(token, self._lookup)
        if found:
            return found
        if (is_proxy or assets) and token.pos_ in syntax.NOMINAL:
            return self.owners(token)
        return []

    def _forces_or_owner(self, owner: Mention, noun: Token) -> Mention:
        """"his country's soldiers": the armed forces of the state the owner names."""
        forces = forces_mention(self.knowledge, owner, noun) if owner.actor.type == "State" else None
        return forces or owner

    def _listed_in_apposition(self, token: Token) -> list[Mention]:
        """"Joe Biden, Fumio Kishida and Yoon Suk Yeol": the parser hangs the list off the first
        name as an apposition; names of the same kind there are more members of the list."""
        first = self.by_token.get(token.i)
        if first is None:
            return []
        listed = []
        for child in syntax.appositions(token):
            for member in syntax.conjuncts(child):
                other = self.by_token.get(member.i)
                if other is not None and other.actor.type == first.actor.type and other.actor.id != first.actor.id:
                    listed.append(other)
        return listed if len(listed) > 1 or any(c.dep_ == "conj" for a in syntax.appositions(token) for c in a.children) else []

    def owners(self, noun: Token) -> list[Mention]:
        """Actors named before a noun: "Hamas gunmen", "the American strikes", "Ukrainian power stations"."""
        found = []
        for child in noun.lefts:
            if child.dep_ not in syntax.OWNER_DEPS:
                continue
            mentions = self.at(child, hops=0)
            if mentions:
                found.extend(mentions)
                continue
            for part in syntax.conjuncts(child):
                phrase = noun.doc[min(t.i for t in part.subtree): part.i + 1]
                state = self.knowledge.state_for_demonym(phrase.text)
                if state is not None:
                    found.append(Mention(state, phrase.text, phrase.start_char, phrase.end_char, -1, how="demonym"))
        return found

    def claim_reference(self, claim: Token) -> Mention | None:
        """"rejected the allegation": the one who made a claim in the sentence before."""
        claimant = self.last_claimant
        if claimant is None:
            return None
        phrase = claim.doc[min(t.i for t in claim.subtree): claim.i + 1]
        return Mention(claimant.actor, phrase.text, phrase.start_char, phrase.end_char, self.sentence_index, how="description")

    def own_forces(self, owner: Mention, forces: Token) -> Mention | None:
        """"Russia deployed more troops": the troops are Russia's own armed forces."""
        return forces_mention(self.knowledge, owner, forces)


def is_dateline(token: Token) -> bool:
    """"WASHINGTON (Reuters) -": the place that opens a wire story, credited to the agency."""
    return any(c.dep_ == "appos" and c.lower_ == "reuters" for c in token.children)


def relative_antecedent(pronoun: Token) -> Token:
    """What a relative pronoun stands for. "an adviser to President Ronald Reagan who supports
    Trump": the parser hangs the clause on the nearest name, but a name needs no restricting
    clause; without a comma before "who", a clause on a name after "adviser to" is about the
    adviser, and so about the one the adviser stands beside ("Art Laffer, an adviser to ...").
    "an adviser to Mitt Romney, who has criticized Trump" (a comma) stays Romney's."""
    antecedent = pronoun.head.head
    noun = antecedent.head.head if antecedent.dep_ == "pobj" else None
    restrictive = pronoun.i == antecedent.i + 1
    if noun is None or antecedent.pos_ != "PROPN" or noun.pos_ != "NOUN" or not restrictive:
        return antecedent
    return noun.head if noun.dep_ == "appos" else noun


def names_document(token: Token) -> bool:
    """"pull out of the Paris climate accord": a name modifying a document's noun names the
    document, not a party to it."""
    head = token.head
    if token.dep_ != "compound" or head.lemma_.lower() not in DOCUMENT_NOUNS:
        return False
    # "a U.S. treaty with Russia" names its parties
    return not any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in head.children)


def _members_by_token(by_token: dict[int, Mention], mentions: list[Mention]) -> dict[int, list[Mention]]:
    """Token index -> every mention over the same words, where there are several ("they")."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        if not mention.nested:
            spans.setdefault((mention.start_char, mention.end_char), []).append(mention)
    return {i: spans[(m.start_char, m.end_char)] for i, m in by_token.items() if len(spans[(m.start_char, m.end_char)]) > 1}


def sentence_tokens(sent: Span) -> list[Token]:
    return list(sent)
