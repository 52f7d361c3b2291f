"""Throughput and memory of `eventwire run` next to spaCy alone, on the same texts, same run.

Prints figures; asserts nothing. Each side runs in its own process so peak memory is its own.
Usage: python bench/throughput.py [--stories 2000] [--workers 1] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpora" / "reuters21578.jsonl.gz"

SPACY_ONLY = """
import json, sys, time, resource
from eventwire.nlp.model import get_nlp
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = get_nlp()
t0 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16):
    pass
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": dt, "rss_mb": rss}))
"""

EVENTWIRE = """
import json, sys, time, resource
from eventwire.runner import run
from eventwire.nlp.model import get_nlp
from eventwire.pipeline import Processor
Processor()  # load model, KB, gazetteer before timing, as spaCy-only does
t0 = time.perf_counter()
s = run([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]))
dt = time.perf_counter() - t0
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
          resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
print(json.dumps({"seconds": dt, "rss_mb": rss, "articles": s.articles, "events": s.events,
                  "rejects": s.rejects, "duplicates": s.duplicates}))
"""


def prepare(corpus: Path, stories: int, out: Path) -> tuple[int, int]:
    """Write the first ``stories`` stories with a body as eventwire JSONL; return (docs, words)."""
    n = words = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            story = json.loads(line)
            body = (story.get("body") or "").strip()
            if not body:
                continue
            dst.write(
                json.dumps(
                    {
                        "text": body,
                        "title": story.get("title"),
                        "published": story.get("date"),
                        "source": "Reuters",
                        "url": f"reuters21578:{story.get('newid')}",
                    }
                )
                + "\n"
            )
            n += 1
            words += len(body.split())
            if n >= stories:
                break
    return n, words


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stories", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "stories.jsonl"
        docs, words = prepare(args.corpus, args.stories, data)
        spacy_res = json.loads(
            subprocess.run(
                [sys.executable, "-c", SPACY_ONLY, str(data)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
        ew_res = json.loads(
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    EVENTWIRE,
                    str(data),
                    str(Path(tmp) / "b.duckdb"),
                    str(args.workers),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
    print(f"corpus: {docs} stories, {words} words ({args.corpus.name})")
    for name, r in (
        ("spaCy alone (nlp.pipe)", spacy_res),
        (f"eventwire run, workers={args.workers}", ew_res),
    ):
        print(
            f"{name:32s} {r['seconds']:8.1f} s  {docs / r['seconds']:7.1f} articles/s  "
            f"{words / r['seconds']:8.0f} words/s  peak RSS {r['rss_mb']:.0f} MB"
        )
    print(f"eventwire / spaCy time ratio: {ew_res['seconds'] / spacy_res['seconds']:.2f}")
    print(
        f"events: {ew_res['events']}  rejects: {ew_res['rejects']}  "
        f"duplicates: {ew_res['duplicates']}"
    )


if __name__ == "__main__":
    main()
