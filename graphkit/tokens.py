"""One parsed document's token attributes as plain Python values, read from spaCy once.

spaCy makes a new ``Token`` object on every ``doc[i]``, every step of ``for token in doc`` or
``for token in sent``, and every ``token.head``; reading ``token.lemma_`` looks the string up
again. The actors and relations stages each walk every token of an article several times, most
often only to skip it ("is this word a trigger lemma, a title, a pronoun?"): that cost more than
the rules. A ``TokenView`` holds those attributes once per document; a pass reads it to skip the
words that cannot matter, and makes a ``Token`` only for the few it works on.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc

_STRING_ATTRS = [ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE]


@dataclass(frozen=True, slots=True)
class TokenView:
    """Per-token attributes of one Doc, indexed by token index (``doc[i]``)."""

    text: tuple[str, ...]  # token.text
    lower: tuple[str, ...]  # token.lower_
    lemma: tuple[str, ...]  # token.lemma_.lower(), as the rules compare lemmas
    pos: tuple[str, ...]  # token.pos_
    tag: tuple[str, ...]  # token.tag_
    dep: tuple[str, ...]  # token.dep_
    ent_type: tuple[str, ...]  # token.ent_type_
    sentence: tuple[int, ...]  # index of the token's sentence in doc.sents

    @classmethod
    def of(cls, doc: Doc) -> TokenView:
        if not len(doc):
            return cls((), (), (), (), (), (), (), ())
        hashes = doc.to_array(_STRING_ATTRS)
        # each distinct string is looked up once: a column holds positions in ``names``
        distinct, positions = numpy.unique(hashes, return_inverse=True)
        strings = doc.vocab.strings
        names = [strings[h] for h in distinct.tolist()]
        lowered = [name.lower() for name in names]
        text, lower, lemma, pos, tag, dep, ent_type = positions.reshape(hashes.shape).T.tolist()
        sentence: list[int] = []
        for index, sent in enumerate(doc.sents):
            sentence += [index] * len(sent)
        return cls(
            text=tuple(map(names.__getitem__, text)), lower=tuple(map(names.__getitem__, lower)),
            lemma=tuple(map(lowered.__getitem__, lemma)), pos=tuple(map(names.__getitem__, pos)),
            tag=tuple(map(names.__getitem__, tag)), dep=tuple(map(names.__getitem__, dep)),
            ent_type=tuple(map(names.__getitem__, ent_type)), sentence=tuple(sentence),
        )

    def __len__(self) -> int:
        return len(self.text)
