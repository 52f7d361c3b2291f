"""``eventwire kb``: validate the KB files (packaged and a user's), look names up."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventwire.cli.app import app

runner = CliRunner()


def test_validate_packaged_kb_exits_zero():
    res = runner.invoke(app, ["kb", "validate"])
    assert res.exit_code == 0, res.output
    assert "ok" in res.output


def test_validate_prints_file_line_reason_and_exits_one(tmp_path: Path):
    bad = tmp_path / "people.jsonl"
    bad.write_text(
        '{"id": "a", "name": "A Example", "country": "NER", "sector": "GOV"}\n'
        '{"id": "b", "name": "B Example", "country": "NER", "sector": "BOSS"}\n'
        '{"id": "c",\n',
        encoding="utf-8",
    )
    res = runner.invoke(app, ["kb", "validate", str(bad)])
    assert res.exit_code == 1
    assert f"{bad}:2: unknown sector 'BOSS'" in res.output
    assert f"{bad}:3: malformed JSON" in res.output
    assert f"{bad}:1:" not in res.output


def test_validate_rejects_a_file_of_unknown_kind(tmp_path: Path):
    odd = tmp_path / "notes.txt"
    odd.write_text("hello\n", encoding="utf-8")
    res = runner.invoke(app, ["kb", "validate", str(odd)])
    assert res.exit_code == 1 and "not a KB data file" in res.output


def test_lookup_resolves_an_office_by_date():
    res = runner.invoke(app, ["kb", "lookup", "the French president", "--date", "2016-05-01"])
    assert res.exit_code == 0, res.output
    assert "Hollande" in res.output
    res = runner.invoke(
        app, ["kb", "lookup", "the French president", "--date", "2024-05-01", "--json"]
    )
    out = json.loads(res.stdout)
    assert out["actor"]["name"] == "Emmanuel Macron" and out["actor"]["country"] == "FRA"


def test_lookup_lists_what_a_name_can_mean():
    res = runner.invoke(app, ["kb", "lookup", "Sahel", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["actor"] is None
    assert out["entries"][0]["kind"] == "region" and "NER" in out["entries"][0]["name"]


def test_stats_counts_what_the_kb_holds():
    res = runner.invoke(app, ["kb", "stats"])
    assert res.exit_code == 0
    counts = dict(line.split("\t") for line in res.output.strip().splitlines())
    assert int(counts["countries"]) >= 249 and int(counts["people"]) > 1000
