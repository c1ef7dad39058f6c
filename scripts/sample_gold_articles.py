"""Draw the real-news gold sample: whole Reuters articles with even id numbers, both sections.

    python scripts/sample_gold_articles.py [--corpus PATH] [--count 92] [--seed 20261201]

Writes ``tests/data/annotation/sample.tsv`` (id, section, split, sha256) in draw order. Only even
ids are eligible: odd ids are held back from the team entirely. The split is fixed by a hash of
the id alone (``split_of``), so adding articles later never moves one between dev and test.
The draw is stratified by section in proportion to the corpus, so both sections are present.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.gold import text_sha256  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"
SAMPLE = ROOT / "tests" / "data" / "annotation" / "sample.tsv"
TEST_SHARE = 3 / 8  # about 30 test to 50 dev


def split_of(article_id: str) -> str:
    """'test' for about 3 in 8 ids, else 'dev'; a pure function of the id."""
    bucket = int(hashlib.sha256(f"graphkit-split:{article_id}".encode()).hexdigest(), 16) % 1000
    return "test" if bucket < TEST_SHARE * 1000 else "dev"


def is_even(article_id: str) -> bool:
    return int(article_id.rsplit("-", 1)[1]) % 2 == 0


def draw(corpus: Path, count: int, seed: int) -> list[dict]:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle]
    eligible = [a for a in articles if is_even(a["id"])]
    rng = random.Random(seed)
    sections = sorted({a["section"] for a in eligible})
    drawn: list[dict] = []
    for section in sections:
        pool = [a for a in eligible if a["section"] == section]
        share = round(count * len(pool) / len(eligible))
        drawn.extend(rng.sample(pool, share))
    rng.shuffle(drawn)
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--count", type=int, default=92)
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--out", type=Path, default=SAMPLE)
    args = parser.parse_args()
    rows = draw(args.corpus, args.count, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("id\tsection\tsplit\tsha256\n")
        for article in rows:
            out.write(f"{article['id']}\t{article['section']}\t{split_of(article['id'])}\t{text_sha256(article['text'])}\n")
    splits = [split_of(a["id"]) for a in rows]
    print(f"{len(rows)} articles -> {args.out} (dev {splits.count('dev')}, test {splits.count('test')})")


if __name__ == "__main__":
    main()
