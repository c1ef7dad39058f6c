"""PETRARCH/TABARI actor and agent dictionaries -> drafts, through the CAMEO code tables."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from graphkit.models import Role

from .formats import _decode_line, _load_yaml_file, _read_text
from .names import normalise_name
from .records import _Draft, _TitleBook

_CAMEO_FILE = "actors/cameo.yaml"


_CODE = re.compile(r"\[([^\]]*)\]")


_AGENT_ENTRY = re.compile(r"^([^\s\[{#]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]")
_AGENT_SET = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def looks_like_petrarch_agents(path: str | os.PathLike) -> bool:
    """True for a PETRARCH agents dictionary ("POLICE [~COP]"): by name or by its coded lines."""
    path = Path(path)
    if path.name.lower().endswith((".agents.txt", ".agents")):
        return True
    with open(path, "rb") as handle:
        lines = [line for line in (_decode_line(raw).split("#")[0].strip() for _, raw in zip(range(400), handle, strict=False)) if line]
    return sum(1 for line in lines if _AGENT_ENTRY.match(line)) >= max(1, len(lines) // 2)


def read_petrarch_agents(path: str | os.PathLike) -> dict[str, str]:
    """One-word agent nouns of a PETRARCH agents dictionary -> their first code ("police" -> "COP",
    "policeman" -> "COP" through the !PERSON! set). Phrases are left out: the actor stage
    matches a noun's lemma after a demonym."""
    sets: dict[str, list[str]] = {}
    nouns: dict[str, str] = {}
    for raw in Path(path).read_bytes().splitlines():
        line = _decode_line(raw).split("#")[0].strip()
        if match := _AGENT_SET.match(line):
            sets[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
            continue
        match = _AGENT_ENTRY.match(line)
        if not match:
            continue
        words = [match.group(1).strip("_")]
        for name, values in sets.items():
            words = [w.replace(name, value, 1) for w in words for value in values] if any(name in w for w in words) else words
        for word in words:
            if word.isalpha():
                nouns.setdefault(word.lower(), match.group(2))
    return nouns


def looks_like_petrarch(path: str | os.PathLike) -> bool:
    """True for a PETRARCH/TABARI actor dictionary: by name (``*.actors.txt``) or by its lines."""
    path = Path(path)
    if path.name.lower().endswith((".actors.txt", ".actors")):
        return True
    lines = []
    with open(path, "rb") as handle:
        for raw in handle:
            line = _decode_line(raw).split("#")[0].strip()
            if line and not line.startswith("<"):
                lines.append(line)
            if len(lines) == 20:
                break
    coded = sum(1 for line in lines if _CODE.search(line) or line.startswith("+"))
    structured = any(line.startswith(("{", "-", '"')) or ": " in line for line in lines)
    return bool(lines) and coded >= len(lines) / 2 and not structured


def _petrarch_date(text: str) -> str | None:
    """ISO date of a PETRARCH date: YYMMDD (00-30 -> 20YY, else 19YY, as PETRARCH reads them) or YYYYMMDD."""
    text = text.strip()
    if not text.isdigit() or len(text) < 6:
        return None
    try:
        if len(text) > 7:
            return datetime.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
        year = int(text[:2])
        return datetime.date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6])).isoformat()
    except ValueError:
        return None


_PARTICLES = frozenset({"of", "the", "and", "for", "de", "la", "del", "du", "von", "van", "der", "bin", "al", "el"})
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?|\([A-Z0-9]+\)|[B-DF-HJ-NP-TV-XZ]{2,3}|UN|US|UK|EU")


def _petrarch_label(phrase: str) -> str:
    """Readable label of a PETRARCH phrase: "JOHN_KERRY_" -> "John Kerry", "U.N._CHIEF" -> "U.N. Chief"."""
    words = []
    for i, word in enumerate(phrase.replace("_", " ").split()):
        lower = word.lower()
        if _ACRONYM.fullmatch(word.upper() if "." not in word else word):
            words.append(word.upper())
        elif i and lower in _PARTICLES:
            words.append(lower)
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in lower.split("-")))
    return " ".join(words)


@dataclass
class _PetrarchEntry:
    names: list[str]
    codes: list[tuple[str, str | None, str | None, bool]]  # code, start, end, dated


def _petrarch_entries(text: str) -> Iterator[_PetrarchEntry]:
    entry: _PetrarchEntry | None = None
    in_comment = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<"):
            in_comment = "<!--" in stripped and "-->" not in stripped
            continue
        stripped = stripped.split("#")[0].split(";")[0].strip()
        if not stripped:
            continue
        codes = [_petrarch_code(code) for code in _CODE.findall(stripped)]
        phrase = _CODE.sub(" ", stripped).strip()
        if phrase.startswith("+"):
            if entry and phrase[1:].strip():
                entry.names.append(phrase[1:].strip())
        elif phrase:
            if entry:
                yield entry
            entry = _PetrarchEntry([phrase], [])
        if entry:
            entry.codes.extend(c for c in codes if c)
    if entry:
        yield entry


def _petrarch_code(text: str) -> tuple[str, str | None, str | None, bool] | None:
    parts = text.split(None, 1)
    if not parts:
        return None
    code, restriction = parts[0].upper(), (parts[1] if len(parts) > 1 else "").replace(" ", "")
    if "~" in code or not code.isalnum():  # agent codes and ---, +++, ###, ELR/GAL
        return None
    if not restriction:
        return code, None, None, False
    if restriction[0] == "<":
        end = _petrarch_date(restriction[1:])
        return (code, None, end, True) if end else None
    if restriction[0] == ">":
        start = _petrarch_date(restriction[1:])
        return (code, start, None, True) if start else None
    start_text, _, end_text = restriction.partition("-")
    start, end = _petrarch_date(start_text), _petrarch_date(end_text) if end_text else None
    if start is None or (end_text and end is None) or (end and end < start):
        return None
    return code, start, end, True


class _Cameo:
    """CAMEO actor codes: which prefixes are states, and what role and actor type a suffix means."""

    def __init__(self, data: Mapping):
        self.roles: dict[str, str] = data["roles"]
        self.suffix_types: dict[str, str] = data["suffix_types"]
        self.non_state: dict[str, str] = data["non_state_prefixes"]
        self.regions: set[str] = set(data["regions"])
        self.institution_words: set[str] = set(data["institution_words"])

    def is_country(self, prefix: str) -> bool:
        return (len(prefix) == 3 and prefix.isalpha() and prefix not in self.non_state
                and prefix not in self.regions and prefix not in self.roles)

    def is_role(self, code: str) -> bool:
        """A code a person holds for a time: COUNTRY+ROLE ("RUSGOV") or an international body ("IGOUNO")."""
        return len(code) > 3 and (code[3:6] in self.roles or code[:3] in self.non_state)

    def role(self, code: str) -> tuple[str, str | None]:
        prefix, suffix = code[:3], code[3:6]
        if prefix in self.non_state:
            return self.roles.get(prefix, prefix), None
        return self.roles.get(suffix, suffix), prefix if self.is_country(prefix) else None

    def entry_type(self, codes, file_type: str | None, label: str = "") -> str | None:
        """Person if a role code is dated; else the file's type (MilNonState); else by code."""
        if not codes:
            return None
        institution = bool(self.institution_words & set(normalise_name(label).split()))
        if not institution and any(dated and self.is_role(code) for code, _, _, dated in codes):
            return "Person"  # a dated SUNUKR (Ukraine within the USSR) is no person, nor a dated assembly
        if file_type:
            return file_type
        bare = [code for code, *_ in codes if len(code) == 3]
        if any(self.is_country(code) for code in bare):
            return "State"
        if any(code in self.regions for code in bare):
            return "Location"
        for code, *_ in codes:
            if code[:3] in self.non_state:
                return self.non_state[code[:3]]
            if self.is_country(code[:3]):
                return self.suffix_types.get(code[3:6], "Organization")
        return "Organization"


def read_petrarch_records(path: str | os.PathLike, cameo: _Cameo | None = None, titles: _TitleBook | None = None) -> tuple[list[_Draft], int]:
    """Actors of a PETRARCH actor dictionary as drafts, and how many code-less entries were skipped.

    A synonym that puts a title before the name (``+SECRETARY_OF_STATE_HILLARY_CLINTON``) names
    the office of the entry's one dated government code (``[USAGOV 090121-130201]``): the entry
    gets a "Secretary of State" role with those dates beside the code's generic "Government" one.
    """
    path = Path(path)
    cameo = cameo or _Cameo(_load_yaml_file(_CAMEO_FILE))
    file_type = "NonStateArmedGroup" if "milnonstate" in path.name.lower() else None
    drafts, skipped = [], 0
    for entry in _petrarch_entries(_read_text(path)):
        actor_type = cameo.entry_type(entry.codes, file_type, entry.names[0])
        if actor_type is None:
            skipped += 1
            continue
        roles = []
        if actor_type == "Person":
            roles = [Role(*cameo.role(code), start, end) for code, start, end, dated in entry.codes
                     if dated and cameo.is_role(code)]
        by_recency = sorted(roles, key=lambda r: r.start or r.end or "", reverse=True)
        countries = [r.country for r in by_recency if r.country]
        countries += [code[:3] for code, *_ in entry.codes if cameo.is_country(code[:3])]
        labels = [_petrarch_label(name) for name in entry.names]
        if titles is not None and actor_type == "Person":
            roles = _titled_roles(roles, labels, titles)
        drafts.append(_Draft(label=labels[0], type=actor_type, country=countries[0] if countries else None,
                             aliases=set(labels[1:]) - {labels[0]}, roles=roles))
    return drafts, skipped


def _titled_roles(roles: list[Role], labels: list[str], titles: _TitleBook) -> list[Role]:
    surname = labels[0].split()[-1].lower()
    named = set()
    for alias in labels[1:]:
        words = alias.split()
        if len(words) > 1 and words[-1].lower() == surname:
            for cut in range(len(words) - 1, 0, -1):
                title = titles.canonical(" ".join(words[:cut]))
                if title is not None:
                    named.add(title)
                    break
    government = [r for r in roles if r.title == "Government" and r.start]
    if len(named) != 1 or len(government) != 1:
        return roles
    office = government[0]
    return [*roles, Role(named.pop(), office.country, office.start, office.end)]


def _agent_types(agents: Mapping[str, str]) -> dict[str, str]:
    """Agent nouns -> actor types, through ontologies/actors/agent_codes.yaml (first three letters
    of the code: "GOVMIL" counts as GOV)."""
    if not agents:
        return {}
    by_code = {code: actor_type for actor_type, codes in _load_yaml_file("actors/agent_codes.yaml").items() for code in codes}
    return {noun: by_code[code[:3]] for noun, code in agents.items() if code[:3] in by_code}
