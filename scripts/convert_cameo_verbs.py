"""Convert PETRARCH's CAMEO verb dictionary into graphkit's candidate trigger lexicon.

    python scripts/convert_cameo_verbs.py [--source ../shared/dictionaries/petrarch/CAMEO.2.0.txt]

Reads the verb synonym blocks of CAMEO.2.0.txt (``--- NAME [code] ---`` headers, one verb a line
with an optional own ``[code]``, multi-word verbs as ``+LASH_OUT`` or ``WIRE_+TAP``), maps each
verb's code to a graphkit relation by the longest prefix in ``ontologies/cameo/cameo_map.yaml``
(whose ``verbs`` section moves or drops single verbs that mislead as triggers),
and writes ``ontologies/cameo/cameo_verbs.yaml``: per relation, single-word verb lemmas and
multi-word verb phrases. The phrase patterns (``- * TALKS WITH $``) are not converted: they code
a verb by its object, which our rules do with nouns and light verbs. Verbs without a code (``---``)
do not generate events in PETRARCH either, and are left out. The MIT notice and the source
(repository, commit, path) are carried into the output file.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "dictionaries" / "petrarch" / "CAMEO.2.0.txt"
MAP = ROOT / "ontologies" / "cameo" / "cameo_map.yaml"
OUT = ROOT / "ontologies" / "cameo" / "cameo_verbs.yaml"
ORIGIN = "openeventdata/petrarch2, commit 676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/CAMEO.2.0.txt"

HEADER = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\]")
VERB = re.compile(r"^([A-Z+_'-]+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?")


def relation_for(code: str, mapping: dict[str, str | None]) -> str | None:
    """The relation of the longest code prefix in the map; None when unmapped or mapped to null."""
    code = code.strip().lstrip(":")
    for length in range(len(code), 1, -1):
        if code[:length] in mapping:
            return mapping[code[:length]]
    return None


def verb_words(entry: str) -> str:
    """'+LASH_OUT' -> 'lash out'; 'WIRE_+TAP' -> 'wire tap'."""
    return entry.replace("+", "").replace("_", " ").lower().strip()


def parse(text: str, mapping: dict[str, str | None], overrides: dict[str, str | None]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Verbs and multi-word verbs by relation; ``overrides`` moves a verb to another relation or drops it (None)."""
    verbs: dict[str, set[str]] = defaultdict(set)
    phrases: dict[str, set[str]] = defaultdict(set)
    in_patterns, block_code = False, "---"
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if "VERB PATTERNS" in raw:
            in_patterns = True
            continue
        if not in_patterns or not line.strip():
            continue
        header = HEADER.match(line)
        if header:
            block_code = header.group(2).strip().rstrip("-") or "---"
            continue
        if line.startswith("-"):  # a phrase pattern of the block
            continue
        match = VERB.match(line.strip())
        if not match:
            continue
        own = match.group(3)[1:-1].strip() if match.group(3) else ""
        code = own or block_code
        if not code or code.startswith("-"):
            continue
        words = verb_words(match.group(1))
        relation = overrides[words] if words in overrides else relation_for(code, mapping)
        if relation is None:
            continue
        (phrases if " " in words else verbs)[relation].add(words)
    return verbs, phrases


def licence(source: Path) -> str:
    head = source.read_text(encoding="utf-8").split("The MIT License", 1)[1]
    lines = ["The MIT License" + head.split("\n", 1)[0]]
    for line in head.split("\n")[1:]:
        if not line.startswith("#"):
            break
        lines.append(line[1:].strip())
    return "\n".join(lines).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = yaml.safe_load(MAP.read_text(encoding="utf-8"))
    mapping = {str(k): v for k, v in table["codes"].items()}
    verbs, phrases = parse(args.source.read_text(encoding="utf-8"), mapping, table.get("verbs") or {})
    notice = "\n".join(f"# {line}".rstrip() for line in licence(args.source).splitlines())
    body = {name: {"verbs": sorted(verbs.get(name, ())), "phrases": sorted(phrases.get(name, ()))}
            for name in sorted(set(verbs) | set(phrases))}
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Candidate trigger verbs by relation, converted from the CAMEO verb dictionary of PETRARCH2\n")
        out.write(f"# by scripts/convert_cameo_verbs.py (do not edit by hand: edit cameo_map.yaml and rerun).\n# Source: {ORIGIN}\n#\n")
        out.write(notice + "\n\n")
        yaml.safe_dump(body, out, sort_keys=True, allow_unicode=True, width=100, default_flow_style=None)
    print(f"{args.out}: {sum(len(v) for v in verbs.values())} verbs, {sum(len(p) for p in phrases.values())} phrases, {len(body)} relations")


if __name__ == "__main__":
    main()
