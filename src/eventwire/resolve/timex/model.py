"""The Resolution record and the constructors every rule uses to build one.

One constructor per kind of period keeps values (TIMEX3 strings) and bounds in step: a month is
always "YYYY-MM" over its first to last day, whichever phrase named it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from . import calendar as cal
from .lexicon import DURATION_CODES

#: Precisions from finest to coarsest, then the two that are not intervals.
PRECISIONS: tuple[str, ...] = (
    "day",
    "part-of-week",
    "weekend",
    "week",
    "part-of-month",
    "month",
    "part-of-season",
    "part-of-quarter",
    "quarter",
    "season",
    "part-of-year",
    "half-year",
    "year",
    "part-of-decade",
    "decade",
    "part-of-century",
    "century",
    "duration",
    "set",
)
UNANCHORED = "unanchored"
APPROXIMATE = "approximate"


@dataclass(frozen=True, slots=True)
class Resolution:
    """A time expression resolved to an inclusive day interval plus its TIMEX3 reading."""

    start: date | None  # inclusive first day, None if unresolvable/unanchored
    end: date | None  # inclusive last day
    precision: str | None
    value: str | None  # TIMEX3 value, e.g. "2024-04-10", "2024-W15", "P2W", "PAST_REF"
    type: str  # TIMEX3 type: "DATE", "TIME", "DURATION", "SET"
    flags: tuple[str, ...] = ()
    #: For a range or "since X": the expressions inside it as (start, end, resolution), offsets
    #: relative to the start of this expression; TimeML marks each of them, not the range.
    parts: tuple[tuple[int, int, Resolution], ...] = field(default=(), compare=False)

    def flagged(self, *flags: str) -> Resolution:
        """The same resolution with extra flags (kept unique, in order)."""
        merged = self.flags + tuple(f for f in flags if f and f not in self.flags)
        return self if merged == self.flags else replace(self, flags=merged)

    def narrowed(self, bounds: cal.Bounds | None, precision: str) -> Resolution:
        """A part of this period ("late March"): same value, tighter bounds (if anchored)."""
        if bounds is None or self.start is None:
            return replace(self, precision=precision)
        return replace(self, start=bounds[0], end=bounds[1], precision=precision)


def period(
    bounds: cal.Bounds,
    precision: str,
    value: str,
    *,
    type_: str = "DATE",
    flags: tuple[str, ...] = (),
) -> Resolution:
    return Resolution(bounds[0], bounds[1], precision, value, type_, flags)


def unanchored(
    precision: str | None,
    value: str | None = None,
    *,
    type_: str = "DATE",
    flags: tuple[str, ...] = (),
) -> Resolution:
    """A relative expression with no publication date: reading kept, interval not guessed."""
    return Resolution(None, None, precision, value, type_, (UNANCHORED, *flags))


def day(d: date, time_of_day: str | None = None) -> Resolution:
    """One day; with a time-of-day code ("NI") it is a TIMEX3 TIME like "2024-04-10TNI"."""
    if time_of_day:
        return Resolution(d, d, "day", f"{d.isoformat()}T{time_of_day}", "TIME")
    return Resolution(d, d, "day", d.isoformat(), "DATE")


def week(d: date) -> Resolution:
    return period(cal.week_bounds(d), "week", cal.iso_week_value(d))


def weekend(d: date) -> Resolution:
    """The Saturday and Sunday of the ISO week containing ``d``."""
    monday = cal.week_bounds(d)[0]
    return period(
        (cal.shift(monday, "day", 5), cal.shift(monday, "day", 6)),
        "weekend",
        f"{cal.iso_week_value(d)}-WE",
    )


def month(year: int, number: int) -> Resolution:
    return period(cal.month_bounds(year, number), "month", f"{year:04d}-{number:02d}")


def quarter(year: int, number: int) -> Resolution:
    return period(cal.quarter_bounds(year, number), "quarter", f"{year:04d}-Q{number}")


def half(year: int, number: int) -> Resolution:
    return period(cal.half_bounds(year, number), "half-year", f"{year:04d}-H{number}")


def season(year: int, code: str) -> Resolution:
    return period(cal.season_bounds(year, code), "season", f"{year:04d}-{code}")


def year(number: int) -> Resolution:
    return period(cal.year_bounds(number), "year", f"{number:04d}")


def decade(prefix: int) -> Resolution:
    """``prefix`` is the year without its last digit: 199 is the 1990s, value "199"."""
    bounds = (date(prefix * 10, 1, 1), date(prefix * 10 + 9, 12, 31))
    return period(bounds, "decade", f"{prefix:03d}")


def century(prefix: int) -> Resolution:
    """``prefix`` 19 is 1900-1999 (TIMEX3 value "19"), which news calls the 20th century."""
    return period(
        (date(max(prefix * 100, 1), 1, 1), date(prefix * 100 + 99, 12, 31)),
        "century",
        f"{prefix:02d}",
    )


def point(d: date, precision: str) -> Resolution:
    """The calendar period of ``precision`` that contains ``d`` ("two weeks ago" -> a week)."""
    if precision == "week":
        return week(d)
    if precision == "month":
        return month(d.year, d.month)
    if precision == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if precision == "year":
        return year(d.year)
    return day(d)


def unit_period(anchor: date, unit: str, offset: int) -> Resolution:
    """The calendar ``unit`` ``offset`` units from the one containing ``anchor`` ("last month")."""
    if unit == "week":
        return week(cal.shift(anchor, "week", offset))
    if unit == "weekend":
        return weekend(cal.shift(anchor, "week", offset))
    if unit == "month":
        d = cal.add_months(anchor.replace(day=1), offset)
        return month(d.year, d.month)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return quarter(index // 4, index % 4 + 1)
    if unit == "year":
        return year(anchor.year + offset)
    if unit == "decade":
        return decade(anchor.year // 10 + offset)
    if unit == "century":
        return century(anchor.year // 100 + offset)
    raise ValueError(f"no calendar unit {unit!r}")


#: How a fraction of a unit is written in the next smaller one ("2 1/2 years" is P2Y6M).
_SMALLER: dict[tuple[str, bool], tuple[str, int, bool]] = {
    ("Y", False): ("M", 12, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


def duration_value(unit: str, count: float | None) -> str:
    """ISO 8601 duration: ("week", 2) -> "P2W", ("hour", 48) -> "PT48H", (unit, None) -> "PXW";
    fractions go to the next smaller unit where they come out whole: ("year", 2.5) -> "P2Y6M",
    ("minute", 1.5) -> "PT1M30S"."""
    designator, multiplier, clock = DURATION_CODES[unit]
    if count is None:
        return f"PT{'X'}{designator}" if clock else f"PX{designator}"
    total = count * multiplier
    whole = int(total)
    if total == whole:
        return f"PT{whole}{designator}" if clock else f"P{whole}{designator}"
    smaller = _SMALLER.get((designator, clock))
    rest = (total - whole) * smaller[1] if smaller else 0.5
    if smaller is None or rest != int(rest):
        return f"PT{total:g}{designator}" if clock else f"P{total:g}{designator}"
    parts = [(whole, designator, clock), (int(rest), smaller[0], smaller[2])]
    date_part = "".join(f"{n}{d}" for n, d, c in parts if n and not c)
    time_part = "".join(f"{n}{d}" for n, d, c in parts if n and c)
    return "P" + date_part + (f"T{time_part}" if time_part else "")
