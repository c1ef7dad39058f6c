"""Courts, calls, letters and filings (graphkit/relations/legal.py and the legal triggers of
ontologies/relations.yaml) on hand-built Docs: no model needed. ``LEGAL_CASES`` joins the rule
cases of test_rules.py, which checks that every registered rule has one."""

from __future__ import annotations

from graphkit.descriptions import ActorKnowledge
from graphkit.relation_types import default_vocabulary
from graphkit.relations import extract_relations

from handbuilt import article, parse

VOCAB = default_vocabulary()


def found(table: str, actors) -> set[tuple]:
    doc, mentions = parse(table, actors)
    return {(r.source.label, r.relation, r.target.label, r.negated, r.rule) for r in extract_relations(doc, mentions, article(doc), VOCAB, ActorKnowledge())}


# rule -> (table, actors, expected {(source, relation, target, rule)}), as in test_rules.CASES
LEGAL_CASES = {
    # Netanyahu defied calls by France to step down (the parser hangs the clause on "defied").
    "answered_call": ("""
        Netanyahu  Netanyahu  PROPN NNP nsubj 1 PERSON
        defied     defy       VERB  VBD ROOT  1
        calls      call       NOUN  NNS dobj  1
        by         by         ADP   IN  prep  2
        France     France     PROPN NNP pobj  3 GPE
        to         to         PART  TO  aux   6
        step       step       VERB  VB  advcl 1
        down       down       ADP   RP  prt   6
        .          .          PUNCT .   punct 1
    """, (0, 4), {("Netanyahu", "rejects", "France", "direct_object"), ("France", "requests", "Netanyahu", "answered_call")}),
    # France renewed calls for Netanyahu to resign.
    "asked_subject": ("""
        France     France     PROPN NNP nsubj 1 GPE
        renewed    renew      VERB  VBD ROOT  1
        calls      call       NOUN  NNS dobj  1
        for        for        SCONJ IN  mark  6
        Netanyahu  Netanyahu  PROPN NNP nsubj 6 PERSON
        to         to         PART  TO  aux   6
        resign     resign     VERB  VB  advcl 2
        .          .          PUNCT .   punct 1
    """, (0, 4), {("France", "requests", "Netanyahu", "asked_subject")}),
    # France called for Netanyahu to resign.
    "for_clause_subject": ("""
        France     France     PROPN NNP nsubj 1 GPE
        called     call       VERB  VBD ROOT  1
        for        for        SCONJ IN  mark  5
        Netanyahu  Netanyahu  PROPN NNP nsubj 5 PERSON
        to         to         PART  TO  aux   5
        resign     resign     VERB  VB  advcl 1
        .          .          PUNCT .   punct 1
    """, (0, 3), {("France", "requests", "Netanyahu", "for_clause_subject")}),
    # Netanyahu criticised the judge presiding over lawsuits against France: nobody named sued
    # France (the parser hangs "presiding" on "criticised", whose subject the lawsuits would inherit).
    "unnamed_filer": ("""
        Netanyahu  Netanyahu  PROPN NNP nsubj 1 PERSON
        criticised criticise  VERB  VBD ROOT  1
        the        the        DET   DT  det   3
        judge      judge      NOUN  NN  dobj  1
        presiding  preside    VERB  VBG advcl 1
        over       over       ADP   IN  prep  4
        lawsuits   lawsuit    NOUN  NNS pobj  5
        against    against    ADP   IN  prep  6
        France     France     PROPN NNP pobj  7 GPE
        .          .          PUNCT .   punct 1
    """, (0, 8), set()),
    # France wrote to Netanyahu asking for an explanation.
    "letter_addressee": ("""
        France      France      PROPN NNP nsubj 1 GPE
        wrote       write       VERB  VBD ROOT  1
        to          to          ADP   IN  prep  1
        Netanyahu   Netanyahu   PROPN NNP pobj  2 PERSON
        asking      ask         VERB  VBG advcl 1
        for         for         ADP   IN  prep  4
        an          an          DET   DT  det   7
        explanation explanation NOUN  NN  pobj  5
        .           .           PUNCT .   punct 1
    """, (0, 3), {("France", "requests", "Netanyahu", "letter_addressee")}),
}

# France sent a letter to Netanyahu asking him to resign (the parser hangs "asking" on "letter").
LETTER_ASKING_HIM = """
    France     France     PROPN NNP nsubj 1 GPE
    sent       send       VERB  VBD ROOT  1
    a          a          DET   DT  det   3
    letter     letter     NOUN  NN  dobj  1
    to         to         ADP   IN  dative 1
    Netanyahu  Netanyahu  PROPN NNP pobj  4 PERSON
    asking     ask        VERB  VBG acl   3
    him        he         PRON  PRP dobj  6
    to         to         PART  TO  aux   9
    resign     resign     VERB  VB  xcomp 6
    .          .          PUNCT .   punct 1
"""

# Britain filed a lawsuit against Russia.
FILED_LAWSUIT = """
    Britain    Britain    PROPN NNP nsubj 1 GPE
    filed      file       VERB  VBD ROOT  1
    a          a          DET   DT  det   3
    lawsuit    lawsuit    NOUN  NN  dobj  1
    against    against    ADP   IN  prep  3
    Russia     Russia     PROPN NNP pobj  4 GPE
    .          .          PUNCT .   punct 1
"""


def test_a_for_clause_not_of_the_phrase_asks_nothing():
    """"France urged changes, in time for Netanyahu to decide": the "for" is not the request's."""
    table = """
        France     France     PROPN NNP nsubj 1 GPE
        urged      urge       VERB  VBD ROOT  1
        changes    change     NOUN  NNS dobj  1
        ,          ,          PUNCT ,   punct 1
        in         in         ADP   IN  prep  1
        time       time       NOUN  NN  pobj  4
        for        for        SCONJ IN  mark  9
        Netanyahu  Netanyahu  PROPN NNP nsubj 9 PERSON
        to         to         PART  TO  aux   9
        decide     decide     VERB  VB  advcl 1
        .          .          PUNCT .   punct 1
    """
    assert found(table, (0, 7)) == set()


def test_a_filed_lawsuit_accuses_the_defendant():
    assert found(FILED_LAWSUIT, (0, 5)) == {("Britain", "accuses", "Russia", False, "noun_preposition")}


def test_a_rejected_call_was_still_made():
    """"Netanyahu rejected calls from France to resign": the rejection answers the calls; they happened."""
    table = LEGAL_CASES["answered_call"][0].replace("defied     defy", "rejected   reject").replace("by         by ", "from       from")
    assert found(table, (0, 4)) == {("Netanyahu", "rejects", "France", False, "direct_object"), ("France", "requests", "Netanyahu", False, "answered_call")}


def test_one_call_to_someone_is_a_phone_call():
    """"France made a call to Netanyahu to congratulate him": no request."""
    table = """
        France       France       PROPN NNP nsubj 1 GPE
        made         make         VERB  VBD ROOT  1
        a            a            DET   DT  det   3
        call         call         NOUN  NN  dobj  1
        to           to           ADP   IN  prep  3
        Netanyahu    Netanyahu    PROPN NNP pobj  4 PERSON
        to           to           PART  TO  aux   7
        congratulate congratulate VERB  VB  advcl 1
        him          he           PRON  PRP dobj  7
        .            .            PUNCT .   punct 1
    """
    assert not any(relation == "requests" for _, relation, _, _, _ in found(table, (0, 5)))


def test_a_court_that_denies_a_request_rejects_whoever_made_it():
    """"The EU denied a request by Britain": the request stands for its maker."""
    table = """
        The      the      DET   DT  det   1
        EU       EU       PROPN NNP nsubj 2 ORG
        denied   deny     VERB  VBD ROOT  2
        a        a        DET   DT  det   4
        request  request  NOUN  NN  dobj  2
        by       by       ADP   IN  prep  4
        Britain  Britain  PROPN NNP pobj  5 GPE
        .        .        PUNCT .   punct 2
    """
    assert found(table, (1, 6)) == {("EU", "rejects", "Britain", False, "direct_object")}


def test_ordered_to_stop_is_a_demand():
    """"France ordered Iran to stop enrichment" (a cease-and-desist order)."""
    table = """
        France      France      PROPN NNP nsubj 1 GPE
        ordered     order       VERB  VBD ROOT  1
        Iran        Iran        PROPN NNP dobj  1 GPE
        to          to          PART  TO  aux   4
        stop        stop        VERB  VB  xcomp 1
        enrichment  enrichment  NOUN  NN  dobj  4
        .           .           PUNCT .   punct 1
    """
    assert found(table, (0, 2)) == {("France", "demands", "Iran", False, "direct_object")}


def test_a_letter_asks_its_addressee_and_its_sender_asks():
    """"France sent a letter to Netanyahu asking him to resign": the letter has no subject of its
    own; its sender asks, and a "him" read as the sender stands for the addressee."""
    assert found(LETTER_ASKING_HIM, {0: "France", 5: "Netanyahu", 7: "France"}) == {("France", "requests", "Netanyahu", False, "letter_addressee")}


def test_a_request_by_letter_naming_another_actor_asks_that_actor():
    """"France wrote to Netanyahu urging Iran to act": the request's own object is the one asked."""
    table = """
        France     France     PROPN NNP nsubj 1 GPE
        wrote      write      VERB  VBD ROOT  1
        to         to         ADP   IN  prep  1
        Netanyahu  Netanyahu  PROPN NNP pobj  2 PERSON
        urging     urge       VERB  VBG advcl 1
        Iran       Iran       PROPN NNP dobj  4 GPE
        to         to         PART  TO  aux   7
        act        act        VERB  VB  xcomp 4
        .          .          PUNCT .   punct 1
    """
    assert found(table, (0, 3, 5)) == {("France", "requests", "Iran", False, "direct_object")}


def test_a_letter_that_asks_nothing_is_no_request():
    """"France wrote to Netanyahu about the talks": writing alone asks nothing."""
    table = """
        France     France     PROPN NNP nsubj 1 GPE
        wrote      write      VERB  VBD ROOT  1
        to         to         ADP   IN  prep  1
        Netanyahu  Netanyahu  PROPN NNP pobj  2 PERSON
        about      about      ADP   IN  prep  1
        the        the        DET   DT  det   6
        talks      talk       NOUN  NNS pobj  4
        .          .          PUNCT .   punct 1
    """
    assert not any(relation == "requests" for _, relation, _, _, _ in found(table, (0, 3)))


# France is trying to get Iran to stop.
GET_IRAN_TO_STOP = """
    France  France  PROPN NNP nsubj 2 GPE
    is      be      AUX   VBZ aux   2
    trying  try     VERB  VBG ROOT  2
    to      to      PART  TO  aux   4
    get     get     VERB  VB  xcomp 2
    Iran    Iran    PROPN NNP nsubj 7 GPE
    to      to      PART  TO  aux   7
    stop    stop    VERB  VB  ccomp 4
    .       .       PUNCT .   punct 2
"""


def test_getting_an_actor_to_act_asks_it():
    """"trying to get Republicans to abandon the tax" requests them (ANNOTATION_NOTES)."""
    assert found(GET_IRAN_TO_STOP, (0, 5)) == {("France", "requests", "Iran", False, "clause_subject")}


def test_get_without_an_object_clause_asks_nothing():
    """"France got support from Iran": "get" asks only with an object clause."""
    table = """
        France   France   PROPN NNP nsubj 1 GPE
        got      get      VERB  VBD ROOT  1
        support  support  NOUN  NN  dobj  1
        from     from     ADP   IN  prep  2
        Iran     Iran     PROPN NNP pobj  3 GPE
        .        .        PUNCT .   punct 1
    """
    assert not any(relation == "requests" for _, relation, _, _, _ in found(table, (0, 4)))


def test_rejected_demands_were_made_by_their_owner():
    """"Iran rejected EU demands": the EU demanded of Iran, which rejects the EU (ANNOTATION_NOTES:
    defying X's calls is rejects X, and the calls are X requests)."""
    table = """
        Iran      Iran      PROPN NNP nsubj    1 GPE
        rejected  reject    VERB  VBD ROOT     1
        EU        EU        PROPN NNP compound 3 ORG
        demands   demand    NOUN  NNS dobj     1
        .         .         PUNCT .   punct    1
    """
    assert found(table, (0, 2)) == {("Iran", "rejects", "EU", False, "direct_object"), ("EU", "demands", "Iran", False, "answered_call")}


def test_convincing_of_a_view_asks_nothing():
    """"France convinced Iran that talks are needed" persuades of a view; "convinced Iran to talk" asks."""
    table = """
        France     France     PROPN NNP nsubj 1 GPE
        convinced  convince   VERB  VBD ROOT  1
        Iran       Iran       PROPN NNP dobj  1 GPE
        that       that       SCONJ IN  mark  6
        talks      talk       NOUN  NNS nsubjpass 6
        are        be         AUX   VBP auxpass 6
        needed     need       VERB  VBN ccomp 1
        .          .          PUNCT .   punct 1
    """
    assert not any(relation == "requests" for _, relation, _, _, _ in found(table, (0, 2)))
    asked = table.replace("that       that       SCONJ IN  mark  6", "to         to         PART  TO  aux   6").replace(
        "talks      talk       NOUN  NNS nsubjpass 6", "now        now        ADV   RB  advmod 6").replace(
        "are        be         AUX   VBP auxpass 6", "really     really     ADV   RB  advmod 6").replace(
        "needed     need       VERB  VBN ccomp 1", "talk       talk       VERB  VB  xcomp 1")
    assert found(asked, (0, 2)) == {("France", "requests", "Iran", False, "direct_object")}


def test_a_granted_request_was_addressed_to_the_one_who_grants_it():
    """"The EU granted Britain's request": Britain asked the EU."""
    table = """
        The      the      DET   DT  det   1
        EU       EU       PROPN NNP nsubj 2 ORG
        granted  grant    VERB  VBD ROOT  2
        Britain  Britain  PROPN NNP poss  5 GPE
        's       's       PART  POS case  3
        request  request  NOUN  NN  dobj  2
        .        .        PUNCT .   punct 2
    """
    assert ("Britain", "requests", "EU", False, "answered_call") in found(table, (1, 3))


def test_an_infinitive_hung_above_the_causative_still_asks():
    """"France managed to convince Iran to talk": the parser hangs "to talk" on "managed"."""
    table = """
        France    France    PROPN NNP nsubj 1 GPE
        managed   manage    VERB  VBD ROOT  1
        to        to        PART  TO  aux   3
        convince  convince  VERB  VB  xcomp 1
        Iran      Iran      PROPN NNP dobj  3 GPE
        to        to        PART  TO  aux   6
        talk      talk      VERB  VB  xcomp 1
        .         .         PUNCT .   punct 1
    """
    assert ("France", "requests", "Iran", False, "direct_object") in found(table, (0, 4))


def test_pushing_an_actor_to_act_asks_it_and_pushing_into_a_state_does_not():
    """"France pushed Iran to stop" requests Iran (ANNOTATION_NOTES: pressing X to do something);
    "France pushed Iran into recession" asks nothing."""
    table = """
        France  France  PROPN NNP nsubj 1 GPE
        pushed  push    VERB  VBD ROOT  1
        Iran    Iran    PROPN NNP dobj  1 GPE
        to      to      PART  TO  aux   4
        stop    stop    VERB  VB  xcomp 1
        .       .       PUNCT .   punct 1
    """
    assert found(table, (0, 2)) == {("France", "requests", "Iran", False, "direct_object")}
    into = table.replace("to      to      PART  TO  aux   4", "into    into    ADP   IN  prep  1").replace(
        "stop    stop    VERB  VB  xcomp 1", "recession recession NOUN NN pobj 3")
    assert not any(relation == "requests" for _, relation, _, _, _ in found(into, (0, 2)))


def test_pushing_for_an_actor_to_act_asks_it():
    """"France pushed for Iran to stop": the subject of the "for ... to" clause is asked."""
    table = """
        France  France  PROPN NNP   nsubj 1 GPE
        pushed  push    VERB  VBD   ROOT  1
        for     for     SCONJ IN    mark  5
        Iran    Iran    PROPN NNP   nsubj 5 GPE
        to      to      PART  TO    aux   5
        stop    stop    VERB  VB    advcl 1
        .       .       PUNCT .     punct 1
    """
    assert found(table, (0, 3)) == {("France", "requests", "Iran", False, "for_clause_subject")}
