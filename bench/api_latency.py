"""Latency of the REST API on a database of many events: p50 and p99 per endpoint.

Builds a DuckDB file of ``--events`` events made by hand (no model: the store and the API are
what is measured), then calls each endpoint through FastAPI's TestClient (in-process, no
network) ``--calls`` times. Prints figures; asserts nothing.
Usage: python bench/api_latency.py [--events 20000] [--calls 200]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

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
from eventwire.store.db import Store

COUNTRIES = ["NER", "FRA", "RUS", "USA", "MLI", "BFA", "NGA", "DZA", "CHN", "UKR", "IGO"]


def build(path: Path, n: int) -> None:
    rng = random.Random(7)
    results = []
    per_article = 5
    for a in range(n // per_article):
        aid = f"a{a:06d}"
        day = f"20{rng.randint(22, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        evs = []
        for k in range(per_article):
            s, t = rng.sample(COUNTRIES, 2)
            text = f"{s} met {t}."
            q = rng.randint(1, 4)
            evs.append(
                Event(
                    event_id=f"{aid}-{k}",
                    article_id=aid,
                    sentence=k,
                    evidence=text,
                    evidence_start=0,
                    trigger=Span(text="met", start=4, end=7),
                    source=(Actor(text=s, start=0, end=3, country=s, sector="GOV"),),
                    target=(Actor(text=t, start=8, end=11, country=t, sector="MIL"),),
                    cameo=Cameo(code=f"0{q}0", root=f"0{q}", quad_class=q, goldstein=q - 2.5),
                    plover=Plover(type="CONSULT"),
                    date=TimeSpan(text=day, start=day, end=day, precision="day", value=day),
                    place=Place(text=s, name=s, country=s, lat=13.5, lon=2.1),
                    probability=rng.random(),
                    counted=rng.random() > 0.3,
                )
            )
        sents = tuple(
            Sentence(article_id=aid, index=k, paragraph=0, start=0, end=11, text=e.evidence)
            for k, e in enumerate(evs)
        )
        art = Article(article_id=aid, text=" ".join(e.evidence for e in evs), published=day)
        results.append(DocumentResult(article=art, sentences=sents, events=tuple(evs)))
    with Store(path) as store:
        for i in range(0, len(results), 500):
            store.write_batch(results[i : i + 500])


def measure(client: TestClient, url: str, calls: int, **params: object) -> tuple[float, float]:
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        res = client.get(url, params=params)
        times.append((time.perf_counter() - t0) * 1000)
        assert res.status_code == 200, res.text
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=20000)
    ap.add_argument("--calls", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        t0 = time.perf_counter()
        build(db, args.events)
        print(
            f"built {args.events} events in {time.perf_counter() - t0:.1f} s "
            f"({db.stat().st_size / 1e6:.1f} MB)"
        )
        with TestClient(create_app(db, snapshot_dir=Path(tmp) / "snap")) as client:
            first = client.get("/v1/events", params={"limit": 100}).json()
            cursor = first["next_cursor"]
            eid = first["data"][0]["event_id"]
            cases = [
                ("GET /v1/events limit=100", "/v1/events", {"limit": 100}),
                ("GET /v1/events page 2", "/v1/events", {"limit": 100, "cursor": cursor}),
                (
                    "GET /v1/events actor=Niger quad_class=4",
                    "/v1/events",
                    {"actor": "Niger", "quad_class": 4, "limit": 100},
                ),
                ("GET /v1/events/{id}", f"/v1/events/{eid}", {}),
                ("GET /v1/dyads/NER/RUS/timeline", "/v1/dyads/NER/RUS/timeline", {}),
                ("GET /v1/actors/NER/partners", "/v1/actors/NER/partners", {}),
                ("GET /v1/stats", "/v1/stats", {}),
            ]
            print(f"{'endpoint':45} {'p50 ms':>8} {'p99 ms':>8}")
            for name, url, params in cases:
                p50, p99 = measure(client, url, args.calls, **params)
                print(f"{name:45} {p50:8.1f} {p99:8.1f}")


if __name__ == "__main__":
    main()
