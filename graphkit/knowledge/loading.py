"""Build a KnowledgeBase: the built-in lists, then user lists merged into them in order."""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path

from graphkit.models import Role
from graphkit.resources import ontology_file

from .base import KnowledgeBase
from .formats import _load_yaml_file, read_csv_records, read_json_records, read_yaml_records
from .names import normalise_name
from .petrarch import _CAMEO_FILE, _Cameo, looks_like_petrarch, looks_like_petrarch_agents, read_petrarch_agents, read_petrarch_records
from .records import LoadedList, _Draft, _draft_from_record, _TitleBook

log = logging.getLogger("graphkit.knowledge")  # the package's logger, as before the split


BUILTIN_LISTS = ("actors/states.json", "actors/organisations.yaml", "actors/armed_groups.yaml", "actors/people.yaml",
                 "actors/institutions.yaml", "actors/us_congress.yaml")
# Generated or domestic lists that name people and bodies of the lists before them (Donald Trump
# is in people.yaml and in us_congress.yaml): their records merge into an actor of the same name.
_MERGING_LISTS = frozenset({"actors/institutions.yaml", "actors/us_congress.yaml"})
_TITLES_FILE = "actors/titles.yaml"


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
            for attr in ("country", "affiliation", "wikidata", "official_name", "capital", "un_status", "gender"):
                if getattr(new, attr) is not None:
                    setattr(old, attr, getattr(new, attr))
            if relabel and new.label != old.label:  # the user's spelling of the same name
                old.aliases.add(old.label)
                old.label = new.label
        else:
            for attr in ("country", "affiliation", "wikidata", "official_name", "capital", "gender"):
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
            del records  # the parsed file is not needed once its drafts are merged
        loaded.append(LoadedList(str(path), fmt, added + merged + skipped, added, merged, skipped))
    builder.resolve_countries()
    drafts = builder.drafts
    del builder  # its name indexes are not needed while the knowledge base builds its own
    return KnowledgeBase(drafts, titles, loaded, agents=agents)
