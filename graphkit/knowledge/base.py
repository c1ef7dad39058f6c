"""The KnowledgeBase: actors indexed by name, code, demonym, surname and dated role, and its lookups."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

from rapidfuzz import fuzz, process

from graphkit.models import Actor, Role, actor_iri

from .names import _fold, normalise_name
from .petrarch import _agent_types
from .records import ActorDetails, LoadedList, _Draft, _TitleBook

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
        self._first_names: dict[str, str] | None = None  # first name -> gender, built on first first_name_gender()
        self._fuzzy_choices: list[str] | None = None  # person names, built on first fuzzy_person()
        self._fuzzy_folded: list[str] = []
        self._fuzzy_owners: list[Actor] = []
        self._fuzzy_exact: dict[str, list[int]] = {}
        self._fuzzy_by_length: _LengthIndex | None = None
        self._fuzzy_folded_by_length: _LengthIndex | None = None
        # (normalised name, min_score) -> fuzzy_person's answer: the same unknown names recur in
        # article after article, and the knowledge base does not change once built
        self._fuzzy_answers: dict[tuple[str, float], Actor | None] = {}

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
            un_status=draft.un_status, gender=draft.gender,
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

    def gender(self, actor: Actor) -> str | None:
        """"F" or "M" where a list records the person's gender (us_congress.yaml does), else None."""
        details = self._details.get(actor.id)
        return details.gender if details else None

    def first_name_gender(self, first_name: str) -> str | None:
        """The gender of a first name, where at least FIRST_NAME_MIN_PEOPLE people of the knowledge base
        carry it and all of them have the same recorded gender ("Steve": M); else None ("Lindsey")."""
        if self._first_names is None:
            seen: dict[str, set[str]] = {}
            counts: dict[str, int] = {}
            for actor in self._actors:
                gender = self._details[actor.id].gender
                if actor.type == "Person" and gender and " " in actor.label:
                    key = normalise_name(actor.label.split()[0])
                    seen.setdefault(key, set()).add(gender)
                    counts[key] = counts.get(key, 0) + 1
            self._first_names = {k: g.pop() for k, g in seen.items() if len(g) == 1 and counts[k] >= FIRST_NAME_MIN_PEOPLE}
        return self._first_names.get(normalise_name(first_name))

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
        so it never merges two known actors. Names shorter than four letters must match exactly, and
        a full name's surname must itself be spelled alike ("Zelenskiy", never "Comey" for "Comer").
        """
        query = normalise_name(name)
        if not query:
            return None
        key = (query, min_score)
        if key not in self._fuzzy_answers:
            if len(self._fuzzy_answers) >= _FUZZY_ANSWERS_KEPT:
                self._fuzzy_answers.clear()
            self._fuzzy_answers[key] = self._fuzzy_person(query, min_score)
        return self._fuzzy_answers[key]

    def _fuzzy_person(self, query: str, min_score: float) -> Actor | None:
        if self._fuzzy_choices is None:
            self._build_fuzzy_index()
        exact = {self._fuzzy_owners[i].id: self._fuzzy_owners[i] for i in self._fuzzy_exact.get(query, ())}
        if exact:  # a known spelling: that person, unless two people share it
            return next(iter(exact.values())) if len(exact) == 1 else None
        folded = _fold(query)
        best: dict[str, tuple[float, Actor]] = {}
        searches = ((self._fuzzy_choices, self._fuzzy_by_length, query), (self._fuzzy_folded, self._fuzzy_folded_by_length, folded))
        for choices, by_length, q in searches:
            for score, i in _ratios_at_least(q, by_length, min_score - 5):
                if len(query) < 4 and score < 100:
                    continue
                if not _surnames_alike(q, choices[i]):
                    continue  # "James Comey" is not Representative James Comer: a shared first name carries the score
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
        self._fuzzy_by_length = _LengthIndex(choices)
        self._fuzzy_folded_by_length = _LengthIndex(self._fuzzy_folded)
        self._fuzzy_exact = {}
        for i, choice in enumerate(choices):
            self._fuzzy_exact.setdefault(choice, []).append(i)


# How many fuzzy_person answers a knowledge base keeps (a few MB at most).
_FUZZY_ANSWERS_KEPT = 20_000

# People of one recorded gender who must share a first name before it tells the gender of another
# bearer: one "Lindsey" (Graham) says nothing of the next.
FIRST_NAME_MIN_PEOPLE = 2
# How alike two full names' surnames must be for a fuzzy match ("zelenskiy"/"zelensky" 94, "comey"/"comer" 80).
_SURNAME_MIN_SCORE = 85


def _surnames_alike(query: str, key: str) -> bool:
    """Whether two names of several words end in surnames spelled alike; single words always pass."""
    query_words, key_words = query.split(), key.split()
    if len(query_words) < 2 or len(key_words) < 2:
        return True
    return fuzz.ratio(query_words[-1], key_words[-1]) >= _SURNAME_MIN_SCORE


class _LengthIndex:
    """Strings ordered by length, so that a fuzzy search reads only those long enough and short
    enough to reach its cutoff (fuzz.ratio of lengths a and b is at most 100 * 2 * min(a, b) / (a + b))."""

    def __init__(self, strings: list[str]):
        self.order = sorted(range(len(strings)), key=lambda i: (len(strings[i]), i))
        self.strings = [strings[i] for i in self.order]
        self.lengths = [len(text) for text in self.strings]

    def window(self, length: int, cutoff: float) -> tuple[int, int]:
        """Positions in ``strings`` of the lengths that can score ``cutoff`` against ``length``, with a letter to spare either side."""
        if cutoff <= 0:
            return 0, len(self.strings)
        share = min(cutoff, 100) / 100
        shortest = length * share / (2 - share) - 1
        longest = length * (2 - share) / share + 1
        return bisect_left(self.lengths, shortest), bisect_right(self.lengths, longest)


def _ratios_at_least(query: str, index: _LengthIndex, cutoff: float) -> list[tuple[float, int]]:
    """(score, position in the original list) of every string scoring at least ``cutoff`` with
    fuzz.ratio, in the order process.extract gives for the whole list (best first, then by position)."""
    start, end = index.window(len(query), cutoff)
    found = process.extract(query, index.strings[start:end], scorer=fuzz.ratio, limit=None, score_cutoff=cutoff)
    return sorted(((score, index.order[start + j]) for _, score, j in found), key=lambda item: (-item[0], item[1]))
