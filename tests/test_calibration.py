"""The fitted confidence table: how it is fitted (scripts/calibrate_confidence.py) and read."""

from __future__ import annotations

import importlib.util

import pytest

from graphkit.relations import confidence

import helpers


def calibrate_module():
    spec = importlib.util.spec_from_file_location("calibrate", helpers.REPO / "scripts" / "calibrate_confidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record(rule: str, modality: str = "asserted") -> dict:
    return {"rule": rule, "modality": modality}


def test_a_rules_base_is_its_precision_smoothed_toward_the_overall_one():
    fit = calibrate_module().fit
    # 8 of 10 direct objects right, 0 of 2 clause subjects, 1 of 2 hypothetical: overall 8/12
    judged = [(record("direct_object"), i < 8) for i in range(10)] + [(record("clause_subject"), False)] * 2
    table = fit(judged)
    overall = 8 / 12
    assert table["fitted_on"]["precision"] == pytest.approx(overall, abs=0.001)
    assert table["rules"]["direct_object"] == round((8 + 5 * overall) / (10 + 5), 2)
    assert table["rules"]["clause_subject"] == round((0 + 5 * overall) / (2 + 5), 2)
    assert table["rules"]["clause_subject"] < overall < table["rules"]["direct_object"]


def test_dictionary_statements_count_for_their_rule_and_modality_is_a_factor_at_most_one():
    fit = calibrate_module().fit
    judged = [(record("cameo:direct_object"), True), (record("direct_object", "hypothetical"), False), (record("direct_object"), True)]
    table = fit(judged)
    assert set(table["rules"]) == {"direct_object"}
    assert table["modality"]["hypothetical"] < 1.0 and table["modality"]["asserted"] == 1.0


def test_the_table_is_read_with_the_registered_base_as_fallback(monkeypatch):
    monkeypatch.setattr(confidence, "calibration", lambda: {"rules": {"direct_object": 0.7}, "modality": {"hypothetical": 0.5}})
    assert confidence.calibrated_base("direct_object", 0.85) == 0.7
    assert confidence.calibrated_base("a_rule_never_seen", 0.6) == 0.6
    assert confidence.modality_factor("hypothetical") == 0.5
    assert confidence.modality_factor("asserted") == 1.0


def test_the_committed_table_was_fitted_on_the_dev_split():
    table = confidence.calibration()
    assert table["fitted_on"]["statements"] > 0
    assert all(0.0 < value < 1.0 for value in table["rules"].values())
