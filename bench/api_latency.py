"""Latency of the REST API on a database of many events, idle and while ``eventwire run`` writes
to the same file in another process: p50 and p99 per endpoint.

Builds a DuckDB file of ``--events`` events (default 100,000) made by hand as records
(:class:`~eventwire.records.DocumentResult`) and written through the real store
(``Store.write_batch``, the same mapping as a run), then merged into canonical events
(``store.canonical.merge``), as a run leaves them. No model: the store and the API are what is
measured. Then each endpoint is called ``--calls`` times through FastAPI's TestClient (in this
process, no network):

1. **idle**: nothing else holds the file;
2. **writing**: ``eventwire run`` over ``--writer-stories`` Reuters stories (``--field
   text=body``) writes to the same file in a child process. DuckDB lets one process hold a file
   for writing, so these answers come from the API's snapshot (docs/api.md); each call records
   whether the writer was running and whether the answer was a snapshot, and only calls made
   while it ran are counted. The writer is stopped when the calls are done.

Prints figures with the 1-minute load average; asserts nothing.
Usage: python bench/api_latency.py [--events 100000] [--calls 200] [--writer-stories 4000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from eventwire.bench import default_corpus, prepare
from eventwire.records import (
    Actor,
    Article,
    Cameo,
    DocumentResult,
    Event,
    Place,
    Plover,
    Sentence,
    Span,
    TimeSpan,
)
from eventwire.serve.app import create_app
from eventwire.store.canonical import merge
from eventwire.store.db import Store

#: Enough countries that a dyad holds a few hundred of the events (as in real data), not
#: thousands: the merge compares a report with the canonical events of its own dyad.
COUNTRIES = (
    "NER FRA RUS USA MLI BFA NGA DZA CHN UKR TCD SDN LBY EGY ISR IRN IRQ SYR TUR SAU "
    "DEU GBR ITA ESP POL IND PAK AFG JPN KOR PRK BRA ARG MEX VEN COL ZAF ETH KEN SOM"
).split()
TYPES = [("CONSULT", 1, "040"), ("AGREE", 1, "057"), ("AID", 2, "070"), ("DEMAND", 3, "100")]
TYPES += [("THREATEN", 3, "130"), ("ASSAULT", 4, "180"), ("COERCE", 4, "170")]


def build(path: Path, n: int, per_article: int = 5) -> None:
    """``n`` events, ``per_article`` to an article, written in batches of 500 articles."""
    rng = random.Random(7)
    with Store(path) as store:
        results: list[DocumentResult] = []
        for a in range(n // per_article):
            aid = f"a{a:07d}"
            day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            evs, sents, pos, parts = [], [], 0, []
            for k in range(per_article):
                s, t = rng.sample(COUNTRIES, 2)
                plover, quad, code = rng.choice(TYPES)
                text = f"{s} and {t}: {plover.lower()} number {k}."
                evs.append(
                    Event(
                        event_id=f"{aid}-{k}",
                        article_id=aid,
                        sentence=k,
                        evidence=text,
                        evidence_start=pos,
                        trigger=Span(text=plover.lower(), start=pos + 9, end=pos + 9 + len(plover)),
                        source=(Actor(text=s, start=pos, end=pos + 3, country=s, sector="GOV"),),
                        target=(
                            Actor(text=t, start=pos + 8, end=pos + 11, country=t, sector="MIL"),
                        ),
                        cameo=Cameo(
                            code=code, root=code[:2], quad_class=quad, goldstein=quad - 2.5
                        ),
                        plover=Plover(type=plover),
                        date=TimeSpan(text=day, start=day, end=day, precision="day", value=day),
                        place=Place(text=s, name=s, country=s, lat=13.5, lon=2.1),
                        probability=0.3 + 0.7 * rng.random(),
                        counted=rng.random() > 0.2,
                    )
                )
                sents.append(
                    Sentence(
                        article_id=aid,
                        index=k,
                        paragraph=0,
                        start=pos,
                        end=pos + len(text),
                        text=text,
                    )
                )
                parts.append(text)
                pos += len(text) + 1
            art = Article(
                article_id=aid,
                text=" ".join(parts),
                published=day,
                origin=f"{aid}.txt",
                title=f"Story {a}",
            )
            results.append(DocumentResult(article=art, sentences=tuple(sents), events=tuple(evs)))
            if len(results) == 500:
                store.write_batch(results)
                results = []
        store.write_batch(results)
        t0 = time.perf_counter()
        merged = merge(store)
        print(
            f"merged into canonical events: {merged.founded:,} founded "
            f"in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )


def _pct(times: list[float], q: float) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, int(len(times) * q))]


def measure(
    client: TestClient, url: str, params: dict[str, Any], calls: int, writer: Any
) -> dict[str, Any]:
    """Call ``url`` ``calls`` times; with a ``writer`` process, count only the calls made while
    it ran."""
    times, snapshots, skipped = [], 0, 0
    for _ in range(calls):
        alive = writer is not None and writer.poll() is None
        t0 = time.perf_counter()
        res = client.get(url, params=params)
        dt = (time.perf_counter() - t0) * 1000
        if res.status_code != 200:
            raise SystemExit(f"{url} {params}: {res.status_code} {res.text[:300]}")
        if writer is not None and not (alive and writer.poll() is None):
            skipped += 1
            continue
        times.append(dt)
        snapshots += "X-Eventwire-Snapshot" in res.headers
    if not times:
        return {"calls": 0, "skipped": skipped}
    return {
        "calls": len(times),
        "p50": statistics.median(times),
        "p99": _pct(times, 0.99),
        "snapshots": snapshots,
        "skipped": skipped,
    }


def cases(client: TestClient) -> list[tuple[str, str, dict[str, Any]]]:
    first = client.get("/v1/events", params={"limit": 100}).json()
    eid = first["data"][0]["event_id"]
    return [
        ("GET /v1/events?limit=100", "/v1/events", {"limit": 100}),
        (
            "GET /v1/events page 2 (cursor)",
            "/v1/events",
            {"limit": 100, "cursor": first["next_cursor"]},
        ),
        (
            "GET /v1/events?actor=Niger&quad_class=4",
            "/v1/events",
            {"actor": "Niger", "quad_class": 4, "limit": 100},
        ),
        (
            "GET /v1/events?dyad=NER:FRA&since=2023-07-26&min_probability=0.5",
            "/v1/events",
            {"dyad": "NER:FRA", "since": "2023-07-26", "min_probability": 0.5, "limit": 100},
        ),
        (
            "GET /v1/events?canonical=false (reports)",
            "/v1/events",
            {"limit": 100, "canonical": "false"},
        ),
        ("GET /v1/events/{id}", f"/v1/events/{eid}", {}),
        ("GET /v1/dyads/NER/RUS/timeline", "/v1/dyads/NER/RUS/timeline", {}),
        ("GET /v1/actors/NER/partners", "/v1/actors/NER/partners", {}),
        ("GET /v1/stats", "/v1/stats", {}),
    ]


def _writer(db: Path, stories: Path) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("eventwire")
    return subprocess.Popen(
        [str(exe), "run", str(stories), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--writer-stories", type=int, default=4000)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument(
        "--db", type=Path, default=None, help="a file built by an earlier call: copied, not built"
    )
    args = ap.parse_args()
    corpus = args.corpus or default_corpus()
    with tempfile.TemporaryDirectory(prefix="eventwire-api-") as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        if args.db is not None:
            shutil.copyfile(args.db, db)
        else:
            build(db, args.events)
        with Store(db, read_only=True) as store:
            stored = store.count("events")
        print(
            f"built {stored:,} events in {time.perf_counter() - t0:.1f} s "
            f"({db.stat().st_size / 1e6:.0f} MB)",
            flush=True,
        )
        stories = Path(tmp) / "stories.jsonl"
        if corpus is not None and corpus.exists():
            prepare(corpus, args.writer_stories, stories, {"text": "body"})
        with TestClient(create_app(db, snapshot_dir=Path(tmp) / "snap")) as client:
            todo = cases(client)
            print(f"{'endpoint':66} {'idle p50':>8} {'p99':>6} {'writing p50':>11} {'p99':>6}")
            idle = {name: measure(client, url, p, args.calls, None) for name, url, p in todo}
            print(f"idle measured, load {os.getloadavg()[0]:.2f}", flush=True)
            writing: dict[str, dict[str, Any]] = {}
            writer = None
            if stories.exists():
                writer = _writer(db, stories)
                # the writer holds the file once it has started: wait for the first snapshot
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline and writer.poll() is None:
                    res = client.get("/v1/stats")
                    if "X-Eventwire-Snapshot" in res.headers:
                        break
                    time.sleep(0.5)
                load0 = os.getloadavg()[0]
                try:
                    for name, url, p in todo:
                        writing[name] = measure(client, url, p, args.calls, writer)
                finally:
                    still = writer.poll() is None
                    if still:
                        writer.send_signal(signal.SIGTERM)
                    writer.wait()
                print(
                    f"writing measured, load {load0:.2f} -> {os.getloadavg()[0]:.2f}; writer "
                    f"{'still running at the end (stopped)' if still else 'finished first'}",
                    flush=True,
                )
            for name, _, _ in todo:
                i, w = idle[name], writing.get(name, {"calls": 0})
                ws = (
                    f"{w['p50']:11.0f} {w['p99']:6.0f}  ({w['calls']} calls, "
                    f"{w['snapshots']} from the snapshot)"
                    if w["calls"]
                    else f"{'-':>11} {'-':>6}"
                )
                print(f"{name:66} {i['p50']:8.0f} {i['p99']:6.0f} {ws}")


if __name__ == "__main__":
    main()
