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
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

import yaml
from rapidfuzz import fuzz, process

from graphkit.models import Actor, Role, actor_iri
from graphkit.resources import ontology_file
from graphkit.schema import ACTOR_TYPES

log = logging.getLogger(__name__)

BUILTIN_LISTS = ("actors/states.json", "actors/organisations.yaml", "actors/armed_groups.yaml", "actors/people.yaml",
                 "actors/institutions.yaml", "actors/us_congress.yaml")
# Generated or domestic lists that name people and bodies of the lists before them (Donald Trump
# is in people.yaml and in us_congress.yaml): their records merge into an actor of the same name.
_MERGING_LISTS = frozenset({"actors/institutions.yaml", "actors/us_congress.yaml"})
_TITLES_FILE = "actors/titles.yaml"
_CAMEO_FILE = "actors/cameo.yaml"

# Fields a YAML/JSON actor record may carry; anything else is a typo worth reporting.
RECORD_FIELDS = frozenset({
    "label", "type", "aliases", "acronyms", "country", "affiliation", "wikidata", "roles", "surname",
    "iso3", "official_name", "demonyms", "capital", "metonyms", "un_status",
})
ROLE_FIELDS = frozenset({"title", "country", "start", "end"})
CSV_COLUMNS = ("label", "type", "aliases", "country", "affiliation", "wikidata", "role", "role_start", "role_end")

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# ---------------------------------------------------------------- names


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_POSSESSIVE = re.compile(r"'s\b")
_NON_WORD = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=1 << 17)
def normalise_name(text: str) -> str:
    """Comparable form of a name: ASCII, lower case, no punctuation, no leading "the".

    >>> normalise_name("the U.S.")
    'us'
    >>> normalise_name("Russia's")
    'russia'
    >>> normalise_name("Kim Jong-un")
    'kim jong un'
    """
    text = _POSSESSIVE.sub("", text.translate(_APOSTROPHES))  # "Russia's" -> "Russia"
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = text.replace(".", "").replace("'", "")  # "U.S." -> "us", "Sa'ar" -> "saar"
    text = _NON_WORD.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


# Transliteration variants folded together for fuzzy person matching: Zelenskyy/Selenskyj/Zelenskiy.
_FOLDS = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("w", "v"), ("z", "s"), ("j", "i"), ("y", "i"))


def _fold(name: str) -> str:
    for old, new in _FOLDS:
        name = name.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", name)


def _as_list(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return list(value)


def _iso_date(value, where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    try:
        return datetime.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ValueError(f"{where}: date {value!r} is not an ISO date; write YYYY-MM-DD") from None


# ---------------------------------------------------------------- records being built


@dataclass
class _Draft:
    """An actor while lists are still being merged; frozen into an Actor at the end."""

    label: str
    type: str
    country: str | None = None
    affiliation: str | None = None
    wikidata: str | None = None
    official_name: str | None = None
    aliases: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    roles: list[Role] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    surnames: list[str] = field(default_factory=list)
    un_status: str | None = None

    def names(self) -> Iterator[str]:
        yield self.label
        if self.official_name:
            yield self.official_name
        yield from self.aliases
        yield from self.acronyms
        yield from self.metonyms
        yield from self.demonyms  # PETRARCH lists "ISRAELI [ISR]" as an entry of its own

    def add_roles(self, roles: Iterable[Role]) -> None:
        for role in roles:
            if role not in self.roles:
                self.roles.append(role)


@dataclass(frozen=True, slots=True)
class ActorDetails:
    """What the knowledge base knows about an actor beyond the Actor record."""

    iso3: str | None = None
    official_name: str | None = None
    acronyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    capital: str | None = None
    surnames: tuple[str, ...] = ()
    un_status: str | None = None


@dataclass(frozen=True, slots=True)
class LoadedList:
    """One actor list read into a knowledge base, for messages like "added 212, merged 31"."""

    path: str
    format: str  # builtin, csv, yaml, json, petrarch
    records: int
    added: int
    merged: int
    skipped: int = 0


_STRING_FIELDS = ("label", "type", "country", "iso3", "affiliation", "wikidata", "official_name", "capital", "un_status")


def _draft_from_record(record: Mapping, where: str, titles: _TitleBook | None = None) -> _Draft:
    unknown = set(record) - RECORD_FIELDS
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; "
                         f"expected some of {', '.join(sorted(RECORD_FIELDS))}")
    for key in _STRING_FIELDS:
        if isinstance(record.get(key), (list, dict, set, tuple)):
            raise ValueError(f"{where}: {key!r} is a {type(record[key]).__name__}; write one string")
    label = str(record.get("label") or "").strip()
    if not label:
        raise ValueError(f"{where}: record has no label")
    actor_type = record.get("type") or ""
    if actor_type not in ACTOR_TYPES:
        raise ValueError(f"{where}: unknown actor type {actor_type!r} for {label!r}; "
                         f"expected one of {', '.join(ACTOR_TYPES)}")
    wikidata = record.get("wikidata") or None
    if wikidata is not None and not (isinstance(wikidata, str) and re.fullmatch(r"Q[1-9][0-9]*", wikidata)):
        raise ValueError(f"{where}: wikidata {wikidata!r} of {label!r} is not a Wikidata id; write it like 'Q159'")
    country = record.get("country") or record.get("iso3") or None
    roles = []
    for role in _as_list(record.get("roles")):
        unknown = set(role) - ROLE_FIELDS
        if unknown or not role.get("title"):
            raise ValueError(f"{where}: role {role!r} of {label!r} needs a title and only "
                             f"{', '.join(sorted(ROLE_FIELDS))}")
        title = str(role["title"])
        if titles is not None:
            title = titles.canonical(title) or title
        roles.append(Role(title, role.get("country", country) or None,
                          _iso_date(role.get("start"), where), _iso_date(role.get("end"), where)))
    return _Draft(
        label=label, type=actor_type, country=country, affiliation=record.get("affiliation") or None,
        wikidata=record.get("wikidata") or None, official_name=record.get("official_name") or None,
        aliases={str(a) for a in _as_list(record.get("aliases"))},
        acronyms={str(a) for a in _as_list(record.get("acronyms"))}, roles=roles,
        demonyms=[str(d) for d in _as_list(record.get("demonyms"))],
        metonyms=[str(m) for m in _as_list(record.get("metonyms"))], capital=record.get("capital") or None,
        surnames=[str(s) for s in _as_list(record.get("surname"))], un_status=record.get("un_status") or None,
    )


# ---------------------------------------------------------------- titles


class _TitleBook:
    """Canonical role titles, the variants news text uses for them, and offices that are one job."""

    def __init__(self, data: Mapping):
        self.variants: dict[str, str] = {}
        for canonical, variants in data["titles"].items():
            for variant in [canonical, *variants]:
                self.variants[normalise_name(variant)] = canonical
        self.family: dict[str, frozenset[str]] = {}
        for group in data.get("equivalent") or ():
            for canonical in group:
                self.family[canonical] = frozenset(group)

    def canonical(self, text: str) -> str | None:
        return self.variants.get(normalise_name(text))

    def same_office(self, canonical: str) -> frozenset[str]:
        return self.family.get(canonical, frozenset({canonical}))


# ---------------------------------------------------------------- the knowledge base


_TYPE_ORDER = {actor_type: i for i, actor_type in enumerate(("State", "Organization", "ArmedForce",
                                                             "NonStateArmedGroup", "Person", "Location"))}


class KnowledgeBase:
    """Actors indexed by normalised name, ISO3, demonym, surname and dated role.

    Build one with :func:`load_knowledge_base`; lookups never change it.
    """

    def __init__(self, drafts: Sequence[_Draft], titles: _TitleBook, loaded: Sequence[LoadedList] = (), agents: Mapping[str, str] | None = None):
        self._titles = titles
        self._agent_types = _agent_types(agents or {})
        self.loaded = tuple(loaded)
        state_labels: dict[str, str] = {}
        for draft in drafts:  # the first state with a code (the built-in one) owns it
            if draft.type == "State" and draft.country:
                state_labels.setdefault(draft.country, draft.label)
        self._actors: list[Actor] = []
        self._details: dict[str, ActorDetails] = {}
        seen_ids: set[str] = set()
        for draft in sorted(drafts, key=lambda d: (_TYPE_ORDER[d.type], normalise_name(d.label), d.label)):
            actor = self._freeze(draft, state_labels, seen_ids)
            self._actors.append(actor)
        self._actors.sort(key=lambda a: a.id)
        self._by_id = {actor.id: actor for actor in self._actors}
        self._index: dict[str, tuple[Actor, ...]] = {}
        self._states: dict[str, Actor] = {}
        demonyms: dict[str, Actor] = {}
        surnames: dict[str, list[Actor]] = {}
        self._by_title: dict[str, list[tuple[Actor, Role]]] = {}
        index: dict[str, list[Actor]] = {}
        for actor in self._actors:
            details = self._details[actor.id]
            for name in self._names(actor, details):
                bucket = index.setdefault(normalise_name(name), [])
                if actor not in bucket:
                    bucket.append(actor)
            if actor.type == "State" and details.iso3 and state_labels.get(details.iso3) == actor.label:
                self._states[details.iso3] = actor
                for demonym in details.demonyms:
                    demonyms.setdefault(normalise_name(demonym), actor)
            if actor.type == "Person":
                for surname in details.surnames:
                    bucket = surnames.setdefault(normalise_name(surname), [])
                    if actor not in bucket:
                        bucket.append(actor)
            for role in actor.roles:
                self._by_title.setdefault(role.title, []).append((actor, role))
        for key, actors in index.items():
            if key:
                actors.sort(key=lambda a: (normalise_name(a.label) != key, _TYPE_ORDER[a.type], a.id))
                self._index[key] = tuple(actors)
        self.demonyms: Mapping[str, Actor] = MappingProxyType(demonyms)
        self._surnames = {key: tuple(actors) for key, actors in surnames.items()}
        self._fuzzy_choices: list[str] | None = None  # person names, built on first fuzzy_person()
        self._fuzzy_folded: list[str] = []
        self._fuzzy_owners: list[Actor] = []
        self._fuzzy_exact: dict[str, list[int]] = {}

    def _freeze(self, draft: _Draft, state_labels: Mapping[str, str], seen_ids: set[str]) -> Actor:
        label = draft.label
        actor_id = actor_iri(draft.type, label)
        if actor_id in seen_ids:  # two different actors with one name: tell them apart by country
            label = f"{draft.label} ({draft.country or draft.type})"
            actor_id = actor_iri(draft.type, label)
            n = 2
            while actor_id in seen_ids:
                label, n = f"{draft.label} ({draft.country or draft.type} {n})", n + 1
                actor_id = actor_iri(draft.type, label)
        seen_ids.add(actor_id)
        affiliation = draft.affiliation
        if affiliation is None and draft.type != "State" and draft.country:
            affiliation = state_labels.get(draft.country)
        aliases = {a for a in (*draft.aliases, *draft.acronyms, draft.official_name) if a and a != label}
        if draft.type == "State":  # capitals and seats of government are names of the state too
            aliases |= {m[4:] if m.lower().startswith("the ") else m for m in draft.metonyms} - {label}
        surnames = draft.surnames or ([draft.label.split()[-1]] if draft.type == "Person" else [])
        if draft.type == "Person":  # one-word aliases are surname spellings: Zelenskyy, Selenskyj
            surnames = [*surnames, *(a for a in sorted(draft.aliases) if " " not in a.strip())]
        self._details[actor_id] = ActorDetails(
            iso3=draft.country if draft.type == "State" else None, official_name=draft.official_name,
            acronyms=tuple(sorted(draft.acronyms)), demonyms=tuple(draft.demonyms),
            metonyms=tuple(draft.metonyms), capital=draft.capital, surnames=tuple(dict.fromkeys(surnames)),
            un_status=draft.un_status,
        )
        return Actor(
            id=actor_id, label=label, type=draft.type, country=draft.country, affiliation=affiliation,
            wikidata=draft.wikidata, aliases=tuple(sorted(aliases, key=lambda a: (a.casefold(), a))),
            roles=tuple(sorted(draft.roles, key=lambda r: (r.start or "", r.end or "9999", r.title, r.country or ""))),
        )

    @staticmethod
    def _names(actor: Actor, details: ActorDetails) -> Iterator[str]:
        yield actor.label
        yield from actor.aliases
        yield from details.metonyms

    # ------------------------------------------------------------ lookups

    def __len__(self) -> int:
        return len(self._actors)

    def actors(self) -> Iterator[Actor]:
        """Every actor, ordered by IRI."""
        return iter(self._actors)

    def by_id(self, actor_id: str) -> Actor | None:
        """The actor with this IRI (an EntityRuler match's ``ent_id_``), or None."""
        return self._by_id.get(actor_id)

    def is_known(self, actor: Actor) -> bool:
        """True if the actor comes from this knowledge base, not from the text alone."""
        return actor.id in self._by_id

    def details(self, actor: Actor) -> ActorDetails:
        """ISO3, demonyms, metonyms, capital, surnames and UN status of an actor."""
        return self._details[actor.id]

    def demonym_of(self, state: Actor) -> str | None:
        """The adjective for a state's people: North Korea -> "North Korean"; None if it has none."""
        details = self._details.get(state.id)
        return details.demonyms[0] if details and details.demonyms else None

    def surface_forms(self) -> Iterator[tuple[str, Actor]]:
        """(name as written, actor) for every label, alias, acronym and metonym: phrase patterns."""
        for actor in self._actors:
            for name in dict.fromkeys(self._names(actor, self._details[actor.id])):
                yield name, actor

    def lookup(self, name: str) -> list[Actor]:
        """Actors whose label, alias, acronym, official name or metonym equals ``name`` once normalised.

        Exact label matches come first, then states, organisations, armed forces, groups, people.
        """
        return list(self._index.get(normalise_name(name), ()))

    def state(self, iso3: str) -> Actor | None:
        """The state with this ISO 3166 alpha-3 code ("USA", "PRK"), or None."""
        return self._states.get(iso3.strip().upper())

    def state_for_demonym(self, word: str) -> Actor | None:
        """The state a demonym names: "North Koreans" -> North Korea; None for "Korean"."""
        return self.demonyms.get(normalise_name(word))

    def _state_named(self, text: str) -> Actor | None:
        key = normalise_name(text)
        for actor in self._index.get(key, ()):
            if actor.type == "State":
                return actor
        return self.demonyms.get(key) or self._states.get(text.strip().upper())

    def agent_type(self, noun: str) -> str | None:
        """The actor type a role noun gives a demonym before it ("rebel" -> NonStateArmedGroup),
        from a PETRARCH agents dictionary passed as an actor list; None without one."""
        return self._agent_types.get(noun.lower())

    def people_with_surname(self, surname: str) -> list[Actor]:
        """People whose surname (or a one-word alias: "Zelenskyy") is ``surname``."""
        return list(self._surnames.get(normalise_name(surname), ()))

    def parse_title(self, text: str) -> tuple[str, str | None] | None:
        """(canonical title, ISO3 or None) of a title phrase, or None if it is not a known title.

        >>> load_knowledge_base().parse_title("Russia's Foreign Minister")
        ('Foreign Minister', 'RUS')
        """
        variants = self._titles.variants
        key = normalise_name(text)
        if key in variants:
            return variants[key], None
        words = key.split()
        for i in range(len(words) - 1, 0, -1):  # "US Secretary of State", "North Korean leader"
            tail = " ".join(words[i:])
            if tail in variants and (state := self._state_named(" ".join(words[:i]))):
                return variants[tail], state.country
        for i, word in enumerate(words[1:-1], start=1):  # "President of Russia"
            head = " ".join(words[:i])
            if word in ("of", "for") and head in variants and (state := self._state_named(" ".join(words[i + 1:]))):
                return variants[head], state.country
        return None

    def canonical_title(self, text: str) -> str | None:
        """"US Secretary of State" -> "Secretary of State"; "Defense Secretary" -> "Defence Minister"."""
        parsed = self.parse_title(text)
        return parsed[0] if parsed else None

    def holders(self, title: str, country: str | None = None, date: str | None = None) -> list[Actor]:
        """People holding ``title`` for ``country`` (ISO3 or state name) on ``date`` (ISO; None: today's holders).

        Titles of one office in different states count as one ("top diplomat" finds Secretaries of
        State and Foreign Ministers). Most recently appointed first.
        """
        parsed = self.parse_title(title)
        canonical, title_country = parsed if parsed else (title, None)
        iso3 = title_country
        if country is not None:
            state = self._state_named(country)
            iso3 = state.country if state else country.strip().upper()
        latest: dict[str, tuple[str, Actor]] = {}  # actor id -> (latest matching start, actor)
        for office in self._titles.same_office(canonical):
            for actor, role in self._by_title.get(office, ()):
                if (iso3 is None or role.country == iso3) and role.holds_on(date):
                    start = role.start or ""
                    if actor.id not in latest or start > latest[actor.id][0]:
                        latest[actor.id] = (start, actor)
        ranked = sorted(latest.values(), key=lambda item: (item[0], item[1].label), reverse=True)
        return [actor for _, actor in ranked]

    def fuzzy_person(self, name: str, min_score: float = 90) -> Actor | None:
        """The one known person whose name or surname is spelled like ``name``, or None.

        Conservative: returns None when two different people score within 5 points of each other,
        so it never merges two known actors. Names shorter than four letters must match exactly.
        """
        query = normalise_name(name)
        if not query:
            return None
        if self._fuzzy_choices is None:
            self._build_fuzzy_index()
        exact = {self._fuzzy_owners[i].id: self._fuzzy_owners[i] for i in self._fuzzy_exact.get(query, ())}
        if exact:  # a known spelling: that person, unless two people share it
            return next(iter(exact.values())) if len(exact) == 1 else None
        folded = _fold(query)
        best: dict[str, tuple[float, Actor]] = {}
        for choices, q in ((self._fuzzy_choices, query), (self._fuzzy_folded, folded)):
            for _, score, i in process.extract(q, choices, scorer=fuzz.ratio, limit=None, score_cutoff=min_score - 5):
                if len(query) < 4 and score < 100:
                    continue
                actor = self._fuzzy_owners[i]
                if score > best.get(actor.id, (0.0, actor))[0]:
                    best[actor.id] = (score, actor)
        ranked = sorted(best.values(), key=lambda item: (-item[0], item[1].id))
        if not ranked or ranked[0][0] < min_score:
            return None
        if len(ranked) > 1 and ranked[1][0] >= ranked[0][0] - 5:
            return None
        return ranked[0][1]

    def _build_fuzzy_index(self) -> None:
        choices: list[str] = []
        owners: list[Actor] = []
        for actor in self._actors:
            if actor.type != "Person":
                continue
            keys = {normalise_name(n) for n in (actor.label, *actor.aliases, *self._details[actor.id].surnames)}
            for key in sorted(k for k in keys if k):
                choices.append(key)
                owners.append(actor)
        self._fuzzy_choices, self._fuzzy_owners = choices, owners
        self._fuzzy_folded = [_fold(c) for c in choices]
        self._fuzzy_exact = {}
        for i, choice in enumerate(choices):
            self._fuzzy_exact.setdefault(choice, []).append(i)


# ---------------------------------------------------------------- merging lists


class _Builder:
    """Drafts plus a name index, so later lists can merge into earlier actors."""

    def __init__(self):
        self.drafts: list[_Draft] = []
        self._by_name: dict[str, list[int]] = {}
        self._by_label: dict[str, list[int]] = {}
        self._states: dict[str, int] = {}  # ISO3 -> the first state draft with that code

    def _index(self, i: int) -> None:
        draft = self.drafts[i]
        for name in draft.names():
            bucket = self._by_name.setdefault(normalise_name(name), [])
            if i not in bucket:
                bucket.append(i)
        bucket = self._by_label.setdefault(normalise_name(draft.label), [])
        if i not in bucket:
            bucket.append(i)

    def add(self, draft: _Draft) -> None:
        self.drafts.append(draft)
        self._index(len(self.drafts) - 1)
        if draft.type == "State" and draft.country:
            self._states.setdefault(draft.country, len(self.drafts) - 1)

    def add_user(self, draft: _Draft) -> bool:
        """Merge a user record into the actor it names, or add it. True if it merged."""
        label_hits = self._by_label.get(normalise_name(draft.label), [])
        if label_hits:
            same_type = [i for i in label_hits if self.drafts[i].type == draft.type]
            self._merge((same_type or label_hits)[0], draft, override=True, relabel=True)
            return True
        hits = {i for name in (draft.label, *draft.aliases) for i in self._by_name.get(normalise_name(name), ())
                if self.drafts[i].type == draft.type}
        if len(hits) == 1:
            self._merge(hits.pop(), draft, override=True, relabel=False)
            return True
        self.add(draft)
        return False

    def add_petrarch(self, draft: _Draft) -> bool:
        """Merge a PETRARCH entry into an actor carrying one of its names, or add it. True if it merged.

        A state entry with a known code and a new name ("MAYOTTE_ [FRA]") is a name of that state.
        """
        for names in ([draft.label], sorted(draft.aliases)):
            hits = []
            for name in names:
                for i in self._by_name.get(normalise_name(name), ()):
                    if i not in hits and self._compatible(self.drafts[i], draft, by_label=names == [draft.label]):
                        hits.append(i)
            if hits:
                self._merge(hits[0], draft, override=False)
                return True
        if draft.type == "State" and draft.country in self._states:
            self._merge(self._states[draft.country], draft, override=False)
            return True
        self.add(draft)
        return False

    @staticmethod
    def _compatible(existing: _Draft, new: _Draft, by_label: bool) -> bool:
        same_state = by_label and existing.type == new.type == "State"  # Egypt is Egypt, whatever its code
        if existing.country and new.country and existing.country != new.country and not same_state:
            return False
        if existing.type == new.type:
            return True
        if new.type in ("Person", "State"):
            return False
        # "WHITE_HOUSE_ [USAGOV]" names the built-in United States, "BASHAR_AL-ASSAD_ [SYRGOV]" the
        # built-in person: an undated role code says little about the type, the full name says more.
        return by_label

    def _merge(self, i: int, new: _Draft, override: bool, relabel: bool = False) -> None:
        """Fold ``new`` into draft ``i``: names and roles add up; ``override`` lets its fields win."""
        old = self.drafts[i]
        if override:
            if new.type != old.type:
                log.debug("actor list changes the type of %r from %s to %s", old.label, old.type, new.type)
                old.type = new.type
            for attr in ("country", "affiliation", "wikidata", "official_name", "capital", "un_status"):
                if getattr(new, attr) is not None:
                    setattr(old, attr, getattr(new, attr))
            if relabel and new.label != old.label:  # the user's spelling of the same name
                old.aliases.add(old.label)
                old.label = new.label
        else:
            for attr in ("country", "affiliation", "wikidata", "official_name", "capital"):
                if getattr(old, attr) is None:
                    setattr(old, attr, getattr(new, attr))
        names = {new.label, *new.aliases} - {old.label}
        old.aliases |= names
        old.acronyms |= new.acronyms
        old.add_roles(new.roles)
        for attr in ("demonyms", "metonyms", "surnames"):
            values = getattr(old, attr)
            values.extend(v for v in getattr(new, attr) if v not in values)
        self._index(i)

    def resolve_countries(self) -> None:
        """Let lists name a country by its state's name ("Russia") as well as by ISO3."""
        codes = {d.country for d in self.drafts if d.type == "State" and d.country}
        for draft in self.drafts:
            draft.country = self._iso3(draft.country, codes, draft.label)
            draft.roles = [role if role.country in codes or role.country is None
                           else Role(role.title, self._iso3(role.country, codes, draft.label), role.start, role.end)
                           for role in draft.roles]

    def _iso3(self, country: str | None, codes: set[str], label: str) -> str | None:
        if country is None or country in codes:
            return country
        if re.fullmatch(r"[A-Z]{3}", country):
            return country  # a code outside the built-in states, e.g. PETRARCH's USR (Soviet Union)
        for i in self._by_name.get(normalise_name(country), ()):
            if self.drafts[i].type == "State":
                return self.drafts[i].country
        raise ValueError(f"unknown country {country!r} for {label!r}; write an ISO 3166 alpha-3 code such as 'RUS'")


# ---------------------------------------------------------------- reading lists


def _read_text(path: Path) -> str:
    """Text of a file, line by line UTF-8 with a Windows-1252 fallback (the PETRARCH files mix both).

    A byte-order mark is honoured: Excel's "CSV UTF-8" (UTF-8 with BOM) and UTF-16 files read as text.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise OSError(f"cannot read actor list {str(path)!r}: {error.strerror or error}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError(f"{path}: starts like UTF-16 but is not valid UTF-16; save it as UTF-8") from None
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "\n".join(_decode_line(line) for line in data.split(b"\n"))


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors="replace")


def _records_from(data, path: Path) -> list[Mapping]:
    if isinstance(data, Mapping) and "actors" in data:
        data = data["actors"]
    if not isinstance(data, list) or not all(isinstance(r, Mapping) for r in data):
        raise ValueError(f"{path}: expected a list of actor records (or a mapping with an 'actors' list)")
    return data


def read_yaml_records(path: str | os.PathLike) -> list[Mapping]:
    path = Path(path)
    try:
        data = yaml.load(_read_text(path), Loader=_YAML_LOADER)
    except yaml.YAMLError as error:
        raise ValueError(_yaml_error(path, error)) from None
    return _records_from(data or [], path)


def _yaml_error(path: Path, error: yaml.YAMLError) -> str:
    """One line: where in the file, what is wrong, what to do."""
    mark = getattr(error, "problem_mark", None)
    where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
    problem = " ".join(str(getattr(error, "problem", None) or error).split())
    if "python/" in problem or "could not determine a constructor" in problem:
        tag = re.search(r"tag:yaml\.org,2002:([^'\s]+)", problem) or re.search(r"(!\S+)", problem)
        shown = ("!!" + tag.group(1) if tag.group(0).startswith("tag:") else tag.group(1)) if tag else "(a Python tag)"
        return (f"{where}: the tag {shown} is not allowed; actor lists hold plain data "
                "(strings, lists, mappings), so remove the tag")
    return f"{where}: YAML syntax error: {problem[:200]}; fix the line (quote values that hold ':' or '#')"


def read_json_records(path: str | os.PathLike) -> list[Mapping]:
    path = Path(path)
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}:{error.lineno}: invalid JSON: {error.msg} (column {error.colno}); "
                         "expected a list of actor records") from None
    except (ValueError, RecursionError) as error:
        raise ValueError(f"{path}: invalid JSON: {' '.join(str(error).split())[:200] or 'nested too deeply'}") from None
    if isinstance(data, Mapping) and "states" in data:
        data = data["states"]
    return _records_from(data, path)


def read_csv_records(path: str | os.PathLike) -> list[dict]:
    """Rows of an actor CSV as records; rows repeating a label add roles to the first."""
    path = Path(path)
    reader = csv.DictReader(io.StringIO(_read_text(path)))
    missing = {"label", "type"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(sorted(missing))}; "
                         f"expected columns {','.join(CSV_COLUMNS)}")
    unknown = set(reader.fieldnames or ()) - set(CSV_COLUMNS)
    if unknown:
        raise ValueError(f"{path}: unknown column(s) {', '.join(sorted(unknown))}; expected {','.join(CSV_COLUMNS)}")
    records: dict[str, dict] = {}
    for line, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k}
        if not row.get("label"):
            continue
        key = normalise_name(row["label"])
        record = records.setdefault(key, {"label": row["label"], "type": row["type"], "aliases": [], "roles": []})
        record["aliases"] += [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        for column in ("country", "affiliation", "wikidata"):
            if row.get(column):
                record[column] = row[column]
        if row.get("role"):
            record["roles"].append({"title": row["role"], "country": row.get("country") or None,
                                    "start": _iso_date(row.get("role_start"), f"{path}:{line}"),
                                    "end": _iso_date(row.get("role_end"), f"{path}:{line}")})
    return list(records.values())


# PETRARCH dictionaries --------------------------------------------------------

_CODE = re.compile(r"\[([^\]]*)\]")


_AGENT_ENTRY = re.compile(r"^([^\s\[{#]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]")
_AGENT_SET = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def looks_like_petrarch_agents(path: str | os.PathLike) -> bool:
    """True for a PETRARCH agents dictionary ("POLICE [~COP]"): by name or by its coded lines."""
    path = Path(path)
    if path.name.lower().endswith((".agents.txt", ".agents")):
        return True
    with open(path, "rb") as handle:
        lines = [line for line in (_decode_line(raw).split("#")[0].strip() for _, raw in zip(range(400), handle, strict=False)) if line]
    return sum(1 for line in lines if _AGENT_ENTRY.match(line)) >= max(1, len(lines) // 2)


def read_petrarch_agents(path: str | os.PathLike) -> dict[str, str]:
    """One-word agent nouns of a PETRARCH agents dictionary -> their first code ("police" -> "COP",
    "policeman" -> "COP" through the !PERSON! set). Phrases are left out: the actor stage
    matches a noun's lemma after a demonym."""
    sets: dict[str, list[str]] = {}
    nouns: dict[str, str] = {}
    for raw in Path(path).read_bytes().splitlines():
        line = _decode_line(raw).split("#")[0].strip()
        if match := _AGENT_SET.match(line):
            sets[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
            continue
        match = _AGENT_ENTRY.match(line)
        if not match:
            continue
        words = [match.group(1).strip("_")]
        for name, values in sets.items():
            words = [w.replace(name, value, 1) for w in words for value in values] if any(name in w for w in words) else words
        for word in words:
            if word.isalpha():
                nouns.setdefault(word.lower(), match.group(2))
    return nouns


def looks_like_petrarch(path: str | os.PathLike) -> bool:
    """True for a PETRARCH/TABARI actor dictionary: by name (``*.actors.txt``) or by its lines."""
    path = Path(path)
    if path.name.lower().endswith((".actors.txt", ".actors")):
        return True
    lines = []
    with open(path, "rb") as handle:
        for raw in handle:
            line = _decode_line(raw).split("#")[0].strip()
            if line and not line.startswith("<"):
                lines.append(line)
            if len(lines) == 20:
                break
    coded = sum(1 for line in lines if _CODE.search(line) or line.startswith("+"))
    structured = any(line.startswith(("{", "-", '"')) or ": " in line for line in lines)
    return bool(lines) and coded >= len(lines) / 2 and not structured


def _petrarch_date(text: str) -> str | None:
    """ISO date of a PETRARCH date: YYMMDD (00-30 -> 20YY, else 19YY, as PETRARCH reads them) or YYYYMMDD."""
    text = text.strip()
    if not text.isdigit() or len(text) < 6:
        return None
    try:
        if len(text) > 7:
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
        year = int(text[:2])
        return datetime.date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6])).isoformat()
    except ValueError:
        return None


_PARTICLES = frozenset({"of", "the", "and", "for", "de", "la", "del", "du", "von", "van", "der", "bin", "al", "el"})
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|\([A-Z0-9]+\)|[B-DF-HJ-NP-TV-XZ]{2,3}|UN|US|UK|EU")


def _petrarch_label(phrase: str) -> str:
    """Readable label of a PETRARCH phrase: "JOHN_KERRY_" -> "John Kerry", "U.N._CHIEF" -> "U.N. Chief"."""
    words = []
    for i, word in enumerate(phrase.replace("_", " ").split()):
        lower = word.lower()
        if _ACRONYM.fullmatch(word.upper() if "." not in word else word):
            words.append(word.upper())
        elif i and lower in _PARTICLES:
            words.append(lower)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(words)


@dataclass
class _PetrarchEntry:
    names: list[str]
    codes: list[tuple[str, str | None, str | None, bool]]  # code, start, end, dated


def _petrarch_entries(text: str) -> Iterator[_PetrarchEntry]:
    entry: _PetrarchEntry | None = None
    in_comment = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<"):
            in_comment = "<!--" in stripped and "-->" not in stripped
            continue
        stripped = stripped.split("#")[0].split(";")[0].strip()
        if not stripped:
            continue
        codes = [_petrarch_code(code) for code in _CODE.findall(stripped)]
        phrase = _CODE.sub(" ", stripped).strip()
        if phrase.startswith("+"):
            if entry and phrase[1:].strip():
                entry.names.append(phrase[1:].strip())
        elif phrase:
            if entry:
                yield entry
            entry = _PetrarchEntry([phrase], [])
        if entry:
            entry.codes.extend(c for c in codes if c)
    if entry:
        yield entry


def _petrarch_code(text: str) -> tuple[str, str | None, str | None, bool] | None:
    parts = text.split(None, 1)
    if not parts:
        return None
    code, restriction = parts[0].upper(), (parts[1] if len(parts) > 1 else "").replace(" ", "")
    if "~" in code or not code.isalnum():  # agent codes and ---, +++, ###, ELR/GAL
        return None
    if not restriction:
        return code, None, None, False
    if restriction[0] == "<":
        end = _petrarch_date(restriction[1:])
        return (code, None, end, True) if end else None
    if restriction[0] == ">":
        start = _petrarch_date(restriction[1:])
        return (code, start, None, True) if start else None
    start_text, _, end_text = restriction.partition("-")
    start, end = _petrarch_date(start_text), _petrarch_date(end_text) if end_text else None
    if start is None or (end_text and end is None) or (end and end < start):
        return None
    return code, start, end, True


class _Cameo:
    """CAMEO actor codes: which prefixes are states, and what role and actor type a suffix means."""

    def __init__(self, data: Mapping):
        self.roles: dict[str, str] = data["roles"]
        self.suffix_types: dict[str, str] = data["suffix_types"]
        self.non_state: dict[str, str] = data["non_state_prefixes"]
        self.regions: set[str] = set(data["regions"])
        self.institution_words: set[str] = set(data["institution_words"])

    def is_country(self, prefix: str) -> bool:
        return (len(prefix) == 3 and prefix.isalpha() and prefix not in self.non_state
                and prefix not in self.regions and prefix not in self.roles)

    def is_role(self, code: str) -> bool:
        """A code a person holds for a time: COUNTRY+ROLE ("RUSGOV") or an international body ("IGOUNO")."""
        return len(code) > 3 and (code[3:6] in self.roles or code[:3] in self.non_state)

    def role(self, code: str) -> tuple[str, str | None]:
        prefix, suffix = code[:3], code[3:6]
        if prefix in self.non_state:
            return self.roles.get(prefix, prefix), None
        return self.roles.get(suffix, suffix), prefix if self.is_country(prefix) else None

    def entry_type(self, codes, file_type: str | None, label: str = "") -> str | None:
        """Person if a role code is dated; else the file's type (MilNonState); else by code."""
        if not codes:
            return None
        institution = bool(self.institution_words & set(normalise_name(label).split()))
        if not institution and any(dated and self.is_role(code) for code, _, _, dated in codes):
            return "Person"  # a dated SUNUKR (Ukraine within the USSR) is no person, nor a dated assembly
        if file_type:
            return file_type
        bare = [code for code, *_ in codes if len(code) == 3]
        if any(self.is_country(code) for code in bare):
            return "State"
        if any(code in self.regions for code in bare):
            return "Location"
        for code, *_ in codes:
            if code[:3] in self.non_state:
                return self.non_state[code[:3]]
            if self.is_country(code[:3]):
                return self.suffix_types.get(code[3:6], "Organization")
        return "Organization"


def read_petrarch_records(path: str | os.PathLike, cameo: _Cameo | None = None, titles: _TitleBook | None = None) -> tuple[list[_Draft], int]:
    """Actors of a PETRARCH actor dictionary as drafts, and how many code-less entries were skipped.

    A synonym that puts a title before the name (``+SECRETARY_OF_STATE_HILLARY_CLINTON``) names
    the office of the entry's one dated government code (``[USAGOV 090121-130201]``): the entry
    gets a "Secretary of State" role with those dates beside the code's generic "Government" one.
    """
    path = Path(path)
    cameo = cameo or _Cameo(_load_yaml_file(_CAMEO_FILE))
    file_type = "NonStateArmedGroup" if "milnonstate" in path.name.lower() else None
    drafts, skipped = [], 0
    for entry in _petrarch_entries(_read_text(path)):
        actor_type = cameo.entry_type(entry.codes, file_type, entry.names[0])
        if actor_type is None:
            skipped += 1
            continue
        roles = []
        if actor_type == "Person":
            roles = [Role(*cameo.role(code), start, end) for code, start, end, dated in entry.codes
                     if dated and cameo.is_role(code)]
        by_recency = sorted(roles, key=lambda r: r.start or r.end or "", reverse=True)
        countries = [r.country for r in by_recency if r.country]
        countries += [code[:3] for code, *_ in entry.codes if cameo.is_country(code[:3])]
        labels = [_petrarch_label(name) for name in entry.names]
        if titles is not None and actor_type == "Person":
            roles = _titled_roles(roles, labels, titles)
        drafts.append(_Draft(label=labels[0], type=actor_type, country=countries[0] if countries else None,
                             aliases=set(labels[1:]) - {labels[0]}, roles=roles))
    return drafts, skipped


def _titled_roles(roles: list[Role], labels: list[str], titles: _TitleBook) -> list[Role]:
    surname = labels[0].split()[-1].lower()
    named = set()
    for alias in labels[1:]:
        words = alias.split()
        if len(words) > 1 and words[-1].lower() == surname:
            for cut in range(len(words) - 1, 0, -1):
                title = titles.canonical(" ".join(words[:cut]))
                if title is not None:
                    named.add(title)
                    break
    government = [r for r in roles if r.title == "Government" and r.start]
    if len(named) != 1 or len(government) != 1:
        return roles
    office = government[0]
    return [*roles, Role(named.pop(), office.country, office.start, office.end)]


# ---------------------------------------------------------------- loading


def _load_yaml_file(name: str):
    return yaml.load(ontology_file(name).read_text(encoding="utf-8"), Loader=_YAML_LOADER)


@functools.lru_cache(maxsize=1)
def _builtin_data() -> tuple[dict, dict, dict]:
    """Parsed built-in files (records by file, titles, CAMEO tables), read once per process."""
    records = {}
    for name in BUILTIN_LISTS:
        path = ontology_file(name)
        records[name] = read_json_records(path) if name.endswith(".json") else read_yaml_records(path)
    return records, _load_yaml_file(_TITLES_FILE), _load_yaml_file(_CAMEO_FILE)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    if looks_like_petrarch_agents(path):
        return "agents"
    if looks_like_petrarch(path):
        return "petrarch"
    raise ValueError(f"cannot read actor list {str(path)!r}: expected a .csv, .yaml, .yml or .json file "
                     "or a PETRARCH actor dictionary (*.actors.txt)")


def _agent_types(agents: Mapping[str, str]) -> dict[str, str]:
    """Agent nouns -> actor types, through ontologies/actors/agent_codes.yaml (first three letters
    of the code: "GOVMIL" counts as GOV)."""
    if not agents:
        return {}
    by_code = {code: actor_type for actor_type, codes in _load_yaml_file("actors/agent_codes.yaml").items() for code in codes}
    return {noun: by_code[code[:3]] for noun, code in agents.items() if code[:3] in by_code}


def load_knowledge_base(extra: Sequence[str | os.PathLike] = (), builtin: bool = True) -> KnowledgeBase:
    """The knowledge base of built-in actors (unless ``builtin=False``) plus the lists in ``extra``.

    Later lists override and extend earlier ones. The default call is cached: it returns the
    same object every time.

    >>> kb = load_knowledge_base()
    >>> kb.state_for_demonym("North Koreans").label
    'North Korea'
    """
    if isinstance(extra, (str, os.PathLike)):  # one path, not a sequence of characters
        extra = [extra]
    if not extra and builtin:
        return _default_knowledge_base()
    return _build(tuple(extra), builtin)


@functools.lru_cache(maxsize=1)
def _default_knowledge_base() -> KnowledgeBase:
    return _build((), True)


def _build(extra: tuple, builtin: bool) -> KnowledgeBase:
    records_by_file, titles_data, cameo_data = _builtin_data()
    titles = _TitleBook(titles_data)
    builder = _Builder()
    loaded = []
    agents: dict[str, str] = {}
    if builtin:
        for name, records in records_by_file.items():
            merged = 0
            for n, record in enumerate(records):
                draft = _draft_from_record(record, f"{name} record {n + 1}", titles)
                if name in _MERGING_LISTS:
                    merged += builder.add_user(draft)
                else:
                    builder.add(draft)
            loaded.append(LoadedList(name, "builtin", len(records), len(records) - merged, merged))
    cameo = _Cameo(cameo_data)
    for path in map(Path, extra):
        if not path.is_file():
            raise FileNotFoundError(f"actor list {str(path)!r} not found")
        fmt = _format_of(path)
        added = merged = skipped = 0
        if fmt == "agents":
            nouns = read_petrarch_agents(path)
            agents.update(nouns)
            loaded.append(LoadedList(str(path), fmt, len(nouns), 0, 0))
            continue
        if fmt == "petrarch":
            drafts, skipped = read_petrarch_records(path, cameo, titles)
            for draft in drafts:
                if builder.add_petrarch(draft):
                    merged += 1
                else:
                    added += 1
        else:
            reader = {"csv": read_csv_records, "yaml": read_yaml_records, "json": read_json_records}[fmt]
            records = reader(path)
            for n, record in enumerate(records):
                try:
                    draft = _draft_from_record(record, f"{path} record {n + 1}", titles)
                except (TypeError, AttributeError) as error:  # a list or mapping where a string belongs
                    raise ValueError(f"{path} record {n + 1}: a field has the wrong kind of value ({error}); "
                                     "labels, types and countries are strings, aliases and roles lists") from None
                if builder.add_user(draft):
                    merged += 1
                else:
                    added += 1
        loaded.append(LoadedList(str(path), fmt, added + merged + skipped, added, merged, skipped))
    builder.resolve_countries()
    return KnowledgeBase(builder.drafts, titles, loaded, agents=agents)
