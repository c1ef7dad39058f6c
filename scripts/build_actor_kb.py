"""Generate ontologies/actors/states.json from country libraries and states_extra.yaml.

Every UN member state (from country_converter's UN membership column), the two observer
states and the disputed territories listed in states_extra.yaml become one record each:
label, ISO3, official name, aliases, demonyms, capital, metonyms, Wikidata ID, UN status.
Names come from country_converter, pycountry and countryinfo; states_extra.yaml corrects
and extends them. The output is deterministic: run it again and nothing changes.

    python scripts/build_actor_kb.py            # write states.json
    python scripts/build_actor_kb.py --check    # exit 1 if states.json is out of date

The libraries are needed only here: pip install pycountry countryinfo country_converter
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import json
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graphkit.knowledge import normalise_name  # noqa: E402

ACTORS = ROOT / "ontologies" / "actors"
EXTRA = ACTORS / "states_extra.yaml"
OUTPUT = ACTORS / "states.json"
LIBRARIES = ("country_converter", "countryinfo", "pycountry")


def read_country_converter() -> dict[str, dict]:
    """country_converter's table by ISO3.

    Read as a file: CountryConverter() itself fails under pandas 3 (Namibia's ISO2 "NA" is
    read as a missing value), and we need only the table.
    """
    table = importlib.resources.files("country_converter") / "country_data.tsv"
    with table.open(encoding="utf-8") as handle:
        return {row["ISO3"]: row for row in csv.DictReader(handle, delimiter="\t")}


def read_countryinfo(iso3: str) -> dict:
    from countryinfo import CountryInfo

    try:
        return CountryInfo(iso3).info()
    except Exception:  # countryinfo raises its own error types for unknown codes
        return {}


def is_latin(name: str) -> bool:
    """True if every letter survives ASCII folding (drops Cyrillic, Arabic, IPA spellings)."""
    letters = [c for c in name if c.isalpha()]
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return bool(letters) and sum(c.isalpha() for c in folded) == len(letters)


def with_plurals(demonyms: list[str]) -> list[str]:
    """"Iraqi" -> ["Iraqi", "Iraqis"]; "Chinese", "British", "Swiss" stay as they are."""
    out = []
    for demonym in demonyms:
        out.append(demonym)
        if not demonym.endswith(("ese", "sh", "ch", "ss", "y", "s")):
            out.append(demonym + "s")
    return out


def unique(names, keep_order: bool = False) -> list[str]:
    """Names without repeats (ignoring case), sorted unless their order means something."""
    names = [n.strip() for n in names if n and n.strip()]
    seen, out = set(), []
    for name in names if keep_order else sorted(names, key=lambda n: (n.casefold(), n)):
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def build_record(iso3: str, row: dict | None, extra: dict, wikidata: dict, ambiguous: set[str]) -> dict:
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    info = read_countryinfo(iso3) if row else {}
    row = row or {}
    codes = {iso3, row.get("ISO2", ""), getattr(country, "alpha_2", "")}
    library_names = [row.get("name_short"), row.get("name_official"), info.get("name"), *info.get("altSpellings", ()),
                     *(getattr(country, attr, None) for attr in ("name", "official_name", "common_name"))]
    label = extra.get("label") or row.get("name_short") or getattr(country, "name", None)
    if not label:
        raise SystemExit(f"{iso3}: no library knows this code; give its label in {EXTRA.name}")
    official = extra.get("official_name") or row.get("name_official") or getattr(country, "official_name", None) or label
    if "demonyms" in extra:
        demonyms = list(extra["demonyms"])
    else:
        demonyms = with_plurals([d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()])
    dropped = {normalise_name(n) for n in [*extra.get("drop_aliases", ()), *demonyms]}
    library_names = [name for name in library_names if name and name.strip() not in codes and is_latin(name)]
    aliases = [name for name in [*library_names, *extra.get("aliases", ())] if normalise_name(name) not in dropped]
    aliases = [a for a in unique(aliases) if a not in (label, official) and normalise_name(a) != normalise_name(label)]
    capital = extra["capital"] if "capital" in extra else info.get("capital") or None
    if "metonyms" in extra:
        metonyms = list(extra["metonyms"])
    else:
        metonyms = [capital] if capital and capital not in ambiguous else []
    status = extra.get("un_status") or ("member" if row.get("UNmember", "").strip() else None)
    if status not in ("member", "observer", "disputed"):
        raise SystemExit(f"{iso3}: un_status must be member, observer or disputed; set it in {EXTRA.name}")
    if iso3 not in wikidata:
        raise SystemExit(f"{iso3}: no entry in the wikidata section of {EXTRA.name} (write null if unknown)")
    return {
        "iso3": iso3, "label": label, "type": "State", "official_name": official, "aliases": aliases,
        "demonyms": unique(demonyms, keep_order=True),  # the first is the adjective: "North Korean"
        "capital": capital, "metonyms": unique(metonyms),
        "wikidata": wikidata[iso3], "un_status": status,
    }


def check_unique(records: list[dict]) -> None:
    """Fail if one name or demonym would point at two states: resolve it in states_extra.yaml."""
    problems = []
    for fields in (("label", "official_name", "aliases", "metonyms"), ("demonyms",)):
        owner: dict[str, str] = {}
        for record in records:
            for field in fields:
                values = record[field] if isinstance(record[field], list) else [record[field]]
                for value in values:
                    key = normalise_name(value or "")
                    if key and owner.setdefault(key, record["iso3"]) != record["iso3"]:
                        problems.append(f"{value!r} names both {owner[key]} and {record['iso3']}")
    if problems:
        raise SystemExit("ambiguous names; drop or reassign them in states_extra.yaml:\n  "
                         + "\n  ".join(sorted(set(problems))))


def build() -> dict:
    extra_data = yaml.safe_load(EXTRA.read_text(encoding="utf-8"))
    extras: dict = extra_data["states"]
    wikidata: dict = extra_data["wikidata"]
    ambiguous = set(extra_data.get("ambiguous_capitals") or ())
    table = read_country_converter()
    codes = {iso3 for iso3, row in table.items() if row["UNmember"].strip()}
    codes |= {iso3 for iso3, extra in extras.items() if extra.get("un_status")}
    records = [build_record(iso3, table.get(iso3), extras.get(iso3, {}), wikidata, ambiguous) for iso3 in sorted(codes)]
    check_unique(records)
    return {
        "about": "Generated by scripts/build_actor_kb.py from the libraries below and states_extra.yaml; do not edit.",
        "sources": {name: importlib.metadata.version(name) for name in LIBRARIES},
        "states": records,
    }


def render(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if states.json differs from a fresh build")
    args = parser.parse_args(argv)
    text = render(build())
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date: run python scripts/build_actor_kb.py", file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    states = json.loads(text)["states"]
    counts = {status: sum(s["un_status"] == status for s in states) for status in ("member", "observer", "disputed")}
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(states)} states ({', '.join(f'{n} {k}' for k, n in counts.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
