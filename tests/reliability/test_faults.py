"""Fault injection: `eventwire run` killed (SIGKILL) at many points, then run again, leaves
what one clean run leaves, table by table.

The kill comes from the process itself at a named point (``EVENTWIRE_FAULT=point:N``, see
``eventwire/faults.py``): inside schema creation and migration, between the INSERTs of one
transaction, just before and just after a COMMIT, before the run is recorded, before close.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from eventwire.runner import run
from eventwire.store.db import SCHEMA, _statements

COUNTRIES = ["Niger", "Mali", "Chad", "Sudan", "Kenya", "Ghana"]
ACTS = ["expelled the ambassador of", "signed a trade accord with", "closed its border with"]
TABLES = ("articles", "sentences", "events", "event_actors", "places", "quotes", "rejects", "meta")
COMMIT_EVERY = 2
N_SCHEMA = len(_statements(SCHEMA.read_text()))


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for k in range(5):
        a, b = COUNTRIES[k], COUNTRIES[(k + 2) % 6]
        (folder / f"{k:02d}.txt").write_text(
            f"{a} {ACTS[k % 3]} {b} on Monday in the capital, officials said on Tuesday. "
            f"The ministry said in a statement that talks would resume in March. Story {k}.\n",
            encoding="utf-8",
        )
    (folder / "05-copy.txt").write_text(  # a near copy of 00.txt
        f"{COUNTRIES[0]} {ACTS[0]} {COUNTRIES[2]} on Monday in the capital, officials said on "
        "Tuesday. The ministry said in a statement that talks would resume in March.\n",
        encoding="utf-8",
    )
    (folder / "06-empty.txt").write_bytes(b"")
    (folder / "07.jsonl").write_text(
        '{"text": "Kenya accused Ghana of spying, the foreign ministry in Nairobi said."}\n'
        "{not json\n",
        encoding="utf-8",
    )


#: (point, N): the N-th time the process reaches ``point``. Schema statements are numbered
#: from 1 (the first CREATE) to N_SCHEMA (the last); the ALTERs that migrate ``events`` are in
#: between. With 7 documents and a commit every 2 there are 4 data transactions.
POINTS = [
    ("schema", 1),
    ("schema", 3),
    ("schema", 6),  # after CREATE events, before its ALTERs
    ("schema", 8),  # between two ALTERs
    ("schema", N_SCHEMA),
    ("schema-commit", 1),
    ("insert", 3),  # mid-transaction: articles and sentences sent, events not
    ("commit", 1),  # every INSERT of the first batch sent, COMMIT not
    ("committed", 1),
    ("insert", 9),  # mid-way through a later transaction
    ("committed", 4),  # the last data transaction committed, the run not recorded
    ("record-run", 1),
    ("close", 1),  # everything written, the WAL not checkpointed
]


def _eventwire(folder: Path, db: Path, fault: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_FAULT"}
    if fault:
        env["EVENTWIRE_FAULT"] = fault
    cmd = [str(Path(sys.executable).with_name("eventwire")), "run", str(folder), "--db", str(db)]
    cmd += ["--commit-every", str(COMMIT_EVERY), "--batch-size", "2"]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)


def _tables(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        got = {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
        # a resumed run counts what the killed run stored as duplicates: what must match is
        # the run's id, inputs, options, coder and every document accounted for once
        got["runs"] = sorted(
            con.execute(
                "SELECT run_id, inputs, options, coder_version, articles + duplicates, rejects "
                "FROM runs"
            ).fetchall()
        )
        return got
    finally:
        con.close()


def _same(got: dict[str, list], want: dict[str, list]) -> None:
    for table in want:
        extra = [r for r in got[table] if r not in want[table]]
        lost = [r for r in want[table] if r not in got[table]]
        assert (table, extra, lost) == (table, [], [])


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_run_killed_at_any_point_and_run_again_equals_one_clean_run(tmp_path):
    folder = tmp_path / "in"
    _corpus(folder)
    clean = tmp_path / "clean.duckdb"
    summary = run([folder], clean, commit_every=COMMIT_EVERY, batch_size=2)
    assert (summary.articles, summary.near_duplicates, summary.rejects) == (7, 1, 2)
    want = _tables(clean)
    assert all(want[t] for t in TABLES if t != "quotes")  # every table has rows to lose

    def kill(spec: tuple[str, int]) -> subprocess.CompletedProcess[str]:
        point, nth = spec
        return _eventwire(folder, tmp_path / f"{point}-{nth}.duckdb", f"{point}:{nth}")

    with ThreadPoolExecutor(2) as pool:  # the subprocesses: a spaCy start-up each
        killed = list(pool.map(kill, POINTS))
    for (point, nth), proc in zip(POINTS, killed, strict=True):
        assert proc.returncode == -signal.SIGKILL, (point, nth, proc.returncode, proc.stderr)
        db = tmp_path / f"{point}-{nth}.duckdb"
        if point == "schema":  # nothing of the schema was committed
            assert not db.exists() or _table_names(db) == set(), (point, nth)
        run([folder], db, commit_every=COMMIT_EVERY, batch_size=2)  # again, to the end
        _same(_tables(db), want)


def _table_names(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    finally:
        con.close()


def test_a_kill_while_migrating_an_older_file_leaves_it_usable(tmp_path):
    """A file from before the ``counted`` and ``probability`` columns, killed while they are
    added, is migrated by the next run and ends with what a clean run stores."""
    folder = tmp_path / "in"
    _corpus(folder)
    clean, old = tmp_path / "clean.duckdb", tmp_path / "old.duckdb"
    run([folder], clean, commit_every=COMMIT_EVERY, batch_size=2)
    schema = _statements(SCHEMA.read_text())
    create_events = next(st for st in schema if "TABLE IF NOT EXISTS events" in st)
    first_release = re.sub(r",\s*acled_type VARCHAR, acled_subtype VARCHAR", "", create_events)
    assert first_release != create_events
    con = duckdb.connect(str(old))
    con.execute(first_release)
    con.close()
    first_alter = next(n for n, st in enumerate(schema, 1) if st.startswith("ALTER"))
    killed = _eventwire(folder, old, f"schema:{first_alter + 2}")
    assert killed.returncode == -signal.SIGKILL
    con = duckdb.connect(str(old), read_only=True)
    cols = [r[0] for r in con.execute("DESCRIBE events").fetchall()]
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    con.close()
    assert tables == {"events"} and "probability" not in cols  # all or nothing
    assert "acled_type" not in cols
    assert _eventwire(folder, old, None).returncode == 0
    _same(_tables(old), _tables(clean))


def _run_cli(
    folder: Path, db: Path, fault: str | None, *extra: str
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "EVENTWIRE_FAULT"}
    if fault:
        env["EVENTWIRE_FAULT"] = fault
    cmd = [str(Path(sys.executable).with_name("eventwire")), "run", str(folder), "--db", str(db)]
    cmd += ["--commit-every", str(COMMIT_EVERY), *extra]
    # the timeout only stops a hang (a dead worker's batch used to be awaited forever)
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_worker_killed_mid_run_fails_clearly_and_a_rerun_equals_a_clean_run(tmp_path):
    """``kill -9`` of one ``--workers 2`` process while it holds a batch (the ``work`` point,
    in the worker): the run stops with one line naming the worker and exit 1, instead of
    waiting for the lost batch forever; run again, the file equals one clean run's."""
    folder = tmp_path / "in"
    _corpus(folder)
    clean = tmp_path / "clean.duckdb"
    run([folder], clean, commit_every=COMMIT_EVERY, batch_size=2)
    db = tmp_path / "killed.duckdb"
    killed = _run_cli(folder, db, "work:2", "--workers", "2", "--batch-size", "1")
    assert killed.returncode == 1, (killed.returncode, killed.stdout, killed.stderr)
    said = " ".join((killed.stdout + killed.stderr).split())
    assert re.search(r"error: worker process \d+ died \(killed by SIGKILL\) while coding", said)
    assert "Traceback" not in killed.stderr
    again = _run_cli(folder, db, None, "--workers", "2", "--batch-size", "1")
    assert again.returncode == 0, again.stderr
    _same(_tables(db), _tables(clean))


#: Kills that land inside a COMMIT or inside DuckDB's checkpoint on close, a few ms after the
#: point (``point:N+SECONDS``): no hook can name a moment inside DuckDB's own work.
TIMED = [
    ("commit:1+0", "commit"),
    ("commit:2+0.001", "commit"),
    ("close:1+0", "close"),
    ("close:1+0.001", "close"),
    ("close:1+0.01", "close"),
]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_kill_inside_a_commit_or_the_checkpoint_and_run_again_equals_one_clean_run(tmp_path):
    folder = tmp_path / "in"
    _corpus(folder)
    clean = tmp_path / "clean.duckdb"
    run([folder], clean, commit_every=COMMIT_EVERY, batch_size=2)
    want = _tables(clean)

    def kill(spec: tuple[str, str]) -> subprocess.CompletedProcess[str]:
        name = spec[0].replace(":", "-").replace("+", "-")
        return _run_cli(folder, tmp_path / f"{name}.duckdb", spec[0], "--batch-size", "2")

    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(kill, TIMED))
    codes = []
    for (spec, _), proc in zip(TIMED, done, strict=True):
        # the timer may fire after the process finished its work: then it exits 0
        assert proc.returncode in (-signal.SIGKILL, 0), (spec, proc.returncode, proc.stderr)
        codes.append(proc.returncode)
        db = tmp_path / f"{spec.replace(':', '-').replace('+', '-')}.duckdb"
        run([folder], db, commit_every=COMMIT_EVERY, batch_size=2)
        _same(_tables(db), want)
    assert codes.count(-signal.SIGKILL) >= 3, codes  # most kills land
