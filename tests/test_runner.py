"""The main job end to end: real model, real DuckDB file, bad inputs, idempotence."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from eventwire.runner import run
from eventwire.store.db import DATA_TABLES, Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"

GOOD = (
    "---\ntitle: Niger revokes accord\npublished: 2024-03-17\n---\n\n"
    "Niger's military government revoked its military cooperation accord with the United "
    "States on Saturday, a government spokesman said.\n"
)


def _tables(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in (*DATA_TABLES, "runs"):
            out[t] = sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory):
    d = tmp_path_factory.mktemp("batch")
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.html").write_bytes(bytes(range(256)) * 20)
    (d / "latin1.txt").write_bytes("Le pr\xe9sident a d\xe9clar\xe9.".encode("latin-1"))
    (d / "truncated.html").write_text(
        "<html><body><div class='nav'><a href='/'>Home", encoding="utf-8"
    )
    (d / "feed.jsonl").write_text(
        json.dumps(
            {
                "text": "France withdrew its troops from Niger on Friday, officials said.",
                "published": "2023-12-23",
            }
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    with (d / "huge.txt").open("wb") as fh:
        fh.seek(50 * 1024 * 1024)
        fh.write(b"x")
    return d


def test_bad_inputs_become_rejects_and_the_rest_lands(bad_batch, tmp_path):
    db = tmp_path / "t.duckdb"
    summary = run([bad_batch], db)
    reasons = {os.path.basename(r.origin): r.reason for r in summary.reject_list}
    assert set(reasons) == {
        "empty.txt",
        "binary.html",
        "latin1.txt",
        "truncated.html",
        "feed.jsonl:2",
        "huge.txt",
    }
    assert "UTF-8" in reasons["latin1.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "JSON" in reasons["feed.jsonl:2"]
    assert summary.articles == 2
    with Store(db) as store:
        assert store.count("articles") == 2
        assert store.count("rejects") == 6
        assert any(e.cameo.root == "16" for e in store.events(actor="USA"))


def test_running_the_same_input_twice_changes_nothing(bad_batch, tmp_path):
    db = tmp_path / "t.duckdb"
    run([bad_batch], db)
    before = _tables(db)
    again = run([bad_batch], db)
    assert again.articles == 0 and again.duplicates == 2
    assert _tables(db) == before


def test_examples_corpus_codes_events_with_dates_and_places(tmp_path):
    db = tmp_path / "ex.duckdb"
    summary = run([EXAMPLES], db)
    assert summary.rejects == 0
    assert summary.articles >= 12
    with Store(db) as store:
        events = list(store.events())
    assert len(events) >= 3 * summary.articles
    # of the events a user sees (counted, and told as done, planned or claimed), at least a
    # third carry a date from their own clause; candidates are often undated generalities
    shown = [e for e in events if e.counted and e.modality in {"asserted", "planned", "claimed"}]
    assert sum(1 for e in shown if e.date and e.date.start) >= len(shown) // 3
    assert all(e.place is not None for e in events)
    assert {e.modality for e in events} >= {"asserted", "planned"}


def test_same_story_in_two_files_is_stored_once(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(GOOD, encoding="utf-8")
    (src / "b.txt").write_text(GOOD.replace("  ", " "), encoding="utf-8")
    summary = run([src], tmp_path / "d.duckdb")
    assert (summary.articles, summary.duplicates) == (1, 1)
