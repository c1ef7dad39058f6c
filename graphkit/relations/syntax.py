"""The dependency tree: the only module that names dependency labels and walks the parse."""

from __future__ import annotations

from spacy.tokens import Token

# Nominal subjects of an active verb, and of a passive one.
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
ANY_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
# Objects of a verb: direct, dative, indirect.
OBJECT_DEPS = frozenset({"dobj", "dative", "obj", "iobj"})
INDIRECT_OBJECT_DEPS = frozenset({"dative", "iobj"})
# Clausal complements that may carry their own subject ("demanded that the Houthis stop").
COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp"})
# Dependencies that stay inside one clause: negation and modals are read only along these.
CLAUSE_INTERNAL_DEPS = frozenset({
    "xcomp", "dobj", "pobj", "prep", "compound", "attr", "acomp", "amod", "nmod", "pcomp", "appos", "dative", "agent", "npadvmod",
    "nsubj", "nsubjpass", "aux", "auxpass", "oprd",
})
# Words a phrase trigger may skip between its words ("impose new sanctions on").
PHRASE_GAP_DEPS = frozenset({"det", "amod", "nummod", "compound", "poss", "case", "advmod", "quantmod", "npadvmod"})
# Modifiers before a noun that may name its owner ("Hamas gunmen", "Russia's troops").
OWNER_DEPS = frozenset({"compound", "amod", "poss", "nmod"})
# How a verb depends on the verb it takes its subject from.
INHERITING_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp"})
CLIMB_DEPS = frozenset({"prep", "pcomp", "pobj", "mark"})
# How a noun hangs from the verb that governs it.
GOVERNED_NOUN_DEPS = OBJECT_DEPS | {"pobj", "nsubjpass", "conj", "prep", "pcomp", "appos", "compound"}
VERBAL = frozenset({"VERB", "AUX"})
# "the Turkey-backed army": the hyphenated verb modifies the noun, the name modifies the verb.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
NAMER_DEPS = frozenset({"npadvmod", "compound", "nmod", "nsubj", "amod"})
NOMINAL = frozenset({"NOUN", "PROPN"})
ACTOR_ENTITIES = frozenset({"GPE", "PERSON", "ORG", "NORP"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
TRIGGER_HEAD_POS = frozenset({"VERB", "NOUN", "AUX"})
# "the government that ...", "accused X of shelling", "a man identified as ...".
FRAME_DEPS = {"acl", "relcl", "xcomp"}


def dep(token: Token, *labels: str) -> bool:
    return token.dep_ in labels


def children(token: Token, deps) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i or t.dep_ == "conj"]]


def first_conjunct(token: Token) -> Token:
    """The first of the conjuncts ``token`` is one of: "Vietnamese" of "Vietnamese and U.S.
    companies", "said" of "said ... and added"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def subject_tokens(verb: Token, deps=SUBJECT_DEPS) -> list[Token]:
    return [child for child in verb.children if child.dep_ in deps]


def object_tokens(verb: Token) -> list[Token]:
    return [child for child in verb.children if child.dep_ in OBJECT_DEPS]


def prep_pobjs(token: Token, word: str) -> list[Token]:
    """Objects of one preposition under a token: "in" of "the government in Bamako"."""
    return [pobj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == word for pobj in prep.children if pobj.dep_ == "pobj"]


def pobjs(prep: Token) -> list[Token]:
    if is_misread_preposition(prep):
        return [prep.head]
    return [t for t in prep.children if t.dep_ == "pobj"]


def is_misread_preposition(word: Token) -> bool:
    """"extended the invitation to Trump": the tagger reads "to Trump" as an infinitive, "to" the
    auxiliary of the name that follows it."""
    return word.lower_ == "to" and word.dep_ == "aux" and word.head.i == word.i + 1 and word.head.tag_ in {"VB", "NNP"} and word.head.text[:1].isupper()


def appositions(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "appos"]


def possessors(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ == "poss"]


def participles(noun: Token) -> list[Token]:
    """"sanctions imposed on Iran": clauses that modify a noun."""
    return [c for c in noun.children if c.dep_ == "acl"]


def agent_tokens(verb: Token) -> list[Token]:
    """"by Russia"; also one attached to the verb's prepositional object ("backed in the operation by ...")."""
    direct = [pobj for child in verb.children if child.dep_ == "agent" for pobj in child.children if pobj.dep_ == "pobj"]
    if direct or not is_passive_form(verb):
        return direct
    return [
        pobj for prep in verb.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj"
        for by in obj.children if by.dep_ in {"agent", "prep"} and by.lower_ == "by" for pobj in by.children if pobj.dep_ == "pobj"
    ]


def is_passive_form(verb: Token) -> bool:
    return verb.tag_ == "VBN" and (any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ in {"acl", "conj"})


def is_passive(verb: Token) -> bool:
    return any(child.dep_ == "auxpass" for child in verb.children) or bool(subject_tokens(verb, PASSIVE_SUBJECT_DEPS))


def is_participle_with_agent(verb: Token) -> bool:
    """"a meeting hosted by Qatar", "sanctions imposed by the EU"."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and bool(agent_tokens(verb))


def is_gerund_modifier(verb: Token) -> bool:
    return verb.dep_ == "acl" and verb.tag_ == "VBG"


def is_trailing_gerund(verb: Token) -> bool:
    """"Erdogan said Ankara would not approve the bids, accusing Stockholm of ...": the parser hangs
    "accusing" on "approve", after a comma, with no subject of its own."""
    head = verb.head
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > head.i and head.dep_ == "ccomp" and head.head.i < head.i
            and verb.i > 0 and verb.doc[verb.i - 1].text == "," and not subject_tokens(verb))


def prep_objects(token: Token, preps) -> list[Token]:
    objects = []
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for prep in conjuncts(child):  # "on Bagheri ... and on Shahed Aviation Industries"
                objects.extend(pobj for pobj in prep.children if pobj.dep_ == "pobj")
        elif child.dep_ == "prt" and child.lower_ in preps:
            objects.extend(t for t in token.children if t.dep_ in OBJECT_DEPS)
    return objects


def nested_prep_objects(noun: Token, preps, skip) -> list[Token]:
    """Prepositional objects under a noun and its own prepositional objects, one level down
    (not under nouns in ``skip``)."""
    found = prep_objects(noun, preps)
    for prep in noun.children:
        if prep.dep_ == "prep":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and lemma(pobj) not in skip:
                    found.extend(prep_objects(pobj, preps))
    return found


def repeated_preps(verb: Token, prep: Token) -> list[Token]:
    """"on Bagheri ... and on the drone maker": a second preposition hung on the verb."""
    return [c for c in verb.children if c.dep_ in {"conj", "prep"} and c.lower_ == prep.lower_ and c.i > prep.i]


def shared_objects(verb: Token) -> list[Token]:
    """"condemned and sanctioned Iran": the object of the conjoined verb is shared."""
    return [t for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" for t in c.children if t.dep_ in OBJECT_DEPS]


def naming_targets(token: Token, naming_verbs) -> list[Token]:
    """"a man identified as Dieter S.": the words a naming participle gives."""
    found = []
    for child in token.children:
        if child.dep_ == "acl" and lemma(child) in naming_verbs:
            named = [pobj for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "as" for pobj in prep.children if pobj.dep_ == "pobj"]
            named += [c for c in child.children if c.dep_ == "oprd"]
            found.append(named)
    return found


def clauses(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]


def path_to_root(token: Token) -> list[Token]:
    path = [token]
    while path[-1].head is not path[-1] and len(path) < 12:
        path.append(path[-1].head)
    return path


def governing_verb(noun: Token) -> Token | None:
    """The verb a nominal event hangs from, through prepositions and other nouns:
    "engage in combat", "said after a meeting with", "in support of combat against"."""
    current = noun
    for _ in range(4):
        if current.dep_ not in GOVERNED_NOUN_DEPS or current.head is current:
            return None
        current = current.head
        if current.pos_ in VERBAL:
            return current
    return None


def is_reciprocal(token: Token) -> bool:
    """"each other", "one another", whichever word the parser makes the head ("on one another":
    "one" is the object, "another" its determiner)."""
    before = token.doc[token.i - 1].lower_ if token.i > 0 else ""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return (token.lower_, before) in {("other", "each"), ("another", "one")} or (token.lower_, after) in {("each", "other"), ("one", "another")}


def has_relative_object(verb: Token, relative_pronouns) -> bool:
    return any(c.dep_ in OBJECT_DEPS and c.lower_ in relative_pronouns for c in verb.children) or not any(c.dep_ in OBJECT_DEPS for c in verb.children)


def noun_phrase_start(token: Token) -> int:
    """Index of the first word of a noun's phrase up to the noun itself ("his country's soldiers")."""
    return min(t.i for t in token.subtree if t.i <= token.i)


def compound_namers(verb: Token) -> list[Token]:
    """"Turkey" in "Turkey - backed": the words before the hyphen that name who did it."""
    hyphens = [c.i for c in verb.lefts if c.tag_ == "HYPH"]
    return [c for c in verb.lefts if c.dep_ in NAMER_DEPS and hyphens and c.i < min(hyphens)]


# How the clause a call asks for hangs: from the noun ("calls for Moore to withdraw"), or, as the
# parser often has it, from the verb that governs the noun ("defied calls by lawmakers to step down").
ASKED_CLAUSE_DEPS = frozenset({"acl", "advcl", "relcl", "xcomp"})
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})


def is_infinitive(verb: Token) -> bool:
    return verb.pos_ in VERBAL and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def asked_clause(noun: Token) -> Token | None:
    """The infinitive a call or request asks for: "calls for Moore to withdraw", "faced calls from
    Democrats to step down" (hung on "faced", after the noun)."""
    own = [c for c in noun.children if c.dep_ in ASKED_CLAUSE_DEPS and is_infinitive(c)]
    if own:
        return own[0]
    governor = noun.head
    if noun.dep_ not in OBJECT_DEPS or governor.pos_ not in VERBAL:
        return None
    after = [c for c in governor.children if c.dep_ in ASKED_CLAUSE_DEPS and c.i > noun.i and is_infinitive(c)]
    return after[0] if after else None


def infinitive_follows(noun: Token) -> bool:
    """"convince Trump, who has called the deal the worst ever, to change his mind": an infinitive
    marker right after the noun's phrase (and a comma), wherever the parser hangs its verb."""
    doc, i = noun.doc, noun.right_edge.i + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    return i < len(doc) and doc[i].lower_ == "to" and doc[i].dep_ == "aux"


def for_clauses(verb: Token) -> list[Token]:
    """"called for the committee to open a probe": infinitives with a "for" subject under a verb."""
    return [c for c in verb.children if c.dep_ in ASKED_CLAUSE_DEPS | COMPLEMENT_DEPS and is_infinitive(c)
            and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]
