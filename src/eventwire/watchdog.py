"""A time limit on the coding of one document, so that one pathological text cannot stall a run.

The coder's passes are plain Python over one document's sentences; a text that makes them slow
(thousands of coordinated names, a parse with pathological chains) should become a reject, not
hold a worker for minutes. ``time_limit`` arms an interval timer (``SIGALRM``) around the work
and turns its expiry into :class:`DocumentTimeout`. Signals reach only the main thread, so off
it (a web server's worker thread) the limit is not enforced and the work runs as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class DocumentTimeout(Exception):
    """The document took longer than the limit to code."""


@contextmanager
def time_limit(seconds: float | None, what: str = "document") -> Iterator[None]:
    """Raise DocumentTimeout in the block when it runs over ``seconds`` (None or <= 0: no
    limit; off the main thread: no limit)."""
    if not seconds or seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout(f"{what} took over {seconds:g} s to code")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
