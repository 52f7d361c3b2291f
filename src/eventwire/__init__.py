"""eventwire: political event data from news text.

Public API: :func:`process` codes one text, :func:`run` ingests, codes and stores many inputs.
"""

from __future__ import annotations

import logging

from eventwire.records import (
    Actor,
    Article,
    Cameo,
    DocumentResult,
    Event,
    Mention,
    Place,
    Plover,
    Quote,
    Reject,
    Sentence,
    Span,
    TimeSpan,
)

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "Article",
    "Cameo",
    "DocumentResult",
    "Event",
    "Mention",
    "Place",
    "Plover",
    "Quote",
    "Reject",
    "Sentence",
    "Span",
    "TimeSpan",
    "__version__",
]
