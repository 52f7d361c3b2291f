"""Running the grammar: ranges built from the point rules, scanning text, resolving one phrase.

Every rule is compiled once at import, twice: a scanner for free text and a phrase pattern that
also allows a leading preposition ("on 26 July"). The preposition may license a match ("in May")
or flag it ("until March") but is not part of the reported span, following TimeML extents.
Scanning keeps the longest non-overlapping matches a handler accepts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from . import lexicon as lx
from . import model as mk
from .base import Ctx, Rule, preposition, raw_word_after
from .model import PRECISIONS, UNANCHORED, Resolution
from .named import RULES as NAMED_RULES
from .named import bare_year_ok
from .relative import RULES as RELATIVE_RULES

#: Prepositions that qualify a point without changing it, kept as a flag on the resolution.
PREPOSITION_FLAGS: dict[str, str] = {
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
    "by": "by",
}
_NAME_WORD = re.compile(rf"\b(?:{lx.MONTH_FULL}|{lx.MONTH_ABBR}|{lx.WEEKDAY})\b", re.IGNORECASE)
Compiled = tuple[tuple[Rule, re.Pattern[str]], ...]
_DAY_ONLY = re.compile(lx.DAY, re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-]\d{4}(?!\d)")
_RANKS = {p: i for i, p in enumerate(PRECISIONS)}
_TRAILING = re.compile(r"(?<=\D)'s?$|[\s.,;:!?\"\u201c\u201d()\[\]]+$")


def _scanner(core: str) -> re.Pattern[str]:
    """For finditer over free text: the expression alone, on word boundaries."""
    return re.compile(rf"(?<!\w)(?P<core>{core})(?!\w)", re.IGNORECASE)


def _phrase(core: str) -> re.Pattern[str]:
    """For fullmatch on one phrase: the expression, optionally after a preposition."""
    return re.compile(rf"(?:(?P<pre>{lx.PREPOSITION})\s+)?(?P<core>{core})", re.IGNORECASE)


def _ungrouped(pattern: str) -> str:
    """A rule's core without its named groups, to embed in a larger pattern."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_POINT_RULES = tuple(r for r in (*NAMED_RULES, *RELATIVE_RULES) if r.point)
_POINT_PHRASES = tuple((r, _phrase(r.core)) for r in _POINT_RULES)
_SIMPLE = "(?:" + "|".join(_ungrouped(r.core) for r in _POINT_RULES) + ")"


# -- ranges ---------------------------------------------------------------------------------------
def _side(text: str, ctx: Ctx) -> Resolution | None:
    """One end of a range, read like a stand-alone phrase."""
    return _fullmatch(text, replace(ctx, strict=False), _POINT_PHRASES)


def _names_ok(*texts: str) -> bool:
    """In running text, month and weekday names inside a range must be capitalised."""
    return all(w[0].isupper() for t in texts for w in _NAME_WORD.findall(t))


def _coarser(a: str | None, b: str | None) -> str | None:
    return max((p for p in (a, b) if p), key=lambda p: _RANKS.get(p, 0), default=None)


def interval(a: Resolution, b: Resolution, *flags: str) -> Resolution | None:
    """From the start of ``a`` to the end of ``b``; value in ISO 8601 interval notation."""
    value = f"{a.value}/{b.value}" if a.value and b.value else None
    merged = tuple(dict.fromkeys(("interval", *flags, *a.flags, *b.flags)))
    precision = _coarser(a.precision, b.precision)
    if a.start is None or b.end is None:
        return Resolution(
            None,
            None,
            precision,
            value,
            "DATE",
            merged if UNANCHORED in merged else (*merged, UNANCHORED),
        )
    if a.start > b.end:
        return None
    return Resolution(a.start, b.end, precision, value, "DATE", merged)


def _between(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'between May and July', 'from 2019 to 2021', 'from 10 to 12 April'.

    The first end is placed relative to the second ("from December to February": the December
    before that February).
    """
    if ctx.strict and not (_names_ok(m["a"], m["b"]) and _years_ok(m, m["a"], m["b"])):
        return None
    b = _side(m["b"], ctx)
    if b is None:
        return None
    if _DAY_ONLY.fullmatch(m["a"]):
        return _day_to_date(lx.day_number(m["a"]), b)
    a = _side(m["a"], replace(ctx, ref=b.end or ctx.ref))
    return None if a is None else interval(a, b)


def _day_to_date(first: int, b: Resolution) -> Resolution | None:
    """'from 10 to 12 April': the first end borrows the month and year of the second."""
    if b.precision != "day":
        return None
    if b.start is None:
        return interval(mk.unanchored("day"), b)
    if first >= b.start.day:
        return None
    return interval(mk.day(b.start.replace(day=first)), b)


def _years_ok(m: re.Match[str], *sides: str) -> bool:
    """'between 1000 and 2000 people' is a count: bare years must look like years."""
    numbers = [int(t) for t in sides if t.isdigit() and len(t) == 4]
    return not numbers or (
        all(1900 <= n <= 2099 for n in numbers) and raw_word_after(m).lower() not in lx.COUNT_NOUNS
    )


def _since(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'since 2021': from the start of 2021 to the publication date, flagged 'since'."""
    if ctx.strict and not _names_ok(m["x"]):
        return None
    x = _side(m["x"], ctx)
    if x is None:
        return None
    flags = tuple(dict.fromkeys((*x.flags, "since")))
    if x.start is None or ctx.anchor is None:
        flags = flags if UNANCHORED in flags else (*flags, UNANCHORED)
        return Resolution(x.start, None, x.precision, x.value, x.type, flags)
    if x.start > ctx.anchor:
        return None
    return Resolution(x.start, ctx.anchor, x.precision, x.value, x.type, flags)


def _day_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'10-12 April 2024', 'April 10-12': both days in one month."""
    if ctx.strict and not _names_ok(m["mon"]):
        return None
    year = f" {m['y']}" if m["y"] else ""
    b = _side(f"{lx.day_number(m['d2'])} {m['mon']}{year}", ctx)
    return None if b is None else _day_to_date(lx.day_number(m["d1"]), b)


def _month_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'April-June 2024', 'May to July': the first month placed before the second."""
    if ctx.strict and not _names_ok(m["a"], m["b"]):
        return None
    b = _side(f"{m['b']} {m['y']}" if m["y"] else m["b"], ctx)
    if b is None:
        return None
    a = _side(m["a"], replace(ctx, ref=b.end or ctx.ref))
    return None if a is None else interval(a, b)


def _year_range(m: re.Match[str], ctx: Ctx) -> Resolution | None:
    """'2019-2021', '2019 to 2021', '2023/24'."""
    first, second = int(m["a"]), m["b"]
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if last <= first or (ctx.strict and not bare_year_ok(m, first)):
        return None
    return interval(mk.year(first), mk.year(last))


_RANGE_WORD = r"(?:and|to|until|till|through|thru|-|\u2013|\u2014)"
_DASH = r"(?:-|\u2013|\u2014|to|and)"
_ANY_POINT = ("digit", "month", "weekday", "season", "unit", "time-of-day", "deictic")
RANGE_RULES: tuple[Rule, ...] = (
    Rule(
        "between",
        rf"(?:between|from)\s+(?P<a>{_SIMPLE}|{lx.DAY})\s*{_RANGE_WORD}\s*"
        rf"(?P<b>{_SIMPLE})",
        _between,
        point=False,
        needs=_ANY_POINT,
    ),
    Rule("since", rf"since\s+(?P<x>{_SIMPLE})", _since, point=False, needs=_ANY_POINT),
    Rule(
        "day-range",
        rf"(?P<d1>{lx.DAY})\s*{_DASH}\s*(?P<d2>{lx.DAY})(?:\s+of)?\s+"
        rf"(?P<mon>{lx.MONTH})(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _day_range,
        point=False,
        needs=("month",),
    ),
    Rule(
        "month-day-range",
        rf"(?P<mon>{lx.MONTH})\s+(?P<d1>{lx.DAY})\s*{_DASH}\s*"
        rf"(?P<d2>{lx.DAY})(?!\d)(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _day_range,
        point=False,
        needs=("month",),
    ),
    Rule(
        "month-range",
        rf"(?P<a>{lx.MONTH_FULL})\s*(?:-|\u2013|\u2014|to|through|until)\s*"
        rf"(?P<b>{lx.MONTH_FULL})(?:,?\s+(?P<y>{lx.YEAR})(?!\d))?",
        _month_range,
        point=False,
        needs=("month",),
    ),
    Rule(
        "year-range",
        rf"(?P<a>{lx.YEAR})\s*(?:-|\u2013|\u2014|/|to)\s*"
        rf"(?P<b>{lx.YEAR}|\d{{2}})(?![-/]\d)",
        _year_range,
        point=False,
        needs=("digit",),
    ),
)

RULES: tuple[Rule, ...] = (*RANGE_RULES, *NAMED_RULES, *RELATIVE_RULES)
_SCANNERS = tuple((r, _scanner(r.core)) for r in RULES)
_PHRASES = tuple((r, _phrase(r.core)) for r in RULES)
_CUES = {name: re.compile(source, re.IGNORECASE) for name, source in lx.CUES.items()}


# -- running rules --------------------------------------------------------------------------------
def _apply(rule: Rule, m: re.Match[str], ctx: Ctx) -> Resolution | None:
    try:
        res = rule.handle(m, ctx)
    except (ValueError, OverflowError):  # "3000 centuries ago": outside datetime's years 1-9999
        return None
    pre = preposition(m)
    if res is not None and pre in PREPOSITION_FLAGS:
        res = res.flagged(PREPOSITION_FLAGS[pre])
    return res


def _fullmatch(text: str, ctx: Ctx, phrases: Compiled | None = None) -> Resolution | None:
    """The first rule (in priority order) that matches the whole phrase and accepts it."""
    cues = _cues(text)
    for rule, pattern in _PHRASES if phrases is None else phrases:
        if rule.needs and cues.isdisjoint(rule.needs):
            continue
        m = pattern.fullmatch(text)
        if m is not None:
            res = _apply(rule, m, ctx)
            if res is not None:
                return res
    return None


def _cues(text: str) -> set[str]:
    return {name for name, cue in _CUES.items() if cue.search(text)}


def scan(text: str, ctx: Ctx) -> list[tuple[int, int, Resolution]]:
    """Longest accepted matches first, then rule order, then leftmost; no two overlap."""
    cues = _cues(text)
    if not cues:
        return []
    found: list[tuple[int, int, int, re.Match[str]]] = []
    for index, (rule, pattern) in enumerate(_SCANNERS):
        if rule.needs and cues.isdisjoint(rule.needs):
            continue
        for m in pattern.finditer(text):
            start, end = m.span("core")
            found.append((start - end, index, start, m))
    found.sort(key=lambda c: c[:3])
    taken: list[tuple[int, int, Resolution]] = []
    for _, index, start, m in found:
        end = m.end("core")
        if any(start < e and s < end for s, e, _ in taken):
            continue
        res = _apply(_SCANNERS[index][0], m, ctx)
        if res is not None:
            taken.append((start, end, res))
    return sorted(taken, key=lambda t: t[0])


def as_day(anchor: date | datetime | None) -> date | None:
    return anchor.date() if isinstance(anchor, datetime) else anchor


def normalise(text: str) -> str:
    """One phrase as the grammar expects it: plain apostrophes, single spaces, no trailing
    punctuation or possessive ("last year's" -> "last year")."""
    flat = " ".join(text.replace("\u2019", "'").split()).lstrip('"\u201c([')
    return _TRAILING.sub("", _TRAILING.sub("", flat))


def resolve(text: str, anchor: date | datetime | None, future: bool = False) -> Resolution | None:
    """The grammar on the whole phrase, else the longest phrase inside it, else dateparser."""
    day = as_day(anchor)
    phrase = normalise(text)
    if not phrase:
        return None
    res = _fullmatch(phrase, Ctx(day, day, future, strict=False))
    if res is not None:
        return res
    inside = scan(phrase, Ctx(day, day, future, strict=True))
    if inside:
        return max(inside, key=lambda t: t[1] - t[0])[2]
    return _absolute_fallback(phrase)


# -- dateparser fallback --------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _date_parser() -> Any:
    """Built on first use: importing dateparser costs about a second."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": datetime(2000, 1, 1),
            "REQUIRE_PARTS": ["year"],
            "PREFER_DATES_FROM": "past",
        },
    )


def _absolute_fallback(phrase: str) -> Resolution | None:
    """Odd absolute formats ('10/04/2024'); only phrases that carry a four-digit year, so no
    relative phrase is ever read against the clock. Flagged 'dateparser', plus
    'ambiguous-order' when day and month could be swapped (dateparser reads month first)."""
    if not re.search(r"(?<!\d)[12]\d{3}(?!\d)", phrase):
        return None
    data = _date_parser().get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        res = mk.year(d.year)
    elif period == "month":
        res = mk.month(d.year, d.month)
    elif period == "week":
        res = mk.week(d)
    else:
        res = mk.day(d)
    numeric = _NUMERIC_DATE.search(phrase)
    if (
        numeric
        and len({int(numeric[1]), int(numeric[2])}) == 2
        and max(int(numeric[1]), int(numeric[2])) <= 12
    ):
        return res.flagged("dateparser", "ambiguous-order")  # 10/04: October or April?
    return res.flagged("dateparser")
