"""Statements as records: the extraction record of ../shared/GOLD_FORMAT.md section 3."""

from __future__ import annotations

from ..models import Actor, Relation
from ..relation_types import Vocabulary


def relation_record(relation: Relation, vocab: Vocabulary) -> dict:
    """The extraction record, plus PLOVER and country; ``rule`` names the registered
    rule that found it, ``pattern`` how its source was found (which sets its base confidence)."""
    rel = vocab[relation.relation]
    evidence = relation.evidence
    return {
        "doc_id": evidence.doc_id,
        "date": evidence.date,
        "sentence_index": evidence.sentence_index,
        "sentence": evidence.sentence,
        "char_span": list(evidence.char_span),
        "relation": relation.relation,
        "cameo": rel.cameo,
        "plover": rel.plover,
        "source": actor_record(relation.source, relation.source_text),
        "target": actor_record(relation.target, relation.target_text),
        "negated": relation.negated,
        "modality": relation.modality,
        "attributed_to": actor_record(relation.attributed_to) if relation.attributed_to else None,
        "location": relation.location,
        "quantity": relation.quantity,
        "confidence": relation.confidence,
        "trigger": relation.trigger,
        "pattern": relation.pattern,
        "rule": relation.rule,
    }


def actor_record(actor: Actor, text: str | None = None) -> dict:
    record = {"id": actor.id, "label": actor.label, "type": actor.type}
    if text is not None:
        record["text"] = text
    if actor.affiliation:
        record["affiliation"] = actor.affiliation
    if actor.country:
        record["country"] = actor.country
    return record
