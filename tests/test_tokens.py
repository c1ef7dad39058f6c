"""The token view holds what spaCy's Tokens say, read once."""

from __future__ import annotations

from spacy.tokens import Doc

from graphkit.tokens import TokenView

from handbuilt import VOCAB, parse

TWO_SENTENCES = """
Russia    Russia    PROPN  NNP  nsubj  1  GPE
Condemned condemn   VERB   VBD  ROOT   1
Ukraine   Ukraine   PROPN  NNP  dobj   1  GPE
.         .         PUNCT  .    punct  1
Iran      Iran      PROPN  NNP  nsubj  5  GPE
agreed    agree     VERB   VBD  ROOT   5
"""


def test_view_reads_every_token_attribute_the_rules_compare():
    doc, _ = parse(TWO_SENTENCES)
    view = TokenView.of(doc)
    assert len(view) == len(doc)
    for token in doc:
        i = token.i
        assert (view.text[i], view.lower[i], view.lemma[i], view.pos[i], view.tag[i], view.dep[i], view.ent_type[i]) == (
            token.text, token.lower_, token.lemma_.lower(), token.pos_, token.tag_, token.dep_, token.ent_type_)
    assert view.lemma[1] == "condemn"  # lower-cased, as the rules compare lemmas
    assert view.sentence == (0, 0, 0, 0, 1, 1)


def test_view_of_an_empty_doc_is_empty():
    assert len(TokenView.of(Doc(VOCAB, words=[]))) == 0
