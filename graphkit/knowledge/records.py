"""Actor records while lists are merged (drafts), what the knowledge base keeps beyond an Actor, and role titles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from graphkit.models import Role
from graphkit.schema import ACTOR_TYPES

from .names import _as_list, _iso_date, normalise_name

# Fields a YAML/JSON actor record may carry; anything else is a typo worth reporting.
RECORD_FIELDS = frozenset({
    "label", "type", "aliases", "acronyms", "country", "affiliation", "wikidata", "roles", "surname",
    "iso3", "official_name", "demonyms", "capital", "metonyms", "un_status", "gender",
})
# A person's recorded gender: what "he" or "she" may stand for (graphkit.actors.gender).
GENDERS = frozenset({"F", "M"})
ROLE_FIELDS = frozenset({"title", "country", "start", "end"})


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
    gender: str | None = None

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
    gender: str | None = None  # "F" or "M" where a list records it


@dataclass(frozen=True, slots=True)
class LoadedList:
    """One actor list read into a knowledge base, for messages like "added 212, merged 31"."""

    path: str
    format: str  # builtin, csv, yaml, json, petrarch
    records: int
    added: int
    merged: int
    skipped: int = 0


_STRING_FIELDS = ("label", "type", "country", "iso3", "affiliation", "wikidata", "official_name", "capital", "un_status", "gender")


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
    gender = record.get("gender") or None
    if gender is not None and gender not in GENDERS:
        raise ValueError(f"{where}: gender {gender!r} of {label!r}; write one of {', '.join(sorted(GENDERS))}")
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
        gender=gender,
    )


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
