"""Time expressions in English news, resolved against the publication date.

``resolve_time`` reads one phrase ("late Thursday", "the first quarter of 2024"), ``find_times``
finds and reads every phrase in free text with our own regex grammar (compiled once, no model).
Both are deterministic: relative phrases are read against the anchor only, never the clock, and
without an anchor they come back flagged ``"unanchored"`` with no interval.

News conventions (docs/time.md has them all): a bare weekday or month is the most recent one up
to and including the publication day, unless the verb of its clause looks ahead ("talks resume
Monday", "payable Jan. 2") or the caller says ``future=True``; a day-and-month without a year is
this year's if it falls at most a week after the anchor or later in the anchor's month, else last
year's; in running text with no tense cue a name may look up to two months ahead, and with a
future one it may have ended up to a month before. ``find_timexes`` gives the same findings
with TimeML extents (each end of a range separately), for scoring against TIMEX3 gold. The
grammar lives in ``eventwire.resolve.timex``.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from eventwire.records import TimeSpan
from eventwire.resolve.timex.base import Ctx
from eventwire.resolve.timex.engine import as_day, resolve, scan
from eventwire.resolve.timex.model import PRECISIONS, Resolution

__all__ = [
    "PRECISIONS",
    "Resolution",
    "find_times",
    "find_timexes",
    "resolve_time",
    "to_timespan",
]


def resolve_time(
    text: str, anchor: date | datetime | None, *, future: bool = False
) -> Resolution | None:
    """Resolve one expression (e.g. 'late Thursday', 'Wednesday night', 'late March',
    'last year', '10 April 2024'); None if it is not a time expression we can read."""
    return resolve(text, anchor, future)


#: "NAIROBI, March 12 (Xinhua) --": a place in capitals, a comma, the date, then the agency or
#: a dash. The date says when the story was filed, not when anything in it happened.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?,\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:--|\u2014|\u2013|-|:)")


def find_times(text: str, anchor: date | datetime | None) -> list[tuple[int, int, Resolution]]:
    """Time expressions in free text as (start, end, resolution), by offset; the longest
    non-overlapping matches, with false positives ('may meet', 'a protest march', 'Sunday
    Times') turned down. A news dateline's date is kept but flagged ``"dateline"``.

    Names without a year ("Monday", "Dec. 15") are read with the tense of their clause ("the
    licences expire Dec. 15" looks ahead); expressions that point back ("that year", "a year
    earlier", "the latest quarter") are read against the date named before them in ``text``,
    so one call over a whole article reads them better than one call per sentence.
    """
    day = as_day(anchor)
    found = scan(text, Ctx(day, day, strict=True))
    return [
        (s, e, res.flagged("dateline") if _is_dateline(text, s, e) else res) for s, e, res in found
    ]


def _is_dateline(text: str, start: int, end: int) -> bool:
    return bool(
        _DATELINE_BEFORE.search(text, max(0, start - 60), start)
        and _DATELINE_AFTER.match(text, end)
    )


def find_timexes(text: str, anchor: date | datetime | None) -> list[tuple[int, int, Resolution]]:
    """``find_times`` with TimeML extents, as TIMEX3 annotation marks them: a range ("from May
    to July", "between 1978 and 1981", "since 2021") gives each expression inside it rather
    than one span."""
    out: list[tuple[int, int, Resolution]] = []
    for start, end, res in find_times(text, anchor):
        if res.parts:
            out.extend((start + s, start + e, part) for s, e, part in res.parts)
        else:
            out.append((start, end, res))
    return out


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
