"""Singular pronouns that may not stand for the nearest actor (graphkit.actors.gender): a person of
the other gender, a generic person, a person no actor stands for between, a name of the pronoun's
own clause. Hand-built Docs (tests/handbuilt.py), no model; the knowledge base is the built-in one."""

from __future__ import annotations

from functools import lru_cache

import pytest

from graphkit.actors.resolver import _Resolver
from graphkit.knowledge import load_knowledge_base
from graphkit.models import Actor, Article

from handbuilt import parse


@lru_cache(maxsize=1)
def _knowledge_base():
    return load_knowledge_base()


def _person(label: str) -> Actor:
    return Actor(id=f"gk:{label}", label=label, type="Person")


def _referents(table: str, named: dict[tuple[int, int], Actor], pronoun: int) -> list[str]:
    """What the word at ``pronoun`` stands for once ``named`` (word span -> actor) are mentions."""
    doc, _ = parse(table)
    resolver = _Resolver(doc, Article("t", doc.text), _knowledge_base())
    for (start, end), actor in named.items():
        resolver.add(actor, start, end)
    for i in range(len(doc)):
        resolver.resolve_reference(i)
    return [m.actor.label for m in resolver.mentions if m.how == "pronoun" and m.start_char == doc[pronoun].idx]


# "{title} Baker said {pronoun} left ."
TITLE_SAID = """
    {title}    {title}    PROPN NNP compound 1
    Baker      Baker      PROPN NNP nsubj 2 PERSON
    said       say        VERB  VBD ROOT  2
    {pronoun}  {pronoun}  PRON  PRP nsubj 4
    left       leave      VERB  VBD ccomp 2
    .          .          PUNCT .   punct 2
"""


@pytest.mark.parametrize(("title", "pronoun", "labels"), [
    ("Mr.", "she", []), ("Mrs.", "he", []), ("Ms.", "she", ["Baker"]), ("Mr.", "he", ["Baker"]),
    ("Spokeswoman", "he", []), ("Congressman", "she", []), ("Spokesman", "he", ["Baker"]),
])
def test_a_pronoun_never_stands_for_a_person_of_the_other_gender(title, pronoun, labels):
    # "Mr. Baker said she left": she is someone else; a title or a gendered role noun tells
    assert _referents(TITLE_SAID.format(title=title, pronoun=pronoun), {(1, 2): _person("Baker")}, 3) == labels


# "{first} {last} said {pronoun} left ."
NAME_SAID = """
    {first}    {first}    PROPN NNP compound 1 PERSON
    {last}     {last}     PROPN NNP nsubj 2 PERSON
    said       say        VERB  VBD ROOT  2
    {pronoun}  {pronoun}  PRON  PRP nsubj 4
    left       leave      VERB  VBD ccomp 2
    .          .          PUNCT .   punct 2
"""


def test_the_knowledge_base_and_shared_first_names_tell_a_gender():
    kb = _knowledge_base()
    may = next(a for a in kb.lookup("Theresa May") if a.type == "Person")
    assert _referents(NAME_SAID.format(first="Theresa", last="May", pronoun="he"), {(0, 2): may}, 3) == []
    assert _referents(NAME_SAID.format(first="Theresa", last="May", pronoun="she"), {(0, 2): may}, 3) == ["Theresa May"]
    # "Steve": every Steve of the knowledge base is a man; "Pat" is a name of women and men alike
    assert _referents(NAME_SAID.format(first="Steve", last="Jones", pronoun="she"), {(0, 2): _person("Steve Jones")}, 3) == []
    assert _referents(NAME_SAID.format(first="Pat", last="Jones", pronoun="she"), {(0, 2): _person("Pat Jones")}, 3) == ["Pat Jones"]


# "{title1} Baker met {title2} May . She left ."
MET_SHE_LEFT = """
    {title1}  {title1}  PROPN NNP compound 1
    Baker     Baker     PROPN NNP nsubj 2 PERSON
    met       meet      VERB  VBD ROOT  2
    {title2}  {title2}  PROPN NNP compound 4
    May       May       PROPN NNP dobj  2 PERSON
    .         .         PUNCT .   punct 2
    She       she       PRON  PRP nsubj 7
    left      leave     VERB  VBD ROOT  7
    .         .         PUNCT .   punct 7
"""


def test_a_person_of_the_other_gender_is_passed_over_only_for_the_salient_subject():
    named = {(1, 2): _person("Baker"), (4, 5): _person("May")}
    assert _referents(MET_SHE_LEFT.format(title1="Mrs.", title2="Mr."), named, 6) == ["Baker"]
    # the subject is a man: "She" is May only perhaps, so it stands for no one
    assert _referents(MET_SHE_LEFT.format(title1="Mr.", title2="Mrs."), named, 6) == []


# "Jones said she left . Jones said he stayed ."
SHE_THEN_HE = """
    Jones   Jones   PROPN NNP nsubj 1 PERSON
    said    say     VERB  VBD ROOT  1
    she     she     PRON  PRP nsubj 3
    left    leave   VERB  VBD ccomp 1
    .       .       PUNCT .   punct 1
    Jones   Jones   PROPN NNP nsubj 6 PERSON
    said    say     VERB  VBD ROOT  6
    he      he      PRON  PRP nsubj 8
    stayed  stay    VERB  VBD ccomp 6
    .       .       PUNCT .   punct 6
"""


def test_an_unambiguous_pronoun_tells_the_persons_gender():
    jones = _person("Jones")
    assert _referents(SHE_THEN_HE, {(0, 1): jones, (5, 6): jones}, 2) == ["Jones"]
    assert _referents(SHE_THEN_HE, {(0, 1): jones, (5, 6): jones}, 7) == []


# "Haley said {det} woman can speak if she wants ."
GENERIC_WOMAN = """
    Haley  Haley  PROPN NNP nsubj 1 PERSON
    said   say    VERB  VBD ROOT  1
    {det}  {det}  DET   DT  det   3
    woman  woman  NOUN  NN  nsubj 5
    can    can    AUX   MD  aux   5
    speak  speak  VERB  VB  ccomp 1
    if     if     SCONJ IN  mark  8
    she    she    PRON  PRP nsubj 8
    wants  want   VERB  VBZ advcl 5
    .      .      PUNCT .   punct 1
"""


def test_a_generic_person_is_no_actors_antecedent():
    # "any woman who has felt mistreated ... even if she is accusing the president": not the speaker
    assert _referents(GENERIC_WOMAN.format(det="any"), {(0, 1): _person("Haley")}, 7) == []
    assert _referents(GENERIC_WOMAN.format(det="the"), {(0, 1): _person("Haley")}, 7) == ["Haley"]


# "Obama spoke . Feinstein wrote to Phares , who was an adviser , asking him ."
UNNAMED_WHO = """
    Obama      Obama      PROPN NNP nsubj  1 PERSON
    spoke      speak      VERB  VBD ROOT   1
    .          .          PUNCT .   punct  1
    Feinstein  Feinstein  PROPN NNP nsubj  4 PERSON
    wrote      write      VERB  VBD ROOT   4
    to         to         ADP   IN  prep   4
    Phares     Phares     PROPN NNP pobj   5
    ,          ,          PUNCT ,   punct  6
    who        who        PRON  WP  nsubj  9
    was        be         AUX   VBD relcl  6
    an         an         DET   DT  det    11
    adviser    adviser    NOUN  NN  attr   9
    ,          ,          PUNCT ,   punct  4
    asking     ask        VERB  VBG advcl  4
    him        he         PRON  PRP dobj   13
    .          .          PUNCT .   punct  4
"""


def test_a_person_no_actor_stands_for_blocks_a_pronoun():
    # "him" is Phares, whom the knowledge base does not know: never Obama, named before him
    named = {(0, 1): _person("Obama"), (3, 4): _person("Feinstein")}
    assert _referents(UNNAMED_WHO, named, 14) == []
    # ... and so is an unknown name the tagger calls a person
    as_person = UNNAMED_WHO.replace("Phares     Phares     PROPN NNP pobj   5", "Phares     Phares     PROPN NNP pobj   5 PERSON")
    as_person = as_person.replace("who        who        PRON  WP  nsubj  9", "who        who        PRON  WP  nsubj  11")
    assert _referents(as_person, named, 14) == []


# "Trump spoke . {name} said he left ."
NAME_SAID_HE = """
    Trump   Trump   PROPN NNP nsubj 1 PERSON
    spoke   speak   VERB  VBD ROOT  1
    .       .       PUNCT .   punct 1
    {name}  {name}  PROPN NNP nsubj 4
    said    say     VERB  VBD ROOT  4
    he      he      PRON  PRP nsubj 6
    left    leave   VERB  VBD ccomp 4
    .       .       PUNCT .   punct 4
"""


def test_a_subject_no_actor_stands_for_is_what_he_stands_for():
    trump = _person("Trump")
    # "Phares did not speak to reporters as he entered": Phares, unknown, not Trump named before
    assert _referents(NAME_SAID_HE.format(name="Phares"), {(0, 1): trump}, 5) == []
    assert _referents(NAME_SAID_HE.format(name="Trump"), {(0, 1): trump, (3, 4): trump}, 5) == ["Trump"]


# "America stations troops . It threatens to destroy {object} ."
OWN_CLAUSE = """
    America    America    PROPN NNP nsubj 1 GPE
    stations   station    VERB  VBZ ROOT  1
    troops     troop      NOUN  NNS dobj  1
    .          .          PUNCT .   punct 1
    It         it         PRON  PRP nsubj 5
    threatens  threaten   VERB  VBZ ROOT  5
    to         to         PART  TO  aux   7
    destroy    destroy    VERB  VB  xcomp 5
    {object}   {object}   PROPN NNP dobj  7 GPE
    .          .          PUNCT .   punct 5
"""


def test_a_subject_pronoun_is_not_what_its_own_clause_names():
    us = Actor(id="gk:United States", label="United States", type="State")
    russia = Actor(id="gk:Russia", label="Russia", type="State")
    assert _referents(OWN_CLAUSE.format(object="America"), {(0, 1): us, (8, 9): us}, 4) == []
    assert _referents(OWN_CLAUSE.format(object="Russia"), {(0, 1): us, (8, 9): russia}, 4) == ["United States"]


def test_an_actor_list_records_a_gender_as_f_or_m():
    from graphkit.knowledge.records import _draft_from_record
    assert _draft_from_record({"label": "Ann Lee", "type": "Person", "gender": "F"}, "t").gender == "F"
    with pytest.raises(ValueError, match="gender"):
        _draft_from_record({"label": "Ann Lee", "type": "Person", "gender": "female"}, "t")
