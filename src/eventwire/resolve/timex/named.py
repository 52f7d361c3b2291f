"""Rules for expressions that name a calendar period.

Dates, months, quarters, halves, seasons, years, decades, centuries and weekdays. A name without
a year ("26 July", "late March", "Thursday") is placed relative to ``Ctx.ref`` by the news
conventions in ``calendar.pick_year`` / ``calendar.pick_weekday``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from . import calendar as cal
from . import lexicon as lx
from . import model as mk
from .base import (
    Ctx,
    Rule,
    capitalised,
    group,
    preposition,
    raw_word_after,
    text_after,
    text_before,
    word_before,
)
from .model import Resolution

_PRECEDING_MONTH = re.compile(rf"\b{lx.MONTH_FULL}(?:\s+\d{{1,4}})?,?\s*$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"^(?:[-.,:/]\d|\s*(?:%|percent\b|per\s+cent\b))", re.IGNORECASE)
_PRICE_OR_NUMBER_BEFORE = re.compile(r"[$\u20ac\u00a3\u00a5#]\s*$|\d[.,:/]$")


# -- shared ---------------------------------------------------------------------------------------
def year_of(expr: str, anchor: date | None) -> int | None:
    """'2023' -> 2023, 'last year' -> the anchor's year - 1; None when relative and unanchored."""
    key = lx.squash(expr)
    if key[:1].isdigit():
        return int(key)
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "next": 1}.get(key.split()[0], 0)


def _named_year(
    m: re.Match[str], ctx: Ctx, bounds: Callable[[int], cal.Bounds | None], grace: int = 0
) -> int | None:
    """The year a named period falls in: written, relative ("March last year") or inferred."""
    written = group(m, "y")
    if written:
        return lx.year_number(written)
    relative = group(m, "yrel")
    if relative:
        return year_of(f"{relative} year", ctx.anchor)
    if ctx.ref is None:
        return None
    rel = group(m, "rel")
    mode = ctx.mode(rel)
    read_in_text = ctx.strict and not rel and not ctx.future
    if mode == "future":  # the caller's future=True means strictly ahead
        grace = cal.TENSED_FUTURE_GRACE_DAYS if read_in_text else 0
    elif read_in_text and ctx.tense is None:
        grace = max(grace, cal.UNCUED_GRACE_DAYS)  # no verb to go by: near future allowed
    return cal.pick_year(bounds, ctx.ref, mode, grace)


def narrow(res: Resolution, unit: str, part: str | None) -> Resolution:
    """Apply an early/mid/late or half modifier to a whole period."""
    if part is None:
        return res
    if res.start is None or res.end is None:
        return res.narrowed(None, f"part-of-{unit}")
    return res.narrowed(cal.part_bounds((res.start, res.end), unit, part), f"part-of-{unit}")


def _part(m: re.Match[str]) -> str | None:
    text = group(m, "part")
    return lx.part_key(text) if text else None


# -- dates ----------------------------------------------------------------------------------------
def _iso_date(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    d = cal.valid_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return mk.day(d) if d else None


def _same_day(month: int, dom: int) -> Callable[[int], cal.Bounds | None]:
    def bounds(year: int) -> cal.Bounds | None:
        d = cal.valid_date(year, month, dom)
        return (d, d) if d else None

    return bounds


def _day_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'10 April 2024', 'April 10', 'Thursday, 11 April': a day, year inferred when missing."""
    weekday = m["wd"]
    if ctx.strict and not (capitalised(m["mon"]) and (weekday is None or capitalised(weekday))):
        return None
    number, dom = lx.month_number(m["mon"]), lx.day_number(m["d"])
    if cal.valid_date(2000, number, dom) is None:  # 2000 is a leap year: 29 Feb passes
        return None
    year = _named_year(m, ctx, _same_day(number, dom), grace=cal.FUTURE_GRACE_DAYS)
    if year is None:
        return mk.unanchored("day", f"XXXX-{number:02d}-{dom:02d}")
    d = cal.valid_date(year, number, dom)
    if d is None:
        return None
    res = mk.day(d)
    if weekday and d.weekday() != lx.weekday_number(weekday):
        res = res.flagged("weekday-mismatch")
    return res


# -- months ---------------------------------------------------------------------------------------
def _month_ok(m: re.Match[str], part: str | None) -> bool:
    """A month name in running text needs a day, a year, a modifier or a telling preposition."""
    word = m["mon"]
    if not capitalised(word):
        return False
    if m["y"] or m["yrel"] or m["rel"] or part:
        return True
    key = word.lower()
    if key not in lx.BARE_MONTHS:
        return False
    if text_after(m, 3).startswith(("'s", "\u2019s")):
        return key not in lx.NAME_MONTHS  # "December's figures", not "May's cabinet"
    pre = preposition(m)
    if pre in ("and", "or"):
        return bool(_PRECEDING_MONTH.search(text_before(m)))
    if pre is None and key != "may":
        # a month modifying a noun: "the October slaying", "a June agreement"
        after = raw_word_after(m)
        return (
            word_before(m) in lx.DETERMINERS
            and after.isalpha()
            and after.islower()
            and after not in lx.FUNCTION_WORDS
        )
    return pre in (lx.MAY_PREPS if key == "may" else lx.MONTH_PREPS)


def _month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'March 2023', 'late March', 'last March', 'in March' (the most recent, or next if future)."""
    number = lx.month_number(m["mon"])
    part = _part(m)
    if ctx.strict and not _month_ok(m, part):
        return None
    if m["mon"] in lx.VERB_MONTHS and not (part or m["rel"] or m["y"] or m["yrel"]):
        return None  # a lone lower-case "may" or "march" is a verb even when asked directly
    year = _named_year(m, ctx, lambda y: cal.month_bounds(y, number))
    if year is None:
        return narrow(mk.unanchored("month", f"XXXX-{number:02d}"), "month", part)
    return narrow(mk.month(year, number), "month", part)


def _week_of_month(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the last week of March': days 1-7, 8-14, 15-21, 22-28, or the final seven."""
    if ctx.strict and not capitalised(m["mon"]):
        return None
    number = lx.month_number(m["mon"])
    year = _named_year(m, ctx, lambda y: cal.month_bounds(y, number))
    if year is None:
        return mk.unanchored("part-of-month", f"XXXX-{number:02d}")
    res = mk.month(year, number)
    assert res.start is not None and res.end is not None
    which = m["ord"].lower()
    if which in ("last", "final"):
        bounds = (cal.shift(res.end, "day", -6), res.end)
    else:
        first = cal.shift(res.start, "day", 7 * (lx.ORDINAL_WORDS[which] - 1))
        bounds = (first, cal.shift(first, "day", 6))
    return res.narrowed(bounds, "part-of-month")


# -- quarters, halves, years ----------------------------------------------------------------------
def _quarter_ordinal(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the first quarter of 2024', 'the fourth quarter of last year', 'the third quarter',
    'third-quarter', 'the 1988 third quarter', "next year's first quarter", 'the year-ago third
    quarter' (that quarter a year before the one meant without the modifier)."""
    which, expr = lx.squash(m["ord"]), m["yx"]
    before = m["y2"] or m["yrel"] or m["ago"]
    if which in ("last", "final") and not (expr or before):  # "the last quarter": the previous
        if ctx.anchor is None:
            return mk.unanchored("quarter")
        return mk.unit_period(ctx.anchor, "quarter", -1)
    number = 4 if which in ("last", "final") else lx.parse_ordinal(which)
    if number is None or not 1 <= number <= 4:
        return None
    year: int | None
    if m["y2"]:
        year = lx.year_number(m["y2"])
    elif m["yrel"]:
        year = year_of(f"{m['yrel']} year", ctx.anchor)
    elif expr:
        year = year_of(expr, ctx.anchor)
    else:
        mode = ctx.mode()
        if mode == "future":  # "will publish third-quarter figures": just ended or coming
            mode = "nearest"
        year = (
            None
            if ctx.ref is None
            else cal.pick_year(lambda y: cal.quarter_bounds(y, number), ctx.ref, mode)
        )
        if year is not None and m["ago"]:
            year -= 1
    return mk.unanchored("quarter", f"XXXX-Q{number}") if year is None else mk.quarter(year, number)


def _quarter_code(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'Q1 2024', '2024 Q1', "Q3'23", bare 'Q2'."""
    if ctx.strict and "Q" not in m["core"]:
        return None
    number, written = int(m["q"]), m["y"]
    if written:
        digits = re.sub(r"\D", "", written)
        year: int | None = int(digits) if len(digits) == 4 else 2000 + int(digits)
    else:
        year = (
            None
            if ctx.ref is None
            else cal.pick_year(lambda y: cal.quarter_bounds(y, number), ctx.ref, ctx.mode())
        )
    return mk.unanchored("quarter", f"XXXX-Q{number}") if year is None else mk.quarter(year, number)


def _half_code(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    if ctx.strict and "H" not in m["core"]:
        return None
    return mk.half(int(m["y"]), int(m["h"]))


def _year_part(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'early 2024', 'mid-2023', 'the end of 2023', 'the first half of 2024', 'the first two
    quarters of 2024' (its first half)."""
    y, part = int(m["y"]), lx.part_key(m["part"])
    if part in ("h1", "h2"):
        return mk.half(y, 1 if part == "h1" else 2)
    return narrow(mk.year(y), "year", part)


def bare_year_ok(m: re.Match[str], y: int) -> bool:
    """A lone four-digit number is a year unless its neighbours make it a count or a price."""
    if not 1900 <= y <= 2099 and not (1600 <= y < 1900 and preposition(m) in lx.YEAR_PREPS):
        return False  # "in 1898" is a year, "1898 people" a count
    before = m.string[max(0, m.start("core") - 3) : m.start("core")]
    after = m.string[m.end("core") : m.end("core") + 12]
    if _PRICE_OR_NUMBER_BEFORE.search(before) or _NUMBER_AFTER.search(after):
        return False
    if raw_word_after(m).lower() in lx.COUNT_NOUNS:
        return False
    return preposition(m) is not None or word_before(m) not in lx.COUNT_PREV


def _year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'1998', 'the year 2000', 'fiscal 1989', 'nineteen ninety-six'."""
    written = m["y"]
    y = lx.year_number(written)
    if written[0].isdigit():
        lead = m["core"][:1].lower()
        if ctx.strict and lead not in ("t", "f") and not bare_year_ok(m, y):
            return None
    elif ctx.strict and raw_word_after(m).lower() in lx.COUNT_NOUNS:
        return None
    return mk.year(y)


def _holiday(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'Thanksgiving Day', 'last Christmas', 'Easter week', 'Christmas 2023': the day (or its
    week), with the year read like any named day ('Christmas' in March is the last one)."""
    if ctx.strict and (not capitalised(m["hol"]) or capitalised(raw_word_after(m))):
        return None  # "the Good Friday Agreement", "Christmas Island"
    key = lx.squash(m["hol"]).replace("\u2019", "'")
    when = cal.HOLIDAYS[key]

    unit = (m["unit"] or "").lower()

    def bounds(year: int) -> cal.Bounds:
        d = when(year)
        return cal.week_bounds(d) if unit == "week" else (d, d)

    year = _named_year(m, ctx, bounds)
    if year is None:
        return mk.unanchored("week" if unit == "week" else "day")
    d = when(year)
    if unit == "week":
        return mk.week(d)
    if unit == "weekend":
        return mk.weekend(d)
    return mk.day(d)


# -- seasons, decades, centuries ------------------------------------------------------------------
def _season_ok(m: re.Match[str], part: str | None) -> bool:
    word = m["sea"]
    if capitalised(word):  # "Arab Spring", "Summer Olympics" are names
        before = m.string[max(0, m.start("sea") - 30) : m.start("sea")]
        prev = re.search(r"(\w+)\W*$", before)
        if (
            prev
            and capitalised(prev.group(1))
            and prev.group(1).lower()
            not in ("the", "this", "last", "next", "in", "early", "late", "mid", "since", "until")
        ):
            return False
        if capitalised(raw_word_after(m)):
            return False
    if m["y"] or m["yrel"]:
        return True
    if _OF_AFTER.match(text_after(m)):  # "the fall of Kabul"
        return False
    return bool(m["rel"] or part or preposition(m) in lx.SEASON_PREPS)


def _season(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'summer 2023', 'last summer', 'in the spring' (northern seasons; winter spans New Year)."""
    code = lx.SEASONS[m["sea"].lower()]
    part = _part(m)
    if ctx.strict and not _season_ok(m, part):
        return None
    year = _named_year(m, ctx, lambda y: cal.season_bounds(y, code))
    res = mk.unanchored("season", f"XXXX-{code}") if year is None else mk.season(year, code)
    return narrow(res, "season", part)


def _decade(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the 1990s', '1990s', "the '90s", 'the early 2000s' (value '199', '200')."""
    if m["y"]:
        prefix = int(m["y"])
    elif m["sp"]:  # "the nineties", "the nineteen-sixties"
        if ctx.strict and not (m["the"] or m["n19"]):
            return None  # "in their forties" is an age
        prefix = 190 + lx.NUMBER_WORDS[m["sp"].lower()[:-3] + "y"] // 10
    else:
        if ctx.strict and m["yy2"] and not m["the"]:  # "in their 90s" is an age
            return None
        digit = int(m["yy"] or m["yy2"])
        prefix = 200 + digit if digit <= 2 else 190 + digit
    return narrow(mk.decade(prefix), "decade", _part(m))


def _century(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    number = lx.parse_ordinal(m["c"])
    if number is None or not 1 <= number <= 30:
        return None
    return mk.century(number - 1)


# -- weekdays -------------------------------------------------------------------------------------
def _weekday_ok(m: re.Match[str]) -> bool:
    if not capitalised(m["wd"]):
        return False
    after = raw_word_after(m)
    if capitalised(after) and (after.lower() in lx.WEEKDAY_TITLE_NEXT or capitalised(m["tod"])):
        return False  # "Sunday Times", "Saturday Night Live"
    if not (m["mod"] or m["rel"]) and word_before(m) in lx.WEEKDAY_NAMED_PREV:
        return False  # "Good Friday", "Super Tuesday"
    return not (preposition(m) == "on" and re.search(r"\bmail\s*$", text_before(m), re.I))


def _weekday(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'Thursday', 'late Thursday', 'Wednesday night', 'last Tuesday', 'next Tuesday'.

    A bare weekday is the most recent one up to and including the reference day (the next one
    strictly after it when ``future``); 'last' is strictly before, 'next' strictly after.
    """
    if ctx.strict and not _weekday_ok(m):
        return None
    number = lx.WEEKDAYS[m["wd"].lower()]
    tod = lx.TIMES_OF_DAY[m["tod"].lower()] if m["tod"] else None
    if ctx.ref is None:
        value = f"XXXX-WXX-{number + 1}" + (f"T{tod}" if tod else "")
        return mk.unanchored("day", value, type_="TIME" if tod else "DATE")
    rel = m["rel"]
    mode = ctx.mode(None if rel and lx.squash(rel) == "this" else rel)
    return mk.day(cal.pick_weekday(ctx.ref, number, mode), tod)


# -- the rules ------------------------------------------------------------------------------------
_WD_PREFIX = rf"(?:(?P<wd>{lx.WEEKDAY_ANY}),?\s+)?"
_YEAR_AFTER = rf"(?:(?:,?\s+|-)(?P<y>{lx.YEAR})(?!\d))?"
_PERIOD_YEAR = (
    rf"(?:(?:,|\s+of)?\s+(?P<y>{lx.YEAR}|{lx.SPOKEN_YEAR})(?!\d)|"
    rf"(?:\s+of)?\s+(?P<yrel>last|this|next)\s+year)?"
)
_SEASON_PART = r"(?:early|late|mid|(?:the\s+)?(?:start|beginning|middle|end)\s+of)"

_YEAR, _MONTH, _UNIT = ("year",), ("month",), ("unit",)

RULES: tuple[Rule, ...] = (
    Rule(
        "iso-date",
        r"(?P<y>[12]\d{3})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})"
        r"(?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        _iso_date,
        needs=_YEAR,
    ),
    Rule(
        "day-month",
        rf"{_WD_PREFIX}(?:the\s+)?(?P<d>{lx.DAY})(?:\s+of\s+|\s+|-)"
        rf"(?P<mon>{lx.MONTH}){_YEAR_AFTER}",
        _day_month,
        needs=_MONTH,
        tensed=True,
    ),
    Rule(
        "month-day",
        rf"{_WD_PREFIX}(?:(?P<rel>last|this|next)\s+)?(?P<mon>{lx.MONTH})(?:\s+|-)"
        rf"(?:the\s+)?(?P<d>{lx.DAY})"
        rf"(?!\d){_YEAR_AFTER}",
        _day_month,
        needs=_MONTH,
        tensed=True,
    ),
    Rule(
        "week-of-month",
        r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+"
        rf"(?:of|in)\s+(?P<mon>{lx.MONTH}){_YEAR_AFTER}",
        _week_of_month,
        needs=_MONTH,
        tensed=True,
    ),
    Rule(
        "month",
        rf"(?:(?P<part>{lx.PART}){lx.JOIN})?(?:(?P<rel>{lx.REL})\s+)?"
        rf"(?P<mon>{lx.MONTH}){_PERIOD_YEAR}",
        _month,
        needs=_MONTH,
        tensed=True,
    ),
    Rule(
        "quarter",
        rf"(?:the\s+)?(?:(?P<y2>{lx.YEAR})\s+|(?P<yrel>last|this|next)\s+year{lx.APOSTROPHE}s\s+|"
        r"(?P<ago>(?:comparable\s+|same\s+)?year[-\s](?:ago|earlier))\s+)?(?:fiscal\s+)?"
        r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"(?:\s+|\s*-\s*)quarter(?!s)(?:(?:\s+of)?\s+(?P<yx>{lx.YEAR_EXPR}))?",
        _quarter_ordinal,
        needs=_UNIT,
        tensed=True,
    ),
    Rule(
        "quarter-code",
        rf"Q(?P<q>[1-4])(?:(?:\s*-\s*|\s+of\s+|\s*)"
        rf"(?P<y>{lx.YEAR}|{lx.APOSTROPHE}\d{{2}}))?",
        _quarter_code,
        needs=("qcode",),
    ),
    Rule(
        "year-quarter-code", rf"(?P<y>{lx.YEAR})\s*-?\s*Q(?P<q>[1-4])", _quarter_code, needs=_YEAR
    ),
    Rule(
        "half-code", rf"H(?P<h>[12])(?:\s*-\s*|\s+)(?P<y>{lx.YEAR})", _half_code, needs=("hcode",)
    ),
    Rule(
        "year-part",
        rf"(?P<part>{lx.PART}|(?:the\s+)?(?:first|last|final)\s+two\s+quarters\s+of)"
        rf"{lx.JOIN}(?P<y>{lx.YEAR})(?!\d)",
        _year_part,
        needs=_YEAR,
    ),
    Rule(
        "season",
        rf"(?:(?P<part>{_SEASON_PART}){lx.JOIN})?(?:(?P<rel>{lx.REL})\s+|the\s+)?"
        rf"(?P<sea>{lx.SEASON}){_PERIOD_YEAR}",
        _season,
        needs=("season",),
        tensed=True,
    ),
    Rule(
        "decade",
        rf"(?:(?P<the>the)\s+)?(?:(?P<part>early|late|mid){lx.JOIN})?"
        rf"(?:(?P<y>[12]\d{{2}})0{lx.APOSTROPHE}?s|{lx.APOSTROPHE}(?P<yy>\d)0s|(?P<yy2>\d)0s|"
        r"(?P<n19>nineteen[\s-]?)?(?P<sp>twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties))",
        _decade,
        needs=("decade", "spoken-decade"),
    ),
    Rule("century", rf"(?:the\s+)?(?P<c>{lx.ORDINAL}){lx.JOIN}century", _century, needs=_UNIT),
    Rule(
        "weekday",
        r"(?:(?P<mod>early|late|mid)(?:\s+on)?\s+)?"
        rf"(?:(?P<rel>{lx.REL})\s+)?(?P<wd>{lx.WEEKDAY})(?:\s+(?P<tod>{lx.TIME_OF_DAY}))?",
        _weekday,
        needs=("weekday",),
        tensed=True,
    ),
    Rule(
        "year",
        rf"(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?(?P<y>{lx.YEAR}|{lx.SPOKEN_YEAR})",
        _year,
        needs=("year", "spoken-year"),
    ),
    Rule(
        "holiday",
        rf"(?:(?P<rel>{lx.REL})\s+)?(?P<hol>{lx.HOLIDAY})(?:\s+(?P<unit>week|weekend))?"
        rf"(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _holiday,
        needs=("holiday",),
        tensed=True,
    ),
)
