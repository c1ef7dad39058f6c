"""The seed article (2024-10-31, North Korean troops near Kursk): the actors and relations an
analyst reads in it, as the issue lists them."""

from __future__ import annotations

import pytest

from graphkit.ingest import parse_text
from graphkit.knowledge import normalise_name
from graphkit.models import Article
from graphkit.pipeline import build
from graphkit.relation_types import default_vocabulary

import helpers

SYMMETRIC = {name for name, rel in default_vocabulary().relations.items() if rel.symmetric}


@pytest.fixture(scope="module")
def article() -> Article:
    path = helpers.SEED_ARTICLE
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    parsed = parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
    assert isinstance(parsed, Article), parsed
    return parsed


@pytest.fixture(scope="module")
def graph(article):
    return build([article], extractor=helpers.extractor()).graph


@pytest.fixture(scope="module")
def relations(article):
    return next(helpers.extractor().process([article])).relations


# --- actors ---------------------------------------------------------------------------------------

# (canonical label, type, names under which the article or the world knows it)
ACTORS = [
    ("United States", "State", ["United States", "USA", "US", "U.S.", "Washington", "US government"]),
    ("Russia", "State", ["Russia", "Moscow", "Kremlin", "Russian Federation"]),
    ("North Korea", "State", ["North Korea", "Pyongyang", "DPRK"]),
    ("South Korea", "State", ["South Korea", "Seoul", "Republic of Korea"]),
    ("Ukraine", "State", ["Ukraine", "Kyiv", "Kiev"]),
    ("Antony Blinken", "Person", ["Antony Blinken", "Blinken", "US Secretary of State"]),
    ("Vladimir Putin", "Person", ["Vladimir Putin", "Putin", "Russian President"]),
    ("Volodymyr Zelensky", "Person", ["Volodymyr Zelensky", "Zelensky", "Selenskyj", "Zelenskyy"]),
    ("Vasily Nebenzya", "Person", ["Vasily Nebenzya", "Nebenzya", "Nebensky", "Vasily Nebensky"]),
    ("UN Security Council", "Organization", ["UN Security Council", "Security Council", "United Nations Security Council"]),
    ("NATO", "Organization", ["NATO", "North Atlantic Treaty Organization"]),
]


def _names(data: dict) -> set[str]:
    return {normalise_name(name) for name in (data["label"], *data["aliases"])}


def _describe(G) -> list[tuple]:
    return sorted((data["label"], data["type"], data.get("country")) for _, data in G.nodes(data=True))


@pytest.mark.parametrize(("label", "actor_type", "names"), ACTORS, ids=[a[0] for a in ACTORS])
def test_one_node_per_actor(graph, label, actor_type, names):
    wanted = {normalise_name(name) for name in names}
    nodes = [data for _, data in graph.nodes(data=True) if _names(data) & wanted]
    assert [(data["label"], data["type"]) for data in nodes] == [(label, actor_type)], _describe(graph)


@pytest.mark.parametrize(
    ("label", "aliases"),
    [("Volodymyr Zelensky", {"Selenskyj", "Zelensky"}), ("Vasily Nebenzya", {"Nebensky"})],
)
def test_spellings_in_the_article_are_aliases_of_the_person(graph, label, aliases):
    nodes = [data for _, data in graph.nodes(data=True) if data["label"] == label]
    assert nodes and aliases <= set(nodes[0]["aliases"]), nodes


def test_the_north_korean_forces_are_one_armed_force_of_north_korea(graph):
    forces = [data for _, data in graph.nodes(data=True) if data["type"] == "ArmedForce" and data.get("country") == "PRK"]
    assert len(forces) == 1, _describe(graph)
    assert forces[0]["affiliation"] == "North Korea"
    assert forces[0]["label"] in {"Korean People's Army", "North Korean armed forces"}


@pytest.mark.parametrize("place", ["Kursk", "New York"])
def test_places_are_not_nodes(graph, place):
    assert not [data for _, data in graph.nodes(data=True) if place.lower() in data["label"].lower()], _describe(graph)


# --- relations ------------------------------------------------------------------------------------

def _is(name: str):
    return lambda actor: actor.label == name


NK_FORCES = lambda actor: actor.type == "ArmedForce" and actor.country == "PRK"  # noqa: E731
UKRAINE_OR_ITS_FORCES = lambda actor: actor.country == "UKR" and actor.type in {"State", "ArmedForce"}  # noqa: E731
RUSSIA, NORTH_KOREA, SOUTH_KOREA = _is("Russia"), _is("North Korea"), _is("South Korea")
BLINKEN, ZELENSKY = _is("Antony Blinken"), _is("Volodymyr Zelensky")

# (what the article says, source, relation, target, negated, allowed modalities, speaker)
STATEMENTS = [
    ("Russia had trained the North Korean soldiers, Blinken said", RUSSIA, "trains", NK_FORCES, False, {"reported"}, "Antony Blinken"),
    ("they could be deployed by Russia", RUSSIA, "deploys", NK_FORCES, False, {"hypothetical", "planned"}, None),
    ("Russia had invited foreign troops", RUSSIA, "invites", NK_FORCES, False, None, None),
    ("after a meeting with South Korean diplomats", BLINKEN, "meets", SOUTH_KOREA, False, None, None),
    ("Should these soldiers engage in combat against Ukraine", NK_FORCES, "fights", UKRAINE_OR_ITS_FORCES, False, {"hypothetical"}, None),
    ("has not yet seen any combat operations by the North Koreans", NK_FORCES, "fights", UKRAINE_OR_ITS_FORCES, True, None, None),
    ("military cooperation with North Korea", RUSSIA, "cooperates", NORTH_KOREA, False, None, None),
    ("they would become legitimate military targets, said the US Secretary of State", BLINKEN, "warns", NK_FORCES, False, {"hypothetical"}, None),
]


def _matches(relation, source, name, target, negated, modalities, speaker) -> bool:
    ends = [(relation.source, relation.target)]
    if name in SYMMETRIC:
        ends.append((relation.target, relation.source))
    return (
        relation.relation == name and relation.negated == negated
        and any(source(s) and target(t) for s, t in ends)
        and (modalities is None or relation.modality in modalities)
        and (speaker is None or (relation.attributed_to is not None and relation.attributed_to.label == speaker))
    )


def _summary(relations) -> list[tuple]:
    return [
        (r.source.label, r.relation, r.target.label, r.negated, r.modality, r.attributed_to.label if r.attributed_to else None, r.target_text)
        for r in relations
    ]


@pytest.mark.parametrize(
    ("says", "source", "name", "target", "negated", "modalities", "speaker"), STATEMENTS, ids=[s[0] for s in STATEMENTS]
)
def test_the_article_states(relations, says, source, name, target, negated, modalities, speaker):
    assert any(_matches(r, source, name, target, negated, modalities, speaker) for r in relations), _summary(relations)


def test_zelensky_criticizes_his_allies(relations):
    found = [r for r in relations if ZELENSKY(r.source) and r.relation == "criticizes" and r.target_text.lower() == "his allies"]
    assert found, _summary(relations)


def test_north_korean_fighting_is_never_stored_as_a_fact(relations):
    """The article says it has not happened yet and may soon: no asserted, un-negated fighting by them."""
    asserted = [
        r for r in relations
        if r.relation == "fights" and not r.negated and r.modality == "asserted" and (NK_FORCES(r.source) or NK_FORCES(r.target))
    ]
    assert not asserted, _summary(asserted)
