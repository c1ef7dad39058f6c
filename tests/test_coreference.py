"""Plural references: "they" for a list of actors, "the two leaders", and the cases where a
reference is left unresolved because a wrong antecedent is worse than none. The resolver cases
run the model (helpers.analyse); the endpoint cases use hand-built Docs."""

from __future__ import annotations

import re

import pytest

from graphkit.descriptions import ActorKnowledge
from graphkit.models import Mention
from graphkit.relations.endpoints import Endpoints

from handbuilt import ACTORS, parse
from helpers import analyse, triples


def referents(text: str, phrase: str, occurrence: int = 1, date: str = "2017-06-01") -> list[str]:
    """The labels of every mention over the ``occurrence``-th ``phrase``, in the order found."""
    result = analyse(text, date)
    start = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", result.article.text)][occurrence - 1]
    return sorted(m.actor.label for m in result.mentions if not m.nested and m.start_char == start and m.end_char == start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase", "labels"),
    [
        ("Putin and Trump met in Hamburg on Friday. They criticized NATO.", "They", ["Donald Trump", "Vladimir Putin"]),
        ("Russia and Belarus held drills near the border. Their troops later crossed into Ukraine.", "Their troops",
         ["Belarusian armed forces", "Russian Armed Forces"]),
        ("Donald Trump met Chinese President Xi Jinping in Florida. The two leaders agreed to hold talks.", "The two leaders",
         ["Donald Trump", "Xi Jinping"]),
        ("Donald Trump met Chinese President Xi Jinping in Florida, where both countries signed a deal.", "both countries",
         ["China", "United States"]),
    ],
    ids=["they-for-a-list", "their-troops-for-each-state", "the-two-leaders", "both-countries"],
)
def test_a_plural_reference_stands_for_each_actor_of_the_list(text, phrase, labels):
    assert referents(text, phrase) == labels


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # asylum seekers stand between: "they" may be them
        ("The U.S. side asked Canada for details of the asylum seekers and how they had entered the United States.", "they"),
        # a spokeswoman and the police she speaks for are one side, not two
        ("RCMP spokeswoman Annie Delisle said the two sides agreed on an action plan.", "the two sides"),
        # three people: which two leaders is not known
        ("Donald Trump, Xi Jinping and Shinzo Abe arrived in Hamburg. The two leaders met on Friday.", "The two leaders"),
        # "two men" without "the" or "both" is anyone
        ("Francois Hollande met Donald Trump in Paris. Two men attacked a church in Normandy.", "Two men"),
        # "U.S." says whose judge it is; it is no party to the case
        ("The U.S. judge overseeing a lawsuit against Trump University told both sides to settle.", "both sides"),
        # settlements stand between the list and "they"
        ("Obama and Netanyahu sparred over Israeli settlements, while Trump has said they should expand.", "they"),
        # the warring parties, not the two mediators, signed
        ("The truce is monitored by representatives of Saudi Arabia, the United States and the two warring parties. "
         "It was signed by both sides.", "both sides"),
    ],
    ids=["people-between", "a-speaker-and-her-body", "three-candidates", "indefinite", "a-modifier-is-no-side", "a-noun-between",
         "parties-between"],
)
def test_a_plural_reference_without_one_clear_antecedent_stays_unresolved(text, phrase):
    assert referents(text, phrase) == []


def test_a_list_that_does_not_act_is_no_antecedent():
    # "in Syria and Iraq" is where, not who: "Their" is the group, as before lists were read
    assert referents("Islamic State holds a foothold in Syria and Iraq. Their defeat would be a milestone.", "Their") == ["Islamic State"]


def test_each_member_of_they_is_an_endpoint():
    found = triples("Russia and Belarus held joint drills on Monday. They later condemned NATO.", "2017-06-01")
    assert {("Russia", "condemns", "NATO"), ("Belarus", "condemns", "NATO")} <= {(s, r, t) for s, r, t, _, _ in found}


def test_a_singular_pronoun_never_takes_one_member_of_they():
    # "he" after "they" (Putin and Trump) is not one of them, but Tillerson
    result = analyse("Putin and Trump met on Friday. They praised Rex Tillerson, and he thanked them.", "2017-07-07")
    he = [m.actor.label for m in result.mentions if m.text == "he"]
    assert he == ["Rex Tillerson"]


# --- endpoints: one token, several mentions (hand-built, no model) --------------------------------------

# They condemned Hamas .
THEY_CONDEMNED = """
    They       they       PRON  PRP nsubj 1
    condemned  condemn    VERB  VBD ROOT  1
    Hamas      Hamas      PROPN NNP dobj  1 ORG
    .          .          PUNCT .   punct 1
"""


def test_endpoints_give_every_mention_over_the_same_words():
    doc, mentions = parse(THEY_CONDEMNED, {2: "Hamas"})
    they = [Mention(ACTORS[name], "They", 0, 4, 0, how="pronoun") for name in ("Israel", "Germany")]
    endpoints = Endpoints(doc, sorted([*mentions, *they], key=lambda m: m.start_char), ActorKnowledge())
    assert [m.actor.label for m in endpoints.at(doc[0])] == ["Israel", "Germany"]
    assert [m.actor.label for m in endpoints.at(doc[2])] == ["Hamas"]


# --- singular pronouns: the subject a pronoun stands for, and the one it cannot ------------------------

@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        # an object pronoun is not its own clause's subject, nor the subject its verb takes
        ("Trump spoke by phone with German Chancellor Angela Merkel. A statement said Trump spoke to Merkel to congratulate her on "
         "the outcome of the election.", "her", "Angela Merkel"),
        # "He" opening a sentence is the subject of the one before, not its last person
        ("Senate Majority Leader Harry Reid became fed up with Republican attacks on Barack Obama. He changed the rules.", "He", "Harry Reid"),
        # a pronoun inside a clause stands for that clause's subject
        ("White House budget director Mick Mulvaney said Trump will sign the 2017 budget bill when he receives it from Congress.",
         "he", "Donald Trump"),
        # "the agency" as that subject is the agency named before
        ("The Environmental Protection Agency cut its staff. The agency has also removed climate reports from its website.", "its",
         "Environmental Protection Agency"),
        # "them" in "helping them fix" is the object of "helping", whose subject it is not
        ("John Kirby said Iranian military personnel were in Crimea, training Russian troops to fly the drones and helping them "
         "fix technical problems.", "them", "Russian Armed Forces"),
        # a possessive in a phrase put before the subject is that subject's
        ("The New York Times reported that Trump paid no taxes. In its series on the Trump Foundation, The Washington Post "
         "reported that Trump may have violated rules.", "its", "Washington Post"),
    ],
    ids=["not-its-own-subject", "subject-of-the-sentence-before", "subject-of-its-clause", "a-description-as-subject",
         "accusative-subject", "fronted-possessive"],
)
def test_a_pronoun_stands_for_the_salient_subject(text, phrase, label):
    assert referents(text, phrase) == [label]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # "the commission" is no actor here, and "its" is the commission's, not the U.S.'s
        ("The U.S. State Department criticized India. The commission said in its report that India failed.", "its"),
        # an object "it" is most often a thing: no actor from the sentence before
        ("Donald Trump criticized Mexico on Friday. Lawmakers will vote on it next week.", "it"),
        # ... and "it" after "the bill" is the bill, not the White House
        ("White House budget director Mick Mulvaney said Trump will sign the 2017 budget bill when he receives it from Congress.", "it"),
    ],
    ids=["unnamed-subject", "object-it", "a-thing-between"],
)
def test_a_singular_pronoun_without_an_actor_to_stand_for_stays_unresolved(text, phrase):
    assert referents(text, phrase) == []
