"""The fitted confidence model: how it is fitted (scripts/calibrate_confidence.py) and what it
was fitted on."""

from __future__ import annotations

import importlib.util
import json
import random

import pytest

from graphkit.relations import confidence

import helpers


def calibrate_module():
    spec = importlib.util.spec_from_file_location("calibrate", helpers.REPO / "scripts" / "calibrate_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic(module, n: int = 300, seed: int = 7) -> list:
    """Statements of two rules: "good" right 90% of the time, "poor" 30%, in articles of three."""
    rng = random.Random(seed)
    judged = []
    for i in range(n):
        rule = "good" if i % 2 else "poor"
        right = rng.random() < (0.9 if rule == "good" else 0.3)
        judged.append(module.Judged({"registered_base": 0.8, f"rule:{rule}": 1.0}, right, f"article-{i // 3}"))
    return judged


def test_the_model_learns_which_rule_is_right_more_often():
    module = calibrate_module()
    table = module.fit(synthetic(module), report=lambda line: None)
    weights = table["model"]["weights"]
    assert weights["rule:good"] > 0 > weights["rule:poor"]
    assert table["fitted_on"]["penalty"] in module.PENALTIES
    assert table["fitted_on"]["statements"] == 300


def test_out_of_fold_precision_rises_with_the_threshold():
    module = calibrate_module()
    buckets = module.fit(synthetic(module), report=lambda line: None)["fitted_on"]["out_of_fold"]
    assert buckets[">=0.7"]["right"] > 0.8 > buckets[">=0.5"]["statements"] / 300
    assert buckets[">=0.8"]["statements"] <= buckets[">=0.5"]["statements"]


def test_an_article_never_straddles_two_folds():
    module = calibrate_module()
    assert {module.fold_of("reuters-000001") for _ in range(3)} == {module.fold_of("reuters-000001")}
    assert len({module.fold_of(f"reuters-{i:06d}") for i in range(200)}) == module.FOLDS


def test_a_stronger_penalty_pulls_the_weights_toward_zero():
    module = calibrate_module()
    judged = synthetic(module)
    names = module.feature_names(judged)
    X, y = module.design(judged, names)
    weak, strong = module.fit_logistic(X, y, 0.1), module.fit_logistic(X, y, 100.0)
    assert abs(strong[1:]).sum() < abs(weak[1:]).sum()


def test_the_script_refuses_the_test_split(monkeypatch, capsys):
    module = calibrate_module()
    monkeypatch.setattr("sys.argv", ["calibrate_confidence.py", "--gold", "tests/data/reuters_test.jsonl"])
    with pytest.raises(SystemExit):
        module.main()
    assert "held out" in capsys.readouterr().err


def test_the_committed_model_was_fitted_on_dev_and_judged_statements():
    table = confidence.calibration()
    assert table["fitted_on"]["dev_statements"] > 0 and table["fitted_on"]["judged_statements"] > 0
    assert table["model"]["weights"] and "intercept" in table["model"]
    assert set(table["fitted_on"]["out_of_fold"]) == {">=0.5", ">=0.6", ">=0.7", ">=0.8"}


def test_the_judgements_are_keys_on_odd_id_articles_only():
    """Judged statements come from odd-id articles (never gold) and carry no article text."""
    gold_ids = set()
    for name in ("reuters_dev.jsonl", "reuters_test.jsonl"):
        with open(helpers.REPO / "tests" / "data" / name, encoding="utf-8") as handle:
            gold_ids |= {json.loads(line)["id"] for line in handle if line.strip()}
    with open(helpers.REPO / "tests" / "data" / "calibration_judgements.jsonl", encoding="utf-8") as handle:
        judgements = [json.loads(line) for line in handle if line.strip()]
    assert judgements
    for item in judgements:
        assert set(item) == {"doc_id", "sentence_index", "source", "relation", "target", "negated", "right"}
        assert int(item["doc_id"].rsplit("-", 1)[1]) % 2 == 1 and item["doc_id"] not in gold_ids
