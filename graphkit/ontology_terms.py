"""The terms of the graphkit ontology (ontologies/graphkit.ttl) as a closed rdflib namespace."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from . import schema
from .schema import ACTOR_TYPES, quad_class_term


class GK(DefinedNamespace):
    """graphkit ontology terms; a term not defined in ontologies/graphkit.ttl raises AttributeError.

    Relation concepts are not Python names, so look them up by key: ``GK["rel-trains"]``.
    """

    _NS = Namespace("https://w3id.org/graphkit/ontology#")
    _fail = True

    # Classes
    Actor: URIRef
    State: URIRef
    Person: URIRef
    Organization: URIRef
    ArmedForce: URIRef
    NonStateArmedGroup: URIRef
    Location: URIRef
    Role: URIRef
    Statement: URIRef
    Edge: URIRef
    Article: URIRef
    Sentence: URIRef
    ExtractionRun: URIRef

    # Datatypes of skos:notation
    CAMEOCode: URIRef
    PLOVERType: URIRef
    QuadClass: URIRef

    # Statement and edge properties
    source: URIRef
    target: URIRef
    relationType: URIRef
    evidence: URIRef
    attributedTo: URIRef
    negated: URIRef
    asserted: URIRef
    modality: URIRef
    date: URIRef
    location: URIRef
    quantity: URIRef
    confidence: URIRef
    evidenceText: URIRef
    charStart: URIRef
    charEnd: URIRef
    sentenceIndex: URIRef
    trigger: URIRef
    sourceText: URIRef
    targetText: URIRef
    ordinal: URIRef
    goldstein: URIRef
    statementCount: URIRef
    articleCount: URIRef
    sourceCount: URIRef
    firstDate: URIRef
    lastDate: URIRef

    # Actor and role properties
    iso3: URIRef
    affiliation: URIRef
    mentionCount: URIRef
    mentionOnly: URIRef
    role: URIRef
    title: URIRef
    country: URIRef
    start: URIRef
    end: URIRef

    # Extraction run properties
    graphkitVersion: URIRef
    model: URIRef
    modelName: URIRef
    modelVersion: URIRef

    # Relation scheme and quad classes
    Relations: URIRef
    VerbalCooperation: URIRef
    MaterialCooperation: URIRef
    VerbalConflict: URIRef
    MaterialConflict: URIRef

    # One object property per relation: the direct edge `source gk:<relation> target`
    meets: URIRef
    visits: URIRef
    negotiates: URIRef
    hosts: URIRef
    invites: URIRef
    requests: URIRef
    pledges: URIRef
    agrees: URIRef
    supports: URIRef
    praises: URIRef
    cooperates: URIRef
    trains: URIRef
    aids: URIRef
    supplies: URIRef
    withdraws: URIRef
    releases: URIRef
    investigates: URIRef
    demands: URIRef
    criticizes: URIRef
    condemns: URIRef
    accuses: URIRef
    rejects: URIRef
    threatens: URIRef
    warns: URIRef
    protests: URIRef
    deploys: URIRef
    mobilizes: URIRef
    expels: URIRef
    sanctions: URIRef
    arrests: URIRef
    attacks: URIRef
    fights: URIRef
    kills: URIRef

    # One skos:Concept per relation, "rel-<relation>"
    _extras = [
        "rel-meets", "rel-visits", "rel-negotiates", "rel-hosts", "rel-invites", "rel-requests",
        "rel-pledges", "rel-agrees", "rel-supports", "rel-praises", "rel-cooperates", "rel-trains",
        "rel-aids", "rel-supplies", "rel-withdraws", "rel-releases", "rel-investigates",
        "rel-demands", "rel-criticizes", "rel-condemns", "rel-accuses", "rel-rejects",
        "rel-threatens", "rel-warns", "rel-protests", "rel-deploys", "rel-mobilizes", "rel-expels",
        "rel-sanctions", "rel-arrests", "rel-attacks", "rel-fights", "rel-kills",
    ] + [f"cameo-{root:02d}" for root in range(1, 21)]  # one skos:Concept per CAMEO root code


ONTOLOGY_IRI = URIRef("https://w3id.org/graphkit/ontology")

# Actor type (node attribute "type") -> class
ACTOR_CLASSES: dict[str, URIRef] = {name: GK[name] for name in ACTOR_TYPES}

# Quad class (edge attribute "quad_class") -> concept
QUAD_CLASSES: dict[str, URIRef] = {name: GK[quad_class_term(name)] for name in schema.QUAD_CLASSES}

_RELATION_CONCEPT_PREFIX = "rel-"


def terms() -> set[URIRef]:
    """Every term of the namespace, for checking it against ontologies/graphkit.ttl."""
    names = [name for name in GK.__annotations__ if not name.startswith("_")] + list(GK._extras)
    return {GK[name] for name in names}


def relation_concept(name: str) -> URIRef:
    """The skos:Concept of a relation: ``gk:rel-trains``."""
    return _relation_term(_RELATION_CONCEPT_PREFIX + name, name)


def cameo_concept(code: str) -> URIRef:
    """The skos:Concept of a CAMEO root code: ``gk:cameo-06``."""
    try:
        return GK[f"cameo-{code}"]
    except AttributeError:
        raise ValueError(f"CAMEO root {code!r} is not in the ontology; expected a two-digit code from 01 to 20") from None


def relation_property(name: str) -> URIRef:
    """The object property of a relation's direct edge: ``gk:trains``."""
    return _relation_term(name, name)


def relation_name(concept: URIRef) -> str:
    """Inverse of :func:`relation_concept`: ``gk:rel-trains`` -> ``"trains"``."""
    prefix = str(GK) + _RELATION_CONCEPT_PREFIX
    if not str(concept).startswith(prefix) or concept not in GK:
        raise ValueError(f"{concept} is not a relation concept; expected {prefix}<relation>")
    return str(concept)[len(prefix):]


def _relation_term(local_name: str, relation: str) -> URIRef:
    try:
        return GK[local_name]
    except AttributeError:
        raise ValueError(
            f"relation {relation!r} is not in the ontology; add gk:{relation} and "
            f"gk:rel-{relation} to ontologies/graphkit.ttl and graphkit/ontology_terms.py"
        ) from None
