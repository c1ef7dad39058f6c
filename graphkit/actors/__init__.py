"""Resolve entity mentions in a parsed article to canonical actors.

Rules, applied to each sentence in order (earlier rules win a token):

1. Named entities. A span the actor patterns tagged carries its actor's IRI; any other entity is
   looked up by name in the knowledge base (case, punctuation, accents and a leading "the" ignored).
   A person's single name ("Blinken") is the person with that surname named earlier or later in
   the same article, else the one known person with that surname, else a conservative fuzzy match
   ("Nebensky" -> Vasily Nebenzya) that gives up when two known people are close. Unknown people
   and organisations still become actors, keyed by their name; unknown places never act.
2. Titles. Words before a name ("US Secretary of State Antony Blinken") give the person a role,
   an affiliation and a country. A title without a name ("the US Secretary of State") is the
   person who held it that day: first one named with that title earlier in the article, else the
   knowledge base's holder on the article date.
3. Demonyms and metonyms. "North Korean soldiers/troops/forces" are the state's armed forces;
   "South Korean diplomats", "the US government" are the state; "the North Koreans" are the armed
   forces when the article speaks of them, else the state; a demonym before any other noun
   ("Russian uniforms") names no actor. Capitals and seats of government ("Washington", "the
   Kremlin") are the state, and so is a leader's government ("the Obama administration",
   "Erdogan's government", "Trump administration officials"); the leader stays mentioned.
4. References. A pronoun stands first for the subject of the nearest clause above it whose
   subject comes before it, or, opening a sentence, for the subject of the sentence before; never
   for its own clause's subject ("Trump praised him") or the subject its verb takes ("called Merkel
   to congratulate her"). Otherwise: "he", "she", "his", "her" are the nearest person before them (up
   to 3 sentences back); "his country" is that person's state; "it", "its" the nearest state or
   organisation in this or the previous sentence (an object "it" only in its own sentence, and not
   past a thing named since); "they", "them", "their" the nearest plural actor (armed forces, a
   group, a plural noun, or a list of actors as subject: "Putin and Trump ... they" stands for each,
   one mention per member) in this or the previous sentence, but not across a plural noun that
   may be what they stand for. "The two leaders", "both countries", "the two sides" are the two
   people, states or parties named just before, when exactly two fit. A subject that names no
   actor ("The commission said in its report") leaves "its" unresolved. "These/those/the
   soldiers" and similar are the nearest armed forces in the article.

The package follows those rules (one file was over nine hundred lines): ``people`` (names,
titles, lone surnames), ``groups`` (organisations, states, demonyms, metonyms), ``references``
(pronouns and descriptions), ``filters`` (entities that name no actor), ``bodies`` (the forces,
bodies and allies made for a state; the dateline's state), ``helpers`` (word lists, small token
helpers) and ``resolver`` (one document's state and the order the rules run in). Every public
name is importable from ``graphkit.actors``.
"""

from __future__ import annotations

from .bodies import allies_of, armed_forces_of, dateline_state, legislature_of, national_body, national_forces
from .helpers import ALLY_NOUNS, ARRIVAL_VERBS, CITY_PARTS, LOCATIVE_PREPOSITIONS, ORGANISATION_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS
from .resolver import mentions_by_token, resolve_mentions

__all__ = [
    "ALLY_NOUNS", "ARRIVAL_VERBS", "CITY_PARTS", "LOCATIVE_PREPOSITIONS", "ORGANISATION_NOUNS", "PERSON_PRONOUNS",
    "PLURAL_PRONOUNS", "THING_PRONOUNS", "allies_of", "armed_forces_of", "dateline_state", "legislature_of",
    "mentions_by_token", "national_body", "national_forces", "resolve_mentions",
]
