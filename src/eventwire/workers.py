"""Worker processes for coding: a pool started once, batches in input order, bounded memory.

This module imports no NLP: the main process of a multi-worker run reads, deduplicates and
stores, and needs neither spaCy nor the knowledge base; each worker builds its own
:class:`~eventwire.pipeline.Processor` (from the start-up cache) when it starts.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from eventwire.errors import WorkerError
from eventwire.faults import fault
from eventwire.heap import freeze_built
from eventwire.records import Article, DocumentResult, Reject
from eventwire.settings import Settings, current, single_threaded_children

if TYPE_CHECKING:
    from eventwire.pipeline import Processor

_worker: Processor | None = None
#: Why this worker could not build its processor (a bad KB file, a missing model...).
_init_error: BaseException | None = None


def _init_worker(ready: Any = None, batch_size: int = 16, settings: Settings | None = None) -> None:
    """Build this worker's processor. A failure is kept and raised by every task, so the caller
    sees the error: an initializer that raised would be restarted by the pool, forever."""
    global _worker, _init_error
    try:
        from eventwire.pipeline import Processor

        _worker = Processor(batch_size=batch_size, settings=settings)
        freeze_built()  # this process codes and nothing else: its processor lives as long
    except Exception as exc:  # re-raised in the caller by _work
        _init_error = exc
    finally:
        if ready is not None:
            with ready.get_lock():
                ready.value += 1


def _work(batch: list[Article]) -> list[DocumentResult | Reject]:
    fault("work")  # a test hook: a worker killed while it holds a batch
    if _init_error is not None:
        raise _init_error
    assert _worker is not None
    return list(_worker.process_articles(batch))


class WorkerPool:
    """``workers`` spawned processes, each building its own :class:`Processor` once (from the
    start-up cache, so in about the time of one ``eventwire code``). A context manager.

    Batches are dispatched in input order with at most ``workers * in_flight`` pending, so
    memory stays bounded; results come back in input order. ``in_flight`` is a few batches per
    worker so a worker finishing early finds the next batch queued while the caller waits on a
    slower one.

    A worker exits after coding about ``recycle_after`` documents (whole batches; default: the
    ``worker_documents`` setting) and the pool starts a fresh one in its place: spaCy's
    vocabulary keeps every new word it meets, and a long run's worker grew by 55-85 MB.
    Results do not depend on which process coded a document.
    """

    def __init__(
        self,
        workers: int,
        *,
        batch_size: int = 16,
        in_flight: int = 4,
        settings: Settings | None = None,
        recycle_after: int | None = None,
    ) -> None:
        """``settings`` go to every worker (default: each worker's environment's);
        ``recycle_after``: documents per worker process (0: no limit)."""
        self.workers = workers
        self.settings = settings
        self.batch_size = batch_size
        self.in_flight = in_flight
        if recycle_after is None:
            recycle_after = (settings or current()).worker_documents
        #: batches a worker process takes before it is replaced (None: never)
        self.tasks_per_worker = -(-recycle_after // batch_size) if recycle_after else None
        self._ctx = mp.get_context("spawn")
        self._ready = self._ctx.Value("i", 0)
        self._pool: Any = None
        #: every worker process seen, by pid (a dead one leaves the pool's own list)
        self._known: dict[int, Any] = {}

    def __enter__(self) -> WorkerPool:
        # Spawned workers start clean and read the environment at import: one BLAS thread
        # each, so N workers use N cores instead of fighting over them.
        with single_threaded_children():
            self._pool = self._ctx.Pool(
                self.workers,
                initializer=_init_worker,
                initargs=(self._ready, self.batch_size, self.settings),
                maxtasksperchild=self.tasks_per_worker,
            )
        self._note_workers()
        return self

    def _note_workers(self) -> None:
        # multiprocessing.Pool keeps its processes in ``_pool``; no public API lists them
        for proc in getattr(self._pool, "_pool", ()):
            self._known.setdefault(proc.pid, proc)

    def _check_workers(self) -> None:
        """Raise WorkerError when a worker died. ``multiprocessing.Pool`` replaces a dead
        worker but never answers the batch it held: without this check the run waited
        forever (a ``kill -9`` of a worker, or the kernel's out-of-memory killer)."""
        self._note_workers()
        for pid, proc in self._known.items():
            code = proc.exitcode
            if code is not None and code != 0:
                how = f"exit {code}"
                if code < 0:
                    try:
                        how = f"killed by {signal.Signals(-code).name}"
                    except ValueError:
                        how = f"killed by signal {-code}"
                raise WorkerError(
                    f"worker process {pid} died ({how}) while coding; what was stored is kept: "
                    "run the same command again to go on from there"
                )

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    @property
    def processors_built(self) -> int:
        """Processors the pool's worker processes have built so far: ``workers`` at start, one
        more for each worker that replaced a recycled one."""
        return int(self._ready.value)

    def wait_ready(self, timeout: float | None = None, poll: float = 0.05) -> bool:
        """Block until every worker has started (True), or ``timeout`` passed (False). A worker
        that failed to build its processor counts as started; its error is raised by the first
        batch it takes."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self._ready.value < self.workers:
            if deadline is not None and time.monotonic() > deadline:
                return False
            time.sleep(poll)
        return True

    def process(self, articles: Iterable[Article]) -> Iterator[DocumentResult | Reject]:
        assert self._pool is not None, "use WorkerPool as a context manager"
        it = iter(articles)
        pending: deque[Any] = deque()
        while True:
            while len(pending) < self.workers * self.in_flight:
                batch = list(islice(it, self.batch_size))
                if not batch:
                    break
                pending.append(self._pool.apply_async(_work, (batch,)))
            if not pending:
                break
            head = pending.popleft()
            while True:
                try:
                    results = head.get(timeout=0.5)
                    break
                except mp.TimeoutError:
                    self._check_workers()
            yield from results


def process_parallel(
    articles: Iterable[Article],
    workers: int,
    batch_size: int = 16,
    in_flight: int = 4,
    pool: WorkerPool | None = None,
    settings: Settings | None = None,
) -> Iterator[DocumentResult | Reject]:
    """Process across ``workers`` processes (in this one when 1), results in input order;
    ``pool``: an already started :class:`WorkerPool` to use instead of a new one; ``settings``
    go to the processor(s)."""
    if pool is not None:
        yield from pool.process(articles)
        return
    if workers <= 1:
        from eventwire.pipeline import Processor

        yield from Processor(batch_size=batch_size, settings=settings).process_articles(articles)
        return
    with WorkerPool(workers, batch_size=batch_size, in_flight=in_flight, settings=settings) as new:
        yield from new.process(articles)
