"""The actor knowledge base: built-in and user actor lists, indexed for name, title and date lookups.

The built-in lists live under ``ontologies/actors/`` (states.json, organisations.yaml,
armed_groups.yaml, people.yaml, with titles.yaml and cameo.yaml as lookup tables).
Users add their own with ``load_knowledge_base(extra=[...])`` (the CLI's ``--actors FILE``),
in one of four formats, chosen by the file's suffix (or, for PETRARCH, by its content):

CSV, one actor per row, aliases separated by ``|``; rows with the same label add roles::

    label,type,aliases,country,affiliation,wikidata,role,role_start,role_end
    Kaja Kallas,Person,Kallas|Kaja Kallas,EST,European Union,,EU High Representative,2024-12-01,
    Azov Brigade,ArmedForce,Azov|Azov Regiment,UKR,Ukraine,,,,

YAML (``.yaml``/``.yml``) or JSON (``.json``): a list of records shaped like the built-in ones::

    - label: Kaja Kallas
      type: Person
      aliases: [Kallas]
      country: EST
      roles:
        - {title: EU High Representative, start: 2024-12-01, end: null}

PETRARCH/TABARI actor dictionaries (``*.actors.txt``), e.g. the Phoenix dictionaries::

    UNITED_STATES_OF_AMERICA_  [USA]
    +AMERICAN_
    JOHN_KERRY_ # just KERRY is somewhat vague...
        [USAGOV 130201-160120]

A user record whose label equals an existing actor's label replaces its fields and adds its
aliases and roles; one whose label or alias names an existing actor of the same type extends it;
anything else is a new actor. PETRARCH entries merge into an existing actor that carries the same
name (United States, Vladimir Putin) and otherwise become new actors; their dated codes become
roles (``[GBRGOV 070627-100511]`` -> ``Role("Government", "GBR", "2007-06-27", "2010-05-11")``).

>>> kb = load_knowledge_base()
>>> [actor.label for actor in kb.lookup("the Kremlin")]
['Russia']
>>> [actor.label for actor in kb.holders("Secretary of State", "USA", "2024-10-31")]
['Antony Blinken']

The package is split by what each part owns (one file was over a thousand lines): ``names``
(normalised names and dates), ``records`` (drafts, details, titles), ``formats`` (CSV, YAML and
JSON lists), ``petrarch`` (PETRARCH dictionaries and CAMEO codes), ``base`` (the KnowledgeBase
index and its lookups) and ``loading`` (merging lists into one knowledge base). Every public
name is importable from ``graphkit.knowledge``.
"""

from __future__ import annotations

from .base import KnowledgeBase
from .formats import CSV_COLUMNS, read_csv_records, read_json_records, read_yaml_records
from .loading import BUILTIN_LISTS, load_knowledge_base
from .names import normalise_name
from .petrarch import looks_like_petrarch, looks_like_petrarch_agents, read_petrarch_agents, read_petrarch_records
from .records import RECORD_FIELDS, ROLE_FIELDS, ActorDetails, LoadedList

__all__ = [
    "BUILTIN_LISTS", "CSV_COLUMNS", "RECORD_FIELDS", "ROLE_FIELDS", "ActorDetails", "KnowledgeBase", "LoadedList",
    "load_knowledge_base", "looks_like_petrarch", "looks_like_petrarch_agents", "normalise_name", "read_csv_records",
    "read_json_records", "read_petrarch_agents", "read_petrarch_records", "read_yaml_records",
]
