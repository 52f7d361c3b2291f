"""Peak memory of ``eventwire run`` over 1k, 10k and 20k Reuters stories, and the scaling of
``--workers 2`` against spaCy alone in 2 processes.

Memory: the first N readable stories of the corpus (``--field text=body``) through ``eventwire
run --workers W`` in a child process, the resident sizes of its whole process tree summed and
sampled every 0.1 s (:func:`eventwire.bench.measure_run`; no spaCy baseline, which would double
the time of the long runs). Reuters-21578 has fewer than 20,000 stories with a body: the
largest size is then every story there is, and the table says how many.

Scaling: one ``eventwire bench --workers 2 --spacy-processes 2`` (our 2 workers and spaCy's 2
processes on the same texts in the same run, so the ratio holds when the shared machine's
speed drifts), and the same with 1 of each.

The machine is shared: each line carries the 1-minute load average before and after. Prints
figures, asserts nothing.
Usage: python bench/memory_scale.py [--sizes 1000,10000,20000] [--workers 2] [--scaling 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from eventwire.bench import bench, default_corpus, measure_run, prepare


def _load() -> float:
    return os.getloadavg()[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,20000")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--scaling", type=int, default=1000, help="stories for the scaling runs (0: skip)"
    )
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    corpus = args.corpus or default_corpus()
    if corpus is None or not corpus.exists():
        sys.exit(
            "corpus not found: pass --corpus (default ../shared/corpora/reuters21578.jsonl.gz)"
        )
    fields = {"text": "body"}
    if not args.skip_memory:
        print(f"memory: eventwire run --workers {args.workers}, {corpus.name}", flush=True)
        print("asked  stories  words      seconds  stories/s  peak RSS MB  load before/after")
        peaks = []
        for size in (int(s) for s in args.sizes.split(",")):
            with tempfile.TemporaryDirectory(prefix="eventwire-scale-") as tmp:
                data = Path(tmp) / "stories.jsonl"
                docs, words = prepare(corpus, size, data, fields)
                before = _load()
                got = measure_run(data, Path(tmp) / "s.duckdb", workers=args.workers)
                after = _load()
            peaks.append(got["peak_rss_mb"])
            print(
                f"{size:>5}  {docs:>7}  {words:>9,}  {got['seconds']:7.1f}  "
                f"{docs / got['seconds']:9.1f}  {got['peak_rss_mb']:11.0f}  "
                f"{before:.2f}/{after:.2f}"
                + ("  (every story with a body)" if docs < size else ""),
                flush=True,
            )
            print("  " + json.dumps({k: v for k, v in got.items() if k != "rss_mb"}), flush=True)
        spread = (max(peaks) - min(peaks)) / min(peaks)
        print(f"peak RSS spread (max - min) / min: {spread:.1%}", flush=True)
    if args.scaling:
        for n in (2, 1):
            before = _load()
            r = bench(corpus, articles=args.scaling, workers=n, fields=fields, spacy_processes=n)
            after = _load()
            print(
                f"scaling: --workers {n} vs spaCy in {n} process(es), "
                f"load {before:.2f}/{after:.2f}: " + json.dumps(r.as_json()),
                flush=True,
            )


if __name__ == "__main__":
    main()
