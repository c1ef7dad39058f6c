"""The shared vocabularies (graphkit.schema) are the ones every stage uses."""

from __future__ import annotations

from graphkit import gold, models, ontology_terms, relation_types, schema
from graphkit.graph import _evidence_item
from graphkit.models import Actor, Evidence, Relation
from graphkit.relation_types import default_vocabulary
from graphkit.relations import relation_record

RUSSIA = Actor(id="gk:Russia", label="Russia", type="State")
UKRAINE = Actor(id="gk:Ukraine", label="Ukraine", type="State")
RELATION = Relation(RUSSIA, "attacks", UKRAINE, Evidence("d", 0, "Russia attacked Ukraine.", (0, 23)), "Russia", "Ukraine", attributed_to=RUSSIA)


def test_every_module_reads_the_schema():
    assert models.ACTOR_TYPES is gold.ACTOR_TYPES is schema.ACTOR_TYPES
    assert models.MODALITIES is gold.MODALITIES is schema.MODALITIES
    assert relation_types.QUAD_CLASSES is schema.QUAD_CLASSES
    assert set(schema.MODALITY_STRENGTH) == set(schema.MODALITIES)


def test_the_ontology_has_a_term_for_every_actor_type_and_quad_class():
    assert list(ontology_terms.ACTOR_CLASSES) == list(schema.ACTOR_TYPES)
    assert list(ontology_terms.QUAD_CLASSES) == list(schema.QUAD_CLASSES)
    assert ontology_terms.QUAD_CLASSES["verbal_cooperation"] == ontology_terms.GK.VerbalCooperation


def test_every_relation_has_a_quad_class_of_the_schema():
    assert {rel.quad_class for rel in default_vocabulary()} <= set(schema.QUAD_CLASSES)


def test_records_and_evidence_have_the_schema_fields_in_order():
    assert tuple(relation_record(RELATION, default_vocabulary())) == schema.RECORD_FIELDS
    assert tuple(_evidence_item(RELATION)) == schema.EVIDENCE_FIELDS
