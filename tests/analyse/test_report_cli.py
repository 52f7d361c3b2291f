"""The report and the analysis commands, over the demo corpus coded by the real pipeline."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from eventwire.cli.app import app

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


def test_demo_shift_counts_no_withdrawal_as_cooperation(corpus_db):
    """On the demo corpus France's departure from Niger is no cooperation (docs/cli.md): its
    events with Niger are conflict only; this pins what the data says rather than the story."""
    res = runner.invoke(
        app,
        ["partners", "NER", "--db", str(corpus_db), "--from", "2023-01-01", "--format", "json"],
    )
    assert res.exit_code == 0, res.output
    shift = json.loads(res.output)
    by = {p["partner"]: p for p in shift["partners"]}
    fra = by["FRA"]
    assert fra["cooperation"]["before"] == fra["cooperation"]["after"] == 0
    assert fra["conflict"]["before"] + fra["conflict"]["after"] > 0
    assert by["RUS"]["cooperation"]["before"] > 0 and by["RUS"]["cooperation"]["after"] > 0


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
