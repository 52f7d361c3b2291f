"""Calendar arithmetic for the time resolver: period bounds and which occurrence is meant.

Pure functions over ``datetime.date``; no parsing here, so the news conventions (which March,
which Thursday) are stated once and tested directly.
"""

from __future__ import annotations

import calendar as _stdcal
from collections.abc import Callable
from datetime import date, timedelta

Bounds = tuple[date, date]

#: First month of each TIMEX3 season (meteorological, northern hemisphere); a season lasts three
#: months, so winter YYYY runs from December YYYY to February YYYY+1.
SEASON_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: A day-and-month without a year ("26 July") up to this many days after the anchor is taken as
#: this year's (news announces near events); further ahead it is last year's.
FUTURE_GRACE_DAYS = 7
#: In running text whose clause looks ahead, a name that ended up to this many days before the
#: anchor is still the one meant ("said it would pay in February", read in early March): a
#: misread tense or a plan reported after the fact, not a date eleven months away.
TENSED_FUTURE_GRACE_DAYS = 31
#: In running text with no tense cue around a name without a year ("in January", "Dec. 15"), an
#: occurrence up to this many days after the anchor still counts: news reports the recent past
#: and announces the near future.
UNCUED_GRACE_DAYS = 61
ONE_DAY = timedelta(days=1)


def month_end(year: int, month: int) -> date:
    return date(year, month, _stdcal.monthrange(year, month)[1])


def month_bounds(year: int, month: int) -> Bounds:
    return date(year, month, 1), month_end(year, month)


def add_months(day: date, months: int) -> date:
    """Same day-of-month ``months`` later, clamped to the month's end (31 Jan + 1 -> 29 Feb)."""
    year, index = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, index + 1, min(day.day, _stdcal.monthrange(year, index + 1)[1]))


def week_bounds(day: date) -> Bounds:
    """The ISO week (Monday to Sunday) containing ``day``."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def iso_week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_bounds(year: int, quarter: int) -> Bounds:
    return date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter)


def half_bounds(year: int, half: int) -> Bounds:
    return date(year, 6 * half - 5, 1), month_end(year, 6 * half)


def season_bounds(year: int, code: str) -> Bounds:
    start = date(year, SEASON_MONTH[code], 1)
    last = add_months(start, 2)
    return start, month_end(last.year, last.month)


def year_bounds(year: int) -> Bounds:
    return date(year, 1, 1), date(year, 12, 31)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def pick_year(
    bounds: Callable[[int], Bounds | None], ref: date, mode: str, grace: int = 0
) -> int | None:
    """Year of the meant occurrence of a yearly period (a month, a season, 26 July).

    ``recent``: the latest that has begun by ``ref`` (+ ``grace`` days, and always up to the end
    of ``ref``'s month); ``future``: the first not yet over (or over for at most ``grace`` days);
    ``last``: the latest already over; ``next``: the first not yet begun; ``this``:
    the one containing ``ref``, else the one of ``ref``'s year ("this summer" in January is the
    coming one), else the nearest; ``nearest``: the one containing or closest to ``ref`` (the
    earlier on a tie).
    """
    found = [(y, b) for y in range(ref.year - 4, ref.year + 5) if (b := bounds(y)) is not None]
    if mode == "recent":  # a date later in the month of ``ref`` is still this month's
        limit = max(ref + timedelta(days=grace), month_end(ref.year, ref.month))
        return max((y for y, (s, _) in found if s <= limit), default=None)
    if mode == "future":  # with ``grace``, one that ended that many days ago still counts
        since = ref - timedelta(days=grace)
        return min((y for y, (_, e) in found if e >= since), default=None)
    if mode == "last":
        return max((y for y, (_, e) in found if e < ref), default=None)
    if mode == "next":
        return min((y for y, (s, _) in found if s > ref), default=None)
    if mode == "nearest":
        return min(found, key=lambda yb: (_distance(yb[1], ref), yb[0]))[0] if found else None
    if mode == "this":
        return (
            min(
                found,
                key=lambda yb: (
                    _distance(yb[1], ref) > 0,
                    yb[0] != ref.year,
                    _distance(yb[1], ref),
                ),
            )[0]
            if found
            else None
        )
    raise ValueError(f"unknown occurrence mode {mode!r}")


def _distance(bounds: Bounds, ref: date) -> int:
    start, end = bounds
    if start <= ref <= end:
        return 0
    return (start - ref).days if start > ref else (ref - end).days


def pick_weekday(ref: date, weekday: int, mode: str) -> date:
    """The meant ``weekday`` (0 = Monday) around ``ref``.

    ``recent``/``this``: on or before ``ref``; ``last``: strictly before; ``future``: on or after;
    ``next``: strictly after.
    """
    back = (ref.weekday() - weekday) % 7
    if mode in ("recent", "this"):
        return ref - timedelta(days=back)
    if mode == "last":
        return ref - timedelta(days=back or 7)
    ahead = (weekday - ref.weekday()) % 7
    if mode == "future":  # "talks resume Friday" published on a Friday: that very day
        return ref + timedelta(days=ahead)
    return ref + timedelta(days=ahead or 7)


def shift(day: date, unit: str, count: int) -> date:
    """``day`` moved by ``count`` canonical units (negative: earlier); clock units by whole days."""
    if unit == "minute":
        return day + timedelta(days=int(count / 1440))
    if unit == "hour":
        return day + timedelta(days=int(count / 24))
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    if unit == "fortnight":
        return day + timedelta(weeks=2 * count)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, months * count)


def part_bounds(bounds: Bounds, unit: str, part: str) -> Bounds:
    """The early/mid/late third or first/second half of a period.

    Months split 1-10, 11-20, 21-end (halves at the 15th); years by four-month blocks; decades
    0-3, 4-6, 7-9; seasons by month; weeks Mon-Tue, Wed-Thu, Fri-Sun; anything else by days.
    """
    start, end = bounds
    days = (end - start).days + 1
    if part in ("h1", "h2"):
        if unit == "month":
            cut = start.replace(day=15)
        elif unit in ("year", "decade", "century", "season", "quarter"):
            cut = add_months(start, _months_between(start, end) // 2) - ONE_DAY
        else:
            cut = start + timedelta(days=days // 2 - 1)
        return (start, cut) if part == "h1" else (cut + ONE_DAY, end)
    index = {"early": 0, "mid": 1, "late": 2}[part]
    if unit == "month":
        edges = [start, start.replace(day=11), start.replace(day=21), end + ONE_DAY]
    elif unit == "year":
        edges = [add_months(start, k) for k in (0, 4, 8, 12)]
    elif unit == "decade":
        edges = [add_months(start, 12 * k) for k in (0, 4, 7, 10)]
    elif unit == "century":
        edges = [add_months(start, 12 * k) for k in (0, 33, 66, 100)]
    elif unit in ("season", "quarter"):
        edges = [add_months(start, k) for k in (0, 1, 2, 3)]
    elif unit == "week":
        edges = [start + timedelta(days=k) for k in (0, 2, 4, 7)]
    else:
        edges = [start + timedelta(days=days * k // 3) for k in (0, 1, 2, 3)]
    return edges[index], edges[index + 1] - ONE_DAY


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day_ = divmod(h + lw - 7 * m + 114, 31)
    return date(year, month, day_ + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n`` = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


#: Holiday name (lower case, straight apostrophe) -> its date in a given year.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "boxing day": lambda y: date(y, 12, 26),
    "valentine's day": lambda y: date(y, 2, 14),
    "halloween": lambda y: date(y, 10, 31),
    "may day": lambda y: date(y, 5, 1),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + ONE_DAY,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "palm sunday": lambda y: easter(y) - timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - timedelta(days=46),
    "pentecost": lambda y: easter(y) + timedelta(days=49),
    "whit monday": lambda y: easter(y) + timedelta(days=50),
}
