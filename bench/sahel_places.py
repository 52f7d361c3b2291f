"""Event places on our Sahel notes (tests/data/sahel_notes.jsonl): within 25 km and right
country, for the pipeline and the focus-country baseline; prints figures, asserts nothing.

    python bench/sahel_places.py [sahel_notes_heldout.jsonl] [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.eval.place_notes import read_notes, run_notes, score
from eventwire.pipeline import Processor
from eventwire.resolve.localities import km

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    results = run_notes(Processor(), read_notes(DATA / (args[0] if args else "sahel_notes.jsonl")))
    for side, m in score(results).items():
        print(
            f"{side:9} within 25 km {m['within_25km']:.3f}  right country {m['right_country']:.3f}"
            f"  inferred {m['inferred']:.3f}  no place {m['no_place']:.3f}  (n={m['notes']:.0f})"
        )
    if "--misses" in sys.argv:
        for r in results:
            p, n = r.system, r.note
            d = km(p.lat, p.lon, n.lat, n.lon) if p and p.lat is not None and p.lon else None
            if d is None or d > 25:
                where = f"{p.name} {p.country} {p.precision}" if p else "-"
                print(f"  {n.id} {n.place!r}: {where} {d if d is None else round(d)} km")


if __name__ == "__main__":
    main()
