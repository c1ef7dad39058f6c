"""Definite descriptions that refer back to an actor named earlier (graphkit.references), on
hand-built Docs: no model needed."""

from __future__ import annotations

from graphkit.references import resolve_descriptions

from handbuilt import parse

# Senator Netanyahu criticized Iran. The senator met Zelensky.
SENATOR = """
    Senator    senator    PROPN NNP compound 1
    Netanyahu  Netanyahu  PROPN NNP nsubj    2 PERSON
    criticized criticize  VERB  VBD ROOT     2
    Iran       Iran       PROPN NNP dobj     2 GPE
    .          .          PUNCT .   punct    2
    The        the        DET   DT  det      6
    senator    senator    NOUN  NN  nsubj    7
    met        meet       VERB  VBD ROOT     7
    Zelensky   Zelensky   PROPN NNP dobj     7 PERSON
    .          .          PUNCT .   punct    7
"""


def described(table: str, actors) -> list[tuple[str, str]]:
    doc, mentions = parse(table, actors)
    return [(m.text, m.actor.label) for m in resolve_descriptions(doc, mentions) if m.how == "description"]


def test_the_senator_is_the_person_called_senator_before():
    assert described(SENATOR, (1, 3, 8)) == [("The senator", "Netanyahu")]


def test_without_a_titled_antecedent_the_description_stays_unresolved():
    # Zelensky, the only earlier person, was never called a senator
    assert described(SENATOR, {3: "Iran", 8: "Zelensky"}) == []


def test_the_court_needs_an_earlier_court():
    # The EU criticized Iran. The court met Zelensky. ("the EU" is no court)
    table = """
        The        the        DET   DT  det   1
        EU         EU         PROPN NNP nsubj 2 ORG
        criticized criticize  VERB  VBD ROOT  2
        Iran       Iran       PROPN NNP dobj  2 GPE
        .          .          PUNCT .   punct 2
        The        the        DET   DT  det   6
        court      court      NOUN  NN  nsubj 7
        met        meet       VERB  VBD ROOT  7
        Zelensky   Zelensky   PROPN NNP dobj  7 PERSON
        .          .          PUNCT .   punct 7
    """
    assert described(table, (1, 3, 8)) == []


def test_an_acronym_alone_gives_a_bloc_no_antecedent():
    # The EU criticized Iran. The bloc met Zelensky.
    table = SENATOR.replace("Senator    senator    PROPN NNP compound 1", "The        the        DET   DT  det      1") \
        .replace("Netanyahu  Netanyahu  PROPN NNP nsubj    2 PERSON", "EU         EU         PROPN NNP nsubj    2 ORG") \
        .replace("senator    senator    NOUN  NN  nsubj    7", "bloc       bloc       NOUN  NN  nsubj    7")
    # conservative: "EU" holds none of the words a bloc's name has (union, bloc, alliance, ...)
    assert described(table, (1, 3, 8)) == []
