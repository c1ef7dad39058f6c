"""Word lists of the actors stage and small helpers on tokens and spans, shared by its rules."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .. import actor_filters
from ..lexicons import words
from ..models import Actor, Role

ALLY_NOUNS = words("ally_nouns")
# "German police", "Chinese banks": a body of that state, named by what it is.
ORGANISATION_NOUNS = words("organisation_nouns")
ARRIVAL_VERBS = words("arrival_verbs")
PARTY_MEMBER_NOUNS = words("party_member_nouns")
PARTY_MEMBER_WORDS = words("party_member_words")
LED_GROUP_NOUNS = words("led_group_nouns")
PERSON_BODY_NOUNS = words("person_body_nouns")
CAMPAIGN_MODIFIERS = words("campaign_modifiers")
CITY_PARTS = words("city_parts")
LOCATIVE_PREPOSITIONS = words("locative_prepositions")
PERSON_PRONOUNS = words("person_pronouns")
THING_PRONOUNS = words("thing_pronouns")
PLURAL_PRONOUNS = words("plural_pronouns")
RELATIVE_PRONOUNS = words("relative_pronouns")
_NAME_LABELS = {"PERSON"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_COREF_WINDOW = {"person": 3, "thing": 1, "plural": 1}


def _whole_name(ent: Span) -> Span:
    """A person's name the tagger cut short ("Enrique Pena" + "Nieto"): the capitalised proper
    nouns right after it that no entity claims belong to it (two at most). A title the tagger took
    into the name ("Lawyer Celal Celik") is left out; the title rules read it before the name."""
    if ent.label_ != "PERSON":
        return ent
    if len(ent) >= 3 and actor_filters.is_person_cue(ent[0].text) and all(t.pos_ == "PROPN" and t.is_title for t in ent[1:]):
        ent = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)  # "Lawyer Celal Celik": the title is no part of the name
    end = ent.end
    doc = ent.doc
    while end < min(len(doc), ent.end + 2) and doc[end].pos_ == "PROPN" and doc[end].ent_iob_ == "O" and doc[end].is_alpha and doc[end].is_title:
        end += 1
    return ent if end == ent.end else Span(doc, ent.start, end, label=ent.label_)


def _without_lost_clitic(ent: Span) -> Span:
    """"Fethullah Gulen s" (the worldnews texts lost their apostrophes; the tagger took the "s"
    into the name): the name without it. ``graphkit.nlp`` gives such an "s" the norm "'s"."""
    if len(ent) > 1 and ent[-1].text == "s" and ent[-1].norm_ == "'s":
        return Span(ent.doc, ent.start, ent.end - 1, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
    return ent


DASHES = frozenset({"-", "\u2013", "\u2014"})


def _before_dash(ent: Span) -> Span:
    """"Michael Flynn - resigned in February" (a factbox line the tagger read as one name): the
    name before a dash set off by spaces; a hyphen inside a name ("Abu Mohammed al-Julani") stays."""
    for token in ent[1:]:
        if token.text in DASHES and token.i > 0 and ent.doc[token.i - 1].whitespace_:
            return Span(ent.doc, ent.start, token.i, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)
    return ent


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _strip_determiner(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _with_determiner(span: Span) -> tuple[int, int]:
    start = span.start
    if start > 0 and span.doc[start - 1].lower_ in {"the", "these", "those"} and span.doc[start - 1].head.i >= start:
        start -= 1
    end = span.end
    if end < len(span.doc) and span.doc[end].tag_ == "POS":
        end += 1
    return start, end


def _is_coordinated(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children)


def _governing_noun(ent: Span) -> Token | None:
    """The noun an entity modifies: "soldiers" in "North Korean soldiers", "military" in "Ukraine's military"."""
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "American and British warplanes": "British" modifies what "American" does
    if root.dep_ in {"amod", "compound", "nmod", "poss"} and root.head.pos_ in {"NOUN", "PROPN"} and root.head.i >= ent.end:
        return root.head
    return None


def _noun_phrase(head: Token, ent: Span | None) -> tuple[int, int]:
    """Tokens from a noun's first left modifier (determiners, numbers, adjectives) to the noun."""
    left = [t.i for t in head.lefts if t.dep_ in {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet"}]
    start = min([head.i, *left, *([ent.start] if ent is not None else [])])
    return start, head.i + 1


def _has_number(token: Token) -> bool:
    return any(child.like_num or child.dep_ == "nummod" for child in token.lefts)


def _is_title_word(token: Token) -> bool:
    if token.is_punct and token.text not in {"-", "."}:
        return False
    return token.pos_ in {"PROPN", "NOUN", "ADJ"} or token.lower_ in {"of", "for", "-", "foreign", "defence", "defense"} or token.text.isupper()


def _owns_city_part(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "poss" and root.head.lemma_.lower() in CITY_PARTS


def _title_phrase(token: Token) -> tuple[int, int]:
    sent = token.sent  # spaCy finds the sentence anew on every access
    start = token.i
    while start > sent.start and _is_title_word(token.doc[start - 1]) and token.doc[start - 1].lower_ not in {"the", "a"}:
        start -= 1
    end = token.i + 1
    while end + 1 < sent.end and token.doc[end].lower_ == "of" and token.doc[end + 1].pos_ in {"PROPN", "NOUN"}:
        end += 2
    return start, end


def _with_role(actor: Actor, title: str | None, state: Actor | None, date: str | None) -> Actor:
    """Add what a title says to an actor the knowledge base did not know it for."""
    if actor.roles or (actor.country and not title):
        return actor
    roles = (Role(title, state.country if state else None),) if title else ()
    return Actor(
        id=actor.id, label=actor.label, type=actor.type,
        country=actor.country or (state.country if state else None),
        affiliation=actor.affiliation or (state.label if state else None),
        wikidata=actor.wikidata, aliases=actor.aliases, roles=roles,
    )
