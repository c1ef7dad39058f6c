"""Accusations and judgements carried by what a speaker says (graphkit/relations/speech.py) on
hand-built Docs: no model needed. ``SPEECH_CASES`` joins the rule cases of test_rules.py, which
checks that every registered rule has one."""

from __future__ import annotations

import pytest

from graphkit.descriptions import ActorKnowledge
from graphkit.relation_types import default_vocabulary
from graphkit.relations import extract_relations

from handbuilt import article, parse

VOCAB = default_vocabulary()


def found(table: str, actors) -> set[tuple]:
    doc, mentions = parse(table, actors)
    return {(r.source.label, r.relation, r.target.label, r.negated, r.rule) for r in extract_relations(doc, mentions, article(doc), VOCAB, ActorKnowledge())}


# France said Russia violated the ceasefire.
SAID_VIOLATED = """
    France     France     PROPN NNP nsubj 1 GPE
    said       say        VERB  VBD ROOT  1
    Russia     Russia     PROPN NNP nsubj 3 GPE
    violated   violate    VERB  VBD ccomp 1
    the        the        DET   DT  det   5
    ceasefire  ceasefire  NOUN  NN  dobj  3
    .          .          PUNCT .   punct 1
"""

# rule -> (table, actors, expected {(source, relation, target, rule)}), as in test_rules.CASES
# France called Russia a liar (the model's parse: the one labelled is the object, the label oprd).
CALLED_LIAR = """
    France     France     PROPN NNP nsubj 1 GPE
    called     call       VERB  VBD ROOT  1
    Russia     Russia     PROPN NNP dobj  1 GPE
    a          a          DET   DT  det   4
    liar       liar       NOUN  NN  oprd  1
    .          .          PUNCT .   punct 1
"""

# France said Russia was weak.
SAID_WEAK = """
    France     France     PROPN NNP nsubj  1 GPE
    said       say        VERB  VBD ROOT   1
    Russia     Russia     PROPN NNP nsubj  3 GPE
    was        be         AUX   VBD ccomp  1
    weak       weak       ADJ   JJ  acomp  3
    .          .          PUNCT .   punct  1
"""

SPEECH_CASES = {
    "said_judgement": (SAID_WEAK, (0, 2), {("France", "criticizes", "Russia", "said_judgement")}),
    "speaker_accusation": (SAID_VIOLATED, (0, 2), {("France", "accuses", "Russia", "speaker_accusation")}),
    # France said it was unfortunate that Russia had refused a visit.
    "extraposed_judgement": ("""
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        it         it         PRON  PRP nsubj  3
        was        be         AUX   VBD ccomp  1
        unfortunate unfortunate ADJ JJ  acomp  3
        that       that       SCONJ IN  mark   8
        Russia     Russia     PROPN NNP nsubj  8 GPE
        had        have       AUX   VBD aux    8
        refused    refuse     VERB  VBN ccomp  3
        a          a          DET   DT  det    10
        visit      visit      NOUN  NN  dobj   8
        .          .          PUNCT .   punct  1
    """, (0, 6), {("France", "criticizes", "Russia", "extraposed_judgement")}),
    # France called Russia a liar.
    "labelled": (CALLED_LIAR, (0, 2), {("France", "accuses", "Russia", "labelled")}),
    # Ukraine rejected allegations by Russia that France violated the ceasefire: the allegation was
    # made (a rejected charge is still made, and not negated), and Ukraine rejects its maker.
    "claim_clause": ("""
        Ukraine     Ukraine     PROPN NNP nsubj 1 GPE
        rejected    reject      VERB  VBD ROOT  1
        allegations allegation  NOUN  NNS dobj  1
        by          by          ADP   IN  prep  2
        Russia      Russia      PROPN NNP pobj  3 GPE
        that        that        SCONJ IN  mark  7
        France      France      PROPN NNP nsubj 7 GPE
        violated    violate     VERB  VBD acl   2
        the         the         DET   DT  det   9
        ceasefire   ceasefire   NOUN  NN  dobj  7
        .           .           PUNCT .   punct 1
    """, (0, 4, 6), {("Ukraine", "rejects", "Russia", "direct_object"), ("Russia", "accuses", "France", "claim_clause")}),
}


# The same constructions with the word the rules depend on changed: nobody is accused.
NO_ACCUSATION = {
    # France denied that Russia violated the ceasefire: a denial, not an accusation.
    "denied": SAID_VIOLATED.replace("said       say ", "denied     deny"),
    # Russia violated the ceasefire: nobody says so.
    "unsaid": """
        Russia     Russia     PROPN NNP nsubj 1 GPE
        violated   violate    VERB  VBD ROOT  1
        the        the        DET   DT  det   3
        ceasefire  ceasefire  NOUN  NN  dobj  1
        .          .          PUNCT .   punct 1
    """,
    # France said Russia did not violate the ceasefire.
    "negated clause": """
        France     France     PROPN NNP nsubj 1 GPE
        said       say        VERB  VBD ROOT  1
        Russia     Russia     PROPN NNP nsubj 5 GPE
        did        do         AUX   VBD aux   5
        not        not        PART  RB  neg   5
        violate    violate    VERB  VB  ccomp 1
        the        the        DET   DT  det   7
        ceasefire  ceasefire  NOUN  NN  dobj  5
        .          .          PUNCT .   punct 1
    """,
    # France said the problem lies in Russia: a place, not a lie.
    "lies in": """
        France     France     PROPN NNP nsubj 1 GPE
        said       say        VERB  VBD ROOT  1
        the        the        DET   DT  det   3
        problem    problem    NOUN  NN  nsubj 4
        lies       lie        VERB  VBZ ccomp 1
        in         in         ADP   IN  prep  4
        Russia     Russia     PROPN NNP pobj  5 GPE
        .          .          PUNCT .   punct 1
    """,
}


@pytest.mark.parametrize("name", sorted(NO_ACCUSATION))
def test_no_accusation_without_a_speaker_saying_it(name):
    table = NO_ACCUSATION[name]
    actors = tuple(i for i, line in enumerate(table.strip().splitlines()) if line.split()[0] in {"France", "Russia"})
    assert not any(relation == "accuses" for _, relation, _, _, _ in found(table, actors))


def test_a_judgement_with_an_actor_for_subject_is_no_extraposition():
    """"Russia was unfortunate": no "it", no clause; the speaker judges nobody."""
    table = """
        France     France     PROPN NNP nsubj 1 GPE
        said       say        VERB  VBD ROOT  1
        Russia     Russia     PROPN NNP nsubj 3 GPE
        was        be         AUX   VBD ccomp 1
        unfortunate unfortunate ADJ JJ  acomp 3
        .          .          PUNCT .   punct 1
    """
    assert found(table, (0, 2)) == set()


def test_a_pronoun_is_not_accused():
    """"France said he violated the ceasefire": whoever "he" is, the speaker does not name him."""
    table = SAID_VIOLATED.replace("Russia     Russia     PROPN NNP nsubj 3 GPE", "he         he         PRON  PRP nsubj 3")
    assert found(table, {0: "France", 2: "Netanyahu"}) == set()


def test_a_for_clause_is_extraposed_too():
    """"France said it was unacceptable for Russia to strike": France criticises Russia."""
    table = """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        it         it         PRON  PRP nsubj  3
        was        be         AUX   VBD ccomp  1
        unacceptable unacceptable ADJ JJ acomp 3
        for        for        SCONJ IN  mark   8
        Russia     Russia     PROPN NNP nsubj  8 GPE
        to         to         PART  TO  aux    8
        strike     strike     VERB  VB  advcl  3
        .          .          PUNCT .   punct  1
    """
    assert ("France", "criticizes", "Russia", False, "extraposed_judgement") in found(table, (0, 6))


def test_labels_judge_by_their_words():
    """"called Russia a threat" criticizes; "called Russia a partner" states nothing; "portrayed
    Russia as a pay-to-play operation" (a phrase, the "as" complement) accuses; "did not call
    Russia a liar" is the accusation negated; "threatened to call Russia a liar" is no event."""
    assert found(CALLED_LIAR.replace("liar       liar ", "threat     threat"), (0, 2)) == {("France", "criticizes", "Russia", False, "labelled")}
    assert found(CALLED_LIAR.replace("liar       liar ", "partner    partner"), (0, 2)) == set()
    portrayed = """
        France     France     PROPN NNP  nsubj 1 GPE
        portrayed  portray    VERB  VBD  ROOT  1
        Russia     Russia     PROPN NNP  dobj  1 GPE
        as         as         ADP   IN   prep  1
        a          a          DET   DT   det   10
        pay        pay        VERB  VB   aux   9
        -          -          PUNCT HYPH punct 5
        to         to         PART  TO   aux   9
        -          -          PUNCT HYPH punct 7
        play       play       VERB  VB   amod  10
        operation  operation  NOUN  NN   pobj  3
        .          .          PUNCT .    punct 1
    """
    assert found(portrayed, (0, 2)) == {("France", "accuses", "Russia", False, "labelled")}
    not_called = """
        France     France     PROPN NNP nsubj 3 GPE
        did        do         AUX   VBD aux   3
        not        not        PART  RB  neg   3
        call       call       VERB  VB  ROOT  3
        Russia     Russia     PROPN NNP dobj  3 GPE
        a          a          DET   DT  det   6
        liar       liar       NOUN  NN  oprd  3
        .          .          PUNCT .   punct 3
    """
    assert found(not_called, (0, 4)) == {("France", "accuses", "Russia", True, "labelled")}
    threatened = """
        France     France     PROPN NNP nsubj 1 GPE
        threatened threaten   VERB  VBD ROOT  1
        to         to         PART  TO  aux   3
        call       call       VERB  VB  xcomp 1
        Russia     Russia     PROPN NNP dobj  3 GPE
        a          a          DET   DT  det   6
        liar       liar       NOUN  NN  oprd  3
        .          .          PUNCT .   punct 1
    """
    assert not any(relation == "accuses" for _, relation, _, _, _ in found(threatened, (0, 4)))


def test_a_charge_names_its_maker_on_the_noun():
    """"France denied allegations that Russia violated the ceasefire" has no maker on the noun (the
    phrase "deny allegation" is the denial): nobody accuses Russia; "Ukraine's allegation that he
    violated ..." names nobody accused."""
    table = """
        Ukraine     Ukraine     PROPN NNP nsubj 1 GPE
        rejected    reject      VERB  VBD ROOT  1
        allegations allegation  NOUN  NNS dobj  1
        that        that        SCONJ IN  mark  5
        Russia      Russia      PROPN NNP nsubj 5 GPE
        violated    violate     VERB  VBD acl   2
        the         the         DET   DT  det   7
        ceasefire   ceasefire   NOUN  NN  dobj  5
        .           .           PUNCT .   punct 1
    """
    assert not any(relation == "accuses" for _, relation, _, _, _ in found(table, (0, 4)))
    possessed = """
        Ukraine     Ukraine     PROPN NNP  poss  2 GPE
        's          's          PART  POS  case  0
        allegation  allegation  NOUN  NN   ROOT  2
        that        that        SCONJ IN   mark  5
        he          he          PRON  PRP  nsubj 5
        violated    violate     VERB  VBD  acl   2
        the         the         DET   DT   det   7
        ceasefire   ceasefire   NOUN  NN   dobj  5
        .           .           PUNCT .    punct 2
    """
    assert found(possessed, {0: "Ukraine", 4: "Russia"}) == set()
    named = possessed.replace("he          he          PRON  PRP ", "Russia      Russia      PROPN NNP ")
    assert found(named, (0, 4)) == {("Ukraine", "accuses", "Russia", False, "claim_clause")}


# France said Russia was not truthful.
NOT_TRUTHFUL = """
    France   France   PROPN NNP  nsubj     1 GPE
    said     say      VERB  VBD  ROOT      1
    Russia   Russia   PROPN NNP  nsubj     3 GPE
    was      be       AUX   VBD  ccomp     1
    not      not      PART  RB   neg       3
    truthful truthful ADJ   JJ   acomp     3
    .        .        PUNCT .    punct     1
"""


def test_a_negated_predicate_of_honesty_is_the_accusation():
    """"France said Russia was not truthful" accuses Russia, not negated; "was truthful" accuses
    nobody."""
    assert found(NOT_TRUTHFUL, (0, 2)) == {("France", "accuses", "Russia", False, "speaker_accusation")}
    affirmed = """
        France   France   PROPN NNP  nsubj     1 GPE
        said     say      VERB  VBD  ROOT      1
        Russia   Russia   PROPN NNP  nsubj     3 GPE
        was      be       AUX   VBD  ccomp     1
        truthful truthful ADJ   JJ   acomp     3
        .        .        PUNCT .    punct     1
    """
    assert found(affirmed, (0, 2)) == set()


def test_a_judging_word_said_of_an_actor_judges_it():
    """"France said Russia was weak" criticizes Russia (reported); "'Russia is doing a great job,'
    France said" praises it; "France said Russia was corrupt" accuses it; "France said Russia's
    decision was a mistake" criticizes the decision's maker."""
    assert found(SAID_WEAK, (0, 2)) == {("France", "criticizes", "Russia", False, "said_judgement")}
    great_job = """
        Russia     Russia     PROPN NNP nsubj  2 GPE
        is         be         AUX   VBZ aux    2
        doing      do         VERB  VBG ccomp  8
        a          a          DET   DT  det    5
        great      great      ADJ   JJ  amod   5
        job        job        NOUN  NN  dobj   2
        ,          ,          PUNCT ,   punct  8
        France     France     PROPN NNP nsubj  8 GPE
        said       say        VERB  VBD ROOT   8
        .          .          PUNCT .   punct  8
    """
    assert found(great_job, (0, 7)) == {("France", "praises", "Russia", False, "said_judgement")}
    corrupt = SAID_WEAK.replace("weak       weak ", "corrupt    corrupt")
    assert found(corrupt, (0, 2)) == {("France", "accuses", "Russia", False, "said_judgement")}
    decision = """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        Russia     Russia     PROPN NNP poss   4 GPE
        's         's         PART  POS case   2
        decision   decision   NOUN  NN  nsubj  5
        was        be         AUX   VBD ccomp  1
        a          a          DET   DT  det    7
        mistake    mistake    NOUN  NN  attr   5
        .          .          PUNCT .   punct  1
    """
    assert found(decision, (0, 2)) == {("France", "criticizes", "Russia", False, "said_judgement")}
    # "Russia's economy was a mistake": an economy is no act of Russia's; nobody is judged
    assert found(decision.replace("decision   decision ", "economy    economy  "), (0, 2)) == set()


# The same constructions with the word the rule depends on changed: nobody is judged.
NO_JUDGEMENT = {
    # France said Russia was not weak.
    "negated": """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        Russia     Russia     PROPN NNP nsubj  3 GPE
        was        be         AUX   VBD ccomp  1
        not        not        PART  RB  neg    3
        weak       weak       ADJ   JJ  acomp  3
        .          .          PUNCT .   punct  1
    """,
    # France said Russia was no dictator.
    "no dictator": """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        Russia     Russia     PROPN NNP nsubj  3 GPE
        was        be         AUX   VBD ccomp  1
        no         no         DET   DT  det    5
        dictator   dictator   NOUN  NN  attr   3
        .          .          PUNCT .   punct  1
    """,
    # Russia was weak: nobody says so.
    "unsaid": """
        Russia     Russia     PROPN NNP nsubj  1 GPE
        was        be         AUX   VBD ROOT   1
        weak       weak       ADJ   JJ  acomp  1
        .          .          PUNCT .   punct  1
    """,
    # France said he was weak: a pronoun is not named.
    "pronoun": SAID_WEAK.replace("Russia     Russia     PROPN NNP nsubj  3 GPE", "he         he         PRON  PRP nsubj  3"),
    # France said Russia was a critic of the weak: the word judges someone else.
    "deeper word": """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        Russia     Russia     PROPN NNP nsubj  3 GPE
        was        be         AUX   VBD ccomp  1
        a          a          DET   DT  det    5
        critic     critic     NOUN  NN  attr   3
        of         of         ADP   IN  prep   5
        the        the        DET   DT  det    8
        weak       weak       ADJ   JJ  pobj   6
        .          .          PUNCT .   punct  1
    """,
    # France said Russia was a great choice: a label that judges nothing.
    "great choice": """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        Russia     Russia     PROPN NNP nsubj  3 GPE
        was        be         AUX   VBD ccomp  1
        a          a          DET   DT  det    6
        great      great      ADJ   JJ  amod   6
        choice     choice     NOUN  NN  attr   3
        .          .          PUNCT .   punct  1
    """,
}


@pytest.mark.parametrize("name", sorted(NO_JUDGEMENT))
def test_no_judgement_unless_said_of_a_named_actor(name):
    table = NO_JUDGEMENT[name]
    actors = tuple(i for i, line in enumerate(table.strip().splitlines()) if line.split()[0] in {"France", "Russia"})
    assert found(table, actors) == set()


def test_the_speaker_of_a_trailing_saying_is_the_one_it_comes_from():
    """"France blamed Ukraine, saying Russia violated the ceasefire": France says it."""
    table = """
        France     France     PROPN NNP nsubj  1 GPE
        blamed     blame      VERB  VBD ROOT   1
        Ukraine    Ukraine    PROPN NNP dobj   1 GPE
        ,          ,          PUNCT ,   punct  1
        saying     say        VERB  VBG advcl  1
        Russia     Russia     PROPN NNP nsubj  6 GPE
        violated   violate    VERB  VBD ccomp  4
        the        the        DET   DT  det    8
        ceasefire  ceasefire  NOUN  NN  dobj   6
        .          .          PUNCT .   punct  1
    """
    assert ("France", "accuses", "Russia", False, "speaker_accusation") in found(table, (0, 2, 5))


def test_a_conjunct_with_a_subject_of_its_own_is_not_the_speakers_charge_of_the_first():
    """"France said Russia will return and the actions violate the ceasefire": the actions
    violate it, not Russia."""
    table = """
        France     France     PROPN NNP nsubj  1 GPE
        said       say        VERB  VBD ROOT   1
        Russia     Russia     PROPN NNP nsubj  4 GPE
        will       will       AUX   MD  aux    4
        return     return     VERB  VB  ccomp  1
        and        and        CCONJ CC  cc     4
        the        the        DET   DT  det    7
        actions    action     NOUN  NNS nsubj  8
        violate    violate    VERB  VBP conj   4
        the        the        DET   DT  det    10
        ceasefire  ceasefire  NOUN  NN  dobj   8
        .          .          PUNCT .   punct  1
    """
    assert found(table, (0, 2)) == set()


def test_a_person_judging_his_own_state_speaks_for_it():
    """"Netanyahu said Israel was weak": the speaker's own state is the side he speaks for, not
    one he criticizes (ANNOTATION_NOTES); "said Russia was weak" still criticizes Russia."""
    from dataclasses import replace

    from graphkit.models import Actor

    table = SAID_WEAK.replace("France     France ", "Netanyahu  Netanyahu")
    doc, mentions = parse(table, {0: "Netanyahu", 2: "Israel"})
    countries = {"Netanyahu": "ISR", "Israel": "ISR"}
    mentions = [replace(m, actor=Actor(m.actor.id, m.actor.label, m.actor.type, country=countries[m.actor.label])) for m in mentions]
    assert list(extract_relations(doc, mentions, article(doc), VOCAB, ActorKnowledge())) == []
    assert found(table, {0: "Netanyahu", 2: "Russia"}) == {("Netanyahu", "criticizes", "Russia", False, "said_judgement")}


def test_he_or_she_resolved_may_judge_it_or_they_may_not():
    """"'Russia is weak,' she said" with "she" resolved judges Russia; "it" resolved to a state
    (too often the wrong one on wire copy) judges nobody."""
    from dataclasses import replace

    table = SAID_WEAK.replace("France     France     PROPN NNP nsubj  1 GPE", "she        she        PRON  PRP nsubj  1")
    doc, mentions = parse(table, {0: "Netanyahu", 2: "Russia"})
    resolved = [replace(m, how="pronoun") if m.text == "she" else m for m in mentions]
    found_ = {(r.source.label, r.relation, r.target.label) for r in extract_relations(doc, resolved, article(doc), VOCAB, ActorKnowledge())}
    assert found_ == {("Netanyahu", "criticizes", "Russia")}
    it_table = table.replace("she        she ", "it         it  ")
    doc, mentions = parse(it_table, {0: "France", 2: "Russia"})
    resolved = [replace(m, how="pronoun") if m.text == "it" else m for m in mentions]
    assert list(extract_relations(doc, resolved, article(doc), VOCAB, ActorKnowledge())) == []
