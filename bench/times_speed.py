"""Speed of the time resolver: ``resolve_time`` on single phrases and ``find_times`` on news text.

Prints figures; asserts nothing. The phrases are the expressions ``find_times`` itself finds in the
first stories of the Reuters-21578 corpus (dated news of 1987), so both figures are measured on
real expressions rather than a hand-picked list.
Usage: python bench/times_speed.py [--stories 1000] [--rounds 3] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from datetime import date
from pathlib import Path

from eventwire.resolve.times import find_times, resolve_time

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"


def load(corpus: Path, stories: int) -> list[tuple[str, date | None]]:
    out: list[tuple[str, date | None]] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as src:
        for line in src:
            story = json.loads(line)
            body = (story.get("body") or "").strip()
            if not body:
                continue
            raw = story.get("date") or ""
            out.append((body, date.fromisoformat(raw[:10]) if raw else None))
            if len(out) >= stories:
                break
    return out


def best_of(rounds: int, work: object) -> float:
    """Fastest of ``rounds`` runs of ``work()`` in seconds (the least disturbed measurement)."""
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()

    docs = load(args.corpus, args.stories)
    chars = sum(len(t) for t, _ in docs)
    found = [(t[s:e], anchor) for t, anchor in docs for s, e, _ in find_times(t, anchor)]
    resolve_time("warm-up 3 May 2024", None)  # first call builds nothing lazily, but be fair

    scan = best_of(args.rounds, lambda: [find_times(t, a) for t, a in docs])
    one = best_of(args.rounds, lambda: [resolve_time(p, a) for p, a in found])

    print(f"corpus: {len(docs)} stories, {chars / 1e6:.2f} M chars, {len(found)} expressions")
    print(
        f"find_times:   {scan:.2f} s  {len(found) / scan:,.0f} expressions/s  "
        f"{len(docs) / scan:,.0f} stories/s  {chars / scan / 1e6:.2f} M chars/s"
    )
    print(f"resolve_time: {one:.2f} s  {len(found) / one:,.0f} expressions/s")


if __name__ == "__main__":
    main()
