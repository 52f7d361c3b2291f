"""Timelines, aggregates and partnership shifts over a real DuckDB file of hand-made events."""

from __future__ import annotations

import math

import pytest

from eventwire.analyse.dyads import aggregate, timeline
from eventwire.analyse.shifts import Share, fisher_exact, partners, shifts
from eventwire.errors import ConfigError
from eventwire.query import EventQuery
from eventwire.store.db import Store


@pytest.fixture()
def db(tmp_path, make_event, make_db):
    evs = []
    # before 2023-07-26: France is Niger's main cooperation partner
    for i in range(6):
        evs.append(
            make_event(
                f"f{i}",
                "NER",
                "FRA",
                day=f"2023-0{1 + i}-10",
                quad=2,
                goldstein=6.0,
                article_id=f"af{i}",
            )
        )
    evs.append(make_event("r0", "NER", "RUS", day="2023-03-01", quad=1, article_id="ar0"))
    # after: Russia takes over, France's relation turns to conflict
    for i in range(6):
        evs.append(
            make_event(
                f"r{i + 1}",
                "RUS",
                "NER",
                day=f"2024-0{1 + i}-10",
                quad=2,
                goldstein=7.0,
                article_id=f"ar{i + 1}",
            )
        )
    evs.append(make_event("f6", "FRA", "NER", day="2024-02-01", quad=1, article_id="af6"))
    evs.append(
        make_event(
            "c1",
            "NER",
            "FRA",
            day="2023-09-01",
            quad=4,
            goldstein=-9.0,
            code="166",
            article_id="ac1",
        )
    )
    evs.append(
        make_event(
            "c2",
            "NER",
            "FRA",
            day="2023-10-01",
            quad=3,
            goldstein=-2.0,
            code="112",
            article_id="ac2",
        )
    )
    # a candidate and an event with no partner country never count
    evs.append(
        make_event("x1", "NER", "RUS", day="2023-02-01", quad=4, article_id="ax1", counted=False)
    )
    evs.append(make_event("x2", "NER", None, day="2024-02-01", quad=1, article_id="ax2"))
    return make_db(tmp_path / "s.duckdb", evs)


def test_dyad_timeline_counts_per_quad_class_and_sums_goldstein(db):
    with Store(db, read_only=True) as store:
        rows = timeline(store, "Niger", "France", freq="month")
        directed = timeline(store, "FRA", "NER", freq="year", directed=True)
    by = {r["period"]: r for r in rows}
    assert by["2023-01-01"]["q2"] == 1 and by["2023-01-01"]["goldstein"] == 6.0
    assert by["2023-09-01"]["q4"] == 1 and by["2023-09-01"]["goldstein"] == -9.0
    assert sum(r["events"] for r in rows) == 9
    assert directed == [
        {"period": "2024-01-01", "q1": 1, "q2": 0, "q3": 0, "q4": 0, "events": 1, "goldstein": 1.9}
    ]


def test_aggregate_groups_by_any_columns(db):
    with Store(db, read_only=True) as store:
        rows = aggregate(store, ["source_country", "year"], query=EventQuery(quad_class=(2,)))
        with pytest.raises(ConfigError, match="cannot group by"):
            aggregate(store, ["colour"])
    assert {(r["source_country"], r["year"]): r["events"] for r in rows} == {
        ("NER", "2023-01-01"): 6,
        ("RUS", "2024-01-01"): 6,
    }


def test_partners_count_each_side(db):
    with Store(db, read_only=True) as store:
        found = partners(store, "NER")
    assert [(p["partner"], p["events"]) for p in found] == [("FRA", 9), ("RUS", 7)]


def test_shift_ranks_partners_by_change_in_cooperation_share_with_evidence(db):
    with Store(db, read_only=True) as store:
        shift = shifts(store, "Niger", split="2023-07-26")
    assert shift.focal == "NER" and [p.partner for p in shift.partners] == ["FRA", "RUS"]
    fra, rus = shift.partners
    assert (fra.cooperation.before, fra.cooperation.before_total) == (6, 7)
    assert (fra.cooperation.after, fra.cooperation.after_total) == (1, 7)
    assert fra.cooperation.change < 0 < rus.cooperation.change
    assert fra.cooperation.p_value is not None and fra.cooperation.p_value < 0.05
    assert fra.conflict.share_after == 1.0
    assert sorted(fra.events["before"]) == [f"f{i}" for i in range(6)]
    assert "x1" not in rus.events["before"]


def test_z_statistic_matches_the_two_proportion_formula():
    s = Share(before=6, before_total=7, after=1, after_total=7)
    p = 7 / 14
    z = (1 / 7 - 6 / 7) / math.sqrt(p * (1 - p) * (2 / 7))
    assert s.z == pytest.approx(z)
    assert Share(before=0, before_total=0, after=1, after_total=2).z is None


def test_p_value_is_fishers_exact_test_two_sided():
    # textbook values (Fisher's tea tasting: 0.4857; 6 of 7 against 1 of 7: 0.0291)
    assert fisher_exact(3, 1, 1, 3) == pytest.approx(0.485714, abs=1e-6)
    assert fisher_exact(6, 1, 1, 6) == pytest.approx(0.029138, abs=1e-6)
    assert fisher_exact(10, 20, 25, 5) == pytest.approx(0.000181, abs=1e-6)
    s = Share(before=6, before_total=7, after=1, after_total=7)
    assert s.p_value == pytest.approx(fisher_exact(6, 1, 1, 6))
    assert Share(before=0, before_total=0, after=1, after_total=2).p_value is None


def test_one_event_against_none_is_not_significant():
    # the normal approximation called this p = 0.0002; exactly it is 1/14
    s = Share(before=1, before_total=1, after=0, after_total=13)
    assert s.p_value == pytest.approx(1 / 14)
    assert s.p_value > 0.05


def test_default_split_is_the_median_day_and_says_so(db):
    with Store(db, read_only=True) as store:
        shift = shifts(store, "NER")
        given = shifts(store, "NER", split="2023-07-26")
    assert shift.split is not None and "2023-09-01" <= shift.split <= "2024-02-01"
    assert shift.split_rule == "median" and given.split_rule == "given"
    assert shift.as_dict()["split_rule"] == "median"


def test_an_event_dated_to_a_month_that_spans_the_split_is_in_neither_period(
    tmp_path, make_event, make_db
):
    from dataclasses import replace

    from eventwire.records import TimeSpan

    july = TimeSpan(text="in July", start="2023-07-01", end="2023-07-31", precision="month")
    evs = [
        make_event("b", "FRA", "NER", day="2023-06-10", quad=2, article_id="a1"),
        make_event("a", "RUS", "NER", day="2023-12-04", quad=2, article_id="a2"),
        replace(make_event("m", "IGO", "NER", quad=4, code="163", article_id="a3"), date=july),
    ]
    with Store(make_db(tmp_path / "m.duckdb", evs), read_only=True) as store:
        shift = shifts(store, "NER", split="2023-07-26")
        inside = shifts(store, "NER", split="2023-08-15")
    assert shift.straddling == ["m"]
    assert [p.partner for p in shift.partners] == ["FRA", "RUS"]
    # a split after the month's end puts it before
    assert inside.straddling == [] and "IGO" in [p.partner for p in inside.partners]


def test_a_side_that_is_an_armed_group_or_civilians_is_no_partnership(
    tmp_path, make_event, make_db
):
    # French aircraft striking insurgents in Niger is no conflict between France and Niger
    evs = [
        make_event("s", "FRA", "NER", quad=4, code="190", target_sector="REB", article_id="a1"),
        make_event("c", "FRA", "NER", quad=4, code="190", target_sector="CVL", article_id="a2"),
        make_event("g", "FRA", "NER", quad=1, code="040", article_id="a3"),
    ]
    with Store(make_db(tmp_path / "r.duckdb", evs), read_only=True) as store:
        shift = shifts(store, "NER", split="2024-01-01")
        found = partners(store, "NER")
    (fra,) = shift.partners
    assert fra.events["after"] == ["g"] and fra.conflict.after == 0
    assert found == [
        {"partner": "FRA", "events": 1, "q1": 1, "q2": 0, "q3": 0, "q4": 0, "goldstein": 1.9}
    ]


def test_a_partner_withdrawing_its_troops_is_no_cooperation(tmp_path, make_event, make_db):
    # CAMEO puts a troop withdrawal (087) in QuadClass 2; between partners it ends cooperation
    evs = [
        make_event("m1", "RUS", "NER", day="2024-04-10", quad=2, article_id="a1"),
        make_event("w1", "USA", "NER", day="2024-08-05", quad=2, code="087", article_id="a2"),
    ]
    with Store(make_db(tmp_path / "w.duckdb", evs), read_only=True) as store:
        shift = shifts(store, "NER", split="2024-01-01")
    assert [p.partner for p in shift.partners] == ["RUS"]
    assert shift.partners[0].cooperation.share_after == 1.0
