"""The user cache: where compiled start-up data lives, and how it is read and written safely.

Files hold plain :mod:`marshal` data (tuples, dicts, strings, numbers: loading one cannot
execute code) and are named by a hash of everything that shapes them, so a change of data, code
or library version simply misses the old file and builds a new one.  Writes go to a temporary
file in the same folder and are renamed into place, so a concurrent reader (another worker
starting up) sees the old file, the new one or none, never half of one.  An unwritable or
unreadable cache is logged and costs a rebuild, never an error.

The folder is the ``cache_dir`` setting: ``$EVENTWIRE_CACHE_DIR``, else ``$EVENTWIRE_CACHE``
(older name), else ``$XDG_CACHE_HOME/eventwire``, else ``~/.cache/eventwire`` (see
:mod:`eventwire.settings`).
"""

from __future__ import annotations

import logging
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    """The folder for compiled caches: this process's ``cache_dir`` setting."""
    from eventwire.settings import current

    return current().cache_dir


def read_marshal(path: Path) -> Any | None:
    """The data in ``path``, or None when it is missing or unreadable (logged)."""
    try:
        return marshal.loads(path.read_bytes())  # marshal.load(file) is several times slower
    except FileNotFoundError:
        return None
    except (OSError, EOFError, ValueError, TypeError) as exc:
        log.warning("cache %s unreadable (%s); rebuilding", path, exc)
        return None


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename; False if we cannot."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
        tmp = None
        return True
    except OSError as exc:
        log.warning("cannot write cache %s: %s", path, exc)
        return False
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


def write_marshal(path: Path, data: Any) -> bool:
    """:func:`write_atomic` of ``marshal.dumps(data)``."""
    return write_atomic(path, marshal.dumps(data))


def prune(path: Path, keep: int = 3) -> None:
    """Drop all but the ``keep`` newest files named like ``path`` (same prefix before the last
    ``-``, same suffix) in its folder: old keys are never read again."""
    prefix = path.name.rsplit("-", 1)[0]
    try:
        olds = sorted(
            path.parent.glob(f"{prefix}-*{path.suffix}"),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        return
    for old in olds[keep:]:
        try:
            old.unlink()
        except OSError:
            pass
