"""One exception tree. Every message says what went wrong and, where it can, what to do."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """A setting, flag or option is invalid."""


class IngestError(EventwireError):
    """An input document cannot be read or has no usable text."""


class KBError(EventwireError):
    """A knowledge-base data file is malformed; the message is ``file:line: reason``."""


class ModelError(EventwireError):
    """The pinned spaCy model is missing or cannot be loaded."""


class StoreError(EventwireError):
    """The DuckDB store cannot be opened, written or queried."""


class EvalError(EventwireError):
    """A gold set is missing or malformed."""


class WorkerError(EventwireError):
    """A worker process of ``--workers N`` died (killed, out of memory) while coding."""
