"""Decide whether a name the knowledge base does not know can be an actor at all.

The lists are data (``ontologies/actors/not_actors.yaml``); this module only reads them. Each
check takes the name as written and answers for names the knowledge base does not know: callers
ask the knowledge base first.

>>> not_actor_reason("American Health Care Act")
'law, programme or structure'
>>> not_actor_reason("Cruz 14.5 percent")
'number'
>>> not_actor_reason("Chris Christie") is None
True
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import yaml

from .resources import ontology_file

FILTERS_FILE = "actors/not_actors.yaml"
_DIGIT = re.compile(r"\d")
_ODD_CHARACTERS = re.compile(r"[@#:;()\[\]{}/\\|<>=+*%$€£¥]")


@dataclass(frozen=True, slots=True)
class Filters:
    names: frozenset[str]
    last_words: frozenset[str]
    organisation_words: frozenset[str]
    media_names: frozenset[str]
    media_last_words: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_prepositions: tuple[str, ...]
    places: frozenset[str]
    bad_last_words: frozenset[str]
    person_cues: frozenset[str]


def _folded(values) -> frozenset[str]:
    return frozenset(str(v).casefold() for v in values or ())


@functools.lru_cache(maxsize=1)
def load_filters() -> Filters:
    data = yaml.safe_load(ontology_file(FILTERS_FILE).read_text(encoding="utf-8"))
    media = data.get("media") or {}
    return Filters(
        names=_folded(data.get("names")), last_words=_folded(data.get("last_words")),
        organisation_words=_folded(data.get("organisation_words")),
        media_names=_folded(media.get("names")), media_last_words=_folded(media.get("last_words")),
        reporting_verbs=_folded(media.get("reporting_verbs")),
        reporting_prepositions=tuple(sorted(_folded(media.get("reporting_prepositions")), key=len, reverse=True)),
        places=_folded(data.get("places")), bad_last_words=_folded(data.get("bad_last_words")),
        person_cues=_folded(data.get("person_cues")),
    )


def strip_possessive(name: str) -> str:
    """"Alphabet Inc’s" -> "Alphabet Inc"; "Italy s" (apostrophe lost) -> "Italy"."""
    for suffix in ("'s", "’s", "'", "’", " s"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z]) s(?= [A-Z])")


def restore_apostrophes(name: str) -> str:
    """"Office of Brazil s Prosecutor-General" -> "Office of Brazil's Prosecutor-General" (the
    worldnews texts lost their apostrophes); only a lone "s" between two words of a name."""
    return _LOST_APOSTROPHE.sub("'s", name)


def not_actor_reason(name: str) -> str | None:
    """Why an unknown name is not an actor ("number", "time or thing", ...), or None if it may be one."""
    filters = load_filters()
    text = " ".join(name.split())
    words = text.split()
    folded = text.casefold()
    if not words:
        return "empty"
    if _DIGIT.search(text):
        return "number"  # "Cruz 14.5 percent", "4:16-cv-00106", "Rung Ra 2"
    if folded in filters.names:
        return "time or thing"
    if folded in filters.places:
        return "place"
    if _ODD_CHARACTERS.search(text) or text.count('"') or text.endswith((".", ",", "-")) and not words[-1][:-1].isalpha():
        return "fragment"  # "@realDonaldTrump : - Our", "Iraqi) court"
    if not words[0][:1].isupper():
        return "fragment"  # "don t.", "shi ite", "council s"
    if words[-1].casefold() in filters.bad_last_words or (len(words) > 1 and words[-1].islower() and len(words[-1]) <= 3):
        return "fragment"  # "Jason Chaffetz and Elijah Cummings of", "Koike s new"
    if len(words) > 1 and words[-1].casefold() in filters.last_words:
        return "law, programme or structure"
    return None


def is_organisation_name(name: str) -> bool:
    """A name that ends like an organisation's ("Samsung Electronics", "Freedom Caucus")."""
    words = name.split()
    return len(words) > 1 and words[-1].casefold() in load_filters().organisation_words


def is_person_cue(word: str) -> bool:
    """A title or honorific that vouches for the name after it: "Senator", "Mr.", "leader"."""
    return word.casefold() in load_filters().person_cues


def is_media_outlet(name: str) -> bool:
    """"Reuters", "ABC News", "Bangor Daily News", "the New York Observer"."""
    filters = load_filters()
    words = strip_possessive(name).split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    if not words:
        return False
    return " ".join(words).casefold() in filters.media_names or (len(words) > 1 and words[-1].casefold() in filters.media_last_words)


def is_reporting_context(head_lemma: str, dependency: str, preceding: str) -> bool:
    """Whether an outlet is quoted as the source of a report: object of "tell", "quote", "cite",
    or after "according to" / "in an interview with" (``preceding``: the words before it)."""
    filters = load_filters()
    if head_lemma.casefold() in filters.reporting_verbs and dependency in {"dobj", "dative", "pobj", "agent"}:
        return True
    before = " ".join(preceding.casefold().split())
    return any(before.endswith(phrase) for phrase in filters.reporting_prepositions)
