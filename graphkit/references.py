"""Definite descriptions that refer back to an actor named earlier in the same article: "the
court" after "the U.S. Court of Appeals", "the committee" after "the House Ethics Committee",
"the senator" after "Senator John McCain", "the bloc" after "the European Union". Part of the
actors stage, run after names and pronouns are resolved.

Conservative by design (a wrong antecedent is worse than none): the description must be "the"
plus a noun of ``ontologies/lexicons/references.yaml`` with no name of its own among its
modifiers, and the antecedent is the nearest earlier actor, within ``WINDOW`` sentences, whose
name (or, for people, a title they were given in the article) contains one of the words that
noun may stand for. Descriptions resolved here are ``how="description"`` mentions, so they never
become aliases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from .models import Mention
from .resources import ontology_file
from .tokens import TokenView

WINDOW = 6  # sentences


@lru_cache(maxsize=1)
def description_nouns() -> dict[str, tuple[str, frozenset[str]]]:
    """noun -> (actor type, words an antecedent's name or title contains), from references.yaml."""
    import yaml

    with open(ontology_file("references.yaml"), encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    return {noun: (entry["type"], frozenset(w.lower() for w in entry["names"])) for noun, entry in entries.items()}


def resolve_descriptions(doc: Doc, mentions: list[Mention], view: TokenView | None = None) -> list[Mention]:
    """``mentions`` plus the definite descriptions that refer back to one of them, in text order.
    ``view`` is the Doc's ``TokenView`` when the caller has made it already."""
    nouns = description_nouns()
    view = view or TokenView.of(doc)
    taken = {i for m in mentions if not m.nested for i in _token_range(doc, m)}
    sentence_of = view.sentence
    found = list(mentions)
    for i, lemma in enumerate(view.lemma):
        if lemma not in nouns or i in taken or view.pos[i] != "NOUN" or view.tag[i] in {"NNS", "NNPS"}:
            continue
        token = doc[i]
        if not _is_bare_definite(token):
            continue
        kind, names = nouns[lemma]
        antecedent = _nearest(found, token, sentence_of[token.i], kind, names)
        if antecedent is not None:
            # its words, from its first left modifier; a Span's text, since doc.text joins every token anew
            words = doc[min([t.i for t in token.lefts], default=token.i): token.i + 1]
            found.append(Mention(antecedent.actor, words.text, words.start_char, words.end_char, sentence_of[token.i], how="description"))
    return sorted(found, key=lambda m: (m.start_char, m.end_char))


def description_antecedent(token: Token, mentions: list[Mention], sentence: int) -> Mention | None:
    """The earlier mention a definite description ("the commission") would be resolved to, or
    None; the actors stage asks before a pronoun in its clause takes some other actor."""
    entry = description_nouns().get(token.lemma_.lower())
    if entry is None or token.pos_ != "NOUN" or token.tag_ in {"NNS", "NNPS"} or not _is_bare_definite(token):
        return None
    return _nearest(mentions, token, sentence, *entry)


def _is_bare_definite(token: Token) -> bool:
    """"the court", "the appeals court"; not "a court", "the Supreme Court" (a name), "the court's"."""
    lefts = list(token.lefts)
    if not lefts or lefts[0].lower_ != "the" or lefts[0].dep_ != "det":
        return False
    return all(t.pos_ not in {"PROPN", "NUM"} and not t.ent_type_ for t in lefts[1:]) and token.dep_ != "compound"


def _nearest(mentions: list[Mention], token: Token, sentence: int, kind: str, names: frozenset[str]) -> Mention | None:
    doc = token.doc
    before = [m for m in mentions if not m.nested and m.end_char <= token.idx and sentence - m.sentence_index <= WINDOW and m.actor.type == kind]
    texts: dict[str, set[str]] = {}
    for m in before:
        texts.setdefault(m.actor.id, set()).update({m.text.lower(), m.actor.label.lower(), _title_words(doc, m)})
        texts[m.actor.id].update(role.title.lower() for role in m.actor.roles if role.title)
    for mention in sorted(before, key=lambda m: m.start_char, reverse=True):
        if any(_has_word(text, name) for text in texts[mention.actor.id] for name in names):
            return mention
    return None


def _title_words(doc: Doc, mention: Mention) -> str:
    """"Senator" in "Senator John McCain": the words the parser hangs before the name."""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    if span is None:
        return ""
    return " ".join(t.lower_ for t in span.root.lefts if t.i < span.start and t.dep_ in {"compound", "amod", "nmod"})


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text) is not None


def _token_range(doc: Doc, mention: Mention) -> range:
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)



