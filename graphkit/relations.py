"""Extract directed relations between actors from parsed sentences, with negation, modality,
attribution, place, quantity and evidence.

How a relation is found, rule by rule (each rule's name is the Relation's ``pattern``):

- ``verb``: a trigger verb with its subject as source and its object, or the object of one of
  the relation's prepositions, as target ("France condemned Russia", "met with Blinken").
- ``passive``: a passive trigger verb: the agent ("by Russia") is the source and the subject the
  target; an agentless passive gives no relation, since its source is unknown.
- ``control``: a trigger verb without a subject of its own takes it from the verb it depends on
  ("agreed to send", "vowed to attack", "is set to visit", "condemned and sanctioned"); after
  "urge/ask/call on X to ..." the object X is the subject.
- ``relative``: "the troops that Russia trained", "Russia, which trained ...".
- ``noun``: a nominal event ("a meeting with X", "condemnation of X", "Russia's attack on X",
  "sanctions on Iran by the EU"); with a light verb ("hold talks with", "impose sanctions on") the
  verb's subject is the source.
- ``phrase``: a multi-word trigger from the vocabulary ("pull out of", "call on").
- ``symmetric``: "X and Y met": one relation between the conjoined subjects.
- ``expulsion``: "ordered the ambassador to leave", "gave him 72 hours to leave the country":
  the one who orders expels the one told to leave (not a withdrawal, not a delivery).
- ``reference``: "Hamas rejected the claim": a claim, allegation or report with no owner in its
  own sentence stands for whoever last made a claim in an earlier sentence.

Descriptions that stand for an actor: "his office" (said of ICC prosecutor Karim Khan) is the
organisation the person works for; "the government in Kyiv" is Ukraine; "a man identified as
Pawel Kowalski" is that man; "the emir of Qatar, Sheikh Tamim" is the emir; "the mutiny led by
Prigozhin" is Prigozhin's. Refusals without an object answer the clause before them ("Kyiv asked
Berlin for missiles, but Scholz refused": Scholz rejects Kyiv). Events hosted by someone are
hosted for the clause's subjects ("negotiators held talks at a meeting hosted by Erdogan"). A
trailing speech-act participle belongs to the speaker ("Erdogan said Ankara would not approve
the bids, accusing Stockholm of ..." is Erdogan's accusation, asserted). An event that is the
topic of another ("investigating X over the transfer of children") does not take the outer
verb's subject. "Talks on X" are about X, not with X.

Each conjoined subject and object gives its own relation ("France and Germany condemned Russia
and Belarus" gives four). Negation, modality and attribution are read from the path between the
trigger and the sentence root; see ``statement_context``.

Confidence is a documented rule (``confidence``): the base score of the pattern that fired,
lowered when an endpoint came from a pronoun or description, when the actor is not in the
knowledge base, and when the endpoints are far from the trigger.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .actors import GOVERNMENT_NOUNS, MILITARY_NOUNS, ORGANISATION_NOUNS, TITLE_HEADS, mentions_by_token
from .models import Actor, Article, Evidence, Mention, Relation
from .vocabulary import Vocabulary

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "obj", "iobj"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# The subject of "urge X to act" is X, not the one who urges.
OBJECT_CONTROL_VERBS = {"urge", "ask", "tell", "order", "force", "persuade", "call", "invite", "allow", "help", "encourage", "push", "press", "pressure", "compel", "request"}
# Verbs that lend their subject to the event their object names: "hold talks", "impose sanctions".
LIGHT_VERBS = {"hold", "impose", "launch", "carry", "conduct", "provide", "give", "send", "express", "voice", "announce", "stage", "mount", "deliver", "offer", "extend", "make", "reach", "sign", "issue", "lodge", "begin", "start", "continue", "resume", "step", "approve", "adopt", "open", "have", "take", "wage", "do", "slap", "level", "file", "announce", "unveil"}
# Relations said of someone: their target may be the subject of the clause said ("demanded that the Houthis stop").
SPEECH_ACT_RELATIONS = {"demands", "requests", "warns", "accuses", "threatens", "condemns", "criticizes", "praises", "supports", "aids", "pledges", "rejects"}
# Relations whose target may be named by what it owns: "struck Houthi radar sites", "sanctions on Chinese banks".
ASSET_RELATIONS = {"attacks", "kills", "sanctions", "fights", "arrests", "expels"}
SPEECH_VERBS = {"say", "tell", "announce", "state", "claim", "report", "add", "continue", "confirm", "believe", "note", "write", "tweet", "argue", "indicate", "suggest", "explain", "stress", "emphasize", "emphasise", "insist", "assert", "declare", "reveal", "acknowledge", "admit", "estimate", "assume", "think", "allege", "quote", "post", "testify", "disclose", "deny"}
HYPOTHETICAL_AUX = {"could", "would", "might", "may", "should", "can"}
PLANNED_AUX = {"will", "shall", "'ll", "wo"}
PLANNED_GOVERNORS = {"plan", "intend", "aim", "prepare", "schedule", "set", "expect", "agree", "vow", "promise", "pledge", "decide", "want", "seek", "threaten", "go", "due", "hope", "try", "attempt", "offer", "propose", "consider", "move", "ready", "poise", "likely"}
HYPOTHETICAL_GOVERNORS = {"possible", "unclear", "likely", "unlikely", "whether", "if", "unless", "could", "may", "might", "probable", "conceivable", "risk", "fear", "threat", "warn", "consider"}
ACCUSATION_VERBS = {"accuse", "blame", "charge", "suspect", "praise", "thank", "condemn", "criticize", "criticise", "fault", "commend"}
# Verbs whose object event has not happened: "pledged aid", "demanded a withdrawal".
UNREALISED_OBJECT_RELATIONS = {"pledges", "requests", "demands", "threatens", "rejects"}
# "Sweden won the backing of the US": the event goes from the "of" object to the subject.
RECIPIENT_VERBS = {"have", "get", "receive", "win", "enjoy", "secure", "gain", "obtain", "accept", "welcome"}
# "threatened to strike X" is a threat, not a strike: the embedded event is left to the threat.
THREAT_GOVERNORS = {"threaten"}
NO_EVIDENCE_NOUNS = {"indication", "evidence", "sign", "proof", "suggestion"}
REPORTED_ADVERBS = {"reportedly", "allegedly", "purportedly", "apparently", "supposedly"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "should"}
PLACE_NOUNS = {"region", "area", "city", "province", "border", "territory", "front", "town", "village", "oblast", "capital", "country", "sea", "strait", "zone", "port", "base", "island", "peninsula", "coast", "waters"}
# Nouns that stand for the actor they belong to: "the actions of Russia", "Russia's role".
PROXY_NOUNS = {"d'affaire", "d'affaires", "envoy", "ambassador", "charge", "diplomat", "attache", "statement", "plan", "proposal", "report", "claim", "remark", "comment", "bid", "offer", "allegation", "finding", "demand", "resignation", "aid", "help", "assistance", "weapon", "arm", "ammunition", "equipment", "action", "behavior", "behaviour", "conduct", "policy", "decision", "move", "role", "presence", "reaction", "response", "stance", "position", "involvement", "aggression", "activity", "activities", "support", "threat", "member", "fighter", "militant", "representative", "delegation", "leadership", "leader", "government", "mutiny", "rebellion", "uprising", "coup", "insurgency", "revolt"}
NEGATIVE_GOVERNORS = {"deny", "refuse", "fail", "reject", "rule", "decline", "stop", "cease", "halt", "avoid", "hesitate", "cancel", "postpone", "scrap", "abandon"}
# Dependencies that stay inside one clause: negation and modals are read only along these.
CLAUSE_INTERNAL_DEPS = {"xcomp", "dobj", "pobj", "prep", "compound", "attr", "acomp", "amod", "nmod", "pcomp", "appos", "dative", "agent", "npadvmod", "nsubj", "nsubjpass", "aux", "auxpass", "oprd"}
# Relations whose object may be the source's own forces: "Russia deployed troops".
OWN_FORCES_RELATIONS = {"deploys", "mobilizes", "withdraws"}

# What a speaker does while speaking: "said ..., accusing X of": the accusation is the speaker's.
SPEAKER_ACT_VERBS = {"accuse", "blame", "warn", "threaten", "criticize", "criticise", "condemn", "urge", "demand", "praise", "thank", "reject", "dismiss", "deny", "call", "insist"}
# "ordered the ambassador to leave", "gave him 72 hours to leave": an expulsion, not a withdrawal.
EXPULSION_GOVERNORS = {"order", "tell", "force", "instruct", "give", "ask"}
TIME_NOUNS = {"hour", "day", "week", "month"}
# "rejected the allegation": the claim stands for whoever made it in the sentences before.
CLAIM_NOUNS = {"allegation", "accusation", "claim", "charge", "report", "finding", "assertion", "suggestion"}
CLAIM_VERBS = SPEECH_VERBS | {"find", "accuse", "allege", "charge"}
# "his office", "her ministry": the organisation the person works for.
OFFICE_NOUNS = {"office", "ministry", "department", "agency", "organisation", "organization", "court", "team", "staff"}
# "a man identified as Dieter S.": the name given to a description.
NAMING_VERBS = {"identify", "name", "call"}
# Events a host receives others at: "at a meeting hosted by Erdogan".
HOSTED_EVENT_NOUNS = {"meeting", "talk", "summit", "conference", "ceremony", "forum", "negotiation", "dinner", "reception"}

PATTERN_BASE = {"verb": 0.85, "phrase": 0.85, "passive": 0.8, "noun": 0.75, "relative": 0.7, "control": 0.7, "symmetric": 0.7, "inherited": 0.6, "speaker": 0.6, "expulsion": 0.75, "reference": 0.55}
PRONOUN_TEXTS = {"he", "him", "his", "she", "her", "it", "its", "they", "them", "their"}


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token  # the verb or noun that names the event
    relation: str
    kind: str  # "verb", "noun" or "phrase"
    prep: Token | None = None  # the preposition a phrase ends with ("on" in "impose sanctions on")
    last: Token | None = None  # last word of a phrase
    spoken: bool = False  # a speaker phrase: the speaker is the source, the subject the target


@dataclass(frozen=True, slots=True)
class StatementContext:
    negated: bool
    modality: str
    attributed_to: Mention | None


# -- triggers ------------------------------------------------------------------------------------
def _word_matches(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word or token.lower_ in _inflections(word)


@lru_cache(maxsize=4096)
def _inflections(word: str) -> frozenset[str]:
    """Regular forms of a phrase word, since the lemmatiser sometimes errs ("hoping" -> "hop")."""
    stem = word[:-1] if word.endswith("e") else word
    return frozenset({word + "s", word + "es", stem + "ed", stem + "ing", word + "d"})


def _match_phrase(sent: Span, start: int, words: tuple[str, ...]) -> list[Token] | None:
    """Phrase words in order from ``start``, allowing determiners and adjectives between them."""
    doc, i, matched = sent.doc, start, []
    for position, word in enumerate(words):
        while position and i < sent.end and doc[i].dep_ in {"det", "amod", "nummod", "compound", "poss", "advmod", "quantmod", "npadvmod"} and not _word_matches(doc[i], word):
            i += 1
        if i >= sent.end or not _word_matches(doc[i], word):
            return None
        matched.append(doc[i])
        i += 1
    return matched


def find_triggers(sent: Span, vocab: Vocabulary) -> list[Trigger]:
    """Every event trigger in a sentence: phrases first, then single verbs and nouns."""
    triggers, covered = [], set()
    phrases = tuple(vocab.phrases())
    by_first_word = _phrases_by_first_word(phrases)
    for token in sent:
        candidates = by_first_word.get(token.lower_, ()) + by_first_word.get(token.lemma_.lower(), ())
        for words, relation, spoken in (phrases[n] for n in sorted(set(candidates))):
            if not _word_matches(token, words[0]):
                continue
            matched = _match_phrase(sent, token.i, words)
            if matched and not covered.intersection(t.i for t in matched):
                head = next((t for t in matched if t.pos_ in {"VERB", "NOUN", "AUX"}), matched[0])
                prep = matched[-1] if matched[-1].pos_ == "ADP" or matched[-1].dep_ in {"prep", "prt", "agent"} else None
                triggers.append(Trigger(head, relation, "phrase", prep, matched[-1], spoken))
                covered.update(t.i for t in matched)
                break
    if "expels" in vocab:
        for token in sent:
            governor = _expulsion_governor(token)
            if governor is not None and not covered.intersection({governor.i, token.i}):
                triggers.append(Trigger(governor, "expels", "expulsion"))
                covered.update({governor.i, token.i})
    for token in sent:
        if token.i in covered:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in vocab.verb_index and not _is_light_verb_use(token, vocab):
            triggers.append(Trigger(token, vocab.verb_index[lemma], "verb"))
        elif token.pos_ in {"NOUN", "PROPN"} and lemma in vocab.noun_index and token.ent_type_ not in {"GPE", "PERSON", "ORG", "NORP"}:
            if not _is_object_of_other_event(token, vocab):
                triggers.append(Trigger(token, vocab.noun_index[lemma], "noun"))
    return triggers


@lru_cache(maxsize=8)
def _phrases_by_first_word(phrases: tuple) -> dict[str, tuple[int, ...]]:
    """Positions of the phrases each word form may start, so that a token is tried only against
    the phrases it can open (the vocabulary has hundreds) and still in the vocabulary's order."""
    index: dict[str, list[int]] = {}
    for position, (words, _, _) in enumerate(phrases):
        for form in {words[0], *_inflections(words[0])}:
            index.setdefault(form, []).append(position)
    return {form: tuple(positions) for form, positions in index.items()}


def _expulsion_governor(leave: Token) -> Token | None:
    """The verb that makes "leave" an expulsion: "ordered the ambassador to leave", "gave him
    72 hours to leave the country"."""
    if leave.lemma_.lower() != "leave" or leave.pos_ != "VERB":
        return None
    head = leave.head
    if leave.dep_ == "xcomp" and head.lemma_.lower() in EXPULSION_GOVERNORS and head.lemma_.lower() != "give":
        return head
    if leave.dep_ in {"relcl", "acl", "xcomp"} and head.lemma_.lower() in TIME_NOUNS and head.head.lemma_.lower() == "give":
        return head.head
    return None


def _is_light_verb_use(verb: Token, vocab: Vocabulary) -> bool:
    """"held talks", "provided aid": the noun names the event, not the verb."""
    return verb.lemma_.lower() in LIGHT_VERBS and any(child.dep_ in OBJECT_DEPS and child.lemma_.lower() in vocab.noun_index for child in verb.children)


def _is_object_of_other_event(noun: Token, vocab: Vocabulary) -> bool:
    """"pledged military aid": the pledge is the event; the aid is what was pledged."""
    node = noun.head if noun.dep_ == "compound" else noun
    governor = _governing_verb(node)
    if governor is None or governor.lemma_.lower() in LIGHT_VERBS:
        return False
    relation = vocab.verb_index.get(governor.lemma_.lower())
    return relation in UNREALISED_OBJECT_RELATIONS and relation != vocab.noun_index[noun.lemma_.lower()] and node.dep_ in OBJECT_DEPS | {"pobj"}


# -- who is who ----------------------------------------------------------------------------------
def _conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i or t.dep_ == "conj"]]


class _Actors:
    """Map tokens to the actor mentions they stand for."""

    def __init__(self, doc: Doc, mentions: list[Mention], event_nouns: set[str] = frozenset(), demonym_state=None, affiliation_of=None, forces_of=None):
        self.by_token = mentions_by_token(doc, mentions)
        # "Russia's invasion was condemned": the event stands for the actor who carried it out.
        self.proxies = PROXY_NOUNS | MILITARY_NOUNS | GOVERNMENT_NOUNS | ORGANISATION_NOUNS | set(event_nouns)
        self.demonym_state = demonym_state or (lambda text: None)
        self.affiliation_of = affiliation_of or (lambda actor: None)
        self.forces_of = forces_of or (lambda actor: None)
        self.sentence_index = 0
        self.last_claimant: Mention | None = None  # who made the latest claim in an earlier sentence

    def note_claims(self, sent: Span) -> None:
        """Remember who claimed something in this sentence, for "rejected the allegation" later."""
        for token in sent:
            if token.lemma_.lower() in CLAIM_VERBS and token.pos_ == "VERB":
                speaker = _speaker(token, self)
                if speaker is not None:
                    self.last_claimant = speaker

    def at(self, token: Token, hops: int = 2, assets: bool = False) -> list[Mention]:
        """Mentions a token stands for; with ``assets``, also the owner of a thing ("Houthi radar sites")."""
        found: list[Mention] = []
        for conjunct in _conjuncts(token):
            found.extend(self._one(conjunct, hops, assets))
            found.extend(self._listed_in_apposition(conjunct))
        unique = {m.start_char: m for m in found}
        return [unique[k] for k in sorted(unique)]

    def _one(self, token: Token, hops: int, assets: bool) -> list[Mention]:
        if token.i in self.by_token:
            return [self.by_token[token.i]]
        if hops <= 0:
            return []
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            return self.at(token.head.head, hops - 1)
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return [self.by_token[child.i]]
        lemma = token.lemma_.lower()
        if lemma in PLACE_NOUNS:
            return []  # "the town of Enerhodar" is a place, whatever the tagger thinks
        if lemma in OFFICE_NOUNS:
            offices = self._office_of(token)
            if offices:
                return offices
        for child in token.children:
            if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:
                named = [pobj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as" for pobj in prep.children if pobj.dep_ == "pobj"]
                named += [c for c in child.children if c.dep_ == "oprd"]
                found = [m for t in named for m in self.at(t, 0)]
                if found:  # "a man identified as Dieter S."
                    return found
        is_proxy = lemma in self.proxies
        if token.like_num or is_proxy or lemma in {"thousand", "hundred", "dozen", "number", "some", "all", "many", "most", "part"}:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.at(pobj, hops - 1)
                if child.dep_ == "poss":
                    owners = self.at(child, hops - 1)
                    return [self._own_forces(m, token) for m in owners] if lemma in MILITARY_NOUNS else owners
                if child.dep_ == "acl":
                    agents = _agent_tokens(child)
                    if agents:  # "the mutiny led by Prigozhin"
                        return [m for a in agents for m in self.at(a, hops - 1)]
        if lemma in GOVERNMENT_NOUNS:
            seats = [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "in" for pobj in prep.children if pobj.dep_ == "pobj"]
            found = [m for t in seats for m in self.at(t, 0) if m.actor.type == "State"]
            if found:  # "the government in Bamako"
                return found
        if lemma in TITLE_HEADS:
            places = [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for pobj in prep.children if pobj.dep_ == "pobj"]
            named = [c for place in places for c in place.children if c.dep_ == "appos"]
            holders = [m for t in (*places, *named) for m in self.at(t, 0)]
            people = [m for m in holders if m.actor.type == "Person"]
            if people:  # "the emir of Qatar, Sheikh Tamim": the parser hangs the name on the country
                return people
        if (is_proxy or assets) and token.pos_ in {"NOUN", "PROPN"}:
            return self.owners(token)
        return []

    def _own_forces(self, owner: Mention, noun: Token) -> Mention:
        """"his country's soldiers": the armed forces of the state the owner names."""
        forces = self.forces_of(owner.actor) if owner.actor.type == "State" else None
        if forces is None:
            return owner
        start = min(t.idx for t in noun.subtree if t.i <= noun.i)
        return Mention(forces, noun.doc.text[start: noun.idx + len(noun.text)], start, noun.idx + len(noun.text), owner.sentence_index)

    def _office_of(self, noun: Token) -> list[Mention]:
        """"his office" said by ICC prosecutor Karim Khan: the organisation he works for."""
        found = []
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            for mention in self.at(owner, 0):
                organisation = self.affiliation_of(mention.actor) if mention.actor.type == "Person" else None
                if organisation is not None:
                    start = min(t.idx for t in noun.subtree)
                    found.append(Mention(organisation, noun.doc.text[start: noun.idx + len(noun.text)], start, noun.idx + len(noun.text), mention.sentence_index))
        return found

    def _listed_in_apposition(self, token: Token) -> list[Mention]:
        """"Joe Biden, Fumio Kishida and Yoon Suk Yeol": the parser hangs the list off the first
        name as an apposition; names of the same kind there are more members of the list."""
        first = self.by_token.get(token.i)
        if first is None:
            return []
        listed = []
        for child in token.children:
            if child.dep_ == "appos":
                for member in _conjuncts(child):
                    other = self.by_token.get(member.i)
                    if other is not None and other.actor.type == first.actor.type and other.actor.id != first.actor.id:
                        listed.append(other)
        return listed if len(listed) > 1 or any(c.dep_ == "conj" for a in token.children if a.dep_ == "appos" for c in a.children) else []

    def owners(self, noun: Token) -> list[Mention]:
        """Actors named before a noun: "Hamas gunmen", "the American strikes", "Ukrainian power stations"."""
        found = []
        for child in noun.lefts:
            if child.dep_ not in {"compound", "amod", "poss", "nmod"}:
                continue
            mentions = self.at(child, hops=0)
            if mentions:
                found.extend(mentions)
                continue
            for part in _conjuncts(child):
                words = noun.doc[min(t.i for t in part.subtree): part.i + 1]
                state = self.demonym_state(words.text)
                if state is not None:
                    found.append(Mention(state, words.text, words.start_char, words.end_char, -1))
        return found


def _subject_tokens(verb: Token, deps: set[str]) -> list[Token]:
    return [child for child in verb.children if child.dep_ in deps]


def _agent_tokens(verb: Token) -> list[Token]:
    """"by Russia"; also one attached to the verb's prepositional object ("backed in the operation by ...")."""
    direct = [pobj for child in verb.children if child.dep_ == "agent" for pobj in child.children if pobj.dep_ == "pobj"]
    if direct or not _is_passive_form(verb):
        return direct
    return [
        pobj for prep in verb.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj"
        for by in obj.children if by.dep_ in {"agent", "prep"} and by.lower_ == "by" for pobj in by.children if pobj.dep_ == "pobj"
    ]


def _is_passive_form(verb: Token) -> bool:
    return verb.tag_ == "VBN" and (any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ in {"acl", "conj"})


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    objects = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for prep in _conjuncts(child):  # "on Bagheri ... and on Shahed Aviation Industries"
                objects.extend(pobj for pobj in prep.children if pobj.dep_ == "pobj")
        elif child.dep_ == "prt" and child.lower_ in preps:
            objects.extend(t for t in token.children if t.dep_ in OBJECT_DEPS)
    return objects


def _inherited_subjects(verb: Token, actors: _Actors, depth: int = 0) -> tuple[list[Mention], str]:
    """Subjects a verb takes from the verb it depends on (control, conjunction, relative clause)."""
    if depth > 4:
        return [], "inherited"
    subjects = _subject_tokens(verb, SUBJECT_DEPS)
    own = [m for t in subjects for m in actors.at(t)]
    if own:
        return own, "verb" if depth == 0 else "control"
    if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
        return [], "inherited"  # a subject that is no actor ("the plan", "civilians") ends the search
    passive_agent = [m for t in _agent_tokens(verb) for m in actors.at(t)]
    if passive_agent:
        return passive_agent, "passive" if depth == 0 else "control"
    if _subject_tokens(verb, PASSIVE_SUBJECT_DEPS):
        # An agentless passive names no source ("were deployed" tells not by whom), but its subject
        # controls a verb below it ("is set to visit", "were deployed to fight").
        if depth == 0:
            return [], "passive"
        own = [m for t in _subject_tokens(verb, PASSIVE_SUBJECT_DEPS) for m in actors.at(t)]
        return own, "control"
    head = verb.head
    speech = _speakers_participle(verb)
    if speech is not None:
        speaker = _speaker(speech, actors)
        if speaker is not None:  # "X said Ankara would not approve the bids, accusing Stockholm ...": X accuses
            return [speaker], "control"
    if verb.dep_ == "pcomp" and head.lower_ in {"of", "for"} and head.head.lemma_.lower() in ACCUSATION_VERBS:
        objects = [m for t in head.head.children if t.dep_ in OBJECT_DEPS for m in actors.at(t)]
        if objects:  # "accused Russian forces of shelling": the accused did the shelling
            return objects, "control"
    if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        objects = [m for t in head.children if t.dep_ in OBJECT_DEPS for m in actors.at(t)]
        objects = objects or [m for t in _prep_objects(head, {"on", "upon"}) for m in actors.at(t)]
        if objects:
            return objects, "control"
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        return actors.at(head), "relative"
    if verb.dep_ in {"xcomp", "conj", "advcl", "ccomp", "pcomp"} and head is not verb:
        if verb.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
            return [], "inherited"
        while head.pos_ not in {"VERB", "AUX"} and head.dep_ in {"prep", "pcomp", "pobj", "mark"} and head.head is not head:
            head = head.head  # "after holding talks": climb from the preposition to its verb
        found, _ = _inherited_subjects(head, actors, depth + 1)
        return found, "control"
    return [], "inherited"


def _speakers_participle(verb: Token) -> Token | None:
    """The reporting verb whose subject does what a trailing participle says: in "Erdogan said
    Ankara would not approve the bids, accusing Stockholm of ...", the parser hangs "accusing" on
    "approve", but the accusation is Erdogan's own act."""
    head = verb.head
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in SPEAKER_ACT_VERBS and verb.i > head.i and head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS and head.head.i < head.i:
        comma_before = verb.i > 0 and verb.doc[verb.i - 1].text == ","
        return head.head if comma_before and not _subject_tokens(verb, SUBJECT_DEPS) else None
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children) or bool(_subject_tokens(verb, PASSIVE_SUBJECT_DEPS))


def _spoken_arguments(trigger: Trigger, actors: _Actors) -> Iterator[tuple[list[Mention], list[Mention], str]]:
    """"they would become legitimate targets," said Blinken: Blinken warns them."""
    speaker = statement_context(trigger.token, actors).attributed_to or _governing_speaker(trigger.token, actors)
    subjects = [m for t in _subject_tokens(trigger.token, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) for m in actors.at(t)]
    if speaker is not None and subjects:
        yield [speaker], subjects, "speaker"


def _governing_speaker(token: Token, actors: _Actors) -> Mention | None:
    """The one who warns: "X warned that Washington would pay a heavy price"."""
    for ancestor in _path_to_root(token)[1:]:
        if ancestor.pos_ == "VERB":
            speaker = _speaker(ancestor, actors)
            if speaker is not None:
                return speaker
    return None


def _verb_arguments(trigger: Trigger, vocab: Vocabulary, actors: _Actors, forces_of=None) -> Iterator[tuple[list[Mention], list[Mention], str]]:
    verb = trigger.token
    rel = vocab[trigger.relation]
    preps = set(rel.preps) | ({"with"} if rel.symmetric else set())
    if trigger.prep is not None:
        preps = {trigger.prep.lower_}
    sources, pattern = _inherited_subjects(verb, actors)
    if trigger.kind in {"phrase", "expulsion"} and pattern == "verb":
        pattern = trigger.kind
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in THREAT_GOVERNORS:
        return
    assets = rel.name in ASSET_RELATIONS
    targets: list[Mention] = []
    passive_subjects = _subject_tokens(verb, PASSIVE_SUBJECT_DEPS)
    agents = _agent_tokens(verb)
    if passive_subjects and agents:
        targets = [m for t in passive_subjects for m in actors.at(t, assets=assets)]
        pattern = "passive"
    elif _is_passive(verb) and agents and verb.dep_ == "conj":
        targets, _ = _inherited_subjects(verb.head, actors)  # "Xi arrived ... and was welcomed by Putin"
        sources, pattern = [m for t in agents for m in actors.at(t)], "passive"
    elif passive_subjects:
        sources = _event_agents(verb, vocab, actors)  # "killed in an Israeli strike"
        if not sources:
            return
        targets = [m for t in passive_subjects for m in actors.at(t, assets=assets)]
        pattern = "noun"
    anchor = trigger.last if trigger.kind == "phrase" and trigger.last is not None else verb
    objects = [t for t in verb.children if t.dep_ in OBJECT_DEPS]
    if trigger.prep is not None:
        # "on Bagheri ... and on the drone maker": a second preposition hung on the verb
        repeated = [c for c in verb.children if c.dep_ in {"conj", "prep"} and c.lower_ == trigger.prep.lower_ and c.i > trigger.prep.i]
        targets += [m for prep in (trigger.prep, *repeated) for t in prep.children if t.dep_ == "pobj" for m in actors.at(t, assets=assets)]
    if not targets and trigger.prep is None:
        targets += [m for t in objects for m in actors.at(t, assets=assets)]
        if anchor is not verb:  # "applied to join NATO"
            targets += [m for t in anchor.children if t.dep_ in OBJECT_DEPS for m in actors.at(t, assets=assets)]
    if not targets:
        targets += [m for t in _prep_objects(verb, preps) for m in actors.at(t, assets=assets)]
    if not targets and not objects and trigger.prep is None:
        # "condemned and sanctioned Iran": the object of the last verb is shared
        shared = [t for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.children if t.dep_ in OBJECT_DEPS]
        targets += [m for t in shared for m in actors.at(t, assets=assets)]
    if not targets and anchor is not verb:
        targets += [m for t in _prep_objects(anchor, preps) for m in actors.at(t, assets=assets)]
    if not targets:  # "demanded an explanation from Moscow", "launched drones at Ukrainian power stations"
        nested_preps = preps | {"from"} | ({"of"} if assets else set())  # "suspended imports of Japanese seafood"
        targets += [m for t in objects if t.lemma_.lower() not in PLACE_NOUNS for p in _nested_prep_objects(t, nested_preps) for m in actors.at(p, assets=assets)]
    if not targets and rel.name in SPEECH_ACT_RELATIONS:
        # "demanded that the Houthis stop", "warned that Washington would pay", "help Pyongyang build"
        clauses = [c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}]
        targets += [m for c in clauses for t in _subject_tokens(c, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) for m in actors.at(t)]
        if not targets and rel.name in {"threatens", "warns"}:
            targets += [m for c in clauses if c.dep_ == "xcomp" for t in c.children if t.dep_ in OBJECT_DEPS for m in actors.at(t, assets=True)]
    if not targets and verb.dep_ == "relcl" and _has_relative_object(verb):
        targets, relative_sources = actors.at(verb.head), [m for t in _subject_tokens(verb, SUBJECT_DEPS) for m in actors.at(t)]
        sources, pattern = relative_sources, "relative"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and _agent_tokens(verb):
        sources, pattern = [m for t in _agent_tokens(verb) for m in actors.at(t)], "passive"
        # "a meeting hosted by Qatar" stands for Qatar itself: no target there
        targets = [m for m in actors.at(verb.head) if m.actor.id not in {s.actor.id for s in sources}]
        if not targets and rel.name == "hosts" and verb.head.lemma_.lower() in HOSTED_EVENT_NOUNS:
            targets = _event_participants(verb.head, actors)  # "held talks ... at a meeting hosted by Erdogan"
    if not targets and rel.name == "rejects" and not objects and verb.dep_ == "conj" and _subject_tokens(verb, SUBJECT_DEPS):
        # "Kyiv asked Berlin for missiles, but Scholz has refused": the refusal answers the first clause
        targets = [m for t in _subject_tokens(verb.head, SUBJECT_DEPS) for m in actors.at(t)]
    if not targets and rel.name == "rejects":
        targets = [_claimant_reference(t, actors) for t in objects if t.lemma_.lower() in CLAIM_NOUNS and not actors.at(t)]
        targets = [m for m in targets if m is not None]
        if targets:
            pattern = "reference"
    if not targets and rel.name in OWN_FORCES_RELATIONS and forces_of is not None:
        bare_forces = [t for t in verb.children if t.dep_ in OBJECT_DEPS and t.lemma_.lower() in MILITARY_NOUNS and t.i not in actors.by_token]
        if bare_forces:
            yield from _own_forces(sources, bare_forces[0], forces_of, pattern)
            return
    if not targets and any(_is_reciprocal(t) for t in [*objects, *_prep_objects(verb, preps | {"with", "against", "on", "to"})]):
        pattern = "reciprocal"  # "Armenia and Azerbaijan accused each other"
    yield sources, targets, pattern


def _event_participants(event: Token, actors: _Actors) -> list[Mention]:
    """Those taking part in an event named as where something happened: the subjects of the
    clause it hangs from ("negotiators held talks at a meeting")."""
    governor = _governing_verb(event)
    if governor is None:
        return []
    found, _ = _inherited_subjects(governor, actors)
    return found


def _claimant_reference(claim: Token, actors: _Actors) -> Mention | None:
    """"rejected the allegation": the one who last made a claim in an earlier sentence."""
    claimant = actors.last_claimant
    if claimant is None:
        return None
    phrase = claim.doc[min(t.i for t in claim.subtree): claim.i + 1]
    return Mention(claimant.actor, phrase.text, phrase.start_char, phrase.end_char, actors.sentence_index)


def _own_forces(sources: list[Mention], forces: Token, forces_of, pattern: str) -> Iterator[tuple[list[Mention], list[Mention], str]]:
    """"Russia deployed more troops": the troops are Russia's own armed forces."""
    doc = forces.doc
    start = min(t.i for t in forces.subtree if t.i <= forces.i)
    span = doc[start: forces.i + 1]
    for source in sources:
        own = forces_of(source.actor)
        if own is not None:
            yield [source], [Mention(own, span.text, span.start_char, span.end_char, source.sentence_index)], pattern


def _nested_prep_objects(noun: Token, preps: set[str]) -> list[Token]:
    """Prepositional objects under a noun and its own prepositional objects, one level down."""
    found = _prep_objects(noun, preps)
    for prep in noun.children:
        if prep.dep_ == "prep":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in PLACE_NOUNS:
                    found.extend(_prep_objects(pobj, preps))
    return found


def _event_agents(verb: Token, vocab: Vocabulary, actors: _Actors) -> list[Mention]:
    """Who did it, when a passive names the event instead of the agent: "killed in an Israeli strike"."""
    for event in _prep_objects(verb, {"in", "during", "by"}):
        if event.lemma_.lower() in vocab.noun_index:
            return [m for c in event.children if c.dep_ == "poss" for m in actors.at(c)] or actors.owners(event)
    return []


def _has_relative_object(verb: Token) -> bool:
    return any(c.dep_ in OBJECT_DEPS and c.lower_ in RELATIVE_PRONOUNS for c in verb.children) or not any(c.dep_ in OBJECT_DEPS for c in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a nominal event hangs from, through prepositions and other nouns:
    "engage in combat", "said after a meeting with", "in support of combat against"."""
    current = noun
    for _ in range(4):
        if current.dep_ not in OBJECT_DEPS | {"pobj", "nsubjpass", "conj", "prep", "pcomp", "appos", "compound"} or current.head is current:
            return None
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return None


def _noun_arguments(trigger: Trigger, vocab: Vocabulary, actors: _Actors, demonym_state: Callable[[str], Actor | None]) -> Iterator[tuple[list[Mention], list[Mention], str]]:
    noun = trigger.token
    node = noun.head if noun.dep_ == "compound" and noun.head.pos_ in {"NOUN", "PROPN"} else noun
    rel = vocab[trigger.relation]
    # "talks on Ukraine's peace plan" name a topic; "an attack on Kyiv" a target
    preps = set(rel.preps) | {"with", "against"} if rel.symmetric else set(rel.preps) | {"on", "against"}
    if trigger.prep is not None:
        preps = {trigger.prep.lower_}
    sources = [m for c in node.children if c.dep_ == "poss" for m in actors.at(c)]
    sources += [m for m in actors.owners(node) if m not in sources]
    sources += [m for t in _prep_objects(node, {"by"}) for m in actors.at(t)]
    participles = [c for c in node.children if c.dep_ == "acl"]  # "sanctions imposed on Iran by the EU"
    sources += [m for verb in participles for t in _agent_tokens(verb) for m in actors.at(t)]
    pattern = "noun"
    # "Iran is the main supplier of drones to Russia": the copula's subject is the source
    governor = _governing_verb(node) or (node.head if node.dep_ == "attr" and node.head.pos_ in {"AUX", "VERB"} else None)
    governed_by_other_event = governor is not None and governor.lemma_.lower() not in LIGHT_VERBS and vocab.verb_index.get(governor.lemma_.lower(), rel.name) != rel.name
    if not sources and governor is not None and governor.pos_ in {"VERB", "AUX"} and not governed_by_other_event:
        # but "investigating ... over the transfer of children": the investigator did not transfer them
        sources, _ = _inherited_subjects(governor, actors)
        sources = sources or [m for t in _agent_tokens(governor) for m in actors.at(t)]
        pattern = "noun" if governor.lemma_.lower() in LIGHT_VERBS else "inherited"
    assets = rel.name in ASSET_RELATIONS
    if governor is not None and governor.lemma_.lower() in RECIPIENT_VERBS and node.dep_ in OBJECT_DEPS:
        givers = [m for t in _prep_objects(node, {"of", "from"}) for m in actors.at(t)] + [m for c in node.children if c.dep_ == "poss" for m in actors.at(c)]
        receivers, _ = _inherited_subjects(governor, actors)
        if givers and receivers:
            yield givers, receivers, "noun"
            return
    targets = [m for t in _prep_objects(node, preps) for m in actors.at(t, assets=assets)]
    targets += [m for verb in participles for t in _prep_objects(verb, preps) for m in actors.at(t, assets=assets)]
    if trigger.prep is not None:
        targets = [m for t in trigger.prep.children if t.dep_ == "pobj" for m in actors.at(t)] or targets
    if not targets and governor is not None and governor.lemma_.lower() in LIGHT_VERBS:
        targets = [m for t in _prep_objects(governor, preps) for m in actors.at(t)]
        targets += [m for t in governor.children if t.dep_ in {"dative", "iobj"} for m in actors.at(t)]
    if not targets and rel.symmetric:
        targets = [m for t in _prep_objects(node, {"between", "among"}) for m in actors.at(t)]
    if not targets and node.dep_ == "attr" and governor is not None:
        # "China was the top supplier of machine tools to Russia": the parser hangs "to" on "was"
        targets = [m for t in _prep_objects(governor, set(rel.preps)) for m in actors.at(t, assets=assets)]
    if not targets and any(_is_reciprocal(c) for c in node.children if c.dep_ == "poss"):
        pattern = "reciprocal"  # "would come to each other's aid"
    yield sources, targets, pattern


# -- modality, negation, attribution --------------------------------------------------------------
def _path_to_root(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head is not path[-1] and len(path) < 12:
        path.append(path[-1].head)
    return path


def _speaker(verb: Token, actors: _Actors) -> Mention | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            found = actors.at(child)
            if found:
                return found[0]
    return None


def _according_to(token: Token, actors: _Actors) -> Mention | None:
    for child in token.children:
        if child.lower_ == "according":
            for grandchild in child.subtree:
                if grandchild.dep_ == "pobj":
                    found = actors.at(grandchild)
                    if found:
                        return found[0]
            return None
    return None


def statement_context(trigger: Token, actors: _Actors, other_triggers: frozenset[int] = frozenset()) -> StatementContext:
    """Negation, modality and the speaker, read on the path from the trigger to the root.

    Modality, strongest first: ``hypothetical`` (could, would, might, may, should, if, whether,
    "it is possible that"), ``planned`` (will, plans to, is set to, agreed to), ``reported`` (under
    "X said", "according to X", "reportedly", "are said to"), else ``asserted``. Only the clauses
    between the trigger and the first reporting verb count for hypothetical and planned, so that
    "X said it would" is hypothetical but "X could say that Y attacked" is not.
    """
    negated = False
    hypothetical = planned = reported = False
    speaker: Mention | None = None
    path = _path_to_root(trigger)
    speech = _speakers_participle(trigger)
    if speech is not None:
        path = [trigger, *_path_to_root(speech)]  # the speaker's own act, not part of what was said
    in_own_claim = True  # below the first reporting verb
    in_own_clause = True  # not yet across a clause boundary (advcl, conj, relcl, ccomp)
    for position, token in enumerate(path):
        lemma = token.lemma_.lower()
        child_on_path = path[position - 1] if position else None
        if child_on_path is not None and child_on_path.dep_ not in CLAUSE_INTERNAL_DEPS:
            in_own_clause = False
        if position and token.i in other_triggers:
            in_own_clause = False  # "had not condemned Russia's invasion": the invasion still happened
        for child in token.children:
            clower = child.lower_
            if child.dep_ == "neg" and in_own_clause:
                negated = True
            if child.dep_ == "det" and clower == "no" and (position == 0 or (lemma in NO_EVIDENCE_NOUNS and child_on_path is not None and child_on_path.dep_ in {"acl", "ccomp", "relcl"})):
                negated = True  # "no attack", "no indication that Russia attacked"
            if child.dep_ in {"aux", "auxpass"} and (in_own_clause or (in_own_claim and child_on_path is not None and child_on_path.dep_ == "conj")):
                if clower in HYPOTHETICAL_AUX:
                    hypothetical = True
                elif clower in PLANNED_AUX or child.lemma_.lower() in PLANNED_AUX:
                    planned = True
            if child.dep_ == "mark" and clower in CONDITIONAL_MARKS and in_own_claim:
                hypothetical = True
            if child.dep_ == "advcl" and child is not child_on_path and in_own_claim and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in child.children):
                hypothetical = True
            if child.dep_ == "advmod" and clower in REPORTED_ADVERBS:
                reported = True
            if child.lower_ == "according":
                reported = True
                speaker = speaker or _according_to(token, actors)
        if position and in_own_clause and lemma in NEGATIVE_GOVERNORS and child_on_path is not None and child_on_path.dep_ in {"xcomp", "dobj"}:
            negated = not negated if lemma != "deny" else True
        if position and lemma == "deny" and child_on_path is not None and child_on_path.dep_ == "ccomp":
            negated = True  # "denied that Tehran had sent drones": a claim that it did not happen
        if position and in_own_claim and child_on_path is not None and child_on_path.dep_ in {"xcomp", "ccomp", "acomp", "csubj"}:
            if lemma in PLANNED_GOVERNORS and child_on_path.dep_ == "xcomp":
                planned = True
            if lemma in OBJECT_CONTROL_VERBS and child_on_path.dep_ == "xcomp":
                hypothetical = True  # "urged China to stop": asked for, not done
            if lemma in HYPOTHETICAL_GOVERNORS and child_on_path.dep_ != "xcomp":
                hypothetical = True
        if position and child_on_path is not None and child_on_path.dep_ in {"ccomp", "parataxis"} and lemma in SPEECH_VERBS:
            reported = True
            speaker = speaker or _speaker(token, actors)
            in_own_claim = False
        if token.lemma_.lower() == "say" and any(c.dep_ == "auxpass" for c in token.children):
            reported = True  # "are said to be"
        if in_own_clause and token.pos_ in {"VERB", "AUX"} and _is_inverted_conditional(token):
            hypothetical = True
    if speaker is None and trigger.sent is not None:
        speaker = _quote_speaker(trigger, actors)
        reported = reported or speaker is not None
    modality = "hypothetical" if hypothetical else "planned" if planned else "reported" if reported else "asserted"
    return StatementContext(negated, modality, speaker)


def _is_inverted_conditional(verb: Token) -> bool:
    """"Should these soldiers engage ..., they would ..."."""
    return any(c.dep_ == "aux" and c.lower_ in {"should", "were", "had"} and c.i < min([s.i for s in verb.children if s.dep_ in SUBJECT_DEPS] or [c.i]) for c in verb.children)


def _quote_speaker(trigger: Token, actors: _Actors) -> Mention | None:
    """The speaker of a quotation the trigger stands in: "'...,' said Blinken"."""
    sent = trigger.sent
    quotes = [t.i for t in sent if t.is_quote]
    inside = sum(1 for q in quotes if q < trigger.i) % 2 == 1
    if not inside:
        return None
    for token in sent:
        if token.lemma_.lower() in SPEECH_VERBS and token.pos_ == "VERB" and not (quotes[0] < token.i < quotes[-1] if len(quotes) > 1 else False):
            return _speaker(token, actors)
    return None


# -- place and quantity ----------------------------------------------------------------------------
def _location(trigger: Token, actors: _Actors) -> str | None:
    objects = [c for c in trigger.children if c.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    for token in [*_path_to_root(trigger)[:3], *objects]:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "near", "into", "inside", "across", "along"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.i not in actors.by_token and _is_place(pobj):
                        return _phrase_text(pobj)
    return None


def _is_place(token: Token) -> bool:
    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    return token.lemma_.lower() in PLACE_NOUNS and any(t.ent_type_ or t.pos_ == "PROPN" for t in token.subtree)


def _phrase_text(token: Token) -> str:
    tokens = [t for t in token.subtree if not (t.dep_ in {"prep", "relcl", "acl"} and t.head is token)]
    subtree_stop = next((t.i for t in token.children if t.dep_ in {"prep", "relcl", "acl", "punct"} and t.i > token.i), None)
    words = [t for t in tokens if subtree_stop is None or t.i < subtree_stop]
    return token.doc[words[0].i: words[-1].i + 1].text if words else token.text


def _quantity(mention_token: Token) -> str | None:
    for token in (mention_token, mention_token.head):
        if token.like_num and token.pos_ == "NUM":
            words = [t for t in token.subtree if t.i <= token.i]
            return token.doc[words[0].i: token.i + 1].text
        for child in token.children:
            if child.dep_ == "nummod":
                words = list(child.subtree)
                return token.doc[words[0].i: words[-1].i + 1].text
    return None


# -- confidence --------------------------------------------------------------------------------------
def confidence(pattern: str, trigger: Token, source: Mention, target: Mention, known: Callable[[Actor], bool]) -> float:
    """Confidence in [0, 1] of one statement.

    Start from the pattern's base score (``PATTERN_BASE``: 0.85 for a verb with its own subject and
    object or a vocabulary phrase, down to 0.6 for a source inherited through several clauses),
    multiply by 0.8 for each endpoint that is a pronoun, by 0.85 for each endpoint the knowledge
    base does not know, and subtract 0.02 per token beyond 6 between the trigger and the farther
    endpoint (at most 0.3).
    """
    score = PATTERN_BASE.get(pattern, 0.6)
    for mention in (source, target):
        if mention.text.lower() in PRONOUN_TEXTS:
            score *= 0.8
        if not known(mention.actor):
            score *= 0.85
    distance = max(abs(mention.start_char - trigger.idx) for mention in (source, target))
    tokens_away = distance / 6  # about six characters per English token
    score -= min(0.3, 0.02 * max(0.0, tokens_away - 6))
    return round(max(0.05, min(0.99, score)), 2)


# -- putting it together -------------------------------------------------------------------------------
def extract_relations(
    doc: Doc,
    mentions: list[Mention],
    article: Article,
    vocab: Vocabulary,
    known: Callable[[Actor], bool] = lambda actor: True,
    demonym_state: Callable[[str], Actor | None] = lambda text: None,
    forces_of: Callable[[Actor], Actor | None] | None = None,
    affiliation_of: Callable[[Actor], Actor | None] | None = None,
) -> Iterator[Relation]:
    """Relations stated in a parsed article, sentence by sentence, in text order.

    ``known`` tells whether the knowledge base knows an actor (for confidence); ``forces_of``
    gives a state's armed forces, for "Russia deployed troops"; ``affiliation_of`` the organisation
    a person works for, for "his office".
    """
    actors = _Actors(doc, mentions, set(vocab.noun_index), demonym_state, affiliation_of, forces_of)
    for sentence_index, sent in enumerate(doc.sents):
        actors.sentence_index = sentence_index
        seen: set[tuple] = set()
        triggers = find_triggers(sent, vocab)
        trigger_verbs = {t.token.i: t.relation for t in triggers if t.token.pos_ == "VERB"}
        for trigger in triggers:
            if trigger.spoken:
                arguments = _spoken_arguments(trigger, actors)
            elif trigger.token.pos_ in {"VERB", "AUX"}:
                arguments = _verb_arguments(trigger, vocab, actors, forces_of)
            else:
                arguments = _noun_arguments(trigger, vocab, actors, demonym_state)
            for sources, targets, pattern in arguments:
                other_events = frozenset(i for i, name in trigger_verbs.items() if name != trigger.relation)
                for relation in _statements(trigger, sources, targets, pattern, vocab, actors, article, sentence_index, sent, known, other_events):
                    key = (relation.source.id, relation.relation, relation.target.id, relation.negated, relation.modality)
                    if key not in seen:
                        seen.add(key)
                        yield relation
        actors.note_claims(sent)


def _is_reciprocal(token: Token) -> bool:
    """"each other", "one another"."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    return (token.lower_, before) in {("other", "each"), ("another", "one")}


def _pairs(sources: list[Mention], targets: list[Mention], symmetric: bool, mutual: bool = False, reciprocal: bool = False) -> Iterator[tuple[Mention, Mention, bool]]:
    if reciprocal and not targets:  # "X and Y accused each other": each did it to the other
        for i, source in enumerate(sources):
            for j, target in enumerate(sources):
                if i != j and not (symmetric and j < i):  # "fought each other": one symmetric statement
                    yield source, target, True
        return
    if targets:
        for source in sources:
            for target in targets:
                yield source, target, False
                if mutual:  # "signed an agreement with X": both parties agree
                    yield target, source, True
    elif (symmetric or mutual) and len(sources) > 1:
        for i, source in enumerate(sources):
            for target in sources[i + 1:]:
                yield source, target, True
                if mutual:
                    yield target, source, True


def _statements(trigger, sources, targets, pattern, vocab, actors, article, sentence_index, sent, known, trigger_verbs=frozenset()) -> Iterator[Relation]:
    rel = vocab[trigger.relation]
    context = None
    for source, target, reciprocal in _pairs(sources, targets, rel.symmetric, rel.mutual, pattern == "reciprocal"):
        if source.actor.id == target.actor.id or _is_own_state(source, target):
            continue
        context = context or statement_context(trigger.token, actors, trigger_verbs)
        start = min(source.start_char, target.start_char, trigger.token.idx)
        end = max(source.end_char, target.end_char, trigger.token.idx + len(trigger.token.text))
        attributed = context.attributed_to.actor if context.attributed_to else None
        target_token = sent.doc.char_span(target.start_char, target.end_char, alignment_mode="expand").root
        yield Relation(
            source=source.actor, relation=rel.name, target=target.actor,
            evidence=Evidence(article.doc_id, sentence_index, sent.text.strip(), (start, end), article.date, article.title, article.url),
            source_text=source.text, target_text=target.text,
            negated=context.negated, modality=context.modality, attributed_to=attributed,
            location=_location(trigger.token, actors), quantity=_quantity(target_token),
            confidence=confidence("symmetric" if reciprocal else pattern, trigger.token, source, target, known),
            trigger=trigger.token.text if trigger.kind != "phrase" else " ".join(t.text for t in _phrase_tokens(trigger)),
            pattern="symmetric" if reciprocal else pattern,
        )


def _is_own_state(source: Mention, target: Mention) -> bool:
    """"Nebenzya defended his country's cooperation with North Korea": an official's own state,
    named as his, is what he speaks for, not someone he supports."""
    words = target.text.lower().split()
    return (source.actor.type == "Person" and target.actor.type == "State" and source.actor.country == target.actor.country
            and len(words) > 1 and words[0] in {"his", "her", "their"} and words[1].startswith("countr"))


def _phrase_tokens(trigger: Trigger) -> list[Token]:
    doc = trigger.token.doc
    end = trigger.last.i if trigger.last is not None else trigger.token.i
    return [doc[i] for i in range(trigger.token.i, end + 1)]


def relation_record(relation: Relation, vocab: Vocabulary) -> dict:
    """The extraction record of ../shared/GOLD_FORMAT.md section 3, plus PLOVER and country."""
    rel = vocab[relation.relation]
    evidence = relation.evidence
    return {
        "doc_id": evidence.doc_id,
        "date": evidence.date,
        "sentence_index": evidence.sentence_index,
        "sentence": evidence.sentence,
        "char_span": list(evidence.char_span),
        "relation": relation.relation,
        "cameo": rel.cameo,
        "plover": rel.plover,
        "source": _actor_record(relation.source, relation.source_text),
        "target": _actor_record(relation.target, relation.target_text),
        "negated": relation.negated,
        "modality": relation.modality,
        "attributed_to": _actor_record(relation.attributed_to) if relation.attributed_to else None,
        "location": relation.location,
        "quantity": relation.quantity,
        "confidence": relation.confidence,
        "trigger": relation.trigger,
        "pattern": relation.pattern,
    }


def _actor_record(actor: Actor, text: str | None = None) -> dict:
    record = {"id": actor.id, "label": actor.label, "type": actor.type}
    if text is not None:
        record["text"] = text
    if actor.affiliation:
        record["affiliation"] = actor.affiliation
    if actor.country:
        record["country"] = actor.country
    return record
