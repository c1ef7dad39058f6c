"""The closed vocabularies every stage shares: actor types, modalities, quad classes, how a
mention was resolved, and the fields of an extraction record and of an edge's evidence.

Defined here once; models, gold, relation_types, the relation extractor, the graph and the
ontology terms read them from this module. The ontology (ontologies/graphkit.ttl) has one class
per actor type and one concept per quad class (tests/test_schema.py keeps them in step).
"""

from __future__ import annotations

# Actor.type; one ontology class each (gk:State, ...).
ACTOR_TYPES = ("State", "Person", "Organization", "ArmedForce", "NonStateArmedGroup", "Location")

# Relation.modality, in the order of GOLD_FORMAT.md.
MODALITIES = ("asserted", "reported", "hypothetical", "planned")
# The same, strongest first: a statement with cues of several modalities takes the strongest.
MODALITY_STRENGTH = ("hypothetical", "planned", "reported", "asserted")

# RelationType.quad_class (CAMEO quad classes); one ontology concept each (gk:VerbalCooperation, ...).
QUAD_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# Mention.how: how the words were resolved to an actor. A pronoun's words never become an alias.
RESOLUTIONS = ("name", "title", "demonym", "pronoun", "description")

# The extraction record (GOLD_FORMAT.md section 3, plus PLOVER, the rule and the pattern), in order.
RECORD_FIELDS = (
    "doc_id", "date", "sentence_index", "sentence", "char_span", "relation", "cameo", "plover", "source", "target",
    "negated", "modality", "attributed_to", "location", "quantity", "confidence", "trigger", "pattern", "rule",
)

# One statement's evidence on a graph edge (the items of an edge's "evidence" list), in order.
EVIDENCE_FIELDS = (
    "doc_id", "title", "date", "url", "sentence_index", "sentence", "char_span", "negated", "modality",
    "attributed_to", "attributed_to_id", "location", "quantity", "confidence", "source_text", "target_text", "trigger",
)


def quad_class_term(quad_class: str) -> str:
    """The ontology's local name of a quad class: ``"verbal_cooperation"`` -> ``"VerbalCooperation"``."""
    return "".join(part.capitalize() for part in quad_class.split("_"))

