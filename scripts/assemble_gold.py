"""Assemble the real-news gold files from the annotators' batches, and report their agreement.

    python scripts/assemble_gold.py

Reads ``tests/data/annotation/primary_*.jsonl`` (first annotation of every sampled article) and
writes ``tests/data/reuters_dev.jsonl`` and ``tests/data/reuters_test.jsonl``, sorted by id, each
article in the split ``scripts/sample_gold_articles.py`` fixes for its id. Then scores every
``second_*.jsonl`` record against the first annotation of the same article (strict, root and
pair P/R/F1, GOLD_FORMAT.md's matching), the agreement README reports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from graphkit.evaluate import LEVELS, annotator_agreement  # noqa: E402
from graphkit.relation_types import default_vocabulary  # noqa: E402

from sample_gold_articles import split_of  # noqa: E402

ANNOTATION = ROOT / "tests" / "data" / "annotation"


def records(pattern: str) -> dict[str, dict]:
    found = {}
    for path in sorted(ANNOTATION.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                found[record["id"]] = record
    return found


def main() -> None:
    primary = records("primary_*.jsonl")
    for split in ("dev", "test"):
        chosen = [primary[i] for i in sorted(primary) if split_of(i) == split]
        path = ROOT / "tests" / "data" / f"reuters_{split}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chosen), encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(chosen)} articles, {sum(len(r['relations']) for r in chosen)} relations")
    second = records("second_*.jsonl")
    pairs = [(primary[i], second[i]) for i in sorted(second) if i in primary]
    if pairs:
        scores = annotator_agreement(pairs, default_vocabulary())
        print(f"agreement on {len(pairs)} doubly annotated articles (second against first):")
        for level in LEVELS:
            s = scores[level]
            print(f"  {level:<7} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  (tp={s.tp} fp={s.fp} fn={s.fn})")


if __name__ == "__main__":
    main()
