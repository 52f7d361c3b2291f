"""Issue 17's mixed run in the suite: every hostile input of ``bench/hostile_mix.py`` with good
stories of our own, through a real ``eventwire run`` in a child process; every input must
have its promised outcome and reason, every good story must be stored, and nothing may be
fetched. (The bench runs the same folder with 600 Reuters stories and prints memory and time;
figures are not checked here.)"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import duckdb

BENCH = Path(__file__).resolve().parents[2] / "bench" / "hostile_mix.py"
COUNTRIES = ["Niger", "Mali", "Chad", "Sudan", "Kenya", "Ghana", "Peru", "Chile"]
ACTS = ["expelled the ambassador of", "signed a trade accord with", "closed its border with"]


def _bench():
    spec = importlib.util.spec_from_file_location("hostile_mix", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["hostile_mix"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _stories(n: int) -> list[dict[str, str]]:
    out = []
    for k in range(n):
        a, b = COUNTRIES[k % 8], COUNTRIES[(k + 3) % 8]
        out.append(
            {
                "body": f"{a} {ACTS[k % 3]} {b} on Monday, officials said on Tuesday. The "
                f"ministry said in a statement that talks would resume in March. Story {k}.",
                "date": "2024-03-12",
            }
        )
    return out


def test_every_hostile_input_is_handled_as_promised_and_every_story_stored(tmp_path):
    hm = _bench()
    assert len(hm.KINDS) >= 31
    with hm.recorder() as (url, hits):
        mix = hm.build(tmp_path / "mix", _stories(9), url)
        out = hm.run_eventwire(mix.folder, tmp_path / "mix.duckdb")
        good = hm.check(mix, tmp_path / "mix.duckdb")
    assert out.returncode == 0, out.stderr[-2000:]
    wrong = [(e.kind, e.origin, e.want, e.reason, e.got) for e in mix.expects if not e.ok]
    assert wrong == []
    assert [(g.origin, g.got) for g in good if g.got != "stored"] == []
    assert hits == []  # the URL-looking page was never fetched
    # and a second run over the same folder changes nothing
    before = _tables(tmp_path / "mix.duckdb")
    again = hm.run_eventwire(mix.folder, tmp_path / "mix.duckdb")
    assert again.returncode == 0
    assert _tables(tmp_path / "mix.duckdb") == before


def _tables(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in ("articles", "sentences", "events", "rejects")
        }
    finally:
        con.close()
