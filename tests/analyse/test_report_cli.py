"""The report and the analysis commands, over the demo corpus coded by the real pipeline."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from eventwire.cli.app import app
from eventwire.query import EventQuery
from eventwire.store.db import Store

runner = CliRunner()


def test_report_is_one_offline_html_file_with_charts_and_evidence(corpus_db, tmp_path):
    out = tmp_path / "ner.html"
    res = runner.invoke(
        app, ["report", "NER", "--db", str(corpus_db), "--from", "2023-01-01", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg") >= 2
    assert "<script" not in html and "<link" not in html
    # nothing is loaded from elsewhere: no src= attributes, no @import, no url(...)
    assert not re.search(r"\bsrc=|@import|url\(", html)
    assert "France (FRA)" in html and "Russia (RUS)" in html
    assert "<blockquote>" in html  # the evidence sentences


def test_report_refuses_an_unknown_country_with_a_hint(corpus_db, tmp_path):
    res = runner.invoke(app, ["report", "Nigerr", "--db", str(corpus_db)])
    assert res.exit_code == 1 and "NER (Niger)" in res.output


#: The coup in Niger: the date the question "how have Niger's partnerships shifted since the
#: coup?" is about. The demo corpus covers the partnership with France before it (2022 and the
#: first half of 2023).
COUP = "2023-07-26"


def _report_html(corpus_db, tmp_path, *args: str) -> str:
    """The HTML of `eventwire report NER` over the demo database with ``args``."""
    out = tmp_path / "ner.html"
    res = runner.invoke(app, ["report", "NER", "--db", str(corpus_db), *args, "--out", str(out)])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def _assert_shares_shown(html: str, *shares: dict) -> None:
    """Each partner's cooperation share before and after the split is printed as computed."""
    for s in shares:
        assert f"{s['share_before']:.0%} ({s['before']}/{s['before_total']})" in html
        assert f"{s['share_after']:.0%} ({s['after']}/{s['after_total']})" in html


def _shift(corpus_db, *args: str) -> dict:
    res = runner.invoke(app, ["partners", "NER", "--db", str(corpus_db), *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def test_demo_report_shows_france_falling_and_russia_rising_since_the_coup(corpus_db, tmp_path):
    """The shift the demo corpus is written to show, as the stored events give it: France's
    share of Niger's cooperation falls after the coup and Russia's rises. The figures are
    computed from the database, never written here; the report shows the same ones."""
    shift = _shift(corpus_db, "--from", "2022-01-01", "--split", COUP)
    assert shift["split"] == COUP and shift["split_rule"] == "given"
    by = {p["partner"]: p for p in shift["partners"]}
    fra, rus = by["FRA"]["cooperation"], by["RUS"]["cooperation"]
    assert fra["share_after"] < fra["share_before"]
    assert rus["share_after"] > rus["share_before"]
    # every event behind those shares is a stored event between Niger and that partner, on
    # the right side of the coup
    with Store(corpus_db, read_only=True) as store:
        for code, period in (("FRA", "before"), ("RUS", "after")):
            ids = by[code]["events"][period]
            stored = list(store.events(event_ids=ids))
            assert ids and sorted(ev.event_id for ev in stored) == sorted(ids)
            for ev in stored:
                assert {"NER", code} <= {a.country for a in (*ev.source, *ev.target)}
                day = ev.date.start if ev.date and ev.date.start else None
                assert day is None or (day < COUP if period == "before" else day >= COUP)
    html = _report_html(corpus_db, tmp_path, "--from", "2022-01-01", "--split", COUP)
    _assert_shares_shown(html, fra, rus)
    assert f"before and after {COUP}" in html and "given with <code>--split</code>" in html


def test_demo_withdrawals_are_stored_but_no_cooperation(corpus_db):
    """France's and the United States' troop withdrawals from Niger (CAMEO 087) are stored
    events, yet count in neither share: France has no cooperation with Niger after the coup."""
    with Store(corpus_db, read_only=True) as store:
        withdrawals = {
            a.country
            for ev in store.events()
            if ev.cameo.code == "087" and any(t.country == "NER" for t in ev.target)
            for a in ev.source
        }
    assert {"FRA", "USA"} <= withdrawals
    by = {p["partner"]: p for p in _shift(corpus_db, "--split", COUP)["partners"]}
    assert by["FRA"]["cooperation"]["after"] == 0


def test_report_with_the_default_split_says_it_is_the_median_day(corpus_db, tmp_path):
    out = tmp_path / "median.html"
    args = ["--db", str(corpus_db), "--from", "2023-01-01", "--out", str(out)]
    res = runner.invoke(app, ["report", "NER", *args])
    assert res.exit_code == 0, res.output
    html = out.read_text(encoding="utf-8")
    assert "is the median day of the events" in html and "--split" in html


def test_demo_report_from_2023_with_the_median_split_shows_the_shift(corpus_db, tmp_path):
    """Issue 15's "done when": `eventwire report NER --from 2023-01-01`, with the default
    (median) split, shows France's share of Niger's cooperation falling and Russia's rising.
    The corpus has France-Niger cooperation in the first half of 2023 for this; the figures
    are read from the database, and the report shows the same ones."""
    shift = _shift(corpus_db, "--from", "2023-01-01")
    assert shift["split_rule"] == "median" and "2023-01-01" < shift["split"]
    by = {p["partner"]: p for p in shift["partners"]}
    fra, rus = by["FRA"]["cooperation"], by["RUS"]["cooperation"]
    assert fra["before"] and fra["share_after"] < fra["share_before"]
    assert rus["share_after"] > rus["share_before"]
    # France's cooperation before the split is the 2023 partnership: after 1 January 2023
    ids = by["FRA"]["events"]["before"]
    with Store(corpus_db, read_only=True) as store:
        rows = store.query(EventQuery(event_ids=tuple(ids), include_all=True)).rows
    assert sorted(ev.event_id for ev, _ in rows) == sorted(ids)
    for ev, art in rows:
        assert {"NER", "FRA"} <= {a.country for a in (*ev.source, *ev.target)}
        day = (ev.date.start if ev.date and ev.date.start else None) or art["published"]
        assert "2023-01-01" <= str(day)[:10] < shift["split"]
    html = _report_html(corpus_db, tmp_path, "--from", "2023-01-01")
    _assert_shares_shown(html, fra, rus)
    assert f"before and after {shift['split']}" in html


def test_events_accepts_a_country_name_and_says_what_it_matched(corpus_db):
    res = runner.invoke(
        app, ["events", "--db", str(corpus_db), "--actor", "Niger", "--format", "csv"]
    )
    assert res.exit_code == 0, res.output
    assert "'Niger' -> NER" in res.output
    assert "NER" in res.output and "evidence" in res.output.splitlines()[1]


def test_events_with_an_unknown_name_is_a_usage_error_with_a_hint(corpus_db):
    res = runner.invoke(app, ["events", "--db", str(corpus_db), "--actor", "Nigr"])
    assert res.exit_code == 2 and "NER (Niger)" in res.output


def test_agg_and_timeline_commands(corpus_db):
    res = runner.invoke(
        app, ["agg", "--db", str(corpus_db), "--by", "quad_class", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert {r["quad_class"] for r in rows} <= {1, 2, 3, 4} and sum(r["events"] for r in rows)
    res = runner.invoke(
        app,
        ["timeline", "NER", "USA", "--db", str(corpus_db), "--freq", "year", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)[0]["period"].endswith("-01-01")


def test_event_table_never_presents_an_inferred_place_as_the_events(corpus_db):
    # the demo corpus has events placed only by their article's dateline or main country
    res = runner.invoke(app, ["events", "--db", str(corpus_db), "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "(place) = the article's dateline or main country" in res.output
    rows = [ln for ln in res.output.splitlines() if "│" in ln]
    assert any("(" in ln.split("│")[6] for ln in rows if len(ln.split("│")) > 7)
