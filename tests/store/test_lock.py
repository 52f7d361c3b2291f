"""Another process holding the file: opening waits a little, then says what to do."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from eventwire.store.db import Store, StoreBusyError

HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def _hold(path, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_a_held_file_is_busy_after_the_timeout(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    proc = _hold(db, 30)
    try:
        t0 = time.monotonic()
        with pytest.raises(StoreBusyError, match="in use by another process"):
            Store(db, read_only=True, lock_timeout=0.3)
        assert time.monotonic() - t0 >= 0.3
    finally:
        proc.kill()
        proc.communicate()


def test_opening_waits_for_a_short_hold(tmp_path):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    proc = _hold(db, 0.5)
    try:
        with Store(db, lock_timeout=20) as store:  # a writer starting while a reader holds it
            assert store.count("events") == 0
    finally:
        proc.communicate()
