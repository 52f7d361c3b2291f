"""Ingest as users have it: JSONL with their own field names, every record coded, progress
on stderr, and a non-zero exit when nothing could be read."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from eventwire.cli.app import app
from eventwire.cli.progress import RunProgress, count_documents

runner = CliRunner()

RECORDS = [
    {
        "body": "Niger's army attacked rebels near Niamey on Monday.",
        "date": "2021-03-03T10:00:00",
        "headline": "Army strikes",
    },
    {"headline": "no text here"},
    {
        "body": "France condemned the coup in Mali on Tuesday.",
        "date": "2021-03-03",
        "headline": "Paris condemns",
    },
]


def _jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _events(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith('{"event_id"')]


def test_run_maps_field_names_and_reads_their_dates(tmp_path):
    src = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    db = tmp_path / "e.duckdb"
    res = runner.invoke(
        app,
        [
            "run",
            str(src),
            "--db",
            str(db),
            "--field",
            "text=body",
            "--field",
            "published=date",
            "--field",
            "title=headline",
        ],
    )
    assert res.exit_code == 0, res.output
    assert "articles: 2" in res.output and "rejects: 1" in res.output
    assert 'no "body"' in res.output  # the record without the mapped field is named
    assert "eventwire: coding done, 3 documents" in res.output  # not a terminal: a log line
    listed = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    evs = [json.loads(line) for line in listed.output.splitlines()]
    attack = next(e for e in evs if e["cameo"]["root"] == "19")
    assert attack["date"]["start"] == "2021-03-01"  # "on Monday" before the mapped date


def test_run_exits_4_when_every_record_is_rejected(tmp_path):
    src = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    res = runner.invoke(app, ["run", str(src), "--db", str(tmp_path / "e.duckdb")])
    assert res.exit_code == 4, res.output
    assert "every input was rejected" in res.output
    assert "--field text=NAME" in res.output  # says how to fix it


def test_run_exits_3_for_a_missing_path_after_storing_the_rest(tmp_path):
    src = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    db = tmp_path / "e.duckdb"
    res = runner.invoke(
        app,
        ["run", str(src), str(tmp_path / "typo.jsonl"), "--db", str(db), "--field", "text=body"],
    )
    assert res.exit_code == 3
    assert "no such input" in res.output and "typo.jsonl" in res.output
    assert "articles: 2" in res.output  # the inputs that exist were read and stored


def test_bad_field_spec_is_a_usage_error(tmp_path):
    src = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    for spec in ("body", "words=body"):
        res = runner.invoke(app, ["code", str(src), "--field", spec])
        assert res.exit_code == 2, (spec, res.output)


def test_code_codes_every_record_of_a_jsonl_file(tmp_path):
    src = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    res = runner.invoke(app, ["code", str(src), "--field", "text=body"])
    assert res.exit_code == 0, res.output
    evs = _events(res.output)
    assert len({e["article_id"] for e in evs}) == 2
    assert [e["evidence"][:6] for e in evs][0] == "Niger'"  # input order
    assert any(e["source"] and e["source"][0]["country"] == "FRA" for e in evs)
    assert "feed.jsonl:2" in res.output  # the bad record is reported, the rest coded


def test_code_exits_4_when_no_record_can_be_read_and_3_for_a_missing_file(tmp_path):
    src = _jsonl(tmp_path / "feed.jsonl", RECORDS)
    res = runner.invoke(app, ["code", str(src)])
    assert res.exit_code == 4
    assert "every input was rejected" in res.output and not _events(res.output)
    missing = runner.invoke(app, ["code", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 3 and "no such input" in missing.output


def test_progress_logs_every_n_documents_when_not_on_a_terminal(tmp_path):
    stream = io.StringIO()
    console = Console(file=io.StringIO(), force_terminal=False)
    with RunProgress([], console, every_docs=2, every_s=3600, stream=stream) as progress:
        for _ in range(5):
            progress.advance(1)
    lines = stream.getvalue().splitlines()
    assert [line.split(" documents")[0] for line in lines] == [
        "eventwire: coding 2",
        "eventwire: coding 4",
        "eventwire: coding done, 5",
    ]
    assert all("/s, " in line for line in lines)


def test_progress_on_a_terminal_counts_the_total(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _jsonl(folder / "a.jsonl", RECORDS)
    with gzip.open(folder / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(RECORDS[0]) + "\n" + json.dumps(RECORDS[2]))  # no final newline
    (folder / "c.txt").write_text("A story.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("skipped", encoding="utf-8")
    assert count_documents([folder]) == 6  # 3 + 2 records, 1 text file
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120)
    with RunProgress([folder], console) as progress:
        assert progress._counter is not None
        progress._counter.join(10)
        progress.advance(6)
    assert progress.total == 6 and progress.done == 6
