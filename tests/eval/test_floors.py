"""Floors mechanics on hand-made TOML: parsing, checking, the lowering rule."""

from __future__ import annotations

import pytest

from eventwire.errors import EvalError
from eventwire.eval.gate import as_toml, check, load_floors, unexplained_lowerings

OLD = """
[geowebnews]
limit = 20
span_f1 = 0.5
median_km = 40.0
"""


def test_parse() -> None:
    fl = load_floors(OLD)["geowebnews"]
    assert fl.limit == 20 and fl.floors == {"span_f1": 0.5, "median_km": 40.0}
    assert load_floors("[tempeval3]\nlimit = 0\nvalue_f1 = 0.3\n")["tempeval3"].limit is None
    with pytest.raises(EvalError, match="unknown gold set"):
        load_floors("[nope]\nx = 1\n")
    with pytest.raises(EvalError, match="must be a number"):
        load_floors('[tempeval3]\nvalue_f1 = "high"\n')


def test_check_respects_direction() -> None:
    fl = load_floors(OLD)["geowebnews"]
    ok = {"metrics": {"span_f1": 0.51, "median_km": 12.0}}
    assert check(ok, fl) == []
    bad = {"metrics": {"span_f1": 0.49, "median_km": 41.0}}
    msgs = check(bad, fl)
    assert any("fell below" in m for m in msgs) and any("ceiling" in m for m in msgs)
    assert check({"metrics": {}}, fl)[0].startswith("geowebnews.median_km: no value")
    assert "not available" in check({"system_error": "system not available yet"}, fl)[0]


def test_lowering_needs_a_reason() -> None:
    old = load_floors(OLD)
    raised = load_floors(OLD.replace("0.5", "0.6").replace("40.0", "30.0"))
    assert unexplained_lowerings(old, raised) == []
    lowered = load_floors(OLD.replace("0.5", "0.4").replace("40.0", "50.0"))
    assert len(unexplained_lowerings(old, lowered)) == 2
    explained = load_floors(
        OLD.replace("0.5", "0.4")
        + '[geowebnews.lowered]\nspan_f1 = "new tokenizer splits hyphenated names; see #12"\n'
    )
    assert unexplained_lowerings(old, explained) == []
    dropped = load_floors("[geowebnews]\nlimit = 20\nspan_f1 = 0.5\n")
    assert "median_km" in unexplained_lowerings(old, dropped)[0]


def test_as_toml_cuts_towards_safety() -> None:
    floors = load_floors(OLD)
    text = as_toml({"geowebnews": {"metrics": {"span_f1": 0.56789, "median_km": 12.3456}}}, floors)
    assert "span_f1 = 0.567" in text and "median_km = 12.346" in text
    assert load_floors(text)["geowebnews"].limit == 20
