"""Extract directed relations between actors from parsed sentences, with negation, modality,
attribution, place, quantity and evidence.

The package is split by what changes together, so that a new rule touches one function:

- ``syntax``: the dependency tree; the only module that names dependency labels.
- ``triggers``: verbs, nouns, phrases and governed frames (relations.yaml) that name an event.
- ``endpoints``: token -> actor mention (conjuncts, appositions, proxies, owners); descriptions
  ("his office", "the government in Kyiv", a state's soldiers) are resolved by the actors stage
  (``graphkit.descriptions``) and reached through one ``ActorKnowledge`` object.
- ``subjects``: who does what a verb says when it has no subject of its own; who speaks.
- ``registry``: rules register there with name, base confidence, kind and rank; ``resolve`` is the
  one documented place where overlapping candidates are weighed.
- ``rules`` and ``noun_rules``: one small function per way endpoints are found. A rule reads
  relation-specific behaviour (speech_act, asset_target, own_forces, ...) from the relation's
  definition, never from its name.
- ``context``: negation, modality and attribution, one registered function per cue.
- ``attributes``: place and quantity. ``confidence``: the score. ``records``: output records.
- ``statements``: the driver: triggers -> every rule -> resolve -> pairs -> Relation.

Word lists are data, under ontologies/lexicons/ (see ``graphkit.lexicons``).
"""

from .context import CUES, StatementContext, statement_context
from .records import relation_record
from .registry import RULES
from .statements import extract_relations
from .triggers import Trigger, find_triggers

__all__ = ["CUES", "RULES", "StatementContext", "Trigger", "extract_relations", "find_triggers", "relation_record", "statement_context"]
