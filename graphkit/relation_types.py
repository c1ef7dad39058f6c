"""The relation types: each relation's event codes, trigger words and behaviours, read from ontologies/relations.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .resources import ontology_file
from .schema import QUAD_CLASSES

_DETERMINERS = {"a", "an", "the"}


BEHAVIOURS = (
    "speech_act", "asset_target", "unrealised_object", "own_forces", "embedded_target", "answers_clause", "claim_target", "hosts_events",
    "compound_modifier", "content_not_event", "owner_target", "infinitive_plans", "armed_party", "foreign_target",
    "no_population", "stated_owner", "business_target", "foreign_partner", "inquiry_partner",
)


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    definition: str
    cameo: str
    plover: str
    goldstein: float
    quad_class: str
    symmetric: bool
    verbs: tuple[str, ...]
    preps: tuple[str, ...]
    nouns: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]  # words of each phrase, determiners dropped
    speaker_phrases: tuple[tuple[str, ...], ...] = ()  # the speaker acts on the phrase's subject
    mutual: bool = False  # directed, but binding both parties: "X signed a deal with Y" gives both
    # Behaviours the rules read (see the header of ontologies/relations.yaml); never the name.
    speech_act: bool = False
    asset_target: bool = False
    unrealised_object: bool = False
    own_forces: bool = False
    embedded_target: bool = False
    answers_clause: bool = False
    claim_target: bool = False
    hosts_events: bool = False
    compound_modifier: bool = False
    content_not_event: bool = False
    owner_target: bool = False
    stated_owner: bool = False
    infinitive_plans: bool = False
    no_population: bool = False  # "Filipinos were killed by police": a population is no target
    armed_party: bool = False  # "Clinton battles Sanders": between people and organisations alone it is rivalry
    foreign_target: bool = False  # "Obama traveled to Washington": no visit to one's own state
    business_target: bool = False  # "sanctions on Chinese banks": the state named by its businesses
    foreign_partner: bool = False  # "Obama met with his national security team": not with his own state
    inquiry_partner: bool = False  # "cooperating with the AG in its investigation": compliance, no partnership
    frames: tuple[Frame, ...] = ()
    # "Trump attacked Comey": with these verbs and no armed party on either side, the attack is
    # verbal and the statement is ``verbal_form`` (ANNOTATION.md: a verbal attack is criticizes)
    verbal_form: str | None = None
    verbal_verbs: frozenset[str] = frozenset()
    # "trade talks", "talks on a peace deal": talks whose topic is one of ``topic_words`` are ``topic_form``
    topic_form: str | None = None
    topic_words: frozenset[str] = frozenset()
    # "welcomed Germany's decision": an object that is one of ``object_words`` makes the statement ``object_form``
    object_form: str | None = None
    object_words: frozenset[str] = frozenset()
    armed_verbs: frozenset[str] = frozenset()  # "engaged Ukrainian troops": only with an armed party
    causative_verbs: frozenset[str] = frozenset()  # "get X to act", "convince X to act": only with an object clause
    # "sent a letter to Congress", "signed the bill": a verb whose object is one of these states no event
    idle_objects: frozenset[str] = frozenset()
    # "gave Congress until March", "sent a commander there": these generic verbs state the relation
    # only when what they move is one of ``goods`` (or of ``object_words``)
    goods_verbs: frozenset[str] = frozenset()
    goods: frozenset[str] = frozenset()
    topic_verbs: frozenset[str] = frozenset()  # "discussed North Korea with Xi": the object is the topic
    travel_verbs: frozenset[str] = frozenset()  # "Trump left the Philippines": a person travels, no withdrawal
    # "U.S. sanctions targeted Russia's projects", "a campaign targeting India's tobacco industry":
    # a measure, law or campaign as subject does not do the relation (unless one of
    # ``force_modifiers`` makes it armed: "a bombing campaign", "a hacking campaign")
    inert_subjects: frozenset[str] = frozenset()
    force_modifiers: frozenset[str] = frozenset()
    # "agreed to destroy Syrian chemical weapons": one of ``disarm_verbs`` on one of ``disarm_objects``
    # disarms the owner; it is no attack on it
    disarm_verbs: frozenset[str] = frozenset()
    disarm_objects: frozenset[str] = frozenset()
    stance_predicates: tuple[str, ...] = ()  # "critical of", "disappointed (that)", "supportive of"
    label_predicates: tuple[str, ...] = ()  # "called Trump a liar", "painted X as a pay-to-play operation"
    # nouns that name the relation only when they ask for a clause: "calls from lawmakers to step down"
    # (a "call" alone is as often a phone call)
    clause_nouns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Frame:
    """A governed frame that triggers a relation: ``verb`` complementing one of ``governors``
    ("ordered X to leave"), or hanging from a noun of ``through`` that one of them governs
    ("gave him 72 hours to leave")."""

    verb: str
    governors: frozenset[str]
    through: frozenset[str] = frozenset()
    name: str = "frame"  # the rule name its statements carry


def label_tokens(entry: str) -> tuple[str, ...]:
    """"pay-to-play" -> pay, -, to, -, play: a label as the tokens the parser makes of it."""
    return tuple(part for word in entry.lower().split() for part in re.split(r"(-)", word) if part)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    relations: dict[str, RelationType]
    verb_index: dict[str, str]  # verb lemma -> relation name
    noun_index: dict[str, str]  # noun lemma -> relation name
    # Candidate verbs from the event-data community's CAMEO dictionary (ontologies/cameo/), lemma ->
    # relation, for verbs our own lists do not have: triggers of lower confidence, never overriding ours.
    dictionary_index: dict[str, str] = field(default_factory=dict)
    stance_index: dict[str, str] = field(default_factory=dict)  # stance predicate lemma -> relation name
    clause_noun_index: dict[str, str] = field(default_factory=dict)  # clause noun lemma -> relation name
    label_index: dict[str, str] = field(default_factory=dict)  # label word or phrase -> relation name
    any_trigger_lemma: frozenset[str] = field(default=frozenset(), init=False)
    # the labels of more than one word as the parser splits them ("pay-to-play" -> pay, -, to, -,
    # play), in the order of ``label_index``, and the first word of every label ("liar", "pay"): a
    # sentence with none of these holds no label, so the label rules skip it at once
    label_phrases: tuple[tuple[tuple[str, ...], str], ...] = field(default=(), init=False)
    label_lead_words: frozenset[str] = field(default=frozenset(), init=False)

    def __post_init__(self) -> None:
        # every lemma that can trigger a relation on its own, so find_triggers skips the rest at once
        lemmas = set(self.verb_index) | set(self.noun_index) | set(self.stance_index) | set(self.clause_noun_index) | set(self.dictionary_index)
        object.__setattr__(self, "any_trigger_lemma", frozenset(lemmas))
        split = [(label_tokens(entry), relation) for entry, relation in self.label_index.items()]
        object.__setattr__(self, "label_phrases", tuple((words_, relation) for words_, relation in split if len(words_) > 1))
        object.__setattr__(self, "label_lead_words", frozenset(words_[0] for words_, _ in split))

    def __getitem__(self, name: str) -> RelationType:
        try:
            return self.relations[name]
        except KeyError:
            known = ", ".join(sorted(self.relations))
            raise KeyError(f"unknown relation {name!r}; expected one of {known}") from None

    def __contains__(self, name: object) -> bool:
        return name in self.relations

    def __iter__(self):
        return iter(self.relations.values())

    def phrases(self) -> list[tuple[tuple[str, ...], str, bool]]:
        """Every (phrase words, relation name, spoken), longest phrases first so they win.

        ``spoken`` marks speaker phrases, whose source is the one who says them.
        """
        return _sorted_phrases(tuple(self.relations.values()))


@lru_cache(maxsize=8)
def _sorted_phrases(relations: tuple[RelationType, ...]) -> list[tuple[tuple[str, ...], str, bool]]:
    triples = [(words, rel.name, False) for rel in relations for words in rel.phrases]
    triples += [(words, rel.name, True) for rel in relations for words in rel.speaker_phrases]
    return sorted(triples, key=lambda triple: (-len(triple[0]), triple))


def _phrase_words(phrase: str) -> tuple[str, ...]:
    return tuple(word for word in phrase.lower().split() if word not in _DETERMINERS)


def _relation_type(name: str, entry: dict) -> RelationType:
    quad_class = entry["quad_class"]
    if quad_class not in QUAD_CLASSES:
        raise ValueError(f"relation {name!r}: unknown quad_class {quad_class!r}; expected one of {', '.join(QUAD_CLASSES)}")
    return RelationType(
        name=name,
        definition=entry.get("definition", ""),
        cameo=str(entry["cameo"]).zfill(2),
        plover=entry["plover"],
        goldstein=float(entry["goldstein"]),
        quad_class=quad_class,
        symmetric=bool(entry.get("symmetric", False)),
        verbs=_words(name, entry, "verbs"),
        preps=_words(name, entry, "preps"),
        nouns=_words(name, entry, "nouns"),
        phrases=tuple(_phrase_words(p) for p in _words(name, entry, "phrases")),
        speaker_phrases=tuple(_phrase_words(p) for p in _words(name, entry, "speaker_phrases")),
        mutual=bool(entry.get("mutual", False)),
        frames=tuple(_frame(name, frame) for frame in entry.get("frames") or ()),
        verbal_form=entry.get("verbal_form"),
        verbal_verbs=frozenset(entry.get("verbal_verbs") or ()),
        topic_form=entry.get("topic_form"),
        object_form=entry.get("object_form"),
        object_words=frozenset(entry.get("object_words") or ()),
        travel_verbs=frozenset(entry.get("travel_verbs") or ()),
        inert_subjects=frozenset(_words(name, entry, "inert_subjects")),
        force_modifiers=frozenset(_words(name, entry, "force_modifiers")),
        disarm_verbs=frozenset(_words(name, entry, "disarm_verbs")),
        disarm_objects=frozenset(_words(name, entry, "disarm_objects")),
        armed_verbs=frozenset(entry.get("armed_verbs") or ()),
        causative_verbs=frozenset(entry.get("causative_verbs") or ()),
        idle_objects=frozenset(entry.get("idle_objects") or ()),
        goods_verbs=frozenset(entry.get("goods_verbs") or ()),
        goods=frozenset(entry.get("goods") or ()),
        topic_verbs=frozenset(entry.get("topic_verbs") or ()),
        stance_predicates=tuple(entry.get("stance_predicates") or ()),
        label_predicates=_words(name, entry, "label_predicates"),
        clause_nouns=_words(name, entry, "clause_nouns"),
        topic_words=frozenset(entry.get("topic_words") or ()),
        **{behaviour: bool(entry.get(behaviour, False)) for behaviour in BEHAVIOURS},
    )


def _words(name: str, entry: dict, field: str) -> tuple[str, ...]:
    """A word list of a relation entry; YAML reads unquoted on, off, yes and no as booleans."""
    values = tuple(entry.get(field) or ())
    wrong = [value for value in values if not isinstance(value, str)]
    if wrong:
        raise ValueError(f"relation {name!r}: {field} must be words, got {wrong!r}; quote on, off, yes and no in relations.yaml")
    return values


def _frame(name: str, entry: dict) -> Frame:
    unknown = set(entry) - {"verb", "governors", "through", "name"}
    if unknown or "verb" not in entry or not entry.get("governors"):
        raise ValueError(f"relation {name!r}: a frame needs verb and governors (and may have through); got {sorted(entry)}")
    return Frame(entry["verb"], frozenset(entry["governors"]), frozenset(entry.get("through") or ()), entry.get("name", "frame"))


def _first_wins(relations: dict[str, RelationType], field: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for rel in relations.values():
        for lemma in getattr(rel, field):
            index.setdefault(lemma, rel.name)
    return index


def read_dictionary_verbs(path: str | Path, relations: dict[str, RelationType], taken: set[str]) -> dict[str, str]:
    """Verb lemma -> relation from a converted CAMEO verb file (scripts/convert_cameo_verbs.py),
    leaving out relations the vocabulary lacks and lemmas it already has."""
    with open(path, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle) or {}
    return {verb: name for name, entry in entries.items() if name in relations for verb in entry.get("verbs") or () if verb not in taken}


def read_vocabulary(path: str | Path, dictionary: str | Path | None = None) -> Vocabulary:
    """The vocabulary of a relations file; ``dictionary`` adds candidate verbs (CAMEO)."""
    with open(path, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    relations = {name: _relation_type(name, entry) for name, entry in entries.items()}
    for rel in relations.values():
        for field_name in ("verbal_form", "topic_form", "object_form"):
            other = getattr(rel, field_name)
            if other is not None and other not in relations:
                raise ValueError(f"relation {rel.name!r}: {field_name} {other!r} is not a relation of the vocabulary")
    verbs, nouns = _first_wins(relations, "verbs"), _first_wins(relations, "nouns")
    extra = read_dictionary_verbs(dictionary, relations, set(verbs) | set(nouns)) if dictionary is not None else {}
    return Vocabulary(
        relations, verbs, nouns, extra, _first_wins(relations, "stance_predicates"), _first_wins(relations, "clause_nouns"),
        _first_wins(relations, "label_predicates"),
    )


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return read_vocabulary(ontology_file("relations.yaml"), ontology_file("cameo/cameo_verbs.yaml"))
