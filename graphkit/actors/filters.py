"""Entities that name no actor (datelines, agency credits, title fragments) and names that name no person,
as the actor filters and the knowledge base decide."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import actor_filters
from .helpers import _strip_possessive


def _is_dateline(ent: Span, kb) -> bool:
    """"WASHINGTON (Reuters) -", "DOHA/JERUSALEM, Nov 24 -": where the story was filed, not an actor.
    An all-capitals name that opens a sentence and is followed by a bracket, comma or dash is a
    dateline unless the knowledge base spells some actor exactly so ("NATO, the alliance, ...")."""
    text = ent.text
    if not (text.isupper() and any(c.isalpha() for c in text)) or ent.start != ent.sent.start:
        return False
    following = ent.doc[ent.end].text if ent.end < len(ent.doc) else ""
    if following not in {"(", ",", "-", "–", "—"}:
        return False
    if following == "," and not _place_and_date_follow(ent):
        return False  # "BMW, whose X5 SUV ...": a name opening a sentence, not where it was filed
    return not any(text == actor.label or text in actor.aliases or text in kb.details(actor).acronyms for actor in kb.lookup(text))


def _place_and_date_follow(ent: Span) -> bool:
    """After a dateline's comma come only a region or a date, then the bracket or dash:
    "LAHORE, Pakistan (Reuters) -", "DOHA/JERUSALEM, Nov 24 -"; no lower-case word."""
    for token in ent.doc[ent.end + 1: ent.end + 9]:
        if token.text in {"(", "-", "–", "—", "--"}:
            return True
        if token.is_alpha and token.text[:1].islower():
            return False
    return False


def _is_credit(ent: Span) -> bool:
    """"SEOUL (Reuters) -", "(Reuters) -": the agency that filed the story, in brackets before the
    dash that opens it, reports nothing of its own there."""
    doc = ent.doc
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    after = doc[ent.end: ent.end + 2]
    if before != "(" or len(after) < 2 or after[0].text != ")" or after[1].text not in {"-", "–", "—", "--"}:
        return False
    opening = doc[ent.sent.start: ent.start - 1]
    # "SEOUL (Reuters) -", "MANCHESTER, England (Reuters) -", "SAN JUAN, Puerto Rico (Reuters) -"
    return len(opening) <= 8 and (len(opening) == 0 or opening[0].is_upper)


def _is_not_a_person_name(name: str) -> bool:
    """An organisation's or a place's name the tagger took for a person's."""
    name = _strip_possessive(name)
    return actor_filters.is_organisation_name(name) or actor_filters.not_actor_reason(name) == "place"


def _inside_longer_name(token: Token) -> bool:
    """"Trump" in "Trump Tower", "King" in "Martin Luther King": part of another name."""
    doc = token.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() for i in (token.i - 1, token.i + 1))


def _is_title_fragment(ent: Span) -> bool:
    """NER often tags "State" in "Secretary of State" as an organisation."""
    start = ent.start
    return start >= 2 and ent.doc[start - 1].lower_ == "of" and ent.doc[start - 2].lower_ in {"secretary", "minister", "ministers"}
