"""Sources: who does what a verb says, when it has no subject of its own (control, conjunction,
relative clauses, a speaker's trailing participle), and who speaks."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicons import words
from ..models import Mention
from ..tokens import TokenView
from . import syntax
from .endpoints import RELATIVE_PRONOUNS, Endpoints

SPEECH_VERBS = words("speech_verbs")
OBJECT_CONTROL_VERBS = words("object_control_verbs")
ACCUSATION_VERBS = words("accusation_verbs")
SPEAKER_ACT_VERBS = words("speaker_act_verbs")
CLAIM_VERBS = SPEECH_VERBS | words("claim_verbs")
MAX_DEPTH = 4


def inherited_subjects(verb: Token, actors: Endpoints, depth: int = 0) -> tuple[list[Mention], str]:
    """Subjects a verb takes from the verb it depends on (control, conjunction, relative clause),
    with the name of how they were found: verb, passive, control, relative or inherited."""
    if depth > MAX_DEPTH:
        return [], "inherited"
    subjects = syntax.subject_tokens(verb)
    own = actors.at_all(subjects)
    if own:
        return own, "verb" if depth == 0 else "control"
    if subjects and subjects[0].lower_ not in RELATIVE_PRONOUNS:
        return [], "inherited"  # a subject that is no actor ("the plan", "civilians") ends the search
    passive_agent = actors.at_all(syntax.agent_tokens(verb))
    if passive_agent:
        return passive_agent, "passive" if depth == 0 else "control"
    passive_subjects = syntax.subject_tokens(verb, syntax.PASSIVE_SUBJECT_DEPS)
    if passive_subjects:
        # An agentless passive names no source ("were deployed" tells not by whom), but its subject
        # controls a verb below it ("is set to visit", "were deployed to fight").
        return ([], "passive") if depth == 0 else (actors.at_all(passive_subjects), "control")
    head = verb.head
    speech = speakers_participle(verb)
    if speech is not None:
        speaker = speaker_of(speech, actors)
        if speaker is not None:  # "X said Ankara would not approve the bids, accusing Stockholm ...": X accuses
            return [speaker], "control"
    if verb.dep_ == "pcomp" and head.lower_ in {"of", "for"} and syntax.lemma(head.head) in ACCUSATION_VERBS:
        objects = actors.at_all(syntax.object_tokens(head.head))
        if objects:  # "accused Russian forces of shelling": the accused did the shelling
            return objects, "control"
    if verb.dep_ == "xcomp" and syntax.lemma(head) in OBJECT_CONTROL_VERBS:
        objects = actors.at_all(syntax.object_tokens(head)) or actors.at_all(syntax.prep_objects(head, {"on", "upon"}))
        if objects:
            return objects, "control"
    if verb.dep_ == "relcl" or syntax.is_gerund_modifier(verb):
        return actors.at(head), "relative"
    if verb.dep_ in syntax.INHERITING_DEPS and head is not verb:
        if verb.dep_ == "ccomp" and syntax.lemma(head) in SPEECH_VERBS:
            return [], "inherited"
        while head.pos_ not in syntax.VERBAL and head.dep_ in syntax.CLIMB_DEPS and head.head is not head:
            head = head.head  # "after holding talks": climb from the preposition to its verb
        found, _ = inherited_subjects(head, actors, depth + 1)
        return found, "control"
    return [], "inherited"


def speakers_participle(verb: Token) -> Token | None:
    """The reporting verb whose subject does what a trailing participle says: in "Erdogan said
    Ankara would not approve the bids, accusing Stockholm of ...", the accusation is Erdogan's."""
    if syntax.lemma(verb) in SPEAKER_ACT_VERBS and syntax.lemma(verb.head.head) in SPEECH_VERBS and syntax.is_trailing_gerund(verb):
        return verb.head.head
    return None


def speaker_of(verb: Token, actors: Endpoints) -> Mention | None:
    for child in syntax.subject_tokens(verb):
        found = actors.at(child)
        if found:
            return found[0]
    return None


def governing_speaker(token: Token, actors: Endpoints) -> Mention | None:
    """The one who warns: "X warned that Washington would pay a heavy price"."""
    for ancestor in syntax.path_to_root(token)[1:]:
        if ancestor.pos_ == "VERB":
            speaker = speaker_of(ancestor, actors)
            if speaker is not None:
                return speaker
    return None


def event_participants(event: Token, actors: Endpoints) -> list[Mention]:
    """Those taking part in an event named as where something happened: the subjects of the
    clause it hangs from ("negotiators held talks at a meeting")."""
    governor = syntax.governing_verb(event)
    if governor is None:
        return []
    found, _ = inherited_subjects(governor, actors)
    return found


def event_agents(verb: Token, event_nouns, actors: Endpoints) -> list[Mention]:
    """Who did it, when a passive names the event instead of the agent: "killed in an Israeli strike"."""
    for event in syntax.prep_objects(verb, {"in", "during", "by"}):
        if syntax.lemma(event) in event_nouns:
            return actors.at_all(syntax.possessors(event)) or actors.owners(event)
    return []


def note_claims(sent: Span, actors: Endpoints, view: TokenView | None = None) -> None:
    """Remember who claimed something in this sentence, for "rejected the allegation" in the next.
    Only the sentence just before counts, and a claim whose maker is no actor ("Activists have
    said", "Leitch has been accused") counts as made by nobody: an older claimant is usually not
    the one denied ("Priebus said ... It was the first ... Trump had rebuffed allegations")."""
    view = view or TokenView.of(sent.doc)
    claimant = None
    for i in range(sent.start, sent.end):
        if view.lemma[i] in CLAIM_VERBS and view.pos[i] == "VERB":
            claimant = speaker_of(sent.doc[i], actors) or claimant
    actors.note_claimant(claimant)
