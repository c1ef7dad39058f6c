"""Records passed between the pipeline stages: articles in, actors and relations out."""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import ACTOR_TYPES, MODALITIES, RESOLUTIONS  # noqa: F401  (the field vocabularies, re-exported)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from disk, JSONL or stdin.

    ``text`` is the body after normalisation: one unit (paragraph, headline or
    sub-heading) per line, so a line break always ends a sentence.
    """

    doc_id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    url: str | None = None
    origin: str = ""  # "path" or "path:line" the article came from
    metadata: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class Skipped:
    """Input that could not be used, with the reason shown to the user."""

    origin: str  # "path" or "path:line"
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Role:
    title: str  # "Secretary of State"
    country: str | None = None  # ISO3 of the state the role belongs to
    start: str | None = None  # ISO date, inclusive
    end: str | None = None  # ISO date, inclusive; None while in office

    def holds_on(self, date: str | None) -> bool:
        if date is None:
            return self.end is None
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: one node of the graph."""

    id: str  # IRI
    label: str
    type: str  # one of ACTOR_TYPES
    country: str | None = None  # ISO3 of the actor's state, where it has one
    affiliation: str | None = None  # label of the state or body it belongs to
    wikidata: str | None = None  # "Q159"
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in one sentence that name an actor."""

    actor: Actor
    text: str
    start_char: int  # offsets into Article.text
    end_char: int
    sentence_index: int
    # Inside another actor's mention ("Turkish" in "Turkish President Erdogan"): counts as a
    # mention of the actor, but is never a relation's endpoint or a pronoun's antecedent.
    nested: bool = False
    # The words are a name of this actor, fit to be an alias ("Pyongyang" for North Korea). False
    # for pronouns and descriptions, and for another actor's name ("US" in "US troops").
    names_actor: bool = True
    # How the words were resolved: one of RESOLUTIONS. A pronoun's words never become an alias.
    how: str = "name"


# "name" (a known name or alias), "title" ("President Biden"), "demonym" ("Russian troops"),
# "pronoun" ("he", "its troops"), "description" ("his office", "the government in Kyiv").

@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    sentence_index: int
    sentence: str
    char_span: tuple[int, int]  # offsets of the statement into Article.text
    date: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """One statement in one sentence: source acts on target."""

    source: Actor
    relation: str  # a name from the relation vocabulary, e.g. "trains"
    target: Actor
    evidence: Evidence
    source_text: str
    target_text: str
    negated: bool = False
    modality: str = "asserted"  # one of MODALITIES
    attributed_to: Actor | None = None
    location: str | None = None
    quantity: str | None = None
    confidence: float = 0.5
    trigger: str = ""  # the words that triggered the relation
    pattern: str = ""  # how the statement was found (the rule, or how its source was found): sets the base confidence
    rule: str = ""  # the registered rule whose candidate won (graphkit.relations.registry)


ACTOR_NAMESPACE = "https://w3id.org/graphkit/actor/"


def slugify(text: str) -> str:
    """Lower-case ASCII slug: safe in an IRI path segment, and distinct for names in any script.

    Letters with accents lose them ("Erdoğan" -> "erdogan"). A name with letters or digits that
    have no ASCII form and are not Latin (Cyrillic, Arabic, Chinese) keeps what has one and gets the first
    ten hex digits of the SHA-1 of its NFC form, after the name of the script when nothing
    else is left: "Владимир Путин" -> "cyrillic-<hash>". So two such names never share a slug
    by accident, and the same name always gets the same one.

    >>> slugify("Türkiye"), slugify("习近平")[:4]
    ('turkiye', 'cjk-')
    """
    import hashlib
    import re
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    slug = re.sub(r"[^a-z0-9]+", "-", decomposed.encode("ascii", "ignore").decode().lower()).strip("-")
    # Latin letters without an ASCII form ("ı", "ł") are dropped as before, so Latin-script IRIs stay as they were.
    lost = [ch for ch in decomposed if ch.isalnum() and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN")]
    if not lost:
        return slug or "unnamed"
    digest = hashlib.sha1(unicodedata.normalize("NFC", text).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    script = unicodedata.name(lost[0], "other").split()[0].lower()
    return f"{slug or re.sub(r'[^a-z0-9]+', '-', script)}-{digest}"


def actor_iri(actor_type: str, label: str) -> str:
    """Stable IRI of an actor from its type and canonical label."""
    return f"{ACTOR_NAMESPACE}{slugify(actor_type)}/{slugify(label)}"
