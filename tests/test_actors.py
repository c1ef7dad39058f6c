"""Examples of actor resolution: which actor each phrase of a short text names, one rule per row.

``actor_of(text, phrase)`` is the actor of the mention that covers ``phrase`` (its n-th
occurrence), so a row says what the words mean, not where the mention's edges fall.
"""

from __future__ import annotations

import pytest

from graphkit.models import Article, actor_iri
from graphkit.pipeline import Extractor, build

import helpers
from helpers import SHARED, analyse

PETRARCH_COUNTRIES = SHARED / "dictionaries" / "petrarch" / "Phoenix.Countries.actors.txt"
NK_FORCES = "Korean People's Army"  # the knowledge base's North Korean armed forces


def _span(text: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def mention_of(result, phrase: str, occurrence: int = 1, nested: bool = False):
    """The mention covering most of ``phrase`` in an analysed article, or None."""
    start, end = _span(result.article.text, phrase, occurrence)
    overlapping = [
        m for m in result.mentions
        if (nested or not m.nested) and m.start_char < end and start < m.end_char
    ]
    return max(overlapping, key=lambda m: min(end, m.end_char) - max(start, m.start_char), default=None)


def actor_of(text: str, phrase: str, occurrence: int = 1, date: str = "2024-10-31", extractor=None):
    result = _analyse(text, date, extractor)
    mention = mention_of(result, phrase, occurrence)
    return mention.actor if mention else None


def _analyse(text: str, date: str, extractor=None):
    if extractor is None:
        return analyse(text, date)
    return next(extractor.process([Article("t", text, date=date)]))


def _seen(text: str, date: str = "2024-10-31", extractor=None) -> list[tuple]:
    """What the resolver found, for failure messages."""
    return [(m.text, m.actor.label, m.actor.type, m.nested) for m in _analyse(text, date, extractor).mentions]


def _label(actor) -> str | None:
    return actor.label if actor else None


# --- titles and roles ---------------------------------------------------------------------------

TITLED = (
    "US Secretary of State Antony Blinken arrived in Seoul on Wednesday. "
    "Blinken met South Korean diplomats. "
    "Afterwards the US Secretary of State spoke to reporters."
)


def test_a_title_before_a_name_gives_role_affiliation_and_country():
    actor = actor_of(TITLED, "Antony Blinken")
    assert actor is not None, _seen(TITLED)
    assert (actor.label, actor.type, actor.affiliation, actor.country) == ("Antony Blinken", "Person", "United States", "USA")
    assert any(role.title == "Secretary of State" and role.country == "USA" for role in actor.roles), actor.roles


@pytest.mark.parametrize(("phrase", "occurrence"), [("Blinken", 2), ("US Secretary of State", 2)])
def test_later_surname_and_bare_title_are_the_same_person(phrase, occurrence):
    assert _label(actor_of(TITLED, phrase, occurrence)) == "Antony Blinken", _seen(TITLED)


@pytest.mark.parametrize(("date", "holder"), [("2024-10-31", "Antony Blinken"), ("2025-03-01", "Marco Rubio")])
def test_a_bare_title_is_whoever_held_it_on_the_article_date(date, holder):
    text = "The US Secretary of State said Russia had trained North Korean troops."
    assert _label(actor_of(text, "US Secretary of State", date=date)) == holder, _seen(text, date)


# --- names ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("Selenskyj thanked Poland for its support.", "Selenskyj", "Volodymyr Zelensky"),
        ("Zelensky thanked Poland for its support.", "Zelensky", "Volodymyr Zelensky"),
        ("Zelenskyy thanked Poland for its support.", "Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy thanked Poland for its support.", "Zelenskiy", "Volodymyr Zelensky"),
        ("Nebensky defended Russia at the Security Council.", "Nebensky", "Vasily Nebenzya"),
        ("Nebenzia defended Russia at the Security Council.", "Nebenzia", "Vasily Nebenzya"),
    ],
)
def test_spelling_variants_name_one_person(text, phrase, label):
    actor = actor_of(text, phrase)
    assert (_label(actor), actor and actor.type) == (label, "Person"), _seen(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The USA condemned Russia.", "USA"),
        ("The US condemned Russia.", "US"),
        ("The U.S. condemned Russia.", "U.S."),
        ("The United States condemned Russia.", "United States"),
        ("The US government condemned Russia.", "US government"),
        ("Washington condemned Russia.", "Washington"),
    ],
)
def test_a_state_under_all_its_names(text, phrase):
    actor = actor_of(text, phrase)
    assert (_label(actor), actor and actor.type, actor and actor.country) == ("United States", "State", "USA"), _seen(text)


# --- armed forces and organisations -----------------------------------------------------------

FORCES = (
    "North Korean soldiers have arrived in Russia. "
    "North Korean troops were seen near the border. "
    "These North Korean forces could soon be deployed. "
    "The North Koreans have trained for weeks."
)


@pytest.mark.parametrize("phrase", ["North Korean soldiers", "North Korean troops", "North Korean forces", "North Koreans"])
def test_north_korean_soldiers_troops_and_forces_are_the_armed_forces(phrase):
    actor = actor_of(FORCES, phrase)
    assert actor is not None, _seen(FORCES)
    assert (actor.type, actor.affiliation, actor.country) == ("ArmedForce", "North Korea", "PRK"), _seen(FORCES)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (FORCES, NK_FORCES),
        (
            "North Korean troops are in Russia. The US government has not yet seen any combat operations "
            "by the North Koreans against Ukrainian forces.",
            NK_FORCES,
        ),
        ("The North Koreans voted in local elections on Sunday.", "North Korea"),
    ],
    ids=["article-about-troops", "troops-named-in-the-sentence-before", "no-troops-in-the-article"],
)
def test_the_north_koreans_are_the_forces_only_where_the_article_speaks_of_them(text, label):
    assert _label(actor_of(text, "North Koreans")) == label, _seen(text)


def test_all_names_of_the_north_korean_forces_are_one_actor():
    forces = {m.actor.id for m in analyse(FORCES).mentions if not m.nested and m.actor.type == "ArmedForce"}
    assert len(forces) == 1, _seen(FORCES)


def test_an_organisation_of_a_state_is_that_organisation():
    text = "The South Korean secret service reported the deployment."
    actor = actor_of(text, "South Korean secret service")
    assert actor is not None, _seen(text)
    assert (actor.label, actor.type, actor.country) == ("National Intelligence Service", "Organization", "KOR"), _seen(text)


# --- references ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("Antony Blinken arrived in Seoul. He met South Korean diplomats.", "He", "Antony Blinken"),
        ("Russian Ambassador Vasily Nebenzya defended his country's military cooperation with North Korea.", "his country", "Russia"),
        (
            "North Korean troops are in Russia. Should these soldiers engage in combat, they would become targets.",
            "these soldiers", NK_FORCES,
        ),
    ],
)
def test_pronouns_and_descriptions_name_the_actor_they_refer_to(text, phrase, label):
    assert _label(actor_of(text, phrase)) == label, _seen(text)


# --- actors the knowledge base does not know ----------------------------------------------------

UNKNOWN_ONE = "Marta Kowalczyk criticised Russia. The Baltic Freedom Institute accused Russia of sabotage."
UNKNOWN_TWO = "The Baltic Freedom Institute published a report. Marta Kowalczyk presented it in Warsaw."


@pytest.mark.parametrize(
    ("phrase", "label", "actor_type"),
    [("Marta Kowalczyk", "Marta Kowalczyk", "Person"), ("Baltic Freedom Institute", "Baltic Freedom Institute", "Organization")],
)
def test_an_unknown_actor_is_typed_from_named_entities(phrase, label, actor_type):
    actor = actor_of(UNKNOWN_ONE, phrase)
    assert (_label(actor), actor and actor.type) == (label, actor_type), _seen(UNKNOWN_ONE)


def test_unknown_actors_merge_by_name_across_articles():
    articles = [Article("one", UNKNOWN_ONE, date="2024-10-31"), Article("two", UNKNOWN_TWO, date="2024-11-02")]
    G = build(articles, extractor=helpers.extractor()).graph
    for actor_type, label in [("Person", "Marta Kowalczyk"), ("Organization", "Baltic Freedom Institute")]:
        same = [n for n, data in G.nodes(data=True) if "Kowalczyk" in data["label"] or "Freedom Institute" in data["label"]]
        assert actor_iri(actor_type, label) in G, sorted(G.nodes(data="label"))
        assert G.nodes[actor_iri(actor_type, label)]["mentions"] >= 2, G.nodes[actor_iri(actor_type, label)]
    assert len(same) == 2, [G.nodes[n]["label"] for n in same]


HARLANS = [
    Article("one", "John Harlan, a Canadian diplomat, arrived in Kyiv. Harlan met Ukrainian officials.", date="2024-10-31"),
    Article("two", "Maria Harlan, a British journalist, was detained in Minsk. Harlan denied the charges.", date="2024-11-01"),
]


@pytest.mark.parametrize(("article", "label"), list(zip(HARLANS, ["John Harlan", "Maria Harlan"], strict=True)), ids=["john", "maria"])
def test_a_surname_is_the_person_of_that_name_in_the_same_article(article, label):
    result = analyse(article.text, article.date, article.doc_id)
    seen = [(m.text, m.actor.label, m.actor.type) for m in result.mentions]
    for occurrence in (1, 2):
        mention = mention_of(result, "Harlan", occurrence)
        assert mention is not None and (mention.actor.label, mention.actor.type) == (label, "Person"), seen


def test_people_sharing_a_surname_in_different_articles_stay_apart():
    G = build(HARLANS, extractor=helpers.extractor()).graph
    harlans = {data["label"]: (data["type"], data["mentions"]) for _, data in G.nodes(data=True) if "Harlan" in data["label"]}
    assert harlans == {"John Harlan": ("Person", 2), "Maria Harlan": ("Person", 2)}


# --- what is not an actor -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("North Korean troops were deployed in the Kursk region.", "Kursk"),
        ("The UN Security Council met in New York.", "New York"),
        ("North Korean troops in Russia were wearing Russian uniforms.", "Russian uniforms"),
    ],
)
def test_a_place_or_a_demonym_on_a_thing_names_no_actor(text, phrase):
    result = analyse(text)
    mention = mention_of(result, phrase)
    assert mention is None, _seen(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [("North Korean troops were deployed in the Kursk region.", "Kursk"), ("The UN Security Council met in New York.", "New York")],
)
def test_a_place_never_becomes_a_node(text, place):
    G = build([Article("t", text, date="2024-10-31")], extractor=helpers.extractor()).graph
    labels = [data["label"] for _, data in G.nodes(data=True)]
    assert not any(place in label for label in labels), labels


# --- user actor lists ---------------------------------------------------------------------------

USER_ACTORS = """\
label,type,aliases,country,affiliation,wikidata,role,role_start,role_end
Baltic Drone Coalition,Organization,BDC,EST,,,,,
Kaja Talvik,Person,Talvik,EST,Estonia,,Foreign Minister,2024-01-01,
"""


@pytest.fixture(scope="module")
def user_extractor(tmp_path_factory):
    path = tmp_path_factory.mktemp("actors") / "my-actors.csv"
    path.write_text(USER_ACTORS, encoding="utf-8")
    return Extractor(actor_files=[path])


@pytest.mark.parametrize(
    ("text", "phrase", "label", "country"),
    [
        ("The BDC condemned Russia.", "BDC", "Baltic Drone Coalition", "EST"),
        ("The Estonian Foreign Minister condemned Russia.", "Estonian Foreign Minister", "Kaja Talvik", "EST"),
        ("Talvik condemned Russia.", "Talvik", "Kaja Talvik", "EST"),
    ],
)
def test_a_user_actor_list_adds_actors(user_extractor, text, phrase, label, country):
    actor = actor_of(text, phrase, date="2024-06-01", extractor=user_extractor)
    assert (_label(actor), actor and actor.country) == (label, country), _seen(text, "2024-06-01", user_extractor)


@pytest.fixture(scope="module")
def petrarch_extractor():
    if not PETRARCH_COUNTRIES.is_file():
        pytest.skip(f"PETRARCH dictionary not found at {PETRARCH_COUNTRIES} (../shared is absent)")
    return Extractor(actor_files=[PETRARCH_COUNTRIES])


# Phoenix.Countries.actors.txt: HILLARY_CLINTON_ ... [USAGOV 090121-130201]
@pytest.mark.parametrize(("date", "in_government"), [("2010-03-01", True), ("2016-03-01", False)])
def test_a_petrarch_dictionary_gives_dated_roles(petrarch_extractor, date, in_government):
    text = "Hillary Clinton met Sergei Lavrov in Geneva."
    actor = actor_of(text, "Hillary Clinton", date=date, extractor=petrarch_extractor)
    assert (_label(actor), actor and actor.type, actor and actor.country) == ("Hillary Clinton", "Person", "USA"), _seen(text, date, petrarch_extractor)
    held = [role for role in actor.roles if role.title == "Government" and role.country == "USA" and role.holds_on(date)]
    assert bool(held) is in_government, actor.roles


def test_a_petrarch_alias_with_a_title_names_the_person(petrarch_extractor):
    text = "Secretary of State John Kerry met Sergei Lavrov in Geneva."
    actor = actor_of(text, "John Kerry", date="2014-03-01", extractor=petrarch_extractor)
    assert (_label(actor), actor and actor.country) == ("John Kerry", "USA"), _seen(text, "2014-03-01", petrarch_extractor)


@pytest.mark.parametrize(("date", "holder"), [("2024-10-31", "Antony Blinken"), ("2025-03-01", "Marco Rubio")])
def test_a_petrarch_dictionary_keeps_bare_titles_resolved_by_date(petrarch_extractor, date, holder):
    """The dictionary's undated title entry (US_SECRETARY_OF_STATE_ [USAGOV]) names an office,
    not an organisation: the bare title is still the person who held it that day."""
    text = "The US Secretary of State said Russia had trained North Korean troops."
    actor = actor_of(text, "US Secretary of State", date=date, extractor=petrarch_extractor)
    assert (_label(actor), actor and actor.type) == (holder, "Person"), _seen(text, date, petrarch_extractor)


def test_a_petrarch_dated_role_resolves_a_bare_title_on_the_article_date(petrarch_extractor):
    """HILLARY_CLINTON_ +SECRETARY_OF_STATE_HILLARY_CLINTON [USAGOV 090121-130201]: in 2010 the
    US Secretary of State is Hillary Clinton."""
    text = "The US Secretary of State said Russia had trained North Korean troops."
    actor = actor_of(text, "US Secretary of State", date="2010-03-01", extractor=petrarch_extractor)
    assert (_label(actor), actor and actor.type) == ("Hillary Clinton", "Person"), _seen(text, "2010-03-01", petrarch_extractor)


def test_a_dateline_stays_with_the_first_sentence_of_its_paragraph():
    text = "Xi and Blinken meet in Beijing\nBEIJING, April 26 - Xi Jinping received Antony Blinken on Friday."
    result = analyse(text, date="2024-04-26")

    [reception] = [r for r in result.relations if r.relation == "hosts"]
    assert reception.evidence.sentence.startswith("BEIJING, April 26 - Xi Jinping received")
    assert "BEIJING" not in {m.text for m in result.mentions}  # the dateline names no actor


@pytest.mark.parametrize("text", [
    "SEOUL (Reuters) - South Korea warned North Korea on Wednesday.",
    "(Reuters) - South Korea warned North Korea on Wednesday.",
])
def test_the_agency_credit_of_a_dateline_is_no_actor(text):
    assert {m.text for m in analyse(text).mentions} == {"South Korea", "North Korea"}


def test_an_agency_that_reports_something_is_still_an_actor():
    assert "Reuters" in {m.actor.label for m in analyse("Reuters reported that Russia had attacked Ukraine.").mentions}
