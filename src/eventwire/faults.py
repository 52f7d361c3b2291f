"""A test hook: kill this process at a named point, to prove a killed run resumes cleanly.

``EVENTWIRE_FAULT=point:N`` makes the N-th call to ``fault("point")`` send SIGKILL to the
process itself (no clean-up, no ``finally``, no flush: what ``kill -9`` or a power cut does).
``point:N+SECONDS`` arms a timer there instead and goes on, so the kill lands inside what
follows the point (a COMMIT, DuckDB's checkpoint on close) at a moment no hook can name.
Unset, ``fault`` is one dictionary look-up. Only ``tests/reliability/test_faults.py`` sets it;
the points are listed in docs/reliability.md.
"""

from __future__ import annotations

import os
import signal
import threading

from eventwire.settings import from_environment

_SPEC: str = from_environment("fault") or ""
_POINT, _, _WHEN = _SPEC.partition(":")
_NTH, _, _DELAY = _WHEN.partition("+")
_seen: dict[str, int] = {}


def fault(point: str) -> None:
    """Die here on the N-th call if ``EVENTWIRE_FAULT`` is ``point:N`` (N defaults to 1), or
    ``SECONDS`` later if it is ``point:N+SECONDS``."""
    if point != _POINT:
        return
    _seen[point] = _seen.get(point, 0) + 1
    if _seen[point] != int(_NTH or 1):
        return
    if _DELAY:
        timer = threading.Timer(float(_DELAY), os.kill, (os.getpid(), signal.SIGKILL))
        timer.daemon = True
        timer.start()
    else:
        os.kill(os.getpid(), signal.SIGKILL)
