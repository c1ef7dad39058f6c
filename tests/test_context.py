"""Each registered context cue on a hand-built Doc (tests/handbuilt.py): no model needed.

A case is the model's parse of the sentence in its comment, the trigger word, the effect the cue
must yield on some step of the path from the trigger to the root, and the statement's whole
context (negated, modality, speaker)."""

from __future__ import annotations

import pytest
from test_speech import NOT_TRUTHFUL

from graphkit.descriptions import ActorKnowledge
from graphkit.relations import CUES, statement_context
from graphkit.relations.context import walk
from graphkit.relations.endpoints import Endpoints

from handbuilt import parse

# cue -> (table, actors, trigger index, effect, (negated, modality, speaker))
CASES = {
    # France said Russia was not truthful: the accusation, not negated (speech.py accuses Russia).
    "negated_honesty": (NOT_TRUTHFUL, (0, 2), 5, "invert", (False, "reported", "France")),
    # Russia did not attack Ukraine.
    "negation_particle": ("""
        Russia   Russia   PROPN NNP  nsubj     3 GPE
        did      do       AUX   VBD  aux       3
        not      not      PART  RB   neg       3
        attack   attack   VERB  VB   ROOT      3
        Ukraine  Ukraine  PROPN NNP  dobj      3 GPE
        .        .        PUNCT .    punct     3
    """, (0, 4), 3, "negate", (True, "asserted", None)),
    # There was no attack on Ukraine.
    "no_determiner": ("""
        There    there    PRON  EX   expl      1
        was      be       VERB  VBD  ROOT      1
        no       no       DET   DT   det       3
        attack   attack   NOUN  NN   attr      1
        on       on       ADP   IN   prep      3
        Ukraine  Ukraine  PROPN NNP  pobj      4 GPE
        .        .        PUNCT .    punct     1
    """, (5,), 3, "negate", (True, "asserted", None)),
    # Russia could attack Ukraine.
    "modal_auxiliary": ("""
        Russia   Russia   PROPN NNP  nsubj     2 GPE
        could    could    AUX   MD   aux       2
        attack   attack   VERB  VB   ROOT      2
        Ukraine  Ukraine  PROPN NNP  dobj      2 GPE
        .        .        PUNCT .    punct     2
    """, (0, 3), 2, "hypothetical", (False, "hypothetical", None)),
    # If Russia attacks Ukraine, France will respond.
    "conditional_mark": ("""
        If       if       SCONJ IN   mark      2
        Russia   Russia   PROPN NNP  nsubj     2 GPE
        attacks  attack   VERB  VBZ  advcl     7
        Ukraine  Ukraine  PROPN NNP  dobj      2 GPE
        ,        ,        PUNCT ,    punct     7
        France   France   PROPN NNP  nsubj     7 GPE
        will     will     AUX   MD   aux       7
        respond  respond  VERB  VB   ROOT      7
        .        .        PUNCT .    punct     7
    """, (1, 3, 5), 2, "hypothetical", (False, "hypothetical", None)),
    # Russia will attack Ukraine if Germany helps: planned, but on a condition.
    "conditional_clause": ("""
        Russia   Russia   PROPN NNP  nsubj     2 GPE
        will     will     AUX   MD   aux       2
        attack   attack   VERB  VB   ROOT      2
        Ukraine  Ukraine  PROPN NNP  dobj      2 GPE
        if       if       SCONJ IN   mark      6
        Germany  Germany  PROPN NNP  nsubj     6 GPE
        helps    help     VERB  VBZ  advcl     2
        .        .        PUNCT .    punct     2
    """, (0, 3, 5), 2, "hypothetical", (False, "hypothetical", None)),
    # Russia reportedly attacked Ukraine.
    "reported_adverb": ("""
        Russia      Russia      PROPN NNP  nsubj     2 GPE
        reportedly  reportedly  ADV   RB   advmod    2
        attacked    attack      VERB  VBD  ROOT      2
        Ukraine     Ukraine     PROPN NNP  dobj      2 GPE
        .           .           PUNCT .    punct     2
    """, (0, 3), 2, "reported", (False, "reported", None)),
    # Russia attacked Ukraine, according to Reuters.
    "according_to": ("""
        Russia     Russia     PROPN NNP  nsubj     1 GPE
        attacked   attack     VERB  VBD  ROOT      1
        Ukraine    Ukraine    PROPN NNP  dobj      1 GPE
        ,          ,          PUNCT ,    punct     1
        according  accord     VERB  VBG  prep      1
        to         to         ADP   IN   prep      4
        Reuters    Reuters    PROPN NNP  pobj      5 ORG
        .          .          PUNCT .    punct     1
    """, (0, 2, 6), 1, "reported", (False, "reported", "Reuters")),
    # Russia failed to attack Ukraine.
    "negative_governor": ("""
        Russia   Russia   PROPN NNP  nsubj     1 GPE
        failed   fail     VERB  VBD  ROOT      1
        to       to       PART  TO   aux       3
        attack   attack   VERB  VB   xcomp     1
        Ukraine  Ukraine  PROPN NNP  dobj      3 GPE
        .        .        PUNCT .    punct     1
    """, (0, 4), 3, "invert", (True, "asserted", None)),
    # Iran denied that Russia attacked Ukraine.
    "denial": ("""
        Iran      Iran      PROPN NNP  nsubj     1 GPE
        denied    deny      VERB  VBD  ROOT      1
        that      that      SCONJ IN   mark      4
        Russia    Russia    PROPN NNP  nsubj     4 GPE
        attacked  attack    VERB  VBD  ccomp     1
        Ukraine   Ukraine   PROPN NNP  dobj      4 GPE
        .         .         PUNCT .    punct     1
    """, (0, 3, 5), 4, "negate", (True, "reported", "Iran")),
    # Russia plans to attack Ukraine.
    "planned_governor": ("""
        Russia   Russia   PROPN NNP  nsubj     1 GPE
        plans    plan     VERB  VBZ  ROOT      1
        to       to       PART  TO   aux       3
        attack   attack   VERB  VB   xcomp     1
        Ukraine  Ukraine  PROPN NNP  dobj      3 GPE
        .        .        PUNCT .    punct     1
    """, (0, 4), 3, "planned", (False, "planned", None)),
    # France urged Germany to support Ukraine: asked for, not done.
    "object_control": ("""
        France   France   PROPN NNP  nsubj     1 GPE
        urged    urge     VERB  VBD  ROOT      1
        Germany  Germany  PROPN NNP  dobj      1 GPE
        to       to       PART  TO   aux       4
        support  support  VERB  VB   xcomp     1
        Ukraine  Ukraine  PROPN NNP  dobj      4 GPE
        .        .        PUNCT .    punct     1
    """, (0, 2, 5), 4, "hypothetical", (False, "hypothetical", None)),
    # Germany fears that Russia attacked Ukraine.
    "hypothetical_governor": ("""
        Germany   Germany   PROPN NNP  nsubj     1 GPE
        fears     fear      VERB  VBZ  ROOT      1
        that      that      SCONJ IN   mark      4
        Russia    Russia    PROPN NNP  nsubj     4 GPE
        attacked  attack    VERB  VBD  ccomp     1
        Ukraine   Ukraine   PROPN NNP  dobj      4 GPE
        .         .         PUNCT .    punct     1
    """, (0, 3, 5), 4, "hypothetical", (False, "hypothetical", None)),
    # Russia is likely to attack Ukraine.
    "hypothetical_raising": ("""
        Russia   Russia   PROPN NNP  nsubj     1 GPE
        is       be       AUX   VBZ  ROOT      1
        likely   likely   ADJ   JJ   acomp     1
        to       to       PART  TO   aux       4
        attack   attack   VERB  VB   xcomp     2
        Ukraine  Ukraine  PROPN NNP  dobj      4 GPE
        .        .        PUNCT .    punct     1
    """, (0, 5), 4, "hypothetical", (False, "hypothetical", None)),
    # France said Russia attacked Ukraine.
    "reporting_verb": ("""
        France    France    PROPN NNP  nsubj     1 GPE
        said      say       VERB  VBD  ROOT      1
        Russia    Russia    PROPN NNP  nsubj     3 GPE
        attacked  attack    VERB  VBD  ccomp     1
        Ukraine   Ukraine   PROPN NNP  dobj      3 GPE
        .         .         PUNCT .    punct     1
    """, (0, 2, 4), 3, "reported", (False, "reported", "France")),
    # Russia is said to have attacked Ukraine.
    "passive_say": ("""
        Russia    Russia    PROPN NNP  nsubjpass 2 GPE
        is        be        AUX   VBZ  auxpass   2
        said      say       VERB  VBN  ROOT      2
        to        to        PART  TO   aux       5
        have      have      AUX   VB   aux       5
        attacked  attack    VERB  VBN  xcomp     2
        Ukraine   Ukraine   PROPN NNP  dobj      5 GPE
        .         .         PUNCT .    punct     2
    """, (0, 6), 5, "reported", (False, "reported", None)),
    # Should Russia attack Ukraine, France would respond.
    "inverted_conditional": ("""
        Should   should   AUX   MD   aux       2
        Russia   Russia   PROPN NNP  nsubj     2 GPE
        attack   attack   VERB  VB   advcl     7
        Ukraine  Ukraine  PROPN NNP  dobj      2 GPE
        ,        ,        PUNCT ,    punct     7
        France   France   PROPN NNP  nsubj     7 GPE
        would    would    AUX   MD   aux       7
        respond  respond  VERB  VB   ROOT      7
        .        .        PUNCT .    punct     7
    """, (1, 3, 5), 2, "hypothetical", (False, "hypothetical", None)),
}

PLAIN = """
    Russia    Russia    PROPN NNP  nsubj     1 GPE
    attacked  attack    VERB  VBD  ROOT      1
    Ukraine   Ukraine   PROPN NNP  dobj      1 GPE
    .         .         PUNCT .    punct     1
"""


def context_of(table: str, actors, trigger: int, other_triggers=frozenset()):
    doc, mentions = parse(table, actors)
    endpoints = Endpoints(doc, mentions, ActorKnowledge())
    return doc[trigger], endpoints, statement_context(doc[trigger], endpoints, other_triggers)


def effects(cue_name: str, token, endpoints) -> list[str]:
    return [effect for step in walk(token) for effect, _ in CUES[cue_name](step, endpoints)]


@pytest.mark.parametrize("name", sorted(CASES))
def test_cue_on_a_hand_built_doc(name):
    table, actors, trigger, effect, expected = CASES[name]
    token, endpoints, context = context_of(table, actors, trigger)
    assert effect in effects(name, token, endpoints)
    speaker = context.attributed_to.actor.label if context.attributed_to else None
    assert (context.negated, context.modality, speaker) == expected


@pytest.mark.parametrize("name", sorted(CUES))
def test_no_cue_fires_on_a_plain_statement(name):
    token, endpoints, context = context_of(PLAIN, (0, 2), 1)
    assert effects(name, token, endpoints) == []
    assert (context.negated, context.modality, context.attributed_to) == (False, "asserted", None)


def test_a_negative_governor_negates_even_when_it_is_another_event():
    """"Russia refused to attack": the refusal is itself a rejection, and the attack did not
    happen; a negation particle on another event stays with it (the test below)."""
    table, actors, trigger, _, _ = CASES["negative_governor"]
    assert context_of(table, actors, trigger, frozenset({1}))[2].negated is True


def test_a_negation_particle_of_another_event_stays_with_it():
    """"Ukraine had not condemned Russia's attack": the attack happened."""
    table = """
        Ukraine    Ukraine    PROPN NNP nsubj 3 GPE
        had        have       AUX   VBD aux   3
        not        not        PART  RB  neg   3
        condemned  condemn    VERB  VBN ROOT  3
        Russia     Russia     PROPN NNP poss  6 GPE
        's         's         PART  POS case  4
        attack     attack     NOUN  NN  dobj  3
        .          .          PUNCT .   punct 3
    """
    assert context_of(table, (0, 4), 6, frozenset({3}))[2].negated is False
    assert context_of(table, (0, 4), 3)[2].negated is True


def test_a_negated_verb_of_an_event_subject_negates_only_an_occurrence():
    """"Russia's attack will not be affected": what happens to the attack is negated, not the
    attack; "Russia's attack did not happen" (occurrence_verbs) denies it."""
    table = """
        Russia     Russia     PROPN NNP poss      2 GPE
        's         's         PART  POS case      0
        attack     attack     NOUN  NN  nsubjpass 6
        will       will       AUX   MD  aux       6
        not        not        PART  RB  neg       6
        be         be         AUX   VB  auxpass   6
        affected   affect     VERB  VBN ROOT      6
        .          .          PUNCT .   punct     6
    """
    assert context_of(table, (0,), 2)[2].negated is False
    happened = table.replace("affected   affect     VERB  VBN ROOT", "happen     happen     VERB  VB  ROOT ").replace("nsubjpass", "nsubj    ")
    assert context_of(happened, (0,), 2)[2].negated is True


def test_a_phrasal_negative_governor():
    """"Russia held off criticising Ukraine": the parser makes the event an adverbial clause."""
    table = """
        Russia      Russia     PROPN NNP nsubj 1 GPE
        held        hold       VERB  VBD ROOT  1
        off         off        ADP   RP  prt   1
        criticising criticise  VERB  VBG advcl 1
        Ukraine     Ukraine    PROPN NNP dobj  3 GPE
        .           .          PUNCT .   punct 1
    """
    assert context_of(table, (0, 4), 3)[2].negated is True
    assert context_of(table.replace("off         off        ADP   RP  prt", "up          up         ADP   RP  prt"), (0, 4), 3)[2].negated is False


def test_a_skipped_meeting_was_not_held():
    """"Russia skipped a meeting with Ukraine" (negative_governors: skip, miss)."""
    table = """
        Russia      Russia     PROPN NNP nsubj 1 GPE
        skipped     skip       VERB  VBD ROOT  1
        a           a          DET   DT  det   3
        meeting     meeting    NOUN  NN  dobj  1
        with        with       ADP   IN  prep  3
        Ukraine     Ukraine    PROPN NNP pobj  4 GPE
        .           .          PUNCT .   punct 1
    """
    assert context_of(table, (0, 5), 3)[2].negated is True
    assert context_of(table.replace("skipped     skip ", "chaired     chair"), (0, 5), 3)[2].negated is False


def test_a_negative_governor_with_from():
    """"Russia refrained from criticising Ukraine": the event is the object of "from"."""
    table = """
        Russia      Russia     PROPN NNP nsubj 1 GPE
        refrained   refrain    VERB  VBD ROOT  1
        from        from       ADP   IN  prep  1
        criticising criticise  VERB  VBG pcomp 2
        Ukraine     Ukraine    PROPN NNP dobj  3 GPE
        .           .          PUNCT .   punct 1
    """
    assert context_of(table, (0, 4), 3)[2].negated is True
    assert context_of(table.replace("refrained   refrain ", "profited    profit  "), (0, 4), 3)[2].negated is False


def test_will_is_planned_and_the_stronger_modality_wins():
    table = CASES["modal_auxiliary"][0].replace("could    could", "will     will ")
    assert context_of(table, (0, 3), 2)[2].modality == "planned"
    assert context_of(CASES["conditional_clause"][0], (0, 3, 5), 2)[2].modality == "hypothetical"  # "will ... if"


def test_every_registered_cue_has_a_unit_test():
    untested = set(CUES) - set(CASES)
    assert not untested, f"add a hand-built Doc to CASES for {sorted(untested)}"
    assert not set(CASES) - set(CUES), f"CASES names cues that are not registered: {sorted(set(CASES) - set(CUES))}"


def test_a_verb_joined_by_or_shares_its_heads_negation():
    """"Ukraine did not condemn or sanction Russia": neither happened; with "and" and a subject of
    its own ("did not condemn Russia and Ukraine sanctioned it") the second verb stands alone."""
    table = """
        Ukraine    Ukraine    PROPN NNP nsubj 3 GPE
        did        do         AUX   VBD aux   3
        not        not        PART  RB  neg   3
        condemn    condemn    VERB  VB  ROOT  3
        or         or         CCONJ CC  cc    3
        sanction   sanction   VERB  VB  conj  3
        Russia     Russia     PROPN NNP dobj  5 GPE
        .          .          PUNCT .   punct 3
    """
    assert context_of(table, (0, 6), 5, frozenset({3}))[2].negated is True
    conjunction = table.replace("or         or         CCONJ CC  cc ", "and        and        CCONJ CC  cc ")
    assert context_of(conjunction, (0, 6), 5, frozenset({3}))[2].negated is False


def test_not_winning_a_war_still_fights_it():
    """"The United States is not winning the war against the Taliban": the war is fought."""
    table = """
        Ukraine    Ukraine    PROPN NNP nsubj 3 GPE
        is         be         AUX   VBZ aux   3
        not        not        PART  RB  neg   3
        winning    win        VERB  VBG ROOT  3
        the        the        DET   DT  det   5
        war        war        NOUN  NN  dobj  3
        against    against    ADP   IN  prep  5
        Russia     Russia     PROPN NNP pobj  6 GPE
        .          .          PUNCT .   punct 3
    """
    assert context_of(table, (0, 7), 5)[2].negated is False
    assert context_of(table.replace("winning    win ", "starting   start"), (0, 7), 5)[2].negated is True


def test_a_gerund_after_a_preposition_is_a_clause_of_its_own():
    """"After meeting Russia, Ukraine did not comment": the parser hangs the gerund on the
    preposition (no advcl), but the main verb's negation stays outside it; without "After" the
    gerund would be the main clause's own."""
    table = """
        After      after      ADP   IN  prep  7
        meeting    meet       VERB  VBG pcomp 0
        Russia     Russia     PROPN NNP dobj  1 GPE
        ,          ,          PUNCT ,   punct 7
        Ukraine    Ukraine    PROPN NNP nsubj 7 GPE
        did        do         AUX   VBD aux   7
        not        not        PART  RB  neg   7
        comment    comment    VERB  VB  ROOT  7
        .          .          PUNCT .   punct 7
    """
    assert context_of(table, (2, 4), 1)[2].negated is False
    assert context_of(table.replace("After      after ", "By         by    "), (2, 4), 1)[2].negated is True
