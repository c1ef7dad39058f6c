"""Load the word lists under ontologies/lexicons/ into named frozensets, and check that they agree.

Each file maps a list name to its words; an optional ``exclusive`` entry names pairs of lists that
must not share a word (a word cannot be both a planned and a hypothetical cue). Loading fails with
a message naming the word, the lists and the file when a word is listed twice, when two files
define the same list, or when exclusive lists overlap.

>>> from graphkit.lexicons import words
>>> "hold" in words("light_verbs")
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .resources import ontology_file

LEXICON_DIR = "lexicons"
_EXCLUSIVE = "exclusive"


class LexiconError(ValueError):
    """A lexicon file that contradicts itself or another file."""


def read_lexicons(directory: str | Path) -> dict[str, frozenset[str]]:
    """Every list of every ``*.yaml`` file in ``directory``, checked; see the module docstring."""
    lists: dict[str, frozenset[str]] = {}
    origin: dict[str, str] = {}
    exclusive: list[tuple[str, str, str]] = []
    for path in sorted(Path(directory).glob("*.yaml")):
        with open(path, encoding="utf-8") as handle:
            entries = yaml.safe_load(handle) or {}
        for name, value in entries.items():
            if name == _EXCLUSIVE:
                exclusive.extend((first, second, path.name) for first, second in value)
                continue
            if name in lists:
                raise LexiconError(f"list {name!r} is defined in both {origin[name]} and {path.name}; keep one")
            lists[name], origin[name] = _word_set(name, value, path.name), path.name
    for first, second, file in exclusive:
        for name in (first, second):
            if name not in lists:
                raise LexiconError(f"{file}: exclusive names unknown list {name!r}; expected one of {', '.join(sorted(lists))}")
        shared = lists[first] & lists[second]
        if shared:
            raise LexiconError(f"{', '.join(sorted(shared))!s} listed in both {first} and {second}, which {file} declares exclusive; remove it from one")
    return lists


def _word_set(name: str, value: object, file: str) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise LexiconError(f"{file}: list {name!r} must be a list of quoted words (YAML reads on/no/yes as booleans)")
    seen: set[str] = set()
    for word in value:
        if word in seen:
            raise LexiconError(f"{file}: {word!r} is listed twice in {name}; remove one")
        seen.add(word)
    return frozenset(value)


@lru_cache(maxsize=1)
def lexicons() -> dict[str, frozenset[str]]:
    return read_lexicons(ontology_file(LEXICON_DIR))


def words(name: str) -> frozenset[str]:
    """The words of one list, e.g. ``words("light_verbs")``."""
    try:
        return lexicons()[name]
    except KeyError:
        raise KeyError(f"unknown lexicon {name!r}; expected one of {', '.join(sorted(lexicons()))}") from None
