"""The local engine: one process, or a pool of worker processes, writing DuckDB directly.

It lives in :mod:`eventwire.runner` (and :mod:`eventwire.workers`); this module names it next
to the Spark engine so both are found under ``engines/``.
"""

from eventwire.runner import RunSummary, run
from eventwire.workers import WorkerPool, process_parallel

__all__ = ["RunSummary", "WorkerPool", "process_parallel", "run"]
