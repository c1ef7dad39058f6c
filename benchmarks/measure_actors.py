"""Actor quality at corpus scale (issue 14): build a fixed random sample of even-id Reuters
articles and count actors, actors in relations, labels with more than one type, pronoun and
possessive aliases; write a sample of actors that take part in a relation, with their evidence,
for judging junk by hand.

    python benchmarks/measure_actors.py [--count 400] [--seed 14] [--corpus PATH] [--work /tmp/actors14]

Article text is written only under --work (never into the repository).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"
PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself", "it", "its", "itself",
            "they", "them", "their", "themselves", "we", "us", "our", "i", "me", "my", "you", "your"}


def is_even(article_id: str) -> bool:
    return int(article_id.rsplit("-", 1)[1]) % 2 == 0


def draw(corpus: Path, count: int, seed: int) -> list[dict]:
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        eligible = [a for a in map(json.loads, handle) if is_even(a["id"])]
    return random.Random(seed).sample(eligible, count)


def is_reference_alias(alias: str) -> bool:
    """A pronoun or possessive form ("herself", "his country", "Russia's"), not a name."""
    lower = alias.lower()
    words = lower.split()
    return bool(words) and (alias.split()[0] != "US" and words[0] in PRONOUNS or lower.endswith(("'s", "’s", " s")))


def measure(G) -> dict:
    in_relation = {n for u, v in G.edges() for n in (u, v)}
    types = defaultdict(set)
    for _, data in G.nodes(data=True):
        types[data["label"].lower()].add(data["type"])
    bad_aliases = sorted({(data["label"], alias) for _, data in G.nodes(data=True) for alias in data.get("aliases", ()) if is_reference_alias(alias)})
    return {
        "actors": G.number_of_nodes(),
        "actors_in_relation": len(in_relation),
        "labels_with_several_types": sorted(label for label, kinds in types.items() if len(kinds) > 1),
        "reference_aliases": bad_aliases,
    }


def judging_sample(G, size: int, seed: int) -> list[dict]:
    in_relation = sorted({n for u, v in G.edges() for n in (u, v)})
    picked = random.Random(seed).sample(in_relation, min(size, len(in_relation)))
    rows = []
    for node in picked:
        data = G.nodes[node]
        sentences = [(u, d["relation"], v, item["sentence"]) for u, v, d in G.edges(data=True) if node in (u, v) for item in d["evidence"]][:2]
        rows.append({"id": node, "label": data["label"], "type": data["type"], "aliases": data.get("aliases", []),
                     "evidence": [f"{G.nodes[u]['label']} -{r}-> {G.nodes[v]['label']}: {s}" for u, r, v, s in sentences]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--work", type=Path, default=Path("/tmp/actors14"))
    parser.add_argument("--jobs", type=int, default=4)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import graphkit

    args.work.mkdir(parents=True, exist_ok=True)
    sample = args.work / "sample.jsonl"
    with open(sample, "w", encoding="utf-8") as out:
        for article in draw(args.corpus, args.count, args.seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    kg = graphkit.build([sample], jobs=args.jobs)
    G = kg.graph
    figures = measure(G)
    (args.work / "judge.json").write_text(json.dumps(judging_sample(G, 100, args.seed), indent=1, ensure_ascii=False), encoding="utf-8")
    (args.work / "figures.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    import pickle
    (args.work / "graph.pickle").write_bytes(pickle.dumps(G))
    print(f"actors {figures['actors']}, in a relation {figures['actors_in_relation']}, "
          f"labels with >1 type {len(figures['labels_with_several_types'])}, "
          f"pronoun/possessive aliases {len(figures['reference_aliases'])}; "
          f"judge {args.work / 'judge.json'}")


if __name__ == "__main__":
    main()
