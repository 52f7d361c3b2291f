"""Durability: a run killed mid-way, then run again, leaves what one clean run leaves."""

from __future__ import annotations

import signal
import subprocess
import sys

import duckdb

from eventwire.runner import run

COUNTRIES = ["Niger", "Mali", "Chad", "Sudan", "Kenya", "Ghana", "Peru", "Chile", "Nepal", "Laos"]
ACTS = [
    "expelled the ambassador of",
    "signed a trade accord with",
    "closed its border with",
    "threatened sanctions against",
]
COPY_OF_0 = (
    "Niger expelled the ambassador of Mali on Monday, officials said on Tuesday. The "
    "decision followed weeks of tension between the two governments over border security, "
    "the ministry said in a statement read on state television."
)
TABLES = ("articles", "sentences", "events", "event_actors", "places", "quotes", "rejects")


def _story(k: int) -> str:
    a, b = COUNTRIES[k % 10], COUNTRIES[(k // 10 + k + 1) % 10]
    return (
        f"{a} {ACTS[k % 4]} {b} on Monday, officials said on Tuesday. The decision followed "
        f"weeks of tension between the two governments over border security, the ministry "
        f"said in a statement read on state television. Story number {k}."
    )


def _corpus(folder) -> None:
    folder.mkdir()
    for k in range(36):
        (folder / f"{k:03d}.txt").write_text(_story(k) + "\n", encoding="utf-8")
    (folder / "900-copy.txt").write_text(COPY_OF_0 + "\n", encoding="utf-8")  # near 000.txt
    (folder / "901-empty.txt").write_bytes(b"")


def _tables(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def _same(got: dict[str, list], want: dict[str, list]) -> None:
    for table in TABLES:
        extra = [r for r in got[table] if r not in want[table]]
        lost = [r for r in want[table] if r not in got[table]]
        assert (table, extra, lost) == (table, [], [])


def test_a_run_killed_mid_way_and_run_again_equals_one_clean_run(tmp_path):
    folder = tmp_path / "in"
    _corpus(folder)
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    run([folder], clean, commit_every=4, batch_size=2)
    script = (
        "import sys\n"
        "from eventwire.runner import run\n"
        "run([sys.argv[1]], sys.argv[2], commit_every=4, batch_size=2,\n"
        "    on_progress=lambda n: print('done', flush=True))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, str(folder), str(resumed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert proc.stdout is not None
        for done, _ in enumerate(proc.stdout, 1):
            if done == 14:
                proc.send_signal(signal.SIGKILL)
                break
    finally:
        proc.kill()
        proc.wait(timeout=60)
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL  # killed, not finished
    partial = _tables(resumed)
    assert 0 < len(partial["articles"]) < len(_tables(clean)["articles"])
    again = run([folder], resumed, commit_every=4, batch_size=2)
    assert again.duplicates == len(partial["articles"])
    _same(_tables(resumed), _tables(clean))


def test_resuming_after_the_original_was_stored_still_marks_its_near_duplicate(tmp_path):
    folder = tmp_path / "in"
    _corpus(folder)
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    run([folder], clean)
    run([folder / "000.txt"], resumed)  # as if killed after the original's batch
    run([folder], resumed)
    _same(_tables(resumed), _tables(clean))
