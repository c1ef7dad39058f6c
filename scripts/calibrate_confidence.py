"""Fit the confidence table (ontologies/confidence.yaml) on the real-news dev split.

    .venv/bin/python scripts/calibrate_confidence.py [--gold tests/data/reuters_dev.jsonl] [--texts CORPUS]

Runs the extractor over the gold articles, marks each statement right or wrong (strict match:
source, relation, target, negation), and writes:
- ``rules``: per registered rule, its precision smoothed toward the overall precision
  ((right + K * overall) / (found + K), K = 5), the base a statement of that rule starts from;
- ``modality``: per modality, the ratio of its smoothed precision to the overall one (at most 1),
  a factor for statements that are hypothetical, planned or reported.
Then ``graphkit.relations.confidence`` multiplies in the pronoun, unknown-actor, dictionary and
distance discounts. Only the dev split is ever used: the test split stays held out, and the
README reports the test split's confidence buckets as the out-of-sample check.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import yaml

from graphkit.evaluate import GoldPassage, gold_keys, matched_records, passage_article, read_gold
from graphkit.gold import ArticleTexts

ROOT = Path(__file__).resolve().parent.parent

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"
OUT = ROOT / "ontologies" / "confidence.yaml"
SMOOTHING = 5


def judged_statements(gold: Path, texts: Path) -> list[tuple[dict, bool]]:
    """(record, right) for every statement the extractor makes on the gold articles."""
    from graphkit.pipeline import Extractor

    extractor = Extractor()
    passages = [p for p in read_gold(gold, ArticleTexts([texts])) if isinstance(p, GoldPassage)]
    judged = []
    for passage, result in zip(passages, extractor.process([passage_article(p) for p in passages]), strict=True):
        records = [extractor.record(relation) for relation in result.relations]
        right = gold_keys(passage, extractor.vocabulary)
        judged += [(record, matched["key"] in right) for record, matched in zip(records, matched_records(passage, records, extractor.vocabulary), strict=True)]
    return judged


def smoothed(right: int, found: int, prior: float) -> float:
    return (right + SMOOTHING * prior) / (found + SMOOTHING)


def fit(judged: list[tuple[dict, bool]]) -> dict:
    overall = sum(ok for _, ok in judged) / len(judged)
    found, right = Counter(), Counter()
    by_modality, right_modality = Counter(), Counter()
    for record, ok in judged:
        rule = record["rule"].removeprefix("cameo:")
        found[rule] += 1
        right[rule] += ok
        by_modality[record["modality"]] += 1
        right_modality[record["modality"]] += ok
    return {
        "fitted_on": {"statements": len(judged), "precision": round(overall, 3), "smoothing": SMOOTHING},
        "rules": {rule: round(smoothed(right[rule], found[rule], overall), 2) for rule in sorted(found)},
        "modality": {m: round(min(1.0, smoothed(right_modality[m], by_modality[m], overall) / overall), 2) for m in sorted(by_modality)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "reuters_dev.jsonl")
    parser.add_argument("--texts", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = fit(judged_statements(args.gold, args.texts))
    header = ("# Confidence table, fitted by scripts/calibrate_confidence.py on the real-news dev split\n"
              "# (never the test split). rules: the base of a statement of each rule, its smoothed dev\n"
              "# precision; a rule not listed starts from its registered base. modality: a factor for\n"
              "# the statement's modality. graphkit.relations.confidence applies the other discounts.\n")
    args.out.write_text(header + yaml.safe_dump(table, sort_keys=False), encoding="utf-8")
    print(f"{args.out}: {table['fitted_on']}")


if __name__ == "__main__":
    main()
