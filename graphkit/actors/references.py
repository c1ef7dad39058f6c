"""References and pronouns: "he", "its", "they", "his country", "these soldiers" -> an actor named before."""

from __future__ import annotations

from spacy.tokens import Token

from ..descriptions import MILITARY_NOUNS, is_country_noun
from ..lexicons import words
from ..models import Actor, Mention
from ..references import description_antecedent
from .bodies import allies_of, national_forces
from .helpers import _COREF_WINDOW, ALLY_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, RELATIVE_PRONOUNS, THING_PRONOUNS, _lemma, _noun_phrase

PAIR_PEOPLE_NOUNS = words("pair_people_nouns")
PAIR_STATE_NOUNS = words("pair_state_nouns")
PAIR_SIDE_NOUNS = words("pair_side_nouns")
PEOPLE_NOUNS = words("people_nouns")
PAIR_WINDOW = 1  # sentences before the pair noun's own
# The words resolve_reference may resolve: pronouns, and nouns of pairs and of armed forces.
REFERRING_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
REFERRING_NOUNS = PAIR_PEOPLE_NOUNS | PAIR_STATE_NOUNS | PAIR_SIDE_NOUNS | MILITARY_NOUNS


class ReferenceRules:
    """Resolver rules for references; mixed into the resolver, whose state (doc, kb, mentions) they use."""

    def resolve_reference(self, i: int) -> None:
        """The actor token ``i`` refers to, if it is a pronoun, a pair ("the two leaders") or a
        definite military noun ("the soldiers")."""
        view = self.view
        if i in self.taken:
            return
        pronoun = view.pos[i] == "PRON" or view.tag[i] in {"PRP", "PRP$"}
        if pronoun and view.lower[i] not in REFERRING_PRONOUNS or not pronoun and (view.pos[i] != "NOUN" or view.lemma[i] not in REFERRING_NOUNS):
            return  # most words refer to nothing: skip them before making a Token
        token = self.doc[i]
        lower = token.lower_
        if pronoun:
            if lower in PERSON_PRONOUNS:
                person = self.agreeing_person(token)
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
                if found is not None and not self.thing_between(found, token) and not self.named_in_own_clause(token, found.actor):
                    self.add_reference(token, found.actor)
            elif lower in PLURAL_PRONOUNS:
                found = self.nearest(token, self.plural_antecedent, "plural")
                members = self.members(found) if found is not None else []
                if members and not self.plural_noun_between(found, token, any_noun=len(members) > 1):
                    self.add_references(token, [m.actor for m in members])
        elif self.resolve_pair(token):
            return
        elif _lemma(token) in MILITARY_NOUNS and token.pos_ == "NOUN" and _is_definite_description(token):
            if _is_foreign(token):
                found = self.most_mentioned(token, lambda m: m.actor.type == "ArmedForce")
            else:
                found = self.nearest(token, lambda m: m.actor.type == "ArmedForce", None)
            if found is not None:
                self.add(found.actor, *_noun_phrase(token, None))

    def add_reference(self, token: Token, actor: Actor) -> None:
        """A pronoun, or "its troops" for a state's armed forces, or "his allies" for its allies."""
        self.add_references(token, [actor])

    def add_references(self, token: Token, actors: list[Actor]) -> None:
        """A pronoun standing for one actor or, like "they" after "Putin and Trump", for several:
        one mention per member, all over the pronoun's words."""
        found = [self.referent(token, actor) for actor in actors]
        found = [f for f in found if f is not None]
        if len({end for _, end in found}) == 1:
            self.add_group([actor for actor, _ in found], token.i, found[0][1], how="pronoun")

    def referent(self, token: Token, actor: Actor) -> tuple[Actor, int] | None:
        """What a pronoun names, and where its words end: "its troops" a state's armed forces,
        "its allies" the state's allies, nothing for "her supporters", else the actor itself."""
        head = token.head
        if token.dep_ == "poss" and _lemma(head) in MILITARY_NOUNS and actor.type == "State":
            return national_forces(self.kb, actor), head.i + 1
        if token.dep_ == "poss" and _lemma(head) in ALLY_NOUNS:
            # "its allies" of a state, "his allies" of its leader are allied states; a politician's
            # supporters or backers ("Clinton thanked her supporters") are people of no state, and
            # "its ally Pakistan" is one state
            state = actor if actor.type == "State" else self.kb.state(actor.country) if actor.country and _lemma(head) == "ally" else None
            return (allies_of(state), head.i + 1) if state is not None and head.tag_ == "NNS" else None
        return actor, token.i + 1

    def add_group(self, actors: list[Actor], start: int, end: int, how: str) -> None:
        """Words that stand for one actor, or for each of several ("they", "the two leaders")."""
        unique = list({actor.id: actor for actor in actors}.values())
        if len(unique) == 1:
            self.add(unique[0], start, end, how=how)
            return
        if not unique or any(i in self.taken for i in range(start, end)):
            return
        span = self.doc[start:end]
        group = [Mention(actor, span.text, span.start_char, span.end_char, self.sentence_of[start], how=how) for actor in unique]
        for i in range(start, end):
            self.taken[i] = group[0]
        self.mentions.extend(group)
        self.groups[(span.start_char, span.end_char)] = group

    # -- plural references ---------------------------------------------------------------------
    def members(self, mention: Mention) -> list[Mention]:
        """The actors a mention stands for with the words around it: each member of a group
        ("they" for Putin and Trump), each actor of a coordination ("Putin and Trump"), or itself."""
        grouped = self.groups.get((mention.start_char, mention.end_char))
        if grouped:
            return grouped
        coordinated = self.coordination(mention)
        return coordinated or [mention]

    def coordination(self, mention: Mention) -> list[Mention]:
        """"Putin and Trump", "Schumer, Pelosi and Ryan" as a subject: the mentions of every conjunct,
        in text order, when each conjunct is an actor (else none: "Trump and his aides" is no list of actors)."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None or not span.root.conjuncts:
            return []
        tokens = sorted([span.root, *span.root.conjuncts], key=lambda t: t.i)
        if tokens[0].dep_ not in {"nsubj", "nsubjpass"}:
            return []  # "a foothold in Syria and Iraq. Their defeat": a list that acts, not any list
        found = [self.taken.get(t.i) for t in tokens]
        if any(m is None or m.how in {"pronoun", "description"} for m in found):
            return []
        return list({m.actor.id: m for m in found}.values()) if len({m.actor.id for m in found}) > 1 else []

    def is_group_member(self, mention: Mention) -> bool:
        return (mention.start_char, mention.end_char) in self.groups

    def plural_noun_between(self, antecedent: Mention, pronoun: Token, any_noun: bool) -> bool:
        """"The U.S. side asked Canada about the asylum seekers, how they entered": a plural noun
        that names no actor stands between, and "they" may well be it. Any plural noun of the pronoun's
        sentence blocks a list of actors ("Obama and Netanyahu sparred over settlements, while Trump
        said they should expand"; but "X and Y held drills. Their troops ..." are theirs, the subject
        of the sentence before being what the next one speaks of); otherwise only a noun for people does ("these soldiers engage in
        combat or operations ..., they would become targets" keeps the soldiers)."""
        tags = self.view.tag
        for i in range(pronoun.i):
            if tags[i] not in {"NNS", "NNPS"} or i in self.taken:
                continue
            token = self.doc[i]
            if token.idx < antecedent.end_char:
                continue
            in_sentence = self.sentence_of[token.i] == self.sentence_of[pronoun.i]
            if (any_noun and in_sentence or _lemma(token) in PEOPLE_NOUNS) and token.dep_ not in {"compound", "amod", "nmod"}:
                return True
        return False

    def thing_between(self, antecedent: Mention, pronoun: Token) -> bool:
        """"Trump will sign the bill when he receives it": an object "it" after a thing named since
        the actor (a singular noun that is a subject or object and names no actor) is that thing."""
        if pronoun.dep_ not in {"dobj", "pobj", "dative"}:
            return False
        return any(t.tag_ == "NN" and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and t.i not in self.taken
                   for t in self.doc[:pronoun.i] if t.idx >= antecedent.end_char)

    def resolve_pair(self, token: Token) -> bool:
        """"the two leaders", "both countries", "the two sides": the two parties named just
        before, when exactly two fit (see ``pair_members``). True when the words were a pair noun."""
        kind = _pair_kind(token)
        if kind is None or token.i in self.taken:
            return kind is not None
        named = [m for m in self.mentions if not m.nested and m.start_char < token.idx and m.how not in {"pronoun", "description"}]
        last = max(named, key=lambda m: m.start_char, default=None)
        if last is None or self.plural_noun_between(last, token, any_noun=False):
            return True  # "representatives of Saudi Arabia, the United States and the two warring parties ... both sides"
        members = self.pair_members(token, kind)
        if members is not None:
            start = min([token.i, *(c.i for c in token.lefts if c.dep_ in {"det", "predet", "nummod", "amod"})])
            self.add_group(members, start, token.i + 1, how="description")
        return True

    def pair_members(self, token: Token, kind: str) -> list[Actor] | None:
        """The two actors of ``kind`` named in this sentence before ``token`` or else in the one
        before it: two people for "leaders"; the states of two countries for "countries"; for
        "sides", two actors, or else the states of the two countries all of them belong to.
        Conservative: any other number of candidates resolves nothing."""
        sentence = self.sentence_of[token.i]
        for back in range(PAIR_WINDOW + 1):
            before = [m for m in self.mentions if not m.nested and m.start_char < token.idx and 0 <= sentence - m.sentence_index <= back
                      and m.how not in {"pronoun", "description"}]
            people = _distinct([m.actor for m in before if m.actor.type == "Person"])
            countries = {m.actor.country for m in before if m.actor.country and (kind != "sides" or m.actor.type != "Person" and not self.is_modifier(m))}
            if kind == "people" and len(people) >= 2:
                return people if len(people) == 2 else None
            if kind == "sides":  # parties, not the people who speak for them ("RCMP spokeswoman Annie Delisle")
                actors = _distinct([m.actor for m in before if m.actor.type != "Person" and not self.is_modifier(m)])
                if len(actors) == 2:
                    return actors
                if len(actors) > 2 and all(a.country for a in actors) and len(countries) == 2:
                    return self.states_of(countries)
                if len(actors) > 2:
                    return None
            if kind == "states" and len(countries) >= 2:
                return self.states_of(countries) if len(countries) == 2 else None
        return None

    def is_modifier(self, mention: Mention) -> bool:
        """"RCMP" in "RCMP spokeswoman", "U.S." in "the U.S. judge": a name that says whose a thing
        or person is, not a party of its own."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        heads = [t for t in span or () if t.dep_ != "det" and not span.start <= t.head.i < span.end]
        return bool(heads) and all(t.dep_ in {"compound", "amod", "nmod"} and t.head.i >= span.end for t in heads)

    def states_of(self, countries: set[str]) -> list[Actor] | None:
        states = [self.kb.state(code) for code in sorted(countries)]
        return states if all(s is not None for s in states) else None

    def plural_antecedent(self, mention: Mention) -> bool:
        """What "they" may stand for: armed forces, a group, a plural noun, or a list of actors."""
        if mention.actor.type in {"ArmedForce", "NonStateArmedGroup"} or self.is_plural(mention):
            return True
        return len(self.members(mention)) > 1

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
        if window_kind == "thing" and token.dep_ in {"dobj", "pobj", "dative"}:
            limit = 0  # "said they will fight against it": an object "it" is most often a thing; only this sentence's actors
        before = [m for m in self.mentions if not m.nested and m.start_char < token.idx and sentence - m.sentence_index <= limit and accept(m)]
        if window_kind != "plural":  # "he" after "they" (Schumer and Pelosi) is not one of them
            before = [m for m in before if not self.is_group_member(m)]
        clause = self.bound_clause(token)
        if clause is not None:
            # the subject itself and its conjuncts, not what its relative clause names ("Russia, which trained troops, sends them")
            bound = {self.taken[t.i] for c in _clause_subjects(clause) for t in (c, *c.conjuncts) if t.i in self.taken}
            before = [m for m in before if not any(m is b for b in bound)]
        before.sort(key=lambda m: m.start_char, reverse=True)
        if window_kind is not None:
            ahead = self.fronted_subject(token)
            named_ahead = self.taken.get(ahead.i) if ahead is not None else None
            if named_ahead is not None and accept(named_ahead) and not self.is_group_member(named_ahead):
                return named_ahead
            subject = self.salient_subject(token)
            if subject is not None:
                named = self.taken.get(subject.i)
                if named is None:  # "The committee said in its report": the committee named before, if any
                    named = description_antecedent(subject, self.mentions, self.sentence_of[subject.i])
                    if named is not None and accept(named) and not self.is_group_member(named):
                        return named
                if named is not None and any(m is named for m in before):
                    return named
                if named is None and window_kind != "person" and self.is_unnamed(subject, window_kind, accept):
                    return None
            subjects = [m for m in before if m.sentence_index == sentence and self.is_main_subject(m)]
            if subjects:
                return subjects[0]
        return before[0] if before else None

    def salient_subject(self, pronoun: Token) -> Token | None:
        """The subject a pronoun most likely stands for: that of the nearest clause above it whose
        subject comes before it and does not hold it ("The commission said in its report": the
        commission; "Ukraine, which said it would": Ukraine); for a pronoun that opens its sentence
        ("It said ..."), the main subject of the sentence before."""
        own_clause = self.bound_clause(pronoun)
        controllers = set(_controllers(own_clause)) if own_clause is not None else set()
        for verb in pronoun.ancestors:
            if verb.pos_ not in {"VERB", "AUX"} or verb in controllers:
                continue
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < pronoun.i and pronoun not in c.subtree]
            if subjects:
                subject = subjects[0]
                if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head
                return subject if subject.pos_ != "PRON" else None
        sentence = self.sentence_of[pronoun.i]
        if sentence == 0 or any(self.sentence_of[t.i] == sentence and t.dep_ in {"nsubj", "nsubjpass"} for t in self.doc[pronoun.sent.start:pronoun.i]):
            return None
        previous = self.doc[pronoun.sent.start - 1].sent
        subjects = [c for c in previous.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return subjects[0] if subjects and subjects[0].pos_ != "PRON" else None

    def fronted_subject(self, pronoun: Token) -> Token | None:
        """"In its series on the foundation, The Washington Post reported": a possessive in a phrase
        put before the subject is that subject's."""
        if pronoun.dep_ != "poss":
            return None
        phrase = pronoun.head
        while phrase.dep_ in {"pobj", "prep"} and phrase.head.pos_ not in {"VERB", "AUX"}:
            phrase = phrase.head
        if phrase.dep_ != "prep" or phrase.head.pos_ not in {"VERB", "AUX"}:
            return None
        subjects = [c for c in phrase.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i > phrase.i]
        return subjects[0] if subjects and phrase.i < phrase.head.i else None

    def bound_clause(self, pronoun: Token) -> Token | None:
        """The verb whose subject an object pronoun cannot stand for: "an Afghan soldier opened fire
        on them", "Trump praised him" (a reflexive, "himself", is the one that can)."""
        if pronoun.lower_.endswith(("self", "selves")):
            return None
        head = pronoun.head
        if pronoun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head  # "opened fire on them"; but "the allegations against him" may be his own
        elif pronoun.dep_ == "nsubj" and pronoun.lower_ in {"him", "them"} and head.dep_ in {"ccomp", "xcomp"}:
            head = head.head  # "helping them fix problems": the parser's subject of "fix" is the object of "helping"
        elif pronoun.dep_ not in {"dobj", "dative", "iobj"}:
            return None
        return head if head.pos_ in {"VERB", "AUX"} else None

    def is_unnamed(self, subject: Token, window_kind: str, accept) -> bool:
        """"The commission" (no actor, and no commission named before) as the subject "its" stands
        for: a common noun of the pronoun's number with no actor the pronoun could mean in its
        phrase; the pronoun then means it, not an actor named before."""
        if subject.pos_ != "NOUN" or subject.tag_ != ("NNS" if window_kind == "plural" else "NN"):
            return False
        inside = {self.taken[t.i] for t in subject.subtree if t.i in self.taken}
        return not any(accept(m) for m in inside)

    def is_main_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"} and span.root.head.dep_ == "ROOT"


def _controllers(verb: Token) -> list[Token]:
    """A verb and those whose subject it takes: "Trump spoke to Merkel to congratulate her": spoke."""
    found = [verb]
    while not any(c.dep_ in {"nsubj", "nsubjpass"} for c in found[-1].children) and _is_controlled(found[-1]):
        found.append(found[-1].head)
    return found


def _is_controlled(verb: Token) -> bool:
    """"to congratulate", "and praised", ", accusing him": a verb that takes its subject from the
    one it hangs on (a resultative "giving him the opportunity" is read so too, wrongly)."""
    return verb.dep_ in {"xcomp", "conj", "advcl"}


def _clause_subjects(verb: Token) -> list[Token]:
    return [c for v in _controllers(verb) for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]


def _pair_kind(token: Token) -> str | None:
    """"the two leaders" -> "people", "both countries" -> "states", "the two sides" -> "sides"."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return None
    lemma = _lemma(token)
    kind = "people" if lemma in PAIR_PEOPLE_NOUNS else "states" if lemma in PAIR_STATE_NOUNS else "sides" if lemma in PAIR_SIDE_NOUNS else None
    if kind is None:
        return None
    lefts = [c for c in token.lefts if c.dep_ in {"det", "predet", "nummod", "amod"}]
    words_ = [c.lower_ for c in lefts]
    definite = "both" in words_ or ("two" in words_ and words_[0] in {"the", "these", "those"})
    if not definite or any(c.dep_ == "amod" for c in lefts) or any(c.dep_ == "poss" for c in token.lefts):
        return None  # "two men" is anyone; "the two Korean leaders" names whose; "their two countries" belong to someone
    if any(c.dep_ == "prep" and c.lower_ in {"of", "from"} for c in token.rights):
        return None  # "leaders of both parties" say who they are
    return kind


def _distinct(actors: list[Actor]) -> list[Actor]:
    return list({a.id: a for a in actors}.values())


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

