"""Time expressions in English news, resolved against the publication date.

``resolve_time`` reads one phrase ("late Thursday", "the first quarter of 2024"), ``find_times``
finds and reads every phrase in free text with our own regex grammar (compiled once, no model).
Both are deterministic: relative phrases are read against the anchor only, never the clock, and
without an anchor they come back flagged ``"unanchored"`` with no interval.

News conventions: a bare weekday or month is the most recent one up to and including the
publication day (the next one when ``future=True``); a day-and-month without a year is this
year's if it falls at most a week after the anchor, else last year's. The grammar lives in
``eventwire.resolve.timex``.
"""

from __future__ import annotations

from datetime import date, datetime

from eventwire.records import TimeSpan
from eventwire.resolve.timex.base import Ctx
from eventwire.resolve.timex.engine import as_day, resolve, scan
from eventwire.resolve.timex.model import PRECISIONS, Resolution

__all__ = ["PRECISIONS", "Resolution", "find_times", "resolve_time", "to_timespan"]


def resolve_time(
    text: str, anchor: date | datetime | None, *, future: bool = False
) -> Resolution | None:
    """Resolve one expression (e.g. 'late Thursday', 'Wednesday night', 'late March',
    'last year', '10 April 2024'); None if it is not a time expression we can read."""
    return resolve(text, anchor, future)


def find_times(text: str, anchor: date | datetime | None) -> list[tuple[int, int, Resolution]]:
    """Time expressions in free text as (start, end, resolution), by offset; the longest
    non-overlapping matches, with false positives ('may meet', 'a protest march', 'Sunday
    Times') turned down."""
    day = as_day(anchor)
    return scan(text, Ctx(day, day, strict=True))


def to_timespan(text: str, char_start: int, char_end: int, res: Resolution) -> TimeSpan:
    """The pipeline record for a resolved expression (dates as ISO strings, flags kept)."""
    return TimeSpan(
        text=text,
        start=res.start.isoformat() if res.start else None,
        end=res.end.isoformat() if res.end else None,
        precision=res.precision,
        value=res.value,
        char_start=char_start,
        char_end=char_end,
        flags=res.flags,
    )
