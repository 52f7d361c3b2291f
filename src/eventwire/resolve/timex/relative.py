"""Rules for expressions read against the publication date, and for durations, sets and refs.

'yesterday', 'last week', 'two weeks ago', 'in two weeks', 'the past two years', 'for three
months', 'every Monday', 'now'. Without an anchor the deictic ones come back unanchored: their
reading (precision, and value where it needs no date) is kept, the interval is not guessed.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from . import calendar as cal
from . import lexicon as lx
from . import model as mk
from .base import (
    Ctx,
    Rule,
    capitalised,
    preposition,
    raw_word_after,
    text_after,
    text_before,
    word_before,
)
from .model import APPROXIMATE, Resolution
from .tense import adjacent_tense

_RATE_BEFORE = re.compile(r"(?:%|\bper\s*cent|\bpercent)\s*$", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r"^\s+(?:that|which|when|where|in\s+which)\b", re.IGNORECASE)
#: "the third port strike in two weeks": an ordinal heads the noun phrase the length
#: closes, so it counts what happened within that span (no verb may come between).
_ORDINAL_NOUN_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))"
    r"(?:\s+(?!(?:will|would|is|are|was|were|be|been|has|have|had)\b)[\w'-]+){1,3}\s+$",
    re.IGNORECASE,
)
_SHIFT_AFTER = re.compile(r"^\s+(?:later|earlier)\b", re.IGNORECASE)
_FRACTION_OF = re.compile(r"^\s+of\s+(?:the|its|their|his|her|a|an|all|our|this)\b", re.I)
#: Verbs that take a length as object: "gave them a week", "could take a month".
_LENGTH_VERBS = frozenset(
    """take takes took taking last lasts lasted lasting spend spends spent wait waits waited
    give gives gave given offer offers offered allow allows allowed need needs needed require
    requires required long him them""".split()
)
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:hundred|thousand|million|billion|trillion|dozens?|hundreds|thousands|"
    r"millions))[\w$%,.\s-]{0,25}$",
    re.IGNORECASE,
)
_NOT_RATE_AFTER = re.compile(r"^\s+(?:ago|earlier|later|before|after|and|or)\b", re.I)
_OLD_AFTER = re.compile(r"^\s*-?\s*old\b", re.IGNORECASE)
_OF_AFTER = re.compile(r"^\s+of\b", re.IGNORECASE)
_DAY_OFFSETS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_ARTICLES = frozenset(["a", "an", "one"])


def _count(text: str | None, unit_text: str) -> tuple[int, bool] | None:
    """Whole count of units and whether it is vague; a bare plural ('the past weeks') is vague."""
    if text is None:
        plural = unit_text.lower().endswith("s")
        return (lx.VAGUE_COUNTS["few"], True) if plural else (1, False)
    parsed = lx.parse_count(text)
    if parsed is None or parsed[0] != int(parsed[0]) or parsed[0] <= 0:
        return None
    return int(parsed[0]), parsed[1]


def _flags(vague: bool) -> tuple[str, ...]:
    return (APPROXIMATE,) if vague else ()


# -- days -----------------------------------------------------------------------------------------
def _deictic_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'today', 'tonight', 'yesterday morning', 'late yesterday', 'tomorrow'."""
    word = m["w"].lower()
    tod = "NI" if word == "tonight" else None
    if m["tod"]:
        if word == "tonight":
            return None
        tod = lx.TIMES_OF_DAY[m["tod"].lower()]
    if ctx.anchor is None:
        return mk.unanchored("day", type_="TIME" if tod else "DATE")
    return mk.day(ctx.anchor + timedelta(days=_DAY_OFFSETS[word]), tod)


def _day_before_after(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    if ctx.anchor is None:
        return mk.unanchored("day")
    return mk.day(ctx.anchor + timedelta(days=-2 if m["dir"].lower().startswith("b") else 2))


def _time_of_day_part(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'mid-afternoon', 'early morning yesterday', 'late evening': that part of the day (the
    anchor day unless a deictic word names another)."""
    code = lx.TIMES_OF_DAY[m["tod"].lower()]
    if ctx.anchor is None:
        return mk.unanchored("day", type_="TIME")
    shift = _DAY_OFFSETS[m["w"].lower()] if m["w"] else 0
    return mk.day(ctx.anchor + timedelta(days=shift), code)


def _this_time_of_day(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'this morning' is the anchor day; 'last night' / 'last evening' the day before."""
    rel, tod = m["rel"].lower(), m["tod"].lower()
    if rel == "last" and tod not in ("night", "evening"):
        return None
    code = lx.TIMES_OF_DAY[tod]
    if ctx.anchor is None:
        return mk.unanchored("day", type_="TIME")
    return mk.day(ctx.anchor - timedelta(days=1 if rel == "last" else 0), code)


# -- calendar units -------------------------------------------------------------------------------
def _unit_relative(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'last week' (ISO week), 'this month', 'next year', 'earlier this month' (start to anchor)."""
    if ctx.strict and capitalised(m["unit"]) and not m["unit"].isupper():
        return None  # ABC's "This Week": a programme
    unit, offset = m["unit"].lower(), lx.REL_OFFSETS[lx.squash(m["rel"])]
    adverb = (m["adv"] or "").lower()
    precision = f"part-of-{unit}" if adverb and offset == 0 else unit
    if ctx.anchor is None:
        return mk.unanchored(precision)
    res = mk.unit_period(ctx.anchor, unit, offset)
    if adverb == "earlier" and offset == 0:
        return res.narrowed((res.start or ctx.anchor, ctx.anchor), precision)
    if adverb == "later" and offset == 0:
        return res.narrowed((ctx.anchor, res.end or ctx.anchor), precision)
    return res


def _unit_part(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'late last year', 'early next week', 'the end of the month', 'the first half of the year'."""
    unit, part = m["unit"].lower(), lx.part_key(m["part"])
    offset = lx.REL_OFFSETS[lx.squash(m["rel"])] if m["rel"] else 0
    halves = unit == "year" and part in ("h1", "h2")
    if ctx.anchor is None:
        return mk.unanchored("half-year" if halves else f"part-of-{unit}")
    res = mk.unit_period(ctx.anchor, unit, offset)
    if halves:
        return mk.half(ctx.anchor.year + offset, 1 if part == "h1" else 2)
    assert res.start is not None and res.end is not None
    return res.narrowed(cal.part_bounds((res.start, res.end), unit, part), f"part-of-{unit}")


def _weekend(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the weekend' (just past, or coming if future), 'this weekend', 'last weekend'."""
    if ctx.anchor is None:
        return mk.unanchored("weekend")
    rel, in_weekend = lx.squash(m["rel"]), ctx.anchor.weekday() >= 5
    if rel == "the":
        offset = 0 if in_weekend or ctx.future else -1
    elif rel in ("coming", "this coming"):
        offset = 1 if in_weekend else 0
    else:
        offset = lx.REL_OFFSETS[rel]
    return mk.unit_period(ctx.anchor, "weekend", offset)


# -- counted units --------------------------------------------------------------------------------
#: How far back "a few" / "several" units ago may reach, in units (fewest, most).
_VAGUE_AGO_SPAN = (2, 7)
#: The precision of that span: coarser than the unit it counts.
_VAGUE_AGO_PRECISION = {
    "day": "part-of-month",
    "week": "part-of-quarter",
    "month": "part-of-year",
    "year": "part-of-decade",
}


def _ago(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'three days ago' (a day), 'two weeks ago' (that ISO week), 'a year ago' (that year)."""
    counted = _count(m["n"], m["unit"])
    if counted is None:
        return None
    unit = lx.UNITS[m["unit"].lower()]
    flags = _flags(counted[1] or unit in ("decade", "century"))
    if ctx.anchor is None:
        return mk.unanchored(lx.UNIT_PRECISION[unit], flags=flags)
    if counted[1] and unit in _VAGUE_AGO_PRECISION:
        # "a few years ago", "several weeks ago": somewhere two to seven units back. The
        # TIMEX3 value names no year it cannot know; the interval keeps what is known.
        oldest = mk.point(cal.shift(ctx.anchor, unit, -_VAGUE_AGO_SPAN[1]), lx.UNIT_PRECISION[unit])
        newest = mk.point(cal.shift(ctx.anchor, unit, -_VAGUE_AGO_SPAN[0]), lx.UNIT_PRECISION[unit])
        return Resolution(
            oldest.start, newest.end, _VAGUE_AGO_PRECISION[unit], "PAST_REF", "DATE", flags
        )
    found = cal.shift(ctx.anchor, unit, -counted[0])
    return mk.point(found, lx.UNIT_PRECISION[unit]).flagged(*flags)


def _counted(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """A count of units: 'three days ago', 'two years from now', or a length ('three months').

    One rule for all three so the costly number pattern scans the text once.
    """
    tail = lx.squash(m["tail"] or "")
    if tail.endswith("ago"):  # "two weeks ago", "a week or so ago"
        return _ago(m, ctx)
    if tail == "from now":
        return _in_future(m, ctx)
    return _duration(m, ctx)


def _vague_ago(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    return Resolution(None, None, None, "PAST_REF", "DATE", (APPROXIMATE,))


def _in_future(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'in two weeks', 'three days from now': the period that far ahead; in a past clause
    ("retook the town in two weeks") 'in' measures how long it took, a duration."""
    if ctx.tense == "past" and m["core"].lower().startswith("in"):
        return None
    if (
        ctx.strict
        and m["core"].lower().startswith("in")
        and (
            _OF_AFTER.match(text_after(m))
            or _RELATIVE_AFTER.match(text_after(m))
            or lx.SPAN_PREV.search(text_before(m))
            or _ORDINAL_NOUN_BEFORE.search(text_before(m, 50))
        )
    ):
        return None  # "in two years of war", "the first time in two years", "in a quarter
        # that saw a loss" are spans, not dates ahead
    counted = _count(m["n"], m["unit"])
    if counted is None:
        return None
    unit = lx.UNITS[m["unit"].lower()]
    flags = _flags(counted[1])
    if ctx.anchor is None:
        return mk.unanchored(lx.UNIT_PRECISION[unit], flags=flags)
    found = cal.shift(ctx.anchor, unit, counted[0])
    return mk.point(found, lx.UNIT_PRECISION[unit]).flagged(*flags)


def _back(anchor: date, unit: str, count: int) -> date:
    """First day of the ``count`` units that end on ``anchor`` (inclusive)."""
    if unit in ("minute", "hour"):
        return anchor - timedelta(days=math.ceil(count / (24 if unit == "hour" else 1440)))
    return cal.shift(anchor, unit, -count) + cal.ONE_DAY


def _ahead(anchor: date, unit: str, count: int) -> date:
    """Last day of the ``count`` units that start on ``anchor`` (inclusive)."""
    if unit in ("minute", "hour"):
        return anchor + timedelta(days=math.ceil(count / (24 if unit == "hour" else 1440)))
    return cal.shift(anchor, unit, count) - cal.ONE_DAY


def _anchored_duration(m: re.Match[str], ctx: Ctx, past: bool) -> Resolution | None:
    unit_text = m["unit"]
    unit = lx.UNITS[unit_text.lower()]
    if not m["n"] and (unit == "quarter" or not m["the"]):
        return None  # "last quarter", "the last quarter", "next week" are calendar units
    if m["the"] and past and m["n"] is None and unit_text.lower() == "year":
        # "the past year": TimeML names the calendar year before this one
        return None if ctx.anchor is None else mk.unit_period(ctx.anchor, unit, -1)
    counted = _count(m["n"], unit_text)
    if counted is None:
        return None
    count, vague = counted
    value = mk.duration_value(unit, None if vague else count)
    if ctx.anchor is None:
        return mk.unanchored("duration", value, type_="DURATION", flags=_flags(vague))
    bounds = (
        (_back(ctx.anchor, unit, count), ctx.anchor)
        if past
        else (ctx.anchor, _ahead(ctx.anchor, unit, count))
    )
    return mk.period(bounds, "duration", value, type_="DURATION", flags=_flags(vague))


def _past_duration(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the past two years' (P2Y, ending on the anchor), 'the last week', 'the past few days'."""
    return _anchored_duration(m, ctx, past=True)


def _next_duration(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'the next two weeks', 'the coming months', 'the weeks ahead' (starting on the anchor)."""
    return _anchored_duration(m, ctx, past=False)


def _recent(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'recent weeks': a vague span ending on the anchor."""
    unit = lx.UNITS[m["unit"].lower()]
    value = mk.duration_value(unit, None)
    if ctx.anchor is None:
        return mk.unanchored("duration", value, type_="DURATION", flags=(APPROXIMATE,))
    bounds = (_back(ctx.anchor, unit, lx.VAGUE_COUNTS["few"]), ctx.anchor)
    return mk.period(bounds, "duration", value, type_="DURATION", flags=(APPROXIMATE,))


def _length_cue(m: re.Match[str]) -> bool:
    """Whether an article duration ("a week") stands as a length: after a preposition that
    takes one ("for a week") or a verb that does ("gave them a week", "as long as a month")."""
    return (
        preposition(m) in lx.ARTICLE_DURATION_PREPS
        or word_before(m) in _LENGTH_VERBS
        or bool(_SHIFT_AFTER.match(text_after(m)))  # "a minute and a half later"
    )


def _duration(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'three months', 'a 30-day', '48 hours', 'two and a half years', 'a year and a half':
    a length, no interval."""
    number, unit_text = m["n"], m["unit"]
    unit = lx.UNITS[unit_text.lower()]
    if ctx.strict:
        if (
            number.lower() in _ARTICLES
            and not m["mod"]
            and "-" not in m["join"]  # "a one-day visit" is a length whatever comes before
            and (unit == "quarter" or not _length_cue(m))
        ):
            return None
        if unit == "quarter" and (_FRACTION_OF.match(text_after(m)) or m["join"].strip() == "-"):
            return None  # "three-quarters of its fuel", "a rolling four-quarter average"
        if capitalised(unit_text) and not capitalised(m["n"]):
            return None  # "CBS's 60 Minutes" is a programme
        if re.fullmatch(r"(?:1[6-9]|20)\d\d", number):
            return None  # "the 1988 quarter" names a year, it does not count quarters
        if _OLD_AFTER.match(text_after(m)):  # "a two-year-old"
            return None
    parsed = lx.parse_count(number)
    if parsed is None:
        return None
    count, vague = parsed
    if m["half"] or m["tail"]:  # "two and a half years", "a year and a half"
        count += 0.5
    value = mk.duration_value(unit, None if vague else count)
    return Resolution(None, None, "duration", value, "DURATION", _flags(vague))


def _long_adjective(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'a day-long meeting' (P1D), 'a decades-long feud' (PXY): a length used as adjective."""
    word = m["unit"].lower()
    unit = lx.UNITS[word]
    vague = word.endswith("s")
    value = mk.duration_value(unit, None if vague else 1)
    return Resolution(None, None, "duration", value, "DURATION", _flags(vague))


def _per_unit(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'$1 billion a year', '50,000 CDs a year', 'hundreds of calls a day': a rate, i.e. a
    TimeML SET, when an amount comes just before."""
    if not _AMOUNT_BEFORE.search(m.string[max(0, m.start("core") - 40) : m.start("core")]):
        return None
    if _NOT_RATE_AFTER.match(text_after(m)):
        return None  # "a year ago", "a year and a half"
    return _set(mk.duration_value(lx.UNITS[m["unit"].lower()], 1))


def _forward_ref(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'future quarters', 'coming months' (FUTURE_REF); 'past years' (PAST_REF)."""
    value = "PAST_REF" if m["w"].lower() == "past" else "FUTURE_REF"
    return Resolution(None, None, None, value, "DATE")


def _vague_duration(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'for years', 'over decades': an unknown number of units."""
    if ctx.strict and preposition(m) not in ("for", "over", "within"):
        return None
    value = mk.duration_value(lx.UNITS[m["unit"].lower()], None)
    return Resolution(None, None, "duration", value, "DURATION", (APPROXIMATE,))


# -- sets -----------------------------------------------------------------------------------------
def _set(value: str, *flags: str) -> Resolution:
    return Resolution(None, None, "set", value, "SET", tuple(flags))


def _every(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'every Monday' (XXXX-WXX-1), 'every two weeks' (P2W), 'each March', 'every summer'."""
    word = m["w"]
    key = word.lower()
    if key in lx.UNITS:
        if m["n"] and m["n"].lower() == "other":
            count: float = 2
        else:
            parsed = lx.parse_count(m["n"]) if m["n"] else (1.0, False)
            if parsed is None:
                return None
            count = parsed[0]
        return _set(mk.duration_value(lx.UNITS[key], count))
    if m["n"]:
        return None
    if key in lx.WEEKDAYS or key in lx.MONTHS:
        if ctx.strict and not capitalised(word):
            return None
        if key in lx.WEEKDAYS:
            return _set(f"XXXX-WXX-{lx.WEEKDAYS[key] + 1}")
        return _set(f"XXXX-{lx.MONTHS[key]:02d}")
    if key in lx.SEASONS:
        return _set(f"XXXX-{lx.SEASONS[key]}")
    if key == "weekend":
        return _set("XXXX-WXX-WE")
    return _set(f"XXXX-XX-XXT{lx.TIMES_OF_DAY[key]}")


def _weekday_plural(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'on Mondays': a weekly set."""
    if ctx.strict and not (capitalised(m["wd"]) and preposition(m) == "on"):
        return None
    return _set(f"XXXX-WXX-{lx.WEEKDAYS[m['wd'].lower()] + 1}")


def _weekday_tod_plural(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'Tuesday nights', 'Sunday mornings': a weekly set at that time of day."""
    if ctx.strict and not capitalised(m["wd"]):
        return None
    code = lx.TIMES_OF_DAY[m["tod"].lower()[:-1]]
    return _set(f"XXXX-WXX-{lx.WEEKDAYS[m['wd'].lower()] + 1}T{code}")


def _frequency_adverb(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'weekly', 'daily', 'annual' ('Daily Mail', 'Weekly Standard' are names)."""
    if ctx.strict:
        if capitalised(m["adv"]):
            return None
        key = m["adv"].lower()
        if _RATE_BEFORE.search(text_before(m, 16)):
            return None  # "grow 6% annually": a rate, not a schedule
        after = raw_word_after(m)
        if key == "quarterly" and (
            (after.isalpha() and after.islower() and after not in lx.FUNCTION_WORDS)
            or word_before(m) in lx.DETERMINERS
        ):
            return None  # "its quarterly dividend", "the quarterly": a kind of report
    return _set(lx.FREQUENCY_ADVERBS[m["adv"].lower()])


def _frequency(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'twice a week' (P1W, flag freq=2), 'three times a year'."""
    how = lx.squash(m["f"])
    times = lx.FREQUENCY_WORDS.get(how)
    if times is None:
        parsed = lx.parse_count(how.removesuffix(" times"))
        if parsed is None:
            return None
        times = int(parsed[0])
    return _set(mk.duration_value(lx.UNITS[m["unit"].lower()], 1), f"freq={times}")


# -- references -----------------------------------------------------------------------------------
def _reference(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'now'/'currently' -> PRESENT_REF (the anchor day); 'recently' -> PAST_REF; 'soon' ->
    FUTURE_REF. Past and future references carry no interval."""
    key = lx.squash(m["w"])
    if ctx.strict:
        after = text_after(m)
        if key == "now" and after.startswith("-"):  # "now-defunct"
            return None
        if key == "current":
            following = raw_word_after(m)
            if not (following.isalpha() and following.islower()) or following in _NOT_CURRENT:
                return None  # "the current account", "a current of air"
        if key in ("soon", "shortly") and (
            word_before(m) == "as"
            or raw_word_after(m).lower() in ("after", "before", "afterwards", "thereafter")
        ):
            return None  # relative to another event, not to the publication date
        if _near_future(key) and adjacent_tense(m.string, m.start("w"), m.end("w")) == "past":
            return None  # "he was soon freed": shortly after the event told, not from today
    value = lx.REFERENCES[key]
    if value != "PRESENT_REF":
        return Resolution(None, None, None, value, "DATE")
    if ctx.anchor is None:
        return mk.unanchored(None, value)
    return mk.period((ctx.anchor, ctx.anchor), "day", value)


def _near_future(key: str) -> bool:
    """'soon', 'shortly', 'as soon as possible': near-future words, which a past clause turns
    into "shortly after" the event it tells."""
    return key in ("soon", "shortly", "as soon as possible")


_NOT_CURRENT = frozenset(["account", "accounts", "affairs", "and", "or", "of", "to", "in"])


def _phrase(words: dict[str, str] | dict[str, int] | frozenset[str]) -> str:
    """Alternation of multi-word phrases, any whitespace between words."""
    return lx.alternation(words).replace(r"\ ", r"\s+").replace(" ", r"\s+")


_UNIT_PLURAL = r"(?:minutes|hours|days|weeks|months|years|decades|centuries)"
#: Hedges on a count that TimeML keeps inside the expression ("nearly an hour").
_COUNT_MODIFIER = (
    r"(?:less\s+than|more\s+than|fewer\s+than|nearly|almost|about|around|roughly|"
    r"approximately|at\s+least|at\s+most|only|just|barely|some|over|under|up\s+to)"
)
_UNITS_CAL = r"(?:week|month|quarter|year|decade|century)"
_TOD = lx.TIME_OF_DAY

_UNIT = ("unit",)
_NAMES = ("unit", "weekday", "month", "season", "time-of-day")

RULES: tuple[Rule, ...] = (
    Rule(
        "deictic-day",
        r"(?:(?:earlier|later|early|late)\s+)?(?P<w>today|tonight|yesterday|"
        rf"tomorrow)(?:\s+(?P<tod>{_TOD}))?",
        _deictic_day,
        needs=("deictic",),
    ),
    Rule(
        "day-before-after",
        r"the\s+day\s+(?P<dir>before\s+yesterday|after\s+tomorrow)",
        _day_before_after,
        needs=("deictic",),
    ),
    Rule(
        "time-of-day-part",
        r"(?:early|late|mid)[\s-]?(?P<tod>morning|afternoon|evening)"
        r"(?:\s+(?P<w>yesterday|today|tomorrow))?",
        _time_of_day_part,
        needs=("time-of-day",),
    ),
    Rule(
        "this-time-of-day",
        r"(?:(?:earlier|later)\s+)?(?P<rel>this|last)\s+(?P<tod>morning|afternoon|evening|night)",
        _this_time_of_day,
        needs=("time-of-day",),
    ),
    Rule(
        "unit-part",
        rf"(?P<part>{lx.PART}){lx.JOIN}(?:(?P<rel>last|this|next)\s+|the\s+"
        r"(?:current\s+)?)(?P<unit>week|month|year|decade|century)",
        _unit_part,
        needs=_UNIT,
    ),
    Rule(
        "unit-relative",
        r"(?:(?P<adv>earlier|later)\s+)?(?P<rel>the\s+current|this\s+past|"
        rf"this\s+coming|last|this|next|current)\s+(?P<unit>{_UNITS_CAL})",
        _unit_relative,
        needs=_UNIT,
    ),
    Rule(
        "weekend",
        r"(?P<rel>the|this\s+past|this\s+coming|this|last|next|past|coming)"
        r"\s+weekend",
        _weekend,
        needs=_UNIT,
    ),
    Rule("vague-ago", rf"(?:(?:many|some)\s+)?{_UNIT_PLURAL}\s+ago", _vague_ago, needs=_UNIT),
    Rule(
        "in-future",
        rf"in\s+(?P<n>{lx.NUMBER})\s+(?P<unit>{lx.UNIT})"
        rf"(?:{lx.APOSTROPHE}s?\s+time)?",
        _in_future,
        needs=_UNIT,
        tensed=True,
    ),
    Rule(
        "counted",
        rf"(?:(?P<mod>{_COUNT_MODIFIER})\s+)?(?P<n>{lx.NUMBER})(?P<half>\s+and\s+a\s+half)?"
        r"(?P<join>\s+(?:more|additional|further|extra|full|trading|business|working)\s+|"
        r"\s+|\s*-\s*)"
        rf"(?P<unit>{lx.UNIT})(?:\s+(?P<tail>(?:or\s+so\s+)?ago|from\s+now|and\s+a\s+half))?",
        _counted,
        needs=_UNIT,
    ),
    Rule(
        "past-duration",
        r"(?:(?P<the>the)\s+)?(?P<rel>past|last|previous)\s+"
        rf"(?:(?P<n>{lx.NUMBER})\s+)?(?P<unit>{lx.UNIT})",
        _past_duration,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "next-duration",
        r"(?:(?P<the>the)\s+)?(?P<rel>next|coming|upcoming)\s+"
        rf"(?:(?P<n>{lx.NUMBER})\s+)?(?P<unit>{lx.UNIT})",
        _next_duration,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "duration-ahead",
        rf"(?P<the>the)\s+(?:(?P<n>{lx.NUMBER})\s+)?(?P<unit>{lx.UNIT})\s+ahead",
        _next_duration,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "recent",
        r"recent\s+(?P<unit>days|weeks|months|quarters|years|decades)",
        _recent,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "long-adjective",
        r"(?P<unit>minute|hour|day|week|month|year|decade|century|minutes|hours|days|weeks|"
        r"months|years|decades|centuries)-long",
        _long_adjective,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "per-unit",
        r"(?:a|an|per)\s+(?P<unit>year|month|week|day|hour)",
        _per_unit,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "forward-ref",
        r"(?P<w>future|coming|upcoming|past)\s+(?:days|weeks|months|quarters|years)",
        _forward_ref,
        point=False,
        needs=_UNIT,
    ),
    Rule("vague-duration", rf"(?P<unit>{_UNIT_PLURAL})", _vague_duration, point=False, needs=_UNIT),
    Rule(
        "every",
        rf"(?:every|each)\s+(?:(?P<n>{lx.NUMBER}|other)\s+)?(?P<w>{lx.UNIT}|"
        rf"{lx.WEEKDAY}|{lx.MONTH_FULL}|{lx.SEASON}|{_TOD}|weekend)",
        _every,
        point=False,
        needs=_NAMES,
    ),
    Rule(
        "weekday-tod-plural",
        rf"(?P<wd>{lx.WEEKDAY})\s+(?P<tod>mornings|afternoons|evenings|nights)",
        _weekday_tod_plural,
        point=False,
        needs=("weekday",),
    ),
    Rule(
        "weekday-plural",
        rf"(?P<wd>{lx.WEEKDAY})s",
        _weekday_plural,
        point=False,
        needs=("weekday",),
    ),
    Rule(
        "frequency-adverb",
        rf"(?P<adv>{lx.alternation(lx.FREQUENCY_ADVERBS)})",
        _frequency_adverb,
        point=False,
        needs=("frequency",),
    ),
    Rule(
        "frequency",
        rf"(?P<f>once|twice|thrice|{lx.NUMBER}\s+times)\s+(?:a|an|per|every|each)"
        rf"\s+(?P<unit>{lx.UNIT})",
        _frequency,
        point=False,
        needs=_UNIT,
    ),
    Rule(
        "reference",
        rf"(?P<w>{_phrase(lx.REFERENCES)})",
        _reference,
        point=False,
        needs=("reference",),
    ),
)
