"""Labels: an actor called, branded or painted as something ("Corker called Trump a liar", "Trump
has sought to paint the Clinton Foundation as a pay-to-play operation"). Which verbs label is data
(``labelling_verbs`` in ontologies/lexicons/speech.yaml); which labels judge is the
``label_predicates`` of a relation (ontologies/relations.yaml): a label of wrongdoing accuses, a
disparaging one criticizes, any other ("called Mattis a great choice") states nothing."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from ..relation_types import Vocabulary
from . import syntax

LABELLING_VERBS = words("labelling_verbs")
LABEL_PREPS = words("label_preps")
LABELLED_PREPS = words("labelled_preps")
THREAT_GOVERNORS = words("threat_governors")
OBJECT_CONTROL_VERBS = words("object_control_verbs")
COMPLEMENT_DEPS = frozenset({"dobj", "oprd", "attr"})
# Clauses below a label say more than the label: "the archetypal sexual predator who represented an
# extreme danger" labels a predator, not a danger.
LABEL_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})


def label_parts(verb: Token) -> tuple[list[Token], Token] | None:
    """The one labelled and the label of a labelling verb: the first complement and the second
    ("called Trump a liar"), the complement and the "as" phrase ("portrayed Clinton as unfit"), the
    object of "to" ("referred to Kim as little rocket man"), the passive subject ("was branded a
    traitor by ..."), or the subject of a verbless clause the parser makes of the label ("declaring
    Islamic State a dangerous threat"); None otherwise."""
    if verb.pos_ not in syntax.VERBAL or syntax.lemma(verb) not in LABELLING_VERBS:
        return None
    complements = sorted((c for c in verb.children if c.dep_ in COMPLEMENT_DEPS), key=lambda t: t.i)
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in LABEL_PREPS), None)
    labelled = syntax.subject_tokens(verb, syntax.PASSIVE_SUBJECT_DEPS) or syntax.prep_objects(verb, LABELLED_PREPS)
    if as_phrase is not None:
        labelled = complements[:1] or labelled
        return (labelled, as_phrase) if labelled else None
    if len(complements) >= 2:
        return complements[:1], complements[1]
    if labelled and complements:
        return labelled, complements[0]
    clause = next((c for c in verb.children if c.dep_ in SMALL_CLAUSE_DEPS and c.pos_ in syntax.NOMINAL | {"ADJ"}), None)
    subjects = syntax.subject_tokens(clause) if clause is not None else []
    return (subjects, clause) if subjects and not complements else None


def label_word(label: Token, labelled: list[Token], vocab: Vocabulary) -> tuple[Token, str] | None:
    """The first word of the label (outside the one labelled and the clauses below the label) that
    judges, and its relation: a word by its lemma or form, a phrase ("pay-to-play", "ethnic
    cleansing") by its words."""
    named = {t.i for token in labelled for t in token.subtree}
    named |= {t.i for clause in label.subtree if clause.dep_ in LABEL_CLAUSE_DEPS and clause is not label for t in clause.subtree}
    tokens = sorted((t for t in label.subtree if t.i not in named), key=lambda t: t.i)
    if not tokens:
        return None
    forms = [t.lower_ for t in tokens]
    found = []
    for words_, relation in vocab.label_phrases:
        found += [(tokens[i], relation) for i in range(len(tokens) - len(words_) + 1) if tuple(forms[i: i + len(words_)]) == words_][:1]
    found += [(t, vocab.label_index[w]) for t in tokens for w in (syntax.lemma(t), t.lower_) if w in vocab.label_index][:1]
    return min(found, key=lambda pair: pair[0].i) if found else None


def labelling_verb(word: Token) -> Token | None:
    """The labelling verb whose label holds ``word``."""
    for ancestor in word.ancestors:
        parts = label_parts(ancestor)
        if parts is not None:
            return ancestor if word in parts[1].subtree else None
    return None


def label_words(sent: Span, vocab: Vocabulary) -> list[tuple[Token, str]]:
    """The judging word of each label in a sentence, with its relation. A label threatened or
    asked for ("threatened to declare China a currency manipulator", "urged Treasury to label
    China ...") is content, no event."""
    found = []
    for verb in sent:
        parts = label_parts(verb)
        hit = label_word(parts[1], parts[0], vocab) if parts is not None and not is_threatened_or_asked(verb) else None
        if hit is not None:
            found.append(hit)
    return found


def is_threatened_or_asked(verb: Token) -> bool:
    """"threatened to declare", "threatened tariffs and to declare", "urged Treasury to label": the
    infinitive a threat or a request governs ("has sought to paint" is the subject's own act)."""
    infinitive = verb.dep_ == "xcomp" or (verb.dep_ == "conj" and syntax.is_infinitive(verb))
    return infinitive and syntax.lemma(verb.head) in THREAT_GOVERNORS | OBJECT_CONTROL_VERBS
