"""Progress of a long run: a live bar on a terminal, periodic log lines anywhere else.

On a terminal the display shows documents done, the total (counted in a background thread, so a
large input starts at once and the total appears when known), the rate and the elapsed time.
Piped or under a scheduler it writes ``eventwire: 1200 documents, 35.2/s, 41 s`` to stderr every
``every_docs`` documents or ``every_s`` seconds, whichever comes first, and a last line at the
end.
"""

from __future__ import annotations

import gzip
import os
import sys
import threading
import time
import zlib
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text


def count_documents(paths: Iterable[str | Path], stop: threading.Event | None = None) -> int:
    """How many documents the inputs hold, roughly as ingest will see them: a file each, a line
    each for JSONL (``.jsonl.gz`` too). Hidden entries are skipped."""
    n = 0
    for raw in paths:
        path = Path(raw)
        for f in _files(path) if path.is_dir() else [path]:
            if stop is not None and stop.is_set():
                return n
            name = f.name.lower()
            if name.endswith((".jsonl", ".jsonl.gz")):
                n += _count_lines(f, stop)
            else:
                n += 1
    return n


def _count_lines(path: Path, stop: threading.Event | None) -> int:
    """Lines of a (gzipped) JSONL file, read in large blocks (blank lines count too: a total
    for a progress bar need not be exact, and this keeps the thread off the GIL)."""
    lines, last = 0, b"\n"
    try:
        opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            while block := fh.read(1 << 20):
                lines += block.count(b"\n")
                last = block[-1:]
                if stop is not None and stop.is_set():
                    break
    except (OSError, EOFError, zlib.error):
        return max(lines, 1)
    return lines + (last != b"\n")


def _files(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        yield from (Path(root) / f for f in names if not f.startswith("."))


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "-/s", style="progress.data.speed")


class RunProgress:
    """A context manager whose :meth:`advance` is the runner's ``on_progress`` callback."""

    def __init__(
        self,
        paths: Iterable[str | Path],
        console: Console,
        *,
        label: str = "coding",
        every_docs: int = 1000,
        every_s: float = 30.0,
        stream: TextIO | None = None,
    ) -> None:
        self.paths = [str(p) for p in paths]
        self.console = console
        self.label = label
        self.every_docs = every_docs
        self.every_s = every_s
        self.stream = stream or sys.stderr
        self.done = 0
        self.total: int | None = None
        self._t0 = time.monotonic()
        self._last_n = 0
        self._last_t = self._t0
        self._stop = threading.Event()
        self._bar: Progress | None = None
        self._task: TaskID | None = None
        self._counter: threading.Thread | None = None

    @property
    def live(self) -> bool:
        return self.console.is_terminal

    def __enter__(self) -> RunProgress:
        self._t0 = self._last_t = time.monotonic()
        if self.live:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn(f"[bold]{self.label}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("documents"),
                _RateColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self.label, total=None)
            self._counter = threading.Thread(target=self._count, daemon=True)
            self._counter.start()
        return self

    def _count(self) -> None:
        total = count_documents(self.paths, self._stop)
        if not self._stop.is_set() and self._bar is not None and self._task is not None:
            self.total = total
            self._bar.update(self._task, total=total)

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, n)
            return
        now = time.monotonic()
        if self.done - self._last_n >= self.every_docs or now - self._last_t >= self.every_s:
            self._log(now)

    def _log(self, now: float, final: bool = False) -> None:
        elapsed = max(now - self._t0, 1e-9)
        self.stream.write(
            f"eventwire: {self.label} {'done, ' if final else ''}{self.done} documents, "
            f"{self.done / elapsed:.1f}/s, {elapsed:.0f} s\n"
        )
        self.stream.flush()
        self._last_n, self._last_t = self.done, now

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
        elif exc_type is None and self.done:
            self._log(time.monotonic(), final=True)
