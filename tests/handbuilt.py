"""Hand-built spaCy Docs for model-free tests of the relation rules and context cues.

A Doc is written as a table, one word a line, as the model parses it:

    word  lemma  POS  TAG  dep  head  [entity]

``head`` is the absolute index of the head word (a ROOT is its own head); sentences follow from
the heads. Actors are named by word index: ``actors=(0, 2)`` makes words 0 and 2 mentions of the
actors of the same name in ACTORS; ``actors={5: "Hamas"}`` names the actor ("them" -> Hamas).

The vocabulary is English's, without a model: a bare ``Vocab()`` has no lexical attributes, so
``token.lower_`` is empty and no preposition, quote or "each other" is ever recognised.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from graphkit.models import Actor, Article, Mention

ACTORS = {name: Actor(id=f"gk:{name}", label=name, type=kind) for name, kind in [
    ("Russia", "State"), ("Ukraine", "State"), ("France", "State"), ("Germany", "State"), ("Iran", "State"), ("Israel", "State"),
    ("China", "State"), ("Japan", "State"), ("Sweden", "State"), ("Britain", "State"), ("Afghanistan", "State"),
    ("Armenia", "State"), ("Azerbaijan", "State"), ("EU", "Organization"), ("Hamas", "NonStateArmedGroup"),
    ("Netanyahu", "Person"), ("Zelensky", "Person"), ("Reuters", "Organization"),
]}
# English lexical attributes (lower_, like_num, is_quote), no trained pipeline.
VOCAB = spacy.blank("en").vocab


def parse(table: str, actors=()) -> tuple[Doc, list[Mention]]:
    """The Doc a table describes (see the module docstring) and the mentions of ``actors``."""
    rows = [line.split() for line in table.strip().splitlines()]
    words, lemmas, pos, tags, deps, heads, ents = [], [], [], [], [], [], []
    for row in rows:
        word, lemma, part, tag, dep, head, *entity = row
        words.append(word)
        lemmas.append(lemma)
        pos.append(part)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        ents.append(f"B-{entity[0]}" if entity else "O")
    doc = Doc(VOCAB, words=words, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads, ents=ents)
    names = actors if isinstance(actors, dict) else {i: doc[i].text for i in actors}
    sentence_of = {token.i: n for n, sent in enumerate(doc.sents) for token in sent}
    mentions = [Mention(ACTORS[name], doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]), sentence_of[i]) for i, name in sorted(names.items())]
    return doc, mentions


def article(doc: Doc) -> Article:
    return Article("t", doc.text, None, None, None, None, {})
