"""Validate gold files: python scripts/validate_gold.py FILE.jsonl ... [--texts CORPUS]

Checks each line parses; article-level records resolve to their corpus text and its sha256; every
alias occurs verbatim in the text (a State's ISO alpha-3 code excepted); endpoints are actors of the
same record and not Locations; relations, modalities and actor types are in the vocabulary; no
duplicate edges (symmetric relations in either direction) and no self-loops. Exit 1 on any problem.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from graphkit.gold import ArticleTexts, check_record, resolve_text  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--texts", type=Path, action="append", help=f"corpus of article texts (default {CORPUS})")
    args = parser.parse_args()
    vocabulary = yaml.safe_load((ROOT / "ontologies" / "relations.yaml").read_text(encoding="utf-8"))
    names = set(vocabulary)
    symmetric = {name for name, entry in vocabulary.items() if entry.get("symmetric")}
    texts = ArticleTexts(args.texts or [CORPUS])
    problems = records = relations = 0
    for path in args.files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
                text = resolve_text(record, texts)
            except (json.JSONDecodeError, LookupError) as error:
                print(f"{where}: {error}")
                problems += 1
                continue
            records += 1
            relations += len(record.get("relations", []))
            for problem in check_record(record, text, names, symmetric):
                print(f"{where} [{record.get('id')}]: {problem}")
                problems += 1
    print(f"{records} records, {relations} relations, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
