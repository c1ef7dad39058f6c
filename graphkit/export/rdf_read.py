"""RDF (Turtle, JSON-LD) back into the networkx graph graphkit wrote: the inverse of graphkit.export.rdf."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS

from ..ontology_terms import GK, relation_name
from .rdf import _QUAD_OF_CONCEPT, _TYPE_OF_CLASS, WIKIDATA


def read_turtle(path: str | Path | IO) -> nx.MultiDiGraph:
    """Read a Turtle file written by :func:`write_turtle` back into the graph it came from."""
    return rdf_to_graph(_parse(path, "turtle"))


def read_jsonld(path: str | Path | IO) -> nx.MultiDiGraph:
    """Read a JSON-LD file written by :func:`write_jsonld` back into the graph it came from."""
    return rdf_to_graph(_parse(path, "json-ld"))


def rdf_to_graph(rdf: Graph) -> nx.MultiDiGraph:
    """Inverse of :func:`graph_to_rdf`: rebuild the networkx graph with its node and edge attributes."""
    G = nx.MultiDiGraph()
    runs = sorted(rdf.subjects(RDF.type, GK.ExtractionRun))
    if len(runs) > 1:
        raise ValueError(f"found {len(runs)} extraction runs; rdf_to_graph reads one graphkit export at a time")
    if runs:
        G.graph.update(_run_attributes(rdf, runs[0]))
    for node, actor_type in sorted(_actors(rdf).items()):
        G.add_node(str(node), **_actor_attributes(rdf, node, actor_type))
    edges = [_edge(rdf, edge) for edge in rdf.subjects(RDF.type, GK.Edge)]
    for u, v, key, data in sorted(edges, key=lambda edge: edge[:3]):
        G.add_edge(u, v, key=key, **data)
    return G


def _parse(path: str | Path | IO, format: str) -> Graph:
    data = path.read() if hasattr(path, "read") else Path(path).read_bytes()
    if format == "json-ld":  # inline contexts only: a remote or file context is refused, never fetched
        from ..closed import check_jsonld

        data = check_jsonld(data, str(getattr(path, "name", path)))
    return Graph().parse(data=data, format=format)


def _run_attributes(rdf: Graph, run: URIRef) -> dict:
    attrs = {
        "name": _text(_one(rdf, run, RDFS.label)),
        "graphkit_version": _text(_one(rdf, run, GK.graphkitVersion)),
        "model": _text(_one(rdf, run, GK.model)),
        "generated_at": _text(_one(rdf, run, PROV.startedAtTime)),
        "articles": _int(_one(rdf, run, GK.articleCount)),
        "documents": sorted(str(_one(rdf, article, DCTERMS.identifier)) for article in rdf.objects(run, PROV.used)) or None,
    }
    return {key: value for key, value in attrs.items() if value is not None}


def _actors(rdf: Graph) -> dict[URIRef, str]:
    actors: dict[URIRef, str] = {}
    for node, actor_class in rdf.subject_objects(RDF.type):
        if actor_class in _TYPE_OF_CLASS:
            actor_type = _TYPE_OF_CLASS[actor_class]
            if actors.setdefault(node, actor_type) != actor_type:
                raise ValueError(f"{node} has two actor types, {actors[node]} and {actor_type}; expected one")
    return actors


def _actor_attributes(rdf: Graph, node: URIRef, actor_type: str) -> dict:
    same_as = [str(iri) for iri in rdf.objects(node, OWL.sameAs) if str(iri).startswith(WIKIDATA)]
    if len(same_as) > 1:
        raise ValueError(f"{node} has {len(same_as)} Wikidata IDs; expected at most one")
    roles = sorted(rdf.objects(node, GK.role), key=lambda role: (_int(_one(rdf, role, GK.ordinal)) or 0, str(role)))
    attributes = {
        "label": _text(_one(rdf, node, RDFS.label)),
        "type": actor_type,
        "aliases": sorted(str(alias) for alias in rdf.objects(node, SKOS.altLabel)),
        "mentions": _int(_one(rdf, node, GK.mentionCount)),
        "country": _text(_one(rdf, node, GK.iso3)),
        "affiliation": _text(_one(rdf, node, GK.affiliation)),
        "wikidata": same_as[0][len(WIKIDATA):] if same_as else None,
        "roles": [
            {
                "title": _text(_one(rdf, role, GK.title)),
                "country": _text(_one(rdf, role, GK.country)),
                "start": _text(_one(rdf, role, GK.start)),
                "end": _text(_one(rdf, role, GK.end)),
            }
            for role in roles
        ],
    }
    mention_only = _bool(_one(rdf, node, GK.mentionOnly))
    if mention_only is not None:  # graphs built before gk:mentionOnly existed have none
        attributes["mention_only"] = mention_only
    return attributes


def _edge(rdf: Graph, edge: URIRef) -> tuple[str, str, str, dict]:
    source, target = _one(rdf, edge, GK.source), _one(rdf, edge, GK.target)
    concept = _one(rdf, edge, GK.relationType)
    if source is None or target is None or concept is None:
        raise ValueError(f"edge {edge} needs gk:source, gk:target and gk:relationType")
    name = relation_name(concept)
    statements = sorted(rdf.objects(edge, GK.evidence), key=lambda st: (_int(_one(rdf, st, GK.ordinal)) or 0, str(st)))
    data = {
        "relation": name,
        "cameo": _notation(rdf, concept, GK.CAMEOCode),
        "plover": _notation(rdf, concept, GK.PLOVERType),
        "quad_class": _quad_class(rdf, concept),
        "goldstein": _float(_one(rdf, concept, GK.goldstein)),
        "evidence": [_evidence_item(rdf, statement) for statement in statements],
        "count": _int(_one(rdf, edge, GK.statementCount)),
        "articles": _int(_one(rdf, edge, GK.articleCount)),
        "sources": _int(_one(rdf, edge, GK.sourceCount)),
        "first_date": _text(_one(rdf, edge, GK.firstDate)),
        "last_date": _text(_one(rdf, edge, GK.lastDate)),
        "asserted": _bool(_one(rdf, edge, GK.asserted)),
        "negated": _bool(_one(rdf, edge, GK.negated)),
        "confidence": _float(_one(rdf, edge, GK.confidence)),
    }
    return str(source), str(target), name, data


def _evidence_item(rdf: Graph, statement: URIRef) -> dict:
    article = _one(rdf, statement, PROV.hadPrimarySource)
    speaker = _one(rdf, statement, GK.attributedTo)
    start, end = _int(_one(rdf, statement, GK.charStart)), _int(_one(rdf, statement, GK.charEnd))
    url = _one(rdf, article, SDO.url) if article is not None else None
    return {
        "doc_id": _text(_one(rdf, article, DCTERMS.identifier)) if article is not None else None,
        "title": _text(_one(rdf, article, DCTERMS.title)) if article is not None else None,
        "date": _text(_one(rdf, statement, GK.date)),
        "url": _text(url),
        "sentence_index": _int(_one(rdf, statement, GK.sentenceIndex)),
        "sentence": _text(_one(rdf, statement, GK.evidenceText)),
        "char_span": None if start is None and end is None else [start, end],
        "negated": _bool(_one(rdf, statement, GK.negated)),
        "modality": _text(_one(rdf, statement, GK.modality)),
        "attributed_to": _text(_one(rdf, speaker, RDFS.label)) if speaker is not None else None,
        "attributed_to_id": str(speaker) if speaker is not None else None,
        "location": _text(_one(rdf, statement, GK.location)),
        "quantity": _text(_one(rdf, statement, GK.quantity)),
        "confidence": _float(_one(rdf, statement, GK.confidence)),
        "source_text": _text(_one(rdf, statement, GK.sourceText)),
        "target_text": _text(_one(rdf, statement, GK.targetText)),
        "trigger": _text(_one(rdf, statement, GK.trigger)),
    }


def _notation(rdf: Graph, concept: URIRef, datatype: URIRef) -> str | None:
    codes = sorted(str(code) for code in rdf.objects(concept, SKOS.notation)
                   if isinstance(code, Literal) and code.datatype == datatype)
    if len(codes) > 1:
        raise ValueError(f"{concept} has {len(codes)} notations of type {datatype}: {codes}; expected one")
    return codes[0] if codes else None


def _quad_class(rdf: Graph, concept: URIRef) -> str | None:
    quads = sorted(_QUAD_OF_CONCEPT[broader] for broader in rdf.objects(concept, SKOS.broader)
                   if broader in _QUAD_OF_CONCEPT)
    if len(quads) > 1:
        raise ValueError(f"{concept} is under {len(quads)} quad classes: {quads}; expected one")
    return quads[0] if quads else None


def _one(rdf: Graph, subject: URIRef, predicate: URIRef):
    values = list(rdf.objects(subject, predicate))
    if len(values) > 1:
        raise ValueError(f"{subject} has {len(values)} values of {predicate}; expected at most one")
    return values[0] if values else None


def _text(term) -> str | None:
    return None if term is None else str(term)


def _int(term) -> int | None:
    return None if term is None else int(str(term))


def _float(term) -> float | None:
    return None if term is None else float(str(term))


def _bool(term) -> bool | None:
    return None if term is None else str(term) in ("true", "1")
