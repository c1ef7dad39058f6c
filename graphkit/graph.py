"""Aggregate actor mentions and relations into a networkx MultiDiGraph (see docs/graph-schema.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict

import networkx as nx

from .descriptions import PRONOUNS
from .models import Actor, Mention, Relation
from .relation_types import Vocabulary


def new_graph(**graph_attributes) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph.update({"name": "graphkit", "articles": 0, **graph_attributes})
    return G


def add_actor(G: nx.MultiDiGraph, actor: Actor, surface: str | None = None, mentions: int = 0) -> None:
    """Add an actor node, or merge what this actor record adds to the existing node."""
    if actor.id not in G:
        G.add_node(
            actor.id, label=actor.label, type=actor.type, aliases=sorted(set(actor.aliases)),
            mentions=0, country=actor.country, affiliation=actor.affiliation,
            wikidata=actor.wikidata, roles=[asdict(role) for role in actor.roles], mention_only=True,
        )
    data = G.nodes[actor.id]
    data["mentions"] += mentions
    if surface and surface != actor.label and surface not in data["aliases"]:
        data["aliases"] = sorted({*data["aliases"], surface})
    for key in ("country", "affiliation", "wikidata"):
        if data.get(key) is None and getattr(actor, key) is not None:
            data[key] = getattr(actor, key)
    for role in actor.roles:
        if asdict(role) not in data["roles"]:
            data["roles"] = sorted([*data["roles"], asdict(role)], key=lambda r: (r["start"] or "", r["title"]))


_REFERENCE_WORDS = frozenset({
    "he", "him", "his", "she", "her", "hers", "himself", "herself", "it", "its", "itself", "they", "them",
    "their", "theirs", "themselves", "we", "us", "our", "i", "me", "my", "you", "your", "this", "that",
    "these", "those", "a", "an",
})
_NAME_CONNECTORS = frozenset({
    "of", "the", "and", "for", "on", "in", "de", "del", "la", "le", "al", "el", "bin", "ibn", "von", "van", "der", "da", "du", "&", "-",
})


def is_name(surface: str) -> bool:
    """Whether words that named an actor are a name worth keeping as an alias: "Pyongyang",
    "U.S. Senate", "al-Qaeda" are; "herself", "his country", "its troops", "Italy s", "the
    government" are resolution steps, not names."""
    words = surface.split()
    if not words or words[0].lower() in _REFERENCE_WORDS or surface.endswith((" s", "'s", "’s")):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_CONNECTORS or w.split("-")[-1][:1].isupper() for w in words)


def _surface(text: str) -> str:
    """The name as written, without a leading article or possessive: "the Kremlin's" -> "Kremlin"."""
    for prefix in ("the ", "The ", "these ", "These ", "those ", "Those "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def add_mentions(G: nx.MultiDiGraph, mentions: Iterable[Mention]) -> None:
    for mention in mentions:
        surface = _surface(mention.text)
        # A pronoun ("he", "its troops") or a description is never an alias of the actor it
        # stands for, nor another actor's name ("US" in "US troops"), nor a possessive.
        keep = mention.how not in {"pronoun", "description"} and mention.names_actor and surface.lower() not in PRONOUNS and is_name(surface)
        add_actor(G, mention.actor, surface if keep else None, mentions=1)


def _evidence_item(relation: Relation) -> dict:
    evidence = relation.evidence
    return {
        "doc_id": evidence.doc_id, "title": evidence.title, "date": evidence.date, "url": evidence.url,
        "sentence_index": evidence.sentence_index, "sentence": evidence.sentence,
        "char_span": list(evidence.char_span), "negated": relation.negated, "modality": relation.modality,
        "attributed_to": relation.attributed_to.label if relation.attributed_to else None,
        "attributed_to_id": relation.attributed_to.id if relation.attributed_to else None,
        "location": relation.location, "quantity": relation.quantity, "confidence": relation.confidence,
        "source_text": relation.source_text, "target_text": relation.target_text, "trigger": relation.trigger,
    }


def _evidence_key(item: dict) -> tuple:
    return (item["date"] or "", item["doc_id"], item["sentence_index"], tuple(item["char_span"]), item["negated"], item["modality"])


def add_relation(G: nx.MultiDiGraph, relation: Relation, vocab: Vocabulary) -> None:
    """Add one statement as evidence on its (source, relation, target) edge; idempotent."""
    rel = vocab[relation.relation]
    source, target = relation.source, relation.target
    if rel.symmetric and target.id < source.id:
        source, target = target, source
    for actor in (source, target):
        add_actor(G, actor)
        G.nodes[actor.id]["mention_only"] = False
    if not G.has_edge(source.id, target.id, key=rel.name):
        G.add_edge(source.id, target.id, key=rel.name, relation=rel.name, cameo=rel.cameo, plover=rel.plover,
                   quad_class=rel.quad_class, goldstein=rel.goldstein, evidence=[])
    data = G.edges[source.id, target.id, rel.name]
    item = _evidence_item(relation)
    if all(_evidence_key(old) != _evidence_key(item) for old in data["evidence"]):
        data["evidence"] = sorted([*data["evidence"], item], key=_evidence_key)
        summarise_edge(data)


def summarise_edge(data: dict) -> None:
    """Recompute an edge's counts and dates from its evidence list."""
    evidence = data["evidence"]
    dates = sorted(item["date"] for item in evidence if item["date"])
    articles = {item["doc_id"] for item in evidence}
    speakers = {item["attributed_to_id"] for item in evidence if item["attributed_to_id"]}
    unattributed = {item["doc_id"] for item in evidence if not item["attributed_to_id"]}
    data.update(
        count=len(evidence), articles=len(articles), sources=len(speakers) + len(unattributed),
        first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
        asserted=any(item["modality"] == "asserted" and not item["negated"] for item in evidence),
        negated=all(item["negated"] for item in evidence),
        confidence=max(item["confidence"] for item in evidence),
    )


def merge_graphs(G: nx.MultiDiGraph, delta: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Add ``delta``'s actors and evidence to ``G`` (in place), as building both at once would."""
    for node, data in delta.nodes(data=True):
        if node not in G:
            G.add_node(node, **data)
            continue
        old = G.nodes[node]
        old["mentions"] = (old.get("mentions") or 0) + (data.get("mentions") or 0)
        if "mention_only" in old or "mention_only" in data:  # G may hold only the part ``delta`` touches
            old["mention_only"] = bool(old.get("mention_only", True) and data.get("mention_only", True))
        old["aliases"] = sorted({*old.get("aliases", ()), *data.get("aliases", ())})
        for key in ("country", "affiliation", "wikidata"):
            if old.get(key) is None:
                old[key] = data.get(key)
        roles = list(old.get("roles") or [])
        roles += [role for role in data.get("roles") or () if role not in roles]
        old["roles"] = sorted(roles, key=lambda r: (r["start"] or "", r["title"]))
    for u, v, key, data in delta.edges(keys=True, data=True):
        if not G.has_edge(u, v, key):
            G.add_edge(u, v, key=key, **data)
            continue
        old = G.edges[u, v, key]
        keys = {_evidence_key(item) for item in old["evidence"]}
        old["evidence"] = sorted([*old["evidence"], *(item for item in data["evidence"] if _evidence_key(item) not in keys)], key=_evidence_key)
        summarise_edge(old)
    for u, v, _key in delta.edges(keys=True):
        G.nodes[u]["mention_only"] = G.nodes[v]["mention_only"] = False
    return G


def mark_mention_only(G: nx.MultiDiGraph) -> None:
    """Set each node's ``mention_only``: True for an actor that is named but takes part in no
    relation (kept for search; the explorer hides these by default)."""
    for node, data in G.nodes(data=True):
        data["mention_only"] = G.degree(node) == 0


_TYPE_PREFERENCE = ("State", "Person", "Organization", "ArmedForce", "NonStateArmedGroup", "Location")


def unify_types(G: nx.MultiDiGraph, known: Callable[[str], bool] = lambda node: False) -> nx.MultiDiGraph:
    """One type per actor name: nodes whose labels differ only in case but whose types differ
    ("Tea Party" as a person and as an organisation) become one node, in place. The type kept
    is the knowledge base's (``known``, or a node with roles or a Wikidata ID), else the one
    with the most evidence (relations, then mentions)."""
    by_label: dict[str, list[str]] = {}
    for node, data in G.nodes(data=True):
        by_label.setdefault(" ".join(str(data.get("label", "")).casefold().split()), []).append(node)
    for nodes in by_label.values():
        if len(nodes) < 2 or len({G.nodes[n].get("type") for n in nodes}) < 2:
            continue
        ranked = sorted(nodes, key=lambda n: (
            not known(n), not (G.nodes[n].get("roles") or G.nodes[n].get("wikidata")),
            -G.degree(n), -(G.nodes[n].get("mentions") or 0),
            _TYPE_PREFERENCE.index(G.nodes[n]["type"]) if G.nodes[n].get("type") in _TYPE_PREFERENCE else 99, n))
        keep = ranked[0]
        for other in ranked[1:]:
            if (known(keep) and known(other)) or _different_wikidata(G.nodes[keep], G.nodes[other]):
                continue  # two different known actors that share a name stay two
            merge_node(G, keep, other)
    return G


def _different_wikidata(a: dict, b: dict) -> bool:
    return bool(a.get("wikidata") and b.get("wikidata") and a["wikidata"] != b["wikidata"])


def merge_node(G: nx.MultiDiGraph, keep: str, drop: str) -> None:
    """Move ``drop``'s mentions, aliases and statements onto ``keep`` and remove ``drop``."""
    kept, dropped = G.nodes[keep], G.nodes[drop]
    kept["mentions"] = (kept.get("mentions") or 0) + (dropped.get("mentions") or 0)
    kept["aliases"] = sorted({*kept.get("aliases", ()), *dropped.get("aliases", ())} - {kept["label"]})
    for key in ("country", "affiliation", "wikidata"):
        if kept.get(key) is None:
            kept[key] = dropped.get(key)
    moved = [(keep if u == drop else u, keep if v == drop else v, key, data)
             for u, v, key, data in [*G.in_edges(drop, keys=True, data=True), *G.out_edges(drop, keys=True, data=True)]]
    G.remove_node(drop)
    for u, v, key, data in moved:
        if not G.has_edge(u, v, key):
            G.add_edge(u, v, key=key, **data)
            continue
        old = G.edges[u, v, key]
        keys = {_evidence_key(item) for item in old["evidence"]}
        old["evidence"] = sorted([*old["evidence"], *(i for i in data["evidence"] if _evidence_key(i) not in keys)], key=_evidence_key)
        summarise_edge(old)
    kept["mention_only"] = G.degree(keep) == 0


def finish_graph(G: nx.MultiDiGraph, known: Callable[[str], bool] = lambda node: False) -> nx.MultiDiGraph:
    """What holds across the whole graph once articles are in: one type per actor name, and
    ``mention_only`` on every node."""
    unify_types(G, known)
    mark_mention_only(G)
    return G


def build_graph(relations: Iterable[Relation], mentions: Iterable[Mention], vocab: Vocabulary, G: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Actors and relations in, one graph out; pass ``G`` to merge into an existing graph."""
    G = new_graph() if G is None else G
    add_mentions(G, mentions)
    for relation in relations:
        add_relation(G, relation, vocab)
    return finish_graph(G)


def filter_confidence(G: nx.MultiDiGraph, min_confidence: float) -> nx.MultiDiGraph:
    """A copy keeping only statements at or above ``min_confidence`` (edges left empty are dropped)."""
    return keep_statements(G, lambda item: item["confidence"] >= min_confidence)


def keep_statements(G: nx.MultiDiGraph, keep: Callable[[dict], bool]) -> nx.MultiDiGraph:
    """A copy keeping only the evidence items ``keep`` accepts, edges recounted; edges left
    without evidence are dropped, actors are kept."""
    H = G.copy()
    for u, v, key, data in list(H.edges(keys=True, data=True)):
        kept = [item for item in data.get("evidence") or [] if keep(item)]
        if kept:
            data["evidence"] = kept
            summarise_edge(data)
        else:
            H.remove_edge(u, v, key)
    mark_mention_only(H)
    return H
