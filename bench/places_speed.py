"""Gazetteer speed: load time (cold build, warm cache), memory, lookups per second.

Prints numbers, asserts nothing. ``python bench/places_speed.py`` (PYTHONPATH=src).
The cold build writes to a temporary cache folder, so the user's cache is left alone.
"""

from __future__ import annotations

import random
import resource
import tempfile
import time
import tracemalloc

from eventwire.resolve.gazetteer import Gazetteer
from eventwire.resolve.places import PlaceResolver


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        Gazetteer.load(cache=tmp)
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        gaz = Gazetteer.load(cache=tmp)
        warm = time.perf_counter() - t0
        tracemalloc.start()  # a second load, traced (tracing slows it down)
        traced = Gazetteer.load(cache=tmp)
        held, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del traced
    print(f"entries            {len(gaz):,}")
    print(f"load cold (build)  {cold:.2f} s")
    print(f"load warm (cache)  {warm:.2f} s")
    print(f"memory held        {held / 2**20:.0f} MiB (Python objects after a load)")
    print(f"max RSS            {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")

    rng = random.Random(7)
    names = [e.name for e in rng.sample(gaz.entries, 20_000)]
    names += ["Niger", "Tripoli", "Washington", "Georgia", "Congo", "Birmingham"] * 2_000
    rng.shuffle(names)
    contexts = [(), ("USA",), ("NGA", "NER"), ("LBN",)]
    t0 = time.perf_counter()
    for n, name in enumerate(names):
        gaz.lookup(name, countries=contexts[n & 3])
    dt = time.perf_counter() - t0
    print(f"lookups            {len(names) / dt:,.0f} /s ({len(names):,} names, with context)")
    resolver = PlaceResolver(gaz)
    t0 = time.perf_counter()
    for n, name in enumerate(names):
        resolver.resolve(name, countries=contexts[n & 3])
    dt = time.perf_counter() - t0
    print(f"PlaceResolver      {len(names) / dt:,.0f} /s (cleaning, designators, Place records)")


if __name__ == "__main__":
    main()
