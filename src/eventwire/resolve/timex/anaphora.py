"""Rules for expressions that point back at a period the text named before them.

"that year", "later that day", "the following month", "a year earlier", and the reporting
periods of company results: "the quarter", "the latest period", "the year-ago quarter",
"year-earlier profit". TimeML anchors such expressions on another time expression rather than on
the publication date, and so does a careful reader: after "third-quarter earnings grew", "against
$8 million a year ago" means the third quarter of the year before.

The scanner reads the text in order and hands each match here with ``Ctx.focus`` (the last date
named) and ``Ctx.focus_quarter`` (the quarter the text reports on: the first quarter it names
that began in the fifteen months up to the publication date) set; without them (a lone phrase,
or nothing named yet) the publication date stands in: "that year" is its year, "the quarter"
the last full quarter before it, "a year ago" the year before it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import calendar as cal
from . import lexicon as lx
from . import model as mk
from .base import Ctx, Rule, capitalised, group, preposition, text_after
from .model import Resolution

_TOD_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_OFFSETS = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}
#: Prepositions that make "the next year" a stretch of time, not the year after ("over the next
#: year" is P1Y, left to the duration rules).
_SPAN_PREPS = frozenset(["over", "during", "within", "for", "in", "through", "throughout"])
_PERIOD_END = re.compile(r"^\s*(?:[,.;:!?)\"'\u201d]|$)")
_ENDED = re.compile(r"^\s+(?:ended|ending|that\s+ended|which\s+ended|to\s+date)\b", re.I)
_ENDED_ON = re.compile(
    rf"^\s+(?:that\s+|which\s+)?ended\s+(?:on\s+)?(?P<when>{lx.MONTH}\s+{lx.DAY}(?!\d)"
    rf"(?:,?\s+{lx.YEAR})?|{lx.DAY}\s+{lx.MONTH}(?:,?\s+{lx.YEAR})?)",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"(?:(?P<mon>{lx.MONTH})\s+(?P<d>{lx.DAY})|(?P<d2>{lx.DAY})\s+(?P<mon2>{lx.MONTH}))"
    rf"(?:,?\s+(?P<y>{lx.YEAR}))?",
    re.IGNORECASE,
)


def _day_in(text: str, anchor: date) -> date | None:
    """'Sept. 30' (or 'Sept. 30, 1989'): the latest such day on or before the anchor."""
    m = _DAY_MONTH.match(text)
    if m is None:
        return None
    month = lx.month_number(m["mon"] or m["mon2"])
    dom = lx.day_number(m["d"] or m["d2"])
    years = [int(m["y"])] if m["y"] else [anchor.year, anchor.year - 1]
    for year in years:
        d = cal.valid_date(year, month, dom)
        if d is not None and (m["y"] or d <= anchor):
            return d
    return None


def names_closing_day(m: re.Match[str]) -> bool:
    """Whether the period matched is followed by its closing day ("the quarter ended Sept. 30"):
    the surest sign of which quarter a report is about, whatever it named before."""
    return _ENDED_ON.match(text_after(m, 40)) is not None


def _quarter_index(res: Resolution) -> tuple[int, int] | None:
    """(year, quarter) of a quarter resolution, from its bounds."""
    if res.start is None or res.precision != "quarter":
        return None
    return res.start.year, (res.start.month - 1) // 3 + 1


def _last_full_quarter(anchor: date) -> Resolution:
    return mk.unit_period(anchor, "quarter", -1)


def _focus_day(ctx: Ctx) -> Resolution | None:
    """What "that day" and its kin start from: the focus, else the publication day."""
    if ctx.focus is not None:
        return ctx.focus
    return None if ctx.anchor is None else mk.day(ctx.anchor)


# -- reporting periods ----------------------------------------------------------------------------
def _reporting_period(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the quarter', 'the latest quarter', 'the latest period', 'this quarter', 'the 1988
    period': the quarter the report is about (the last one named, else the last full one)."""
    adj = lx.squash(m["adj"] or "")
    unit, written = m["unit"].lower(), m["y"]
    det = m["det"].lower()
    if adj in ("same", "comparable", "corresponding") and not written:
        return None  # "the same period" needs "last year" (see _year_ago)
    if unit == "period" and not (adj or written):
        return None  # "the period" alone is any stretch of time
    if ctx.strict and capitalised(m["unit"]):
        return None
    if adj == "current" or (det == "this" and ctx.focus_quarter is None):
        if ctx.anchor is None:
            return mk.unanchored("quarter")
        return mk.unit_period(ctx.anchor, "quarter", 0)
    ended = _ENDED_ON.match(text_after(m, 40))
    if ended and not written and ctx.anchor is not None:
        last_day = _day_in(ended["when"], ctx.anchor)
        if last_day is not None:  # a quarter is the three months up to its closing day
            return mk.point(last_day - timedelta(days=45), "quarter")
    focus_res = ctx.focus_quarter
    if (
        focus_res is not None
        and adj in ("latest", "most recent", "just ended", "just completed")
        and ctx.anchor is not None
        and focus_res.end is not None
        and focus_res.end >= ctx.anchor
    ):
        focus_res = None  # "the latest quarter" is one already closed
    focus = _quarter_index(focus_res) if focus_res is not None else None
    if written:
        year = lx.year_number(written)
        if unit == "period" and ctx.span_focus:
            return mk.year(year)  # "for the nine months ... against the 1988 period"
        if focus is not None:
            return mk.quarter(year, focus[1])
        return mk.year(year) if unit == "period" else mk.unanchored("quarter", f"{year}-QX")
    if focus is not None:
        return mk.quarter(*focus)
    if ctx.anchor is None:
        return mk.unanchored("quarter")
    return _last_full_quarter(ctx.anchor)


def _year_ago(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the year-ago quarter', 'year-earlier profit', 'the corresponding period last year',
    "last year's quarter", 'a year ago', 'a year earlier': the period under report, a year back.
    """
    span = group(m, "span")
    if span:  # "the year-earlier nine months": the stretch itself, a duration
        months = 6 if span.lower() == "six" else 9
        return Resolution(None, None, "duration", f"P{months}M", "DURATION")
    unit = (group(m, "unit") or "").lower()
    quarter = None if ctx.focus_quarter is None else _quarter_index(ctx.focus_quarter)
    if quarter is not None and ctx.span_focus and unit != "quarter":
        return mk.year(quarter[0] - 1)  # "for the nine months ... a year earlier"
    if quarter is not None:
        return mk.quarter(quarter[0] - 1, quarter[1])
    if ctx.anchor is None:
        return mk.unanchored("quarter" if unit == "quarter" else "year")
    if unit == "quarter":
        last = _quarter_index(_last_full_quarter(ctx.anchor))
        assert last is not None
        return mk.quarter(last[0] - 1, last[1])
    if (group(m, "dir") or "").lower() == "earlier" and ctx.focus is not None:
        assert ctx.focus.start is not None  # only anchored resolutions become the focus
        return mk.year(ctx.focus.start.year - 1)
    return mk.year(ctx.anchor.year - 1)


# -- that day, the following year -----------------------------------------------------------------
def _that_period(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'that year', 'later that day', 'that same day', 'the following month', 'the next
    morning', 'the previous week', 'the year before'."""
    word = m["unit"].lower()
    rel = lx.squash(group(m, "rel") or "")
    if rel == "next" and preposition(m) in _SPAN_PREPS:
        return None  # "over the next year": a duration
    if group(m, "dir") and not _PERIOD_END.match(text_after(m, 3)):
        return None  # "the day before the vote" is read with the vote, not here
    offset = _OFFSETS.get(rel, 0)
    if group(m, "dir"):
        offset = -1 if m["dir"].lower() == "before" else 1
    tod = _TOD_CODES.get(word)
    unit = "day" if tod else word
    base = _focus_day(ctx)
    if base is None or base.start is None:
        return mk.unanchored("day" if tod else unit, type_="TIME" if tod else "DATE")
    if unit == "day" and base.precision not in ("day", None):
        if offset == 0 and base.precision == "month" and base.value:
            return Resolution(base.start, base.end, "month", f"{base.value}-XX", "DATE")
        return None  # "the next day" after "in March": which day is not said
    moved = cal.shift(base.start, unit, offset)
    if unit == "day":
        return mk.day(moved, tod)
    return mk.point(moved, unit)


def _weekday_around(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the previous Friday', 'the following Thursday': that weekday before or after the day
    the text is at (the last day named, else the publication day), never that day itself."""
    key = m["wd"].lower().rstrip(".")
    number = lx.WEEKDAYS.get(key, lx.WEEKDAY_ABBREVIATIONS.get(key))
    if number is None:
        return None
    base = _focus_day(ctx)
    if base is None or base.start is None or base.precision != "day":
        return mk.unanchored("day")
    mode = "next" if m["rel"].lower() in ("following", "next") else "last"
    return mk.day(cal.pick_weekday(base.start, number, mode))


# -- the year -------------------------------------------------------------------------------------
def _the_year(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the year', 'the full year', 'the fiscal year': the year under report (the publication
    year); 'the year ended March 31' is a twelve-month period, P1Y."""
    if ctx.strict and capitalised(m["year"]):  # "Car of the Year"
        return None
    if _ENDED.match(text_after(m, 30)):
        return Resolution(None, None, "duration", "P1Y", "DURATION")
    if ctx.anchor is None:
        return mk.unanchored("year")
    if m["adj"] and lx.squash(m["adj"]).startswith(("latest", "last", "most recent")):
        return mk.year(ctx.anchor.year - 1)  # "the latest fiscal year": the last one closed
    return mk.year(ctx.anchor.year)


def _year_end(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'year-end', 'year end', "year's end": the close of the year (its last month), this
    year's unless the clause looks back ('since year-end')."""
    if ctx.anchor is None:
        return mk.unanchored("part-of-year")
    year = ctx.anchor.year
    if ctx.tense == "past" or preposition(m) == "since":
        year -= 1 if ctx.anchor.month < 12 else 0
    return mk.year(year).narrowed(cal.month_bounds(year, 12), "part-of-year")


_Q = r"(?:quarter|period)"
_NOT_PLURAL = r"(?!s\b|-)"
_DAYPARTS = r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)(?!s\b|-)"
RULES: tuple[Rule, ...] = (
    Rule(
        "reporting-period",
        rf"(?P<det>the|that|this)\s+(?:(?P<adj>latest|current|most\s+recent|recent|same|"
        rf"comparable|corresponding|just[-\s](?:ended|completed))\s+)?"
        rf"(?:(?P<y>{lx.YEAR})\s+)?(?:fiscal\s+)?(?P<unit>{_Q}){_NOT_PLURAL}",
        _reporting_period,
        point=False,
        needs=("unit", "reporting"),
        anaphoric=True,
    ),
    Rule(
        "year-ago",
        r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year-(?:ago|earlier)"
        rf"(?:\s+(?P<unit>{_Q}){_NOT_PLURAL}|\s+(?P<span>six|nine)\s+months)?",
        _year_ago,
        point=False,
        needs=("unit",),
        anaphoric=True,
    ),
    Rule(
        "same-period-last-year",
        rf"(?:the\s+)?(?:comparable|corresponding|same|like)\s+(?P<unit>{_Q})\s+(?:of\s+|in\s+)?"
        r"(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:ago|earlier))|"
        rf"last\s+year{lx.APOSTROPHE}s\s+{_Q}|the\s+{_Q}\s+a\s+year\s+(?:ago|earlier)",
        _year_ago,
        point=False,
        needs=("unit",),
        anaphoric=True,
    ),
    Rule(
        "a-year-ago",
        r"(?:a|one)\s+year\s+(?P<dir>ago|earlier)",
        _year_ago,
        point=False,
        needs=("unit",),
        anaphoric=True,
    ),
    Rule(
        "that-period",
        rf"(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+{_DAYPARTS}",
        _that_period,
        point=False,
        needs=("unit", "time-of-day"),
        anaphoric=True,
    ),
    Rule(
        "following-period",
        rf"the\s+(?P<rel>following|previous|next|preceding|prior)\s+{_DAYPARTS}",
        _that_period,
        point=False,
        needs=("unit", "time-of-day"),
        anaphoric=True,
    ),
    Rule(
        "weekday-around",
        rf"the\s+(?P<rel>following|previous|next|preceding|prior)\s+(?P<wd>{lx.WEEKDAY_ANY})"
        r"(?!\w)",
        _weekday_around,
        needs=("weekday",),
        anaphoric=True,
    ),
    Rule(
        "period-before",
        r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)",
        _that_period,
        point=False,
        needs=("unit",),
        anaphoric=True,
    ),
    Rule(
        "the-year",
        r"the\s+(?P<adj>(?:(?:latest|last|most\s+recent)\s+)?(?:full|fiscal|current\s+fiscal|"
        r"calendar|whole|entire)\s+)?(?P<year>year)"
        r"(?!s\b|['\u2019-])",
        _the_year,
        point=False,
        needs=("unit",),
    ),
    Rule(
        "year-end",
        rf"year(?:-|\s+)end(?!s\b|-)|year{lx.APOSTROPHE}s\s+end",
        _year_end,
        point=False,
        needs=("unit",),
        tensed=True,
    ),
)
