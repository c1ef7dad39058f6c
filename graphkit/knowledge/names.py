"""Comparable forms of names, dates and lists in actor records; shared by every part of the knowledge base."""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata

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
