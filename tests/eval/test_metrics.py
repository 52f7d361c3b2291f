"""Metric definitions on tiny hand-made numbers, each checkable by hand."""

from __future__ import annotations

import math

import pytest

from eventwire.eval.metrics import (
    PRF,
    acc_at_km,
    geo_auc,
    haversine_km,
    macro_f1,
    majority,
    match_spans,
    median_km,
    multiset_prf,
    page_averaged,
    set_prf,
    shingle_prf,
    shingles,
    span_prf,
)


def test_prf_basics_and_empty_denominators() -> None:
    x = PRF(2, 1, 1)
    assert x.precision == pytest.approx(2 / 3)
    assert x.recall == pytest.approx(2 / 3)
    assert x.f1 == pytest.approx(2 / 3)
    assert PRF(0, 0, 0).f1 == 0.0
    assert (PRF(1, 0, 0) + PRF(0, 1, 2)) == PRF(1, 1, 2)


def test_set_and_multiset_prf() -> None:
    assert set_prf({"USA", "IRQ"}, ["USA", "USA", "FRA"]) == PRF(1, 1, 1)
    assert multiset_prf(["a", "a", "b"], ["a", "c"]) == PRF(1, 1, 2)


def test_macro_f1_over_gold_classes_only() -> None:
    gold = ["A", "A", "B", "B"]
    pred = ["A", "B", "B", "C"]
    # A: P=1 R=.5 F=2/3; B: P=.5 R=.5 F=.5; C is not a gold class.
    assert macro_f1(gold, pred) == pytest.approx((2 / 3 + 0.5) / 2)


def test_majority_is_stable_on_ties() -> None:
    assert majority(["b", "a", "b", "a"]) == "a"
    assert majority([]) is None


def test_span_matching_strict_and_relaxed() -> None:
    gold = [(0, 5), (10, 20)]
    pred = [(0, 5), (12, 15), (30, 31)]
    assert span_prf(gold, pred, relaxed=False) == PRF(1, 2, 1)
    assert span_prf(gold, pred, relaxed=True) == PRF(2, 1, 0)


def test_relaxed_match_is_one_to_one() -> None:
    # One long system span over two gold spans matches only one of them.
    assert match_spans([(0, 3), (4, 8)], [(0, 8)], relaxed=True) == [(1, 0)]
    assert span_prf([(0, 3), (4, 8)], [(0, 8)], relaxed=True) == PRF(1, 0, 1)


def test_haversine_known_distances() -> None:
    assert haversine_km(0, 0, 0, 0) == 0
    # One degree of latitude is about 111.2 km.
    assert haversine_km(0, 0, 1, 0) == pytest.approx(111.2, abs=0.1)
    # Antipodes: half the circumference.
    assert haversine_km(0, 0, 0, 180) == pytest.approx(20015, rel=0.002)


def test_acc_161_and_median() -> None:
    errors = [0.0, 100.0, 161.0, 500.0]
    assert acc_at_km(errors) == 0.75
    assert median_km(errors) == 130.5
    assert acc_at_km([]) == 0.0 and median_km([]) is None


def test_geo_auc_definition() -> None:
    assert geo_auc([0.0, 0.0, 0.0]) == 0.0
    assert geo_auc([20039.0] * 4) == pytest.approx(1.0)
    # Two errors: trapezoid between the two scaled values, over one step.
    a, b = math.log1p(10) / math.log(20039), math.log1p(1000) / math.log(20039)
    assert geo_auc([1000.0, 10.0]) == pytest.approx((a + b) / 2)
    assert geo_auc([]) is None


def test_shingles_and_page_scores() -> None:
    assert shingles("one two three four five") == {
        ("one", "two", "three", "four"): 1,
        ("two", "three", "four", "five"): 1,
    }
    assert shingles("too short") == {("too", "short"): 1}
    same = shingle_prf("a b c d e", "a b c d e")
    assert same == PRF(1.0, 0.0, 0.0)
    half = shingle_prf("a b c d e", "a b c d")  # predicted 1 of the 2 gold shingles
    assert half.tp == pytest.approx(0.5) and half.fn == pytest.approx(0.5)
    p, r, f = page_averaged([same, half])
    assert p == pytest.approx(1.0) and r == pytest.approx(0.75)
    assert f == pytest.approx(2 * 0.75 / 1.75)


def test_page_average_skips_empty_sides() -> None:
    nothing_predicted = shingle_prf("a b c d", "")
    p, r, _ = page_averaged([nothing_predicted])
    assert p == 0.0  # no page with a prediction
    assert r == 0.0


def test_calibration_is_zero_when_confidence_matches_accuracy() -> None:
    from eventwire.eval.sets.plover_gsr import calibration

    perfect = [(0.9, True)] * 9 + [(0.9, False)]
    assert calibration(perfect)["confidence_ece"] == 0.0
    over = [(0.9, False)] * 10
    assert calibration(over)["confidence_ece"] == 0.9
    assert calibration([])["confidence_brier"] is None
