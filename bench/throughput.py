"""Throughput and memory of `eventwire run` next to spaCy alone, on the same texts, same run.

A thin wrapper over :mod:`eventwire.bench` (also ``eventwire bench``). Prints figures; asserts
nothing. Each side runs in its own process so peak memory is its own.
Usage: python bench/throughput.py [--stories 2000] [--workers 1] [--corpus PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from eventwire.bench import bench, default_corpus, report


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = args.corpus or default_corpus()
    if corpus is None or not corpus.exists():
        sys.exit(f"corpus not found: {corpus or 'reuters21578.jsonl.gz in ../shared/corpora'}")
    result = bench(corpus, articles=args.stories, workers=args.workers)
    print(json.dumps(result.as_json()) if args.json else report(result))


if __name__ == "__main__":
    main()
