"""One event from many reports, over real DuckDB files and the real pipeline.

The wire copies in tests/data/wires/biden_xi.jsonl are our own words about a real event (Joe
Biden and Xi Jinping met at the Filoli estate in Woodside, California, on 15 November 2023),
with different headlines, publishers, publication days and a few changed words.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli.app import app
from eventwire.runner import run
from eventwire.store.canonical import Report, _compatible, merge
from eventwire.store.db import DATA_TABLES, SCHEMA, Store

WIRES = Path(__file__).parents[1] / "data" / "wires" / "biden_xi.jsonl"
#: tables a re-run must leave byte-identical (runs differ only by their timestamps; none here)
TABLES = (*DATA_TABLES, "article_minhash_band", "canonical_events", "meta")


def _records() -> list[dict]:
    return [json.loads(line) for line in WIRES.read_text().splitlines()]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def _dump(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def _summit(db: Path) -> list[tuple]:
    """The canonical events of the Biden-Xi meeting (USA and CHN, CONSULT)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT canonical_id, num_mentions, num_articles, num_sources, first_seen, "
            "last_seen, plover_type FROM canonical_events WHERE dyad = 'CHN|USA' "
            "AND plover_type = 'CONSULT'"
        ).fetchall()
    finally:
        con.close()


def test_three_wire_copies_are_one_canonical_event(tmp_path):
    """The done-when check: three near-identical copies, one event, num_articles = 3."""
    db = tmp_path / "w.duckdb"
    summary = run([_write(tmp_path / "w.jsonl", _records())], db)
    assert summary.articles == 3
    summit = _summit(db)
    assert len(summit) == 1
    cid, mentions, articles, sources, first, last, plover = summit[0]
    assert (mentions, articles, sources, plover) == (3, 3, 3, "CONSULT")
    assert (first, last) == (date(2023, 11, 15), date(2023, 11, 16))
    con = duckdb.connect(str(db), read_only=True)
    # every report keeps its own id and points at the canonical event, with its offsets
    rows = con.execute(
        "SELECT event_id, article_id, sentence, trigger_start FROM canonical_mentions "
        "WHERE canonical_id = ?",
        [cid],
    ).fetchall()
    assert len({r[0] for r in rows}) == 3 and len({r[1] for r in rows}) == 3
    assert cid in {r[0] for r in rows}
    # candidates and uncounted modalities are not merged
    left = con.execute(
        "SELECT count(*) FROM events WHERE canonical_id IS NOT NULL AND (counted = false "
        "OR modality IN ('negated', 'hypothetical'))"
    ).fetchone()
    con.close()
    assert left == (0,)
    # the run counts events, not reports: every canonical event of the three copies is told
    # by all three (an act split into one report per party, "the two sides agreed", gives two
    # reports an article)
    assert summary.events < summary.mentions
    con = duckdb.connect(str(db), read_only=True)
    per_event = con.execute("SELECT num_articles, num_mentions FROM canonical_events").fetchall()
    con.close()
    assert len(per_event) == summary.events
    assert all(arts == 3 and mentions % 3 == 0 for arts, mentions in per_event)
    assert summary.mentions == sum(m for _, m in per_event)


def test_a_later_report_joins_and_a_rerun_changes_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    first, second, third = _records()
    run([_write(tmp_path / "a.jsonl", [first, second])], db)
    (cid, mentions, articles, *_rest) = _summit(db)[0]
    assert (mentions, articles) == (2, 2)
    later = run([_write(tmp_path / "b.jsonl", [third])], db)
    assert later.new_events == 0  # every report of the third copy joined an existing event
    assert _summit(db)[0][:3] == (cid, 3, 3)
    before = _dump(db)
    again = run([tmp_path / "a.jsonl", tmp_path / "b.jsonl"], db)
    assert again.articles == 0 and again.duplicates == 3
    assert _dump(db) == before
    with Store(db) as store:  # merging again places nothing
        assert merge(store).placed == 0
    assert _dump(db) == before


def test_near_duplicate_found_across_runs(tmp_path):
    db = tmp_path / "n.duckdb"
    first, _, third = _records()  # the third copy repeats the first nearly word for word
    run([_write(tmp_path / "a.jsonl", [first])], db)
    later = run([_write(tmp_path / "b.jsonl", [third])], db)
    assert later.near_duplicates == 1
    con = duckdb.connect(str(db), read_only=True)
    pointers = dict(con.execute("SELECT source, near_duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT source, article_id FROM articles").fetchall())
    kept = con.execute("SELECT article_id, seq FROM article_minhash").fetchall()
    con.close()
    assert pointers["Coastline Press"] == ids["Harbour Wire"]
    assert pointers["Harbour Wire"] is None
    assert kept == [(ids["Harbour Wire"], 0)]  # a near copy is not indexed itself


def test_stored_index_holds_nothing_in_memory_and_finds_a_stored_original(tmp_path):
    """The index of a later run looks earlier articles up in the database by band: none is
    held in memory, and a near copy still finds its original there."""
    db = tmp_path / "i.duckdb"
    first, _, third = _records()
    run([_write(tmp_path / "a.jsonl", [first])], db)
    with Store(db) as store:
        (original,) = [
            r[0] for r in store.con.execute("SELECT article_id FROM article_minhash").fetchall()
        ]
        bands = store.con.execute("SELECT count(*) FROM article_minhash_band").fetchone()
        index = store.near_duplicate_index()
        assert index.held == 0 and len(index) == 1 and original in index
        assert bands is not None and bands[0] == 9  # 9 bands of 13 rows at threshold 0.8
        assert index.add(original, first["text"]) == original  # known: its own bands find it
        assert index.add("copy", third["text"]) == original
        assert index.held == 0  # a near copy is not indexed


def test_a_near_copy_finds_an_original_already_written_in_the_same_run(tmp_path):
    """One document per batch and per commit: the original is written, and dropped from the
    index's memory, before its copy is read; the copy is found in the database."""
    db = tmp_path / "s.duckdb"
    first, second, third = _records()
    summary = run(
        [_write(tmp_path / "a.jsonl", [first, second, third])], db, batch_size=1, commit_every=1
    )
    assert summary.near_duplicates == 1
    con = duckdb.connect(str(db), read_only=True)
    pointers = dict(con.execute("SELECT source, near_duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT source, article_id FROM articles").fetchall())
    con.close()
    assert pointers["Coastline Press"] == ids["Harbour Wire"]


def test_signatures_without_band_keys_get_them_when_the_file_is_opened(tmp_path):
    """A file written before the band keys (or by an older release) is indexed at the next
    run's start, and its articles are found."""
    db = tmp_path / "b.duckdb"
    first, _, third = _records()
    run([_write(tmp_path / "a.jsonl", [first])], db)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE article_minhash_band")
    con.close()
    later = run([_write(tmp_path / "b.jsonl", [third])], db)
    assert later.near_duplicates == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM article_minhash_band").fetchone() == (9,)
    con.close()


def test_version_1_file_opens_and_migrates(tmp_path):
    """A file written before canonical events (schema version 1) opens, is migrated, and its
    articles are indexed for near copies and merged by the next run."""
    db = tmp_path / "old.duckdb"
    first, _, third = _records()
    run([_write(tmp_path / "a.jsonl", [first])], db)
    con = duckdb.connect(str(db))  # take it back to version 1
    con.execute("DROP VIEW canonical_mentions")
    con.execute("DROP TABLE canonical_events")
    con.execute("DROP TABLE article_minhash")
    con.execute("ALTER TABLE events DROP COLUMN canonical_id")
    con.execute("ALTER TABLE runs DROP COLUMN mentions")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with Store(db, read_only=True) as store:
        assert store.version == 1
        with pytest.raises(Exception, match="eventwire merge"):
            store.require_current()
    with Store(db) as store:
        assert store.version == 2
        assert len(store.near_duplicate_index()) == 1
        assert merge(store).founded > 0
    later = run([_write(tmp_path / "b.jsonl", [third])], db)
    assert later.near_duplicates == 1
    assert _summit(db)[0][1:4] == (2, 2, 2)
    assert SCHEMA.exists()


def _report(**kw: object) -> Report:
    base: dict = dict(
        event_id="e",
        article_id="a",
        source="USA",
        target="CHN",
        cameo_code="040",
        cameo_root="04",
        plover_type="CONSULT",
        start=date(2023, 11, 15),
        end=date(2023, 11, 15),
        place_country="USA",
        place_admin1="California",
        place_name="Woodside",
    )
    base.update(kw)
    return Report(**base)


@pytest.mark.parametrize(
    ("change", "same"),
    [
        ({}, True),
        ({"source": "CHN", "target": "USA"}, True),  # CONSULT is symmetric
        ({"cameo_code": "042", "plover_type": "CONSULT"}, True),
        ({"start": date(2023, 11, 17), "end": date(2023, 11, 17)}, True),  # within 2 days
        ({"start": date(2023, 11, 18), "end": date(2023, 11, 18)}, False),
        ({"place_admin1": None, "place_name": "United States"}, True),  # country contains it
        ({"place_admin1": "Oregon", "place_name": "Portland"}, False),
        ({"place_country": "CHN", "place_admin1": None}, False),
        ({"cameo_code": "190", "cameo_root": "19", "plover_type": "ASSAULT"}, False),
    ],
)
def test_when_two_reports_are_one_event(change, same):
    assert _compatible(_report(event_id="r", **change), _report()) is same


def test_directed_types_keep_their_order():
    attack = {"cameo_code": "190", "cameo_root": "19", "plover_type": "ASSAULT"}
    assert _compatible(_report(**attack), _report(**attack))
    assert not _compatible(_report(source="CHN", target="USA", **attack), _report(**attack))


def test_cli_lists_canonical_events_by_default(tmp_path):
    db = tmp_path / "w.duckdb"
    cli = CliRunner()
    res = cli.invoke(app, ["run", str(WIRES), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "reports" in res.output
    # the meeting (the copies also report the two sides' agreement, another event)
    args = ["events", "--db", str(db), "--dyad", "USA:CHN", "--plover", "CONSULT"]
    args += ["--format", "jsonl"]
    rows = [json.loads(x) for x in cli.invoke(app, args).stdout.splitlines()]
    assert len(rows) == 1
    assert rows[0]["canonical"]["num_articles"] == 3
    reports = cli.invoke(app, [*args, "--mentions"]).stdout.splitlines()
    assert len(reports) == 3
    csv = cli.invoke(
        app,
        ["export", "--db", str(db), "--dyad", "USA:CHN", "--plover", "CONSULT", "--format", "csv"],
    )
    header, *lines = csv.stdout.splitlines()
    assert "num_articles" in header.split(",") and len(lines) == 1
    merged = cli.invoke(app, ["merge", "--db", str(db)])
    assert merged.exit_code == 0 and "reports placed: 0" in merged.output


def test_a_domestic_or_one_sided_dyad_needs_the_same_sectors():
    home = {"source": "USA", "target": "USA", "source_sector": "GOV", "target_sector": "LEG"}
    assert _compatible(_report(**home), _report(**home))
    assert not _compatible(_report(**{**home, "target_sector": "LAB"}), _report(**home))
    alone = {"target": "", "source_sector": "BUS", "target_sector": ""}
    assert _compatible(_report(**alone), _report(**alone))
    assert not _compatible(_report(**{**alone, "source_sector": "GOV"}), _report(**alone))
    # two different countries name the dyad whatever the sectors
    assert _compatible(_report(source_sector="GOV"), _report(source_sector="MIL"))
