"""Fit the confidence model (ontologies/confidence.yaml) on judged statements.

    .venv/bin/python scripts/calibrate_confidence.py [--gold tests/data/reuters_dev.jsonl]
        [--judgements tests/data/calibration_judgements.jsonl] [--texts CORPUS]

Two kinds of judged statement, pooled:
- every statement the extractor makes on the real-news **dev** split, right when it matches a gold
  relation strictly (source, relation, target, negation). The test split is never used: it stays
  held out, and the README reports its confidence buckets as the out-of-sample check;
- statements on odd-id corpus articles (never gold articles) judged right or wrong by a reader
  against ANNOTATION.md (``--judgements``; keys only, no article text). They are text the rules
  were not written on, so they keep the fit honest; statements the current extractor no longer
  makes are left out, and new statements on those articles are not judged and are left out too.

The model is a logistic regression over ``graphkit.relations.confidence.statement_features``
with an L2 penalty chosen by grouped cross-validation (articles never straddle folds). The
out-of-fold predictions give the table written under ``fitted_on.out_of_fold``: how often
statements at or above each threshold were right when the model had not seen their article.
"""

from __future__ import annotations

import argparse
import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import numpy as np
import yaml

from graphkit.evaluate import GoldPassage, gold_keys, matched_records, passage_article, read_gold
from graphkit.gold import ArticleTexts
from graphkit.ingest import article_from_record
from graphkit.models import Relation
from graphkit.relations.confidence import statement_features

ROOT = Path(__file__).resolve().parent.parent

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"
GOLD = ROOT / "tests" / "data" / "reuters_dev.jsonl"
JUDGEMENTS = ROOT / "tests" / "data" / "calibration_judgements.jsonl"
OUT = ROOT / "ontologies" / "confidence.yaml"
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
FOLDS = 10
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)


class Judged(NamedTuple):
    """One judged statement: its features, whether it is right, and its article (for the folds)."""

    features: dict[str, float]
    right: bool
    article: str


def judgement_key(doc_id: str, sentence_index: int, source: str, relation: str, target: str, negated: bool) -> tuple:
    return doc_id, sentence_index, source, relation, target, negated


def relation_key(relation: Relation) -> tuple:
    return judgement_key(relation.evidence.doc_id, relation.evidence.sentence_index, relation.source.label,
                         relation.relation, relation.target.label, relation.negated)


def judged_gold(extractor, gold: Path, texts: Path) -> list[Judged]:
    """Every statement on the gold articles, right when it matches a gold relation strictly."""
    passages = [p for p in read_gold(gold, ArticleTexts([texts])) if isinstance(p, GoldPassage)]
    judged = []
    for passage, result in zip(passages, extractor.process([passage_article(p) for p in passages]), strict=True):
        records = [extractor.record(relation) for relation in result.relations]
        right = gold_keys(passage, extractor.vocabulary)
        for relation, matched in zip(result.relations, matched_records(passage, records, extractor.vocabulary), strict=True):
            judged.append(Judged(statement_features(relation, extractor.knowledge.is_known), matched["key"] in right, passage.id))
    return judged


def read_judgements(path: Path) -> dict[tuple, bool]:
    judgements = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                item = json.loads(line)
                key = judgement_key(item["doc_id"], item["sentence_index"], item["source"], item["relation"], item["target"], item["negated"])
                judgements[key] = item["right"]
    return judgements


def judged_sample(extractor, path: Path, texts: Path) -> tuple[list[Judged], int, int]:
    """The judged odd-id statements the extractor still makes; also how many judgements found no
    statement and how many statements on those articles have no judgement."""
    judgements = read_judgements(path)
    corpus = ArticleTexts([texts])
    found = [corpus.get(doc_id) for doc_id in sorted({key[0] for key in judgements})]
    # read as `graphkit build corpus.jsonl` reads them, so sentences split the same way
    articles = [article_from_record({"id": a.id, "text": a.text, "title": a.title, "date": a.date}, texts.name, a.id) for a in found if a]
    judged, seen, unjudged = [], set(), 0
    for result in extractor.process(articles):
        for relation in result.relations:
            key = relation_key(relation)
            if key in judgements and key not in seen:
                seen.add(key)
                judged.append(Judged(statement_features(relation, extractor.knowledge.is_known), judgements[key], key[0]))
            elif key not in judgements:
                unjudged += 1
    return judged, len(judgements) - len(seen), unjudged


def design(judged: list[Judged], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {name: i for i, name in enumerate(names)}
    X = np.zeros((len(judged), len(names) + 1))
    X[:, 0] = 1.0  # the intercept
    for row, (features, _, _) in enumerate(judged):
        for name, value in features.items():
            if name in index:
                X[row, index[name] + 1] = value
    return X, np.array([float(right) for _, right, _ in judged])


def fit_logistic(X: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method; the intercept is not penalised."""
    w = np.zeros(X.shape[1])
    ridge = np.full(X.shape[1], penalty)
    ridge[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        gradient = X.T @ (p - y) + ridge * w
        hessian = (X * (p * (1 - p))[:, None]).T @ X + np.diag(ridge) + 1e-9 * np.eye(X.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def fold_of(article: str) -> int:
    return zlib.crc32(article.encode("utf-8")) % FOLDS


def out_of_fold(judged: list[Judged], penalty: float) -> np.ndarray:
    """Each statement's predicted probability from a model fitted without its article's fold."""
    predicted = np.zeros(len(judged))
    folds = np.array([fold_of(article) for _, _, article in judged])
    for fold in range(FOLDS):
        train = [j for j, f in zip(judged, folds, strict=True) if f != fold]
        test = np.flatnonzero(folds == fold)
        if not len(test):
            continue
        names = feature_names(train)
        X, y = design(train, names)
        w = fit_logistic(X, y, penalty)
        X_test, _ = design([judged[i] for i in test], names)
        predicted[test] = 1.0 / (1.0 + np.exp(-X_test @ w))
    return predicted


def log_loss(predicted: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(predicted, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def feature_names(judged: list[Judged]) -> list[str]:
    return sorted({name for features, _, _ in judged for name in features})


def buckets(predicted: np.ndarray, y: np.ndarray) -> dict:
    """At or above each threshold: how many statements and the share right."""
    table = {}
    for threshold in THRESHOLDS:
        chosen = predicted >= threshold
        table[f">={threshold}"] = {"statements": int(chosen.sum()), "right": round(float(y[chosen].mean()), 3) if chosen.any() else None}
    return table


def fit(judged: list[Judged], penalties: tuple[float, ...] = PENALTIES, report: Callable[[str], None] = print) -> dict:
    """The model table: the penalty with the lowest out-of-fold log loss, refitted on everything."""
    _, y = design(judged, [])
    losses = {penalty: log_loss(out_of_fold(judged, penalty), y) for penalty in penalties}
    for penalty, loss in losses.items():
        report(f"penalty {penalty}: out-of-fold log loss {loss:.4f}")
    penalty = min(losses, key=losses.get)
    names = feature_names(judged)
    X, y = design(judged, names)
    w = fit_logistic(X, y, penalty)
    return {
        "fitted_on": {
            "statements": len(judged), "precision": round(float(y.mean()), 3), "penalty": penalty,
            "out_of_fold": buckets(out_of_fold(judged, penalty), y),
        },
        "model": {
            "intercept": round(float(w[0]), 4),
            "weights": {name: round(float(weight), 4) for name, weight in zip(names, w[1:], strict=True) if abs(weight) >= 1e-4},
        },
    }


def main() -> None:
    from graphkit.pipeline import Extractor

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--judgements", type=Path, default=JUDGEMENTS)
    parser.add_argument("--texts", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if "test" in args.gold.name:
        parser.error(f"{args.gold}: the test split is held out; fit on the dev split")
    extractor = Extractor()
    gold = judged_gold(extractor, args.gold, args.texts)
    sample, lost, unjudged = judged_sample(extractor, args.judgements, args.texts) if args.judgements.is_file() else ([], 0, 0)
    print(f"{args.gold.name}: {len(gold)} statements; {args.judgements.name}: {len(sample)} judged statements "
          f"({lost} judgements match no current statement, {unjudged} statements on those articles unjudged)")
    table = fit(gold + sample)
    table["fitted_on"] |= {"dev_statements": len(gold), "judged_statements": len(sample)}
    header = ("# Confidence model, fitted by scripts/calibrate_confidence.py on the real-news dev split and\n"
              "# on statements judged on odd-id corpus articles (never the test split): a logistic\n"
              "# regression over graphkit.relations.confidence.statement_features. out_of_fold: share\n"
              "# right at or above each threshold when the model had not seen the statement's article.\n")
    args.out.write_text(header + yaml.safe_dump(table, sort_keys=False), encoding="utf-8")
    print(f"{args.out}: {table['fitted_on']}")


if __name__ == "__main__":
    main()
