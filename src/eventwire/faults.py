"""A test hook: kill this process at a named point, to prove a killed run resumes cleanly.

``EVENTWIRE_FAULT=point:N`` makes the N-th call to ``fault("point")`` send SIGKILL to the
process itself (no clean-up, no ``finally``, no flush: what ``kill -9`` or a power cut does).
Unset, ``fault`` is one dictionary look-up. Only ``tests/reliability/test_faults.py`` sets it;
the points are listed in docs/reliability.md.
"""

from __future__ import annotations

import os
import signal

from eventwire.settings import from_environment

_SPEC: str = from_environment("fault") or ""
_POINT, _, _NTH = _SPEC.partition(":")
_seen: dict[str, int] = {}


def fault(point: str) -> None:
    """Die here on the N-th call if ``EVENTWIRE_FAULT`` is ``point:N`` (N defaults to 1)."""
    if point != _POINT:
        return
    _seen[point] = _seen.get(point, 0) + 1
    if _seen[point] == int(_NTH or 1):
        os.kill(os.getpid(), signal.SIGKILL)
