"""How the API reads a DuckDB file that ``eventwire run`` may be writing.

DuckDB lets one process hold a file for writing and no other process open it meanwhile, not
even read-only. So the API never keeps the file open: each request opens a read-only
connection and closes it when done (milliseconds). When a writer holds the file, opening is
retried briefly; if it is still held, the request is answered from a *snapshot*: a copy of the
file the API made the last time it could open it and saw it had changed (the copy is taken
while the API's read-only connection is open, so no writer is mid-write). Answers from a
snapshot carry the header ``X-Eventwire-Snapshot`` with the copy's time. With no snapshot
yet, the request fails with 503 and the one JSON error shape, asking to retry.

Writes (``POST /v1/articles``) open the file for writing for one batch and close it; while
``eventwire run`` holds the file they get 503 too. Within the API process one lock serialises
file access, since DuckDB refuses a read-only and a read-write connection to the same file in
one process at once.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from eventwire.store.db import Store, StoreBusyError

#: Seconds a file found held by a writer is taken to stay held (each request still tries it
#: once, so a finished run's data is answered from the next request on).
BUSY_MEMORY = 5.0


@dataclass(slots=True)
class Opened:
    store: Store
    #: ISO time of the snapshot answered from, or None for the live file
    snapshot: str | None = None


class Database:
    """Per-request connections to one DuckDB file, with a snapshot fallback."""

    def __init__(
        self,
        path: Path,
        *,
        snapshot_dir: Path | None = None,
        lock_timeout: float = 0.25,
        snapshots: bool = True,
    ) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.snapshots = snapshots
        key = hashlib.sha1(str(self.path.resolve()).encode()).hexdigest()[:12]
        folder = snapshot_dir or Path(tempfile.gettempdir()) / "eventwire-snapshots"
        self.snapshot_path = folder / f"{self.path.stem}-{key}.duckdb"
        self._stamp: tuple[int, int] | None = None
        self._snapshot_time: str | None = None
        self._lock = threading.Lock()
        #: until when (monotonic) a writer is taken to hold the file: requests meanwhile try
        #: it once, without waiting, before the snapshot (a run holds it for minutes, and
        #: waiting ``lock_timeout`` on every request put 0.25 s on each answer)
        self._busy_until = 0.0

    def _file_stamp(self) -> tuple[int, int]:
        st = self.path.stat()
        return (st.st_mtime_ns, st.st_size)

    def _refresh_snapshot(self) -> None:
        """Copy the live file if it changed since the last copy (called with it open)."""
        if not self.snapshots:
            return
        try:
            stamp = self._file_stamp()
        except OSError:
            return
        if stamp == self._stamp:
            return
        self.snapshot_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.snapshot_path.with_suffix(".tmp")
        shutil.copyfile(self.path, tmp)
        wal = self.path.with_name(self.path.name + ".wal")
        snap_wal = self.snapshot_path.with_name(self.snapshot_path.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, snap_wal)
        else:
            snap_wal.unlink(missing_ok=True)
        tmp.replace(self.snapshot_path)
        self._stamp = stamp
        self._snapshot_time = datetime.now(UTC).isoformat(timespec="seconds")

    @contextmanager
    def read(self) -> Iterator[Opened]:
        """A read-only store: the live file, else the latest snapshot; StoreBusyError when
        the file is held by a writer and there is no snapshot."""
        with self._lock:
            busy = time.monotonic() < self._busy_until
            try:
                store = Store(
                    self.path, read_only=True, lock_timeout=0 if busy else self.lock_timeout
                )
                self._busy_until = 0.0
            except StoreBusyError:
                self._busy_until = time.monotonic() + BUSY_MEMORY
                if not self.snapshot_path.exists() or self._snapshot_time is None:
                    raise
                store = Store(self.snapshot_path, read_only=True, lock_timeout=self.lock_timeout)
                try:
                    yield Opened(store=store, snapshot=self._snapshot_time)
                finally:
                    store.close()
                return
            try:
                self._refresh_snapshot()
                yield Opened(store=store)
            finally:
                store.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A writable store for one batch (StoreBusyError while another process writes)."""
        with self._lock:
            store = Store(self.path, lock_timeout=max(self.lock_timeout, 2.0))
            try:
                yield store
            finally:
                store.close()


def wait_until_free(path: Path, seconds: float) -> bool:
    """True once no other process holds ``path`` (for tests and scripts)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            Store(path, read_only=True, lock_timeout=0).close()
            return True
        except StoreBusyError:
            time.sleep(0.05)
    return False
