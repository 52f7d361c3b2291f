"""The command line: run, code, events, show, with real files and a real database."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.app import app

runner = CliRunner()
STORY = (
    "---\ntitle: ECOWAS sanctions\npublished: 2023-08-01\n---\n\n"
    "The Economic Community of West African States imposed sanctions on Niger on Sunday.\n"
)


def test_code_prints_one_json_event_per_line(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text(STORY, encoding="utf-8")
    res = runner.invoke(app, ["code", str(f), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert events
    ev = events[0]
    for key in (
        "event_id",
        "article_id",
        "sentence",
        "evidence",
        "trigger",
        "source",
        "target",
        "cameo",
        "plover",
        "modality",
        "date",
        "place",
        "confidence",
    ):
        assert key in ev
    assert ev["cameo"]["root"] == "16"
    assert ev["target"][0]["country"] == "NER"
    assert ev["date"]["start"] == "2023-07-30"


def test_code_reads_stdin(tmp_path):
    res = runner.invoke(
        app,
        ["code", "-", "--published", "2024-01-29", "--format", "table"],
        input="Mali accused Algeria of supporting rebels on Monday.\n",
    )
    assert res.exit_code == 0, res.output
    assert "MLI" in res.output and "DZA" in res.output


def test_run_events_and_show(tmp_path):
    f = tmp_path / "s.txt"
    f.write_text(STORY, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    res = runner.invoke(app, ["run", str(f), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "articles: 1" in res.output
    res = runner.invoke(app, ["events", "--db", str(db), "--actor", "NER", "--format", "csv"])
    assert res.exit_code == 0, res.output
    rows = res.output.strip().splitlines()
    assert rows[0].startswith("event_id,") and len(rows) >= 2
    event_id = rows[1].split(",")[0]
    res = runner.invoke(app, ["show", event_id, "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "sanctions" in res.output


def test_bad_date_is_a_usage_error(tmp_path):
    res = runner.invoke(app, ["run", str(tmp_path), "--published", "12/04/2024"])
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_missing_database_is_a_one_line_error(tmp_path):
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1
    assert "eventwire run" in res.output


def test_unknown_event_id_says_how_to_find_ids(tmp_path):
    f: Path = tmp_path / "s.txt"
    f.write_text(STORY, encoding="utf-8")
    db = tmp_path / "e.duckdb"
    runner.invoke(app, ["run", str(f), "--db", str(db)])
    res = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert res.exit_code == 1 and "no event" in res.output


def test_events_summary_names_cameo_only_statements(tmp_path):
    f = tmp_path / "claim.txt"
    f.write_text(
        "---\ntitle: Claim\npublished: 2024-05-02\n---\n\n"
        "JNIM claimed responsibility for the ambush near Djibo in Burkina Faso.\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.duckdb"
    assert runner.invoke(app, ["run", str(f), "--db", str(db)]).exit_code == 0
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "CAMEO 015 only 1" in res.output
