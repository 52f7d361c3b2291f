"""The cyclic garbage collector around a processor's build and a worker's life.

Building a processor makes millions of small long-lived objects (gazetteer entries, KB records,
ruler patterns) and no garbage cycles worth collecting: collections during the build only
traverse them again and again. A worker process then codes for its whole life with those
objects alive, and every full collection walked them all (about 2 % of a worker's CPU);
frozen, collections look at the objects of the documents being coded only.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic collector for a build (reference counting still frees memory)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_built() -> None:
    """Collect once, then exclude every object alive now from later collections. For a
    process that has built what it keeps for life (a worker), never for a library caller."""
    gc.collect()
    gc.freeze()
